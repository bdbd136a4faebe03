using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using Trellis.Core.Reports;
using Trellis.Core.Reports.Docx;
using Trellis.Core.Reports.Html;
using C = DocumentFormat.OpenXml.Drawing.Charts;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;

namespace Trellis.Core.Tests.Reports;

/// <summary>The indicator charts in the board reports, read back: the SVG in the HTML, and Word's own chart parts against the report model.</summary>
public class ReportChartTests
{
    private static async Task<MemoryStream> DocxAsync(BoardReport report, ReportLayout layout)
    {
        var output = new MemoryStream();
        await new DocxReportRenderer().RenderAsync(report, layout, output, CancellationToken.None);
        output.Position = 0;
        return output;
    }

    [Fact]
    public void Html_Committee_HasAnAccessibleChartPerIndicatorWithNumbers()
    {
        var report = ReportSamples.Lewisham();
        var document = HtmlOutline.Parse(HtmlReportRenderer.Render(report, ReportLayout.Committee));

        var charts = document.QuerySelectorAll("figure svg[role=img]").ToList();
        Assert.Equal(report.Indicators.Count, charts.Count);
        Assert.Equal(charts.Count, charts.Select(c => c.GetAttribute("aria-labelledby")).Distinct(StringComparer.Ordinal).Count());
        var first = charts[0];
        Assert.Contains("14 points below the target of at least 90%", first.QuerySelector("desc")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(first.QuerySelectorAll("text"), t => t.TextContent == "England");
        Assert.Contains(first.QuerySelectorAll("text"), t => t.TextContent == "Statistical neighbours (2014/15): 83%");
        Assert.Single(charts[1].QuerySelectorAll("rect[data-target=band]"));
    }

    [Fact]
    public void Html_Plan_AreaSectionChartsItsLinkedIndicators()
    {
        var report = ReportSamples.Lewisham();
        var document = HtmlOutline.Parse(HtmlReportRenderer.Render(report, ReportLayout.Plan));

        var ids = document.QuerySelectorAll("svg[role=img] title").Select(t => t.Id).ToList();
        Assert.Equal(["area-1-chart-1-title", "area-1-chart-2-title", "area-3-chart-1-title"], ids);
    }

    [Theory]
    [InlineData(ReportLayout.Committee)]
    [InlineData(ReportLayout.Plan)]
    public async Task Docx_HasAChartPartPerIndicatorWithTheModelsSeriesAndValues(ReportLayout layout)
    {
        var report = ReportSamples.Lewisham();
        using var docx = await DocxAsync(report, layout);
        using var document = WordprocessingDocument.Open(docx, false);
        var main = document.MainDocumentPart!;

        var inlines = main.Document!.Body!.Descendants<DW.Inline>().ToList();
        Assert.Equal(report.Indicators.Count, inlines.Count);
        for (var i = 0; i < inlines.Count; i++)
        {
            var indicator = report.Indicators[i];
            var properties = inlines[i].GetFirstChild<DW.DocProperties>()!;
            Assert.Equal($"Chart: {indicator.Name}", properties.Title?.Value);
            Assert.Contains(indicator.Values.Last(v => v.Value is not null).Display, properties.Description?.Value, StringComparison.Ordinal);

            var id = inlines[i].Descendants<C.ChartReference>().Single().Id!.Value!;
            var chart = ((ChartPart)main.GetPartById(id)).ChartSpace!;
            var series = chart.Descendants<C.LineChartSeries>().ToList();
            Assert.Equal("Our figure", series[0].SeriesText!.Descendants<C.NumericValue>().Single().Text);
            var categories = series[0].GetFirstChild<C.CategoryAxisData>()!.Descendants<C.StringPoint>().Select(p => p.NumericValue!.Text).ToList();
            Assert.Equal(indicator.Values.Select(v => v.Period), categories);
            var cached = series[0].GetFirstChild<C.Values>()!.Descendants<C.NumericPoint>()
                .ToDictionary(p => (int)p.Index!.Value, p => decimal.Parse(p.NumericValue!.Text, CultureInfo.InvariantCulture));
            Assert.Equal(
                indicator.Values.Select((v, n) => (v.Value, n)).Where(x => x.Value is not null).ToDictionary(x => x.n, x => x.Value!.Value),
                cached);
        }

        var names = ((ChartPart)main.GetPartById(inlines[0].Descendants<C.ChartReference>().Single().Id!.Value!)).ChartSpace!
            .Descendants<C.LineChartSeries>().Select(s => s.SeriesText!.Descendants<C.NumericValue>().Single().Text).ToList();
        Assert.Equal(["Our figure", "Target: 90%", "Statistical neighbours (2014/15)", "England"], names);
        Assert.Equal(report.Indicators.Count, main.ChartParts.Count());
        Assert.Equal(Enumerable.Range(1, inlines.Count).Select(n => $"/word/charts/chart{n}.xml"), main.ChartParts.Select(p => p.Uri.ToString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Docx_RangeTarget_IsTwoEdgesAndAGapIsLeftOut()
    {
        var report = ReportSamples.Lewisham();
        using var docx = await DocxAsync(report, ReportLayout.Committee);
        using var document = WordprocessingDocument.Open(docx, false);
        var charts = document.MainDocumentPart!.Document!.Body!.Descendants<C.ChartReference>()
            .Select(r => ((ChartPart)document.MainDocumentPart.GetPartById(r.Id!.Value!)).ChartSpace!).ToList();

        var range = charts[1].Descendants<C.LineChartSeries>().ToList();
        Assert.Equal(["Our figure", "Target range, lower end", "Target range, upper end"], range.Select(s => s.SeriesText!.Descendants<C.NumericValue>().Single().Text));
        Assert.Equal(C.DisplayBlanksAsValues.Gap, charts[2].Descendants<C.DisplayBlanksAs>().Single().Val!.Value);
        var lac = charts[2].Descendants<C.LineChartSeries>().First().GetFirstChild<C.Values>()!.Descendants<C.NumericPoint>().Select(p => p.Index!.Value);
        Assert.Equal([0u, 1u, 3u, 4u], lac);
        Assert.Equal("Target: No more than 16%", charts[2].Descendants<C.LineChartSeries>().ElementAt(1).SeriesText!.Descendants<C.NumericValue>().Single().Text);
    }

    [Fact]
    public void Snapshot_WithoutChartFields_StillReadsAndCharts()
    {
        // A snapshot written before charts: no period starts, comparator starts or target spans.
        var json = ReportJson.Serialize(ReportSamples.Lewisham());
        var old = System.Text.RegularExpressions.Regex.Replace(json, ",\"start\":\"[0-9-]+\"|,\"targetSpans\":\\[[^\\]]*\\]", string.Empty);
        Assert.DoesNotContain("targetSpans", old, StringComparison.Ordinal);

        var report = ReportJson.Deserialize(old);

        Assert.All(report.Indicators.SelectMany(i => i.Values), v => Assert.Null(v.Start));
        var document = HtmlOutline.Parse(HtmlReportRenderer.Render(report, ReportLayout.Committee));
        Assert.Contains("14 points below the target of at least 90%", document.QuerySelector("svg desc")!.TextContent, StringComparison.Ordinal);
    }
}
