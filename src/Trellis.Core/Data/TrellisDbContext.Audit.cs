using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Trellis.Core.Audit;
using Trellis.Core.Import;
using Trellis.Core.Indicators;
using Trellis.Core.Plans;
using Trellis.Core.Rounds;

namespace Trellis.Core.Data;

/// <summary>
/// Every save appends audit records in the same transaction as the change, in two phases: save the
/// change (so new rows have their ids), then read the chain head and append one record per changed
/// row. Whole or nothing: when either phase fails the transaction rolls back and no record is left.
/// </summary>
public abstract partial class TrellisDbContext
{
    // Any fixed number: every Trellis process takes the same transaction-scoped lock before reading the chain head.
    private const long AuditChainLock = 0x7472_656C_6C69;

    private static readonly JsonSerializerOptions AuditJson = new()
    {
        Converters = { new JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    // Foreign keys that say which row a row hangs from, most specific first.
    private static readonly (string Property, string ParentType)[] ParentKeys =
    [
        ("ActionId", nameof(PlanAction)),
        ("AreaId", nameof(Area)),
        ("IndicatorValueId", nameof(IndicatorValue)),
        ("IndicatorId", nameof(Indicator)),
        ("InspectionId", nameof(Inspection)),
        ("RoundId", nameof(Round)),
        ("PlanId", nameof(Plan)),
        ("OrganisationId", nameof(Organisation)),
    ];

    public DbSet<AuditRecord> AuditRecords => Set<AuditRecord>();

    /// <summary>
    /// Rows not audited: the audit records themselves, and pending imports, which are scratch copies of an
    /// uploaded file awaiting review (written with ExecuteUpdate, deleted after a day); what an import does to
    /// a plan is audited when it is confirmed.
    /// </summary>
    /// Nor are sign-in secrets: an account's tokens, logins and passkeys, and its password hash and security stamp
    /// (changing a password is not itself recorded).
    /// Nor are Annex A case-level rows and their read log: an upload is audited as its summary, and the rows' values must
    /// never reach the audit trail.
    public static bool IsAudited(Type entityType) => entityType != typeof(AuditRecord) && entityType != typeof(PendingImport)
        && entityType != typeof(AnnexA.Store.AnnexACaseRow) && entityType != typeof(AnnexA.Store.AnnexACaseRead)
        && !(entityType.IsGenericType && entityType.Namespace == typeof(Microsoft.AspNetCore.Identity.IdentityUserToken<>).Namespace);

    private static readonly HashSet<string> SecretProperties = new(StringComparer.Ordinal)
    {
        nameof(Accounts.TrellisUser.PasswordHash), nameof(Accounts.TrellisUser.SecurityStamp), nameof(Accounts.TrellisUser.ConcurrencyStamp),
        nameof(Accounts.ApiToken.SecretHash),
    };

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        // The async path is the only one with the audit logic; nothing in Trellis saves synchronously on a request thread.
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ChangeTracker.DetectChanges();
        var changes = ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && IsAudited(e.Metadata.ClrType))
            .Select(e => new PendingChange(e, e.State switch
            {
                EntityState.Added => AuditOperation.Created,
                EntityState.Deleted => AuditOperation.Deleted,
                _ => AuditOperation.Updated,
            }))
            .ToList();
        if (changes.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var owned = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            // Updates and deletes: read values and find the plan now, while every row (and its parent) still exists.
            var scopes = new ScopeFinder(this);
            foreach (var change in changes.Where(c => c.Operation != AuditOperation.Created))
            {
                (change.Before, change.After) = change.Operation == AuditOperation.Deleted
                    ? (Values(change.Entry, original: true, onlyChanged: false), null)
                    : (Values(change.Entry, original: true, onlyChanged: true), Values(change.Entry, original: false, onlyChanged: true));
                change.EntityId = KeyOf(change.Entry);
                change.Scope = await scopes.FindAsync(change.Entry, cancellationToken);
            }

            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

            // Creates: ids are known now.
            scopes = new ScopeFinder(this);
            foreach (var change in changes.Where(c => c.Operation == AuditOperation.Created))
            {
                change.After = Values(change.Entry, original: false, onlyChanged: false);
                change.EntityId = KeyOf(change.Entry);
                change.Scope = await scopes.FindAsync(change.Entry, cancellationToken);
            }

            await AppendAuditAsync(changes.Where(c => c.Operation != AuditOperation.Updated || c.After is not null), cancellationToken);
            if (owned is not null)
            {
                await owned.CommitAsync(cancellationToken);
            }

            return saved;
        }
        finally
        {
            if (owned is not null)
            {
                await owned.DisposeAsync();
            }
        }
    }

