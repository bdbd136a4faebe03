using System.Net;
using AngleSharp.Html.Parser;
using Trellis.Testing;
using Trellis.Web.Tests.Infrastructure;

namespace Trellis.Web.Tests.Pages.Reports;

public class DownloadReportTests : IDisposable
{
    private readonly TrellisWebFactory _factory = new();
    private readonly PageClient _client;

    public DownloadReportTests() => _client = new PageClient(_factory);

    public void Dispose()
    {
        _factory.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Get_OffersEveryLayoutAndTheFormats()
    {
        var roundId = await RoundData.OpenRoundAsync(_factory);

        var page = await _client.GetAsync($"/rounds/{roundId}/report");

        Assert.Equal("Board report for 2026/27 Q3", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(["Plan", "Table", "Exceptions", "Committee"], page.QuerySelectorAll("input[name=Layout]").Select(i => i.GetAttribute("value")));
        var formats = page.QuerySelectorAll("input[name=Format]").Select(i => i.GetAttribute("value")).ToList();
        Assert.Contains("Html", formats);
        Assert.Contains("Pdf", formats);
        Assert.Contains("draft", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(4, page.QuerySelectorAll("#view-links a").Length);
    }

    [Fact]
    public async Task Download_Html_IsTheReportAsAFile()
    {
        var roundId = await RoundData.OpenRoundAsync(_factory, "Posts <b>filled</b> & advertised");

        var response = await _client.Http.GetAsync($"/rounds/{roundId}/report/download?Layout=Plan&Format=Html");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("castlebridge-improvement-plan-2026-27-Q3-plan.html", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var report = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal("en-GB", report.DocumentElement.GetAttribute("lang"));
        Assert.Single(report.QuerySelectorAll("h1"));
        Assert.Contains(report.QuerySelectorAll("h2"), h => h.TextContent.StartsWith("Area 1: ", StringComparison.Ordinal));
        Assert.Contains("Castlebridge Borough Council", report.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Posts <b>filled</b> & advertised", report.Body.TextContent, StringComparison.Ordinal);
        Assert.Empty(report.QuerySelectorAll("b"));
        Assert.Contains(report.QuerySelectorAll("td.rag"), td => td.TextContent.Length > 0);
    }

    [Fact]
    public async Task View_ShowsTheHtmlReportInTheBrowser()
    {
        var roundId = await RoundData.OpenRoundAsync(_factory);

        var response = await _client.Http.GetAsync($"/rounds/{roundId}/report/view?layout=Exceptions");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Content.Headers.ContentDisposition);
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        var report = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.EndsWith(": exceptions", report.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Download_PdfWithoutChromium_ShowsThePlainMessageAndKeepsTheOtherFormats()
    {
        using var factory = _factory.WithWebHostBuilder(b => b.UseSetting("Trellis:Reports:ChromiumPath", Path.Combine(Path.GetTempPath(), "no-such-folder", "chromium")));
        var client = new PageClient(factory);
        var roundId = await RoundData.OpenRoundAsync(_factory);

        var page = await client.GetAsync($"/rounds/{roundId}/report/download?Layout=Plan&Format=Pdf", HttpStatusCode.BadRequest);

        var errors = page.QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal([Trellis.Core.Reports.Html.PdfReportRenderer.Unavailable], errors);
        Assert.StartsWith("Error:", page.Title, StringComparison.Ordinal);
        var formats = page.QuerySelectorAll("input[name=Format]").Select(i => i.GetAttribute("value")).ToList();
        Assert.Contains("Html", formats);
        Assert.NotNull(page.QuerySelector("#Format-error"));
    }

    [Fact]
    public async Task Download_NoFormatAndAnUnknownLayout_ShowsErrors()
    {
        var roundId = await RoundData.OpenRoundAsync(_factory);

        var page = await _client.GetAsync($"/rounds/{roundId}/report/download?Layout=Bogus", HttpStatusCode.BadRequest);

        Assert.Equal(
            ["Select a layout for the report", "Select a format for the report"],
            page.QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.TextContent.Trim()));
    }

    [BrowserFact]
    public async Task Download_Pdf_IsATaggedPdf()
    {
        using var factory = _factory.WithWebHostBuilder(b => b.UseSetting("Trellis:Reports:ChromiumPath", TestEnvironment.Chromium));
        var client = new PageClient(factory);
        var roundId = await RoundData.OpenRoundAsync(_factory);

        var response = await client.Http.GetAsync($"/rounds/{roundId}/report/download?Layout=Exceptions&Format=Pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("Castlebridge Borough Council", string.Join('\n', pdf.GetPages().Select(p => p.Text)), StringComparison.Ordinal);
        Assert.True(pdf.Structure.Catalog.CatalogDictionary.Data.ContainsKey("StructTreeRoot"));
    }

    [Fact]
    public async Task Get_AnotherOrganisationsRound_IsNotFound()
    {
        var roundId = await RoundData.OpenRoundAsync(_factory);

        await _client.GetAsync($"/rounds/{roundId + 1000}/report", HttpStatusCode.NotFound);
        var missing = await _client.Http.GetAsync($"/rounds/{roundId + 1000}/report/download?Layout=Plan&Format=Html");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
