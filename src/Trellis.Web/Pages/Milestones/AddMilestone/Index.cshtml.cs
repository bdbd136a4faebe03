using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Trellis.Core.Accounts;
using Trellis.Core.Data;
using Trellis.Core.Plans;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.Milestones.AddMilestone;

[PlanAccess(PlanPermission.Manage)]
public class AddMilestoneModel(TrellisDbContext db, PlanService plans, CurrentOrganisation organisation) : MilestoneFormPage(plans)
{
    private readonly PlanService _plans = plans;

    [FromRoute]
    public int ActionId { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await LoadActionAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadActionAsync(ct))
        {
            return NotFound();
        }

        if (!await ReadyToSaveAsync(ct))
        {
            return Redisplay();
        }

        var milestone = await _plans.CreateMilestoneAsync(organisation.Id, ActionId, Form.ToInput(), ct);
        return milestone is null ? NotFound() : Redirect(ActionUrl);
    }

    private async Task<bool> LoadActionAsync(CancellationToken ct)
    {
        var action = await db.Actions.Where(a => a.Id == ActionId && a.Area.PlanId == PlanId && a.Area.Plan.OrganisationId == organisation.Id)
            .Select(a => new { a.AreaId, a.Ref, a.Text }).FirstOrDefaultAsync(ct);
        if (action is null)
        {
            return false;
        }

        ShowAction(action.AreaId, ActionId, action.Ref, action.Text);
        return true;
    }
}
