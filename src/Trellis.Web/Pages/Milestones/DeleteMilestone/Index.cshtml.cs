using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Trellis.Core.Accounts;
using Trellis.Core.Data;
using Trellis.Core.Dates;
using Trellis.Core.Plans;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.Milestones.DeleteMilestone;

[PlanAccess(PlanPermission.Manage)]
public class DeleteMilestoneModel(TrellisDbContext db, PlanService plans, CurrentOrganisation organisation, TimeProvider clock) : TrellisPageModel
{
    [FromRoute]
    public int PlanId { get; set; }

    [FromRoute]
    public int MilestoneId { get; set; }

    public string ActionRef { get; private set; } = string.Empty;
    public string ActionUrl { get; private set; } = string.Empty;
    public string Text { get; private set; } = string.Empty;
    public DueView Due { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        return await plans.DeleteMilestoneAsync(organisation.Id, MilestoneId, ct) ? Redirect(ActionUrl) : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var milestone = await db.Milestones
            .Where(m => m.Id == MilestoneId && m.Action.Area.PlanId == PlanId && m.Action.Area.Plan.OrganisationId == organisation.Id)
            .Select(m => new { m.ActionId, m.Action.AreaId, m.Action.Ref, m.Text, DueText = m.Due.Text, DueDate = m.Due.Date, m.Due.Precision, m.Status, ActionStatus = m.Action.Status })
            .FirstOrDefaultAsync(ct);
        if (milestone is null)
        {
            return false;
        }

        ActionRef = milestone.Ref;
        ActionUrl = $"/plans/{PlanId}/areas/{milestone.AreaId}#action-{milestone.ActionId}";
        Text = milestone.Text;
        Due = DueView.Of(milestone.DueText, milestone.DueDate, milestone.Precision, milestone.Status ?? milestone.ActionStatus, clock.Today());
        return true;
    }
}
