namespace Trellis.Core.Import.Word;

// Actions tables: header rows, action rows, and the rows that continue an action (page breaks, merged cells).
internal sealed partial class PlanBodyReader
{
    /// <summary>A table straight after an actions table, with its shape and no header of its own: the same table after a page break.</summary>
    private bool ContinuesActions(RowUnit unit) =>
        actions is not null && actions.LastUnit == index - 1 && unit.Row.Cells.Count == actions.Columns.CellCount;

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

    /// <summary>The actions table being read: its columns, the table its rows are in now, and its last action.</summary>
    private sealed class ActionTable(ActionColumns columns, WordTable table)
    {
        public ActionColumns Columns { get; } = columns;

        public WordTable Table { get; set; } = table;

        public ActionBuilder? Last { get; set; }

        public int LastUnit { get; set; }
    }
}
