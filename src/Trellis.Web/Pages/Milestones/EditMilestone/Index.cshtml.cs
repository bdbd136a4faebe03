using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Trellis.Core.Accounts;
using Trellis.Core.Data;
using Trellis.Core.Plans;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.Milestones.EditMilestone;

[PlanAccess(PlanPermission.Manage)]
public class EditMilestoneModel(TrellisDbContext db, PlanService plans, CurrentOrganisation organisation) : MilestoneFormPage(plans)
{
    private readonly PlanService _plans = plans;

    [FromRoute]
    public int MilestoneId { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var milestone = await db.Milestones.AsNoTracking()
            .Where(m => m.Id == MilestoneId && m.Action.Area.PlanId == PlanId && m.Action.Area.Plan.OrganisationId == organisation.Id)
            .Select(m => new { m.ActionId, m.Action.AreaId, m.Action.Ref, ActionText = m.Action.Text, m.Text, DueText = m.Due.Text, m.Status })
            .FirstOrDefaultAsync(ct);
        if (milestone is null)
        {
            return NotFound();
        }

        ShowAction(milestone.AreaId, milestone.ActionId, milestone.Ref, milestone.ActionText);
        Form = new MilestoneForm
        {
            Text = milestone.Text,
            Due = milestone.DueText,
            Status = milestone.Status,
            CheckedDue = milestone.DueText,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var action = await db.Milestones
            .Where(m => m.Id == MilestoneId && m.Action.Area.PlanId == PlanId && m.Action.Area.Plan.OrganisationId == organisation.Id)
            .Select(m => new { m.ActionId, m.Action.AreaId, m.Action.Ref, m.Action.Text })
            .FirstOrDefaultAsync(ct);
        if (action is null)
        {
            return NotFound();
        }

        ShowAction(action.AreaId, action.ActionId, action.Ref, action.Text);
        if (!await ReadyToSaveAsync(ct))
        {
            return Redisplay();
        }

        return await _plans.UpdateMilestoneAsync(organisation.Id, MilestoneId, Form.ToInput(), ct)
            ? Redirect(ActionUrl)
            : NotFound();
    }
}
