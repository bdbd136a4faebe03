using System.Globalization;
using Trellis.Core.Interchange;

namespace Trellis.Core.Import.Word;

/// <summary>
/// Reads the plan's body, paragraph by paragraph and row by row, into areas and actions. It relies on structure and
/// vocabulary, not on any one council's layout:
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>An area starts at a numbered heading ("1. Review processes...", "9 Improve...", "Recommendation 3: ...") in a
/// paragraph or a row of its own, when labelled fields or an actions table follow it, or when it is one of the
/// inspection's recommendations. A heading lost in conversion is recognised from the recommendation list when a line
/// holding the end of a recommendation starts a section.</item>
/// <item>A theme is a lettered heading ("A. Early Help and Protection"), a heading seen in the recommendation list, or
/// a short heading-like line (a heading style, bold, capitals, a row of its own) straight before an area heading.</item>
/// <item>Labelled fields ("Lead:", "DLT Lead:", "Relevant plan(s):", "a) Expected outcome (what will be different?)")
/// in paragraphs or two-cell rows fill the area; a label on its own collects the lines and list items after it.</item>
/// <item>An actions table starts at a header row (<see cref="ActionColumns"/>); a table straight after it with the same
/// columns and no header continues it (a page break), as does a row whose first cell is empty (a row split by a page
/// break) or whose action cell continues a vertical merge (one action, several dates: its milestones).</item>
/// <item>Whatever is not placed is kept in <see cref="Unplaced"/>; each doubt is a warning on the nearest area or action.</item>
/// </list>
/// </remarks>
internal sealed partial class PlanBodyReader(IReadOnlyList<BodyUnit> units, Themes themes, IReadOnlyList<Recommendation> recommendations)
{
    /// <summary>How far ahead to look for an area's fields after a numbered heading.</summary>
    private const int Lookahead = 40;

    private static readonly HashSet<AreaField> ListFields =
        [AreaField.Leads, AreaField.SeniorLeads, AreaField.LinkedPlans, AreaField.Partners, AreaField.Objectives, AreaField.Outcomes, AreaField.MeasuresOfSuccess];

    private static readonly HashSet<AreaField> SectionFields = [.. ListFields, AreaField.Actions, AreaField.Rag];

    private AreaBuilder? area;

    /// <summary>An actions table interrupted by a row that is not an action; the next area heading in the same table resumes it.</summary>
    private ActionTable? suspended;
    private AreaField? pending;
    private string? theme;
    private ActionTable? actions;
    private string? candidateHeading;
    private (WordRow Header, WordTable Table, int LastUnit)? indicators;

    // The header row last seen and, when it was the second of two header rows, both read as one.
    private WordRow? headerRowOf;
    private List<string>? headerTexts;
    private IndicatorTableShape? indicatorTable;
    private IndicatorDoc? lastTableIndicator;
    private int index;

    public List<AreaBuilder> Areas { get; } = [];

    public List<string> Unplaced { get; } = [];

    public List<IndicatorDoc> Indicators { get; } = [];

    /// <summary>The report's date, from which periods written without a year ("Q3", "Apr") are counted back.</summary>
    public DateOnly? ReportDate { get; init; }

    /// <summary>Whether the document is marked "DRAFT".</summary>
    public bool SaysDraft { get; private set; }

    public void Read()
    {
        for (index = 0; index < units.Count; index++)
        {
            switch (units[index])
            {
                case ParagraphUnit paragraph:
                    ReadParagraph(paragraph.Paragraph, paragraph.Paragraph.IsHeading || paragraph.Paragraph.IsBold);
                    break;
                case RowUnit row:
                    ReadRow(row);
                    break;
            }
        }
    }

    private void ReadParagraph(WordParagraph paragraph, bool headingLike)
    {
        var text = PlanText.Tidy(paragraph.Text);
        if (text.Length == 0 || PlanText.IsOnlyPunctuation(text))
        {
            return;
        }

        headingLike |= PlanText.IsCapitals(text);
        if (PlanText.Key(text) == "draft")
        {
            SaysDraft = true;
        }
        else if (AreaLabels.IsOnlyMonitoringHeadings(text))
        {
            pending = AreaField.Monitoring;
        }
        else if (!TryTheme(text) && !TryAreaHeading(paragraph, text) && !TryLostHeading(text) && !TryLabel(text))
        {
            ReadLine(text, headingLike);
        }
    }

