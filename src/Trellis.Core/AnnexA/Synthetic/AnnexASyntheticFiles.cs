using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Trellis.Indicators.AnnexA;

namespace Trellis.Core.AnnexA.Synthetic;

/// <summary>What a generation wrote: rows per list as written (duplicates and blank rows included).</summary>
public sealed record AnnexAGenerated(string Path, string Format, IReadOnlyDictionary<AnnexAList, int> Rows);

/// <summary>Writes generated Annex A lists as a workbook in the template's layout or as a folder of CSV files.</summary>
public static class AnnexASyntheticFiles
{
    /// <summary>Day 0 of Excel's serial dates (1900 system, leap-year bug included).</summary>
    public static DateOnly ExcelEpoch => AnnexADriftShaper.ExcelEpoch;

    public static string CsvFileName(AnnexAList list) => list switch
    {
        AnnexAList.Contacts => "list_1_contacts.csv",
        AnnexAList.EarlyHelp => "list_2_early_help.csv",
        AnnexAList.Referrals => "list_3_referrals.csv",
        AnnexAList.Assessments => "list_4_assessments.csv",
        AnnexAList.Section47 => "list_5_section_47.csv",
        AnnexAList.ChildrenInNeed => "list_6_children_in_need.csv",
        AnnexAList.ChildProtection => "list_7_child_protection.csv",
        AnnexAList.LookedAfter => "list_8_children_in_care.csv",
        AnnexAList.CareLeavers => "list_9_care_leavers.csv",
        AnnexAList.Adoption => "list_10_adoption.csv",
        AnnexAList.Adopters => "list_11_adopters.csv",
        _ => throw new ArgumentOutOfRangeException(nameof(list)),
    };

    /// <summary>One CSV per list in <paramref name="folder"/> (created if need be), rows streamed as generated.</summary>
    public static AnnexAGenerated WriteCsvFolder(AnnexAGeneratorOptions options, string folder)
    {
        Directory.CreateDirectory(folder);
        using var writer = new CsvSink(folder);
        var shaper = new AnnexADriftShaper(options.Drift, options.Seed, writer);
        writer.Start(shaper);
        AnnexAGenerator.Generate(options, shaper);
        return new AnnexAGenerated(folder, "csv", writer.Counts);
    }

    /// <summary>
    /// A workbook with sheets List_1 to List_11 (renamed under drift), written with the SAX
    /// <see cref="OpenXmlWriter"/>; dates are date cells styled dd/mm/yyyy unless drift made them otherwise.
    /// </summary>
    public static AnnexAGenerated WriteWorkbook(AnnexAGeneratorOptions options, string path)
    {
        var buffer = new BufferSink();
        var shaper = new AnnexADriftShaper(options.Drift, options.Seed, buffer);
        AnnexAGenerator.Generate(options, shaper);

        var temporary = path + ".partial";
        using (var document = SpreadsheetDocument.Create(temporary, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            var sheets = new Sheets();
            uint sheetId = 1;
            foreach (var list in AnnexALists.All)
            {
                var part = workbookPart.AddNewPart<WorksheetPart>();
                WriteSheet(part, list, shaper.Layout(list), buffer.Rows(list), options);
                sheets.Append(new Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = sheetId++, Name = AnnexADriftShaper.SheetName(list, options.Drift) });
            }

            workbookPart.Workbook = new Workbook(sheets);
        }

        File.Move(temporary, path, overwrite: true);
        return new AnnexAGenerated(path, "xlsx", AnnexALists.All.ToDictionary(l => l, l => buffer.Rows(l).Count));
    }

    private const uint DateStyle = 1;
    private const uint HeaderStyle = 2;

