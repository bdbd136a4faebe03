using System.Globalization;
using System.Xml.Linq;
using Trellis.Core.Indicators;
using Trellis.Core.Indicators.Charts;

namespace Trellis.Core.Reports.Docx;

/// <summary>
/// An indicator's chart as a native Word line chart (a DrawingML chart part). Each series carries its values in
/// the part's number cache, which Word and LibreOffice draw from without recalculating; no workbook is embedded,
/// so "Edit data" in Word has nothing to open, and the numbers stay in the table beside the chart. The same
/// <see cref="ChartFrame"/> as the SVG chart, so both show the same lines.
/// </summary>
internal static class DocxChart
{
    private static readonly XNamespace C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
    private static readonly XNamespace A = "http://schemas.openxmlformats.org/drawingml/2006/main";
    private static readonly XNamespace R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    // Dash and marker as well as colour, as in the SVG, so a greyscale print still tells the lines apart.
    private static readonly (string Colour, string Dash, string Marker)[] ComparatorStyles =
    [
        ("505A5F", "dash", "square"),
        ("D53880", "sysDot", "triangle"),
        ("0B0C0C", "dashDot", "diamond"),
        ("6F72AF", "sysDash", "x"),
    ];

    private sealed record Series(string Name, IReadOnlyList<decimal?> Values, string Colour, string Dash, string Marker, decimal Width);

    /// <summary>The chart part's XML: categories are our periods; our line, the target and the comparators are series.</summary>
    public static string Xml(ChartInput input)
    {
        var frame = ChartFrame.Of(input);
        var categories = frame.Points.Select(p => p.Label).ToList();
        var series = SeriesOf(input, frame);
        var ticks = IndicatorChart.Ticks(frame.AllValues().ToList());
        var format = FormatCode(input.Unit);

        var lineChart = new XElement(C + "lineChart", Val("grouping", "standard"), Val("varyColors", "0"));
        for (var i = 0; i < series.Count; i++)
        {
            lineChart.Add(SeriesElement(series[i], i, categories, format));
        }

        lineChart.Add(Val("marker", "1"), Val("axId", "100"), Val("axId", "200"));

        var chartSpace = new XElement(
            C + "chartSpace",
            new XAttribute(XNamespace.Xmlns + "c", C),
            new XAttribute(XNamespace.Xmlns + "a", A),
            new XAttribute(XNamespace.Xmlns + "r", R),
            Val("date1904", "0"),
            Val("lang", "en-GB"),
            Val("roundedCorners", "0"),
            new XElement(
                C + "chart",
                new XElement(C + "title", new XElement(C + "tx", new XElement(C + "rich", new XElement(A + "bodyPr"), new XElement(A + "p", new XElement(A + "pPr", new XElement(A + "defRPr", new XAttribute("sz", "1200"), new XAttribute("b", "1"))), new XElement(A + "r", new XElement(A + "rPr", new XAttribute("lang", "en-GB"), new XAttribute("sz", "1200"), new XAttribute("b", "1")), new XElement(A + "t", ReportWords.Clean(input.Title)))))), Val("overlay", "0")),
                Val("autoTitleDeleted", "0"),
                new XElement(
                    C + "plotArea",
                    new XElement(C + "layout"),
                    lineChart,
                    new XElement(
                        C + "catAx",
                        Val("axId", "100"),
                        new XElement(C + "scaling", Val("orientation", "minMax")),
                        Val("delete", "0"),
                        Val("axPos", "b"),
                        Val("majorTickMark", "out"),
                        Val("minorTickMark", "none"),
                        Val("tickLblPos", "low"),
                        new XElement(C + "spPr", Line("505A5F", 12700, "solid")),
                        Val("crossAx", "200"),
                        Val("crosses", "autoZero"),
                        Val("auto", "1"),
                        Val("lblAlgn", "ctr"),
                        Val("lblOffset", "100"),
                        Val("noMultiLvlLbl", "0")),
                    new XElement(
                        C + "valAx",
                        Val("axId", "200"),
                        new XElement(C + "scaling", Val("orientation", "minMax"), Val("max", Number(ticks[^1])), Val("min", Number(ticks[0]))),
                        Val("delete", "0"),
                        Val("axPos", "l"),
                        new XElement(C + "majorGridlines", new XElement(C + "spPr", Line("B1B4B6", 9525, "solid"))),
                        new XElement(C + "numFmt", new XAttribute("formatCode", format), new XAttribute("sourceLinked", "0")),
                        Val("majorTickMark", "out"),
                        Val("minorTickMark", "none"),
                        Val("tickLblPos", "nextTo"),
                        new XElement(C + "spPr", Line("505A5F", 12700, "solid")),
                        Val("crossAx", "100"),
                        Val("crosses", "autoZero"),
                        Val("crossBetween", "between"),
                        Val("majorUnit", Number(ticks[1] - ticks[0])))),
                new XElement(C + "legend", Val("legendPos", "b"), Val("overlay", "0")),
                Val("plotVisOnly", "1"),
                Val("dispBlanksAs", "gap")));

        return new XDocument(new XDeclaration("1.0", "UTF-8", "yes"), chartSpace).Declaration + chartSpace.ToString(SaveOptions.DisableFormatting);
    }

