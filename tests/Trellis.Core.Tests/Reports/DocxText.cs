using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Trellis.Core.Tests.Reports;

/// <summary>
/// Reads a Word document back as text a person can check: headings with their level, lists, bold and italic,
/// every table as rows of cells with fills, page and section breaks. The snapshot tests compare this.
/// </summary>
public static class DocxText
{
    public static string Extract(Stream docx)
    {
        using var document = WordprocessingDocument.Open(docx, false);
        var body = document.MainDocumentPart!.Document!.Body!;
        var text = new StringBuilder();
        var counters = new Dictionary<int, int>();
        foreach (var element in body.ChildElements)
        {
            switch (element)
            {
                case Paragraph paragraph:
                    Paragraph(paragraph, text, counters);
                    break;
                case Table table:
                    Table(table, text);
                    break;
                case SectionProperties section:
                    text.Append("=== ").Append(Section(section)).AppendLine(" ===");
                    break;
                default:
                    break;
            }
        }

        return text.ToString();
    }

    /// <summary>Headings in document order as "level text".</summary>
    public static List<(int Level, string Text)> Headings(Body body) =>
        [.. body.Elements<Paragraph>()
            .Select(p => (Style: p.ParagraphProperties?.ParagraphStyleId?.Val?.Value ?? string.Empty, Text: p.InnerText))
            .Where(p => p.Style.StartsWith("Heading", StringComparison.Ordinal))
            .Select(p => (int.Parse(p.Style["Heading".Length..], System.Globalization.CultureInfo.InvariantCulture), p.Text))];

    public static string Cell(TableCell cell)
    {
        var fill = cell.TableCellProperties?.Shading?.Fill?.Value;
        var inner = string.Join(" / ", cell.Elements<Paragraph>().Select(p => Runs(p)).Where(t => t.Length > 0));
        var span = cell.TableCellProperties?.GridSpan?.Val?.Value is > 1 and var s ? $"(span {s}) " : string.Empty;
        return fill is null || fill == "E7E6E6" ? span + inner : $"{span}{{{fill}}} {inner}";
    }

    private static void Paragraph(Paragraph paragraph, StringBuilder text, Dictionary<int, int> counters)
    {
        if (paragraph.ParagraphProperties?.SectionProperties is { } section)
        {
            text.Append("=== ").Append(Section(section)).AppendLine(" ===");
            return;
        }

        if (paragraph.Descendants<Break>().Any(b => b.Type?.Value == BreakValues.Page))
        {
            text.AppendLine("--- page break ---");
            return;
        }

        var content = Runs(paragraph);
        var style = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
        var numbering = paragraph.ParagraphProperties?.NumberingProperties?.NumberingId?.Val?.Value;
        if (style == "Title")
        {
            text.Append("TITLE ").AppendLine(content);
        }
        else if (style is not null && style.StartsWith("Heading", StringComparison.Ordinal))
        {
            text.Append(new string('#', int.Parse(style["Heading".Length..], System.Globalization.CultureInfo.InvariantCulture))).Append(' ').AppendLine(content);
        }
        else if (numbering is { } id)
        {
            // Numbering instance 1 is the bullets; every other instance is a numbered list counting from 1.
            if (id == 1)
            {
                text.Append("  • ").AppendLine(content);
            }
            else
            {
                counters[id] = counters.GetValueOrDefault(id) + 1;
                text.Append("  ").Append(counters[id]).Append(". ").AppendLine(content);
            }
        }
        else if (content.Length > 0)
        {
            text.AppendLine(content);
        }
    }

    private static string Runs(Paragraph paragraph)
    {
        var text = new StringBuilder();
        foreach (var run in paragraph.Elements<Run>())
        {
            var value = string.Concat(run.ChildElements.Select(c => c switch
            {
                Text t => t.Text,
                Break => "\\n",
                _ => string.Empty,
            }));
            if (value.Length == 0)
            {
                continue;
            }

            var properties = run.RunProperties;
            var marker = (properties?.Bold is not null ? "**" : string.Empty) + (properties?.Italic is not null ? "_" : string.Empty);
            var fill = properties?.Shading?.Fill?.Value is { } f ? $"{{{f}}}" : string.Empty;
            text.Append(fill).Append(marker).Append(value).Append(new string([.. marker.Reverse()]));
        }

        return text.ToString();
    }

    private static void Table(Table table, StringBuilder text)
    {
        var properties = table.GetFirstChild<TableProperties>();
        text.Append("TABLE \"").Append(properties?.TableCaption?.Val?.Value).Append("\" (").Append(properties?.TableDescription?.Val?.Value).AppendLine(")");
        foreach (var row in table.Elements<TableRow>())
        {
            var header = row.TableRowProperties?.GetFirstChild<TableHeader>() is not null;
            text.Append(header ? "  H| " : "   | ").AppendJoin(" | ", row.Elements<TableCell>().Select(Cell)).AppendLine(" |");
        }
    }

    private static string Section(SectionProperties section)
    {
        var size = section.GetFirstChild<PageSize>();
        var orientation = size?.Orient?.Value == PageOrientationValues.Landscape ? "landscape" : "portrait";
        var a4 = (size?.Width?.Value, size?.Height?.Value) is (11906, 16838) or (16838, 11906) ? "A4" : "not A4";
        var margin = section.GetFirstChild<PageMargin>();
        return $"section {a4} {orientation}, margins {margin?.Top?.Value} {margin?.Right?.Value} {margin?.Bottom?.Value} {margin?.Left?.Value}";
    }

    /// <summary>Finds the first table whose caption is <paramref name="caption"/>.</summary>
    public static Table TableByCaption(Body body, string caption) =>
        body.Elements<Table>().First(t => t.GetFirstChild<TableProperties>()?.TableCaption?.Val?.Value == caption);

    public static OpenXmlElement[] Rows(Table table) => [.. table.Elements<TableRow>()];
}
