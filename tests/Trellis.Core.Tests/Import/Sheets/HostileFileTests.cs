using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Trellis.Core.Import;
using Trellis.Core.Import.Sheets;

namespace Trellis.Core.Tests.Import.Sheets;

/// <summary>
/// Files built to fail or to hurt: each gives one clear problem naming the file (and the place, where there is one), no
/// document, and is refused without reading more than the limits allow. The same guard covers .xlsx, .csv and .docx.
/// </summary>
public class HostileFileTests
{
    private static readonly byte[] PlanXlsx = Xlsx.Build(new XSheet("Plan", [["Area", "Action", "By when"], ["Front door", "Review thresholds", "June 2016"]]));

    private static readonly byte[] PlanDocx = Docx.Build(Docx.P("Improvement plan")).ToArray();

    private static async Task<string> ProblemAsync(IPlanFileReader reader, Stream file, string name)
    {
        var result = await reader.ReadAsync(file, name, CancellationToken.None);
        Assert.False(result.Succeeded);
        Assert.Null(result.Document);
        var problem = Assert.Single(result.Problems);
        Assert.Contains($"'{name}'", problem.Message, StringComparison.Ordinal);
        return problem.Message;
    }

    private static Task<string> ProblemAsync(IPlanFileReader reader, byte[] file, string name) => ProblemAsync(reader, new MemoryStream(file), name);

    public static TheoryData<string> OfficeFormats => new() { "xlsx", "docx" };

    private static IPlanFileReader ReaderFor(string extension) =>
        extension switch { "xlsx" => new XlsxPlanFileReader(), "docx" => new DocxPlanFileReader(), _ => new CsvPlanFileReader() };

    private static byte[] Valid(string extension) => extension == "xlsx" ? PlanXlsx : PlanDocx;

