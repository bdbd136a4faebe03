using System.Text;
using Trellis.Core.Reports;
using Trellis.Core.Reports.Html;

namespace Trellis.Core.Tests.Reports;

public class HtmlReportRendererTests
{
    private static readonly string[] Scopes = ["col", "row", "rowgroup"];

    public static TheoryData<ReportLayout> Layouts => [ReportLayout.Plan, ReportLayout.Table, ReportLayout.Exceptions, ReportLayout.Committee];

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Render_ReadsBackAsExpected(ReportLayout layout)
    {
        var html = HtmlReportRenderer.Render(SampleReport.Create(), layout);

        HtmlOutline.AssertMatches($"html-{layout.ToString().ToLowerInvariant()}", HtmlOutline.Extract(html));
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Render_IsOneAccessibleStandaloneDocument(ReportLayout layout)
    {
        var html = HtmlReportRenderer.Render(SampleReport.Create(), layout);
        var document = HtmlOutline.Parse(html);

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Equal("en-GB", document.DocumentElement.GetAttribute("lang"));
        Assert.False(string.IsNullOrWhiteSpace(document.Title));
        Assert.Single(document.QuerySelectorAll("h1"));
        Assert.Empty(document.QuerySelectorAll("script, link, img, iframe, object"));
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
        Assert.All(document.QuerySelectorAll("table"), t => Assert.NotNull(t.QuerySelector(":scope > caption")));
        Assert.All(document.QuerySelectorAll("th"), th => Assert.Contains(th.GetAttribute("scope"), Scopes));
        Assert.All(document.QuerySelectorAll(".rag"), r => Assert.False(string.IsNullOrWhiteSpace(r.TextContent)));
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Render_EncodesEveryUserString(ReportLayout layout)
    {
        var html = HtmlReportRenderer.Render(SampleReport.Create(), layout);

        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Contains(SampleReport.Hostile, HtmlOutline.Parse(html).Body!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public async Task Render_SameReportGivesTheSameBytes(ReportLayout layout)
    {
        var renderer = new HtmlReportRenderer();
        using var first = new MemoryStream();
        using var second = new MemoryStream();

        await renderer.RenderAsync(SampleReport.Create(), layout, first, CancellationToken.None);
        await renderer.RenderAsync(ReportJson.Deserialize(ReportJson.Serialize(SampleReport.Create())), layout, second, CancellationToken.None);

        Assert.Equal(first.ToArray(), second.ToArray());
        Assert.False(Encoding.UTF8.GetString(first.ToArray()).StartsWith('\uFEFF'));
    }

    [Fact]
    public void Exceptions_WithNothingToReport_SaysNoExceptions()
    {
        var html = HtmlReportRenderer.Render(SampleReport.Create(withExceptions: false), ReportLayout.Exceptions);
        var document = HtmlOutline.Parse(html);

        Assert.Contains(document.QuerySelectorAll("h2"), h => h.TextContent == "No exceptions");
        Assert.DoesNotContain(document.QuerySelectorAll("h2"), h => h.TextContent.StartsWith("Area ", StringComparison.Ordinal));
    }

    [Fact]
    public void Plan_OpenRound_SaysDraft()
    {
        var report = SampleReport.Create() with { Round = SampleReport.Create().Round with { IsFinal = false } };

        var text = HtmlOutline.Parse(HtmlReportRenderer.Render(report, ReportLayout.Plan)).Body!.TextContent;

        Assert.Contains("Draft: round open", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Final:", text, StringComparison.Ordinal);
    }
}
