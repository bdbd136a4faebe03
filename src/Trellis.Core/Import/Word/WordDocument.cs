namespace Trellis.Core.Import.Word;

// A Word document reduced to what an importer needs: the body as paragraphs and tables, in
// order, with the little formatting that carries meaning in councils' plans (heading level,
// list level, bold) and tables whose merged cells are already resolved.

/// <summary>A paragraph or a table of a document body or of a table cell.</summary>
public abstract record WordBlock;

/// <summary>One paragraph: its text as written (tabs as '\t', line breaks as '\n') and what its formatting says.</summary>
/// <param name="Text">The text of its runs; never null, not trimmed.</param>
/// <param name="StyleName">The paragraph style's name ("Heading 2", "List Paragraph"), or its id when it has no name.</param>
/// <param name="HeadingLevel">1 for "Heading 1" (or outline level 0) and so on; 0 for the "Title" style; null for body text.</param>
/// <param name="ListLevel">0 for a top-level list item, 1 for the next level...; null when the paragraph is not in a list.</param>
/// <param name="ListLabel">The number Word draws before a numbered item ("1.", "a)"); null for bullets and plain paragraphs.</param>
/// <param name="IsBold">Whether all of its text is bold, by run or by style.</param>
public sealed record WordParagraph(
    string Text,
    string? StyleName = null,
    int? HeadingLevel = null,
    int? ListLevel = null,
    string? ListLabel = null,
    bool IsBold = false) : WordBlock
{
    public bool IsEmpty => string.IsNullOrWhiteSpace(Text);

    public bool IsListItem => ListLevel is not null;

    public bool IsHeading => HeadingLevel is not null;
}

/// <summary>A table; <see cref="ColumnCount"/> is the number of grid columns.</summary>
public sealed record WordTable(IReadOnlyList<WordRow> Rows, int ColumnCount) : WordBlock;

/// <summary>A table row; <see cref="IsRepeatedHeader"/> is set when Word repeats it at the top of each page.</summary>
public sealed record WordRow(IReadOnlyList<WordCell> Cells, bool IsRepeatedHeader = false)
{
    /// <summary>The cell covering a grid column, or null when the row does not reach it.</summary>
    public WordCell? CellAt(int gridColumn) =>
        Cells.FirstOrDefault(c => gridColumn >= c.GridColumn && gridColumn < c.GridColumn + c.ColumnSpan);

    public bool IsEmpty => Cells.All(c => c.IsEmpty);

    /// <summary>The cells that hold text; a row with one of them reads like a paragraph.</summary>
    public IReadOnlyList<WordCell> FilledCells => [.. Cells.Where(c => !c.IsEmpty)];
}

/// <summary>
/// A table cell: its content, the first grid column it covers and how many it spans. A cell that continues a
/// vertical merge holds the content of the cell it continues, with <see cref="MergedFromAbove"/> set, so each row
/// reads on its own. <see cref="Fill"/> is its shading colour as hex ("FF0000"), which plans use for RAG ratings.
/// </summary>
public sealed record WordCell(IReadOnlyList<WordBlock> Blocks, int GridColumn = 0, int ColumnSpan = 1, bool MergedFromAbove = false, string? Fill = null)
{
    /// <summary>Every paragraph in the cell, nested tables' paragraphs included, in reading order.</summary>
    public IReadOnlyList<WordParagraph> Paragraphs => [.. AllParagraphs(Blocks)];

    /// <summary>The non-empty lines of the cell: one per paragraph and per line break, each trimmed.</summary>
    public IReadOnlyList<string> Lines => [.. Paragraphs.SelectMany(p => p.Text.Split('\n')).Select(l => l.Trim()).Where(l => l.Length > 0)];

    /// <summary>The cell's lines joined by '\n'.</summary>
    public string Text => string.Join('\n', Lines);

    public bool IsEmpty => Lines.Count == 0;

    public bool HasNestedTable => Blocks.OfType<WordTable>().Any();

    private static IEnumerable<WordParagraph> AllParagraphs(IEnumerable<WordBlock> blocks)
    {
        foreach (var block in blocks)
        {
            switch (block)
            {
                case WordParagraph paragraph:
                    yield return paragraph;
                    break;
                case WordTable table:
                    // A nested table reads row by row, each row one line with its cells separated by tabs.
                    foreach (var row in table.Rows)
                    {
                        var text = string.Join('\t', row.Cells.Select(c => string.Join(' ', c.Lines)).Where(t => t.Length > 0));
                        yield return new WordParagraph(text);
                    }

                    break;
            }
        }
    }
}

/// <summary>A document's body and the title its properties give, if any.</summary>
public sealed record WordDocument(IReadOnlyList<WordBlock> Body, string? PropertiesTitle = null);
