using System.Globalization;
using System.Text;

namespace Trellis.Core.Import.Sheets;

/// <summary>The limits every spreadsheet import keeps; a file past one is refused with a message naming the place.</summary>
public static class SheetLimits
{
    /// <summary>Far more than any plan (the largest seen have a few hundred rows); the reader stops here rather than load more.</summary>
    public const int MaxRows = 20_000;

    /// <summary>Excel's own limit for the text of one cell.</summary>
    public const int MaxCellCharacters = 32_767;

    public const int MaxColumns = 500;

    /// <summary>Filled cells across the whole workbook.</summary>
    public const int MaxCells = 1_000_000;
}

/// <summary>One row of a sheet as text: cells by column index (0 = A), null when blank.</summary>
internal sealed class SheetRow(int number, string?[] cells, bool[]? merged = null, string?[]? colours = null)
{
    /// <summary>The RAG colour ("Red", "Amber", "Green", "Blue") an empty cell is filled with, when it is.</summary>
    public string? Colour(int column) => colours is not null && column < colours.Length ? colours[column] : null;

    public string?[]? Colours => colours;

    /// <summary>The row's number as the sheet shows it (1-based).</summary>
    public int Number { get; } = number;

    public string?[] Cells { get; } = cells;

    public string Text(int column) => column >= 0 && column < Cells.Length ? Cells[column] ?? string.Empty : string.Empty;

    /// <summary>Whether the cell's text was copied from the top-left cell of a merged range, so is not text of its own.</summary>
    public bool IsMergedCopy(int column) => merged is not null && column < merged.Length && merged[column];

    /// <summary>The cell's own text: empty for a copy of a merged range's text.</summary>
    public string OwnText(int column) => IsMergedCopy(column) ? string.Empty : Text(column);

    /// <summary>Columns with text of their own (not merged copies).</summary>
    public IEnumerable<int> OwnFilled => Filled.Where(c => !IsMergedCopy(c));

    public bool IsBlank => Array.TrueForAll(Cells, string.IsNullOrWhiteSpace);

    public IEnumerable<int> Filled => Enumerable.Range(0, Cells.Length).Where(i => !string.IsNullOrWhiteSpace(Cells[i]));
}

/// <summary>One sheet (a CSV file is one sheet) as rows of text.</summary>
internal sealed class SheetGrid(string name, bool hidden, List<SheetRow> rows)
{
    public string Name { get; } = name;

    public bool Hidden { get; } = hidden;

    public List<SheetRow> Rows { get; } = rows;

    public string Place(int column, int row) => $"{Name}!{CellNames.Letter(column)}{row}";
}

internal static class CellNames
{
    /// <summary>0 -> A, 25 -> Z, 26 -> AA.</summary>
    public static string Letter(int column)
    {
        var builder = new StringBuilder();
        for (var n = column + 1; n > 0; n = (n - 1) / 26)
        {
            builder.Insert(0, (char)('A' + ((n - 1) % 26)));
        }

        return builder.ToString();
    }

    /// <summary>"F12" -> (5, 12); null when not a cell reference.</summary>
    public static (int Column, int Row)? Parse(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }

        var column = 0;
        var i = 0;
        while (i < reference.Length && char.IsAsciiLetter(reference[i]))
        {
            column = (column * 26) + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
            i++;
            if (column > 100_000)
            {
                return null;
            }
        }

        return i == 0 || !int.TryParse(reference.AsSpan(i), NumberStyles.None, CultureInfo.InvariantCulture, out var row) ? null : (column - 1, row);
    }
}
