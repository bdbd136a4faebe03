using Microsoft.EntityFrameworkCore;
using Trellis.Core.Data;
using Trellis.Core.Plans;

namespace Trellis.Web.Infrastructure;

/// <summary>
/// Which actions of the signed-in organisation are waiting for sign-off, read once per request, so every list that
/// shows an action's status can say "Awaiting sign-off" without each page's query having to know about sign-off.
/// </summary>
public sealed class PendingSignOffs(TrellisDbContext db, CurrentOrganisation organisation)
{
    public const string AwaitingLabel = "Awaiting sign-off";

    private HashSet<int>? _pending;

    public bool IsPending(int actionId) => Load().Contains(actionId);

    /// <summary>The status as shown: "Awaiting sign-off" while a request is pending, whatever the status underneath.</summary>
    public string Status(int actionId, ActionStatus? status) => IsPending(actionId) ? AwaitingLabel : Display.Status(status);

    private HashSet<int> Load()
    {
        if (_pending is null)
        {
            // Views render synchronously; the pending set is small (one row per waiting action).
            _pending = organisation.Exists
                ? [.. db.SignOffRequests.AsNoTracking().Where(r => r.Decision == null && r.Action.Area.Plan.OrganisationId == organisation.Id).Select(r => r.ActionId)]
                : [];
        }

        return _pending;
    }
}
