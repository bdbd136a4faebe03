using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Trellis.Core.Indicators.Charts;
using Trellis.Core.Plans;
using A = DocumentFormat.OpenXml.Drawing;
using C = DocumentFormat.OpenXml.Drawing.Charts;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;

namespace Trellis.Core.Reports.Docx;

/// <summary>One cell of a table: its paragraphs, and a fill when it shows a rating (the label is always in the text too).</summary>
internal sealed record DocxCell(IReadOnlyList<Paragraph> Paragraphs, string? Fill = null, int Span = 1);

/// <summary>
/// A Word document written top to bottom: paragraphs, headings, lists and tables in the report's own styles,
/// A4 sections, then saved as a package with fixed dates and zip times.
/// </summary>
internal sealed class DocxDocument
{
    public const int PortraitWidth = 11906;
    public const int PortraitHeight = 16838;
    public const int Margin = 1134;
    public const int PortraitText = PortraitWidth - (2 * Margin);
    public const int LandscapeText = PortraitHeight - (2 * Margin);

    private const int BulletNumberingId = 1;

    // A chart the width of portrait text, 9 cm high, in EMUs (635 per twip).
    private const long ChartWidth = PortraitText * 635L;
    private const long ChartHeight = 3240000L;

    private readonly Body _body = new();
    private readonly List<string> _charts = [];
    private int _numberedLists;

    public void Title(string text) => _body.Append(Styled("Title", text));

    public void Heading(int level, string text) => _body.Append(Styled($"Heading{level}", text));

    public void Paragraph(string text, bool bold = false) => _body.Append(new Paragraph(Run(text, bold)));

    public void Paragraph(params OpenXmlElement[] runs) => _body.Append(new Paragraph(runs));

    public void PageBreak() => _body.Append(new Paragraph(new Run(new Break { Type = BreakValues.Page })));

    public void Bullets(IEnumerable<string> items)
    {
        foreach (var item in items)
        {
            _body.Append(ListParagraph(BulletNumberingId, [Run(item)]));
        }
    }

    public void Rich(string? source, string whenEmpty)
    {
        var paragraphs = RichParagraphs(source);
        if (paragraphs.Count == 0)
        {
            paragraphs.Add(new Paragraph(Run(whenEmpty)));
        }

        _body.Append(paragraphs);
    }

    /// <summary>RichText as Word paragraphs: bold/italic runs, bullets and numbered lists (each list numbered from 1).</summary>
    public List<Paragraph> RichParagraphs(string? source)
    {
        var paragraphs = new List<Paragraph>();
        foreach (var block in RichText.Parse(ReportWords.Clean(source)))
        {
            var numbering = block.Kind switch
            {
                RichBlockKind.Bullets => BulletNumberingId,
                RichBlockKind.Numbers => BulletNumberingId + ++_numberedLists,
                _ => 0,
            };
            foreach (var item in block.Items)
            {
                var runs = item.Select(r => (OpenXmlElement)Run(r.Text, r.Bold, r.Italic)).ToArray();
                paragraphs.Add(numbering == 0 ? new Paragraph(runs) : ListParagraph(numbering, runs));
            }
        }

        return paragraphs;
    }

