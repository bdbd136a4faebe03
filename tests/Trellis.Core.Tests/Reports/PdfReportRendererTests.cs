using Microsoft.Extensions.Options;
using Trellis.Core.Data;
using Trellis.Core.Reports;
using Trellis.Core.Reports.Html;
using Trellis.Testing;
using UglyToad.PdfPig;

namespace Trellis.Core.Tests.Reports;

public class PdfReportRendererTests
{
    [BrowserFact]
    public async Task Render_MakesATaggedPdfWithTheReportsText()
    {
        var renderer = Renderer(TestEnvironment.Chromium ?? "chromium");
        using var output = new MemoryStream();

        await renderer.RenderAsync(SampleReport.Create(), ReportLayout.Plan, output, CancellationToken.None);

        using var pdf = PdfDocument.Open(output.ToArray());
        var text = string.Join('\n', pdf.GetPages().Select(p => p.Text));
        Assert.Contains("Children's Services Improvement Plan 2026-27", text, StringComparison.Ordinal);
        Assert.Contains("Area 1: Improve the timeliness of contacts at the front door", text, StringComparison.Ordinal);
        Assert.Contains("Recruit four MASH social workers", text, StringComparison.Ordinal);
        Assert.Contains("Indicator scorecard", text, StringComparison.Ordinal);
        var catalog = pdf.Structure.Catalog.CatalogDictionary.Data;
        Assert.True(catalog.ContainsKey("StructTreeRoot") || catalog.ContainsKey("MarkInfo"), "the PDF is not tagged");
        Assert.True(catalog.ContainsKey("Lang"), "the PDF has no language");
        Assert.True(pdf.NumberOfPages >= 3, $"{pdf.NumberOfPages} pages: the title page and each area start a new page");
    }

    [Fact]
    public async Task Render_WithoutChromium_SaysSoPlainly()
    {
        var renderer = Renderer(Path.Combine(Path.GetTempPath(), "no-such-folder", "chromium"));

        var error = await Assert.ThrowsAsync<ReportUnavailableException>(() =>
            renderer.RenderAsync(SampleReport.Create(), ReportLayout.Plan, Stream.Null, CancellationToken.None));

        Assert.Equal(PdfReportRenderer.Unavailable, error.Message);
        Assert.False(renderer.IsAvailable);
    }

    private static PdfReportRenderer Renderer(string chromium) =>
        new(Options.Create(new TrellisOptions { Reports = new ReportOptions { ChromiumPath = chromium } }));
}
