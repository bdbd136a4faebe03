namespace Trellis.Core.Audit;

public enum AuditOperation
{
    Created,
    Updated,
    Deleted,
}

/// <summary>
/// One change to one row: who, when, what, before and after. Records form a hash chain in
/// <see cref="Sequence"/> order: each one's <see cref="Hash"/> covers its own fields and the
/// previous record's hash (see <see cref="AuditHash"/> and docs/audit.md), so altering or removing
/// a record breaks the chain from that record on.
/// </summary>
public class AuditRecord
{
    public const int ActorUserIdMaxLength = 200;
    public const int ActorNameMaxLength = 200;
    public const int EntityTypeMaxLength = 60;
    public const int EntityIdMaxLength = 60;
    public const int HashLength = 64;

    /// <summary>1, 2, 3… with no gaps: the next record takes the chain head's number plus one.</summary>
    public long Sequence { get; set; }

    /// <summary>The organisation the row belongs to; null for installation-wide rows.</summary>
    public int? OrganisationId { get; set; }

    /// <summary>When the change was saved, in UTC, to the microsecond (what PostgreSQL keeps).</summary>
    public DateTimeOffset At { get; set; }

    public string? ActorUserId { get; set; }

    public string ActorName { get; set; } = string.Empty;

    /// <summary>The entity's class name, for example PlanAction or Milestone.</summary>
    public string EntityType { get; set; } = string.Empty;

    /// <summary>The row's key; a composite key's parts are joined with commas.</summary>
    public string EntityId { get; set; } = string.Empty;

    /// <summary>The plan the row belongs to, where there is one, so a plan's history is one indexed query.</summary>
    public int? PlanId { get; set; }

    /// <summary>The row this one hangs from (a milestone's action, an action's area), so an action's or area's history includes its parts.</summary>
    public string? ParentType { get; set; }

    public int? ParentId { get; set; }

    public AuditOperation Operation { get; set; }

    /// <summary>JSON object of property values before the change: the changed ones for an update, all for a delete; null for a create.</summary>
    public string? Before { get; set; }

    /// <summary>JSON object of property values after the change: the changed ones for an update, all for a create; null for a delete.</summary>
    public string? After { get; set; }

    public string PreviousHash { get; set; } = AuditHash.Genesis;

    public string Hash { get; set; } = string.Empty;
}