    /// <summary>A table with a repeating header row, a caption and a description for screen readers.</summary>
    public void Table(string caption, string description, int[] widths, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<DocxCell>> rows)
    {
        var table = new Table();
        var properties = new TableProperties
        {
            TableStyle = new TableStyle { Val = "TableGrid" },
            TableWidth = new TableWidth { Width = widths.Sum().ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            TableLayout = new TableLayout { Type = TableLayoutValues.Fixed },
            TableLook = new TableLook { Val = "04A0", FirstRow = true, FirstColumn = false, NoVerticalBand = true },
        };
        properties.Append(new TableCaption { Val = ReportWords.Clean(caption) }, new TableDescription { Val = ReportWords.Clean(description) });
        table.Append(properties);
        table.Append(new TableGrid(widths.Select(w => new GridColumn { Width = Twips(w) })));

        var headerRow = new TableRow(new TableRowProperties(new TableHeader(), new CantSplit()));
        for (var i = 0; i < header.Count; i++)
        {
            headerRow.Append(Cell(new DocxCell([new Paragraph(Run(header[i], bold: true))], "E7E6E6"), widths[i]));
        }

        table.Append(headerRow);
        foreach (var row in rows)
        {
            var tableRow = new TableRow();
            var column = 0;
            foreach (var cell in row)
            {
                var width = widths.Skip(column).Take(cell.Span).Sum();
                tableRow.Append(Cell(cell, width));
                column += cell.Span;
            }

            table.Append(tableRow);
        }

        _body.Append(table);

        // Word needs a paragraph between two tables, or it merges them.
        _body.Append(new Paragraph());
    }

    /// <summary>
    /// A native Word line chart of an indicator in its own paragraph, with alt text (title and description) for
    /// screen readers; parts and ids are numbered in order, so the same report gives the same package.
    /// </summary>
    public void Chart(ChartInput input)
    {
        // The chart's name above it, kept on the same page as the chart.
        _body.Append(new Paragraph(new ParagraphProperties(new KeepNext()), Run($"Chart: {input.Title}", bold: true)));
        _charts.Add(DocxChart.Xml(input));
        var number = _charts.Count;
        var inline = new DW.Inline(
            new DW.Extent { Cx = ChartWidth, Cy = ChartHeight },
            new DW.EffectExtent { LeftEdge = 0L, TopEdge = 0L, RightEdge = 0L, BottomEdge = 0L },
            new DW.DocProperties
            {
                Id = (uint)number,
                Name = $"Chart {number}",
                Title = ReportWords.Clean($"Chart: {input.Title}"),
                Description = ReportWords.Clean(IndicatorChart.Description(input)),
            },
            new DW.NonVisualGraphicFrameDrawingProperties(),
            new A.Graphic(new A.GraphicData(new C.ChartReference { Id = ChartRelationship(number) }) { Uri = "http://schemas.openxmlformats.org/drawingml/2006/chart" }))
        {
            DistanceFromTop = 0U,
            DistanceFromBottom = 0U,
            DistanceFromLeft = 0U,
            DistanceFromRight = 0U,
        };
        _body.Append(new Paragraph(new ParagraphProperties(new KeepLines()), new Run(new Drawing(inline))));
    }

    /// <summary>Ends the current section (portrait or landscape A4); what follows starts a new page.</summary>
    public void EndSection(bool landscape) =>
        _body.Append(new Paragraph(new ParagraphProperties(SectionProperties(landscape))));

    public static DocxCell Text(string? text, bool bold = false) => new([new Paragraph(Run(text ?? string.Empty, bold))]);

    public static DocxCell Lines(params string?[] lines) =>
        new([.. lines.Where(l => !string.IsNullOrEmpty(l)).Select(l => new Paragraph(Run(l!)))]);

    public static DocxCell Spanning(string text, int span) => new([new Paragraph(Run(text, bold: true))], Span: span);

    /// <summary>A rating: the cell is filled with its colour and says the label (and any note) in text.</summary>
    public static DocxCell Rating(IReadOnlyList<ReportRating> scale, string? code, params string?[] notes)
    {
        var colour = ReportWords.Colour(scale, code);
        return Rating(ReportWords.Label(scale, code), colour, notes);
    }

    public static DocxCell Rating(string label, RagColour? colour, params string?[] notes)
    {
        var text = colour is { } c ? ReportWords.TextColour(c) : null;
        var paragraphs = new List<Paragraph> { new(Run(label, bold: true, colour: text)) };
        paragraphs.AddRange(notes.Where(n => !string.IsNullOrEmpty(n)).Select(n => new Paragraph(Run(n!, colour: text))));
        return new DocxCell(paragraphs, colour is { } fill ? ReportWords.Fill(fill) : null);
    }

    /// <summary>A rating inside a line of text: the run is shaded and its text is the label.</summary>
    public static Run RatingRun(IReadOnlyList<ReportRating> scale, string? code)
    {
        var rating = ReportWords.Find(scale, code);
        var label = ReportWords.Label(scale, code);
        var text = rating?.Meaning is { Length: > 0 } meaning ? $" {label} – {meaning} " : $" {label} ";
        var run = Run(text, bold: true, colour: rating is null ? null : ReportWords.TextColour(rating.Colour));
        if (rating is not null)
        {
            run.RunProperties!.Shading = new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = ReportWords.Fill(rating.Colour) };
        }

        return run;
    }

