namespace Trellis.Core.Import.Word;

/// <summary>
/// Finds the inspection's list of recommendations near the start of a plan, as a table ("Recommendation | Lead |
/// Linked Plan", themed by rows such as "A. Early Help and Protection", and perhaps continued in a second table after
/// a page break) or as numbered paragraphs under a "Recommendation" line with bold theme lines between them.
/// </summary>
internal sealed class RecommendationListReader(Themes themes)
{
    private static readonly string[] IntroWords = ["recommendation", "areas for improvement", "area for improvement", "identified", "improvement areas"];

    public List<Recommendation> Recommendations { get; } = [];

    /// <summary>What each column of a recommendation table holds.</summary>
    internal enum Column
    {
        Number,
        Title,
        Leads,
        SeniorLeads,
        LinkedPlans,
        Rag,
        Theme,
    }

    /// <summary>Reads a table that lists recommendations; <paramref name="previous"/> is the list table just before it, whose columns a headerless continuation reuses.</summary>
    public Dictionary<int, Column>? TryReadTable(WordTable table, Dictionary<int, Column>? previous)
    {
        var header = HeaderColumns(table.Rows[0]);
        var columns = header ?? (previous is not null && LooksLikeList(table) ? previous : null);
        columns ??= LooksLikeList(table) && table.Rows.All(r => r.FilledCells.Count <= 1) ? new() { [table.Rows[0].Cells[0].GridColumn] = Column.Title } : null;
        if (columns is null)
        {
            return null;
        }

        var theme = Recommendations.Count > 0 ? Recommendations[^1].Theme : null;
        foreach (var row in table.Rows.Skip(header is null ? 0 : 1).Where(r => !r.IsEmpty))
        {
            theme = ReadRow(row, columns, theme);
        }

        return columns;
    }

    /// <summary>
    /// Reads numbered paragraphs that list recommendations, starting at <paramref name="start"/>; returns the units it used
    /// (none when there is no list there). A list is two or more numbered paragraphs in sequence, with only theme lines
    /// between them, announced by a line about recommendations or at least three long.
    /// </summary>
    public List<BodyUnit> TryReadParagraphs(IReadOnlyList<BodyUnit> units, int start)
    {
        var used = new List<BodyUnit>();
        var found = new List<(string Number, string Title, int ThemeLine)>();
        var themeLines = new List<string>();
        int? lastNumber = null;
        for (var i = start; i < units.Count && units[i] is ParagraphUnit { Paragraph: var paragraph }; i++)
        {
            var text = PlanText.Tidy(paragraph.Text);
            if (Numbered(paragraph) is { } numbered && IsNext(numbered.Number, lastNumber) is { } n && PlanText.WordCount(numbered.Title) >= 5)
            {
                found.Add((numbered.Number, numbered.Title, themeLines.Count - 1));
                lastNumber = n;
            }
            else if (IsThemeLine(paragraph, text))
            {
                themeLines.Add(text);
            }
            else
            {
                break;
            }

            used.Add(units[i]);
        }

        // Theme lines after the last recommendation head what follows, not the list.
        while (used.Count > 0 && used[^1] is ParagraphUnit last && Numbered(last.Paragraph) is null)
        {
            used.RemoveAt(used.Count - 1);
        }

        var announced = IsAnnounced(units, start);
        if (found.Count < 2 || (found.Count < 3 && !announced))
        {
            return [];
        }

        // Themes are added only now, once the lines are known to be a list.
        var keys = themeLines.Take(found.Max(f => f.ThemeLine) + 1).Select(t => PlanText.TryLettered(t, out var letter, out var title) ? themes.Add(letter, title) : themes.Add(null, t)).ToList();
        Recommendations.AddRange(found.Select(f => new Recommendation(f.Number, f.Title, f.ThemeLine >= 0 ? keys[f.ThemeLine] : null)));
        return used;
    }

