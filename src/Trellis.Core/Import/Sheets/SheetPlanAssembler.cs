using System.Text.RegularExpressions;
using Trellis.Core.Dates;
using Trellis.Core.Import.Word;
using Trellis.Core.Interchange;

namespace Trellis.Core.Import.Sheets;

/// <summary>
/// Turns a plan's wide table into areas and actions under a column mapping, with the Word importer's builders (owners
/// through the key leads, dates through <see cref="DueDateReader"/>, repeated refs warned about). Rows group into areas
/// by the area's number and title; a blank area cell means "same as above". Several actions in one cell (numbered
/// "1." or "a)", or bulleted, one a line) or in several action columns each become an action, paired with due dates,
/// owners and refs split the same way when the counts agree. Text of ignored columns, and anything else that cannot be
/// placed, goes to unplaced with its cell.
/// </summary>
internal sealed partial class SheetPlanAssembler
{
    private static readonly ColumnRole[] ActionRoles =
        [ColumnRole.ActionRef, ColumnRole.Owner, ColumnRole.Due, ColumnRole.Milestones, ColumnRole.Status, ColumnRole.Rag, ColumnRole.Comments];

    private readonly SheetGrid grid;
    private readonly SheetLayout layout;
    private readonly ColumnMapping mapping;
    private readonly List<string> unplaced;
    private readonly Themes themes;
    private readonly List<AreaBuilder> areas = [];
    private readonly Dictionary<AreaBuilder, string> areaKeys = [];
    private AreaBuilder? current;
    private string? currentTheme;
    private List<ActionBuilder> lastActions = [];

    public SheetPlanAssembler(SheetGrid grid, SheetLayout layout, ColumnMapping mapping, Themes themes, List<string> unplaced)
    {
        this.grid = grid;
        this.layout = layout;
        this.mapping = mapping;
        this.themes = themes;
        this.unplaced = unplaced;
    }

    public List<AreaBuilder> Read(IEnumerable<SheetRow> rows)
    {
        var headerKeys = layout.Columns.ToDictionary(c => c.Index, c => PlanText.Key(c.Header));
        foreach (var row in rows)
        {
            // A header repeated down the sheet (each printed page's) is not data.
            var filled = row.Filled.ToList();
            if (filled.Count > 1 && filled.All(c => headerKeys.TryGetValue(c, out var h) && h.Length > 0 && h.EndsWith(PlanText.Key(row.Text(c)), StringComparison.Ordinal)))
            {
                continue;
            }

            ReadRow(row, filled);
        }

        return areas;
    }

    /// <summary>A cell's text; for a RAG column, the colour an empty cell is filled with.</summary>
    private static string TextOf(SheetRow row, int column, ColumnRole role) =>
        PlanText.Tidy(row.Text(column)) is { Length: > 0 } text ? text
            : role is ColumnRole.Rag or ColumnRole.AreaRag ? row.Colour(column) ?? string.Empty : string.Empty;

    private string Header(int column) => layout.Columns.FirstOrDefault(c => c.Index == column)?.Header ?? string.Empty;

    private string Cell(SheetRow row, ColumnRole role) =>
        mapping.ColumnsWith(role).Select(c => PlanText.Tidy(row.Text(c))).FirstOrDefault(t => t.Length > 0) ?? string.Empty;