    /// <summary>Our line, then the target (a line for a floor or ceiling, two edges for a range), then each comparator.</summary>
    private static List<Series> SeriesOf(ChartInput input, ChartFrame frame)
    {
        var count = frame.Points.Count;
        var list = new List<Series> { new(input.SeriesName, [.. frame.Points.Select(p => p.Value)], "1D70B8", "solid", "circle", 3m) };
        var line = Enumerable.Range(0, count).Select(i => frame.TargetAt(i) is { IsBand: false } t ? t.Line : (decimal?)null).ToList();
        var low = Enumerable.Range(0, count).Select(i => frame.TargetAt(i) is { IsBand: true } t ? t.Min : null).ToList();
        var high = Enumerable.Range(0, count).Select(i => frame.TargetAt(i) is { IsBand: true } t ? t.Max : null).ToList();
        var lineTexts = frame.Targets.Where(t => !t.IsBand).Select(t => t.Text).Distinct(StringComparer.Ordinal).ToList();
        if (line.Any(v => v is not null))
        {
            list.Add(new($"Target: {string.Join("; ", lineTexts)}", line, "00703C", "dash", "none", 2.25m));
        }

        if (low.Any(v => v is not null))
        {
            list.Add(new("Target range, lower end", low, "00703C", "dash", "none", 1.5m));
            list.Add(new("Target range, upper end", high, "00703C", "dash", "none", 1.5m));
        }

        for (var c = 0; c < frame.Comparators.Count; c++)
        {
            var comparator = frame.Comparators[c];
            var (colour, dash, marker) = ComparatorStyles[c % ComparatorStyles.Length];
            list.Add(comparator.Reference is { } level
                ? new($"{comparator.Name} ({comparator.ReferencePeriod})", [.. Enumerable.Repeat((decimal?)level, count)], colour, dash, "none", 2m)
                : new(comparator.Name, comparator.Values, colour, dash, marker, 2m));
        }

        return list;
    }

    private static XElement SeriesElement(Series series, int index, List<string> categories, string format)
    {
        var column = (char)('B' + index);
        var last = categories.Count + 1;
        var marker = series.Marker == "none"
            ? new XElement(C + "marker", Val("symbol", "none"))
            : new XElement(C + "marker", Val("symbol", series.Marker), Val("size", "7"), new XElement(C + "spPr", Fill(series.Marker == "circle" || series.Marker == "diamond" ? series.Colour : "FFFFFF"), Line(series.Colour, 19050, "solid")));
        return new XElement(
            C + "ser",
            Val("idx", Number(index)),
            Val("order", Number(index)),
            new XElement(C + "tx", new XElement(C + "strRef", new XElement(C + "f", $"Sheet1!${column}$1"), StringCache([ReportWords.Clean(series.Name)]))),
            new XElement(C + "spPr", Line(series.Colour, (int)(series.Width * 12700), series.Dash)),
            marker,
            new XElement(C + "cat", new XElement(C + "strRef", new XElement(C + "f", $"Sheet1!$A$2:$A${last}"), StringCache([.. categories.Select(ReportWords.Clean)]))),
            new XElement(
                C + "val",
                new XElement(
                    C + "numRef",
                    new XElement(C + "f", $"Sheet1!${column}$2:${column}${last}"),
                    new XElement(
                        C + "numCache",
                        new XElement(C + "formatCode", format),
                        Val("ptCount", Number(series.Values.Count)),
                        series.Values.Select((v, i) => v is { } value ? new XElement(C + "pt", new XAttribute("idx", Number(i)), new XElement(C + "v", Number(value))) : null)))),
            Val("smooth", "0"));
    }

    private static XElement StringCache(IReadOnlyList<string> values) => new(
        C + "strCache",
        Val("ptCount", Number(values.Count)),
        values.Select((v, i) => new XElement(C + "pt", new XAttribute("idx", Number(i)), new XElement(C + "v", v))));

    private static XElement Line(string colour, int width, string dash) => new(
        A + "ln",
        new XAttribute("w", Number(width)),
        new XAttribute("cap", "rnd"),
        Fill(colour),
        new XElement(A + "prstDash", new XAttribute("val", dash)),
        new XElement(A + "round"));

    private static XElement Fill(string colour) => new(A + "solidFill", new XElement(A + "srgbClr", new XAttribute("val", colour)));

    private static XElement Val(string name, string value) => new(C + name, new XAttribute("val", value));

    /// <summary>Values are stored as the figures shown (76 for 76%), so the format adds the sign rather than scaling.</summary>
    private static string FormatCode(IndicatorUnit unit) => unit switch
    {
        IndicatorUnit.Percent => "0\"%\"",
        IndicatorUnit.RatePer10k => "0.0",
        IndicatorUnit.Count => "#,##0",
        _ => "General",
    };

    private static string Number(decimal value) => value.ToString("0.############", CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
