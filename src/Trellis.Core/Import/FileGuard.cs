using System.IO.Compression;
using System.Text;

namespace Trellis.Core.Import;

/// <summary>A file that breaks one of the import limits or is not what its name says; the message names the file and the place.</summary>
public sealed class ImportFileException(string message) : Exception(message);

/// <summary>The Office package a reader expects behind its extension.</summary>
public enum OfficePackageKind
{
    Word,
    Excel,
}

/// <summary>
/// Checks an uploaded file before any reader parses it: size, what its bytes really are (whatever the extension says),
/// and for Office files (zip packages) the entry count, declared sizes and compression ratio before anything is
/// inflated. Readers then inflate through <see cref="LimitedStream"/>, because a zip's headers can lie.
/// </summary>
public static class FileGuard
{
    /// <summary>Larger than any real plan; a bigger upload is refused without reading the rest of it.</summary>
    public const long MaxFileBytes = 50L * 1024 * 1024;

    /// <summary>A plan workbook has tens of parts; thousands means something else.</summary>
    public const int MaxZipEntries = 2000;

    /// <summary>All parts together, inflated.</summary>
    public const long MaxUnpackedBytes = 300L * 1024 * 1024;

    /// <summary>Office XML compresses about 5-30 to 1; far more is a zip bomb. Checked for parts larger than <see cref="RatioCheckedFrom"/>.</summary>
    public const int MaxCompressionRatio = 100;

    public const long RatioCheckedFrom = 1024 * 1024;

    /// <summary>Reads an upload into memory, refusing it as soon as it passes <see cref="MaxFileBytes"/>.</summary>
    public static async Task<MemoryStream> BufferAsync(Stream stream, string name, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxFileBytes)
            {
                await buffer.DisposeAsync();
                throw new ImportFileException($"'{name}' is larger than {MaxFileBytes / (1024 * 1024)} MB, too large for a plan; nothing was imported");
            }

