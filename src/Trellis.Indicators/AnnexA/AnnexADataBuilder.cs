namespace Trellis.Indicators.AnnexA;

/// <summary>
/// Receives Annex A lists from a reader and keeps the columns the indicators use (DEFINITIONS §1):
/// headers matched by their letters and digits, values read per type, all-blank rows ignored,
/// rows without an ID dropped, duplicate keys keeping the first row. A list that arrives twice
/// (two files) appends. The hot path allocates only for values not seen before.
/// </summary>
public sealed class AnnexADataBuilder : IAnnexAReceiver
{
    private const int InitialRows = 1024;

    private readonly ListState?[] states = new ListState?[(int)AnnexAList.Adopters + 1];
    private readonly StringPool children = new();
    private readonly StringPool teams = new(reserveBlank: true);
    private readonly StringPool workers = new(reserveBlank: true);
    private readonly StringPool sources = new(reserveBlank: true);
    private readonly StringPool unreadableTexts = new();
    private char[] text = new char[256];
    private char[] scratch = new char[256];
    private bool built;

    public IAnnexARowSink? BeginList(AnnexAList list, IReadOnlyList<string> headers, string source)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(source);
        if (built)
        {
            throw new InvalidOperationException("The Annex A data has been built; start a new builder for more lists.");
        }

        var specs = AnnexAFields.For(list);
        if (specs is null)
        {
            return null;
        }

        var state = states[(int)list] ??= new ListState(new ListTable(list, specs, InitialRows));
        var headerKeys = new string[headers.Count];
        for (var i = 0; i < headers.Count; i++)
        {
            headerKeys[i] = AnnexAFields.HeaderKey(headers[i] ?? string.Empty);
        }

        var map = new int[specs.Length];
        for (var slot = 0; slot < specs.Length; slot++)
        {
            map[slot] = specs[slot].Column.Length == 0 ? -1 : Array.IndexOf(headerKeys, AnnexAFields.HeaderKey(specs[slot].Column));
            var found = map[slot] >= 0;
            state.Table.Present[slot] = state.Sources.Count == 0 ? found : state.Table.Present[slot] && found;
        }

