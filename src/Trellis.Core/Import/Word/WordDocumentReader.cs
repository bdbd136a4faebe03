using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Trellis.Core.Import.Word;

/// <summary>Reads a .docx into a <see cref="WordDocument"/>: paragraphs and tables in order, merged cells resolved.</summary>
/// <remarks>
/// <para>What is kept and why:</para>
/// <list type="bullet">
/// <item>Text of runs, hyperlinks, fields' results, content controls and inserted (tracked) text; tabs become '\t' and line
/// or page breaks '\n'. Deleted (tracked) text, field codes and the fallback copy of drawings are left out: Word does not
/// show them.</item>
/// <item>Text boxes become paragraphs of their own after the paragraph that anchors them, so their text is not run
/// into the anchor's.</item>
/// <item>Heading level from the style name ("Heading 2") or outline level, list level and the number Word draws for
/// numbered lists, and boldness: plans use them for headings when they have no heading styles.</item>
/// <item>Tables: a horizontally merged cell spans grid columns; a cell continuing a vertical merge carries the text of
/// the cell it continues, so a "By whom" merged over three actions gives each of them the owner.</item>
/// </list>
/// </remarks>
public static class WordDocumentReader
{
    /// <summary>Reads the document; throws <see cref="InvalidDataException"/> with a plain message when it is not a readable .docx.</summary>
    public static WordDocument Read(Stream docx)
    {
        var seekable = Seekable(docx);
        try
        {
            CheckSignature(seekable);
            using var document = WordprocessingDocument.Open(seekable, false);
            var main = document.MainDocumentPart
                ?? throw new InvalidDataException("it has no main document part (word/document.xml)");
            var body = main.Document?.Body
                ?? throw new InvalidDataException("its main document part has no body");
            var context = new ReadContext(Styles.From(main.StyleDefinitionsPart?.Styles), new ListNumbering(main.NumberingDefinitionsPart?.Numbering));
            var title = document.PackageProperties.Title;
            return new WordDocument(context.ReadBlocks(body), string.IsNullOrWhiteSpace(title) ? null : title.Trim());
        }
        catch (Exception e) when (e is OpenXmlPackageException or FileFormatException or XmlException or IOException && e is not InvalidDataException)
        {
            throw new InvalidDataException(Explain(e), e);
        }
        finally
        {
            if (!ReferenceEquals(seekable, docx))
            {
                seekable.Dispose();
            }
        }
    }

    private static string Explain(Exception e) => e switch
    {
        XmlException => $"its XML is damaged ({e.Message})",
        _ => $"it could not be opened as a Word document ({e.Message})",
    };

    /// <summary>Names the two common mistakes, another kind of file and the old binary .doc, before the package reader fails obscurely.</summary>
    private static void CheckSignature(Stream stream)
    {
        Span<byte> head = stackalloc byte[4];
        var start = stream.Position;
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        stream.Position = start;
        if (read >= 4 && head[0] == 0xD0 && head[1] == 0xCF && head[2] == 0x11 && head[3] == 0xE0)
        {
            throw new InvalidDataException("it is an older Word 97-2003 document (.doc); open it in Word, save it as .docx and import that");
        }

        if (read < 4 || head[0] != (byte)'P' || head[1] != (byte)'K')
        {
            throw new InvalidDataException("it is not a Word document (a .docx file is a zip package, and this file is not one)");
        }
    }

    /// <summary>The package reader needs to seek; a network or upload stream is copied to memory first.</summary>
    private static Stream Seekable(Stream stream)
    {
        if (stream.CanSeek)
        {
            return stream;
        }

        var copy = new MemoryStream();
        stream.CopyTo(copy);
        copy.Position = 0;
        return copy;
    }

    /// <summary>Walks the body with the document's styles and list numbering at hand.</summary>
    private sealed class ReadContext(Styles styles, ListNumbering numbering)
    {
        public List<WordBlock> ReadBlocks(OpenXmlElement container)
        {
            var blocks = new List<WordBlock>();
            foreach (var child in container.ChildElements)
            {
                switch (child)
                {
                    case Paragraph paragraph:
                        AddParagraph(blocks, paragraph);
                        break;
                    case Table table:
                        blocks.Add(ReadTable(table));
                        break;
                    case SectionProperties or ParagraphProperties or TableCellProperties:
                        break;
                    default:
                        // Content controls, custom XML and tracked insertions wrap paragraphs and tables.
                        blocks.AddRange(ReadBlocks(child));
                        break;
                }
            }

            return blocks;
        }

        private void AddParagraph(List<WordBlock> blocks, Paragraph paragraph)
        {
            var text = new StringBuilder();
            var textBoxes = new List<TextBoxContent>();
            AppendText(paragraph, text, textBoxes);
            blocks.Add(Describe(paragraph, text.ToString()));
            foreach (var box in textBoxes)
            {
                blocks.AddRange(ReadBlocks(box));
            }
        }

