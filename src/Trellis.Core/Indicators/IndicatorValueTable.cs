using System.Text;
using Trellis.Core.Import;
using Trellis.Core.Import.Sheets;
using Trellis.Core.Import.Word;

namespace Trellis.Core.Indicators;

/// <summary>A table of values read: one item per value (or part of one), problems naming the cell, and notes on what was left out.</summary>
public sealed record ValueTableRead(IReadOnlyList<ValueItem> Items, IReadOnlyList<ValueProblem> Problems, IReadOnlyList<string> Notes)
{
    public bool Succeeded => Problems.Count == 0;
}

/// <summary>
/// Reads indicator values from a pasted table, a .csv or an .xlsx file, in either layout, told apart by the first row.
/// Long: one row per indicator and period, with columns Indicator (key or name), Period, Value and perhaps As at, Note,
/// Comparator, and Dimension and Category (or a column named for what it splits by, "Team") for a part of the value.
/// Wide: the board reports' own table, "Indicator | Jan 19 | Feb 19 | ... | Target", read by the Word importer's
/// <see cref="IndicatorTableReader"/> so both read headings and cells the same way; comparator columns and rows
/// ("England", "SN average") give comparators. Nothing here knows the plan: the service matches the indicators.
/// </summary>
public static class IndicatorValueTable
{
    public const string PastedName = "Pasted table";

    private static readonly string[] KeyHeadings = ["key", "indicator key", "id", "indicator id", "ref", "reference"];
    private static readonly string[] NameHeadings = ["indicator", "indicator name", "name", "measure", "kpi", "pi", "performance indicator", "metric"];

    private static readonly Dictionary<string, string> Roles = new(StringComparer.Ordinal)
    {
        ["period"] = "period",
        ["month"] = "period",
        ["quarter"] = "period",
        ["year"] = "period",
        ["value"] = "value",
        ["figure"] = "value",
        ["actual"] = "value",
        ["result"] = "value",
        ["as at"] = "asAt",
        ["correct as at"] = "asAt",
        ["as of"] = "asAt",
        ["as at date"] = "asAt",
        ["date"] = "asAt",
        ["note"] = "note",
        ["notes"] = "note",
        ["comment"] = "note",
        ["comments"] = "note",
        ["commentary"] = "note",
        ["comparator"] = "comparator",
        ["benchmark"] = "comparator",
        ["dimension"] = "dimension",
        ["breakdown"] = "dimension",
        ["split by"] = "dimension",
        ["category"] = "category",
        ["group"] = "category",
        ["target"] = "ignore",
        ["unit"] = "ignore",
        ["units"] = "ignore",
        ["source"] = "ignore",
        ["frequency"] = "ignore",
        ["polarity"] = "ignore",
        ["rag"] = "ignore",
    };

