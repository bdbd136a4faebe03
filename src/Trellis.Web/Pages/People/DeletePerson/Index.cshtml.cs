using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Trellis.Core.Data;
using Trellis.Core.People;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.People.DeletePerson;

[OrganisationAccess(OrganisationPermission.ManagePlans)]
public class DeletePersonModel(TrellisDbContext db, PersonService people, CurrentOrganisation organisation) : TrellisPageModel
{
    [FromRoute]
    public int PersonId { get; set; }

    public string Label { get; private set; } = string.Empty;

    /// <summary>What their actions and areas will show instead of a link to them.</summary>
    public string AsText { get; private set; } = string.Empty;

    public int Actions { get; private set; }
    public int Areas { get; private set; }
    public List<string> Plans { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == PersonId && p.OrganisationId == organisation.Id, ct);
        if (person is null)
        {
            return NotFound();
        }

        Label = PersonLabel.Of(person.Name, person.Initials, person.JobTitle);
        AsText = person.DisplayName;
        Actions = await db.Actions.CountAsync(a => a.Owners.Any(o => o.PersonId == PersonId), ct);
        Areas = await db.Areas.CountAsync(a => a.Leads.Any(l => l.PersonId == PersonId), ct);
        Plans = await db.PlanPeople.Where(k => k.PersonId == PersonId).OrderBy(k => k.Plan.Title).Select(k => k.Plan.Title).ToListAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        await people.DeleteAsync(organisation.Id, PersonId, ct) ? Redirect("/people") : NotFound();
}