    /// <summary>The number as an integer when it continues the list: "1" to start it, then each one more; "2.1" never does.</summary>
    private static int? IsNext(string number, int? last)
    {
        var value = int.TryParse(number, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : (int?)null;
        return value == (last ?? 0) + 1 ? value : null;
    }

    private static (string Number, string Title)? Numbered(WordParagraph paragraph)
    {
        var text = PlanText.Tidy(paragraph.Text);
        if (PlanText.TryNumbered(text, out var number, out var rest))
        {
            return (number, rest);
        }

        return paragraph.ListLabel is { } label && PlanText.TryNumbered($"{label} {text}", out number, out rest) ? (number, rest) : null;
    }

    /// <summary>A short line that heads a group of recommendations: bold, a heading, lettered ("A. ..."), or in capitals.</summary>
    private static bool IsThemeLine(WordParagraph paragraph, string text) =>
        PlanText.WordCount(text) <= 15 && !text.EndsWith('.')
        && (paragraph.IsBold || paragraph.IsHeading || PlanText.TryLettered(text, out _, out _) || PlanText.IsCapitals(text));

    private static bool IsAnnounced(IReadOnlyList<BodyUnit> units, int start)
    {
        for (var i = start - 1; i >= Math.Max(0, start - 3); i--)
        {
            var text = units[i] is ParagraphUnit p ? p.Paragraph.Text : string.Empty;
            if (IntroWords.Any(w => text.Contains(w, StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }

    private string? ReadRow(WordRow row, Dictionary<int, Column> columns, string? theme)
    {
        string Cell(Column column) =>
            columns.Where(c => c.Value == column)
                .Select(c => PlanText.Tidy(column == Column.Rag ? RagColours.TextOrColour(row.CellAt(c.Key)) : row.CellAt(c.Key)?.Text))
                .FirstOrDefault(t => t.Length > 0) ?? string.Empty;

        var title = Cell(Column.Title);
        var written = Cell(Column.Number);
        var filled = row.FilledCells;
        if (written.Length == 0 && PlanText.TryNumbered(title, out var number, out var rest))
        {
            (written, title) = (number, rest);
        }

        if (written.Length == 0 && filled.Count == 1)
        {
            // A row of its own with no number: the theme of the rows that follow.
            var text = PlanText.OneLine(filled[0].Text);
            return PlanText.TryLettered(text, out var letter, out var themeTitle) ? themes.Add(letter, themeTitle) : themes.Add(null, text);
        }

        if (title.Length == 0)
        {
            return theme;
        }

        var ownTheme = Cell(Column.Theme) is { Length: > 0 } t ? themes.Add(null, t) : theme;
        var numberText = written.Length > 0 ? written.TrimEnd('.', ')') : (Recommendations.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Recommendations.Add(new Recommendation(numberText, PlanText.OneLine(title), ownTheme)
        {
            Leads = NullIfEmpty(Cell(Column.Leads)),
            SeniorLeads = NullIfEmpty(Cell(Column.SeniorLeads)),
            LinkedPlans = NullIfEmpty(Cell(Column.LinkedPlans)),
            Rag = NullIfEmpty(Cell(Column.Rag)),
        });
        return theme;
    }

    /// <summary>The columns of a header row that names a recommendation column, else null.</summary>
    private static Dictionary<int, Column>? HeaderColumns(WordRow row)
    {
        // Header cells are a few words each; "Area for improvement: | Improve stability ..." is a labelled row, not a header.
        if (!row.Cells.Any(c => ActionColumns.IsRecommendationHeader(c.Text)) || row.FilledCells.Any(c => PlanText.WordCount(c.Text) > 6))
        {
            return null;
        }

        var columns = new Dictionary<int, Column>();
        foreach (var cell in row.Cells)
        {
            var key = PlanText.Key(cell.Text.Replace("(s)", "s", StringComparison.Ordinal));
            Column? column = ActionColumns.IsRecommendationHeader(cell.Text) ? Column.Title
                : key is "no" or "number" or "ref" or "#" or "" && ReferenceEquals(cell, row.Cells[0]) ? Column.Number
                : AreaLabels.Read(cell.Text)?.Field switch
                {
                    AreaField.Leads => Column.Leads,
                    AreaField.SeniorLeads => Column.SeniorLeads,
                    AreaField.LinkedPlans => Column.LinkedPlans,
                    AreaField.Rag => Column.Rag,
                    _ => key is "theme" or "themes" or "priority area" ? Column.Theme : null,
                };
            if (column is { } c && !columns.ContainsValue(c))
            {
                columns[cell.GridColumn] = c;
            }
        }

        return columns;
    }

    /// <summary>Most filled rows start with a numbered sentence, the rest being theme rows.</summary>
    private static bool LooksLikeList(WordTable table)
    {
        var rows = table.Rows.Where(r => !r.IsEmpty).ToList();
        var numbered = rows.Count(r => PlanText.TryNumbered(r.FilledCells[0].Text, out _, out var rest) && PlanText.WordCount(rest) >= 5);
        var themed = rows.Count(r => r.FilledCells.Count == 1 && PlanText.WordCount(r.FilledCells[0].Text) <= 12);
        return numbered >= 1 && numbered + themed == rows.Count;
    }

    private static string? NullIfEmpty(string text) => text.Length > 0 ? text : null;
}
