using System.Text.RegularExpressions;
using Trellis.Core.Dates;
using Trellis.Core.Import.Word;
using Trellis.Core.Interchange;
using Trellis.Core.Owners;

namespace Trellis.Core.Import.Sheets;

/// <summary>
/// Reads a council's plan kept as a spreadsheet (.xlsx or .csv) laid out as one wide table: one row per area or per
/// action, columns named in many ways. <see cref="AnalyseAsync"/> finds each sheet's table and proposes a role per
/// column for a person to correct; <see cref="ReadAsync"/> reads the plan under a mapping (the proposed one when none is
/// given). Indicator blocks ("Indicator | Jan 19 | ... | Target") on any sheet become indicators. A pure reader: it stores
/// nothing, and a file that breaks a limit or is not what its name says gives one clear problem and no document.
/// </summary>
public static partial class SpreadsheetPlanReader
{
    public static async Task<SheetAnalysis> AnalyseAsync(Stream stream, string name, CancellationToken ct)
    {
        List<SheetGrid> grids;
        try
        {
            grids = await LoadAsync(stream, name, ct);
        }
        catch (ImportFileException e)
        {
            return new SheetAnalysis { Source = name, Problems = [new InterchangeProblem(string.Empty, e.Message)] };
        }

        return Analyse(grids, name).Analysis;
    }

    public static async Task<PlanReadResult> ReadAsync(Stream stream, string name, ColumnMapping? mapping, CancellationToken ct)
    {
        List<SheetGrid> grids;
        try
        {
            grids = await LoadAsync(stream, name, ct);
        }
        catch (ImportFileException e)
        {
            return PlanReadResult.Failed(name, [new InterchangeProblem(string.Empty, e.Message)]);
        }

        var (analysis, tables, indicators, taken, unplaced) = Analyse(grids, name);
        var plan = analysis.PlanSheet is { } layout ? tables[layout.Sheet] : default;
        var chosen = mapping ?? analysis.Proposed;
        var themes = new Themes();
        var areas = new List<AreaBuilder>();
        (SheetGrid Grid, List<SheetRow> Rows)? planRows = null;
        var people = new DocumentPeople();
        foreach (var grid in grids.Where(g => !g.Hidden))
        {
            foreach (var row in KeyLeadsSheetReader.Read(grid, people))
            {
                taken.Add((grid.Name, row));
            }
        }

        string? title = null;
        string? organisation = null;
        foreach (var grid in grids)
        {
            if (grid.Hidden)
            {
                unplaced.Add($"Hidden sheet '{grid.Name}' was not read; show it in Excel and import again if it holds part of the plan");
                continue;
            }

            var isPlan = plan.Layout is not null && grid.Name == plan.Layout.Sheet && chosen is not null;
            foreach (var row in grid.Rows.Where(r => !taken.Contains((grid.Name, r.Number))))
            {
                if (isPlan && row.Number > plan.Layout!.HeaderRow)
                {
                    continue;
                }

                if (isPlan && row.Number >= plan.HeaderTop)
                {
                    continue;
                }

                var texts = row.Filled.Where(c => !row.IsMergedCopy(c)).Select(c => PlanText.OneLine(row.Text(c))).ToList();
                if (texts.Count == 0)
                {
                    continue;
                }

                organisation ??= texts.Select(Council).FirstOrDefault(c => c is not null);
                if (title is null && isPlan && texts.Count == 1 && PlanText.WordCount(texts[0]) <= 25)
                {
                    title = texts[0];
                    continue;
                }

                unplaced.Add($"{grid.Place(row.Filled.First(), row.Number)}: {string.Join(" | ", texts)}");
            }

            if (isPlan)
            {
                var assembler = new SheetPlanAssembler(grid, plan.Layout!, chosen!, themes, unplaced);
                var dataRows = grid.Rows.Where(r => r.Number > plan.Layout!.HeaderRow && !taken.Contains((grid.Name, r.Number))).ToList();
                areas = assembler.Read(dataRows);
                planRows = (grid, dataRows);
            }
        }

        if (areas.Count == 0 && indicators.Count == 0)
        {
            var problem = analysis.Problems.Count > 0 ? analysis.Problems : [new InterchangeProblem(string.Empty, NoTable(name))];
            return PlanReadResult.Failed(name, problem);
        }

        if (people.All.Count == 0)
        {
            KeyLeadsReader.Harvest(areas.SelectMany(a => a.Leads.Concat(a.SeniorLeads).Concat(a.Actions.Select(x => x.TextOf(ActionColumn.Owners)))), people);
            if (planRows is var (planGrid, rows))
            {
                NamedLeads(planGrid, rows, chosen!, people);
            }
        }

        var context = new PlanContext(people, new RagLegends(), new DueDateReaderOptions());
        var document = new PlanDocument
        {
            Organisation = new OrganisationDoc { Name = organisation ?? "Unknown council" },
            Plan = new PlanDoc { Title = title ?? Path.GetFileNameWithoutExtension(name) },
            People = people.All.Count > 0 ? [.. people.All] : null,
            Themes = themes.All.Count > 0 ? [.. themes.All] : null,
            Areas = [.. areas.Select(a => a.Build(context))],
            Indicators = indicators.Count > 0 ? indicators : null,
            Unplaced = unplaced.Count > 0 ? unplaced : null,
        };
        return PlanReadResult.From(name, document);
    }

