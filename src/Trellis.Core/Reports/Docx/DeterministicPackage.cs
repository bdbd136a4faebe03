using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace Trellis.Core.Reports.Docx;

/// <summary>
/// Rewrites an Office package so the same report always gives the same bytes: System.IO.Packaging stamps
/// each zip entry with the time it was written and names some parts at random, so every entry is copied, in
/// the same order, with one fixed time and fixed names.
/// </summary>
internal static partial class DeterministicPackage
{
    private const string CorePropertiesPart = "docProps/core.psmdcp";
    private static readonly DateTimeOffset FixedTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Title, author and language for the document's properties, dated the report's as-at day rather than now.</summary>
    public static void SetProperties(DocumentFormat.OpenXml.Packaging.OpenXmlPackage package, string title, string creator, DateOnly asAt)
    {
        var when = asAt.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        package.PackageProperties.Title = ReportWords.Clean(title);
        package.PackageProperties.Creator = ReportWords.Clean(creator);
        package.PackageProperties.Language = "en-GB";
        package.PackageProperties.Created = when;
        package.PackageProperties.Modified = when;
    }

    public static async Task CopyAsync(MemoryStream package, Stream output, CancellationToken cancellationToken)
    {
        package.Position = 0;
        using var rewritten = new MemoryStream();
        using (var source = new ZipArchive(package, ZipArchiveMode.Read, leaveOpen: true))
        using (var target = new ZipArchive(rewritten, ZipArchiveMode.Create, leaveOpen: true))
        {
            // All in memory, so the synchronous copy blocks on nothing.
            foreach (var entry in source.Entries)
            {
                var copy = target.CreateEntry(CorePropertiesName().Replace(entry.FullName, CorePropertiesPart), CompressionLevel.Optimal);
                copy.LastWriteTime = FixedTime;
                using var from = entry.Open();
                using var to = copy.Open();
                if (entry.FullName == "_rels/.rels")
                {
                    // System.IO.Packaging names package-level relationships and the core properties part at random;
                    // nothing refers to these ids, and the part is renamed above.
                    using var reader = new StreamReader(from);
                    var count = 0;
                    var xml = RelationshipId().Replace(reader.ReadToEnd(), _ => $"Id=\"rIdPackage{++count}\"");
                    xml = CorePropertiesName().Replace(xml, CorePropertiesPart);
                    var bytes = new UTF8Encoding(false).GetBytes(xml);
                    to.Write(bytes);
                }
                else
                {
                    from.CopyTo(to);
                }
            }
        }

        rewritten.Position = 0;
        await rewritten.CopyToAsync(output, cancellationToken);
    }

    [GeneratedRegex("package/services/metadata/core-properties/[0-9a-f]+\\.psmdcp")]
    private static partial Regex CorePropertiesName();

    [GeneratedRegex("Id=\"[^\"]*\"")]
    private static partial Regex RelationshipId();
}