    private static Stylesheet Styles() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "dd/mm/yyyy" }) { Count = 1 },
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellStyleFormats(new CellFormat()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
            new CellFormat { FontId = 1, ApplyFont = true })
        { Count = 3 });

    private static void WriteSheet(WorksheetPart part, AnnexAList list, IReadOnlyList<SyntheticColumn> layout, List<object?[]> rows, AnnexAGeneratorOptions options)
    {
        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new Worksheet());
        writer.WriteStartElement(new SheetData());
        var references = Enumerable.Range(0, layout.Count).Select(ColumnName).ToArray();
        var rowNumber = 0;
        if (AnnexADriftShaper.HasTitleRow(list, options.Drift))
        {
            rowNumber++;
            WriteRow(writer, rowNumber, references, [$"{list.Title()} (extract to {options.ReferenceDate.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)})"], style: HeaderStyle);
        }

        rowNumber++;
        WriteRow(writer, rowNumber, references, [.. layout.Select(c => (object?)c.Header)], style: HeaderStyle);
        foreach (var row in rows)
        {
            rowNumber++;
            WriteRow(writer, rowNumber, references, row, style: 0);
        }

        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private static void WriteRow(OpenXmlWriter writer, int rowNumber, string[] references, object?[] cells, uint style)
    {
        var r = rowNumber.ToString(CultureInfo.InvariantCulture);
        writer.WriteStartElement(new Row(), [new OpenXmlAttribute("r", "", r)]);
        for (var i = 0; i < cells.Length; i++)
        {
            var reference = references[i] + r;
            switch (cells[i])
            {
                case null:
                    break;
                case string text:
                    var attributes = new List<OpenXmlAttribute> { new("r", "", reference), new("t", "", "inlineStr") };
                    if (style != 0)
                    {
                        attributes.Add(new("s", "", style.ToString(CultureInfo.InvariantCulture)));
                    }

                    writer.WriteStartElement(new Cell(), attributes);
                    writer.WriteElement(new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
                    writer.WriteEndElement();
                    break;
                case DateOnly date:
                    WriteNumber(writer, reference, (date.DayNumber - AnnexADriftShaper.ExcelEpoch.DayNumber).ToString(CultureInfo.InvariantCulture), DateStyle);
                    break;
                case int number:
                    WriteNumber(writer, reference, number.ToString(CultureInfo.InvariantCulture), 0);
                    break;
                case double number:
                    WriteNumber(writer, reference, number.ToString("R", CultureInfo.InvariantCulture), 0);
                    break;
                default:
                    throw new InvalidOperationException($"A generated cell holds a {cells[i]!.GetType().Name}");
            }
        }

        writer.WriteEndElement();
    }

    private static void WriteNumber(OpenXmlWriter writer, string reference, string value, uint style)
    {
        List<OpenXmlAttribute> attributes = [new("r", "", reference)];
        if (style != 0)
        {
            attributes.Add(new("s", "", style.ToString(CultureInfo.InvariantCulture)));
        }

        writer.WriteStartElement(new Cell(), attributes);
        writer.WriteElement(new CellValue(value));
        writer.WriteEndElement();
    }

    private static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    private sealed class BufferSink : IAnnexALayoutSink
    {
        private readonly Dictionary<AnnexAList, List<object?[]>> _rows = AnnexALists.All.ToDictionary(l => l, _ => new List<object?[]>());

        public void Row(AnnexAList list, object?[] cells) => _rows[list].Add(cells);

        public List<object?[]> Rows(AnnexAList list) => _rows[list];
    }

    private sealed class CsvSink(string folder) : IAnnexALayoutSink, IDisposable
    {
        private readonly Dictionary<AnnexAList, StreamWriter> _writers = [];
        private readonly Dictionary<AnnexAList, int> _counts = AnnexALists.All.ToDictionary(l => l, _ => 0);
        private readonly StringBuilder _line = new();

        public IReadOnlyDictionary<AnnexAList, int> Counts => _counts;

        public void Start(AnnexADriftShaper shaper)
        {
            foreach (var list in AnnexALists.All)
            {
                var writer = new StreamWriter(Path.Combine(folder, CsvFileName(list)), append: false, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
                _writers[list] = writer;
                Write(writer, [.. shaper.Layout(list).Select(c => (object?)c.Header)]);
            }
        }

        public void Row(AnnexAList list, object?[] cells)
        {
            Write(_writers[list], cells);
            _counts[list]++;
        }

        private void Write(StreamWriter writer, object?[] cells)
        {
            _line.Clear();
            for (var i = 0; i < cells.Length; i++)
            {
                if (i > 0)
                {
                    _line.Append(',');
                }

                var text = cells[i] switch
                {
                    null => "",
                    DateOnly d => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
                    int n => n.ToString(CultureInfo.InvariantCulture),
                    double n => n.ToString("R", CultureInfo.InvariantCulture),
                    string s => s,
                    var other => throw new InvalidOperationException($"A generated cell holds a {other.GetType().Name}"),
                };
                if (text.AsSpan().IndexOfAny(",\"\n\r") >= 0)
                {
                    _line.Append('"').Append(text.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
                }
                else
                {
                    _line.Append(text);
                }
            }

            writer.WriteLine(_line);
        }

        public void Dispose()
        {
            foreach (var writer in _writers.Values)
            {
                writer.Dispose();
            }
        }
    }
}