    private void ReadRow(SheetRow row, List<int> filled)
    {
        // A lone cell across an otherwise empty row (outside the action column) is a banner: a theme, or an area when the table has no title column.
        if (filled.Count == 1 && mapping.RoleOf(filled[0]) != ColumnRole.ActionText)
        {
            var text = PlanText.Tidy(row.Text(filled[0]));
            var role = mapping.RoleOf(filled[0]);
            var hasTitleColumn = mapping.Roles.Values.Any(r => r is ColumnRole.AreaTitle or ColumnRole.Recommendation);
            if (role is ColumnRole.Ignore or ColumnRole.ActionRef or ColumnRole.AreaNumber && PlanText.WordCount(text) >= 2)
            {
                if (hasTitleColumn)
                {
                    currentTheme = Theme(text);
                }
                else
                {
                    var (number, title) = PlanText.TryNumbered(text, out var n, out var r) ? (n, r) : (string.Empty, text);
                    StartArea(number, title, null, row, filled[0]);
                }

                return;
            }
        }

        ReadTheme(row);
        ReadArea(row);
        ReadAreaFields(row);
        ReadActions(row);
        foreach (var column in filled.Where(c => mapping.RoleOf(c) == ColumnRole.Ignore && !row.IsMergedCopy(c)))
        {
            var header = Header(column);
            unplaced.Add($"{grid.Place(column, row.Number)}{(header.Length > 0 ? $" ({PlanText.OneLine(header)})" : string.Empty)}: {PlanText.Tidy(row.Text(column))}");
        }
    }

    private void ReadTheme(SheetRow row)
    {
        var text = Cell(row, ColumnRole.Theme);
        if (text.Length > 0)
        {
            currentTheme = Theme(text);
        }
    }

    /// <summary>"A. Early help" is theme A; a theme without a letter gets a key of its own.</summary>
    private string Theme(string text) => PlanText.TryLettered(text, out var letter, out var rest) ? themes.Add(letter, rest) : themes.Add(null, text);

    private void ReadArea(SheetRow row)
    {
        var number = Cell(row, ColumnRole.AreaNumber).Trim().TrimEnd('.', ')', ':');
        var title = Cell(row, ColumnRole.AreaTitle);
        var recommendation = Cell(row, ColumnRole.Recommendation);
        if (number.Length == 0 && title.Length == 0 && recommendation.Length == 0)
        {
            return;
        }

        var key = $"{number}|{PlanText.Key(title.Length > 0 ? title : recommendation)}";
        if (current is not null && areaKeys.TryGetValue(current, out var currentKey))
        {
            var (currentNumber, currentTitle) = (currentKey.Split('|')[0], currentKey[(currentKey.IndexOf('|', StringComparison.Ordinal) + 1)..]);
            var sameNumber = number.Length == 0 || number == currentNumber;
            var sameTitle = key.EndsWith('|') || key[(key.IndexOf('|', StringComparison.Ordinal) + 1)..] == currentTitle;
            if (sameNumber && sameTitle)
            {
                return;
            }
        }

        var column = mapping.ColumnsWith(ColumnRole.AreaTitle).Concat(mapping.ColumnsWith(ColumnRole.Recommendation)).Concat(mapping.ColumnsWith(ColumnRole.AreaNumber)).First();
        StartArea(number, title, recommendation, row, column);
    }

