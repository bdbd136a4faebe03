using Microsoft.AspNetCore.Mvc;
using Trellis.Core.Plans;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.Plans;

/// <summary>Shared by the add and edit plan pages: the bound form and its conversion to the service's input.</summary>
public abstract class PlanFormPage : TrellisPageModel
{
    [BindProperty]
    public PlanForm Form { get; set; } = new();

    protected PlanInput? ValidatedInput()
    {
        Form.Validate(ModelState, nameof(Form));
        var start = ReadExactDate(Form.PeriodStart, $"{nameof(Form)}.{nameof(PlanForm.PeriodStart)}", "The start date");
        var end = ReadExactDate(Form.PeriodEnd, $"{nameof(Form)}.{nameof(PlanForm.PeriodEnd)}", "The end date");
        if (start is not null && end is not null && end < start)
        {
            ModelState.AddModelError($"{nameof(Form)}.{nameof(PlanForm.PeriodEnd)}", "The end date must be after the start date");
        }

        return ModelState.IsValid
            ? new PlanInput(Form.Title!, Form.Status, Form.Cadence, start, end, Form.QuartersAreFinancial, Lines(Form.Governance), Form.DueSoonDaysValue)
            : null;
    }
}
