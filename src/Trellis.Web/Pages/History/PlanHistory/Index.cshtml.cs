using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Trellis.Core.Audit;
using Trellis.Core.Data;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.History.PlanHistory;

/// <summary>Everything changed in a plan: the plan itself and its areas, actions, milestones, indicators and rounds.</summary>
public class PlanHistoryModel(TrellisDbContext db, AuditService audit, CurrentOrganisation organisation) : HistoryPage(audit, organisation)
{
    [FromRoute]
    public int PlanId { get; set; }

    protected override AuditFilter Filter => new(OrganisationId, PlanId);

    protected override string FileName => $"plan-{PlanId}-history.csv";

    protected override async Task<bool> LoadSubjectAsync(CancellationToken ct)
    {
        var title = await db.Plans.AsNoTracking().Where(p => p.Id == PlanId && p.OrganisationId == OrganisationId).Select(p => p.Title).FirstOrDefaultAsync(ct);
        (Subject, BackLink, BackText) = (title ?? string.Empty, $"/plans/{PlanId}", "Back to the plan");
        return title is not null;
    }
}