    [Theory]
    [InlineData("xlsx")]
    [InlineData("docx")]
    [InlineData("csv")]
    public async Task Empty_IsRefused(string extension)
    {
        var message = await ProblemAsync(ReaderFor(extension), [], $"plan.{extension}");
        Assert.Contains("is empty", message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(OfficeFormats))]
    public async Task Truncated_IsRefusedAsDamaged(string extension)
    {
        var file = Valid(extension);
        var message = await ProblemAsync(ReaderFor(extension), file[..(file.Length / 2)], $"plan.{extension}");
        Assert.Contains("damaged or incomplete", message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(OfficeFormats))]
    public async Task PasswordProtected_SaysToRemoveThePassword(string extension)
    {
        // An encrypted Office file is an OLE compound file, whatever its extension.
        byte[] ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[4096]];
        var message = await ProblemAsync(ReaderFor(extension), ole, $"plan.{extension}");
        Assert.Contains("password-protected", message, StringComparison.Ordinal);
        Assert.Contains($"save it as .{extension}", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("xlsx", "%PDF-1.7\n1 0 obj", "a PDF document")]
    [InlineData("docx", "\u0089PNG\r\n\u001a\n....", "a PNG image")]
    [InlineData("xlsx", "<!DOCTYPE html><html><body>plan</body></html>", "a web page")]
    public async Task WrongTypeBehindTheExtension_IsNamed(string extension, string content, string looksLike)
    {
        var bytes = Encoding.Latin1.GetBytes(content);
        var message = await ProblemAsync(ReaderFor(extension), bytes, $"plan.{extension}");
        Assert.Contains(looksLike, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WordDocumentNamedXlsx_AndWorkbookNamedDocx_AreNamed()
    {
        Assert.Contains("is a Word document, not an Excel workbook (.xlsx)", await ProblemAsync(new XlsxPlanFileReader(), PlanDocx, "plan.xlsx"), StringComparison.Ordinal);
        Assert.Contains("is an Excel workbook, not a Word document (.docx)", await ProblemAsync(new DocxPlanFileReader(), PlanXlsx, "plan.docx"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WorkbookNamedCsv_IsNotText()
    {
        var message = await ProblemAsync(new CsvPlanFileReader(), PlanXlsx, "plan.csv");
        Assert.Contains("is not a CSV text file", message, StringComparison.Ordinal);
        Assert.Contains("Excel workbook", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("xlsx", "xl/vbaProject.bin")]
    [InlineData("docx", "word/vbaProject.bin")]
    public async Task MacroEnabled_IsRefused(string extension, string part)
    {
        var file = Xlsx.WithEntry(Valid(extension), part, [1, 2, 3]);
        var message = await ProblemAsync(ReaderFor(extension), file, $"plan.{extension}");
        Assert.Contains("contains macros", message, StringComparison.Ordinal);
        Assert.Contains($"plain .{extension}", message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(OfficeFormats))]
    public async Task ZipBomb_IsRefusedBeforeInflating(string extension)
    {
        // 200 MB of zeros deflates to about 200 KB: the ratio gives it away from the headers alone.
        var part = extension == "xlsx" ? "xl/media/padding.bin" : "word/media/padding.bin";
        using var stream = new MemoryStream();
        stream.Write(Valid(extension));
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            await using var entry = archive.CreateEntry(part, CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 200; i++)
            {
                entry.Write(zeros);
            }
        }

        var watch = Stopwatch.StartNew();
        var message = await ProblemAsync(ReaderFor(extension), stream.ToArray(), $"plan.{extension}");
        Assert.Contains("zip bomb", message, StringComparison.Ordinal);
        Assert.Contains(part, message, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }

    [Theory]
    [MemberData(nameof(OfficeFormats))]
    public async Task PartLargerThanItsHeaderSays_IsStoppedWhileInflating(string extension)
    {
        // Headers that lie: the main part declares 100 bytes but inflates to far more.
        var main = extension == "xlsx" ? "xl/worksheets/sheet1.xml" : "word/document.xml";
        var file = WithDeclaredSize(Valid(extension), main, 100);

        var message = await ProblemAsync(ReaderFor(extension), file, $"plan.{extension}");
        Assert.True(message.Contains("holds more than its header says", StringComparison.Ordinal) || message.Contains("damaged", StringComparison.Ordinal), message);
    }

    [Fact]
    public async Task Xlsx_AMillionRows_StopsAtTheRowLimit_NamingSheetAndRow()
    {
        var file = HugeSheet(1_000_000, row => $"<c r=\"A{row}\"><v>{(row * 7919L) % 1000003}</v></c>");

        var watch = Stopwatch.StartNew();
        var message = await ProblemAsync(new XlsxPlanFileReader(), file, "huge.xlsx");

        Assert.Contains("sheet 'Plan' has more than 20,000 rows", message, StringComparison.Ordinal);
        Assert.Contains("row 20,001", message, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}: the reader should stop at the limit");
    }

    [Fact]
    public async Task Csv_AMillionRows_StopsAtTheRowLimitWithoutReadingTheRest()
    {
        var source = new LazyCsvStream(1_000_000, _ => "Area,Action,By when\n", row => $"Area {row},Action {row},June 2016\n");

        var message = await ProblemAsync(new CsvPlanFileReader(), source, "huge.csv");

        Assert.Contains("has more than 20,000 rows", message, StringComparison.Ordinal);
        Assert.True(source.RowsProduced < 40_000, $"{source.RowsProduced} rows were read");
    }

    [Fact]
    public async Task Xlsx_TenMegabyteCell_IsRefused_NamingTheCell()
    {
        // Random letters, so the part compresses like real text and the cell limit (not the zip-bomb check) speaks.
        var random = new Random(7);
        var text = new string([.. Enumerable.Range(0, 10 * 1024 * 1024).Select(_ => (char)('a' + random.Next(26)))]);
        var file = Xlsx.Build(new XSheet("Plan", [["Area", "Action", "By when"], ["Front door", new Inline(text), "June 2016"]]));

        var message = await ProblemAsync(new XlsxPlanFileReader(), file, "cell.xlsx");

        Assert.Contains("cell Plan!B2 holds more than 32,767 characters", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Docx_TenMegabyteCell_IsAProblemNamingTheAction_NotAnException()
    {
        // Word has no cell limit of its own; the action is read, and the plan's own limit on an action's text speaks.
        var random = new Random(11);
        var text = new string([.. Enumerable.Range(0, 10 * 1024 * 1024).Select(_ => (char)('a' + random.Next(26)))]);
        var file = Docx.Build(
            Docx.P("Improvement plan", "Title"),
            Docx.P("Ofsted inspected Riverside Borough Council's children's services in March 2019."),
            Docx.P("1. Strengthen the front door", bold: true),
            Docx.T(Docx.Row("Lead:", "JA")),
            Docx.T(Docx.Row("Ref", "Actions", "By when", "By whom"), Docx.Row("1.1", text, "June 2019", "JA"))).ToArray();

        var result = await new DocxPlanFileReader().ReadAsync(new MemoryStream(file), "cell.docx", CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Null(result.Document);
        var problem = Assert.Single(result.Problems);
        Assert.Equal("$.areas[0].actions[0].text", problem.Path);
    }

    [Fact]
    public async Task Csv_TenMegabyteCell_IsRefusedWhileReading_NamingRowAndColumn()
    {
        var source = new LazyCsvStream(1, _ => "Area,Action\nFront door,\"", _ => new string('x', 10 * 1024 * 1024) + "\"\n");

        var message = await ProblemAsync(new CsvPlanFileReader(), source, "cell.csv");

        Assert.Contains("row 2, column B holds more than 32,767 characters", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_LargerThanTheFileLimit_IsRefusedWithoutReadingItAll()
    {
        var source = new LazyCsvStream(10_000_000, _ => string.Empty, _ => new string('x', 1000));

        var message = await ProblemAsync(new XlsxPlanFileReader(), source, "big.xlsx");

        Assert.Contains("larger than 50 MB", message, StringComparison.Ordinal);
        Assert.True(source.BytesProduced < FileGuard.MaxFileBytes + (2 * 1024 * 1024));
    }

    [Fact]
    public async Task Analyse_ReportsTheSameProblem()
    {
        var analysis = await SpreadsheetPlanReader.AnalyseAsync(new MemoryStream(Encoding.ASCII.GetBytes("%PDF-1.4")), "plan.xlsx", CancellationToken.None);

        Assert.False(analysis.Succeeded);
        Assert.Contains("a PDF document", analysis.Problems.Single().Message, StringComparison.Ordinal);
        Assert.Null(analysis.PlanSheet);
    }

    /// <summary>An .xlsx whose one sheet has the given number of rows, written straight into the zip.</summary>
    private static byte[] HugeSheet(int rows, Func<int, string> cells)
    {
        using var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Write(string path, string text)
            {
                using var writer = new StreamWriter(archive.CreateEntry(path).Open());
                writer.Write(text);
            }

            Write("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>");
            Write("xl/workbook.xml", "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"Plan\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            Write("xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
            using var sheet = new StreamWriter(archive.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open());
            sheet.Write("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
            for (var r = 1; r <= rows; r++)
            {
                sheet.Write($"<row r=\"{r}\">{cells(r)}</row>");
            }

            sheet.Write("</sheetData></worksheet>");
        }

        return stream.ToArray();
    }

    /// <summary>Rewrites the uncompressed size a zip declares for one entry (local header and central directory).</summary>
    private static byte[] WithDeclaredSize(byte[] zip, string entryName, uint size)
    {
        var bytes = (byte[])zip.Clone();
        var name = Encoding.UTF8.GetBytes(entryName);
        for (var i = 0; i < bytes.Length - 46; i++)
        {
            var signature = BitConverter.ToUInt32(bytes, i);
            var (nameOffset, sizeOffset) = signature switch
            {
                0x04034b50 => (30, 22),
                0x02014b50 => (46, 24),
                _ => (0, 0),
            };
            if (nameOffset == 0)
            {
                continue;
            }

            var nameLength = BitConverter.ToUInt16(bytes, i + (signature == 0x04034b50 ? 26 : 28));
            if (nameLength == name.Length && bytes.AsSpan(i + nameOffset, nameLength).SequenceEqual(name))
            {
                BitConverter.GetBytes(size).CopyTo(bytes, i + sizeOffset);
            }
        }

        return bytes;
    }

    /// <summary>A CSV produced row by row as it is read, so a test can offer a million rows without holding them.</summary>
    private sealed class LazyCsvStream(int rows, Func<int, string> header, Func<int, string> row) : Stream
    {
        private byte[] _pending = Encoding.UTF8.GetBytes(header(0));
        private int _offset;

        public int RowsProduced { get; private set; }

        public long BytesProduced { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            while (_offset >= _pending.Length)
            {
                if (RowsProduced >= rows)
                {
                    return 0;
                }

                _pending = Encoding.UTF8.GetBytes(row(++RowsProduced));
                _offset = 0;
            }

            var n = Math.Min(count, _pending.Length - _offset);
            Array.Copy(_pending, _offset, buffer, offset, n);
            _offset += n;
            BytesProduced += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
