using Microsoft.EntityFrameworkCore;
using Trellis.Core.Data;

namespace Trellis.Core.People;

public sealed record PersonInput(string? Initials, string? Name, string? JobTitle, string? Agency, string? Email);

/// <summary>Changes to people and their place in plans' key-leads tables.</summary>
public sealed class PersonService(TrellisDbContext db)
{
    /// <summary>Adds a person to the organisation and, when a plan is given, to that plan's key leads.</summary>
    public async Task<Person?> CreateAsync(int organisationId, int? planId, PersonInput input, CancellationToken ct = default)
    {
        if (planId is { } id && !await db.Plans.AnyAsync(p => p.Id == id && p.OrganisationId == organisationId, ct))
        {
            return null;
        }

        var person = new Person { OrganisationId = organisationId };
        Apply(person, input);
        db.People.Add(person);
        if (planId is { } plan)
        {
            var order = await db.PlanPeople.Where(k => k.PlanId == plan).Select(k => (int?)k.SortOrder).MaxAsync(ct) ?? -1;
            db.PlanPeople.Add(new Plans.PlanPerson { PlanId = plan, Person = person, SortOrder = order + 1 });
        }

        await db.SaveChangesAsync(ct);
        return person;
    }

    public async Task<bool> UpdateAsync(int organisationId, int personId, PersonInput input, CancellationToken ct = default)
    {
        var person = await db.People.FirstOrDefaultAsync(p => p.Id == personId && p.OrganisationId == organisationId, ct);
        if (person is null)
        {
            return false;
        }

        Apply(person, input);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>
    /// Deletes a person. What they owned or led keeps their name as text, so no plan loses the
    /// record of who was responsible.
    /// </summary>
    public async Task<bool> DeleteAsync(int organisationId, int personId, CancellationToken ct = default)
    {
        var person = await db.People.FirstOrDefaultAsync(p => p.Id == personId && p.OrganisationId == organisationId, ct);
        if (person is null)
        {
            return false;
        }

        var asText = person.DisplayName;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var owner in await db.ActionOwners.Where(o => o.PersonId == personId).ToListAsync(ct))
        {
            owner.PersonId = null;
            owner.Text = asText;
        }

        foreach (var lead in await db.AreaLeads.Where(l => l.PersonId == personId).ToListAsync(ct))
        {
            lead.PersonId = null;
            lead.Text = asText;
        }

        db.PlanPeople.RemoveRange(await db.PlanPeople.Where(k => k.PersonId == personId).ToListAsync(ct));
        db.People.Remove(person);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    /// <summary>Adds an existing person of the organisation to a plan's key leads.</summary>
    public async Task<bool> AddToPlanAsync(int organisationId, int planId, int personId, CancellationToken ct = default)
    {
        var valid = await db.Plans.AnyAsync(p => p.Id == planId && p.OrganisationId == organisationId, ct)
            && await db.People.AnyAsync(p => p.Id == personId && p.OrganisationId == organisationId, ct);
        if (!valid)
        {
            return false;
        }

        if (!await db.PlanPeople.AnyAsync(k => k.PlanId == planId && k.PersonId == personId, ct))
        {
            var order = await db.PlanPeople.Where(k => k.PlanId == planId).Select(k => (int?)k.SortOrder).MaxAsync(ct) ?? -1;
            db.PlanPeople.Add(new Plans.PlanPerson { PlanId = planId, PersonId = personId, SortOrder = order + 1 });
            await db.SaveChangesAsync(ct);
        }

        return true;
    }

    private static void Apply(Person person, PersonInput input)
    {
        person.Initials = Blank(input.Initials);
        person.Name = Blank(input.Name);
        person.JobTitle = Blank(input.JobTitle);
        person.Agency = Blank(input.Agency);
        person.Email = Blank(input.Email);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
