using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Trellis.Core.Accounts;
using Trellis.Core.Data;
using Trellis.Core.Indicators;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.Indicators.DeleteValue;

/// <summary>Asks, then deletes a value with its breakdown and history.</summary>
[PlanAccess(PlanPermission.Manage)]
public class DeleteValueModel(TrellisDbContext db, IndicatorValueService values, CurrentOrganisation organisation) : TrellisPageModel
{
    [FromRoute]
    public int Id { get; set; }

    [FromRoute]
    public int ValueId { get; set; }

    public IndicatorHeader Indicator { get; private set; } = null!;

    public string PeriodText { get; private set; } = string.Empty;

    public string ValueText { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct) || !await values.DeleteAsync(organisation.Id, Id, ValueId, ct))
        {
            return NotFound();
        }

        TempData["Notice"] = $"{PeriodText} value {ValueText} deleted";
        return Redirect($"/indicators/{Id}");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await IndicatorHeader.LoadAsync(db, organisation.Id, Id, ct) is not { } indicator)
        {
            return false;
        }

        Indicator = indicator;
        var value = await db.IndicatorValues.AsNoTracking().Where(v => v.Id == ValueId && v.IndicatorId == Id)
            .Select(v => new { v.Period, v.Value, v.Text, v.Note }).FirstOrDefaultAsync(ct);
        if (value is null)
        {
            return false;
        }

        (PeriodText, ValueText) = (PeriodWords.Display(value.Period), ValueReading.Display(value.Value, value.Text, value.Note, indicator.Unit));
        return true;
    }
}
