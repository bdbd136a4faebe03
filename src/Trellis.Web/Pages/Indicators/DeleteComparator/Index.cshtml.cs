using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Trellis.Core.Accounts;
using Trellis.Core.Data;
using Trellis.Core.Indicators;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.Indicators.DeleteComparator;

[PlanAccess(PlanPermission.Manage)]
public class DeleteComparatorModel(TrellisDbContext db, IndicatorService indicators, CurrentOrganisation organisation) : IndicatorPage(db, organisation)
{
    [FromRoute]
    public int ComparatorId { get; set; }

    public string Label { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await indicators.DeleteComparatorAsync(OrganisationId, IndicatorId, ComparatorId, ct);
        if (!result.Succeeded)
        {
            return NotFound();
        }

        TempData["Notice"] = "Comparator deleted";
        return Redirect($"/indicators/{IndicatorId}#comparators");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (!await LoadIndicatorAsync(ct))
        {
            return false;
        }

        var found = await Db.Comparators.AsNoTracking().Where(c => c.Id == ComparatorId && c.IndicatorId == IndicatorId).Select(c => new { c.Name, c.Period }).FirstOrDefaultAsync(ct);
        Label = found is null ? string.Empty : $"{found.Name}, {Core.Indicators.PeriodWords.Display(found.Period)}";
        return found is not null;
    }
}
