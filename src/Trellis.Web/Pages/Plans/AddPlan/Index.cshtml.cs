using Microsoft.AspNetCore.Mvc;
using Trellis.Core.Plans;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.Plans.AddPlan;

[OrganisationAccess(OrganisationPermission.Administer)]
public class AddPlanModel(PlanService plans, CurrentOrganisation organisation) : PlanFormPage
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var input = ValidatedInput();
        if (input is null)
        {
            return PageWithErrors();
        }

        var plan = await plans.CreatePlanAsync(organisation.Id, input, ct);
        return Redirect($"/plans/{plan.Id}");
    }
}