    /// <summary>A line that is not a heading or a label: a theme before an area, an item of the pending list, or unplaced.</summary>
    private void ReadLine(string text, bool headingLike)
    {
        var isHeading = headingLike && PlanText.WordCount(text) <= 15 && !text.EndsWith('.');
        if (isHeading && IsAreaHeadingAt(NextContent(index)))
        {
            theme = themes.Add(null, text);
            return;
        }

        if (area is not null && pending is { } field && area.ListFor(field) is { } list)
        {
            list.Add(text);
            return;
        }

        if (area is not null && pending == AreaField.Monitoring)
        {
            KeepMonitoringText(text);
            return;
        }

        if (isHeading && !PlanText.IsDocumentSection(text))
        {
            candidateHeading = text;
        }

        Unplaced.Add(text);
    }

    private bool TryTheme(string text)
    {
        if (PlanText.TryLettered(text, out var letter, out var title) && PlanText.WordCount(title) <= 12 && !title.EndsWith('.'))
        {
            theme = themes.Add(letter, title);
            return true;
        }

        if (PlanText.WordCount(text) <= 15 && themes.Find(text) is { } known)
        {
            theme = known;
            return true;
        }

        return false;
    }

    private bool TryLabel(string text)
    {
        if (AreaLabels.Read(text) is not { } label)
        {
            return false;
        }

        ApplyLabel(label, label.Value.Length > 0 ? [label.Value] : []);
        return true;
    }

    /// <summary>A label and its value lines: fills the area's field and makes it the list that following lines join.</summary>
    private void ApplyLabel(AreaLabel label, List<string> values)
    {
        var value = PlanText.OneLine(string.Join(' ', values));
        if (label.Field == AreaField.Theme && value.Length > 0)
        {
            theme = PlanText.TryLettered(value, out var letter, out var title) ? themes.Add(letter, title) : themes.Add(null, value);
            return;
        }

        if (label.Field == AreaField.Heading)
        {
            // "Recommendation: Ensure that ...": an area whose number is its recommendation's, or the next one.
            if (PlanText.WordCount(value) >= 3 && ConfirmsArea((string.Empty, value), index))
            {
                var numbered = PlanText.TryNumbered(value, out var number, out var rest);
                var title = numbered ? rest : value;
                var recommendation = MatchRecommendation(title);
                StartArea(numbered ? number : recommendation?.Number ?? NextAreaNumber().ToString(CultureInfo.InvariantCulture), title, recommendation);
            }
            else
            {
                Unplaced.Add(value.Length > 0 ? $"{label.Label} {value}" : label.Label);
            }

            return;
        }

        if (label.Field is AreaField.Leads or AreaField.SeniorLeads && (area is null || area.Actions.Count > 0) && candidateHeading is not null)
        {
            // A lead after the last area's actions, under an unnumbered heading: that heading starts a new area.
            StartUnnumberedArea(candidateHeading);
        }

        if (area is null)
        {
            Unplaced.Add(values.Count > 0 ? $"{label.Label} {string.Join(' ', values)}" : label.Label);
            return;
        }

        // Lines after a label join its list; a RAG is a single value, written beside its label.
        pending = label.Field is AreaField.Actions or AreaField.Rag ? null : label.Field;
        if (label.Field == AreaField.Monitoring)
        {
            values.ForEach(v => KeepMonitoringText($"{label.Label} {v}"));
            return;
        }

        area.ListFor(label.Field)?.AddRange(values);
    }

    /// <summary>Monitoring text has no reporting period in a plan document, so it is kept unplaced and the area says so.</summary>
    private void KeepMonitoringText(string text)
    {
        Unplaced.Add(text);
        var warning = "Monitoring text under this area (progress, impact or further actions) has no reporting period; it is kept in unplaced";
        if (area is not null && !area.Warnings.Contains(warning))
        {
            area.Warnings.Add(warning);
        }
    }

    private void ReadRow(RowUnit unit)
    {
        var row = unit.Row;
        if (TryIndicatorRow(unit))
        {
            return;
        }

        if (ActionColumns.TryRead(row) is { } header)
        {
            StartActions(header, unit.Table);
            return;
        }

        if (suspended is not null && !ReferenceEquals(unit.Table, suspended.Table))
        {
            suspended = null;
        }

        if (actions is not null && (ReferenceEquals(unit.Table, actions.Table) || ContinuesActions(unit)))
        {
            if (ReadActionRow(row))
            {
                actions.Table = unit.Table;
                actions.LastUnit = index;
                return;
            }

            // A heading or label row ends the actions; an area heading further down this table takes up its columns again.
            suspended = actions;
            actions = null;
        }

        ReadOtherRow(row);
    }