    public static bool CanRead(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() is ".csv" or ".xlsx";

    /// <summary>Reads an uploaded .csv or .xlsx file.</summary>
    public static async Task<ValueTableRead> ReadFileAsync(Stream stream, string fileName, CancellationToken ct = default)
    {
        var name = Path.GetFileName(fileName);
        try
        {
            switch (Path.GetExtension(name).ToLowerInvariant())
            {
                case ".xlsx":
                    using (var buffer = await FileGuard.BufferAsync(stream, name, ct))
                    {
                        return Read([.. XlsxSheetReader.Read(buffer, name).Where(g => !g.Hidden).Select(g => (g, $"{name}, sheet {g.Name}"))]);
                    }

                case ".csv":
                    return Read([(await CsvSheetReader.ReadAsync(stream, name, ct), name)]);
                default:
                    return Failed(name, $"Trellis reads indicator values from .csv and .xlsx files, or a table pasted into the box; '{name}' is neither");
            }
        }
        catch (ImportFileException e)
        {
            return Failed(name, e.Message);
        }
    }

    /// <summary>Reads a table pasted from Excel or Word: tab-separated, or comma-separated as typed.</summary>
    public static async Task<ValueTableRead> ReadPastedAsync(string text, CancellationToken ct = default)
    {
        try
        {
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
            return Read([(await CsvSheetReader.ReadAsync(stream, PastedName, ct), PastedName)]);
        }
        catch (ImportFileException e)
        {
            return Failed(PastedName, e.Message.Replace($"'{PastedName}'", "The pasted table", StringComparison.Ordinal));
        }
    }

    private static ValueTableRead Failed(string place, string message) => new([], [new ValueProblem(place, string.Empty, message)], []);

    private static ValueTableRead Read(List<(SheetGrid Grid, string Prefix)> sheets)
    {
        var items = new List<ValueItem>();
        var problems = new List<ValueProblem>();
        var notes = new List<string>();
        var read = 0;
        foreach (var (grid, prefix) in sheets)
        {
            var header = grid.Rows.FirstOrDefault(r => !r.IsBlank);
            if (header is null)
            {
                continue;
            }

            var texts = header.Cells.Select(c => PlanText.OneLine(c)).ToList();
            var first = texts.FindIndex(t => t.Length > 0);
            var long_ = LongColumns(texts);
            if (long_ is not null)
            {
                ReadLong(grid, prefix, header, long_, items, problems, notes);
                read++;
            }
            // "Indicator | Oct 2026": this month's figures alone are a wide table of one period.
            else if (IndicatorTableReader.IsHeader(texts.Skip(first).ToList()) || IndicatorTableReader.IsHeader(["", .. texts.Skip(first + 1)])
                || (first >= 0 && (NameHeadings.Contains(PlanText.Key(texts[first])) || KeyHeadings.Contains(PlanText.Key(texts[first])))
                    && texts.Skip(first + 1).Any(IndicatorTableReader.IsPeriod)))
            {
                ReadWide(grid, prefix, header, first, items, problems, notes);
                read++;
            }
            else if (sheets.Count > 1)
            {
                notes.Add($"{prefix}: not read, as its first row names neither Indicator, Period and Value columns nor periods");
            }
        }

        if (read == 0 && problems.Count == 0)
        {
            problems.Add(new ValueProblem(sheets.Count == 1 ? $"{sheets[0].Prefix}, row {sheets[0].Grid.Rows.FirstOrDefault()?.Number ?? 1}" : sheets.FirstOrDefault().Prefix ?? string.Empty, string.Empty,
                "The first row must name the columns: Indicator, Period and Value for one row per value, or Indicator followed by periods (Jan 19, Feb 19 ...) for one row per indicator"));
        }

        return new ValueTableRead(items, problems, notes);
    }

    /// <summary>The columns of a long table by role ("indicator", "period", "value" ...; "dimension:Team" for a named part column), or null when it is not one.</summary>
    private static Dictionary<int, string>? LongColumns(List<string> texts)
    {
        var roles = new Dictionary<int, string>();
        var keys = texts.Select(PlanText.Key).ToList();
        var indicator = keys.FindIndex(k => KeyHeadings.Contains(k));
        if (indicator < 0)
        {
            indicator = keys.FindIndex(k => NameHeadings.Contains(k));
        }

        if (indicator < 0)
        {
            return null;
        }

        roles[indicator] = "indicator";
        for (var i = 0; i < keys.Count; i++)
        {
            if (i == indicator || keys[i].Length == 0)
            {
                continue;
            }

            if (Roles.TryGetValue(keys[i], out var role))
            {
                if (!roles.ContainsValue(role) || role == "ignore")
                {
                    roles[i] = role;
                }
            }
            else if (!KeyHeadings.Contains(keys[i]) && !NameHeadings.Contains(keys[i]))
            {
                roles[i] = "part:" + texts[i];
            }
        }

        return roles.ContainsValue("period") && roles.ContainsValue("value") ? roles : null;
    }

    private static void ReadLong(SheetGrid grid, string prefix, SheetRow header, Dictionary<int, string> roles, List<ValueItem> items, List<ValueProblem> problems, List<string> notes)
    {
        int Column(string role) => roles.FirstOrDefault(r => r.Value == role, new(-1, string.Empty)).Key;
        var (indicator, period, value, asAt, note, comparator, dimension, category) =
            (Column("indicator"), Column("period"), Column("value"), Column("asAt"), Column("note"), Column("comparator"), Column("dimension"), Column("category"));
        var parts = roles.Where(r => r.Value.StartsWith("part:", StringComparison.Ordinal)).Select(r => (Column: r.Key, Name: r.Value[5..])).ToList();
        var fields = new Dictionary<string, int>
        {
            ["indicator"] = indicator,
            ["period"] = period,
            ["value"] = value,
            ["text"] = value,
            ["asAt"] = asAt,
            ["note"] = note,
            ["comparator"] = comparator,
            ["dimension"] = dimension,
            ["category"] = category,
        };
        foreach (var ignored in roles.Where(r => r.Value == "ignore"))
        {
            notes.Add($"{prefix}: the column '{PlanText.OneLine(header.Text(ignored.Key))}' is not imported; it belongs to the indicator's definition");
        }

        foreach (var row in grid.Rows.Where(r => r.Number > header.Number && !r.IsBlank))
        {
            string? Cell(int column) => column < 0 ? null : PlanText.OneLine(row.Text(column)) is { Length: > 0 } t ? t : null;
            if (Cell(value) is null)
            {
                continue; // a month with no figure yet, as exports leave it
            }

            var (dim, cat) = (Cell(dimension), Cell(category));
            var dimensionColumn = dimension;
            var filled = parts.Where(p => Cell(p.Column) is not null).ToList();
            if (filled.Count > 0 && (dim is not null || cat is not null || filled.Count > 1))
            {
                var named = string.Join(" and ", filled.Select(p => p.Name).Concat(dim is null ? [] : [dim]));
                problems.Add(new ValueProblem(Place(prefix, row.Number, filled[^1].Column), "dimension", $"A row gives one part of a value, but this one is split by {named}: give each part its own row"));
                continue;
            }

            if (filled.Count == 1)
            {
                (dim, cat, dimensionColumn) = (filled[0].Name, Cell(filled[0].Column), filled[0].Column);
            }

            var columns = new Dictionary<string, int>(fields) { ["dimension"] = dimensionColumn, ["category"] = filled.Count == 1 ? filled[0].Column : category };
            items.Add(new ValueItem
            {
                Place = $"{prefix}, row {row.Number}",
                Places = field => columns.TryGetValue(field, out var c) && c >= 0 ? Place(prefix, row.Number, c) : $"{prefix}, row {row.Number}",
                Indicator = Cell(indicator),
                Period = Cell(period),
                ValueText = Cell(value),
                AsAtText = Cell(asAt),
                Note = Cell(note),
                Comparator = Cell(comparator),
                Dimension = dim,
                Category = cat,
            });
        }
    }

    private static void ReadWide(SheetGrid grid, string prefix, SheetRow header, int nameColumn, List<ValueItem> items, List<ValueProblem> problems, List<string> notes)
    {
        var headings = Enumerable.Range(nameColumn, Math.Max(0, header.Cells.Length - nameColumn)).Select(header.Text).ToList();
        var columns = IndicatorTableReader.ReadHeader(headings);
        var lastPeriod = columns.LastOrDefault(c => c.Period is not null)?.Period;
        foreach (var column in columns)
        {
            var at = Place(prefix, header.Number, nameColumn + column.Index);
            switch (column.Kind)
            {
                case IndicatorTableReader.Kind.Period when column.Period is null:
                    problems.Add(new ValueProblem(at, "period", $"'{column.Heading}' does not say which year: write the heading with its year, for example Jan 19, Q2 2019/20 or 2019/20"));
                    break;
                case IndicatorTableReader.Kind.Period when column.Warning is not null:
                    notes.Add($"{at}: {column.Warning}");
                    break;
                case IndicatorTableReader.Kind.Comparator when lastPeriod is null:
                    problems.Add(new ValueProblem(at, "period", $"The comparator column '{column.Heading}' has no period to go with: the table names none"));
                    break;
                case IndicatorTableReader.Kind.Comparator:
                    notes.Add($"{at}: '{column.Heading}' is read as a comparator for {PeriodWords.Display(lastPeriod!)}, the table's last period");
                    break;
                case IndicatorTableReader.Kind.Target or IndicatorTableReader.Kind.Other when column.Heading.Length > 0:
                    notes.Add($"{at}: the column '{column.Heading}' is not imported; targets and other details belong to the indicator's definition");
                    break;
            }
        }

        string? indicator = null;
        foreach (var row in grid.Rows.Where(r => r.Number > header.Number && !r.IsBlank))
        {
            var name = PlanText.OneLine(row.Text(nameColumn));
            var isComparatorRow = name.Length > 0 && IndicatorTableReader.IsComparator(name);
            if (name.Length == 0 || PlanText.IsOnlyPunctuation(name))
            {
                // A ruled line under the table ("-----") or a stray cell: nothing to read.
                continue;
            }

            if (isComparatorRow && indicator is null)
            {
                problems.Add(new ValueProblem(Place(prefix, row.Number, nameColumn), "comparator", $"'{name}' reads as a comparator, but there is no indicator above it for it to belong to"));
                continue;
            }

            if (!isComparatorRow)
            {
                indicator = name;
            }

            foreach (var column in columns)
            {
                var text = PlanText.OneLine(row.Text(nameColumn + column.Index));
                if (text.Length == 0)
                {
                    continue;
                }

                var (period, comparator) = column.Kind switch
                {
                    IndicatorTableReader.Kind.Period when column.Period is not null => (column.Period, isComparatorRow ? name : null),
                    IndicatorTableReader.Kind.Comparator when lastPeriod is not null && !isComparatorRow => (lastPeriod, column.Heading),
                    _ => ((string?)null, (string?)null),
                };
                if (period is null)
                {
                    continue;
                }

                var at = Place(prefix, row.Number, nameColumn + column.Index);
                var nameAt = Place(prefix, row.Number, nameColumn);
                var headingAt = Place(prefix, header.Number, nameColumn + column.Index);
                items.Add(new ValueItem
                {
                    Place = at,
                    Places = field => field switch
                    {
                        "indicator" => nameAt,
                        "period" => headingAt,
                        "comparator" => isComparatorRow ? nameAt : headingAt,
                        _ => at,
                    },
                    Indicator = indicator,
                    Period = period,
                    ValueText = text,
                    Comparator = comparator,
                });
            }
        }
    }

    private static string Place(string prefix, int row, int column) => $"{prefix}, row {row}, column {CellNames.Letter(column)}";
}
