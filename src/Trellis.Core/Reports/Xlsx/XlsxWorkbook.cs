using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Trellis.Core.Plans;
using Trellis.Core.Reports.Docx;

namespace Trellis.Core.Reports.Xlsx;

/// <summary>One cell: text, and the rating colour it is filled with (its label is the text, so never colour alone).</summary>
internal sealed record XlsxCell(string Text, RagColour? Rag = null, bool Bold = false);

/// <summary>A sheet written top to bottom; a header row, when given, is bold, frozen, filtered and printed on every page.</summary>
internal sealed class XlsxSheet(string name, double[] widths)
{
    public string Name { get; } = name;

    public double[] Widths { get; } = widths;

    public List<IReadOnlyList<XlsxCell>> Rows { get; } = [];

    /// <summary>The 1-based row of the table's header, when the sheet has one.</summary>
    public int? HeaderRow { get; private set; }

    public int TableColumns { get; private set; }

    public void Row(params XlsxCell[] cells) => Rows.Add(cells);

    public void Row(IEnumerable<string> cells) => Rows.Add([.. cells.Select(c => new XlsxCell(c))]);

    public void Header(IReadOnlyList<string> cells)
    {
        Rows.Add([.. cells.Select(c => new XlsxCell(c, Bold: true))]);
        HeaderRow = Rows.Count;
        TableColumns = cells.Count;
    }
}

/// <summary>Writes sheets into an .xlsx package with inline strings, a small fixed style sheet, and fixed dates and zip times.</summary>
internal static class XlsxWorkbook
{
    // Cell format indexes in the style sheet below.
    private const uint Plain = 1;
    private const uint HeaderFormat = 2;
    private const uint BoldFormat = 3;
    private const uint FirstRagFormat = 4;
    private const int CellMaxLength = 32767;

    private static readonly RagColour[] RagOrder = [RagColour.Red, RagColour.Amber, RagColour.Green, RagColour.Blue, RagColour.Grey];

    public static async Task SaveAsync(Stream output, IReadOnlyList<XlsxSheet> sheets, string title, string creator, DateOnly asAt, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        using (var package = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = package.AddWorkbookPart();
            workbookPart.AddNewPart<WorkbookStylesPart>("rIdStyles").Stylesheet = Stylesheet();
            var sheetList = new Sheets();
            var definedNames = new DefinedNames();
            for (var i = 0; i < sheets.Count; i++)
            {
                var sheet = sheets[i];
                var id = $"rIdSheet{i + 1}";
                workbookPart.AddNewPart<WorksheetPart>(id).Worksheet = Worksheet(sheet);
                sheetList.Append(new Sheet { Name = sheet.Name, SheetId = (uint)(i + 1), Id = id });
                if (sheet.HeaderRow is { } header)
                {
                    var quoted = $"'{sheet.Name}'";
                    definedNames.Append(new DefinedName($"{quoted}!${header}:${header}") { Name = "_xlnm.Print_Titles", LocalSheetId = (uint)i });
                    definedNames.Append(new DefinedName($"{quoted}!$A${header}:${Column(sheet.TableColumns)}${sheet.Rows.Count}") { Name = "_xlnm._FilterDatabase", LocalSheetId = (uint)i, Hidden = true });
                }
            }

            var workbook = new Workbook(new BookViews(new WorkbookView()), sheetList);
            if (definedNames.HasChildren)
            {
                workbook.Append(definedNames);
            }

            workbookPart.Workbook = workbook;

            DeterministicPackage.SetProperties(package, title, creator, asAt);
        }

        await DeterministicPackage.CopyAsync(buffer, output, cancellationToken);
    }

    public static string Column(int number)
    {
        var name = string.Empty;
        while (number > 0)
        {
            var remainder = (number - 1) % 26;
            name = (char)('A' + remainder) + name;
            number = (number - 1) / 26;
        }

        return name;
    }

    private static Worksheet Worksheet(XlsxSheet sheet)
    {
        var worksheet = new Worksheet();
        worksheet.Append(new SheetProperties(new PageSetupProperties { FitToPage = true }));
        var view = new SheetView { WorkbookViewId = 0, TabSelected = false };
        if (sheet.HeaderRow is { } header)
        {
            var topLeft = $"A{header + 1}";
            view.Append(new Pane { VerticalSplit = header, TopLeftCell = topLeft, ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen });
            view.Append(new Selection { Pane = PaneValues.BottomLeft, ActiveCell = topLeft, SequenceOfReferences = new ListValue<StringValue>([topLeft]) });
        }

        worksheet.Append(new SheetViews(view));
        worksheet.Append(new SheetFormatProperties { DefaultRowHeight = 15 });
        worksheet.Append(new Columns(sheet.Widths.Select((w, i) => new DocumentFormat.OpenXml.Spreadsheet.Column
        {
            Min = (uint)(i + 1),
            Max = (uint)(i + 1),
            Width = w,
            CustomWidth = true,
        })));

        var data = new SheetData();
        for (var r = 0; r < sheet.Rows.Count; r++)
        {
            var cells = sheet.Rows[r];
            var row = new Row { RowIndex = (uint)(r + 1), Height = Height(sheet, cells), CustomHeight = true };
            for (var c = 0; c < cells.Count; c++)
            {
                var cell = cells[c];
                var text = ReportWords.Clean(cell.Text);
                if (text.Length > CellMaxLength)
                {
                    text = text[..CellMaxLength];
                }

                var format = cell.Rag is { } rag ? FirstRagFormat + (uint)Array.IndexOf(RagOrder, rag)
                    : sheet.HeaderRow == r + 1 ? HeaderFormat
                    : cell.Bold ? BoldFormat
                    : Plain;
                row.Append(new Cell(new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }))
                {
                    CellReference = $"{Column(c + 1)}{r + 1}",
                    DataType = CellValues.InlineString,
                    StyleIndex = format,
                });
            }

