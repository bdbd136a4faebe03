using Microsoft.AspNetCore.Mvc;
using Trellis.Core.Plans;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.Themes;

/// <summary>Shared by the add and edit theme pages: the bound form and its conversion to the service's input.</summary>
public abstract class ThemeFormPage : TrellisPageModel
{
    [FromRoute]
    public int PlanId { get; set; }

    [BindProperty]
    public ThemeForm Form { get; set; } = new();

    public string PlanTitle { get; protected set; } = string.Empty;

    protected ThemeInput? ValidatedInput()
    {
        Form.Validate(ModelState, nameof(Form));
        return ModelState.IsValid ? new ThemeInput(Form.Key!, Form.Title!) : null;
    }
}
