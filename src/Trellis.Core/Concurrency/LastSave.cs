using Microsoft.EntityFrameworkCore;
using Trellis.Core.Data;

namespace Trellis.Core.Concurrency;

/// <summary>Who last saved a record (or a row hanging from it, such as an action's owners or round update) and when, read from the audit trail.</summary>
public sealed record LastSave(string ActorName, DateTimeOffset At)
{
    /// <summary>The latest audit record for the row or its children; null when the trail holds none (data written before auditing).</summary>
    public static async Task<LastSave?> FindAsync(TrellisDbContext db, string entityType, int id, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var own = await db.AuditRecords.AsNoTracking().Where(r => r.EntityType == entityType && r.EntityId == key)
            .OrderByDescending(r => r.Sequence).Select(r => new { r.Sequence, r.ActorName, r.At }).FirstOrDefaultAsync(ct);
        var child = await db.AuditRecords.AsNoTracking().Where(r => r.ParentType == entityType && r.ParentId == id)
            .OrderByDescending(r => r.Sequence).Select(r => new { r.Sequence, r.ActorName, r.At }).FirstOrDefaultAsync(ct);
        var latest = (own?.Sequence ?? 0) >= (child?.Sequence ?? 0) ? own : child;
        return latest is null ? null : new LastSave(latest.ActorName, latest.At);
    }
}
