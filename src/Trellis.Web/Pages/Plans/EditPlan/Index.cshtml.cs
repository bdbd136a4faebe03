using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Trellis.Core.Accounts;
using Trellis.Core.Data;
using Trellis.Core.Plans;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.Plans.EditPlan;

[PlanAccess(PlanPermission.Manage)]
public class EditPlanModel(TrellisDbContext db, PlanService plans, CurrentOrganisation organisation) : PlanFormPage
{
    [FromRoute]
    public int PlanId { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == PlanId && p.OrganisationId == organisation.Id, ct);
        if (plan is null)
        {
            return NotFound();
        }

        Form = PlanForm.From(plan);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var input = ValidatedInput();
        if (input is null)
        {
            return PageWithErrors();
        }

        return await plans.UpdatePlanAsync(organisation.Id, PlanId, input, ct)
            ? Redirect($"/plans/{PlanId}")
            : NotFound();
    }
}
