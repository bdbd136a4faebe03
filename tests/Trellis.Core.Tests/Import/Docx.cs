using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Trellis.Core.Tests.Import;

/// <summary>How a test cell takes part in a vertical merge.</summary>
public enum VMerge
{
    None,
    Restart,
    Continue,
}

/// <summary>
/// Builds small .docx files in memory for reader tests: paragraphs (with heading styles, bold, Word-numbered lists),
/// tables with spans, vertical merges and nested tables. Text may hold '\t' and '\n', written as Word's tab and break.
/// </summary>
public static class Docx
{
    /// <summary>The numbering ids the built documents define: a decimal list ("1.", "2."), a bullet list, and a second decimal list restarting at 1.</summary>
    public const int DecimalList = 1;
    public const int BulletList = 2;
    public const int SecondDecimalList = 3;

    public static Paragraph P(string text, string? style = null, bool bold = false, int? list = null, int level = 0)
    {
        var properties = new ParagraphProperties();
        if (style is not null)
        {
            properties.Append(new ParagraphStyleId { Val = style });
        }

        if (list is { } id)
        {
            properties.Append(new NumberingProperties(new NumberingLevelReference { Val = level }, new NumberingId { Val = id }));
        }

        var paragraph = new Paragraph(properties);
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                paragraph.Append(new Run(new Break()));
            }

            var pieces = lines[i].Split('\t');
            for (var j = 0; j < pieces.Length; j++)
            {
                var run = new Run();
                if (bold)
                {
                    run.Append(new RunProperties(new Bold()));
                }

                if (j > 0)
                {
                    run.Append(new TabChar());
                }

                run.Append(new Text(pieces[j]) { Space = SpaceProcessingModeValues.Preserve });
                paragraph.Append(run);
            }
        }

        return paragraph;
    }

    public static Table T(params TableRow[] rows)
    {
        var columns = rows.Max(r => r.Elements<TableCell>().Sum(c => c.TableCellProperties?.GridSpan?.Val?.Value ?? 1));
        var grid = new TableGrid(Enumerable.Range(0, columns).Select(_ => new GridColumn { Width = "2000" }));
        var table = new Table(new TableProperties(), grid);
        table.Append(rows);
        return table;
    }

    public static TableRow R(params TableCell[] cells) => new(cells);

    /// <summary>A cell of one paragraph per blank-line-separated part of the text; <paramref name="fill"/> shades it ("FFC000").</summary>
    public static TableCell C(string text, int span = 1, VMerge merge = VMerge.None, string? fill = null) =>
        C([.. text.Split("\n\n").Select(t => P(t))], span, merge, fill);

    /// <summary>A cell of the given paragraphs and tables.</summary>
    public static TableCell C(OpenXmlElement[] content, int span = 1, VMerge merge = VMerge.None, string? fill = null)
    {
        var properties = new TableCellProperties();
        if (fill is not null)
        {
            properties.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = fill });
        }

        if (span > 1)
        {
            properties.Append(new GridSpan { Val = span });
        }

        if (merge != VMerge.None)
        {
            properties.Append(merge == VMerge.Restart ? new VerticalMerge { Val = MergedCellValues.Restart } : new VerticalMerge());
        }

        var cell = new TableCell(properties);
        cell.Append(content.Length == 0 ? [new Paragraph()] : content);
        return cell;
    }

    /// <summary>A row of cells, one per text; "" is an empty cell.</summary>
    public static TableRow Row(params string[] cells) => R([.. cells.Select(c => C(c))]);

    public static MemoryStream Build(params OpenXmlElement[] body)
    {
        var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document, true))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(body.Select(e => e.CloneNode(true))));
            main.AddNewPart<StyleDefinitionsPart>().Styles = new Styles(
                HeadingStyle(1), HeadingStyle(2), HeadingStyle(3),
                new Style(new StyleName { Val = "Title" }) { Type = StyleValues.Paragraph, StyleId = "Title" },
                new Style(new StyleName { Val = "toc 1" }) { Type = StyleValues.Paragraph, StyleId = "TOC1" });
            main.AddNewPart<NumberingDefinitionsPart>().Numbering = new Numbering(
                AbstractList(1, NumberFormatValues.Decimal, "%1."),
                AbstractList(2, NumberFormatValues.Bullet, "\u2022"),
                new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = DecimalList },
                new NumberingInstance(new AbstractNumId { Val = 2 }) { NumberID = BulletList },
                new NumberingInstance(new AbstractNumId { Val = 1 }, new LevelOverride(new StartOverrideNumberingValue { Val = 1 }) { LevelIndex = 0 }) { NumberID = SecondDecimalList });
        }

        stream.Position = 0;
        return stream;
    }

    private static Style HeadingStyle(int level) =>
        new(new StyleName { Val = $"heading {level}" }, new StyleRunProperties(new Bold())) { Type = StyleValues.Paragraph, StyleId = $"Heading{level}" };

    private static AbstractNum AbstractList(int id, NumberFormatValues format, string text) =>
        new(new Level(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = format }, new LevelText { Val = text }) { LevelIndex = 0 },
            new Level(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = NumberFormatValues.LowerLetter }, new LevelText { Val = "%2)" }) { LevelIndex = 1 })
        { AbstractNumberId = id };
}
