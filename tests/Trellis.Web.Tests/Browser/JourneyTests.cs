using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Trellis.Core.Data;
using Trellis.Testing;

namespace Trellis.Web.Tests.Browser;

/// <summary>Journeys and accessibility checks in real headless Chromium against the demo council.</summary>
public sealed class JourneyTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task AddAction_DueQ3FinancialYear_IsListedAsDueBy31Dec2026()
    {
        var page = await app.Browser.NewPageAsync(new() { BypassCSP = true });
        await page.GotoAsync(app.BaseUrl + "/plans");
        await page.Locator("main table a").First.ClickAsync();
        Assert.Contains("Castlebridge", await page.Locator(".govuk-generic-header").InnerTextAsync(), StringComparison.Ordinal);

        await page.Locator("#areas ~ table a").First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Add an action" }).ClickAsync();
        await page.GetByLabel("Reference").FillAsync("9.9");
        await page.GetByLabel("Action", new() { Exact = true }).FillAsync("Pilot the new audit tool with two teams");
        await page.GetByLabel("Target date").FillAsync("Q3 2026/27");
        await page.GetByLabel("By whom").FillAsync("Chair of the audit group");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        var understood = await page.Locator("#understood-due").InnerTextAsync();
        Assert.Contains("by 31 Dec 2026", understood, StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save action" }).ClickAsync();

        var row = page.Locator("tr", new() { HasText = "Pilot the new audit tool with two teams" });
        Assert.Equal(1, await row.CountAsync());
        var text = await row.InnerTextAsync();
        Assert.Contains("Q3 2026/27", text, StringComparison.Ordinal);
        Assert.Contains("by 31 Dec 2026", text, StringComparison.Ordinal);
        Assert.Contains("Chair of the audit group", text, StringComparison.Ordinal);
    }

    [BrowserFact]
    public async Task EveryPage_HasNoWcagViolations()
    {
        var failures = new List<string>();
        var page = await app.Browser.NewPageAsync(new() { BypassCSP = true });
        foreach (var url in await EveryPageAsync())
        {
            var response = await page.GotoAsync(app.BaseUrl + url);
            Assert.True(response is { Ok: true }, $"GET {url} answered {response?.Status}");
            failures.AddRange((await BrowserFixture.AxeViolationsAsync(page)).Select(v => $"{url}: {v}"));
        }

        Assert.Empty(failures);
    }

    [BrowserFact]
    public async Task FormWithErrors_HasNoWcagViolations_AndFocusesTheSummary()
    {
        var page = await app.Browser.NewPageAsync(new() { BypassCSP = true });
        await page.GotoAsync(app.BaseUrl + "/plans/new");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add plan" }).ClickAsync();
        Assert.Equal("There is a problem", (await page.Locator(".govuk-error-summary__title").InnerTextAsync()).Trim());
        Assert.Equal("govuk-error-summary", await page.EvaluateAsync<string>("() => document.activeElement.closest('.govuk-error-summary')?.className ?? ''"));
        Assert.Empty(await BrowserFixture.AxeViolationsAsync(page));
    }

    [BrowserFact]
    public async Task Pages_AreStyled_WithGovUkFrontend()
    {
        var page = await app.Browser.NewPageAsync(new() { BypassCSP = true });
        await page.GotoAsync(app.BaseUrl + "/plans");
        var font = await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('h1')).fontFamily");
        var size = await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('h1')).fontSize");
        Assert.Contains("arial", font, StringComparison.OrdinalIgnoreCase);
        Assert.NotEqual("32px", size); // unstyled browser default for h1
        Assert.Equal("true", await page.EvaluateAsync<string>("() => String(document.body.classList.contains('govuk-frontend-supported'))"));
    }

    /// <summary>Every page a user can reach in the demo plan, with real ids from the database.</summary>
    private async Task<List<string>> EveryPageAsync()
    {
        using var scope = app.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
        var plan = await db.Plans.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
        var area = await db.Areas.Where(a => a.PlanId == plan).OrderBy(a => a.SortOrder).Select(a => a.Id).FirstAsync();
        var action = await db.Actions.Where(a => a.AreaId == area).OrderBy(a => a.SortOrder).Select(a => a.Id).FirstAsync();
        var theme = await db.Themes.Where(t => t.PlanId == plan).Select(t => t.Id).FirstAsync();
        var person = await db.People.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
        var milestone = await db.Milestones.OrderBy(m => m.Id).Select(m => (int?)m.Id).FirstOrDefaultAsync();
        var pages = new List<string>
        {
            "/", "/plans", "/plans/new", $"/plans/{plan}", $"/plans/{plan}/actions", $"/plans/{plan}/actions?when=overdue", $"/plans/{plan}/edit", $"/plans/{plan}/delete",
            $"/plans/{plan}/ratings/progress", $"/plans/{plan}/ratings/impact", $"/plans/{plan}/inspection", "/error/404",
            $"/plans/{plan}/areas/new", $"/plans/{plan}/areas/{area}", $"/plans/{plan}/areas/{area}/edit", $"/plans/{plan}/areas/{area}/delete",
            $"/plans/{plan}/areas/{area}/actions/new", $"/plans/{plan}/actions/{action}/edit", $"/plans/{plan}/actions/{action}/delete",
            $"/plans/{plan}/actions/{action}/milestones/new",
            $"/plans/{plan}/themes/new", $"/plans/{plan}/themes/{theme}/edit", $"/plans/{plan}/themes/{theme}/delete",
            "/people", "/people/new", $"/plans/{plan}/people", $"/plans/{plan}/people/new",
            $"/people/{person}", $"/people/{person}/edit", $"/people/{person}/delete",
            "/my-actions", "/accounts", "/accounts/new", $"/accounts/{await db.Users.OrderBy(u => u.Email).Select(u => u.Id).FirstAsync()}",
            $"/plans/{plan}/history", $"/plans/{plan}/actions/{action}/history", "/reminders",
        };
        if (milestone is not null)
        {
            pages.Add($"/plans/{plan}/milestones/{milestone}/edit");
            pages.Add($"/plans/{plan}/milestones/{milestone}/delete");
        }

        return pages;
    }
}
