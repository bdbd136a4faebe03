using System.IO.Compression;
using System.Text;
using Trellis.Core.SignOffs;

namespace Trellis.Core.Tests.SignOffs;

public class EvidenceFileCheckTests
{
    private const long Max = 10 * 1024 * 1024;

    private static byte[] Package(string part)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in new[] { "[Content_Types].xml", part })
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write("<x/>");
            }
        }

        return stream.ToArray();
    }

    [Fact]
    public void Real_files_of_each_kind_pass()
    {
        Assert.Null(EvidenceFileCheck.Problem("a.pdf", Encoding.ASCII.GetBytes("%PDF-1.4 ..."), Max));
        Assert.Null(EvidenceFileCheck.Problem("a.docx", Package("word/document.xml"), Max));
        Assert.Null(EvidenceFileCheck.Problem("a.xlsx", Package("xl/workbook.xml"), Max));
        Assert.Null(EvidenceFileCheck.Problem("a.pptx", Package("ppt/presentation.xml"), Max));
        Assert.Null(EvidenceFileCheck.Problem("a.PNG", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0], Max));
        Assert.Null(EvidenceFileCheck.Problem("a.jpg", [0xFF, 0xD8, 0xFF, 0xE0, 1, 2], Max));
        Assert.Null(EvidenceFileCheck.Problem("a.msg", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0], Max));
        Assert.Null(EvidenceFileCheck.Problem("a.csv", Encoding.UTF8.GetBytes("Ref,Status\r\n1.1,Done £5\r\n"), Max));
        Assert.Null(EvidenceFileCheck.Problem("a.txt", Encoding.UTF8.GetBytes("Audit notes\n"), Max));
        Assert.Null(EvidenceFileCheck.Problem("a.eml", Encoding.UTF8.GetBytes("From: a@b.example\r\nSubject: Audit\r\n\r\nDone"), Max));
    }

    [Theory]
    [InlineData("a.docx", "xl/workbook.xml")]
    [InlineData("a.xlsx", "word/document.xml")]
    public void An_office_file_of_the_wrong_kind_fails(string name, string part) =>
        Assert.NotNull(EvidenceFileCheck.Problem(name, Package(part), Max));

    [Theory]
    [InlineData("setup.pdf")]
    [InlineData("notes.txt")]
    [InlineData("photo.png")]
    [InlineData("data.csv")]
    [InlineData("mail.eml")]
    public void A_renamed_program_fails(string name) =>
        Assert.Contains("content does not match", EvidenceFileCheck.Problem(name, [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00], Max), StringComparison.Ordinal);

    [Theory]
    [InlineData("virus.exe")]
    [InlineData("page.html")]
    [InlineData("noextension")]
    [InlineData("macro.docm")]
    public void Other_kinds_fail(string name) =>
        Assert.StartsWith("must be a PDF", EvidenceFileCheck.Problem(name, Encoding.ASCII.GetBytes("hello"), Max), StringComparison.Ordinal);

    [Fact]
    public void Size_and_emptiness_are_checked()
    {
        Assert.Equal("must be smaller than 10 MB", EvidenceFileCheck.Problem("a.txt", new byte[Max + 1], Max));
        Assert.Equal("is empty", EvidenceFileCheck.Problem("a.txt", [], Max));
    }

    [Theory]
    [InlineData("..\\..\\windows\\system32\\a.pdf", "a.pdf")]
    [InlineData("../../etc/passwd.txt", "passwd.txt")]
    [InlineData("re\u0000port\n.pdf", "report.pdf")]
    [InlineData("", "evidence")]
    [InlineData("..", "evidence")]
    public void Names_lose_folders_and_control_characters(string raw, string clean) =>
        Assert.Equal(clean, EvidenceFileCheck.CleanName(raw));
}
