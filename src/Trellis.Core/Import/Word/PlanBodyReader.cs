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
internal sealed class PlanBodyReader(IReadOnlyList<BodyUnit> units, Themes themes, IReadOnlyList<Recommendation> recommendations)
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
    private int index;

    public List<AreaBuilder> Areas { get; } = [];

    public List<string> Unplaced { get; } = [];

    public List<IndicatorDoc> Indicators { get; } = [];

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

    private bool TryAreaHeading(WordParagraph paragraph, string text)
    {
        if (PlanText.NumberOnlyHeading(text) is { } number)
        {
            return TryNumberOnlyHeading(number);
        }

        if (HeadingOf(paragraph, text) is not { } heading || !ConfirmsArea(heading, index))
        {
            return false;
        }

        StartArea(heading.Number, heading.Title, MatchRecommendation(heading.Title));
        return true;
    }

    /// <summary>"Recommendation 3" on its own: the title is the next line, or, when none follows, the recommendation list's.</summary>
    private bool TryNumberOnlyHeading(string number)
    {
        var next = index + 1 < units.Count ? units[index + 1] : null;
        var title = next switch
        {
            ParagraphUnit p => PlanText.OneLine(p.Paragraph.Text),
            RowUnit { Row.FilledCells: [var only] } => PlanText.OneLine(only.Text),
            _ => string.Empty,
        };
        if (PlanText.WordCount(title) >= 3 && AreaLabels.Read(title) is null && !PlanText.TryNumbered(title, out _, out _) && ConfirmsArea((number, title), index + 1))
        {
            index++;
            StartArea(number, title, MatchRecommendation(title));
            return true;
        }

        if (recommendations.FirstOrDefault(r => !r.Used && r.Number == number) is { } listed && ConfirmsArea((number, listed.Title), index))
        {
            StartArea(number, listed.Title, listed);
            return true;
        }

        return false;
    }

    /// <summary>
    /// "appropriate actions are taken to improve services." alone where a section starts: the end of a recommendation's
    /// text whose heading was lost, so the area is that recommendation's.
    /// </summary>
    private bool TryLostHeading(string text)
    {
        var key = PlanText.Key(text);
        if (key.Length < 20 || PlanText.WordCount(text) < 4 || (area is not null && PlanText.Key(area.Title).Contains(key, StringComparison.Ordinal)))
        {
            return false;
        }

        var matches = recommendations.Where(r => !r.Used && PlanText.Key(r.Title).Contains(key, StringComparison.Ordinal)).ToList();
        if (matches.Count != 1)
        {
            return false;
        }

        var recommendation = matches[0];
        StartArea(recommendation.Number, recommendation.Title, recommendation);
        area!.Warnings.Add($"The section's heading was not found whole (only '{text}'); its number and title are those of recommendation {recommendation.Number} in the recommendation list");
        return true;
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
            indicators = (unit.Row, unit.Table, index);
            return true;
        }

        if (indicators is not { } table
            || !(ReferenceEquals(unit.Table, table.Table) || (table.LastUnit == index - 1 && unit.Row.Cells.Count == table.Header.Cells.Count)))
        {
            return false;
        }

        indicators = table with { Table = unit.Table, LastUnit = index };
        var id = $"k{Indicators.Count + 1}";
        if (IndicatorTableReader.ReadRow(table.Header, unit.Row, id, area?.Number) is { } indicator)
        {
            Indicators.Add(indicator);
        }
        else if (!unit.Row.FilledCells.All(c => PlanText.IsOnlyPunctuation(c.Text)))
        {
            Unplaced.Add(string.Join(" | ", unit.Row.FilledCells.Select(c => PlanText.OneLine(c.Text))));
        }

        return true;
    }

    /// <summary>A table straight after an actions table, with its shape and no header of its own: the same table after a page break.</summary>
    private bool ContinuesActions(RowUnit unit) =>
        actions is not null && actions.LastUnit == index - 1 && unit.Row.Cells.Count == actions.Columns.CellCount;

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

        if (AreaLabels.Read(filled[0].Text) is { } label)
        {
            var values = new List<string>();
            if (label.Value.Length > 0)
            {
                values.Add(label.Value);
            }

            values.AddRange(filled.Skip(1).Select(c => c.Text));
            ApplyLabel(label, values);
            return;
        }

        Unplaced.Add(string.Join(" | ", filled.Select(c => PlanText.OneLine(c.Text))));
    }

    private void StartActions(ActionColumns columns, WordTable table)
    {
        // A second actions table under a subheading ("Phase 2") stays in its area: only a lead after an unnumbered
        // heading (see ApplyLabel) starts a new one, so no area is made up from a subheading.
        pending = null;
        actions = new ActionTable(columns, table) { LastUnit = index };
    }

    /// <summary>Reads a row of an actions table; false when the row is not an action (a heading or label row ends the table).</summary>
    private bool ReadActionRow(WordRow row)
    {
        var table = actions!;
        var columns = table.Columns;
        var textColumn = columns.Columns.First(c => c.Column == ActionColumn.Text);
        var textCell = columns.Cell(row, textColumn);
        var refColumn = columns.Columns.FirstOrDefault(c => c.Column == ActionColumn.Ref);
        var refCell = columns.Has(ActionColumn.Ref) ? columns.Cell(row, refColumn) : null;

        // A cell spanning the ref and action columns is a heading across the table, not a ref.
        var refText = refCell is not null && !ReferenceEquals(refCell, textCell) ? PlanText.OneLine(refCell.Text) : string.Empty;
        var text = PlanText.Tidy(textCell?.Text);

        if (table.Last is { } last && textCell is { MergedFromAbove: true })
        {
            // The action's cell spans this row too: the row adds dates (milestones), owners or comments to it.
            AddCells(last, row, joinLines: false);
            return true;
        }

        if (table.Last is { } above && text.Length == 0 && refText.Length == 0 && row.FilledCells.Count > 0)
        {
            // No action of its own: a further date, owner or milestone of the action above (its cell left blank, not merged).
            AddCells(above, row, joinLines: false);
            above.Warnings.Add("A row below this action has no action text; its date, owners or milestone are read as this action's");
            return true;
        }

        if (table.Last is { } previous && IsSplitRow(row, refText, text, previous))
        {
            AddCells(previous, row, joinLines: true);
            previous.Warnings.Add("Part of this action's row was on the next page (a row whose first cell is empty); it is joined to this action");
            return true;
        }

        if (!IsActionRow(row, textCell, refText, text))
        {
            return false;
        }

        var builder = new ActionBuilder
        {
            WrittenRef = refText.Length > 0 ? refText : null,
            ListLabel = textCell?.Paragraphs.FirstOrDefault(p => !p.IsEmpty)?.ListLabel,
        };
        AddCells(builder, row, joinLines: false, includeMerged: true);
        if (!builder.HasText)
        {
            Unplaced.Add(string.Join(" | ", row.FilledCells.Select(c => PlanText.OneLine(c.Text))));
            return true;
        }

        AddAction(builder, table);
        return true;
    }

    private bool IsActionRow(WordRow row, WordCell? textCell, string refText, string text)
    {
        var filled = row.FilledCells;
        if (filled.Count == 0 || (text.Length == 0 && refText.Length == 0))
        {
            return false;
        }

        var numbered = PlanText.TryNumbered(text, out var number, out var rest);
        if (filled.Count == 1 && (!ReferenceEquals(filled[0], textCell) || (refText.Length == 0 && !numbered)))
        {
            // One unnumbered line in a row of its own is a heading or a label, not an action.
            return false;
        }

        if (refText.Length == 0 && filled.Count <= 2 && AreaLabels.Read(filled[0].Text) is { Value.Length: 0 } label && label.Field != AreaField.Actions)
        {
            // "Lead: | Jane Adams" or "d) Action Plan Progress | ..." inside the table: a field of the area, not an action.
            return false;
        }

        // A numbered line alone that is an area of the plan ends the actions.
        return !(filled.Count == 1 && numbered && HeadingOf(new WordParagraph(string.Empty), text) is { } heading
            && (MatchRecommendation(rest) is not null || IsNextAreaNumber(number)) && ConfirmsArea(heading, index));
    }

    /// <summary>
    /// A row split by a page break: its first cell is empty, it has no ref and starts no numbered action, and it does not
    /// bring both a date and an owner of its own when the action before has them (then it is an action without a ref).
    /// </summary>
    private bool IsSplitRow(WordRow row, string refText, string text, ActionBuilder previous)
    {
        var columns = actions!.Columns;
        var first = row.Cells.Count > 0 ? row.Cells[0] : null;
        if (first is null || !first.IsEmpty || first.MergedFromAbove || row.FilledCells.Count == 0 || refText.Length > 0
            || PlanText.TryNumbered(text, out _, out _))
        {
            return false;
        }

        bool Has(ActionColumn column) => columns.Columns.Where(c => c.Column == column).Any(c => columns.Cell(row, c) is { IsEmpty: false });
        var bringsOwnDetails = Has(ActionColumn.Due) && Has(ActionColumn.Owners)
            && previous.TextOf(ActionColumn.Due).Length > 0 && previous.TextOf(ActionColumn.Owners).Length > 0;
        return !bringsOwnDetails;
    }

    private void AddCells(ActionBuilder builder, WordRow row, bool joinLines, bool includeMerged = false)
    {
        var columns = actions!.Columns;
        foreach (var column in columns.Columns.Where(c => c.Column != ActionColumn.Ref))
        {
            var cell = columns.Cell(row, column);
            var content = column.Column == ActionColumn.Rag ? RagColours.TextOrColour(cell) : cell?.Text ?? string.Empty;
            if (cell is null || content.Length == 0 || (cell.MergedFromAbove && !includeMerged))
            {
                continue;
            }

            // Prose split by a page break continues its sentence; a date or an owner on the next page is one more line.
            var text = column.Column == ActionColumn.Other ? $"{column.Header}: {content}" : content;
            builder.Add(column.Column, text, joinLines && column.Column is ActionColumn.Text or ActionColumn.Comments);
        }
    }

    private void AddAction(ActionBuilder builder, ActionTable table)
    {
        if (area is null)
        {
            // Actions before any area heading: the nearest heading-like line names their area.
            StartUnnumberedArea(candidateHeading ?? "Actions");
            actions = table;
        }

        var current = area!;
        var reference = PeekRef(builder);
        var restarts = table.Last is null && current.Actions.Count > 0 && PlanText.LeadingInteger(reference ?? string.Empty) == 1
            && PlanText.LeadingInteger(PeekRef(current.Actions[^1]) ?? string.Empty) > 1;
        if (restarts)
        {
            var next = NextRecommendation();
            if (next is not null)
            {
                StartArea(next.Number, next.Title, next);
                area!.Warnings.Add($"No heading was found for this area; its actions restart at 1 after area {current.Number}'s, so they are read as recommendation {next.Number}'s");
            }
            else
            {
                current.Warnings.Add($"Action numbering restarts at 1 at '{PlanText.OneLine(builder.TextOf(ActionColumn.Text))}'; this may be a separate area whose heading was lost");
            }
        }

        area!.Actions.Add(builder);
        table.Last = builder;
        actions = table;
    }

    private static string? PeekRef(ActionBuilder builder) =>
        builder.WrittenRef ?? (PlanText.TryNumbered(builder.TextOf(ActionColumn.Text), out var number, out _) ? number : builder.ListLabel);

    private void StartArea(string number, string title, Recommendation? recommendation)
    {
        actions = null;
        pending = null;
        candidateHeading = null;

        // The same heading again (repeated at the top of a page) continues its area.
        var same = Areas.FirstOrDefault(a => a.Number == number && PlanText.Key(a.Title) == PlanText.Key(title));
        if (same is not null)
        {
            area = same;
            return;
        }

        area = new AreaBuilder(number, title, theme ?? recommendation?.Theme) { Recommendation = recommendation };
        if (recommendation is not null)
        {
            recommendation.Used = true;
        }

        Areas.Add(area);
        if (suspended is not null && units[index] is RowUnit row && ReferenceEquals(row.Table, suspended.Table))
        {
            // One table for several areas: each area's heading row is followed by its actions under the table's header.
            actions = suspended;
            actions.Last = null;
            actions.LastUnit = index;
            suspended = null;
        }
    }

    private void StartUnnumberedArea(string heading)
    {
        var number = NextAreaNumber().ToString(CultureInfo.InvariantCulture);
        StartArea(number, heading, MatchRecommendation(heading));
        area!.Warnings.Add($"The area has no number in the document; it is numbered {number} by its position");
    }

    private int NextAreaNumber() => Areas.Count == 0 ? 1 : (PlanText.LeadingInteger(Areas[^1].Number) ?? Areas.Count) + 1;

    private bool IsNextAreaNumber(string number) => PlanText.LeadingInteger(number) == NextAreaNumber() && !number.Contains('.', StringComparison.Ordinal);

    private Recommendation? NextRecommendation()
    {
        var next = NextAreaNumber().ToString(CultureInfo.InvariantCulture);
        return recommendations.FirstOrDefault(r => !r.Used && r.Number == next);
    }

    /// <summary>The recommendation a title repeats (its first words match), if the document lists recommendations.</summary>
    private Recommendation? MatchRecommendation(string title) =>
        recommendations.FirstOrDefault(r => !r.Used && TitlesMatch(r.Title, title));

    internal static bool TitlesMatch(string a, string b)
    {
        var x = PlanText.Key(a);
        var y = PlanText.Key(b);
        var length = Math.Min(60, Math.Min(x.Length, y.Length));
        return length >= 20 && string.CompareOrdinal(x, 0, y, 0, length) == 0;
    }

    /// <summary>A numbered heading's number and title, or null when the text is not one.</summary>
    private (string Number, string Title)? HeadingOf(WordParagraph paragraph, string text)
    {
        if (!PlanText.TryNumbered(text, out var number, out var rest)
            && !(paragraph.ListLabel is { } label && PlanText.TryNumbered($"{label} {text}", out number, out rest)))
        {
            return null;
        }

        if (PlanText.WordCount(rest) < 3 || AreaLabels.Read(rest) is not null || paragraph.ListLevel > 0)
        {
            return null;
        }

        // "1.2 ..." under area 1 is part of it, not a new area.
        if (area is not null && number.StartsWith(area.Number + ".", StringComparison.Ordinal))
        {
            return null;
        }

        // Numbered lines under an outcomes or measures label are its items, unless they continue the areas' numbering.
        if (pending is { } field && ListFields.Contains(field) && !IsNextAreaNumber(number) && MatchRecommendation(rest) is null)
        {
            return null;
        }

        return (number, rest);
    }

    /// <summary>
    /// Whether a numbered heading starts an area: it repeats a recommendation, or labelled fields or an actions table follow
    /// it before the next numbered line. This keeps a report's numbered paragraphs ("4.1 As at June ...") out of the areas.
    /// </summary>
    private bool ConfirmsArea((string Number, string Title) heading, int at)
    {
        if (MatchRecommendation(heading.Title) is not null)
        {
            return true;
        }

        for (var i = at + 1; i < units.Count && i <= at + Lookahead; i++)
        {
            switch (Signal(units[i]))
            {
                case AreaSignal.Fields:
                    return true;
                case AreaSignal.NextHeading:
                    return false;
            }
        }

        return false;
    }

    private enum AreaSignal
    {
        None,
        Fields,
        NextHeading,
    }

    /// <summary>What a unit says about the area before it: it holds the area's fields, or starts something else.</summary>
    private AreaSignal Signal(BodyUnit unit)
    {
        IEnumerable<string> lines;
        if (unit is RowUnit row)
        {
            var table = (actions ?? suspended)?.Table;
            var isActionRow = ReferenceEquals(row.Table, table) && row.Row.FilledCells.Count >= 2;
            if (ActionColumns.TryRead(row.Row) is not null || isActionRow)
            {
                return AreaSignal.Fields;
            }

            var filled = row.Row.FilledCells;
            lines = filled.Count == 1 ? filled[0].Lines : filled.Count > 0 ? [filled[0].Text] : [];
        }
        else
        {
            lines = [((ParagraphUnit)unit).Paragraph.Text];
        }

        foreach (var line in lines.Select(PlanText.Tidy))
        {
            if (AreaLabels.Read(line) is { } label && SectionFields.Contains(label.Field))
            {
                return AreaSignal.Fields;
            }

            if (PlanText.TryNumbered(line, out _, out var rest) && PlanText.WordCount(rest) >= 3)
            {
                return AreaSignal.NextHeading;
            }
        }

        return AreaSignal.None;
    }

    /// <summary>Whether the unit is a numbered heading that starts an area (used to tell a theme line before it).</summary>
    private bool IsAreaHeadingAt(int at)
    {
        if (at < 0 || at >= units.Count)
        {
            return false;
        }

        var text = units[at] switch
        {
            ParagraphUnit p => p.Paragraph.Text,
            RowUnit { Row.FilledCells: [var only] } => only.Lines.Count > 0 ? only.Lines[0] : string.Empty,
            _ => string.Empty,
        };
        return PlanText.TryNumbered(PlanText.Tidy(text), out var number, out var rest) && PlanText.WordCount(rest) >= 3
            && (MatchRecommendation(rest) is not null || ConfirmsArea((number, rest), at));
    }

    private int NextContent(int at) => at + 1 < units.Count ? at + 1 : -1;

    private static bool IsBareNumber(string text) => text.Trim().TrimEnd('.').Length is > 0 and <= 4 && text.Trim().TrimEnd('.').All(c => char.IsAsciiDigit(c) || c == '.');

    /// <summary>The actions table being read: its columns, the table its rows are in now, and its last action.</summary>
    private sealed class ActionTable(ActionColumns columns, WordTable table)
    {
        public ActionColumns Columns { get; } = columns;

        public WordTable Table { get; set; } = table;

        public ActionBuilder? Last { get; set; }

        public int LastUnit { get; set; }
    }
}