        private static void AppendText(OpenXmlElement element, StringBuilder text, List<TextBoxContent> textBoxes)
        {
            foreach (var child in element.ChildElements)
            {
                switch (child)
                {
                    case Text t:
                        text.Append(t.Text);
                        break;
                    case TabChar or PositionalTab:
                        text.Append('\t');
                        break;
                    case Break or CarriageReturn:
                        text.Append('\n');
                        break;
                    case NoBreakHyphen:
                        text.Append('-');
                        break;
                    case TextBoxContent box:
                        textBoxes.Add(box);
                        break;
                    case DeletedRun or MoveFromRun or FieldCode or DeletedText or AlternateContentFallback
                        or ParagraphProperties or RunProperties:
                        break;
                    default:
                        AppendText(child, text, textBoxes);
                        break;
                }
            }
        }

        private WordParagraph Describe(Paragraph paragraph, string text)
        {
            var properties = paragraph.ParagraphProperties;
            var style = styles.Find(properties?.ParagraphStyleId?.Val?.Value);
            var (numberingId, level) = NumberingOf(properties, style);
            var label = numberingId is { } id ? numbering.Next(id, level) : null;
            return new WordParagraph(
                text,
                style?.Name,
                HeadingLevel(properties, style),
                numberingId is null ? null : level,
                label,
                IsBold(paragraph, style));
        }

        private static (int? NumberingId, int Level) NumberingOf(ParagraphProperties? properties, StyleInfo? style)
        {
            var own = properties?.NumberingProperties;
            var id = own?.NumberingId?.Val?.Value ?? style?.NumberingId;
            var level = own?.NumberingLevelReference?.Val?.Value ?? style?.NumberingLevel ?? 0;

            // numId 0 means "no list" (Word writes it to switch a style's numbering off).
            return id is null or 0 ? (null, 0) : (id, level);
        }

        private static int? HeadingLevel(ParagraphProperties? properties, StyleInfo? style)
        {
            if (style?.HeadingLevel is { } fromStyle)
            {
                return fromStyle;
            }

            // Outline level 9 is body text.
            var outline = properties?.OutlineLevel?.Val?.Value ?? style?.OutlineLevel;
            return outline is >= 0 and < 9 ? outline + 1 : null;
        }

        private bool IsBold(Paragraph paragraph, StyleInfo? style)
        {
            var runs = paragraph.Descendants<Run>().Where(r => r.ChildElements.OfType<Text>().Any(t => !string.IsNullOrWhiteSpace(t.Text))).ToList();
            return runs.Count > 0 && runs.TrueForAll(r => IsBold(r, style));
        }

        private bool IsBold(Run run, StyleInfo? paragraphStyle)
        {
            var properties = run.RunProperties;
            if (properties?.Bold is { } bold)
            {
                return bold.Val is null || bold.Val.Value;
            }

            return styles.Find(properties?.RunStyle?.Val?.Value)?.Bold ?? paragraphStyle?.Bold ?? false;
        }

        private WordTable ReadTable(Table table)
        {
            var rawRows = Rows(table).Select(ReadRow).ToList();
            var gridColumns = table.GetFirstChild<TableGrid>()?.Elements<GridColumn>().Count() ?? 0;
            var columns = Math.Max(gridColumns, rawRows.Count == 0 ? 0 : rawRows.Max(r => r.Cells.Count == 0 ? 0 : r.Cells.Max(c => c.Cell.GridColumn + c.Cell.ColumnSpan)));
            return new WordTable(ResolveVerticalMerges(rawRows), columns);
        }

        /// <summary>Rows, looking inside content controls and custom XML that wrap them.</summary>
        private static IEnumerable<TableRow> Rows(OpenXmlElement element)
        {
            foreach (var child in element.ChildElements)
            {
                if (child is TableRow row)
                {
                    yield return row;
                }
                else if (child is not (TableProperties or TableGrid))
                {
                    foreach (var nested in Rows(child))
                    {
                        yield return nested;
                    }
                }
            }
        }