            data.Append(row);
        }

        worksheet.Append(data);
        if (sheet.HeaderRow is { } filterRow)
        {
            worksheet.Append(new AutoFilter { Reference = $"A{filterRow}:{Column(sheet.TableColumns)}{Math.Max(filterRow, sheet.Rows.Count)}" });
        }

        worksheet.Append(new PageMargins { Left = 0.5, Right = 0.5, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 });
        worksheet.Append(new PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0 });
        return worksheet;
    }

    /// <summary>
    /// An estimate of the wrapped height: not every spreadsheet program grows a row to fit wrapped text on
    /// opening (LibreOffice does not), so the row says how tall it is.
    /// </summary>
    private static double Height(XlsxSheet sheet, IReadOnlyList<XlsxCell> cells)
    {
        var lines = 1;
        for (var c = 0; c < cells.Count; c++)
        {
            var width = c < sheet.Widths.Length ? sheet.Widths[c] : 10;
            if (c == 0 && cells.Count == 1 && sheet.TableColumns > 1)
            {
                // A lone message row ("No exceptions this round") can run across the empty cells beside it.
                width = sheet.Widths.Sum();
            }

            var perLine = Math.Max(1, (int)(width * 1.1) - 2);
            var cellLines = cells[c].Text.Split('\n').Sum(line => Math.Max(1, (line.Length + perLine - 1) / perLine));
            lines = Math.Max(lines, cellLines);
        }

        return Math.Min(409, (lines * 12.75) + 3);
    }

    private static Stylesheet Stylesheet()
    {
        var fonts = new Fonts(
            Font(bold: false, colour: null),
            Font(bold: true, colour: null),
            Font(bold: true, colour: "FFFFFFFF"));
        var fills = new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            SolidFill("FFE7E6E6"));
        foreach (var rag in RagOrder)
        {
            fills.Append(SolidFill("FF" + ReportWords.Fill(rag)));
        }

        var borders = new Borders(
            new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
            new Border(
                new LeftBorder(new Color { Auto = true }) { Style = BorderStyleValues.Thin },
                new RightBorder(new Color { Auto = true }) { Style = BorderStyleValues.Thin },
                new TopBorder(new Color { Auto = true }) { Style = BorderStyleValues.Thin },
                new BottomBorder(new Color { Auto = true }) { Style = BorderStyleValues.Thin },
                new DiagonalBorder()));

        var formats = new CellFormats(
            new CellFormat { FontId = 0, FillId = 0, BorderId = 0 },
            Format(font: 0, fill: 0),
            Format(font: 1, fill: 2),
            new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top, WrapText = true }) { FontId = 1, FillId = 0, BorderId = 0, ApplyFont = true, ApplyAlignment = true });
        for (var i = 0; i < RagOrder.Length; i++)
        {
            formats.Append(Format(font: ReportWords.TextColour(RagOrder[i]) == "FFFFFF" ? 2u : 1u, fill: (uint)(3 + i)));
        }

        return new Stylesheet(
            fonts,
            fills,
            borders,
            new CellStyleFormats(new CellFormat { FontId = 0, FillId = 0, BorderId = 0 }),
            formats,
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }));
    }

    private static CellFormat Format(uint font, uint fill) => new(new Alignment { Vertical = VerticalAlignmentValues.Top, WrapText = true })
    {
        FontId = font,
        FillId = fill,
        BorderId = 1,
        ApplyFont = true,
        ApplyFill = fill > 0,
        ApplyBorder = true,
        ApplyAlignment = true,
    };

    private static Fill SolidFill(string argb) =>
        new(new PatternFill(new ForegroundColor { Rgb = argb }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid });

    private static Font Font(bool bold, string? colour)
    {
        var font = new Font();
        if (bold)
        {
            font.Append(new Bold());
        }

        font.Append(new FontSize { Val = 10 });
        if (colour is not null)
        {
            font.Append(new Color { Rgb = colour });
        }

        font.Append(new FontName { Val = "Arial" });
        return font;
    }
}
