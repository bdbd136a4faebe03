using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Trellis.Core.Audit;
using Trellis.Core.Data;
using Trellis.Core.Plans;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.History.AreaHistory;

/// <summary>Changes to an area and to what hangs from it directly: its actions, leads and monitoring entries.</summary>
public class AreaHistoryModel(TrellisDbContext db, AuditService audit, CurrentOrganisation organisation) : HistoryPage(audit, organisation)
{
    [FromRoute]
    public int PlanId { get; set; }

    [FromRoute]
    public int AreaId { get; set; }

    protected override AuditFilter Filter => new(OrganisationId, PlanId, nameof(Area), AreaId);

    protected override string FileName => $"area-{AreaId}-history.csv";

    protected override async Task<bool> LoadSubjectAsync(CancellationToken ct)
    {
        var area = await db.Areas.AsNoTracking()
            .Where(a => a.Id == AreaId && a.PlanId == PlanId && a.Plan.OrganisationId == OrganisationId)
            .Select(a => new { a.Number, a.Title })
            .FirstOrDefaultAsync(ct);
        (Subject, BackLink, BackText) = ($"Area {area?.Number}. {area?.Title}", $"/plans/{PlanId}/areas/{AreaId}", "Back to the area");
        return area is not null;
    }
}
