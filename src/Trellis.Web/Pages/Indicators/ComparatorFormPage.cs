using Microsoft.AspNetCore.Mvc;
using Trellis.Core.Data;
using Trellis.Core.Indicators;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.Indicators;

/// <summary>Shared by the add and edit comparator pages.</summary>
public abstract class ComparatorFormPage(TrellisDbContext db, CurrentOrganisation organisation) : IndicatorPage(db, organisation)
{
    [BindProperty]
    public ComparatorForm Form { get; set; } = new();

    /// <summary>The input for the service; null when the value is not a number (a field error says so).</summary>
    protected ComparatorInput? ReadInput()
    {
        var value = ReadNumber(Form.Value, "Form.Value", "The value must be a number, for example 84.5");
        if (Form.NameChoice is null)
        {
            ModelState.AddModelError("Form.NameChoice", "Choose who the comparator is, or choose Other and type the name");
        }

        return ModelState.IsValid ? new ComparatorInput(Form.Name, Form.Period, value, Form.Source) : null;
    }

    protected IActionResult Failed(IndicatorResult result)
    {
        if (result.Outcome == IndicatorOutcome.NotFound)
        {
            return NotFound();
        }

        AddErrors(result, Form.FieldFor);
        return PageWithErrors();
    }
}