    public static Run Run(string text, bool bold = false, bool italic = false, string? colour = null)
    {
        var run = new Run();
        var properties = new RunProperties();
        if (bold)
        {
            properties.Bold = new Bold();
        }

        if (italic)
        {
            properties.Italic = new Italic();
        }

        if (colour is not null)
        {
            properties.Color = new Color { Val = colour };
        }

        if (properties.HasChildren)
        {
            run.Append(properties);
        }

        var lines = ReportWords.Clean(text).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                run.Append(new Break());
            }

            run.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
        }

        return run;
    }

    /// <summary>Writes the package: styles, numbering, core properties dated <paramref name="asAt"/>, then fixed zip times.</summary>
    public async Task SaveAsync(Stream output, string title, string creator, DateOnly asAt, bool landscape, CancellationToken cancellationToken)
    {
        _body.Append(SectionProperties(landscape));
        using var buffer = new MemoryStream();
        using (var package = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
        {
            var main = package.AddMainDocumentPart();
            main.Document = new Document(_body);
            main.AddNewPart<StyleDefinitionsPart>("rIdStyles").Styles = DocxStyles.Create();
            main.AddNewPart<NumberingDefinitionsPart>("rIdNumbering").Numbering = DocxStyles.Numbering(BulletNumberingId, _numberedLists);
            main.AddNewPart<DocumentSettingsPart>("rIdSettings").Settings = new Settings(
                new DefaultTabStop { Val = 720 },
                new Compatibility(new CompatibilitySetting { Name = CompatSettingNameValues.CompatibilityMode, Uri = "http://schemas.microsoft.com/office/word", Val = "15" }));

            for (var i = 0; i < _charts.Count; i++)
            {
                var chart = main.AddNewPart<ChartPart>(ChartRelationship(i + 1));
                using var xml = new MemoryStream(new System.Text.UTF8Encoding(false).GetBytes(_charts[i]));
                chart.FeedData(xml);
            }

            DeterministicPackage.SetProperties(package, title, creator, asAt);
        }

        await DeterministicPackage.CopyAsync(buffer, output, cancellationToken);
    }

    private static string ChartRelationship(int number) => $"rIdChart{number.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    private static SectionProperties SectionProperties(bool landscape) => new(
        landscape
            ? new PageSize { Width = PortraitHeight, Height = PortraitWidth, Orient = PageOrientationValues.Landscape }
            : new PageSize { Width = PortraitWidth, Height = PortraitHeight },
        new PageMargin { Top = Margin, Bottom = Margin, Left = Margin, Right = Margin, Header = 567, Footer = 567, Gutter = 0 });

    private static Paragraph Styled(string style, string text) =>
        new(new ParagraphProperties { ParagraphStyleId = new ParagraphStyleId { Val = style } }, Run(text));

    private static Paragraph ListParagraph(int numbering, OpenXmlElement[] runs)
    {
        var properties = new ParagraphProperties
        {
            ParagraphStyleId = new ParagraphStyleId { Val = "ListParagraph" },
            NumberingProperties = new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = numbering }),
        };
        var paragraph = new Paragraph(properties);
        paragraph.Append(runs);
        return paragraph;
    }

    private static TableCell Cell(DocxCell cell, int width)
    {
        var properties = new TableCellProperties(new TableCellWidth { Width = Twips(width), Type = TableWidthUnitValues.Dxa });
        if (cell.Span > 1)
        {
            properties.Append(new GridSpan { Val = cell.Span });
        }

        if (cell.Fill is not null)
        {
            properties.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = cell.Fill });
        }

        var tableCell = new TableCell(properties);
        tableCell.Append(cell.Paragraphs.Count == 0 ? [new Paragraph()] : cell.Paragraphs);
        return tableCell;
    }

    private static string Twips(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
