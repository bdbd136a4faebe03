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

    [BrowserFact]
    public async Task AddAValueThenImportAPastedTable()
    {
        int planId;
        string name;
        using (var scope = app.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
            planId = await db.Plans.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
            name = await db.Indicators.Where(i => i.PlanId == planId && i.Unit == Core.Indicators.IndicatorUnit.Percent).OrderBy(i => i.SortOrder).Select(i => i.Name).FirstAsync();
        }

        var failures = new List<string>();
        var page = await app.Browser.NewPageAsync(new() { BypassCSP = true });
        async Task Axe(string where) => failures.AddRange((await BrowserFixture.AxeViolationsAsync(page)).Select(v => $"{where}: {v}"));

        await page.GotoAsync($"{app.BaseUrl}/plans/{planId}/indicators");
        await page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a value" }).ClickAsync();
        await Axe("add a value");

        // A value that is neither a number nor words for a missing one is refused, naming the field.
        await page.GetByLabel("Period").FillAsync("Jan 2020");
        await page.GetByLabel("Value", new() { Exact = true }).FillAsync("lots");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save value" }).ClickAsync();
        Assert.True(await page.Locator(".govuk-error-summary").IsVisibleAsync());
        await Axe("add a value with an error");

        await page.GetByLabel("Value", new() { Exact = true }).FillAsync("61.5%");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save value" }).ClickAsync();
        Assert.Equal(name, (await page.Locator("h1").InnerTextAsync()).Trim());
        Assert.Contains("61.5%", await page.Locator("#periods").InnerTextAsync(), StringComparison.Ordinal);

        // The same period again from a pasted table: previewed as a correction, then stored.
        await page.GotoAsync($"{app.BaseUrl}/plans/{planId}/indicators/import");
        await Axe("import");
        await page.GetByLabel("Paste a table").FillAsync($"Indicator\tDec 19\tJan 20\n{name}\t58%\t63%");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the values" }).ClickAsync();
        var preview = await page.Locator("main").InnerTextAsync();
        Assert.True(preview.Contains("63%", StringComparison.Ordinal), preview);
        await Axe("import preview");
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm and import" }).ClickAsync();

        await page.GotoAsync($"{app.BaseUrl}/plans/{planId}/indicators");
        await page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();
        var periods = await page.Locator("#periods").InnerTextAsync();
        Assert.Contains("63%", periods, StringComparison.Ordinal);
        Assert.DoesNotContain("61.5%", periods, StringComparison.Ordinal);
        Assert.Contains("61.5%", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal); // kept in the history
        Assert.Empty(failures);
    }
}
