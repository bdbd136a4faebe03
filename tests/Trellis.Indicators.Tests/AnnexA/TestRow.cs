using System.Globalization;
using Trellis.Indicators.AnnexA;

namespace Trellis.Indicators.Tests.AnnexA;

/// <summary>
/// A string-backed <see cref="IAnnexARow"/>. Cells are written as in fixtures: plain text is a
/// Text cell, "" blank, <c>=45000</c> a Number cell, <c>@45000</c> a Date cell (Excel serial),
/// <c>!#N/A</c> an Error cell, and <c>"..."</c> keeps the text exactly (spaces included).
/// </summary>
internal sealed class TestRow : IAnnexARow
{
    private readonly CellKind[] kinds;
    private readonly string[] texts;
    private readonly double[] numbers;

    public TestRow(IReadOnlyList<string> cells)
    {
        kinds = new CellKind[cells.Count];
        texts = new string[cells.Count];
        numbers = new double[cells.Count];
        for (var i = 0; i < cells.Count; i++)
        {
            var cell = cells[i];
            texts[i] = string.Empty;
            if (cell.Length == 0)
            {
                kinds[i] = CellKind.Blank;
            }
            else if (cell.Length >= 2 && cell[0] == '"' && cell[^1] == '"')
            {
                kinds[i] = CellKind.Text;
                texts[i] = cell[1..^1].Replace("\\u00A0", "\u00A0", StringComparison.Ordinal);
            }
            else if (cell[0] is '=' or '@')
            {
                kinds[i] = cell[0] == '=' ? CellKind.Number : CellKind.Date;
                numbers[i] = double.Parse(cell[1..], CultureInfo.InvariantCulture);
            }
            else if (cell[0] == '!')
            {
                kinds[i] = CellKind.Error;
                texts[i] = cell[1..];
            }
            else
            {
                kinds[i] = CellKind.Text;
                texts[i] = cell;
            }
        }
    }

    public int Count => kinds.Length;

    public CellKind Kind(int column) => column < kinds.Length ? kinds[column] : CellKind.Blank;

    public ReadOnlySpan<char> Text(int column) => column < texts.Length ? texts[column] : [];

    public double Number(int column) => column < numbers.Length ? numbers[column] : 0;

    /// <summary>Pushes one list through a receiver, numbering rows from 2 as a sheet would.</summary>
    public static void Push(IAnnexAReceiver receiver, AnnexAList list, string[] headers, IEnumerable<string[]> rows, string source = "test")
    {
        var sink = receiver.BeginList(list, headers, source);
        if (sink is null)
        {
            return;
        }

        var number = 2;
        foreach (var row in rows)
        {
            sink.Row(number++, new TestRow(row));
        }

        sink.End();
    }
}
