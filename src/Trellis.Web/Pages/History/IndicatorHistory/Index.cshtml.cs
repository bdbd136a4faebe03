using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Trellis.Core.Audit;
using Trellis.Core.Data;
using Trellis.Core.Indicators;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.History.IndicatorHistory;

/// <summary>Changes to an indicator's definition, and its values, targets and comparators.</summary>
public class IndicatorHistoryModel(TrellisDbContext db, AuditService audit, CurrentOrganisation organisation) : HistoryPage(audit, organisation)
{
    [FromRoute]
    public int IndicatorId { get; set; }

    public int PlanId { get; private set; }

    protected override AuditFilter Filter => new(OrganisationId, PlanId, nameof(Indicator), IndicatorId);

    protected override string FileName => $"indicator-{IndicatorId}-history.csv";

    protected override async Task<bool> LoadSubjectAsync(CancellationToken ct)
    {
        var indicator = await db.Indicators.AsNoTracking()
            .Where(i => i.Id == IndicatorId && db.Plans.Any(p => p.Id == i.PlanId && p.OrganisationId == OrganisationId))
            .Select(i => new { i.Name, i.PlanId })
            .FirstOrDefaultAsync(ct);
        PlanId = indicator?.PlanId ?? 0;
        (Subject, BackLink, BackText) = (indicator?.Name ?? string.Empty, $"/indicators/{IndicatorId}", "Back to the indicator");
        return indicator is not null;
    }
}
