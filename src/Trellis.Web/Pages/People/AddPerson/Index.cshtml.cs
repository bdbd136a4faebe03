using Microsoft.AspNetCore.Mvc;
using Trellis.Core.Data;
using Trellis.Core.People;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.People.AddPerson;

[OrganisationAccess(OrganisationPermission.ManagePlans)]
public class AddPersonModel(TrellisDbContext db, PersonService people, CurrentOrganisation organisation) : PersonFormPage(db, organisation)
{
    private readonly CurrentOrganisation _organisation = organisation;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // Not in any plan yet, so there are no key leads whose initials could clash.
        var input = await ValidatedInputAsync([], null, ct);
        if (input is null)
        {
            return PageWithErrors();
        }

        await people.CreateAsync(_organisation.Id, null, input, ct);
        return Redirect("/people");
    }
}