    private async Task AppendAuditAsync(IEnumerable<PendingChange> changes, CancellationToken cancellationToken)
    {
        var list = changes.ToList();
        if (list.Count == 0)
        {
            return;
        }

        if (Database.IsNpgsql())
        {
            // Serialises appenders so two transactions cannot both extend the same head; SQLite's write lock does this there.
            await Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AuditChainLock})", cancellationToken);
        }

        var head = await AuditRecords.AsNoTracking().OrderByDescending(r => r.Sequence)
            .Select(r => new { r.Sequence, r.Hash })
            .FirstOrDefaultAsync(cancellationToken);
        var sequence = head?.Sequence ?? 0;
        var previous = head?.Hash ?? AuditHash.Genesis;
        var at = AuditHash.Truncate(_auditClock.GetUtcNow());
        var records = new List<AuditRecord>(list.Count);
        foreach (var change in list)
        {
            var record = new AuditRecord
            {
                Sequence = ++sequence,
                OrganisationId = change.Scope.OrganisationId,
                At = at,
                ActorUserId = _auditActor.UserId,
                ActorName = _auditActor.Name,
                EntityType = change.Entry.Metadata.ClrType.Name,
                EntityId = change.EntityId,
                PlanId = change.Scope.PlanId,
                ParentType = change.Scope.ParentType,
                ParentId = change.Scope.ParentId,
                Operation = change.Operation,
                Before = change.Before,
                After = change.After,
                PreviousHash = previous,
            };
            record.Hash = AuditHash.Compute(record);
            previous = record.Hash;
            records.Add(record);
        }

        AuditRecords.AddRange(records);
        await base.SaveChangesAsync(true, cancellationToken);
        foreach (var record in records)
        {
            Entry(record).State = EntityState.Detached;
        }
    }

    private static void ConfigureAudit(ModelBuilder modelBuilder) => modelBuilder.Entity<AuditRecord>(b =>
    {
        b.HasKey(r => r.Sequence);
        b.Property(r => r.Sequence).ValueGeneratedNever();
        b.Property(r => r.ActorUserId).HasMaxLength(AuditRecord.ActorUserIdMaxLength);
        b.Property(r => r.ActorName).HasMaxLength(AuditRecord.ActorNameMaxLength);
        b.Property(r => r.EntityType).HasMaxLength(AuditRecord.EntityTypeMaxLength);
        b.Property(r => r.EntityId).HasMaxLength(AuditRecord.EntityIdMaxLength);
        b.Property(r => r.ParentType).HasMaxLength(AuditRecord.EntityTypeMaxLength);
        b.Property(r => r.PreviousHash).HasMaxLength(AuditRecord.HashLength).IsFixedLength();
        b.Property(r => r.Hash).HasMaxLength(AuditRecord.HashLength).IsFixedLength();
        b.HasIndex(r => new { r.PlanId, r.Sequence });
        b.HasIndex(r => new { r.EntityType, r.EntityId, r.Sequence });
        b.HasIndex(r => new { r.ParentType, r.ParentId, r.Sequence });
        b.HasIndex(r => new { r.OrganisationId, r.Sequence });
    });

    private static string KeyOf(EntityEntry entry) =>
        string.Join(',', entry.Metadata.FindPrimaryKey()!.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, CultureInfo.InvariantCulture)));

    /// <summary>A JSON object of the row's properties (and its complex properties' parts, as "Due.Text"), or null when nothing changed.</summary>
    private static string? Values(EntityEntry entry, bool original, bool onlyChanged)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        void Add(string name, PropertyEntry property)
        {
            // Concurrency tokens change on every save and mean nothing to a reader.
            if (property.Metadata.IsConcurrencyToken || SecretProperties.Contains(property.Metadata.Name))
            {
                return;
            }

            if (onlyChanged && (!property.IsModified || property.Metadata.GetValueComparer().Equals(property.OriginalValue, property.CurrentValue)))
            {
                return;
            }

            var value = original ? property.OriginalValue : property.CurrentValue;
            values[name] = value is byte[] bytes ? $"({bytes.Length} bytes)" : value;
        }

        foreach (var property in entry.Properties)
        {
            Add(property.Metadata.Name, property);
        }

        foreach (var complex in entry.ComplexProperties)
        {
            foreach (var property in complex.Properties)
            {
                Add(complex.Metadata.Name + "." + property.Metadata.Name, property);
            }
        }

        return onlyChanged && values.Count == 0 ? null : JsonSerializer.Serialize(values, AuditJson);
    }

    private sealed class PendingChange(EntityEntry entry, AuditOperation operation)
    {
        public EntityEntry Entry { get; } = entry;

        public AuditOperation Operation { get; } = operation;

        public string EntityId { get; set; } = string.Empty;

        public string? Before { get; set; }

        public string? After { get; set; }

        public AuditScope Scope { get; set; } = AuditScope.None;
    }

    private sealed record AuditScope(int? OrganisationId, int? PlanId, string? ParentType, int? ParentId)
    {
        public static readonly AuditScope None = new(null, null, null, null);
    }

    /// <summary>
    /// Finds a row's plan and organisation by walking up its foreign keys: first among the rows this
    /// context tracks (which includes rows being deleted in the same save), then with one small query per
    /// ancestor not tracked, remembered for the rest of the save.
    /// </summary>
    private sealed class ScopeFinder
    {
        private readonly TrellisDbContext _db;
        private readonly Dictionary<(Type, int), EntityEntry> _tracked = [];
        private readonly Dictionary<(string, int), int?> _lookups = [];

        public ScopeFinder(TrellisDbContext db)
        {
            _db = db;
            foreach (var entry in db.ChangeTracker.Entries())
            {
                if (entry.Metadata.FindProperty("Id") is { ClrType: var t } && t == typeof(int) && entry.Property("Id").CurrentValue is int id)
                {
                    _tracked[(entry.Metadata.ClrType, id)] = entry;
                }
            }
        }

        public async Task<AuditScope> FindAsync(EntityEntry entry, CancellationToken ct)
        {
            var type = entry.Metadata.ClrType;
            if (type == typeof(Organisation))
            {
                return new AuditScope(Int(entry, "Id"), null, null, null);
            }

            (string Type, int Id)? parent = null;
            if (type != typeof(Plan))
            {
                foreach (var (property, parentType) in ParentKeys)
                {
                    if (entry.Metadata.FindProperty(property) is not null && Int(entry, property) is { } parentId)
                    {
                        parent = (parentType, parentId);
                        break;
                    }
                }
            }

            var planId = type == typeof(Plan) ? Int(entry, "Id")
                : parent is { } p ? await PlanOfAsync(p.Type, p.Id, ct)
                : null;
            var organisationId = entry.Metadata.FindProperty("OrganisationId") is not null ? Int(entry, "OrganisationId")
                : planId is { } plan ? await LookupAsync<Plan>(plan, "OrganisationId", ct)
                : null;
            return new AuditScope(organisationId, planId, parent?.Type, parent?.Id);
        }

        private async Task<int?> PlanOfAsync(string type, int id, CancellationToken ct) => type switch
        {
            nameof(Plan) => id,
            nameof(Area) => await LookupAsync<Area>(id, "PlanId", ct),
            nameof(PlanAction) => await LookupAsync<PlanAction>(id, "AreaId", ct) is { } area ? await PlanOfAsync(nameof(Area), area, ct) : null,
            nameof(Indicator) => await LookupAsync<Indicator>(id, "PlanId", ct),
            nameof(IndicatorValue) => await LookupAsync<IndicatorValue>(id, "IndicatorId", ct) is { } indicator ? await PlanOfAsync(nameof(Indicator), indicator, ct) : null,
            nameof(Inspection) => await LookupAsync<Inspection>(id, "PlanId", ct),
            nameof(Round) => await LookupAsync<Round>(id, "PlanId", ct),
            _ => null,
        };

        private async Task<int?> LookupAsync<T>(int id, string property, CancellationToken ct)
            where T : class
        {
            if (_tracked.TryGetValue((typeof(T), id), out var entry))
            {
                return Int(entry, property);
            }

            if (_lookups.TryGetValue((typeof(T).Name + "." + property, id), out var known))
            {
                return known;
            }

            var found = await _db.Set<T>().AsNoTracking().Where(e => EF.Property<int>(e, "Id") == id)
                .Select(e => (int?)EF.Property<int>(e, property))
                .FirstOrDefaultAsync(ct);
            _lookups[(typeof(T).Name + "." + property, id)] = found;
            return found;
        }

        private static int? Int(EntityEntry entry, string property)
        {
            var value = entry.State == EntityState.Deleted ? entry.Property(property).OriginalValue : entry.Property(property).CurrentValue;
            return value as int?;
        }
    }
}
