using Trellis.Testing;
using Trellis.Web.Tests.Infrastructure;

namespace Trellis.Web.Tests.Browser;

/// <summary>The HTML report (every layout) and its download page pass axe's WCAG 2.2 AA rules in a real browser.</summary>
public sealed class ReportAccessibilityTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task HtmlReport_EveryLayout_HasNoAxeViolations()
    {
        var roundId = await RoundData.OpenRoundAsync(app.Factory);
        var page = await app.Browser.NewPageAsync(new() { BypassCSP = true });
        var violations = new List<string>();
        foreach (var layout in new[] { "Plan", "Table", "Exceptions", "Committee" })
        {
            var response = await page.GotoAsync($"{app.BaseUrl}/rounds/{roundId}/report/view?layout={layout}");
            Assert.True(response?.Ok, $"{layout}: {response?.Status}");
            Assert.Equal(1, await page.Locator("h1").CountAsync());
            violations.AddRange((await BrowserFixture.AxeViolationsAsync(page)).Select(v => $"{layout}: {v}"));
        }

        await page.GotoAsync($"{app.BaseUrl}/rounds/{roundId}/report");
        violations.AddRange((await BrowserFixture.AxeViolationsAsync(page)).Select(v => $"download page: {v}"));

        Assert.Empty(violations);
    }
}
