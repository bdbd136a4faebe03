using System.Globalization;

namespace Trellis.Indicators.AnnexA;

/// <summary>
/// A list's duplicate key (DEFINITIONS §1.3) read from a row exactly as <see cref="AnnexADataBuilder"/> reads it, as
/// text, so that a store can keep one row per key across files: ID, then the key's date and source, parsed (dates as
/// ISO days, codes casefolded without their prefix, unreadable values by their text). Also says which of the engine's
/// columns the headers have, so a store keeps only those.
/// </summary>
public sealed class AnnexARowKeys
{
    private readonly int[] _map;
    private readonly FieldSpec[] _specs;
    private readonly int _a;
    private readonly int _b;
    private char[] _text = new char[256];
    private char[] _scratch = new char[256];

    public AnnexARowKeys(AnnexAList list, IReadOnlyList<string> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        _specs = AnnexAFields.For(list) ?? throw new ArgumentException($"{list.Title()} is not used by any indicator", nameof(list));
        var headerKeys = headers.Select(h => AnnexAFields.HeaderKey(h ?? string.Empty)).ToArray();
        var used = UsedColumns(list);
        _map = new int[used.Count];
        for (var i = 0; i < used.Count; i++)
        {
            _map[i] = Array.IndexOf(headerKeys, AnnexAFields.HeaderKey(used[i]));
        }

        (_a, _b) = AnnexAFields.KeySlots(list);
    }

    /// <summary>Whether the engine reads the list at all (List 2 and List 11 it does not).</summary>
    public static bool IsUsed(AnnexAList list) => AnnexAFields.For(list) is not null;

    /// <summary>The template columns of the list the engine reads, in a fixed order (ID first).</summary>
    public static IReadOnlyList<string> UsedColumns(AnnexAList list) =>
        AnnexAFields.For(list) is { } specs ? [.. specs.Select(s => s.Column).Where(c => c.Length > 0)] : [];

    /// <summary>For each of <see cref="UsedColumns"/>, the header's index, or -1 when the file lacks the column.</summary>
    public IReadOnlyList<int> ColumnIndexes => _map;

    /// <summary>
    /// The row's key, or null for a row the engine leaves out (all blank, blank or unreadable ID).
    /// <paramref name="keyDay"/> is the key's date as a day number (the contact, referral or S47 date for the flow lists), or -1.
    /// </summary>
    public string? Key(IAnnexARow row, out int keyDay)
    {
        ArgumentNullException.ThrowIfNull(row);
        keyDay = -1;
        var idColumn = Column(AnnexAFields.Id);
        if (idColumn < 0 || idColumn >= row.Count || row.Kind(idColumn) is CellKind.Blank or CellKind.Error)
        {
            return null;
        }

        var id = ReadCell(row, idColumn);
        if (id.IsEmpty)
        {
            return null;
        }

        var idText = _text.AsSpan(0, id.Length);
        var key = idText[..AnnexAValues.TrimIntegralFraction(idText)].ToString();
        if (_a >= 0)
        {
            var a = Part(row, _a, out keyDay);
            key = _b >= 0 ? string.Concat(key, "|", a, "|", Part(row, _b, out _)) : string.Concat(key, "|", a);
        }

        return key;
    }

    private int Column(int slot)
    {
        // Slots with a column map in order onto UsedColumns.
        var index = 0;
        for (var s = 0; s < slot; s++)
        {
            if (_specs[s].Column.Length > 0)
            {
                index++;
            }
        }

        return _map[index];
    }

    private string Part(IAnnexARow row, int slot, out int day)
    {
        day = -1;
        var col = Column(slot);
        var kind = col < 0 || col >= row.Count ? CellKind.Blank : row.Kind(col);
        if (kind == CellKind.Blank)
        {
            return string.Empty;
        }

        if (_specs[slot].Kind == FieldKind.SourceCode)
        {
            var raw = ReadCell(row, col);
            if (raw.Length > _scratch.Length)
            {
                _scratch = new char[raw.Length * 2];
            }

            return _scratch.AsSpan(0, AnnexAValues.CodeKey(raw, _scratch)).ToString();
        }

        var value = kind is CellKind.Date or CellKind.Number ? AnnexAValues.FromSerial(row.Number(col))
            : kind == CellKind.Error ? AnnexAValues.Unreadable : AnnexAValues.ParseDate(ReadCell(row, col));
        if (value == AnnexAValues.Blank)
        {
            return string.Empty;
        }

        if (value <= AnnexAValues.Unreadable)
        {
            return "?" + ReadCell(row, col).ToString();
        }

        day = value;
        return DateOnly.FromDayNumber(value).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    /// <summary>The cell as the builder reads it: numbers as "123" or "12.5", text normalised.</summary>
    private ReadOnlySpan<char> ReadCell(IAnnexARow row, int col) => AnnexAValues.ReadCell(row, col, ref _text, out _);
}
