using Trellis.Testing;

namespace Trellis.Web.Tests.Browser;

/// <summary>
/// The content security policy allows no inline script or style. Chromium, with the policy enforced, visits every page
/// the administrator can reach in the demo council; any page that breaks the policy (a style attribute, an inline
/// script, something from another site) would be drawn differently from what we wrote, so it fails the test.
/// </summary>
public sealed class ContentSecurityPolicyTests : IClassFixture<BrowserFixture>
{
    private readonly BrowserFixture _app;

    public ContentSecurityPolicyTests(BrowserFixture app)
    {
        _app = app;
        _app.Factory.SignedInAs.Email = Trellis.Web.Tests.Infrastructure.TrellisWebFactory.Administrator;
    }

    [BrowserFact]
    public async Task EveryPage_TheAdministratorReaches_KeepsToThePolicy()
    {
        var context = await _app.Browser.NewContextAsync();
        await context.AddInitScriptAsync(SiteCrawler.ViolationRecorder);
        var page = await context.NewPageAsync();
        var console = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                console.Add($"{page.Url}: {message.Text}");
            }
        };

        var violations = new List<string>();
        var broken = new List<string>();
        var pages = await SiteCrawler.CrawlAsync(page, _app.BaseUrl, SiteCrawler.Starts, async (path, response) =>
        {
            if (response is { Status: >= 500 })
            {
                broken.Add($"{path}: {response.Status}");
            }

            violations.AddRange((await SiteCrawler.ViolationsAsync(page)).Select(v => $"{path}: {v}"));
        });

        Assert.True(pages > 60, $"Only {pages} pages were reached from the home page");
        Assert.True(violations.Count == 0 && console.Count == 0, "Content policy violations:\n" + string.Join("\n", violations.Concat(console).Distinct()));
        Assert.Empty(broken);
        await context.CloseAsync();
    }

    [BrowserFact]
    public async Task TheCheck_SeesAnInlineStyle_TheWayItWouldSeeOneInAPage()
    {
        var context = await _app.Browser.NewContextAsync();
        await context.AddInitScriptAsync(SiteCrawler.ViolationRecorder);
        var page = await context.NewPageAsync();
        await page.GotoAsync(_app.BaseUrl + "/plans");
        Assert.Empty(await SiteCrawler.ViolationsAsync(page));

        await page.EvaluateAsync("() => { const s = document.createElement('style'); s.textContent = 'body { color: red }'; document.head.appendChild(s); }");
        await page.WaitForFunctionAsync("() => window.__csp.length > 0", null, new() { Timeout = 5000 });
        Assert.Contains("style-src", (await SiteCrawler.ViolationsAsync(page))[0], StringComparison.Ordinal);
        await context.CloseAsync();
    }
}
