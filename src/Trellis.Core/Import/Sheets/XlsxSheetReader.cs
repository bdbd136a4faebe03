using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using Trellis.Core.Import.Word;

namespace Trellis.Core.Import.Sheets;

/// <summary>
/// Reads an .xlsx workbook's sheets as text, streaming each part's XML so a huge sheet is refused at the row limit rather
/// than loaded. Reads the zip and XML directly (not through the Open XML SDK's package layer) so every inflated byte goes
/// through <see cref="FileGuard"/>'s counting stream. Shared and inline strings, numbers, booleans and dates stored as
/// serial numbers under a date format ("31/03/2016"), merged cells (the top-left text fills the range) and hidden sheets.
/// </summary>
internal static class XlsxSheetReader
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
        MaxCharactersFromEntities = 0,
    };

    public static List<SheetGrid> Read(MemoryStream buffer, string name)
    {
        using var archive = FileGuard.OpenPackage(buffer, name, OfficePackageKind.Excel);
        try
        {
            var relations = Relations(archive, "xl/_rels/workbook.xml.rels", "xl/", name);
            var strings = SharedStrings(archive, relations, name);
            var dateStyles = Styles(archive, relations, name);
            var grids = new List<SheetGrid>();
            var cells = 0;
            foreach (var (sheetName, target, hidden) in Sheets(archive, name))
            {
                if (!relations.TryGetValue(target, out var path) || archive.GetEntry(path) is not { } entry)
                {
                    continue;
                }

                grids.Add(ReadSheet(entry, sheetName, hidden, strings, dateStyles, name, ref cells));
            }

            return grids;
        }
        catch (XmlException e)
        {
            throw new ImportFileException($"'{name}' is damaged: part of the workbook is not well-formed ({e.Message}); nothing was imported");
        }
    }

    /// <summary>Relationship id -> part path, for the workbook's relationships.</summary>
    internal static Dictionary<string, string> Relations(ZipArchive archive, string relsPath, string baseFolder, string name)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (archive.GetEntry(relsPath) is not { } entry)
        {
            return map;
        }

        using var reader = XmlReader.Create(FileGuard.OpenEntry(entry, name), Settings);
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Relationship" && reader.NamespaceURI == Relationships)
            {
                var id = reader.GetAttribute("Id");
                var target = reader.GetAttribute("Target");
                var type = reader.GetAttribute("Type") ?? string.Empty;
                if (id is null || target is null)
                {
                    continue;
                }

                var path = target.StartsWith('/') ? target[1..] : baseFolder + target;
                map[id] = path;
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

    internal static List<(string Name, string Target, bool Hidden)> Sheets(ZipArchive archive, string name)
    {
        var sheets = new List<(string, string, bool)>();
        using var reader = XmlReader.Create(FileGuard.OpenEntry(archive.GetEntry("xl/workbook.xml")!, name), Settings);
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "sheet" && reader.NamespaceURI == Main)
            {
                var state = reader.GetAttribute("state");
                sheets.Add((reader.GetAttribute("name") ?? $"Sheet{sheets.Count + 1}", reader.GetAttribute("id", OfficeRelationships) ?? string.Empty,
                    state is "hidden" or "veryHidden"));
            }
        }

        return sheets;
    }

    internal static List<string> SharedStrings(ZipArchive archive, Dictionary<string, string> relations, string name)
    {
        var strings = new List<string>();
        var path = relations.GetValueOrDefault("#sharedStrings") ?? "xl/sharedStrings.xml";
        if (archive.GetEntry(path) is not { } entry)
        {
            return strings;
        }

        using var reader = XmlReader.Create(FileGuard.OpenEntry(entry, name), Settings);
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "si" && reader.NamespaceURI == Main)
            {
                strings.Add(RichText(reader));
            }
        }

        return strings;
    }

    /// <summary>The text of an &lt;si&gt; or &lt;is&gt; element: its &lt;t&gt; runs, without phonetic runs; kept just past the cell limit so the limit still fires.</summary>
    internal static string RichText(XmlReader reader)
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
            else if (skipDepth < 0 && reader.NodeType is XmlNodeType.Text or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace
                && text.Length <= SheetLimits.MaxCellCharacters)
            {
                text.Append(reader.Value);
            }
        }

        return text.ToString();
    }

    /// <summary>A cell style (the s attribute): whether it shows a number as a date or a percentage, and the RAG colour it fills the cell with.</summary>
    internal readonly record struct CellStyle(bool IsDate, string? Colour, bool IsPercent = false);

    /// <summary>The workbook's cell styles, in order.</summary>
    private static List<CellStyle> Styles(ZipArchive archive, Dictionary<string, string> relations, string name)
    {
        var path = relations.GetValueOrDefault("#styles") ?? "xl/styles.xml";
        var styles = new List<CellStyle>();
        var fills = new List<string?>();
        var inFills = false;
        if (archive.GetEntry(path) is not { } entry)
        {
            return styles;
        }

        var custom = new Dictionary<int, string>();
        using var reader = XmlReader.Create(FileGuard.OpenEntry(entry, name), Settings);
        var inCellXfs = false;
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
            else if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "fills")
            {
                inFills = !reader.IsEmptyElement;
            }
            else if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "fills")
            {
                inFills = false;
            }
            else if (inFills && reader.NodeType == XmlNodeType.Element && reader.LocalName == "fill")
            {
                fills.Add(null);
            }
            else if (inFills && fills.Count > 0 && reader.NodeType == XmlNodeType.Element && reader.LocalName == "fgColor" && reader.GetAttribute("rgb") is { Length: >= 6 } rgb)
            {
                fills[^1] = RagColours.Name(rgb[^6..]);
            }
            else if (inCellXfs && reader.NodeType == XmlNodeType.Element && reader.LocalName == "xf")
            {
                _ = int.TryParse(reader.GetAttribute("numFmtId"), NumberStyles.None, CultureInfo.InvariantCulture, out var format);
                _ = int.TryParse(reader.GetAttribute("fillId"), NumberStyles.None, CultureInfo.InvariantCulture, out var fill);
                styles.Add(new CellStyle(IsDateFormat(format, custom.GetValueOrDefault(format)), fill < fills.Count ? fills[fill] : null, IsPercentFormat(format, custom.GetValueOrDefault(format))));
            }
        }

        return styles;
    }

    /// <summary>Excel's built-in percentage formats (9 "0%", 10 "0.00%"), or a custom code with a % outside quotes.</summary>
    internal static bool IsPercentFormat(int id, string? code)
    {
        if (id is 9 or 10)
        {
            return true;
        }

        var inQuotes = false;
        foreach (var c in code ?? string.Empty)
        {
            inQuotes = c == '"' ? !inQuotes : inQuotes;
            if (!inQuotes && c == '%')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Excel's built-in date formats (14-22, 45-47), or a custom code with day, month or year outside quotes and brackets.</summary>
    internal static bool IsDateFormat(int id, string? code)
    {
        if (id is >= 14 and <= 22 or >= 45 and <= 47)
        {
            return true;
        }

        if (string.IsNullOrEmpty(code))
        {
            return false;
        }

        var inQuotes = false;
        var inBrackets = false;
        foreach (var c in code)
        {
            switch (c)
            {
                case '"':
                    inQuotes = !inQuotes;
                    break;
                case '[':
                    inBrackets = true;
                    break;
                case ']':
                    inBrackets = false;
                    break;
                default:
                    if (!inQuotes && !inBrackets && char.ToLowerInvariant(c) is 'd' or 'm' or 'y')
                    {
                        return true;
                    }

                    break;
            }
        }

        return false;
    }

    private static SheetGrid ReadSheet(ZipArchiveEntry entry, string sheet, bool hidden, List<string> strings, List<CellStyle> dateStyles, string name, ref int cellCount)
    {
        var rows = new List<SheetRow>();
        var merges = new List<string>();
        using var reader = XmlReader.Create(FileGuard.OpenEntry(entry, name), Settings);
        var lastRow = 0;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.NamespaceURI != Main)
            {
                continue;
            }

            if (reader.LocalName == "row")
            {
                if (rows.Count >= SheetLimits.MaxRows)
                {
                    throw new ImportFileException(
                        $"'{name}': sheet '{sheet}' has more than {SheetLimits.MaxRows:N0} rows (reading stopped at row {lastRow + 1:N0}); a plan is far smaller. Remove the extra rows and import it again; nothing was imported");
                }

                lastRow = int.TryParse(reader.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : lastRow + 1;
                var row = ReadRow(reader, sheet, lastRow, strings, dateStyles, name, ref cellCount);
                if (row is not null)
                {
                    rows.Add(row);
                }
            }
            else if (reader.LocalName == "mergeCell" && reader.GetAttribute("ref") is { } range)
            {
                merges.Add(range);
            }
        }

        return new SheetGrid(sheet, hidden, Merge(rows, merges));
    }

    private static SheetRow? ReadRow(XmlReader reader, string sheet, int rowNumber, List<string> strings, List<CellStyle> dateStyles, string name, ref int cellCount)
    {
        if (reader.IsEmptyElement)
        {
            return null;
        }

        var cells = new List<(int Column, string Text)>();
        var colours = new List<(int Column, string Colour)>();
        var depth = reader.Depth;
        var nextColumn = 0;
        while (reader.Read() && reader.Depth > depth)
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "c")
            {
                continue;
            }

            var column = CellNames.Parse(reader.GetAttribute("r"))?.Column ?? nextColumn;
            nextColumn = column + 1;
            var type = reader.GetAttribute("t");
            _ = int.TryParse(reader.GetAttribute("s"), NumberStyles.None, CultureInfo.InvariantCulture, out var style);
            var text = CellText(reader, type, style, strings, dateStyles);
            if (string.IsNullOrWhiteSpace(text))
            {
                // Plans often rate by filling an empty cell red, amber or green.
                if (style < dateStyles.Count && dateStyles[style].Colour is { } colour && column < SheetLimits.MaxColumns)
                {
                    colours.Add((column, colour));
                }

                continue;
            }

            var place = $"{sheet}!{CellNames.Letter(column)}{rowNumber}";
            if (text.Length > SheetLimits.MaxCellCharacters)
            {
                throw new ImportFileException(
                    $"'{name}': cell {place} holds more than {SheetLimits.MaxCellCharacters:N0} characters, more than Excel itself allows in a cell; nothing was imported");
            }

            if (column >= SheetLimits.MaxColumns)
            {
                throw new ImportFileException($"'{name}': cell {place} is beyond column {CellNames.Letter(SheetLimits.MaxColumns - 1)}; a plan has far fewer columns; nothing was imported");
            }

            if (++cellCount > SheetLimits.MaxCells)
            {
                throw new ImportFileException($"'{name}' has more than {SheetLimits.MaxCells:N0} filled cells (reading stopped at {place}); nothing was imported");
            }

            cells.Add((column, text));
        }

        if (cells.Count == 0 && colours.Count == 0)
        {
            return null;
        }

        var width = cells.Concat(colours).Max(c => c.Item1) + 1;
        var values = new string?[width];
        foreach (var (column, text) in cells)
        {
            values[column] = text;
        }

        string?[]? fills = null;
        if (colours.Count > 0)
        {
            fills = new string?[width];
            foreach (var (column, colour) in colours)
            {
                fills[column] = colour;
            }
        }

        return new SheetRow(rowNumber, values, null, fills);
    }

    private static string CellText(XmlReader reader, string? type, int style, List<string> strings, List<CellStyle> dateStyles)
    {
        if (reader.IsEmptyElement)
        {
            return string.Empty;
        }

        string? value = null;
        string? inline = null;
        var depth = reader.Depth;
        while (reader.Read() && reader.Depth > depth)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "v")
            {
                value = reader.ReadElementContentAsString();
                if (reader.Depth <= depth)
                {
                    break;
                }
            }
            else if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "is")
            {
                inline = RichText(reader);
            }
        }

        switch (type)
        {
            case "s":
                return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < strings.Count ? strings[index] : string.Empty;
            case "inlineStr":
                return inline ?? value ?? string.Empty;
            case "b":
                return value == "1" ? "TRUE" : "FALSE";
            case "str" or "e":
                return value ?? string.Empty;
            default:
                if (value is null)
                {
                    return inline ?? string.Empty;
                }

                var isDate = style < dateStyles.Count && dateStyles[style].IsDate;
                var isPercent = style < dateStyles.Count && dateStyles[style].IsPercent;
                if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                {
                    return value;
                }

                // A cell formatted as a percentage holds 0.47 and shows "47%": read what the council sees.
                return isDate && number is > 0 and < 2958466 ? DateFromSerial(number)
                    : isPercent && decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var fraction)
                        ? (fraction * 100m).ToString("0.##########", CultureInfo.InvariantCulture) + "%"
                        : number.ToString(CultureInfo.InvariantCulture);
        }
    }

    /// <summary>Excel's day number (1900 date system; 60 is the 29 February 1900 that never was) as UK-written text: 42460 -> "31/03/2016".</summary>
    internal static string DateFromSerial(double serial)
    {
        var date = new DateTime(1899, 12, 30, 0, 0, 0, DateTimeKind.Unspecified).AddDays(Math.Floor(serial));
        return date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
    }

    /// <summary>Each merged range's other cells take its top-left text, marked as copies.</summary>
    private static List<SheetRow> Merge(List<SheetRow> rows, List<string> merges)
    {
        if (merges.Count == 0)
        {
            return rows;
        }

        var byNumber = rows.ToDictionary(r => r.Number);
        var changed = new Dictionary<int, (List<string?> Cells, List<bool> Merged)>();
        foreach (var range in merges)
        {
            var parts = range.Split(':');
            if (parts.Length != 2 || CellNames.Parse(parts[0]) is not { } from || CellNames.Parse(parts[1]) is not { } to
                || to.Column >= SheetLimits.MaxColumns || to.Row - from.Row > SheetLimits.MaxRows
                || !byNumber.TryGetValue(from.Row, out var top) || top.Text(from.Column).Length == 0)
            {
                continue;
            }

            var text = top.Text(from.Column);
            for (var r = from.Row; r <= to.Row; r++)
            {
                if (!changed.TryGetValue(r, out var row))
                {
                    var existing = byNumber.GetValueOrDefault(r);
                    row = ([.. existing?.Cells ?? []], [.. Enumerable.Range(0, existing?.Cells.Length ?? 0).Select(i => existing!.IsMergedCopy(i))]);
                    changed[r] = row;
                }

                for (var c = from.Column; c <= to.Column; c++)
                {
                    if (r == from.Row && c == from.Column)
                    {
                        continue;
                    }

                    while (row.Cells.Count <= c)
                    {
                        row.Cells.Add(null);
                        row.Merged.Add(false);
                    }

                    if (string.IsNullOrEmpty(row.Cells[c]))
                    {
                        row.Cells[c] = text;
                        row.Merged[c] = true;
                    }
                }
            }
        }

        foreach (var (number, row) in changed)
        {
            byNumber[number] = new SheetRow(number, [.. row.Cells], [.. row.Merged], byNumber.GetValueOrDefault(number)?.Colours);
        }

        return [.. byNumber.Values.OrderBy(r => r.Number)];
    }
}
