using Microsoft.AspNetCore.Mvc;
using Trellis.Core.Accounts;
using Trellis.Core.Data;
using Trellis.Core.Plans;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.Areas.AddArea;

[PlanAccess(PlanPermission.Manage)]
public class AddAreaModel(TrellisDbContext db, PlanService plans, CurrentOrganisation organisation) : AreaFormPage(db, plans)
{
    private readonly PlanService _plans = plans;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await PlanIsOursAsync(organisation.Id, ct))
        {
            return NotFound();
        }

        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await PlanIsOursAsync(organisation.Id, ct))
        {
            return NotFound();
        }

        var input = await ValidatedInputAsync(ct);
        if (input is null)
        {
            await LoadChoicesAsync(ct);
            return PageWithErrors();
        }

        var area = await _plans.CreateAreaAsync(organisation.Id, PlanId, input, ct);
        return area is null ? NotFound() : Redirect($"/plans/{PlanId}/areas/{area.Id}");
    }
}
