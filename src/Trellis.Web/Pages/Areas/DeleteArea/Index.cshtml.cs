using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Trellis.Core.Accounts;
using Trellis.Core.Data;
using Trellis.Core.Plans;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.Areas.DeleteArea;

[PlanAccess(PlanPermission.Manage)]
public class DeleteAreaModel(TrellisDbContext db, PlanService plans, CurrentOrganisation organisation) : TrellisPageModel
{
    [FromRoute]
    public int PlanId { get; set; }

    [FromRoute]
    public int AreaId { get; set; }

    public string Number { get; private set; } = string.Empty;
    public string Title { get; private set; } = string.Empty;
    public int Actions { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var area = await db.Areas.Where(a => a.Id == AreaId && a.PlanId == PlanId && a.Plan.OrganisationId == organisation.Id)
            .Select(a => new { a.Number, a.Title, Actions = a.Actions.Count })
            .FirstOrDefaultAsync(ct);
        if (area is null)
        {
            return NotFound();
        }

        (Number, Title, Actions) = (area.Number, area.Title, area.Actions);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await db.Areas.AnyAsync(a => a.Id == AreaId && a.PlanId == PlanId, ct))
        {
            return NotFound();
        }

        return await plans.DeleteAreaAsync(organisation.Id, AreaId, ct) ? Redirect($"/plans/{PlanId}#areas") : NotFound();
    }
}
