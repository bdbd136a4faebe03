using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Trellis.Core.Tests.Import.Sheets;

/// <summary>A number shown through a date format, as Excel stores a typed date.</summary>
public sealed record SerialDate(double Serial);

/// <summary>A fraction shown through Excel's "0%" format: 0.47 shows as 47%.</summary>
public sealed record Percent(double Fraction);

/// <summary>An empty cell filled with a colour (hex RGB), as plans rate by shading.</summary>
public sealed record Shaded(string Rgb);

/// <summary>Text written as an inline string rather than through the shared string table.</summary>
public sealed record Inline(string Text);

/// <summary>A sheet to build: rows of values (string, number, <see cref="SerialDate"/>, <see cref="Inline"/>, null for blank), merged ranges, hidden or not.</summary>
public sealed record XSheet(string Name, object?[][] Rows, string[]? Merges = null, bool Hidden = false, int FirstRow = 1);

/// <summary>Builds small .xlsx workbooks in memory with the Open XML SDK, as Excel would write them.</summary>
public static class Xlsx
{
    /// <summary>The fills a <see cref="Shaded"/> cell may use: red, amber, green and a pale grey that names nothing.</summary>
    private static readonly string[] Shades = ["FF0000", "FFC000", "00B050", "F2F2F2"];

    public static byte[] Build(params XSheet[] sheets)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new Stylesheet(
                new Fonts(new Font()) { Count = 1 },
                new Fills([new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                    .. Shades.Select(rgb => new Fill(new PatternFill(new ForegroundColor { Rgb = "FF" + rgb }) { PatternType = PatternValues.Solid }))]),
                new Borders(new Border()) { Count = 1 },
                new CellFormats([new CellFormat { NumberFormatId = 0 }, new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true },
                    .. Shades.Select((_, i) => new CellFormat { NumberFormatId = 0, FillId = (uint)(i + 2), ApplyFill = true }),
                    new CellFormat { NumberFormatId = 9, ApplyNumberFormat = true }]));
            var sharedPart = workbookPart.AddNewPart<SharedStringTablePart>();
            var shared = new List<string>();
            var sheetList = workbookPart.Workbook.AppendChild(new DocumentFormat.OpenXml.Spreadsheet.Sheets());
            uint id = 1;
            foreach (var sheet in sheets)
            {
                var part = workbookPart.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                for (var r = 0; r < sheet.Rows.Length; r++)
                {
                    var rowNumber = (uint)(sheet.FirstRow + r);
                    var row = new Row { RowIndex = rowNumber };
                    for (var c = 0; c < sheet.Rows[r].Length; c++)
                    {
                        if (Cell(sheet.Rows[r][c], $"{Letter(c)}{rowNumber}", shared) is { } cell)
                        {
                            row.Append(cell);
                        }
                    }

                    data.Append(row);
                }

                var worksheet = new Worksheet(data);
                if (sheet.Merges is { Length: > 0 } merges)
                {
                    worksheet.Append(new MergeCells(merges.Select(m => new MergeCell { Reference = m })));
                }

                part.Worksheet = worksheet;
                sheetList.Append(new Sheet
                {
                    Id = workbookPart.GetIdOfPart(part),
                    SheetId = id++,
                    Name = sheet.Name,
                    State = sheet.Hidden ? SheetStateValues.Hidden : null,
                });
            }

            sharedPart.SharedStringTable = new SharedStringTable(shared.Select(s => new SharedStringItem(new Text(s) { Space = SpaceProcessingModeValues.Preserve })));
        }

        return stream.ToArray();
    }

    public static string Letter(int column)
    {
        var letters = string.Empty;
        for (var n = column + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return letters;
    }

    /// <summary>Adds a part to a built workbook (a macro project, say).</summary>
    public static byte[] WithEntry(byte[] xlsx, string path, byte[] content)
    {
        using var stream = new MemoryStream();
        stream.Write(xlsx);
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            using var entry = archive.CreateEntry(path).Open();
            entry.Write(content);
        }

        return stream.ToArray();
    }

    private static Cell? Cell(object? value, string reference, List<string> shared) => value switch
    {
        null => null,
        string s => new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(Share(s, shared)) },
        Inline i => new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(i.Text)) },
        SerialDate d => new Cell { CellReference = reference, StyleIndex = 1, CellValue = new CellValue(d.Serial) },
        Percent p => new Cell { CellReference = reference, StyleIndex = (uint)(Shades.Length + 2), CellValue = new CellValue(p.Fraction) },
        Shaded f => new Cell { CellReference = reference, StyleIndex = (uint)(Array.IndexOf(Shades, f.Rgb) + 2) },
        int n => new Cell { CellReference = reference, CellValue = new CellValue(n) },
        double n => new Cell { CellReference = reference, CellValue = new CellValue(n) },
        _ => throw new ArgumentException($"Cannot write {value.GetType()}"),
    };

    private static int Share(string text, List<string> shared)
    {
        var index = shared.IndexOf(text);
        if (index >= 0)
        {
            return index;
        }

        shared.Add(text);
        return shared.Count - 1;
    }
}
