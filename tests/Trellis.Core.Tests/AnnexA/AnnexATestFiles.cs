using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Text;
using Trellis.Indicators.AnnexA;

namespace Trellis.Core.Tests.AnnexA;

/// <summary>A cell for a test workbook: text (shared or inline), a number, a date serial under a date format, or an error.</summary>
internal readonly record struct TestCell(CellKind Kind, string? Text = null, double Number = 0, bool Inline = false)
{
    public static implicit operator TestCell(string text) => new(CellKind.Text, text);

    public static implicit operator TestCell(double number) => new(CellKind.Number, Number: number);

    public static TestCell Date(int year, int month, int day) => new(CellKind.Date, Number: new DateOnly(year, month, day).DayNumber - new DateOnly(1899, 12, 30).DayNumber);

    public static TestCell Error(string code) => new(CellKind.Error, code);

    public static TestCell InlineText(string text) => new(CellKind.Text, text, Inline: true);

    public static readonly TestCell Blank = new(CellKind.Blank);
}

/// <summary>Builds small .xlsx workbooks and .csv folders inside tests, written as raw package XML so every shape a council's file might have can be made.</summary>
internal static class AnnexATestFiles
{
    public static string TempFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "trellis-annexa-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>Sheets of rows (row number = index + 1; a null row is left out of the sheet entirely).</summary>
    public static string Workbook(string path, params (string Name, TestCell[]?[] Rows)[] sheets)
    {
        var shared = new List<string>();
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        Write(zip, "[Content_Types].xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + string.Concat(sheets.Select((_, i) => $"<Override PartName=\"/xl/worksheets/sheet{i + 1}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"))
            + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
            + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/></Types>");
        Write(zip, "_rels/.rels",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
        Write(zip, "xl/workbook.xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
            + string.Concat(sheets.Select((s, i) => $"<sheet name=\"{SecurityElement.Escape(s.Name)}\" sheetId=\"{i + 1}\" r:id=\"rId{i + 1}\"/>"))
            + "</sheets></workbook>");
        Write(zip, "xl/_rels/workbook.xml.rels",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + string.Concat(sheets.Select((_, i) => $"<Relationship Id=\"rId{i + 1}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet{i + 1}.xml\"/>"))
            + $"<Relationship Id=\"rId{sheets.Length + 1}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>"
            + $"<Relationship Id=\"rId{sheets.Length + 2}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/></Relationships>");
        Write(zip, "xl/styles.xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
            + "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy\"/></numFmts>"
            + "<cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"164\" applyNumberFormat=\"1\"/></cellXfs></styleSheet>");
        for (var s = 0; s < sheets.Length; s++)
        {
            var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
            var rows = sheets[s].Rows;
            for (var r = 0; r < rows.Length; r++)
            {
                if (rows[r] is not { } cells)
                {
                    continue;
                }

                xml.Append(CultureInfo.InvariantCulture, $"<row r=\"{r + 1}\">");
                for (var c = 0; c < cells.Length; c++)
                {
                    var reference = $"{Letter(c)}{r + 1}";
                    var cell = cells[c];
                    switch (cell.Kind)
                    {
                        case CellKind.Text when cell.Inline:
                            xml.Append(CultureInfo.InvariantCulture, $"<c r=\"{reference}\" t=\"inlineStr\"><is><t>{SecurityElement.Escape(cell.Text)}</t></is></c>");
                            break;
                        case CellKind.Text:
                            var index = shared.IndexOf(cell.Text!);
                            if (index < 0)
                            {
                                index = shared.Count;
                                shared.Add(cell.Text!);
                            }

                            xml.Append(CultureInfo.InvariantCulture, $"<c r=\"{reference}\" t=\"s\"><v>{index}</v></c>");
                            break;
                        case CellKind.Number:
                            xml.Append(CultureInfo.InvariantCulture, $"<c r=\"{reference}\"><v>{cell.Number.ToString(CultureInfo.InvariantCulture)}</v></c>");
                            break;
                        case CellKind.Date:
                            xml.Append(CultureInfo.InvariantCulture, $"<c r=\"{reference}\" s=\"1\"><v>{cell.Number.ToString(CultureInfo.InvariantCulture)}</v></c>");
                            break;
                        case CellKind.Error:
                            xml.Append(CultureInfo.InvariantCulture, $"<c r=\"{reference}\" t=\"e\"><v>{SecurityElement.Escape(cell.Text)}</v></c>");
                            break;
                        default:
                            break;
                    }
                }

                xml.Append("</row>");
            }

            xml.Append("</sheetData></worksheet>");
            Write(zip, $"xl/worksheets/sheet{s + 1}.xml", xml.ToString());
        }

        Write(zip, "xl/sharedStrings.xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
            + string.Concat(shared.Select(t => $"<si><t xml:space=\"preserve\">{SecurityElement.Escape(t)}</t></si>")) + "</sst>");
        return path;
    }

    public static TestCell[] Row(params TestCell[] cells) => cells;

    public static TestCell[] Headers(params string[] headers) => [.. headers.Select(h => (TestCell)h)];

    private static string Letter(int column)
    {
        var name = string.Empty;
        for (var c = column + 1; c > 0; c = (c - 1) / 26)
        {
            name = (char)('A' + ((c - 1) % 26)) + name;
        }

        return name;
    }

    private static void Write(ZipArchive zip, string name, string content)
    {
        using var stream = zip.CreateEntry(name).Open();
        var bytes = Encoding.UTF8.GetBytes(content);
        stream.Write(bytes);
    }
}

/// <summary>A receiver that keeps everything it is given, as text, for assertions.</summary>
internal sealed class RecordingReceiver : IAnnexAReceiver
{
    public List<RecordedList> Lists { get; } = [];

    public IAnnexARowSink? BeginList(AnnexAList list, IReadOnlyList<string> headers, string source)
    {
        var recorded = new RecordedList(list, [.. headers], source);
        Lists.Add(recorded);
        return recorded;
    }

    public RecordedList this[AnnexAList list] => Lists.Single(l => l.List == list);
}

internal sealed class RecordedList(AnnexAList list, List<string> headers, string source) : IAnnexARowSink
{
    public AnnexAList List { get; } = list;

    public List<string> Headers { get; } = headers;

    public string Source { get; } = source;

    public List<(int Number, RecordedCell[] Cells)> Rows { get; } = [];

    public bool Ended { get; private set; }

    public void Row(int rowNumber, IAnnexARow row) =>
        Rows.Add((rowNumber, [.. Enumerable.Range(0, row.Count).Select(i => new RecordedCell(row.Kind(i), row.Text(i).ToString(), row.Number(i)))]));

    public void End() => Ended = true;

    public RecordedCell Cell(int row, string header)
    {
        var index = Headers.IndexOf(header);
        var cells = Rows[row].Cells;
        return index >= 0 && index < cells.Length ? cells[index] : new RecordedCell(CellKind.Blank, string.Empty, 0);
    }
}

internal readonly record struct RecordedCell(CellKind Kind, string Text, double Number);
