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

    /// <summary>The report's date ("Date: 11 July 2019"), which gives years to periods written without one.</summary>
    public DateOnly? ReportDate { get; set; }

    /// <summary>Reads a sheet's indicator blocks; returns the row numbers they took, which the plan table then skips.</summary>
    public HashSet<int> Read(SheetGrid grid)
    {
        var taken = new HashSet<int>();
        var rows = grid.Rows;
        ReportDate ??= ReportDates.Find(rows.Take(40).Select(r => string.Join(' ', r.Filled.Select(r.Text))));
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
            else if (IndicatorTableReader.IsPeriod(rows[i].OwnText(first)) && IndicatorTableReader.IsHeader(["", .. filled.Select(rows[i].OwnText)]))
            {
                i = ReadNameless(grid, i, filled, taken);
                continue;
            }
            else if (IndicatorTableReader.IsHeader(["", .. filled.Skip(1).Select(rows[i].OwnText)]) && PlanText.WordCount(rows[i].Text(first)) is >= 2 and <= 20
                && !IndicatorTableReader.IsPeriod(rows[i].OwnText(first)))
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

            // Years on the row above ("2017/18", "2018/19" over "Q1 Q2 Q3 Q4 May"): the two rows are one header.
            if (!titled && i > 0 && rows[i - 1].Number == rows[i].Number - 1 && !taken.Contains(rows[i - 1].Number)
                && rows[i - 1].OwnFilled.Where(c => c > columns[0]).ToList() is { Count: > 0 } upper
                && upper.Count == rows[i - 1].OwnFilled.Count()
                && upper.All(c => IndicatorTableReader.IsPeriod(rows[i - 1].OwnText(c))))
            {
                columns = [.. columns.Union(upper).Order()];
                header = IndicatorTableReader.StackHeaders([.. columns.Select(rows[i - 1].OwnText)], [.. columns.Select(rows[i].OwnText)]);
                taken.Add(rows[i - 1].Number);
            }
            var end = i + 1;
            var blockStart = indicators.Count;
            IndicatorDoc? above = null;
            var councilRows = 0;
            var comparatorRows = new List<(int Row, List<string> Cells)>();
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
                if (titled && IndicatorTableReader.IsComparator(name))
                {
                    // A measure's table ("Care applications rate | 2015-16 | ..."): comparator rows ("England") wait for the council's row.
                    comparatorRows.Add((row.Number, cells));
                    continue;
                }

                if (above is not null && IndicatorTableReader.IsComparator(name))
                {
                    var index = indicators.IndexOf(above);
                    var found = IndicatorTableReader.ComparatorRow(header, cells, ReportDate);
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
                if (IndicatorTableReader.ReadRow(rowHeader, cells, $"k{indicators.Count + 1}", null, ReportDate) is not { } indicator)
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

            if (titled && comparatorRows.Count > 0)
            {
                if (indicators.Count > blockStart)
                {
                    // The council's own row holds the values; the others are its comparators.
                    var council = indicators[blockStart];
                    var found = comparatorRows.SelectMany(r => IndicatorTableReader.ComparatorRow(["", .. header.Skip(1)], r.Cells, ReportDate)).ToList();
                    indicators[blockStart] = council with { Comparators = [.. council.Comparators ?? [], .. found] };
                }
                else
                {
                    // Only comparator rows: the first is the figures, so nothing is lost.
                    List<string> rowHeader = ["", .. header.Skip(1)];
                    foreach (var (number, cells) in comparatorRows)
                    {
                        if (IndicatorTableReader.ReadRow(rowHeader, cells, $"k{indicators.Count + 1}", null, ReportDate) is { } figures)
                        {
                            var title = PlanText.OneLine(header[0]);
                            indicators.Add(Checked(figures with
                            {
                                Name = indicators.Count == blockStart ? title : $"{title}: {figures.Name}",
                                Description = string.Join('\n', new[] { $"Figures for {figures.Name}", figures.Description }.OfType<string>()),
                            }));
                        }
                        else
                        {
                            unplaced.Add($"{grid.Place(columns[0], number)}: {string.Join(" | ", cells.Where(c => c.Length > 0).Select(PlanText.OneLine))}");
                        }
                    }
                }
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
    /// A table whose header is only periods ("Q2 18/19 | Q3 | Q4 | Q1 19/20") and whose rows are only values: it has no
    /// name column, so it takes its name from the words just before it ("... Rate of s47:"), with a warning. With no
    /// such words it is left alone (its rows go to unplaced); an indicator is never named after a period.
    /// </summary>
    private int ReadNameless(SheetGrid grid, int i, List<int> columns, HashSet<int> taken)
    {
        var rows = grid.Rows;
        var before = i > 0 && rows[i - 1].Number >= rows[i].Number - 3 ? string.Join(' ', rows[i - 1].Filled.Select(rows[i - 1].Text)) : string.Empty;
        var lead = IndicatorTableReader.LeadIn(before);
        var end = i + 1;
        if (lead is null || end >= rows.Count || rows[end].Number != rows[i].Number + 1)
        {
            return i;
        }

        var header = new List<string> { string.Empty };
        header.AddRange(columns.Select(rows[i].OwnText));
        var row = rows[end];
        var values = columns.Select(row.OwnText).ToList();
        if (row.OwnFilled.Any(c => !columns.Contains(c)) || !LooksLikeValues([lead, .. values]))
        {
            return i;
        }

        if (IndicatorTableReader.ReadRow(header, [lead, .. values], $"k{indicators.Count + 1}", null, ReportDate) is not { } indicator)
        {
            return i;
        }

        taken.Add(rows[i].Number);
        taken.Add(row.Number);
        var warning = $"The table at {grid.Place(columns[0], rows[i].Number)} has no name column; named from the text before it: '{lead}'";
        indicators.Add(Checked(indicator with { Warnings = [warning, .. indicator.Warnings ?? []] }));
        return end;
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