            buffer.Write(chunk, 0, read);
        }

        buffer.Position = 0;
        return buffer;
    }

    /// <summary>
    /// Opens an Office package after checking it is one of the expected kind and cannot hurt the server when inflated;
    /// throws <see cref="ImportFileException"/> saying what is wrong otherwise.
    /// </summary>
    public static ZipArchive OpenPackage(MemoryStream buffer, string name, OfficePackageKind expected)
    {
        var wanted = expected == OfficePackageKind.Word ? "a Word document (.docx)" : "an Excel workbook (.xlsx)";
        if (buffer.Length == 0)
        {
            throw new ImportFileException($"'{name}' is empty; it is not {wanted}");
        }

        var head = Head(buffer);
        if (IsOle(head))
        {
            var (app, extension) = expected == OfficePackageKind.Word ? ("Word", ".docx") : ("Excel", ".xlsx");
            throw new ImportFileException(
                $"'{name}' is password-protected or in the old {(expected == OfficePackageKind.Word ? ".doc" : ".xls")} format: remove the password (or open it in {app} and save it as {extension}) and import it again; nothing was imported");
        }

        if (!IsZip(head))
        {
            throw new ImportFileException(Describe(head) is { } looks
                ? $"'{name}' is {looks}, not {wanted}; nothing was imported"
                : $"'{name}' is not {wanted}: its content is not an Office file; nothing was imported");
        }

        ZipArchive archive;
        try
        {
            archive = new ZipArchive(buffer, ZipArchiveMode.Read, leaveOpen: true);
            _ = archive.Entries.Count;
        }
        catch (InvalidDataException)
        {
            throw new ImportFileException($"'{name}' is damaged or incomplete (perhaps cut short while copying or uploading); it could not be opened as {wanted}");
        }

        try
        {
            CheckEntries(archive, name);
            CheckKind(archive, name, expected, wanted);
            return archive;
        }
        catch
        {
            archive.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Inflates every part into nothing, counting, so a reader that inflates by itself (the Open XML SDK) never meets a
    /// part larger than its header declared.
    /// </summary>
    public static void InflateAll(ZipArchive archive, string name)
    {
        var sink = new byte[81920];
        foreach (var entry in archive.Entries)
        {
            using var stream = OpenEntry(entry, name);
            while (stream.Read(sink, 0, sink.Length) > 0)
            {
            }
        }
    }

    /// <summary>A part's stream that refuses to give more bytes than the part's header declared.</summary>
    public static Stream OpenEntry(ZipArchiveEntry entry, string name)
    {
        try
        {
            return new LimitedStream(entry.Open(), entry.Length, $"'{name}' is damaged or built to harm: its part '{entry.FullName}' holds more than its header says; nothing was imported");
        }
        catch (InvalidDataException)
        {
            throw new ImportFileException($"'{name}' is damaged: its part '{entry.FullName}' could not be read");
        }
    }

    /// <summary>What the first bytes say a file is, in words for a message ("a PDF document"), or null for text and unknown bytes.</summary>
    public static string? Describe(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith(OleSignature))
        {
            return "a password-protected Office file or one in the old .doc/.xls format";
        }

        return head switch
        {
            _ when head.StartsWith("MZ"u8) => "a Windows program",
            _ when head.StartsWith((ReadOnlySpan<byte>)[0x7F, (byte)'E', (byte)'L', (byte)'F']) => "a program",
            _ when head.StartsWith("%PDF"u8) => "a PDF document",
            _ when head.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G']) => "a PNG image",
            _ when head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) => "a JPEG image",
            _ when head.StartsWith("GIF8"u8) => "a GIF image",
            _ when head.StartsWith("{\\rtf"u8) => "a rich text (.rtf) document",
            _ when head.StartsWith((ReadOnlySpan<byte>)[0x1F, 0x8B]) => "a gzip archive",
            _ when head.StartsWith("Rar!"u8) => "a RAR archive",
            _ when head.StartsWith("7z"u8) => "a 7-Zip archive",
            _ when LooksLikeHtml(head) => "a web page (HTML)",
            _ => null,
        };
    }

    private static ReadOnlySpan<byte> OleSignature => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    public static bool IsZip(ReadOnlySpan<byte> head) => head.StartsWith("PK\u0003\u0004"u8) || head.StartsWith("PK\u0005\u0006"u8);

    public static bool IsOle(ReadOnlySpan<byte> head) => head.StartsWith(OleSignature);

    private static bool LooksLikeHtml(ReadOnlySpan<byte> head)
    {
        var text = Encoding.ASCII.GetString(head).TrimStart('\uFEFF', ' ', '\r', '\n', '\t').ToLowerInvariant();
        return text.StartsWith("<!doctype html", StringComparison.Ordinal) || text.StartsWith("<html", StringComparison.Ordinal);
    }

    private static byte[] Head(MemoryStream buffer)
    {
        var length = (int)Math.Min(buffer.Length, 512);
        var head = buffer.GetBuffer().AsSpan(0, length).ToArray();
        return head;
    }

    private static void CheckEntries(ZipArchive archive, string name)
    {
        if (archive.Entries.Count > MaxZipEntries)
        {
            throw new ImportFileException($"'{name}' holds {archive.Entries.Count} parts, more than the {MaxZipEntries} an Office file of a plan could need; nothing was imported");
        }

        long total = 0;
        foreach (var entry in archive.Entries)
        {
            total += entry.Length;
            if (entry.Length > RatioCheckedFrom && entry.Length > entry.CompressedLength * MaxCompressionRatio)
            {
                throw new ImportFileException(
                    $"'{name}' looks like a zip bomb: its part '{entry.FullName}' would inflate from {entry.CompressedLength:N0} to {entry.Length:N0} bytes; nothing was imported");
            }

            if (total > MaxUnpackedBytes)
            {
                throw new ImportFileException(
                    $"'{name}' would inflate to more than {MaxUnpackedBytes / (1024 * 1024)} MB (at part '{entry.FullName}'), far more than a plan; nothing was imported");
            }
        }
    }

    private static void CheckKind(ZipArchive archive, string name, OfficePackageKind expected, string wanted)
    {
        bool Has(string path) => archive.GetEntry(path) is not null;
        var isWord = Has("word/document.xml");
        var isExcel = Has("xl/workbook.xml");
        var found = isWord ? "a Word document" : isExcel ? "an Excel workbook" : Has("ppt/presentation.xml") ? "a PowerPoint presentation"
            : Has("content.xml") ? "an OpenDocument file (LibreOffice); save it as .docx or .xlsx" : "a zip archive";
        if ((expected == OfficePackageKind.Word && !isWord) || (expected == OfficePackageKind.Excel && !isExcel))
        {
            throw new ImportFileException($"'{name}' is {found}, not {wanted}; nothing was imported");
        }

        // We never run or keep macros, and Excel and Word refuse a macro-enabled file named .xlsx/.docx themselves.
        var contentTypes = archive.GetEntry("[Content_Types].xml");
        var macroType = false;
        if (contentTypes is not null && contentTypes.Length < 1024 * 1024)
        {
            using var reader = new StreamReader(OpenEntry(contentTypes, name));
            macroType = reader.ReadToEnd().Contains("macroEnabled", StringComparison.OrdinalIgnoreCase);
        }

        if (macroType || archive.Entries.Any(e => e.FullName.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase)))
        {
            var extension = expected == OfficePackageKind.Word ? ".docx" : ".xlsx";
            throw new ImportFileException(
                $"'{name}' contains macros (it is macro-enabled). Trellis does not accept files with macros: open it and save it as a plain {extension} (without macros), then import that; nothing was imported");
        }
    }
}

/// <summary>A read-only stream that throws <see cref="ImportFileException"/> once more than <c>limit</c> bytes come out of it.</summary>
public sealed class LimitedStream(Stream inner, long limit, string message) : Stream
{
    private long _read;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => _read; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Count(ReadInner(buffer, offset, count));

    public override int Read(Span<byte> buffer) => Count(ReadInner(buffer));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private int ReadInner(byte[] buffer, int offset, int count)
    {
        try
        {
            return inner.Read(buffer, offset, count);
        }
        catch (InvalidDataException)
        {
            throw new ImportFileException(message.Split(':')[0] + ": a part is damaged and could not be inflated; nothing was imported");
        }
    }

    private int ReadInner(Span<byte> buffer)
    {
        try
        {
            return inner.Read(buffer);
        }
        catch (InvalidDataException)
        {
            throw new ImportFileException(message.Split(':')[0] + ": a part is damaged and could not be inflated; nothing was imported");
        }
    }

    private int Count(int read)
    {
        _read += read;
        return _read > limit ? throw new ImportFileException(message) : read;
    }
}