        private RawRow ReadRow(TableRow row)
        {
            var properties = row.TableRowProperties;
            var header = properties?.GetFirstChild<TableHeader>() is { } th && (th.Val is null || th.Val.Value == OnOffOnlyValues.On);
            var column = properties?.GetFirstChild<GridBefore>()?.Val?.Value ?? 0;
            var cells = new List<RawCell>();
            foreach (var cell in Cells(row))
            {
                var cellProperties = cell.TableCellProperties;
                var span = Math.Max(1, cellProperties?.GridSpan?.Val?.Value ?? 1);
                var blocks = ReadBlocks(cell);

                // The legacy horizontal merge: a continuing cell widens the one before it.
                if (cellProperties?.HorizontalMerge is { } h && h.Val?.Value != MergedCellValues.Restart && cells.Count > 0)
                {
                    var previous = cells[^1];
                    cells[^1] = previous with { Cell = previous.Cell with { ColumnSpan = previous.Cell.ColumnSpan + span } };
                    column += span;
                    continue;
                }

                var vertical = cellProperties?.VerticalMerge;
                var continues = vertical is not null && (vertical.Val is null || vertical.Val.Value == MergedCellValues.Continue);
                cells.Add(new RawCell(new WordCell(blocks, column, span, Fill: FillOf(cellProperties)), continues));
                column += span;
            }

            return new RawRow(cells, header);
        }

        /// <summary>The cell's shading as hex, or null when it has none ("auto" and white are none).</summary>
        private static string? FillOf(TableCellProperties? properties)
        {
            var fill = properties?.Shading?.Fill?.Value;
            return fill is null || fill.Length != 6 || fill.Equals("FFFFFF", StringComparison.OrdinalIgnoreCase) ? null : fill.ToUpperInvariant();
        }

        private static IEnumerable<TableCell> Cells(OpenXmlElement element)
        {
            foreach (var child in element.ChildElements)
            {
                if (child is TableCell cell)
                {
                    yield return cell;
                }
                else if (child is not TableRowProperties and not TablePropertyExceptions)
                {
                    foreach (var nested in Cells(child))
                    {
                        yield return nested;
                    }
                }
            }
        }

        /// <summary>Gives each cell that continues a vertical merge the content of the cell above it in the same grid column.</summary>
        private static List<WordRow> ResolveVerticalMerges(List<RawRow> rawRows)
        {
            var rows = new List<WordRow>();
            foreach (var raw in rawRows)
            {
                var above = rows.Count > 0 ? rows[^1] : null;
                var cells = raw.Cells
                    .Select(c => c.ContinuesMerge && above?.CellAt(c.Cell.GridColumn) is { } origin
                        ? new WordCell(origin.Blocks, c.Cell.GridColumn, c.Cell.ColumnSpan, MergedFromAbove: true, Fill: origin.Fill)
                        : c.Cell)
                    .ToList();
                rows.Add(new WordRow(cells, raw.IsHeader));
            }

            return rows;
        }
    }

    private sealed record RawCell(WordCell Cell, bool ContinuesMerge);

    private sealed record RawRow(List<RawCell> Cells, bool IsHeader);

    /// <summary>What a style says, with what it inherits from the styles it is based on.</summary>
    private sealed record StyleInfo(string Name, int? HeadingLevel, int? OutlineLevel, bool? Bold, int? NumberingId, int? NumberingLevel);

    private sealed class Styles
    {
        private readonly Dictionary<string, StyleInfo> byId = new(StringComparer.Ordinal);

        public static Styles From(DocumentFormat.OpenXml.Wordprocessing.Styles? definitions)
        {
            var result = new Styles();
            var raw = definitions?.Elements<Style>().Where(s => s.StyleId?.Value is not null).ToDictionary(s => s.StyleId!.Value!, StringComparer.Ordinal)
                ?? [];
            foreach (var id in raw.Keys)
            {
                result.byId[id] = Resolve(id, raw, depth: 0);
            }

            return result;
        }

        public StyleInfo? Find(string? id) => id is not null && byId.TryGetValue(id, out var style) ? style : null;

        private static StyleInfo Resolve(string id, Dictionary<string, Style> raw, int depth)
        {
            var style = raw[id];
            var parentId = style.BasedOn?.Val?.Value;
            var parent = depth < 10 && parentId is not null && raw.ContainsKey(parentId) ? Resolve(parentId, raw, depth + 1) : null;
            var name = style.StyleName?.Val?.Value ?? id;
            var paragraph = style.StyleParagraphProperties;
            var bold = style.StyleRunProperties?.Bold is { } b ? b.Val is null || b.Val.Value : parent?.Bold;
            return new StyleInfo(
                name,
                HeadingLevelOf(name) ?? (depth == 0 ? null : parent?.HeadingLevel),
                paragraph?.OutlineLevel?.Val?.Value ?? parent?.OutlineLevel,
                bold,
                paragraph?.NumberingProperties?.NumberingId?.Val?.Value ?? parent?.NumberingId,
                paragraph?.NumberingProperties?.NumberingLevelReference?.Val?.Value ?? parent?.NumberingLevel);
        }

