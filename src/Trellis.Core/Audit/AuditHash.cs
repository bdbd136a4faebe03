using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Trellis.Core.Audit;

/// <summary>
/// The canonical form a record's hash is taken over (version 1), documented in docs/audit.md:
/// the line "trellis-audit-v1", then one line per field in a fixed order, each either "~" (null)
/// or the value's UTF-8 byte count, a colon and the value, so no choice of values can make two
/// different records serialise alike. Numbers are invariant-culture; the time is UTC ISO 8601 with
/// six fractional digits. The hash is SHA-256 of those UTF-8 bytes, as lower-case hex.
/// </summary>
public static class AuditHash
{
    /// <summary>The previous hash of the first record.</summary>
    public static readonly string Genesis = new('0', AuditRecord.HashLength);

    public static string Canonical(AuditRecord record)
    {
        var text = new StringBuilder("trellis-audit-v1\n");
        Field(text, record.Sequence.ToString(CultureInfo.InvariantCulture));
        Field(text, record.OrganisationId?.ToString(CultureInfo.InvariantCulture));
        Field(text, Time(record.At));
        Field(text, record.ActorUserId);
        Field(text, record.ActorName);
        Field(text, record.EntityType);
        Field(text, record.EntityId);
        Field(text, record.PlanId?.ToString(CultureInfo.InvariantCulture));
        Field(text, record.ParentType);
        Field(text, record.ParentId?.ToString(CultureInfo.InvariantCulture));
        Field(text, record.Operation.ToString());
        Field(text, record.Before);
        Field(text, record.After);
        Field(text, record.PreviousHash);
        return text.ToString();
    }

    public static string Compute(AuditRecord record) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical(record))));

    /// <summary>Drops what PostgreSQL's timestamptz cannot keep (below a microsecond), so the stored time hashes the same as the one written.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % 10), TimeSpan.Zero);
    }

    private static string Time(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    private static void Field(StringBuilder text, string? value)
    {
        if (value is null)
        {
            text.Append("~\n");
            return;
        }

        text.Append(Encoding.UTF8.GetByteCount(value).ToString(CultureInfo.InvariantCulture)).Append(':').Append(value).Append('\n');
    }
}