    /// <summary>
    /// Rows of an indicator table (its header row, then one indicator a row, also in a table straight after it with the
    /// same shape): they become the plan's indicators, linked to the area they sit in.
    /// </summary>
    private bool TryIndicatorRow(RowUnit unit)
    {
        if (IndicatorTableReader.IsHeader(unit.Row))
        {
            // A header straight under another in the same table is its second line ("2018/19" above "Q1 Q2 ...").
            headerTexts = indicators is { } above && ReferenceEquals(above.Table, unit.Table) && above.LastUnit == index - 1
                && ReferenceEquals(headerRowOf, above.Header)
                ? IndicatorTableReader.StackHeaders(headerTexts ?? [.. above.Header.Cells.Select(c => c.Text)], [.. unit.Row.Cells.Select(c => c.Text)])
                : null;
            headerRowOf = unit.Row;
            indicators = (unit.Row, unit.Table, index);
            indicatorTable = null;
            return true;
        }

        var texts = unit.Row.Cells.Select(c => PlanText.OneLine(c.Text)).ToList();
        var continues = indicators is { } current && ReferenceEquals(current.Table, unit.Table);
        if (!continues && texts.Count > 2 && IndicatorTableReader.IsHeader(["", .. texts.Skip(1)]))
        {
            if (IndicatorTableReader.IsPeriod(texts[0]) && IndicatorTableReader.IsHeader(["", .. texts]))
            {
                // Only periods: no name column. The words before the table name it, or it is not read as indicators.
                if (index > 0 && units[index - 1] is ParagraphUnit before && IndicatorTableReader.LeadIn(before.Paragraph.Text) is { } lead)
                {
                    indicators = (unit.Row, unit.Table, index);
                    indicatorTable = new IndicatorTableShape(lead, Nameless: true);
                    return true;
                }

                return false;
            }

            if (!IndicatorTableReader.IsPeriod(texts[0]) && PlanText.WordCount(texts[0]) is >= 2 and <= 20)
            {
                // "Care Applications Rate per 10,000 | 2015-16 | ...": one measure, the council's row and its comparators.
                indicators = (unit.Row, unit.Table, index);
                indicatorTable = new IndicatorTableShape(texts[0], Nameless: false);
                return true;
            }
        }

        if (indicators is not { } table
            || !(ReferenceEquals(unit.Table, table.Table) || (table.LastUnit == index - 1 && unit.Row.Cells.Count == table.Header.Cells.Count)))
        {
            return false;
        }

        indicators = table with { Table = unit.Table, LastUnit = index };
        var id = $"k{Indicators.Count + 1}";
        List<string> header = headerTexts is not null && ReferenceEquals(headerRowOf, table.Header) ? [.. headerTexts] : [.. table.Header.Cells.Select(c => c.Text)];
        List<string> cells = [.. unit.Row.Cells.Select(c => c.Text)];
        var name = PlanText.OneLine(cells.Count > 0 ? cells[0] : string.Empty);
        if (indicatorTable is { Nameless: true } nameless)
        {
            header = ["", .. header];
            cells = [nameless.Title, .. cells];
            if (IndicatorTableReader.ReadRow(header, cells, id, area?.Number, ReportDate) is { } named)
            {
                var warning = $"The table has no name column; named from the text before it: '{nameless.Title}'";
                Indicators.Add(named with { Warnings = [warning, .. named.Warnings ?? []] });
                indicatorTable = null;
            }

            return true;
        }

        if (indicatorTable is { } titled)
        {
            header = ["", .. header.Skip(1)];
            if (IndicatorTableReader.IsComparator(name))
            {
                var found = IndicatorTableReader.ComparatorRow(header, cells, ReportDate);
                if (titled.Council is { } council && found.Count > 0)
                {
                    var at = Indicators.IndexOf(council);
                    Indicators[at] = council with { Comparators = [.. council.Comparators ?? [], .. found] };
                    indicatorTable = titled with { Council = Indicators[at] };
                }
                else if (found.Count > 0)
                {
                    indicatorTable = titled with { Pending = [.. titled.Pending, .. found] };
                }
                else
                {
                    Unplaced.Add(string.Join(" | ", unit.Row.FilledCells.Select(c => PlanText.OneLine(c.Text))));
                }

                return true;
            }

            if (IndicatorTableReader.ReadRow(header, cells, id, area?.Number, ReportDate) is { } figures)
            {
                var first = titled.Council is null;
                figures = figures with
                {
                    Name = first ? titled.Title : $"{titled.Title}: {name}",
                    Description = string.Join('\n', new[] { $"Figures for {name}", figures.Description }.OfType<string>()),
                    Comparators = first && titled.Pending.Count > 0 ? [.. figures.Comparators ?? [], .. titled.Pending] : figures.Comparators,
                };
                Indicators.Add(figures);
                if (first)
                {
                    indicatorTable = titled with { Council = figures, Pending = [] };
                }
            }

            return true;
        }

        if (IndicatorTableReader.IsComparator(name) && Indicators.Count > 0 && table.LastUnit < index && ReferenceEquals(lastTableIndicator, Indicators[^1]))
        {
            // "SN Average | 54 | 53": comparators of the indicator above.
            var found = IndicatorTableReader.ComparatorRow(header, cells, ReportDate);
            if (found.Count > 0)
            {
                Indicators[^1] = Indicators[^1] with { Comparators = [.. Indicators[^1].Comparators ?? [], .. found] };
                lastTableIndicator = Indicators[^1];
            }
            else
            {
                Unplaced.Add(string.Join(" | ", unit.Row.FilledCells.Select(c => PlanText.OneLine(c.Text))));
            }

            return true;
        }

        if (IndicatorTableReader.ReadRow(header, cells, id, area?.Number, ReportDate) is { } indicator)
        {
            Indicators.Add(indicator);
            lastTableIndicator = indicator;
        }
        else if (!unit.Row.FilledCells.All(c => PlanText.IsOnlyPunctuation(c.Text)))
        {
            Unplaced.Add(string.Join(" | ", unit.Row.FilledCells.Select(c => PlanText.OneLine(c.Text))));
        }

        return true;
    }

