using Microsoft.AspNetCore.Mvc;
using Trellis.Core.Plans;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.Setup;

/// <summary>First run of a real installation (demo data off): name the council.</summary>
public class SetupModel(CurrentOrganisation organisation, OrganisationService organisations) : TrellisPageModel
{
    [BindProperty]
    public string? Name { get; set; }

    public IActionResult OnGet() => organisation.Exists ? Redirect("/") : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (organisation.Exists)
        {
            return Redirect("/");
        }

        if (string.IsNullOrWhiteSpace(Name))
        {
            ModelState.AddModelError(nameof(Name), "Enter your council's name");
        }
        else if (Name.Trim().Length > Organisation.NameMaxLength)
        {
            ModelState.AddModelError(nameof(Name), $"Your council's name must be {Organisation.NameMaxLength} characters or fewer");
        }

        if (!ModelState.IsValid)
        {
            return PageWithErrors();
        }

        await organisations.CreateFirstAsync(Name!, ct);
        return Redirect("/plans");
    }
}
