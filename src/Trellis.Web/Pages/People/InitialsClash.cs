using Microsoft.EntityFrameworkCore;
using Trellis.Core.Data;

namespace Trellis.Web.Pages.People;

/// <summary>
/// Owners and leads are matched to a plan's key leads by their initials, so two key leads of one
/// plan must not share them (ignoring case): "js" would otherwise go to whoever comes first.
/// </summary>
public sealed record InitialsClash(string Initials, string OtherPerson, string PlanTitle)
{
    /// <summary>Someone other than <paramref name="personId"/> already using the initials in the key leads of one of the plans.</summary>
    public static async Task<InitialsClash?> FindAsync(TrellisDbContext db, int organisationId, IReadOnlyCollection<int> planIds, string? initials,
        int? personId, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(initials) || planIds.Count == 0)
        {
            return null;
        }

        var wanted = initials.Trim();
        var except = personId ?? 0;
        var others = await db.PlanPeople
            .Where(k => planIds.Contains(k.PlanId) && k.Plan.OrganisationId == organisationId && k.PersonId != except && k.Person.Initials != null)
            .OrderBy(k => k.Plan.Title).ThenBy(k => k.SortOrder)
            .Select(k => new { k.Person.Initials, k.Person.Name, k.Person.JobTitle, k.Plan.Title })
            .ToListAsync(ct);
        var other = others.FirstOrDefault(o => string.Equals(o.Initials!.Trim(), wanted, StringComparison.OrdinalIgnoreCase));
        return other is null ? null : new InitialsClash(other.Initials!, PersonLabel.Of(other.Name, null, other.JobTitle), other.Title);
    }
}
