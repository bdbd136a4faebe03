using Microsoft.EntityFrameworkCore;
using Trellis.Core.Accounts;
using Trellis.Core.Data;

namespace Trellis.Web.Infrastructure;

/// <summary>
/// Which of the header's links the signed-in person can use: a partner who only updates their own actions is not
/// offered the plans and people lists (people answers 403 for them, and the plans list is empty).
/// </summary>
public sealed class NavigationAccess(TrellisDbContext db)
{
    private static readonly PlanRole[] PlanReaders = [PlanRole.Reader, PlanRole.Contributor, PlanRole.PlanManager];

    private bool? _readsPlans;

    public async Task<bool> ReadsPlansAsync(AccountContext account, CancellationToken ct = default)
    {
        _readsPlans ??= account.IsAdministrator
            || await db.PlanMemberships.AnyAsync(m => m.UserId == account.UserId && PlanReaders.Contains(m.Role) && m.Plan!.OrganisationId == account.OrganisationId, ct);
        return _readsPlans.Value;
    }
}
