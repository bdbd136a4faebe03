using System.IO.Compression;
using System.Text;

namespace Trellis.Core.SignOffs;

/// <summary>One uploaded file as received: the name the browser sent, and its bytes.</summary>
public sealed record EvidenceUpload(string FileName, byte[] Content);

/// <summary>
/// Which evidence files are accepted: a known extension whose content starts the way that kind of file does, so a
/// program renamed to report.pdf is refused. Names are cleaned for display only; they never become paths.
/// </summary>
public static class EvidenceFileCheck
{
    private static readonly byte[] Pdf = "%PDF-"u8.ToArray();
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <summary>The accepted extensions and the content type each is served as.</summary>
    public static readonly IReadOnlyDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".pptx"] = "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".txt"] = "text/plain",
        [".csv"] = "text/csv",
        [".msg"] = "application/vnd.ms-outlook",
        [".eml"] = "message/rfc822",
    };

    public const string AllowedList = "PDF, Word (DOCX), Excel (XLSX), PowerPoint (PPTX), PNG, JPG, TXT, CSV, or an Outlook or email message (MSG, EML)";

    /// <summary>A display name with any folder part, control characters and path separators taken out.</summary>
    public static string CleanName(string? fileName)
    {
        var name = (fileName ?? string.Empty).Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        var clean = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (!char.IsControl(c) && c is not ('"' or ':' or '*' or '?' or '<' or '>' or '|'))
            {
                clean.Append(c);
            }
        }

        var text = clean.ToString().Trim().TrimStart('.');
        if (text.Length > SignOffEvidence.FileNameMaxLength)
        {
            var extension = Path.GetExtension(text);
            text = text[..(SignOffEvidence.FileNameMaxLength - extension.Length)] + extension;
        }

        return text.Length == 0 ? "evidence" : text;
    }

    /// <summary>Why the file cannot be accepted, or null when it can.</summary>
    public static string? Problem(string fileName, byte[] content, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(content);
        var extension = Path.GetExtension(fileName);
        if (!ContentTypes.ContainsKey(extension))
        {
            return $"must be a {AllowedList}";
        }

        if (content.Length == 0)
        {
            return "is empty";
        }

        if (content.Length > maxBytes)
        {
            return $"must be smaller than {Megabytes(maxBytes)}";
        }

        return Matches(extension.ToLowerInvariant(), content) ? null : $"is not a real {extension.TrimStart('.').ToUpperInvariant()} file: its content does not match its name";
    }

    public static string Megabytes(long bytes) =>
        bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0 ? $"{bytes / (1024 * 1024)} MB" : bytes >= 1024 ? $"{bytes / 1024.0:0.#} KB" : $"{bytes} bytes";

    public static string ContentTypeOf(string fileName) =>
        ContentTypes.TryGetValue(Path.GetExtension(fileName), out var type) ? type : "application/octet-stream";

    private static bool Matches(string extension, byte[] content) => extension switch
    {
        ".pdf" => StartsWith(content, Pdf),
        ".png" => StartsWith(content, Png),
        ".jpg" or ".jpeg" => StartsWith(content, Jpeg),
        ".msg" => StartsWith(content, Ole),
        ".docx" => OfficePackage(content, "word/"),
        ".xlsx" => OfficePackage(content, "xl/"),
        ".pptx" => OfficePackage(content, "ppt/"),
        ".eml" => IsText(content) && LooksLikeMessage(content),
        _ => IsText(content),
    };

    private static bool StartsWith(byte[] content, byte[] signature) => content.AsSpan().StartsWith(signature);

    /// <summary>An Office file is a zip package with a content-types part and the folder of its kind.</summary>
    private static bool OfficePackage(byte[] content, string folder)
    {
        if (!StartsWith(content, Zip))
        {
            return false;
        }

        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            return zip.GetEntry("[Content_Types].xml") is not null
                && zip.Entries.Any(e => e.FullName.StartsWith(folder, StringComparison.OrdinalIgnoreCase));
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    /// <summary>Text has no NUL bytes and starts like none of the binary kinds (a program starts "MZ" or "\x7FELF").</summary>
    private static bool IsText(byte[] content)
    {
        if (content.AsSpan().IndexOf((byte)0) >= 0 || StartsWith(content, "MZ"u8.ToArray()) || StartsWith(content, [0x7F, 0x45, 0x4C, 0x46]))
        {
            return false;
        }

        var controls = 0;
        foreach (var b in content.AsSpan(0, Math.Min(content.Length, 8192)))
        {
            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0C))
            {
                controls++;
            }
        }

        return controls == 0;
    }

    /// <summary>A saved email starts with a header line, "Name: value".</summary>
    private static bool LooksLikeMessage(byte[] content)
    {
        var start = Encoding.UTF8.GetString(content, 0, Math.Min(content.Length, 1000)).TrimStart('\uFEFF');
        var line = start.Split('\n', 2)[0];
        var colon = line.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && line[..colon].All(c => c is > ' ' and < '\x7F');
    }
}
