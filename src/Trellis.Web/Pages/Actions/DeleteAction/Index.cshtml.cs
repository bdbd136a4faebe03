using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Trellis.Core.Accounts;
using Trellis.Core.Data;
using Trellis.Core.Plans;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.Actions.DeleteAction;

[PlanAccess(PlanPermission.Manage)]
public class DeleteActionModel(TrellisDbContext db, PlanService plans, CurrentOrganisation organisation) : TrellisPageModel
{
    [FromRoute]
    public int PlanId { get; set; }

    [FromRoute]
    public int ActionId { get; set; }

    public int AreaId { get; private set; }
    public string Ref { get; private set; } = string.Empty;
    public string Text { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        await plans.DeleteActionAsync(organisation.Id, ActionId, ct);
        return Redirect($"/plans/{PlanId}/areas/{AreaId}#actions");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var action = await db.Actions.Where(a => a.Id == ActionId && a.Area.PlanId == PlanId && a.Area.Plan.OrganisationId == organisation.Id)
            .Select(a => new { a.AreaId, a.Ref, a.Text }).FirstOrDefaultAsync(ct);
        if (action is null)
        {
            return false;
        }

        (AreaId, Ref, Text) = (action.AreaId, action.Ref, action.Text);
        return true;
    }
}
