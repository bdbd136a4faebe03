using Microsoft.Playwright;
using Trellis.Testing;

namespace Trellis.Web.Tests.Browser;

/// <summary>Each demo role signs in as a new user would, in real Chromium, and sees what its role allows.</summary>
public sealed class SignInJourneyTests : IClassFixture<BrowserFixture>
{
    private readonly BrowserFixture _app;

    public SignInJourneyTests(BrowserFixture app)
    {
        _app = app;
        _app.Factory.SignedInAs.Email = null;
    }

    [BrowserFact]
    public async Task SignInPage_HasNoWcagViolations_AndOffersEachDemoRole()
    {
        var page = await _app.Browser.NewPageAsync(new() { BypassCSP = true });
        await page.GotoAsync(_app.BaseUrl + "/plans");
        Assert.EndsWith("/sign-in?ReturnUrl=%2Fplans", page.Url, StringComparison.Ordinal);
        Assert.Empty(await BrowserFixture.AxeViolationsAsync(page));
        Assert.Equal(5, await page.Locator("#demo-accounts tbody tr").CountAsync());

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        Assert.Equal("There is a problem", (await page.Locator(".govuk-error-summary__title").InnerTextAsync()).Trim());
        Assert.Empty(await BrowserFixture.AxeViolationsAsync(page));
    }

    [BrowserTheory]
    [InlineData("Bethan Nicholls", true, true)]
    [InlineData("Priya Lakhani", true, false)]
    [InlineData("Councillor Hannah Osei", true, false)]
    [InlineData("Mark Ellery", false, false)]
    public async Task EachRole_SeesWhatItMay(string name, bool seesPlans, bool canAddArea)
    {
        var context = await _app.Browser.NewContextAsync(new() { BypassCSP = true });
        var page = await context.NewPageAsync();
        await page.GotoAsync(_app.BaseUrl + "/sign-in");
        await page.Locator("#demo-accounts tr", new() { HasText = name }).GetByRole(AriaRole.Button).ClickAsync();
        Assert.Contains(name, await page.Locator(".trellis-account").InnerTextAsync(), StringComparison.Ordinal);

        await page.GotoAsync(_app.BaseUrl + "/plans");
        var plans = await page.Locator("main tbody tr").CountAsync();
        Assert.Equal(seesPlans ? 1 : 0, plans);
        if (seesPlans)
        {
            await page.Locator("main tbody a").First.ClickAsync();
            var addArea = page.GetByRole(AriaRole.Link, new() { Name = "Add an area" });
            Assert.Equal(canAddArea, await addArea.CountAsync() > 0 || await TryOpenAsync(page, "/areas/new"));
        }

        await page.GotoAsync(_app.BaseUrl + "/my-actions");
        Assert.Empty(await BrowserFixture.AxeViolationsAsync(page));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        Assert.EndsWith("/sign-in", page.Url, StringComparison.Ordinal);
        await context.CloseAsync();
    }

    private async Task<bool> TryOpenAsync(IPage page, string suffix)
    {
        var response = await page.GotoAsync(page.Url.TrimEnd('/') + suffix);
        return response?.Ok == true;
    }
}
