using Microsoft.EntityFrameworkCore;
using Trellis.Core.Data;
using Trellis.Core.Plans;

namespace Trellis.Core.Accounts;

/// <summary>Who is asking: the signed-in account as the authorisation checks need it.</summary>
public sealed record AccountContext(string UserId, int OrganisationId, bool IsAdministrator, int? PersonId);

/// <summary>
/// Answers "what is this person to this plan?" with one or two small indexed queries. A plan of
/// another organisation, or one the person holds no role in, is simply not there for them.
/// </summary>
public sealed class PlanAccessService(TrellisDbContext db)
{
    /// <summary>The person's role in the plan, or null when the plan is not theirs to see (answer 404).</summary>
    public async Task<PlanRole?> RoleAsync(AccountContext account, int planId, CancellationToken ct = default)
    {
        var plan = await db.Plans.AsNoTracking()
            .Where(p => p.Id == planId && p.OrganisationId == account.OrganisationId)
            .Select(p => new { p.Id })
            .FirstOrDefaultAsync(ct);
        if (plan is null)
        {
            return null;
        }

        if (account.IsAdministrator)
        {
            return PlanRole.Administrator;
        }

        var role = await db.PlanMemberships.AsNoTracking()
            .Where(m => m.PlanId == planId && m.UserId == account.UserId)
            .Select(m => (PlanRole?)m.Role)
            .FirstOrDefaultAsync(ct);
        return role;
    }

    /// <summary>Whether the person owns the action, or leads its area (as a lead or senior lead), and whether as its senior lead.</summary>
    public async Task<Involvement> InvolvementAsync(AccountContext account, int? actionId, int? areaId, CancellationToken ct = default)
    {
        if (account.PersonId is not { } personId)
        {
            return default;
        }

        var owns = actionId is { } a && await db.ActionOwners.AnyAsync(o => o.ActionId == a && o.PersonId == personId, ct);
        var area = areaId;
        if (area is null && actionId is { } action)
        {
            area = await db.Actions.Where(x => x.Id == action).Select(x => (int?)x.AreaId).FirstOrDefaultAsync(ct);
        }

        var roles = area is { } ar
            ? await db.AreaLeads.Where(l => l.AreaId == ar && l.PersonId == personId).Select(l => l.Role).ToListAsync(ct)
            : [];
        return new Involvement(owns, roles.Count > 0, roles.Contains(LeadRole.SeniorLead));
    }

    /// <summary>The plans the person can open at all, with their role in each.</summary>
    public async Task<Dictionary<int, PlanRole>> PlansAsync(AccountContext account, CancellationToken ct = default)
    {
        if (account.IsAdministrator)
        {
            return await db.Plans.AsNoTracking().Where(p => p.OrganisationId == account.OrganisationId)
                .ToDictionaryAsync(p => p.Id, _ => PlanRole.Administrator, ct);
        }

        return await db.PlanMemberships.AsNoTracking()
            .Where(m => m.UserId == account.UserId && m.Plan!.OrganisationId == account.OrganisationId)
            .ToDictionaryAsync(m => m.PlanId, m => m.Role, ct);
    }
}
