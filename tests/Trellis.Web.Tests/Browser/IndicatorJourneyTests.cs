using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Trellis.Core.Data;
using Trellis.Testing;

namespace Trellis.Web.Tests.Browser;

/// <summary>From the plan overview to an indicator and its definition in headless Chromium on the demo plan, with axe checks.</summary>
public sealed class IndicatorJourneyTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task OverviewListFilterIndicatorAndEditDefinition()
    {
        int planId;
        using (var scope = app.Factory.Services.CreateScope())
        {
            planId = await scope.ServiceProvider.GetRequiredService<TrellisDbContext>().Plans.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
        }

        var failures = new List<string>();
        var page = await app.Browser.NewPageAsync(new() { BypassCSP = true });
        async Task Axe(string where) => failures.AddRange((await BrowserFixture.AxeViolationsAsync(page)).Select(v => $"{where}: {v}"));

        await page.GotoAsync($"{app.BaseUrl}/plans/{planId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Indicators", Exact = true }).ClickAsync();
        Assert.Equal("Indicators", (await page.Locator("h1").InnerTextAsync()).Trim());
        var all = await page.Locator("#indicators tbody tr").CountAsync();
        Assert.True(all > 1);
        await Axe("indicators");

        await page.GetByLabel("Area").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        Assert.Contains("area=", page.Url, StringComparison.Ordinal);
        var filtered = await page.Locator("#indicators tbody tr").CountAsync();
        Assert.InRange(filtered, 1, all - 1);
        await Axe("indicators filtered");

        var first = page.Locator("#indicators tbody tr a").First;
        var name = (await first.InnerTextAsync()).Trim();
        await first.ClickAsync();
        Assert.Equal(name, (await page.Locator("h1").InnerTextAsync()).Trim());
        Assert.True(await page.Locator("#judgement").IsVisibleAsync());
        Assert.True(await page.Locator("#periods tbody tr").CountAsync() > 0);
        await Axe("indicator");

        await page.GetByRole(AriaRole.Link, new() { Name = "Edit definition" }).ClickAsync();
        await Axe("edit definition");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(name + " (checked)");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        Assert.Equal(name + " (checked)", (await page.Locator("h1").InnerTextAsync()).Trim());
        Assert.Contains("Indicator saved", await page.Locator("#notice").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(failures);
    }
}