    /// <summary>
    /// For a sheet with no key-leads table: one person per distinct full name written in its lead and owner columns
    /// ("Jane Smith"), with initials made from the name, so that "JS" elsewhere in the file can be read as her (with a
    /// warning; initials shared by two people stay unresolved).
    /// </summary>
    private static void NamedLeads(SheetGrid grid, List<SheetRow> rows, ColumnMapping mapping, DocumentPeople people)
    {
        var columns = mapping.Roles.Where(r => r.Value is ColumnRole.AreaLead or ColumnRole.SeniorLead or ColumnRole.Owner).Select(r => r.Key).Order().ToList();
        foreach (var row in rows)
        {
            foreach (var column in columns)
            {
                foreach (var reading in OwnerReader.Read(PlanText.Tidy(row.OwnText(column)), people.Known))
                {
                    var name = string.Join(' ', reading.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries));
                    if (!reading.IsResolved && OwnerReader.LooksLikePersonalName(name)
                        && !people.All.Any(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)))
                    {
                        people.AddNamed(name, InitialsOf(name), grid.Place(column, row.Number));
                    }
                }
            }
        }
    }

    /// <summary>"Jane Smith" is JS, "Ann de Souza" AS, "Mary-Jane Lee" ML: the first letter of each capitalised word.</summary>
    private static string InitialsOf(string name) =>
        string.Concat(name.Split(' ').Where(w => w.Length > 0 && char.IsUpper(w[0])).Select(w => char.ToUpperInvariant(w[0])));

    private static async Task<List<SheetGrid>> LoadAsync(Stream stream, string name, CancellationToken ct)
    {
        if (string.Equals(Path.GetExtension(name), ".csv", StringComparison.OrdinalIgnoreCase))
        {
            return [await CsvSheetReader.ReadAsync(stream, name, ct)];
        }

        await using var buffer = await FileGuard.BufferAsync(stream, name, ct);
        return XlsxSheetReader.Read(buffer, name);
    }

    private sealed record Table(SheetLayout Layout, int HeaderTop, Dictionary<int, (ColumnRole Role, int Rank)> Roles, SheetGrid Grid);

    private static (SheetAnalysis Analysis, Dictionary<string, (SheetLayout? Layout, int HeaderTop)> Tables, List<IndicatorDoc> Indicators,
        HashSet<(string, int)> Taken, List<string> Unplaced) Analyse(List<SheetGrid> grids, string name)
    {
        var indicators = new List<IndicatorDoc>();
        var unplaced = new List<string>();
        var indicatorReader = new SheetIndicatorReader(indicators, unplaced);
        var taken = new HashSet<(string, int)>();
        var tables = new List<Table>();
        foreach (var grid in grids.Where(g => !g.Hidden))
        {
            foreach (var row in indicatorReader.Read(grid))
            {
                taken.Add((grid.Name, row));
            }

            if (FindTable(grid, taken) is { } table)
            {
                tables.Add(table);
            }
        }

        var best = tables.OrderByDescending(t => t.Roles.Values.Select(r => r.Role).Distinct().Count()).FirstOrDefault();
        var problems = new List<InterchangeProblem>();
        if (grids.All(g => g.Hidden || g.Rows.Count == 0))
        {
            problems.Add(new InterchangeProblem(string.Empty, $"'{name}' has no text in any visible sheet; there is nothing to import"));
        }
        else if (best is null && indicators.Count == 0)
        {
            problems.Add(new InterchangeProblem(string.Empty, NoTable(name)));
        }

        var analysis = new SheetAnalysis
        {
            Source = name,
            Sheets = [.. tables.Select(t => t.Layout)],
            PlanSheet = best?.Layout,
            Proposed = best is null ? null : ColumnGuesser.Propose(best.Layout.Columns, best.Roles, FilledRows(best, taken)),
            Problems = problems,
        };
        return (analysis, tables.ToDictionary(t => t.Layout.Sheet, t => ((SheetLayout?)t.Layout, t.HeaderTop)), indicators, taken, unplaced);
    }

    /// <summary>The sheet's plan table: the header row (or pair of rows) within the first rows that names the most roles.</summary>
    private static Table? FindTable(SheetGrid grid, HashSet<(string, int)> taken)
    {
        Table? best = null;
        var candidates = grid.Rows.Where(r => !taken.Contains((grid.Name, r.Number))).Take(ColumnGuesser.HeaderSearchRows).ToList();
        for (var i = 0; i < candidates.Count; i++)
        {
            var row = candidates[i];
            var width = row.Cells.Length;
            var single = ColumnGuesser.ReadHeader([.. Enumerable.Range(0, width).Select(row.OwnText)]);
            (int Top, SheetRow Bottom, List<string> Headers, Dictionary<int, (ColumnRole Role, int Rank)> Roles)? found =
                single is null ? null : (row.Number, row, Enumerable.Range(0, width).Select(row.OwnText).ToList(), single);
            if (i + 1 < candidates.Count && candidates[i + 1].Number == row.Number + 1)
            {
                var below = candidates[i + 1];
                var both = Math.Max(width, below.Cells.Length);
                var recognise = Enumerable.Range(0, both).Select(c => Combined(row.Text(c), below.OwnText(c))).ToList();
                var pair = ColumnGuesser.ReadHeader([.. recognise.Select(r => r.Recognised)]);
                var belowAlone = ColumnGuesser.ReadHeader([.. Enumerable.Range(0, below.Cells.Length).Select(below.OwnText)]);
                if (pair is not null && pair.Count > (single?.Count ?? 0) && pair.Count > (belowAlone?.Count ?? 0))
                {
                    found = (row.Number, below, recognise.Select(r => r.Shown).ToList(), pair);
                }
            }

            if (found is { } f && (best is null || f.Roles.Count > best.Roles.Count))
            {
                best = new Table(Layout(grid, f.Bottom.Number, f.Headers, taken), f.Top, f.Roles, grid);
            }
        }

        return best;
    }

    /// <summary>Per column of the table, the data rows where it has its own text (a merged cell's copies below its first row are blank).</summary>
    private static Dictionary<int, HashSet<int>> FilledRows(Table table, HashSet<(string, int)> taken)
    {
        var filled = new Dictionary<int, HashSet<int>>();
        foreach (var row in table.Grid.Rows.Where(r => r.Number > table.Layout.HeaderRow && !taken.Contains((table.Grid.Name, r.Number))))
        {
            foreach (var column in table.Layout.Columns)
            {
                if (PlanText.OneLine(row.OwnText(column.Index)).Length > 0)
                {
                    (filled.TryGetValue(column.Index, out var rows) ? rows : filled[column.Index] = []).Add(row.Number);
                }
            }
        }

        return filled;
    }

    /// <summary>A column of a two-row header: the words that name a role ("Action" over "No" is an action number) and the header as shown.</summary>
    private static (string Recognised, string Shown) Combined(string top, string bottom)
    {
        top = PlanText.OneLine(top);
        bottom = PlanText.OneLine(bottom);
        var shown = top.Length == 0 ? bottom : bottom.Length == 0 || PlanText.Key(top) == PlanText.Key(bottom) ? top : $"{top} / {bottom}";
        if (top.Length > 0 && bottom.Length > 0 && PlanText.WordCount(top) <= 4)
        {
            var key = PlanText.Key(bottom);
            var topKey = PlanText.Key(top);
            var numberWord = key is "no" or "number" or "ref" or "reference" or "#" || bottom.Trim() == "#";
            if (numberWord && (topKey.Contains("action", StringComparison.Ordinal) || topKey.Contains("task", StringComparison.Ordinal)))
            {
                return ("action ref", shown);
            }

            if (numberWord && (ActionColumns.IsRecommendationHeader(top) || topKey.Contains("area", StringComparison.Ordinal)))
            {
                return ("area number", shown);
            }

            if (ColumnGuesser.FromHeader($"{top} {bottom}") is not null)
            {
                return ($"{top} {bottom}", shown);
            }
        }

        var recognised = ColumnGuesser.FromHeader(bottom) is not null ? bottom : ColumnGuesser.FromHeader(top) is not null ? top : $"{top} {bottom}".Trim();
        return (recognised, shown);
    }

    private static SheetLayout Layout(SheetGrid grid, int headerRow, List<string> headers, HashSet<(string, int)> taken)
    {
        var data = grid.Rows.Where(r => r.Number > headerRow && !taken.Contains((grid.Name, r.Number))).ToList();
        var width = Math.Max(headers.Count, data.Count == 0 ? 0 : data.Max(r => r.Cells.Length));
        var columns = new List<SheetColumn>();
        for (var c = 0; c < width; c++)
        {
            var header = c < headers.Count ? PlanText.OneLine(headers[c]) : string.Empty;
            var samples = data.Select(r => PlanText.OneLine(r.OwnText(c))).Where(t => t.Length > 0).Take(3)
                .Select(t => t.Length > 120 ? t[..120] + "…" : t).ToList();
            if (header.Length > 0 || samples.Count > 0)
            {
                columns.Add(new SheetColumn(c, CellNames.Letter(c), header, samples));
            }
        }

        return new SheetLayout(grid.Name, headerRow, columns);
    }

    private static string NoTable(string name) =>
        $"No plan table was found in '{name}': no row names columns such as 'Action', 'Area for improvement', 'Lead officer' or 'By when', and no indicator table ('Indicator | Jan 19 | ... | Target')";

    /// <summary>"Riverside Borough Council", "London Borough of Lewisham": the council a title names, or null.</summary>
    private static string? Council(string text)
    {
        var match = CouncilName().Match(text);
        return match.Success && match.Value.Length <= Trellis.Core.Plans.Organisation.NameMaxLength ? match.Value.Trim() : null;
    }

    [GeneratedRegex(@"(?:London Borough of [A-Z][\w'-]+(?: (?:and|upon|on) [A-Z][\w'-]+)?|Royal Borough of [A-Z][\w'-]+(?: and [A-Z][\w'-]+)?|(?:[A-Z][\w'&-]+ ){1,4}(?:Metropolitan Borough |Borough |County |City |District )?Council)")]
    private static partial Regex CouncilName();
}