        /// <summary>"Heading 2" is 2 and "Title" is 0, in any case; other names say nothing.</summary>
        private static int? HeadingLevelOf(string name)
        {
            var trimmed = name.Trim();
            if (trimmed.Equals("Title", StringComparison.OrdinalIgnoreCase))
            {
                return 0;
            }

            const string prefix = "heading ";
            return trimmed.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
                && int.TryParse(trimmed.AsSpan(prefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var level)
                    ? level
                    : null;
        }
    }

    /// <summary>Counts numbered list items as Word does, so "1." drawn by Word and not typed is not lost.</summary>
    private sealed class ListNumbering(Numbering? numbering)
    {
        private const int Levels = 9;
        private readonly Dictionary<int, int?[]> counters = [];

        /// <summary>Counts the item and returns the label Word draws for it; null for bullets.</summary>
        public string? Next(int numberingId, int level)
        {
            level = Math.Clamp(level, 0, Levels - 1);
            var definitions = LevelsOf(numberingId);
            if (definitions is null)
            {
                return null;
            }

            if (!counters.TryGetValue(numberingId, out var counts))
            {
                counts = new int?[Levels];
                counters[numberingId] = counts;
            }

            counts[level] = counts[level] is { } count ? count + 1 : StartOf(definitions, level);
            for (var deeper = level + 1; deeper < Levels; deeper++)
            {
                counts[deeper] = null;
            }

            return Label(definitions, counts, level);
        }

        private static string? Label(Dictionary<int, Level> definitions, int?[] counts, int level)
        {
            if (!definitions.TryGetValue(level, out var definition) || definition.LevelText?.Val?.Value is not { } pattern)
            {
                return null;
            }

            var format = definition.NumberingFormat?.Val?.Value;
            if (format is null || format == NumberFormatValues.Bullet || format == NumberFormatValues.None)
            {
                return null;
            }

            var label = new StringBuilder(pattern);
            for (var i = 0; i < Levels; i++)
            {
                var value = counts[i] ?? StartOf(definitions, i);
                var levelFormat = definitions.TryGetValue(i, out var d) ? d.NumberingFormat?.Val?.Value : null;
                label.Replace($"%{i + 1}", Format(value, levelFormat));
            }

            var text = label.ToString().Trim();
            return text.Length == 0 ? null : text;
        }

        private static int StartOf(Dictionary<int, Level> definitions, int level) =>
            definitions.TryGetValue(level, out var definition) ? definition.StartNumberingValue?.Val?.Value ?? 1 : 1;

        private static string Format(int value, NumberFormatValues? format)
        {
            if (format == NumberFormatValues.LowerLetter || format == NumberFormatValues.UpperLetter)
            {
                var letter = ((char)('a' + ((Math.Max(value, 1) - 1) % 26))).ToString();
                return format == NumberFormatValues.UpperLetter ? letter.ToUpperInvariant() : letter;
            }

            if (format == NumberFormatValues.LowerRoman || format == NumberFormatValues.UpperRoman)
            {
                var roman = Roman(value);
                return format == NumberFormatValues.LowerRoman ? roman.ToLowerInvariant() : roman;
            }

            return value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        private static string Roman(int value)
        {
            (int Value, string Numeral)[] numerals =
                [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")];
            var result = new StringBuilder();
            foreach (var (amount, numeral) in numerals)
            {
                while (value >= amount)
                {
                    result.Append(numeral);
                    value -= amount;
                }
            }

            return result.ToString();
        }

        /// <summary>The level definitions of a list, with the list's own start overrides applied.</summary>
        private Dictionary<int, Level>? LevelsOf(int numberingId)
        {
            var instance = numbering?.Elements<NumberingInstance>().FirstOrDefault(n => n.NumberID?.Value == numberingId);
            var abstractId = instance?.AbstractNumId?.Val?.Value;
            var definition = numbering?.Elements<AbstractNum>().FirstOrDefault(a => a.AbstractNumberId?.Value == abstractId);
            if (instance is null || definition is null)
            {
                return null;
            }

            var levels = definition.Elements<Level>()
                .Where(l => l.LevelIndex?.Value is not null)
                .GroupBy(l => l.LevelIndex!.Value)
                .ToDictionary(g => g.Key, g => g.First());
            foreach (var levelOverride in instance.Elements<LevelOverride>())
            {
                if (levelOverride.LevelIndex?.Value is { } index)
                {
                    if (levelOverride.Level is { } replacement)
                    {
                        levels[index] = replacement;
                    }

                    if (levelOverride.StartOverrideNumberingValue?.Val?.Value is { } start && levels.TryGetValue(index, out var level))
                    {
                        var copy = (Level)level.CloneNode(true);
                        copy.StartNumberingValue = new StartNumberingValue { Val = start };
                        levels[index] = copy;
                    }
                }
            }

            return levels;
        }
    }
}
