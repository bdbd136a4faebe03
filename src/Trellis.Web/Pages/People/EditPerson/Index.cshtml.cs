using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Trellis.Core.Data;
using Trellis.Core.People;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.People.EditPerson;

[OrganisationAccess(OrganisationPermission.ManagePlans)]
public class EditPersonModel(TrellisDbContext db, PersonService people, CurrentOrganisation organisation) : PersonFormPage(db, organisation)
{
    private readonly TrellisDbContext _db = db;
    private readonly CurrentOrganisation _organisation = organisation;

    [FromRoute]
    public int PersonId { get; set; }

    /// <summary>The person as saved, for the caption and back link while the form is being changed.</summary>
    public string Label { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var person = await _db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == PersonId && p.OrganisationId == _organisation.Id, ct);
        if (person is null)
        {
            return NotFound();
        }

        Label = PersonLabel.Of(person.Name, person.Initials, person.JobTitle);
        Form = PersonForm.From(person);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var person = await _db.People.Where(p => p.Id == PersonId && p.OrganisationId == _organisation.Id)
            .Select(p => new { p.Name, p.Initials, p.JobTitle }).FirstOrDefaultAsync(ct);
        if (person is null)
        {
            return NotFound();
        }

        Label = PersonLabel.Of(person.Name, person.Initials, person.JobTitle);
        var plans = await _db.PlanPeople.Where(k => k.PersonId == PersonId).Select(k => k.PlanId).ToListAsync(ct);
        var input = await ValidatedInputAsync(plans, PersonId, ct);
        if (input is null)
        {
            return PageWithErrors();
        }

        return await people.UpdateAsync(_organisation.Id, PersonId, input, ct)
            ? Redirect($"/people/{PersonId}")
            : NotFound();
    }
}
