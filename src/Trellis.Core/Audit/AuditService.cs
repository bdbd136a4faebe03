using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Trellis.Core.Data;

namespace Trellis.Core.Audit;

public enum AuditExportFormat
{
    Csv,
    Json,
}

/// <summary>Which records: an organisation's, a plan's, or one row's together with the rows that hang from it (an action's milestones).</summary>
public sealed record AuditFilter(int? OrganisationId = null, int? PlanId = null, string? EntityType = null, int? EntityId = null);

/// <summary>One record as a reader sees it: what changed, field by field, in words.</summary>
public sealed record AuditEntry(long Sequence, DateTimeOffset At, string ActorName, string What, AuditOperation Operation, IReadOnlyList<AuditChange> Changes);

public sealed record AuditChange(string Field, string From, string To);

public sealed record AuditHistoryPage(IReadOnlyList<AuditEntry> Entries, int Page, int PageCount, int Total);

/// <summary>The first record that does not fit the chain, and why.</summary>
public sealed record AuditProblem(long Sequence, string? EntityType, string? EntityId, DateTimeOffset? At, string Reason);

public sealed record AuditVerification(long RecordsChecked, long? HeadSequence, string HeadHash, AuditProblem? Problem)
{
    public bool Intact => Problem is null;
}

/// <summary>Reads the audit trail: histories for the pages, exports, and the chain check.</summary>
public sealed class AuditService(TrellisDbContext db)
{
    public const int PageSize = 25;

    public async Task<AuditHistoryPage> HistoryAsync(AuditFilter filter, int page, CancellationToken ct = default)
    {
        var query = Filtered(filter);
        var total = await query.CountAsync(ct);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        var records = await query.OrderByDescending(r => r.Sequence).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        return new AuditHistoryPage([.. records.Select(AuditWords.Describe)], page, pageCount, total);
    }

    /// <summary>Writes the records, oldest first, streaming them from the database: every field, so the file can be checked against the chain.</summary>
    public async Task ExportAsync(AuditFilter filter, AuditExportFormat format, Stream output, CancellationToken ct = default)
    {
        var records = Filtered(filter).OrderBy(r => r.Sequence).AsAsyncEnumerable();
        if (format == AuditExportFormat.Json)
        {
            await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            json.WriteStartArray();
            await foreach (var r in records.WithCancellation(ct))
            {
                json.WriteStartObject();
                json.WriteNumber("sequence", r.Sequence);
                json.WriteString("at", r.At.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
                WriteNullable(json, "organisationId", r.OrganisationId);
                json.WriteString("actorUserId", r.ActorUserId);
                json.WriteString("actorName", r.ActorName);
                json.WriteString("entityType", r.EntityType);
                json.WriteString("entityId", r.EntityId);
                WriteNullable(json, "planId", r.PlanId);
                json.WriteString("parentType", r.ParentType);
                WriteNullable(json, "parentId", r.ParentId);
                json.WriteString("operation", r.Operation.ToString().ToLowerInvariant());
                json.WriteString("before", r.Before);
                json.WriteString("after", r.After);
                json.WriteString("previousHash", r.PreviousHash);
                json.WriteString("hash", r.Hash);
                json.WriteEndObject();
                if (json.BytesPending > 64 * 1024)
                {
                    await json.FlushAsync(ct);
                }
            }

            json.WriteEndArray();
            await json.FlushAsync(ct);
            return;
        }

        await using var csv = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
        await csv.WriteLineAsync("sequence,at,organisation_id,actor_user_id,actor_name,entity_type,entity_id,plan_id,parent_type,parent_id,operation,before,after,previous_hash,hash");
        await foreach (var r in records.WithCancellation(ct))
        {
            string?[] fields =
            [
                r.Sequence.ToString(CultureInfo.InvariantCulture),
                r.At.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
                r.OrganisationId?.ToString(CultureInfo.InvariantCulture),
                r.ActorUserId,
                r.ActorName,
                r.EntityType,
                r.EntityId,
                r.PlanId?.ToString(CultureInfo.InvariantCulture),
                r.ParentType,
                r.ParentId?.ToString(CultureInfo.InvariantCulture),
                r.Operation.ToString().ToLowerInvariant(),
                r.Before,
                r.After,
                r.PreviousHash,
                r.Hash,
            ];
            await csv.WriteLineAsync(string.Join(',', fields.Select(Csv)));
        }
    }

    /// <summary>
    /// Walks the whole chain in sequence order, one record at a time, and stops at the first record that is
    /// missing (a gap in the numbers), whose previous hash is not the hash before it, or whose hash does not
    /// match its own contents.
    /// </summary>
    public async Task<AuditVerification> VerifyAsync(CancellationToken ct = default)
    {
        long expected = 1;
        var previous = AuditHash.Genesis;
        long checkedCount = 0;
        await foreach (var record in db.AuditRecords.AsNoTracking().OrderBy(r => r.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (record.Sequence != expected)
            {
                var missing = record.Sequence > expected
                    ? $"record {expected} is missing: record {record.Sequence} follows record {expected - 1}"
                    : $"record {record.Sequence} is out of order";
                return new AuditVerification(checkedCount, expected - 1, previous,
                    new AuditProblem(expected, null, null, null, $"{missing} (removed or renumbered)"));
            }

            if (!string.Equals(record.PreviousHash, previous, StringComparison.Ordinal))
            {
                return new AuditVerification(checkedCount, expected - 1, previous, new AuditProblem(record.Sequence, record.EntityType, record.EntityId, record.At,
                    $"its previous hash {record.PreviousHash} is not record {expected - 1}'s hash {previous}: a record before it was altered and rehashed, or removed"));
            }

            var actual = AuditHash.Compute(record);
            if (!string.Equals(actual, record.Hash, StringComparison.Ordinal))
            {
                return new AuditVerification(checkedCount, expected - 1, previous, new AuditProblem(record.Sequence, record.EntityType, record.EntityId, record.At,
                    $"its contents no longer match its hash (stored {record.Hash}, contents hash to {actual}): the record was altered"));
            }

            previous = record.Hash;
            expected++;
            checkedCount++;
        }

        return new AuditVerification(checkedCount, checkedCount == 0 ? null : expected - 1, previous, null);
    }

    private IQueryable<AuditRecord> Filtered(AuditFilter filter)
    {
        var query = db.AuditRecords.AsNoTracking();
        if (filter.OrganisationId is { } organisationId)
        {
            query = query.Where(r => r.OrganisationId == organisationId);
        }

        if (filter.PlanId is { } planId)
        {
            query = query.Where(r => r.PlanId == planId);
        }

        if (filter.EntityType is { } type && filter.EntityId is { } id)
        {
            var key = id.ToString(CultureInfo.InvariantCulture);
            query = query.Where(r => (r.EntityType == type && r.EntityId == key) || (r.ParentType == type && r.ParentId == id));
        }

        return query;
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static string Csv(string? value)
    {
        if (value is null)
        {
            return string.Empty;
        }

        // A cell a spreadsheet would read as a formula (a display name such as "=HYPERLINK(...)") is written as text.
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
