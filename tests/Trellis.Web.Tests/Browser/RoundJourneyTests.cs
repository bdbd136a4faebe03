using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Trellis.Core.Data;
using Trellis.Core.Plans;
using Trellis.Testing;

namespace Trellis.Web.Tests.Browser;

/// <summary>A whole monitoring round in headless Chromium on the demo plan, with axe checks on each page.</summary>
public sealed class RoundJourneyTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task OpenUpdateRateAndClose_ARound()
    {
        var (planId, actionId, areaId, amber) = await DemoAsync();
        var failures = new List<string>();
        var page = await app.Browser.NewPageAsync(new() { BypassCSP = true });
        async Task Axe(string where) => failures.AddRange((await BrowserFixture.AxeViolationsAsync(page)).Select(v => $"{where}: {v}"));

        await page.GotoAsync($"{app.BaseUrl}/plans/{planId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Rounds", Exact = true }).ClickAsync();
        await Axe("rounds");
        // The demo's current quarter is open, and only one round is open at a time: close it first.
        if (await page.GetByRole(AriaRole.Link, new() { Name = "Open the next round" }).CountAsync() == 0)
        {
            await page.Locator("main tbody a[href^='/rounds/']").First.ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Close this round" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Close the round" }).ClickAsync();
            await page.GotoAsync($"{app.BaseUrl}/plans/{planId}/rounds");
        }

        await page.GetByRole(AriaRole.Link, new() { Name = "Open the next round" }).ClickAsync();
        await Axe("open");
        await page.GetByRole(AriaRole.Button, new() { Name = "Open the round" }).ClickAsync();
        Assert.StartsWith("Round ", (await page.Locator("h1").InnerTextAsync()).Trim(), StringComparison.Ordinal);
        var dashboard = page.Url;
        await Axe("dashboard");

        await page.GotoAsync($"{dashboard}/actions/{actionId}");
        Assert.Contains("Suggested rating", await page.Locator("#suggestion").InnerTextAsync(), StringComparison.Ordinal);
        await Axe("update");
        await page.Locator($"input[name='Form.RagCode'][value='{amber}']").CheckAsync();
        await page.GetByLabel("Update", new() { Exact = true }).FillAsync("Half the audits are done");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save update" }).ClickAsync();
        Assert.Contains("Explain why the rating differs from the suggested", await page.Locator(".govuk-error-summary").InnerTextAsync(), StringComparison.Ordinal);
        await Axe("update with errors");
        await page.GetByLabel("Why the rating differs from the suggestion").FillAsync("The board agreed a new date");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save update" }).ClickAsync();
        Assert.Contains("Differs from the suggested", await page.Locator($"#action-{actionId}").InnerTextAsync(), StringComparison.Ordinal);

        await page.GotoAsync($"{dashboard}/areas/{areaId}");
        await Axe("rate area");
        await page.Locator("input[name='Form.ProgressRag']").First.CheckAsync();
        await page.Locator("input[name='Form.ImpactRag']").First.CheckAsync();
        await page.GetByLabel("Data and commentary").FillAsync("- Contacts decided within a day: 93%\n- **Better** than last quarter");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save ratings" }).ClickAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Close this round" }).ClickAsync();
        await Axe("close");
        await page.GetByRole(AriaRole.Button, new() { Name = "Close the round" }).ClickAsync();
        Assert.True(await page.Locator("#closed-message").IsVisibleAsync());
        Assert.Equal(0, await page.Locator("a[href*='/actions/']").CountAsync());
        await Axe("closed dashboard");

        await page.GotoAsync($"{app.BaseUrl}/plans/{planId}/rounds");
        Assert.Contains("Closed", await page.Locator("main tbody tr").First.InnerTextAsync(), StringComparison.Ordinal);
        await Axe("rounds with a closed round");
        await page.GotoAsync($"{app.BaseUrl}/plans/{planId}/rounds/changes");
        await Axe("what changed");
        Assert.Empty(failures);
    }

    /// <summary>The demo plan, an overdue open action in it (the rules suggest Red) and the plan's amber rating.</summary>
    private async Task<(int PlanId, int ActionId, int AreaId, string Amber)> DemoAsync()
    {
        using var scope = app.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
        var today = DateOnly.FromDateTime(TrellisWebFactoryNow.UtcDateTime);
        var plan = await db.Plans.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
        var action = await db.Actions.Where(a => a.Area.PlanId == plan && a.Due.Date < today
                && a.Status != ActionStatus.Complete && a.Status != ActionStatus.Dropped)
            .OrderBy(a => a.Area.SortOrder).ThenBy(a => a.SortOrder).Select(a => new { a.Id, a.AreaId }).FirstAsync();
        var amber = await db.RagRatings.Where(r => r.PlanId == plan && r.Scale == RagScale.Progress && r.Colour == RagColour.Amber).Select(r => r.Code).FirstAsync();
        return (plan, action.Id, action.AreaId, amber);
    }

    private static DateTimeOffset TrellisWebFactoryNow => Infrastructure.TrellisWebFactory.DefaultNow;
}
