using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Trellis.Core.Accounts;
using Trellis.Core.Data;
using Trellis.Core.Indicators;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.Indicators.EditComparator;

[PlanAccess(PlanPermission.Manage)]
public class EditComparatorModel(TrellisDbContext db, IndicatorService indicators, CurrentOrganisation organisation) : ComparatorFormPage(db, organisation)
{
    [FromRoute]
    public int ComparatorId { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadIndicatorAsync(ct))
        {
            return NotFound();
        }

        var comparator = await Db.Comparators.AsNoTracking().FirstOrDefaultAsync(c => c.Id == ComparatorId && c.IndicatorId == IndicatorId, ct);
        if (comparator is null)
        {
            return NotFound();
        }

        Form = ComparatorForm.Of(comparator);
        return Page();
    }

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

        var result = await indicators.UpdateComparatorAsync(OrganisationId, IndicatorId, ComparatorId, input, ct);
        if (!result.Succeeded)
        {
            return Failed(result);
        }

        TempData["Notice"] = "Comparator saved";
        return Redirect($"/indicators/{IndicatorId}#comparators");
    }
}