    /// <summary>An indicator table without a name column: periods only (named from the words before it) or a measure's table.</summary>
    private sealed record IndicatorTableShape(string Title, bool Nameless)
    {
        public IndicatorDoc? Council { get; init; }

        public List<ComparatorDoc> Pending { get; init; } = [];
    }

    private void ReadOtherRow(WordRow row)
    {
        var filled = row.FilledCells;
        if (filled.Count == 1 && AreaLabels.Read(filled[0].Text) is { Field: AreaField.Rag, Value.Length: 0 } ragLabel
            && RagColours.TextOrColour(row.Cells.SkipWhile(c => !ReferenceEquals(c, filled[0])).Skip(1).FirstOrDefault()) is { Length: > 0 } colour)
        {
            // "RAG | (a cell shaded amber)".
            ApplyLabel(ragLabel, [colour]);
            return;
        }

        if (filled.Count == 1)
        {
            // A row of its own reads like paragraphs; each line of it may be a heading, a label or an item.
            var paragraphs = filled[0].Paragraphs.Where(p => !p.IsEmpty).ToList();
            foreach (var paragraph in paragraphs)
            {
                ReadParagraph(paragraph, paragraphs.Count == 1 || paragraph.IsBold || paragraph.IsHeading);
            }

            return;
        }

        // "1 | Improve ..." or "Recommendation 1 | Improve ...": an area heading split over two cells.
        var number = filled.Count == 2 ? (IsBareNumber(filled[0].Text) ? filled[0].Text.Trim().TrimEnd('.') : PlanText.NumberOnlyHeading(filled[0].Text)) : null;
        if (number is not null && HeadingOf(new WordParagraph(string.Empty), $"{number}. {PlanText.OneLine(filled[1].Text)}") is { } heading
            && ConfirmsArea(heading, index))
        {
            StartArea(heading.Number, heading.Title, MatchRecommendation(heading.Title));
            return;
        }

        if (LabelPairs(filled) is { } pairs)
        {
            pairs.ForEach(p => ApplyLabel(p.Label, p.Values));
            return;
        }

        Unplaced.Add(string.Join(" | ", filled.Select(c => PlanText.OneLine(c.Text))));
    }

    /// <summary>
    /// "Lead: | Jane Adams", or pairs side by side ("Lead: | RG | DLT Lead: | CP"): each label with the one cell after it.
    /// A label with its value in the same cell stands alone. A row that is not all such pairs ("Outcome | Measure |
    /// Target", a table's header) is none.
    /// </summary>
    private static List<(AreaLabel Label, List<string> Values)>? LabelPairs(IReadOnlyList<WordCell> cells)
    {
        var pairs = new List<(AreaLabel Label, List<string> Values)>();
        for (var i = 0; i < cells.Count; i++)
        {
            if (AreaLabels.Read(cells[i].Text) is not { } label)
            {
                return null;
            }

            if (label.Value.Length > 0)
            {
                pairs.Add((label, [label.Value]));
            }
            else if (i + 1 < cells.Count && AreaLabels.Read(cells[i + 1].Text) is null)
            {
                pairs.Add((label, [cells[++i].Text]));
            }
            else
            {
                return null;
            }
        }

        return pairs;
    }
}
