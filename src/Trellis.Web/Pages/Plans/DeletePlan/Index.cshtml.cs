using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Trellis.Core.Accounts;
using Trellis.Core.Data;
using Trellis.Core.Plans;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.Plans.DeletePlan;

[PlanAccess(PlanPermission.Manage)]
public class DeletePlanModel(TrellisDbContext db, PlanService plans, CurrentOrganisation organisation) : TrellisPageModel
{
    [FromRoute]
    public int PlanId { get; set; }

    public string Title { get; private set; } = string.Empty;
    public int Areas { get; private set; }
    public int Actions { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var plan = await db.Plans.Where(p => p.Id == PlanId && p.OrganisationId == organisation.Id)
            .Select(p => new { p.Title, Areas = p.Areas.Count, Actions = p.Areas.SelectMany(a => a.Actions).Count() })
            .FirstOrDefaultAsync(ct);
        if (plan is null)
        {
            return NotFound();
        }

        (Title, Areas, Actions) = (plan.Title, plan.Areas, plan.Actions);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        await plans.DeletePlanAsync(organisation.Id, PlanId, ct) ? Redirect("/plans") : NotFound();
}
