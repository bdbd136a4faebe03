namespace Trellis.Indicators.AnnexA;

/// <summary>
/// Annex A lists read into compact columns (see docs/annexa-engine.md): dates as day numbers,
/// children, teams and workers as interned ints, codes as bytes. Built by
/// <see cref="AnnexADataBuilder"/>; immutable once built, so one instance can feed many runs.
/// </summary>
public sealed class AnnexAData
{
    private readonly ListTable?[] tables;
    private readonly AnnexAListReport[] reports;
    private readonly object cacheLock = new();

    internal AnnexAData(ListTable?[] tables, string[] childIds, string[] teams, string[] workers, AnnexAListReport[] reports)
    {
        this.tables = tables;
        ChildIds = childIds;
        Teams = teams;
        Workers = workers;
        this.reports = reports;
    }

    /// <summary>Distinct children (normalised IDs) across all lists.</summary>
    public int ChildCount => ChildIds.Length;

    /// <summary>What was read per list: rows kept, dropped and unreadable, columns missing.</summary>
    public IReadOnlyList<AnnexAListReport> Lists => reports;

    public bool HasList(AnnexAList list) => Table(list) is not null;

    public AnnexAListReport? Report(AnnexAList list) => Array.Find(reports, r => r.List == list);

    /// <summary>The ID of an interned child number.</summary>
    public string ChildId(int child) => ChildIds[child];

    internal string[] ChildIds { get; }

    /// <summary>Team names; 0 is "no team" (blank or unreadable), shown as Unallocated.</summary>
    internal string[] Teams { get; }

    internal string[] Workers { get; }

    internal ListTable? Table(AnnexAList list) => (int)list < tables.Length ? tables[(int)list] : null;

    /// <summary>Derived per-data structures the engine computes once and shares between runs.</summary>
    internal T Cached<T>(string key, Func<AnnexAData, T> build)
        where T : class
    {
        lock (cacheLock)
        {
            if (cache.TryGetValue(key, out var found))
            {
                return (T)found;
            }
        }

        var built = build(this);
        lock (cacheLock)
        {
            cache.TryAdd(key, built);
            return (T)cache[key];
        }
    }

    private readonly Dictionary<string, object> cache = new(StringComparer.Ordinal);
}

/// <summary>What the builder read from one list (all its files together).</summary>
public sealed record AnnexAListReport(
    AnnexAList List,
    IReadOnlyList<string> Sources,
    int RowsKept,
    int BlankRows,
    int BlankIdRows,
    int UnreadableIdRows,
    int DuplicateRows,
    IReadOnlyList<string> MissingColumns,
    IReadOnlyList<AnnexAUnreadable> Unreadable);

/// <summary>Unreadable values of one column on kept rows, with the first one seen for the message.</summary>
public sealed record AnnexAUnreadable(string Column, int Count, string FirstSource, int FirstRow, string FirstText);

/// <summary>One list's rows as columns, indexed by the slots of <see cref="AnnexAFields"/>.</summary>
internal sealed class ListTable
{
    public ListTable(AnnexAList list, FieldSpec[] specs, int capacity)
    {
        List = list;
        Specs = specs;
        Ints = new int[]?[specs.Length];
        Bytes = new byte[]?[specs.Length];
        Present = new bool[specs.Length];
        for (var slot = 0; slot < specs.Length; slot++)
        {
            if (specs[slot].Column.Length == 0)
            {
                continue;
            }

            if (AnnexAFields.IsCode(specs[slot].Kind))
            {
                Bytes[slot] = new byte[capacity];
            }
            else
            {
                Ints[slot] = new int[capacity];
            }
        }
    }

    public AnnexAList List { get; }

    public FieldSpec[] Specs { get; }

    public int Count { get; set; }

    /// <summary>Dates (day number, -1 blank, &lt;= -2 unreadable), counts (same), interned text (team/worker 0 = none).</summary>
    public int[]?[] Ints { get; }

    public byte[]?[] Bytes { get; }

    /// <summary>The column was found in every file of the list.</summary>
    public bool[] Present { get; }

    public int[] Child => Ints[AnnexAFields.Id]!;

    public int[] Dob => Ints[AnnexAFields.Dob]!;

    public int[] Col(int slot) => Ints[slot]!;

    public byte[] Code(int slot) => Bytes[slot]!;

    public bool HasTeams => Ints.Length > AnnexAFields.Worker && Ints[AnnexAFields.Team] is not null;

    public void EnsureCapacity(int rows)
    {
        var current = Child.Length;
        if (rows <= current)
        {
            return;
        }

        var size = Math.Max(rows, current * 2);
        for (var slot = 0; slot < Specs.Length; slot++)
        {
            if (Ints[slot] is { } ints)
            {
                var grown = ints;
                Array.Resize(ref grown, size);
                Ints[slot] = grown;
            }

            if (Bytes[slot] is { } bytes)
            {
                var grown = bytes;
                Array.Resize(ref grown, size);
                Bytes[slot] = grown;
            }
        }
    }
}
