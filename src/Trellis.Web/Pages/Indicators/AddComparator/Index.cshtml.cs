using Microsoft.AspNetCore.Mvc;
using Trellis.Core.Accounts;
using Trellis.Core.Data;
using Trellis.Core.Indicators;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.Indicators.AddComparator;

[PlanAccess(PlanPermission.Manage)]
public class AddComparatorModel(TrellisDbContext db, IndicatorService indicators, CurrentOrganisation organisation) : ComparatorFormPage(db, organisation)
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await LoadIndicatorAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadIndicatorAsync(ct))
        {
            return NotFound();
        }

        if (ReadInput() is not { } input)
        {
            return PageWithErrors();
        }

        var result = await indicators.AddComparatorAsync(OrganisationId, IndicatorId, input, ct);
        if (!result.Succeeded)
        {
            return Failed(result);
        }

        TempData["Notice"] = $"Comparator {input.Name!.Trim()} added";
        return Redirect($"/indicators/{IndicatorId}#comparators");
    }
}