    private void StartArea(string number, string title, string? recommendation, SheetRow row, int column)
    {
        var warnings = new List<string>();
        var shownTitle = title.Length > 0 ? title : recommendation ?? string.Empty;
        if (number.Length == 0 && PlanText.TryNumbered(shownTitle, out var written, out var rest))
        {
            number = written;
            shownTitle = rest;
        }

        if (number.Length == 0)
        {
            number = (areas.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            warnings.Add($"The area has no number in the sheet; numbered {number} by its position ({grid.Place(column, row.Number)})");
        }
        else if (areas.Exists(a => a.Number == number))
        {
            warnings.Add($"Area number {number} is also used by an earlier area; kept as written ({grid.Place(column, row.Number)})");
        }

        if (number.Length > Trellis.Core.Plans.Area.NumberMaxLength)
        {
            unplaced.Add($"{grid.Place(column, row.Number)}: {number}");
            warnings.Add($"The area number '{number}' is too long for a number; numbered {areas.Count + 1} by its position ({grid.Place(column, row.Number)})");
            number = (areas.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (shownTitle.Length == 0)
        {
            shownTitle = $"Area {number}";
            warnings.Add($"The area has no title in the sheet ({grid.Place(column, row.Number)})");
        }

        var area = new AreaBuilder(number, shownTitle, currentTheme);
        area.Warnings.AddRange(warnings);
        if (recommendation is { Length: > 0 })
        {
            var reference = title.Length == 0 ? $"Recommendation {number}" : PlanText.OneLine(recommendation);
            if (reference.Length > Trellis.Core.Plans.Area.SourceReferenceMaxLength)
            {
                reference = $"Recommendation {number}";
                var recommendationColumn = mapping.ColumnsWith(ColumnRole.Recommendation).First();
                unplaced.Add($"{grid.Place(recommendationColumn, row.Number)} ({Header(recommendationColumn)}): {recommendation}");
            }

            area.KnownSource = new SourceDoc { Kind = "inspection-recommendation", Reference = reference };
        }

        areaKeys[area] = $"{number}|{PlanText.Key(title.Length > 0 ? title : recommendation)}";
        areas.Add(area);
        current = area;
        lastActions = [];
    }

    private AreaBuilder Area(SheetRow row)
    {
        if (current is null)
        {
            var column = row.Filled.FirstOrDefault();
            StartArea(string.Empty, string.Empty, null, row, column);
            current!.Warnings.Add("The sheet names no area for its first rows; they are kept in an area of their own");
        }

        return current;
    }

    private void ReadAreaFields(SheetRow row)
    {
        foreach (var (role, list) in new (ColumnRole, Func<AreaBuilder, List<string>>)[]
        {
            (ColumnRole.AreaLead, a => a.Leads), (ColumnRole.SeniorLead, a => a.SeniorLeads), (ColumnRole.Partners, a => a.Partners),
            (ColumnRole.LinkedPlans, a => a.LinkedPlans), (ColumnRole.Objectives, a => a.Objectives), (ColumnRole.Outcomes, a => a.Outcomes),
            (ColumnRole.MeasuresOfSuccess, a => a.MeasuresOfSuccess), (ColumnRole.AreaRag, a => a.Rag),
        })
        {
            foreach (var column in mapping.ColumnsWith(role))
            {
                var text = TextOf(row, column, role);
                if (text.Length == 0)
                {
                    continue;
                }

                var target = list(Area(row));
                if (!target.Exists(t => PlanText.Key(t) == PlanText.Key(text)))
                {
                    target.Add(text);
                }
            }
        }
    }

    private void ReadActions(SheetRow row)
    {
        var textColumns = mapping.ColumnsWith(ColumnRole.ActionText).ToList();
        var slots = textColumns.Select(c => (Column: c, Text: row.IsMergedCopy(c) ? string.Empty : PlanText.Tidy(row.Text(c)))).Where(s => s.Text.Length > 0).ToList();
        var others = ActionRoles.ToDictionary(r => r, r => mapping.ColumnsWith(r).Where(c => TextOf(row, c, r).Length > 0).ToList());
        if (slots.Count == 0)
        {
            if (others.Values.All(o => o.Count == 0))
            {
                return;
            }

            if (lastActions.Count > 0 && others[ColumnRole.ActionRef].Count == 0)
            {
                // A row that goes on with the action above (a cell split across rows): its text joins that action's.
                foreach (var (role, columns) in others)
                {
                    foreach (var column in columns.Where(c => !row.IsMergedCopy(c)))
                    {
                        var action = lastActions[^1];
                        if (role == ColumnRole.Owner && action.OwnerCells.Count > 0)
                        {
                            action.OwnerCells.Add((TextOf(row, column, role), grid.Place(column, row.Number)));
                        }

                        action.Add(ToActionColumn(role), TextOf(row, column, role));
                        action.Places.TryAdd(ToActionColumn(role), grid.Place(column, row.Number));
                    }
                }

                return;
            }

            foreach (var column in others.Values.SelectMany(c => c).Where(c => !row.IsMergedCopy(c)).Order())
            {
                unplaced.Add($"{grid.Place(column, row.Number)} ({PlanText.OneLine(Header(column))}): {PlanText.Tidy(row.Text(column))}");
            }

            Area(row).Warnings.Add($"Row {row.Number} of sheet '{grid.Name}' has action details but no action; they are kept as unplaced text");
            return;
        }

        var area = Area(row);
        lastActions = [];
        for (var s = 0; s < slots.Count; s++)
        {
            var items = Items(slots[s].Text);
            for (var i = 0; i < items.Count; i++)
            {
                var action = new ActionBuilder();
                action.Add(ActionColumn.Text, items[i].Text);
                action.Places[ActionColumn.Text] = grid.Place(slots[s].Column, row.Number);
                var refText = Part(row, ColumnRole.ActionRef, s, textColumns.Count, i, items.Count).Text;
                action.WrittenRef = (items.Count, items[i].Label, refText.Length) switch
                {
                    (1, var label, _) => refText.Length > 0 ? PlanText.OneLine(refText) : label,
                    (_, { } label, 0) => label,
                    (_, { } label, _) when label.StartsWith(refText.TrimEnd('.'), StringComparison.OrdinalIgnoreCase) => label,
                    (_, { } label, _) => $"{refText.TrimEnd('.')}.{label}",
                    (_, null, 0) => null,
                    _ => $"{refText.TrimEnd('.')}.{i + 1}",
                };
                foreach (var role in ActionRoles.Where(r => r != ColumnRole.ActionRef))
                {
                    var several = Filled(row, role, s, textColumns.Count);
                    if (several.Count > 1 && role is ColumnRole.Owner or ColumnRole.Due or ColumnRole.Status or ColumnRole.Rag)
                    {
                        AddSeveral(action, row, role, several);
                        continue;
                    }

                    var (text, place) = Part(row, role, s, textColumns.Count, i, items.Count);
                    if (text.Length > 0)
                    {
                        action.Add(ToActionColumn(role), text);
                        action.Places[ToActionColumn(role)] = place;
                    }
                }

                area.Actions.Add(action);
                lastActions.Add(action);
            }
        }
    }

    /// <summary>The columns of a role with text on the row for the <paramref name="slot"/>-th action column (its own when paired).</summary>
    private List<int> Filled(SheetRow row, ColumnRole role, int slot, int slotCount)
    {
        var columns = mapping.ColumnsWith(role).ToList();
        var paired = columns.Count == slotCount && slotCount > 1 && role is not (ColumnRole.Milestones or ColumnRole.Comments);
        return [.. (paired ? [columns[slot]] : columns).Where(c => TextOf(row, c, role).Length > 0)];
    }

    /// <summary>
    /// Several filled columns of a role that holds one thing: each owner column is read on its own (owners de-duplicated);
    /// the first due date, status or RAG is the action's and the others are kept, as milestones (dates) or in the
    /// comments, with a warning; nothing is glued into one value or lost.
    /// </summary>
    private void AddSeveral(ActionBuilder action, SheetRow row, ColumnRole role, List<int> columns)
    {
        var first = columns[0];
        var column = ToActionColumn(role);
        action.Places[column] = grid.Place(first, row.Number);
        if (role == ColumnRole.Owner)
        {
            foreach (var c in columns)
            {
                action.OwnerCells.Add((TextOf(row, c, role), grid.Place(c, row.Number)));
                action.Add(column, TextOf(row, c, role));
            }

            return;
        }

        action.Add(column, TextOf(row, first, role));
        foreach (var c in columns.Skip(1))
        {
            var header = PlanText.OneLine(Header(c));
            var text = $"{(header.Length > 0 ? header : CellNames.Letter(c))}: {TextOf(row, c, role)}";
            var kept = role == ColumnRole.Due ? ActionColumn.Milestones : ActionColumn.Comments;
            action.Add(kept, text);
            action.Places.TryAdd(kept, grid.Place(c, row.Number));
            var what = role switch { ColumnRole.Due => "due date", ColumnRole.Status => "status", _ => "RAG rating" };
            action.Warnings.Add($"The row has more than one {what}; {grid.Place(first, row.Number)} is used and {grid.Place(c, row.Number)} is kept in the "
                + (role == ColumnRole.Due ? "milestones" : "comments"));
        }
    }

    /// <summary>
    /// The text of a role's cells for the <paramref name="item"/>-th action of the <paramref name="slot"/>-th action
    /// column: the matching column when there is one per action column, and the matching line when the cell splits
    /// into as many items as the action cell; otherwise the whole cell (several columns joined, each under its header).
    /// </summary>
    private (string Text, string Place) Part(SheetRow row, ColumnRole role, int slot, int slotCount, int item, int itemCount)
    {
        var columns = mapping.ColumnsWith(role).ToList();
        if (columns.Count == 0)
        {
            return (string.Empty, string.Empty);
        }

        // One column per action column pairs them; milestones and comments are the row's, for every action.
        var paired = columns.Count == slotCount && slotCount > 1 && role is not (ColumnRole.Milestones or ColumnRole.Comments);
        List<int> chosen = paired ? [columns[slot]] : columns;
        var filled = chosen.Where(c => TextOf(row, c, role).Length > 0).ToList();
        if (filled.Count == 0)
        {
            return (string.Empty, string.Empty);
        }

        var place = grid.Place(filled[0], row.Number);
        if (filled.Count > 1)
        {
            var joined = string.Join('\n', filled.Select(c => Header(c).Length > 0 && role is ColumnRole.Milestones or ColumnRole.Comments
                ? $"{PlanText.OneLine(Header(c))}: {TextOf(row, c, role)}"
                : TextOf(row, c, role)));
            return (joined, place);
        }

        var text = TextOf(row, filled[0], role);
        if (itemCount > 1)
        {
            var parts = Items(text);
            var lines = text.Split('\n');
            if (parts.Count == itemCount)
            {
                return (role == ColumnRole.ActionRef ? parts[item].Label ?? parts[item].Text : parts[item].Text, place);
            }

            if (lines.Length == itemCount)
            {
                return (PlanText.WithoutBullet(lines[item]), place);
            }
        }

        return (text, place);
    }

    /// <summary>
    /// The actions of one cell: lines starting "1.", "1.2", "a)", "(ii)" or a bullet each start an item, and following
    /// lines continue it; a numbered or lettered item gives its number or letter as a label. One item when the cell is
    /// not a list.
    /// </summary>
    internal static List<(string Text, string? Label)> Items(string text)
    {
        var items = new List<(string Text, string? Label)>();
        foreach (var line in text.Split('\n'))
        {
            var match = ItemStart().Match(line);
            if (match.Success || items.Count == 0)
            {
                if (match.Success && (match.Groups["number"].Success || match.Groups["letter"].Success))
                {
                    var label = match.Groups["number"].Success ? match.Groups["number"].Value : match.Groups["letter"].Value;
                    items.Add((line[match.Length..].Trim(), label));
                }
                else
                {
                    items.Add((match.Success ? line[match.Length..].Trim() : line.Trim(), null));
                }
            }
            else
            {
                items[^1] = ($"{items[^1].Text}\n{line.Trim()}", items[^1].Label);
            }
        }

        var kept = items.Where(i => i.Text.Length > 0 && !PlanText.IsOnlyPunctuation(i.Text)).ToList();
        return kept.Count > 0 ? kept : [(text, null)];
    }

    private static ActionColumn ToActionColumn(ColumnRole role) => role switch
    {
        ColumnRole.ActionRef => ActionColumn.Ref,
        ColumnRole.Owner => ActionColumn.Owners,
        ColumnRole.Due => ActionColumn.Due,
        ColumnRole.Milestones => ActionColumn.Milestones,
        ColumnRole.Status => ActionColumn.Status,
        ColumnRole.Rag => ActionColumn.Rag,
        ColumnRole.Comments => ActionColumn.Comments,
        _ => ActionColumn.Text,
    };

    [GeneratedRegex(@"^\s*(?:(?<number>\d{1,2}(?:\.\d{1,2}){0,2})[.)](?=\s)|\(?(?<letter>[a-z]|i{1,3}|iv|v|vi{1,3}|ix|x)\)(?=\s)|[\u2022\u25aa\u25cf\uf0b7*\-\u2013](?=\s))\s*")]
    private static partial Regex ItemStart();
}
