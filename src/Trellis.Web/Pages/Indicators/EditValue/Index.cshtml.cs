using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Trellis.Core.Accounts;
using Trellis.Core.Data;
using Trellis.Core.Indicators;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.Indicators.EditValue;

/// <summary>Changes a stored value (its period too); the value as it stood is kept in its history.</summary>
[PlanAccess(PlanPermission.Manage)]
public class EditValueModel(TrellisDbContext db, IndicatorValueService values, CurrentOrganisation organisation) : TrellisPageModel, IValueFormPage
{
    [FromRoute]
    public int Id { get; set; }

    [FromRoute]
    public int ValueId { get; set; }

    [BindProperty]
    public ValueForm Form { get; set; } = new();

    public IndicatorHeader Indicator { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var value = await LoadAsync(ct);
        if (value is null)
        {
            return NotFound();
        }

        Form = ValueForm.From(value, Indicator.Unit);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is null)
        {
            return NotFound();
        }

        var item = Form.ToItem(ModelState, nameof(Form) + ".");
        if (!ModelState.IsValid)
        {
            return PageWithErrors();
        }

        var result = await values.EditAsync(organisation.Id, Id, ValueId, item, ct);
        if (!result.Found)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            ValueForm.AddProblems(ModelState, nameof(Form) + ".", result.Problems);
            return PageWithErrors();
        }

        var change = result.Changes[0];
        TempData["Notice"] = result.Stored
            ? $"{PeriodWords.Display(change.Period)} value changed from {change.Old} to {change.New}; the earlier value is kept in its history"
            : $"{PeriodWords.Display(change.Period)} value unchanged";
        return Redirect($"/indicators/{Id}");
    }

    private async Task<IndicatorValue?> LoadAsync(CancellationToken ct)
    {
        if (await IndicatorHeader.LoadAsync(db, organisation.Id, Id, ct) is not { } indicator)
        {
            return null;
        }

        Indicator = indicator;
        return await db.IndicatorValues.AsNoTracking().Include(v => v.Breakdowns).FirstOrDefaultAsync(v => v.Id == ValueId && v.IndicatorId == Id, ct);
    }
}
