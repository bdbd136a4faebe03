using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Trellis.Core.Tests.Reports;

/// <summary>Reads a workbook back as text: each sheet's frozen pane, filter and print titles, then its rows with fills and bold.</summary>
public static class XlsxText
{
    public static string Extract(Stream xlsx)
    {
        using var document = SpreadsheetDocument.Open(xlsx, false);
        var workbookPart = document.WorkbookPart!;
        var text = new StringBuilder();
        foreach (var sheet in workbookPart.Workbook!.Sheets!.Elements<Sheet>())
        {
            var worksheet = ((WorksheetPart)workbookPart.GetPartById(sheet.Id!)).Worksheet!;
            var pane = worksheet.Descendants<Pane>().FirstOrDefault();
            var filter = worksheet.GetFirstChild<AutoFilter>()?.Reference?.Value;
            var titles = workbookPart.Workbook.DefinedNames?.Elements<DefinedName>()
                .FirstOrDefault(d => d.Name == "_xlnm.Print_Titles" && d.LocalSheetId?.Value == IndexOf(workbookPart, sheet))?.Text;
            text.Append("SHEET ").Append(sheet.Name).Append(" (frozen at ").Append(pane?.TopLeftCell?.Value ?? "none")
                .Append(", filter ").Append(filter ?? "none").Append(", print titles ").Append(titles ?? "none").AppendLine(")");
            foreach (var row in worksheet.Descendants<Row>())
            {
                text.Append("  ").Append(row.RowIndex!.Value).Append("| ")
                    .AppendJoin(" | ", row.Elements<Cell>().Select(c => Describe(workbookPart, c)))
                    .AppendLine(" |");
            }
        }

        return text.ToString();
    }

    public static string CellText(Cell cell) => cell.InlineString?.InnerText ?? cell.CellValue?.Text ?? string.Empty;

    /// <summary>The fill colour (ARGB) and whether the font is bold, from the cell's style.</summary>
    public static (string? Fill, bool Bold) Style(WorkbookPart workbookPart, Cell cell)
    {
        var stylesheet = workbookPart.WorkbookStylesPart!.Stylesheet!;
        var format = stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)(cell.StyleIndex?.Value ?? 0));
        var fill = stylesheet.Fills!.Elements<Fill>().ElementAt((int)format.FillId!.Value).PatternFill;
        var font = stylesheet.Fonts!.Elements<Font>().ElementAt((int)format.FontId!.Value);
        var colour = fill?.PatternType?.Value == PatternValues.Solid ? fill.ForegroundColor?.Rgb?.Value : null;
        return (colour, font.Bold is not null);
    }

    private static string Describe(WorkbookPart workbookPart, Cell cell)
    {
        var (fill, bold) = Style(workbookPart, cell);
        var value = CellText(cell).Replace("\n", "\\n", StringComparison.Ordinal);
        var marked = bold ? $"**{value}**" : value;
        return fill is null or "FFE7E6E6" ? marked : $"{{{fill}}} {marked}";
    }

    private static uint IndexOf(WorkbookPart workbookPart, Sheet sheet) =>
        (uint)workbookPart.Workbook!.Sheets!.Elements<Sheet>().ToList().IndexOf(sheet);
}
