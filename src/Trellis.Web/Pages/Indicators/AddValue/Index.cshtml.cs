using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Trellis.Core.Accounts;
using Trellis.Core.Data;
using Trellis.Core.Dates;
using Trellis.Core.Indicators;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.Indicators.AddValue;

/// <summary>Records a value for one period; a value for a period that has one already is a correction, and the old value is kept.</summary>
[PlanAccess(PlanPermission.Manage)]
public class AddValueModel(TrellisDbContext db, IndicatorValueService values, CurrentOrganisation organisation, TimeProvider clock) : TrellisPageModel, IValueFormPage
{
    [FromRoute]
    public int Id { get; set; }

    [BindProperty]
    public ValueForm Form { get; set; } = new();

    public IndicatorHeader Indicator { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await IndicatorHeader.LoadAsync(db, organisation.Id, Id, ct) is not { } indicator)
        {
            return NotFound();
        }

        Indicator = indicator;
        var ends = await db.IndicatorValues.AsNoTracking().Where(v => v.IndicatorId == Id).Select(v => v.Period).ToListAsync(ct);
        var next = IndicatorValueService.NextPeriod(indicator.Frequency, indicator.YearBasis,
            ends.Select(p => Period.TryParse(p, out var period) ? period.End : default).Where(d => d != default), clock.Today());
        Form = new ValueForm { Period = ValueReading.Typed(next) };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await IndicatorHeader.LoadAsync(db, organisation.Id, Id, ct) is not { } indicator)
        {
            return NotFound();
        }

        Indicator = indicator;
        var item = Form.ToItem(ModelState, nameof(Form) + ".");
        if (!ModelState.IsValid)
        {
            return PageWithErrors();
        }

        var result = await values.RecordForIndicatorAsync(organisation.Id, Id, [item], IndicatorValueService.FormSource, dryRun: false, ct);
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
        TempData["Notice"] = change.Kind switch
        {
            ValueChangeKind.Added => $"{PeriodWords.Display(change.Period)} value {change.New} added",
            ValueChangeKind.Corrected => $"{PeriodWords.Display(change.Period)} value corrected from {change.Old} to {change.New}; the earlier value is kept in its history",
            _ => $"{PeriodWords.Display(change.Period)} value was already {change.New}; nothing changed",
        };
        return Redirect($"/indicators/{Id}");
    }
}
