using Trellis.Core.Import;

namespace Trellis.Web.Infrastructure;

/// <summary>
/// Does an uploaded file's content agree with its name? Checked before any reader sees it, so a program renamed .xlsx,
/// or a workbook renamed .csv, is refused with a message naming the file instead of being half-read.
/// </summary>
public static class UploadCheck
{
    /// <summary>The bytes looked at: enough for every signature and to tell text from binary.</summary>
    public const int HeadBytes = 4096;

    /// <summary>Null when the first bytes fit the file's extension; otherwise what to tell the person who uploaded it.</summary>
    public static string? Problem(string name, ReadOnlySpan<byte> content)
    {
        var head = content[..Math.Min(content.Length, HeadBytes)];
        var looks = FileGuard.Describe(head);
        var extension = Path.GetExtension(name).ToLowerInvariant();
        switch (extension)
        {
            case ".xlsx":
            case ".docx":
                var wanted = name.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? "an Excel workbook (.xlsx)" : "a Word document (.docx)";
                return FileGuard.IsZip(head) || FileGuard.IsOle(head)
                    ? null // the package reader says more about what is inside, and about passwords
                    : $"{name} is {looks ?? "not an Office file"}, not {wanted}. Nothing was stored";
            case ".csv":
            case ".json":
                var text = extension == ".csv" ? "a .csv text file" : "a .json text file";
                return FileGuard.IsZip(head) ? $"{name} is an Excel or Word file or a zip archive, not {text}: save it as .xlsx or export it as text. Nothing was stored"
                    : looks is not null ? $"{name} is {looks}, not {text}. Nothing was stored"
                    : head.Contains((byte)0) ? $"{name} is not {text}: it holds binary content. Nothing was stored"
                    : null;
            default:
                return null;
        }
    }
}
