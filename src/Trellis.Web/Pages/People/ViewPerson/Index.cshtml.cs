using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Trellis.Core.Data;
using Trellis.Core.Dates;
using Trellis.Core.Plans;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.People.ViewPerson;

/// <summary>A person, what they own across every plan (overdue first) and the areas they lead.</summary>
[OrganisationAccess(OrganisationPermission.ReadPlans)]
public class ViewPersonModel(TrellisDbContext db, CurrentOrganisation organisation, TimeProvider clock) : TrellisPageModel
{
    [FromRoute]
    public int PersonId { get; set; }

    public PersonDetail Person { get; private set; } = null!;
    public List<ActionRow> Actions { get; private set; } = [];
    public List<AreaRow> Areas { get; private set; } = [];

    public sealed record PlanLink(int Id, string Title);

    public sealed record PersonDetail(string Label, string? Initials, string? Name, string? JobTitle, string? Agency, string? Email, List<PlanLink> KeyLeadIn);

    public sealed record ActionRow(int PlanId, string PlanTitle, int AreaId, string AreaNumber, int Id, string Ref, string Text, DueView Due, ActionStatus? Status, RagLabel? Rating);

    public sealed record AreaRow(int PlanId, string PlanTitle, int Id, string Number, string Title, string Role);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var person = await db.People.AsNoTracking().Where(p => p.Id == PersonId && p.OrganisationId == organisation.Id)
            .Select(p => new { p.Initials, p.Name, p.JobTitle, p.Agency, p.Email })
            .FirstOrDefaultAsync(ct);
        if (person is null)
        {
            return NotFound();
        }

        var keyLeadIn = await db.PlanPeople.AsNoTracking().Where(k => k.PersonId == PersonId).OrderBy(k => k.Plan.Title)
            .Select(k => new PlanLink(k.PlanId, k.Plan.Title)).ToListAsync(ct);
        Person = new PersonDetail(PersonLabel.Of(person.Name, person.Initials, person.JobTitle), person.Initials, person.Name, person.JobTitle, person.Agency, person.Email, keyLeadIn);

        var today = clock.Today();
        var actions = await db.Actions.AsNoTracking()
            .Where(a => a.Area.Plan.OrganisationId == organisation.Id && a.Owners.Any(o => o.PersonId == PersonId))
            .OrderBy(a => a.Area.Plan.Title).ThenBy(a => a.Area.SortOrder).ThenBy(a => a.SortOrder)
            .Select(a => new
            {
                a.Area.PlanId,
                PlanTitle = a.Area.Plan.Title,
                a.AreaId,
                AreaNumber = a.Area.Number,
                a.Id,
                a.Ref,
                a.Text,
                DueText = a.Due.Text,
                DueDate = a.Due.Date,
                a.Due.Precision,
                a.Status,
                a.RagCode,
            })
            .ToListAsync(ct);

        // Each plan rates on its own scale, so a code is looked up in the scale of the action's plan.
        var planIds = actions.Select(a => a.PlanId).Distinct().ToList();
        var scales = (await db.RagRatings.AsNoTracking().Where(r => planIds.Contains(r.PlanId) && r.Scale == RagScale.Progress)
            .OrderBy(r => r.SortOrder).ToListAsync(ct))
            .GroupBy(r => r.PlanId)
            .ToDictionary(g => g.Key, g => new RagLookup(g.Select(RagLabel.From)));
        var noScale = new RagLookup([]);

        Actions = [.. actions
            .Select(a => new ActionRow(a.PlanId, a.PlanTitle, a.AreaId, a.AreaNumber, a.Id, a.Ref, a.Text,
                DueView.Of(a.DueText, a.DueDate, a.Precision, a.Status, today), a.Status,
                scales.GetValueOrDefault(a.PlanId, noScale)[a.RagCode]))
            .OrderByDescending(a => a.Due.Overdue)
            .ThenBy(a => a.Due.Date is null)
            .ThenBy(a => a.Due.Date)];

        var areas = await db.Areas.AsNoTracking()
            .Where(a => a.Plan.OrganisationId == organisation.Id && a.Leads.Any(l => l.PersonId == PersonId))
            .OrderBy(a => a.Plan.Title).ThenBy(a => a.SortOrder)
            .Select(a => new { a.PlanId, PlanTitle = a.Plan.Title, a.Id, a.Number, a.Title, Roles = a.Leads.Where(l => l.PersonId == PersonId).Select(l => l.Role).ToList() })
            .ToListAsync(ct);
        Areas = [.. areas.Select(a => new AreaRow(a.PlanId, a.PlanTitle, a.Id, a.Number, a.Title, Role(a.Roles)))];
        return Page();
    }

    private static string Role(List<LeadRole> roles) =>
        roles.Contains(LeadRole.Lead) && roles.Contains(LeadRole.SeniorLead) ? "Lead and senior lead"
        : roles.Contains(LeadRole.SeniorLead) ? "Senior lead"
        : "Lead";
}
