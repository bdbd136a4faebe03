using System.Globalization;
using System.Text.Json;
using Trellis.Indicators.AnnexA;

namespace Trellis.Core.AnnexA.Store;

/// <summary>A held row as the reader gave it: the stored cells of the present columns, in header order.</summary>
internal sealed class AnnexAReplayRow : IAnnexARow
{
    private string[] _cells = [];

    /// <summary>For each header given to the builder, the index of its stored cell.</summary>
    public int[] Columns { get; set; } = [];

    public int Count => Columns.Length;

    public void Set(string json) => _cells = JsonSerializer.Deserialize<string[]>(json) ?? [];

    public CellKind Kind(int column) => Cell(column) is { Length: > 0 } c ? c[0] switch
    {
        't' => CellKind.Text,
        'n' => CellKind.Number,
        'd' => CellKind.Date,
        'e' => CellKind.Error,
        _ => CellKind.Blank,
    } : CellKind.Blank;

    public ReadOnlySpan<char> Text(int column) => Cell(column) is { Length: > 0 } c && c[0] is 't' or 'e' ? c.AsSpan(1) : [];

    public double Number(int column) => Cell(column) is { Length: > 0 } c && c[0] is 'n' or 'd' ? double.Parse(c.AsSpan(1), CultureInfo.InvariantCulture) : 0;

    private string? Cell(int column) => column < Columns.Length && Columns[column] < _cells.Length ? _cells[Columns[column]] : null;
}
