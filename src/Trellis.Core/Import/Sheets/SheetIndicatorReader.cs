using Trellis.Core.Dates;
using Trellis.Core.Import.Word;
using Trellis.Core.Interchange;

namespace Trellis.Core.Import.Sheets;

/// <summary>
/// Finds indicator blocks anywhere in a sheet: a header row naming periods ("Indicator | Jan 19 | Feb 19 | ... |
/// Target", quarters, "2017/18"), perhaps with comparator columns ("Stat neighbours", "England"), then one indicator a
/// row until a blank row. Rows named as comparators ("SN Average", "England") give comparators to the indicator above. A
/// header whose first cell is itself a measure ("Care applications rate per 10k | 2015-16 | 2016-17") makes one indicator
/// whose rows are the council and its comparators. Cells are read by the Word importer's <see cref="IndicatorTableReader"/>,
/// so both importers map a table the same way. The header's columns may be spread out (merged cells in a converted
/// report): values are read from the header's columns, and anything elsewhere in the block goes to unplaced.
/// </summary>
internal sealed class SheetIndicatorReader(List<IndicatorDoc> indicators, List<string> unplaced)
{
    /// <summary>A value cell longer than this is a sentence, not a figure: the table has ended.</summary>
    private const int MaxValueLength = 40;

    /// <summary>Reads a sheet's indicator blocks; returns the row numbers they took, which the plan table then skips.</summary>
    public HashSet<int> Read(SheetGrid grid)
    {
        var taken = new HashSet<int>();
        var rows = grid.Rows;
        for (var i = 0; i < rows.Count; i++)
        {
            var filled = rows[i].OwnFilled.ToList();
            if (filled.Count < 3)
            {
                continue;
            }

            var first = filled[0];
            List<int> columns;
            var titled = false;
            if (IndicatorTableReader.IsHeader([.. filled.Select(rows[i].OwnText)]))
            {
                columns = filled;
            }
            else if (first > 0 && IndicatorTableReader.IsHeader(["", .. filled.Select(rows[i].OwnText)]))
            {
                columns = [0, .. filled];
            }
            else if (IndicatorTableReader.IsHeader(["", .. filled.Skip(1).Select(rows[i].OwnText)]) && PlanText.WordCount(rows[i].Text(first)) is >= 2 and <= 20)
            {
                columns = filled;
                titled = true;
            }
            else
            {
                continue;
            }

            taken.Add(rows[i].Number);
            var header = columns.Select(rows[i].OwnText).ToList();
            var end = i + 1;
            var blockStart = indicators.Count;
            IndicatorDoc? above = null;
            var councilRows = 0;
            while (end < rows.Count && rows[end].Number == rows[end - 1].Number + 1)
            {
                var row = rows[end];
                var cells = columns.Select(row.OwnText).ToList();
                if (IndicatorTableReader.IsHeader(cells) || IndicatorTableReader.IsHeader(["", .. row.OwnFilled.Select(row.OwnText)]) || !LooksLikeValues(cells))
                {
                    break;
                }

                taken.Add(row.Number);
                foreach (var stray in row.OwnFilled.Where(c => !columns.Contains(c)))
                {
                    unplaced.Add($"{grid.Place(stray, row.Number)}: {PlanText.OneLine(row.Text(stray))}");
                }

                end++;
                var name = PlanText.OneLine(cells[0]);
                if (above is not null && IndicatorTableReader.IsComparator(name))
                {
                    var index = indicators.IndexOf(above);
                    var found = IndicatorTableReader.ComparatorRow(header, cells);
                    if (found.Count == 0)
                    {
                        unplaced.Add($"{grid.Place(columns[0], row.Number)}: {string.Join(" | ", cells.Where(c => c.Length > 0).Select(PlanText.OneLine))}");
                        continue;
                    }

                    above = above with { Comparators = [.. above.Comparators ?? [], .. found] };
                    indicators[index] = above;
                    continue;
                }

                var rowHeader = titled ? ["", .. header.Skip(1)] : header;
                if (IndicatorTableReader.ReadRow(rowHeader, cells, $"k{indicators.Count + 1}", null) is not { } indicator)
                {
                    if (!PlanText.IsOnlyPunctuation(string.Join(' ', cells)))
                    {
                        unplaced.Add($"{grid.Place(columns[0], row.Number)}: {string.Join(" | ", cells.Where(c => c.Length > 0).Select(PlanText.OneLine))}");
                    }

                    continue;
                }

                if (titled)
                {
                    councilRows++;
                    var title = PlanText.OneLine(header[0]);
                    indicator = indicator with
                    {
                        Name = councilRows == 1 ? title : $"{title}: {name}",
                        Description = string.Join('\n', new[] { $"Figures for {name}", indicator.Description }.OfType<string>()),
                    };
                }

                above = Checked(indicator);
                indicators.Add(above);
            }

            if (titled && indicators.Count == blockStart)
            {
                // Only comparator rows: keep them as an indicator of their own so nothing is lost.
                taken.Remove(rows[i].Number);
            }

            i = end - 1;
        }

        return taken;
    }

    /// <summary>
    /// Whether a row under an indicator header still belongs to it: a name of reasonable length and short values ("18%",
    /// "1630 (av)", "TBC"). Report text that follows a table without a blank row (converted documents) does not.
    /// </summary>
    private static bool LooksLikeValues(List<string> cells)
    {
        var values = cells.Skip(1).Select(PlanText.OneLine).Where(c => c.Length > 0).ToList();
        return PlanText.OneLine(cells[0]).Length <= Trellis.Core.Indicators.Indicator.NameMaxLength
            && values.Count > 0 && values.TrueForAll(v => v.Length <= MaxValueLength);
    }

    /// <summary>Values whose period has no year ("Q3", "Apr") or repeats one already read stay in the description, as written.</summary>
    private static IndicatorDoc Checked(IndicatorDoc indicator)
    {
        if (indicator.Values is not { Count: > 0 } values)
        {
            return indicator;
        }

        var kept = new List<IndicatorValueDoc>();
        var notes = new List<string>();
        var periods = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            if (Period.TryParse(value.Period, out var period) && periods.Add(period.Text))
            {
                kept.Add(value);
            }
            else
            {
                notes.Add($"{value.Period}: {(value.Value is { } number ? number.ToString(System.Globalization.CultureInfo.InvariantCulture) + (value.Note is null ? string.Empty : " " + value.Note) : value.Text)}");
            }
        }

        if (notes.Count == 0)
        {
            return indicator;
        }

        List<string?> lines = [indicator.Description, "Values for periods without a year, as written:", .. notes];
        var description = string.Join('\n', lines.OfType<string>());
        return indicator with { Values = kept.Count > 0 ? kept : null, Description = description };
    }
}
