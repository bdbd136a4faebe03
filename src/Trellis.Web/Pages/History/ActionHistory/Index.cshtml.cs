using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Trellis.Core.Audit;
using Trellis.Core.Data;
using Trellis.Core.Plans;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.History.ActionHistory;

/// <summary>Changes to an action and to its milestones, owners and round updates.</summary>
public class ActionHistoryModel(TrellisDbContext db, AuditService audit, CurrentOrganisation organisation) : HistoryPage(audit, organisation)
{
    [FromRoute]
    public int PlanId { get; set; }

    [FromRoute]
    public int ActionId { get; set; }

    protected override AuditFilter Filter => new(OrganisationId, PlanId, nameof(PlanAction), ActionId);

    protected override string FileName => $"action-{ActionId}-history.csv";

    protected override async Task<bool> LoadSubjectAsync(CancellationToken ct)
    {
        var action = await db.Actions.AsNoTracking()
            .Where(a => a.Id == ActionId && a.Area.PlanId == PlanId && a.Area.Plan.OrganisationId == OrganisationId)
            .Select(a => new { a.Ref, a.AreaId })
            .FirstOrDefaultAsync(ct);
        (Subject, BackLink, BackText) = ($"Action {action?.Ref}", $"/plans/{PlanId}/areas/{action?.AreaId}#action-{ActionId}", "Back to the action");
        return action is not null;
    }
}
