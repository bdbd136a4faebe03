using System.Globalization;
using System.IO.Compression;
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
                if (archive.GetEntry("xl/workbook.xml") is null)
                {
                    throw new AnnexAReadException($"'{name}' is not an Excel workbook: it has no workbook part");
                }

                // The workbook's parts are found as the plan importer finds them; only the sheets are read differently (streamed).
                var relations = XlsxSheetReader.Relations(archive, "xl/_rels/workbook.xml.rels", "xl/", name);
                var strings = XlsxSheetReader.SharedStrings(archive, relations, name).ToArray();
                var dates = DateStyles(archive, relations, name);
                var row = new AnnexARowBuffer();
                foreach (var (sheet, target, _) in XlsxSheetReader.Sheets(archive, name))
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
                    inline = XlsxSheetReader.RichText(reader);
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
