using System.Security.Cryptography;
using System.Text;
using Trellis.Indicators.AnnexA;

namespace Trellis.Core.AnnexA;

/// <summary>
/// Data protection at the door: a receiver decorator that changes rows before anything downstream could keep them.
/// Identifiers (child, adopter, family) become a keyed hash (HMAC-SHA256 under the installation's key: the same id
/// always gives the same hash, so children still match across lists; another key gives another hash); dates of birth
/// become the first of their month; placement postcodes become their sector ("AB1 2CD" -> "AB1 2"); columns no
/// indicator or breakdown needs (free text, provider URNs, personal advisers' names, and any column the template does
/// not have) are dropped. Allocated team and worker stay: breakdowns need them.
/// </summary>
public sealed class AnnexAProtector(IAnnexAReceiver inner, byte[] key) : IAnnexAReceiver
{
    /// <summary>Template columns dropped because nothing Trellis computes needs them.</summary>
    public static IReadOnlySet<string> Dropped { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "Organisation completing assessment",
        "URN of Placement",
        "Allocated Personal Advisor",
    };

    private static readonly HashSet<string> Identifiers = new(StringComparer.Ordinal) { "Child Unique ID", "Individual adopter identifier", "Family identifier" };

    private readonly byte[] _key = key.Length >= 16 ? key : throw new ArgumentException("The hash key must be at least 16 bytes", nameof(key));

    public IAnnexARowSink? BeginList(AnnexAList list, IReadOnlyList<string> headers, string source)
    {
        var template = AnnexAColumns.For(list);
        var kept = new List<(int Source, Action Action)>();
        for (var i = 0; i < headers.Count; i++)
        {
            var header = headers[i];
            if (!template.Contains(header) || Dropped.Contains(header))
            {
                continue;
            }

            kept.Add((i, header switch
            {
                _ when Identifiers.Contains(header) => Action.Hash,
                "Date of Birth" => Action.FirstOfMonth,
                "Placement postcode" => Action.Sector,
                _ => Action.Keep,
            }));
        }

        var sink = inner.BeginList(list, [.. kept.Select(k => headers[k.Source])], source);
        return sink is null ? null : new ProtectedSink(sink, [.. kept], _key);
    }

    /// <summary>The first 16 bytes of HMAC-SHA256(key, UTF-8 identifier), as 32 lower-case hex digits.</summary>
    public static string Hash(byte[] key, string identifier)
    {
        Span<char> hex = stackalloc char[32];
        return Hash(key, identifier, hex).ToString();
    }

    internal static ReadOnlySpan<char> Hash(byte[] key, ReadOnlySpan<char> identifier, Span<char> hex)
    {
        Span<byte> bytes = stackalloc byte[Encoding.UTF8.GetMaxByteCount(Math.Min(identifier.Length, 256))];
        var length = Encoding.UTF8.GetBytes(identifier[..Math.Min(identifier.Length, 256)], bytes);
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(key, bytes[..length], mac);
        Convert.TryToHexStringLower(mac[..16], hex, out var written);
        return hex[..written];
    }

    /// <summary>"AB1 2CD", "ab12cd" -> "AB1 2"; null for anything that is not a full UK postcode.</summary>
    public static string? Sector(ReadOnlySpan<char> postcode)
    {
        Span<char> compact = stackalloc char[8];
        var length = 0;
        foreach (var c in postcode)
        {
            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            if (length == compact.Length || !char.IsAsciiLetterOrDigit(c))
            {
                return null;
            }

            compact[length++] = char.ToUpperInvariant(c);
        }

        if (length is < 5 or > 7 || !char.IsAsciiDigit(compact[length - 3]) || !char.IsAsciiLetter(compact[length - 2]) || !char.IsAsciiLetter(compact[length - 1])
            || !char.IsAsciiLetter(compact[0]))
        {
            return null;
        }

        return string.Concat(compact[..(length - 3)], " ", compact.Slice(length - 3, 1));
    }

    private enum Action : byte
    {
        Keep,
        Hash,
        FirstOfMonth,
        Sector,
    }

    private sealed class ProtectedSink(IAnnexARowSink next, (int Source, Action Action)[] columns, byte[] key) : IAnnexARowSink, IAnnexARow
    {
        private readonly CellKind[] _kinds = new CellKind[columns.Length];
        private readonly double[] _numbers = new double[columns.Length];
        private readonly char[][] _texts = [.. columns.Select(_ => new char[32])];
        private readonly int[] _lengths = new int[columns.Length];
        private readonly char[] _scratch = new char[256];
        private IAnnexARow? _row;

        public int Count => columns.Length;

        public void Row(int rowNumber, IAnnexARow row)
        {
            _row = row;
            for (var i = 0; i < columns.Length; i++)
            {
                var (source, action) = columns[i];
                if (action == Action.Keep)
                {
                    continue;
                }

                _kinds[i] = CellKind.Blank;
                switch (action)
                {
                    case Action.Hash:
                        var id = AnnexACells.Identifier(row, source, _scratch);
                        if (!id.IsEmpty)
                        {
                            _lengths[i] = Hash(key, id, _texts[i]).Length;
                            _kinds[i] = CellKind.Text;
                        }

                        break;
                    case Action.FirstOfMonth:
                        if (AnnexACells.TryReadDate(row.Kind(source), row.Text(source), row.Number(source), out var birth))
                        {
                            _numbers[i] = AnnexACells.ToSerial(new DateOnly(birth.Year, birth.Month, 1));
                            _kinds[i] = CellKind.Date;
                        }

                        break;
                    case Action.Sector:
                        if (row.Kind(source) == CellKind.Text && Sector(row.Text(source)) is { } sector)
                        {
                            sector.CopyTo(_texts[i]);
                            _lengths[i] = sector.Length;
                            _kinds[i] = CellKind.Text;
                        }

                        break;
                    default:
                        break;
                }
            }

            next.Row(rowNumber, this);
            _row = null;
        }

        public void End() => next.End();

        public CellKind Kind(int column) =>
            column >= columns.Length ? CellKind.Blank : columns[column].Action == Action.Keep ? _row!.Kind(columns[column].Source) : _kinds[column];

        public ReadOnlySpan<char> Text(int column) =>
            column >= columns.Length ? [] : columns[column].Action == Action.Keep ? _row!.Text(columns[column].Source)
            : _kinds[column] == CellKind.Text ? _texts[column].AsSpan(0, _lengths[column]) : [];

        public double Number(int column) =>
            column >= columns.Length ? 0 : columns[column].Action == Action.Keep ? _row!.Number(columns[column].Source)
            : _kinds[column] == CellKind.Date ? _numbers[column] : 0;
    }
}