        state.Sources.Add(source);
        return new Sink(this, state, map, source);
    }

    /// <summary>The data read so far. The builder cannot take more lists afterwards.</summary>
    public AnnexAData Build()
    {
        built = true;
        var tables = new ListTable?[states.Length];
        var reports = new List<AnnexAListReport>();
        foreach (var state in states)
        {
            if (state is null)
            {
                continue;
            }

            var table = state.Table;
            tables[(int)table.List] = table;
            var missing = new List<string>();
            var unreadable = new List<AnnexAUnreadable>();
            for (var slot = 0; slot < table.Specs.Length; slot++)
            {
                var column = table.Specs[slot].Column;
                if (column.Length == 0)
                {
                    continue;
                }

                if (!table.Present[slot])
                {
                    missing.Add(column);
                }

                if (state.UnreadableCounts[slot] > 0)
                {
                    var first = state.FirstUnreadable[slot];
                    unreadable.Add(new AnnexAUnreadable(column, state.UnreadableCounts[slot], first.Source, first.Row, first.Text));
                }
            }

            reports.Add(new AnnexAListReport(
                table.List,
                state.Sources.ToArray(),
                table.Count,
                state.BlankRows,
                state.BlankIdRows,
                state.UnreadableIdRows,
                state.DuplicateRows,
                missing,
                unreadable));
        }

        return new AnnexAData(tables, children.ToArray(), teams.ToArray(), workers.ToArray(), reports.ToArray());
    }

    private void Accept(ListState state, int[] map, string source, int rowNumber, IAnnexARow row)
    {
        if (IsAllBlank(row))
        {
            state.BlankRows++;
            return;
        }

        var table = state.Table;
        var specs = table.Specs;
        var values = state.Values;
        var codes = state.Codes;
        var bad = state.Bad;

        var id = ReadCell(row, map[AnnexAFields.Id], out var idKind);
        if (idKind == CellKind.Error)
        {
            state.UnreadableIdRows++;
            return;
        }

        if (id.IsEmpty)
        {
            state.BlankIdRows++;
            return;
        }

        var idSpan = text.AsSpan(0, id.Length);
        var child = children.Intern(idSpan[..AnnexAValues.TrimIntegralFraction(idSpan)]);

        for (var slot = 1; slot < specs.Length; slot++)
        {
            bad[slot] = false;
            if (specs[slot].Column.Length == 0)
            {
                continue;
            }

            var col = map[slot];
            var kind = col < 0 || col >= row.Count ? CellKind.Blank : row.Kind(col);
            switch (specs[slot].Kind)
            {
                case FieldKind.Date:
                    values[slot] = kind is CellKind.Date or CellKind.Number
                        ? AnnexAValues.FromSerial(row.Number(col))
                        : kind == CellKind.Error ? AnnexAValues.Unreadable : AnnexAValues.ParseDate(ReadCell(row, col, out _));
                    break;
                case FieldKind.Count:
                    values[slot] = kind is CellKind.Date or CellKind.Number
                        ? AnnexAValues.CountFromNumber(row.Number(col))
                        : kind == CellKind.Error ? AnnexAValues.Unreadable : AnnexAValues.ParseCount(ReadCell(row, col, out _));
                    break;
                case FieldKind.Text:
                    values[slot] = InternName(slot == AnnexAFields.Team ? teams : workers, row, col, kind, ref bad[slot]);
                    break;
                case FieldKind.SourceCode:
                    var raw = ReadCell(row, col, out _);
                    EnsureScratch(raw.Length);
                    values[slot] = raw.IsEmpty ? 0 : sources.Intern(scratch.AsSpan(0, AnnexAValues.CodeKey(raw, scratch)));
                    break;
                default:
                    var code = kind == CellKind.Error ? AnnexACode.Unreadable : ParseCode(specs[slot].Kind, ReadCell(row, col, out _));
                    codes[slot] = code;
                    bad[slot] = code == AnnexACode.Unreadable;
                    break;
            }

            if (values[slot] <= AnnexAValues.Unreadable && specs[slot].Kind is FieldKind.Date or FieldKind.Count)
            {
                bad[slot] = true;
                // Duplicate keys compare unreadable values by their text (§8).
                var raw = ReadCell(row, col, out _);
                values[slot] = AnnexAValues.Unreadable - unreadableTexts.Intern(raw);
            }
        }

        var (a, b) = AnnexAFields.KeySlots(table.List);
        var key = (child, a < 0 ? 0 : values[a], b < 0 ? 0 : values[b]);
        if (!state.Keys.Add(key))
        {
            state.DuplicateRows++;
            return;
        }

        var at = table.Count;
        table.EnsureCapacity(at + 1);
        table.Child[at] = child;
        for (var slot = 1; slot < specs.Length; slot++)
        {
            if (table.Ints[slot] is { } ints)
            {
                ints[at] = values[slot];
            }
            else if (table.Bytes[slot] is { } bytes)
            {
                bytes[at] = (byte)codes[slot];
            }

            if (bad[slot])
            {
                if (state.UnreadableCounts[slot]++ == 0)
                {
                    state.FirstUnreadable[slot] = (source, rowNumber, ReadCell(row, map[slot], out _).ToString());
                }
            }
        }

        table.Count = at + 1;
    }

    private AnnexACode ParseCode(FieldKind kind, ReadOnlySpan<char> value)
    {
        EnsureScratch(value.Length);
        return AnnexAValues.ParseCode(kind, value, scratch);
    }

    private int InternName(StringPool pool, IAnnexARow row, int col, CellKind kind, ref bool bad)
    {
        if (kind == CellKind.Error)
        {
            bad = true;
            return 0;
        }

        var value = ReadCell(row, col, out _);
        if (value.IsEmpty)
        {
            return 0;
        }

        var span = text.AsSpan(0, value.Length);
        return pool.Intern(span[..AnnexAValues.TrimIntegralFraction(span)]);
    }

    /// <summary>The cell as normalised text in <see cref="text"/>; numbers written as "123" or "12.5".</summary>
    private ReadOnlySpan<char> ReadCell(IAnnexARow row, int col, out CellKind kind) => AnnexAValues.ReadCell(row, col, ref text, out kind);

    private void EnsureScratch(int length)
    {
        if (length > scratch.Length)
        {
            scratch = new char[length * 2];
        }
    }

    private static bool IsAllBlank(IAnnexARow row)
    {
        for (var col = 0; col < row.Count; col++)
        {
            var kind = row.Kind(col);
            if (kind is CellKind.Number or CellKind.Date or CellKind.Error)
            {
                return false;
            }

            if (kind == CellKind.Text)
            {
                foreach (var c in row.Text(col))
                {
                    if (c != '\u00A0' && !char.IsWhiteSpace(c))
                    {
                        return false;
                    }
                }
            }
        }

        return true;
    }

    private sealed class ListState(ListTable table)
    {
        public ListTable Table { get; } = table;

        public List<string> Sources { get; } = [];

        public HashSet<(int, int, int)> Keys { get; } = [];

        public int[] Values { get; } = new int[table.Specs.Length];

        public AnnexACode[] Codes { get; } = new AnnexACode[table.Specs.Length];

        public bool[] Bad { get; } = new bool[table.Specs.Length];

        public int[] UnreadableCounts { get; } = new int[table.Specs.Length];

        public (string Source, int Row, string Text)[] FirstUnreadable { get; } = new (string, int, string)[table.Specs.Length];

        public int BlankRows { get; set; }

        public int BlankIdRows { get; set; }

        public int UnreadableIdRows { get; set; }

        public int DuplicateRows { get; set; }
    }

    private sealed class Sink(AnnexADataBuilder builder, ListState state, int[] map, string source) : IAnnexARowSink
    {
        public void Row(int rowNumber, IAnnexARow row)
        {
            ArgumentNullException.ThrowIfNull(row);
            builder.Accept(state, map, source, rowNumber, row);
        }

        public void End()
        {
        }
    }

    /// <summary>Interns text without allocating for values already seen.</summary>
    private sealed class StringPool
    {
        private readonly Dictionary<string, int> map = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> lookup;
        private readonly List<string> values = [];

        public StringPool(bool reserveBlank = false)
        {
            lookup = map.GetAlternateLookup<ReadOnlySpan<char>>();
            if (reserveBlank)
            {
                Intern([]);
            }
        }

        public int Intern(ReadOnlySpan<char> value)
        {
            if (lookup.TryGetValue(value, out var id))
            {
                return id;
            }

            var s = value.ToString();
            id = values.Count;
            values.Add(s);
            map.Add(s, id);
            return id;
        }

        public string[] ToArray() => values.ToArray();
    }
}
