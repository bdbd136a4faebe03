using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Trellis.Core.Accounts;
using Trellis.Core.Data;
using Trellis.Core.People;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.People.KeyLeads;

/// <summary>A plan's key-leads table, in its own order, and a way to add people the organisation already has.</summary>
[PlanAccess(PlanPermission.View, Write = PlanPermission.Manage)]
public class KeyLeadsModel(TrellisDbContext db, PersonService people, CurrentOrganisation organisation) : TrellisPageModel
{
    [FromRoute]
    public int PlanId { get; set; }

    /// <summary>The person to add to the key leads.</summary>
    [BindProperty]
    public int? PersonId { get; set; }

    public string PlanTitle { get; private set; } = string.Empty;
    public List<Row> KeyLeads { get; private set; } = [];
    /// <summary>People of the organisation not yet in these key leads, after a "Choose a person" option.</summary>
    public List<SelectListItem> Others { get; private set; } = [];

    public bool AnyoneToAdd => Others.Count > 1;

    public sealed record Row(int PersonId, string? JobTitle, string? Name, string? Initials, string? Agency, int Actions);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddExistingAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (PersonId is not { } personId)
        {
            ModelState.AddModelError(nameof(PersonId), "Select the person to add to the key leads");
            return PageWithErrors();
        }

        var person = await db.People.Where(p => p.Id == personId && p.OrganisationId == organisation.Id)
            .Select(p => new { p.Initials, p.Name, p.JobTitle }).FirstOrDefaultAsync(ct);
        if (person is null)
        {
            return NotFound();
        }

        if (await InitialsClash.FindAsync(db, organisation.Id, [PlanId], person.Initials, personId, ct) is { } clash)
        {
            ModelState.AddModelError(nameof(PersonId),
                $"Change {PersonLabel.Of(person.Name, person.Initials, person.JobTitle)}'s initials before adding them: {clash.OtherPerson} already uses {clash.Initials} in these key leads");
            return PageWithErrors();
        }

        return await people.AddToPlanAsync(organisation.Id, PlanId, personId, ct)
            ? Redirect($"/plans/{PlanId}/people#key-leads")
            : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var title = await db.Plans.Where(p => p.Id == PlanId && p.OrganisationId == organisation.Id).Select(p => p.Title).FirstOrDefaultAsync(ct);
        if (title is null)
        {
            return false;
        }

        PlanTitle = title;
        KeyLeads = await db.PlanPeople.AsNoTracking().Where(k => k.PlanId == PlanId).OrderBy(k => k.SortOrder)
            .Select(k => new Row(k.PersonId, k.Person.JobTitle, k.Person.Name, k.Person.Initials, k.Person.Agency,
                db.Actions.Count(a => a.Area.PlanId == PlanId && a.Owners.Any(o => o.PersonId == k.PersonId))))
            .ToListAsync(ct);
        var others = await db.People.AsNoTracking()
            .Where(p => p.OrganisationId == organisation.Id && !db.PlanPeople.Any(k => k.PlanId == PlanId && k.PersonId == p.Id))
            .OrderBy(p => p.Name ?? p.Initials ?? p.JobTitle)
            .Select(p => new { p.Id, p.Name, p.Initials, p.JobTitle })
            .ToListAsync(ct);
        Others = [new("Choose a person", string.Empty), .. others.Select(p => new SelectListItem(
            OptionText(p.Name, p.Initials, p.JobTitle), p.Id.ToString(CultureInfo.InvariantCulture)))];
        return true;
    }

    /// <summary>"Sam Kaur (SK), Director of Children's Social Care": enough to tell two people apart.</summary>
    private static string OptionText(string? name, string? initials, string? jobTitle)
    {
        var label = name is not null && initials is not null ? $"{name} ({initials})" : PersonLabel.Of(name, initials, jobTitle);
        return jobTitle is null || label == jobTitle ? label : $"{label}, {jobTitle}";
    }
}
