using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using Trellis.Core.Import;
using Trellis.Core.Import.Sheets;
using Trellis.Indicators.AnnexA;

namespace Trellis.Core.AnnexA;

/// <summary>
/// Streams an .xlsx workbook's sheets row by row into an <see cref="AnnexAListFeeder"/>: one row in memory at a time,
/// whatever the sheet's size. Shared and inline strings, numbers, numbers under a date format (<see cref="CellKind.Date"/>),
/// errors (<see cref="CellKind.Error"/>), formula results, blank and missing cells. The package is checked by
/// <see cref="FileGuard"/> first and every part is inflated through its counting stream.
/// </summary>
internal static class AnnexAXlsxReader
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Relationships = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string OfficeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = false,
        MaxCharactersFromEntities = 0,
    };

    public static void Read(string path, IAnnexAReceiver receiver, AnnexAReadLog log, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(path);
        var info = new FileInfo(path);
        if (info.Length > FileGuard.MaxFileBytes)
        {
            throw new AnnexAReadException($"'{name}' is larger than {FileGuard.MaxFileBytes / (1024 * 1024)} MB; save the lists as .csv files in a folder and read the folder");
        }

        using var buffer = new MemoryStream();
        using (var file = File.OpenRead(path))
        {
            file.CopyTo(buffer);
        }

        buffer.Position = 0;
        ZipArchive archive;
        try
        {
            archive = FileGuard.OpenPackage(buffer, name, OfficePackageKind.Excel);
        }
        catch (ImportFileException e)
        {
            throw new AnnexAReadException(e.Message.Replace("; nothing was imported", string.Empty, StringComparison.Ordinal));
        }

        using (archive)
        {
            try
            {
                var relations = RelationsOf(archive, name);
                var strings = SharedStrings(archive, relations, name);
                var dates = DateStyles(archive, relations, name);
                var row = new AnnexARowBuffer();
                foreach (var (sheet, target) in Sheets(archive, name))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (!relations.TryGetValue(target, out var part) || archive.GetEntry(part) is not { } entry)
                    {
                        continue;
                    }

                    var feeder = new AnnexAListFeeder(receiver, log, name, sheet);
                    ReadSheet(entry, name, strings, dates, row, feeder, cancellationToken);
                    feeder.End();
                }
            }
            catch (XmlException)
            {
                throw new AnnexAReadException($"'{name}' is damaged: part of the workbook is not well-formed XML");
            }
            catch (InvalidDataException)
            {
                throw new AnnexAReadException($"'{name}' is damaged: part of the workbook could not be inflated");
            }
        }
    }

    private static void ReadSheet(ZipArchiveEntry entry, string name, string[] strings, bool[] dates, AnnexARowBuffer row, AnnexAListFeeder feeder, CancellationToken cancellationToken)
    {
        using var reader = XmlReader.Create(FileGuard.OpenEntry(entry, name), Settings);
        var rowNumber = 0;
        while (!feeder.Done && reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "row" || reader.NamespaceURI != Main)
            {
                continue;
            }

            rowNumber = int.TryParse(reader.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : rowNumber + 1;
            row.Clear();
            row.Limit(int.MaxValue);
            if (!reader.IsEmptyElement)
            {
                ReadCells(reader, strings, dates, row);
            }

            feeder.Row(rowNumber, row);
            if ((rowNumber & 0x3FFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
    }

    private static void ReadCells(XmlReader reader, string[] strings, bool[] dates, AnnexARowBuffer row)
    {
        var depth = reader.Depth;
        var next = 0;
        while (reader.Read() && reader.Depth > depth)
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "c")
            {
                continue;
            }

            var column = ColumnOf(reader.GetAttribute("r")) ?? next;
            next = column + 1;
            var type = reader.GetAttribute("t");
            var style = int.TryParse(reader.GetAttribute("s"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
            if (reader.IsEmptyElement)
            {
                continue;
            }

            string? value = null;
            string? inline = null;
            var cellDepth = reader.Depth;
            while (reader.Read() && reader.Depth > cellDepth)
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                if (reader.LocalName == "v")
                {
                    value = reader.ReadElementContentAsString();
                    if (reader.Depth <= cellDepth)
                    {
                        break;
                    }
                }
                else if (reader.LocalName == "is")
                {
                    inline = RichText(reader);
                }
            }

            switch (type)
            {
                case "s":
                    if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < strings.Length)
                    {
                        row.SetString(column, strings[index]);
                    }

                    break;
                case "inlineStr":
                    row.SetString(column, inline ?? value ?? string.Empty);
                    break;
                case "str":
                    row.SetString(column, value ?? string.Empty);
                    break;
                case "e":
                    row.SetString(column, value ?? "#VALUE!", CellKind.Error);
                    break;
                case "b":
                    row.SetString(column, value == "1" ? "TRUE" : "FALSE");
                    break;
                default:
                    if (value is null)
                    {
                        if (inline is not null)
                        {
                            row.SetString(column, inline);
                        }
                    }
                    else if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                    {
                        row.SetNumber(column, number, style < dates.Length && dates[style]);
                    }
                    else
                    {
                        row.SetString(column, value);
                    }

                    break;
            }
        }
    }

    /// <summary>"AB12" -> 27 (zero-based column); null when absent or not a cell name.</summary>
    internal static int? ColumnOf(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }

        var column = 0;
        var letters = 0;
        foreach (var c in reference)
        {
            var upper = char.ToUpperInvariant(c);
            if (upper is < 'A' or > 'Z')
            {
                break;
            }

            column = (column * 26) + (upper - 'A' + 1);
            letters++;
        }

        return letters is > 0 and <= 3 ? column - 1 : null;
    }

    private static Dictionary<string, string> RelationsOf(ZipArchive archive, string name)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (archive.GetEntry("xl/_rels/workbook.xml.rels") is not { } entry)
        {
            return map;
        }

        using var reader = XmlReader.Create(FileGuard.OpenEntry(entry, name), Settings);
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Relationship" && reader.NamespaceURI == Relationships
                && reader.GetAttribute("Id") is { } id && reader.GetAttribute("Target") is { } target)
            {
                var path = target.StartsWith('/') ? target[1..] : "xl/" + target;
                map[id] = path;
                var type = reader.GetAttribute("Type") ?? string.Empty;
                if (type.EndsWith("/sharedStrings", StringComparison.Ordinal))
                {
                    map["#sharedStrings"] = path;
                }
                else if (type.EndsWith("/styles", StringComparison.Ordinal))
                {
                    map["#styles"] = path;
                }
            }
        }

        return map;
    }

    private static List<(string Name, string Target)> Sheets(ZipArchive archive, string name)
    {
        if (archive.GetEntry("xl/workbook.xml") is not { } entry)
        {
            throw new AnnexAReadException($"'{name}' is not an Excel workbook: it has no workbook part");
        }

        var sheets = new List<(string, string)>();
        using var reader = XmlReader.Create(FileGuard.OpenEntry(entry, name), Settings);
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "sheet" && reader.NamespaceURI == Main)
            {
                sheets.Add((reader.GetAttribute("name") ?? $"Sheet{sheets.Count + 1}", reader.GetAttribute("id", OfficeRelationships) ?? string.Empty));
            }
        }

        return sheets;
    }

    private static string[] SharedStrings(ZipArchive archive, Dictionary<string, string> relations, string name)
    {
        var path = relations.GetValueOrDefault("#sharedStrings") ?? "xl/sharedStrings.xml";
        if (archive.GetEntry(path) is not { } entry)
        {
            return [];
        }

        var strings = new List<string>();
        using var reader = XmlReader.Create(FileGuard.OpenEntry(entry, name), Settings);
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "si" && reader.NamespaceURI == Main)
            {
                strings.Add(RichText(reader));
            }
        }

        return [.. strings];
    }

    /// <summary>The text of an &lt;si&gt; or &lt;is&gt;: its &lt;t&gt; runs, without phonetic runs.</summary>
    private static string RichText(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            return string.Empty;
        }

        var depth = reader.Depth;
        var text = new StringBuilder();
        var skipDepth = -1;
        while (reader.Read() && reader.Depth > depth)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "rPh")
            {
                skipDepth = reader.Depth;
            }
            else if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == skipDepth)
            {
                skipDepth = -1;
            }
            else if (skipDepth < 0 && reader.NodeType is XmlNodeType.Text or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace or XmlNodeType.CDATA)
            {
                text.Append(reader.Value);
            }
        }

        return text.ToString();
    }

    /// <summary>For each cell style, whether it shows numbers as dates.</summary>
    private static bool[] DateStyles(ZipArchive archive, Dictionary<string, string> relations, string name)
    {
        var path = relations.GetValueOrDefault("#styles") ?? "xl/styles.xml";
        if (archive.GetEntry(path) is not { } entry)
        {
            return [];
        }

        var custom = new Dictionary<int, string>();
        var styles = new List<bool>();
        var inCellXfs = false;
        using var reader = XmlReader.Create(FileGuard.OpenEntry(entry, name), Settings);
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "numFmt"
                && int.TryParse(reader.GetAttribute("numFmtId"), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                custom[id] = reader.GetAttribute("formatCode") ?? string.Empty;
            }
            else if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "cellXfs")
            {
                inCellXfs = !reader.IsEmptyElement;
            }
            else if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "cellXfs")
            {
                inCellXfs = false;
            }
            else if (inCellXfs && reader.NodeType == XmlNodeType.Element && reader.LocalName == "xf")
            {
                _ = int.TryParse(reader.GetAttribute("numFmtId"), NumberStyles.None, CultureInfo.InvariantCulture, out var format);
                styles.Add(XlsxSheetReader.IsDateFormat(format, custom.GetValueOrDefault(format)));
            }
        }

        return [.. styles];
    }
}
