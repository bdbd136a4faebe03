namespace Trellis.Core.Import.Word;

/// <summary>One step of the document in reading order: a paragraph, or a table row.</summary>
internal abstract record BodyUnit;

internal sealed record ParagraphUnit(WordParagraph Paragraph) : BodyUnit;

internal sealed record RowUnit(WordTable Table, int Index, WordRow Row) : BodyUnit
{
    public bool IsFirstOfTable => Index == 0;
}

/// <summary>
/// Flattens a document into paragraphs and rows. Tables used only as containers (one cell holding further tables, a
/// common way of boxing a section) are opened, so their paragraphs and rows are read as if they were on the page.
/// Empty paragraphs and the table of contents are left out: they add nothing a reader relies on.
/// </summary>
internal static class BodyUnits
{
    public static List<BodyUnit> Flatten(IEnumerable<WordBlock> blocks)
    {
        var units = new List<BodyUnit>();
        Add(units, blocks);
        return units;
    }

    /// <summary>The distinct tables of the units, in the order they start.</summary>
    public static List<WordTable> Tables(IEnumerable<BodyUnit> units) =>
        [.. units.OfType<RowUnit>().Select(r => r.Table).Distinct(ReferenceEqualityComparer.Instance).Cast<WordTable>()];

    private static void Add(List<BodyUnit> units, IEnumerable<WordBlock> blocks)
    {
        foreach (var block in blocks)
        {
            switch (block)
            {
                case WordParagraph paragraph when !paragraph.IsEmpty && !IsTableOfContents(paragraph):
                    units.Add(new ParagraphUnit(paragraph));
                    break;
                case WordTable table:
                    AddTable(units, table);
                    break;
            }
        }
    }

    /// <summary>A table of contents repeats the headings with page numbers; read as content it would look like a list of areas.</summary>
    private static bool IsTableOfContents(WordParagraph paragraph) =>
        paragraph.StyleName is { } style && (style.StartsWith("toc", StringComparison.OrdinalIgnoreCase) || style.Equals("table of figures", StringComparison.OrdinalIgnoreCase));

    private static void AddTable(List<BodyUnit> units, WordTable table)
    {
        for (var i = 0; i < table.Rows.Count; i++)
        {
            var row = table.Rows[i];
            var filled = row.FilledCells;
            if (filled.Count == 1 && filled[0].HasNestedTable && !filled[0].MergedFromAbove)
            {
                Add(units, filled[0].Blocks);
            }
            else if (!row.IsEmpty)
            {
                units.Add(new RowUnit(table, i, row));
            }
        }
    }
}
