using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Trellis.Testing;
using Trellis.Web.Tests.Infrastructure;

namespace Trellis.Web.Tests.Browser;

/// <summary>
/// The whole redirect dance in Chromium: the app on Kestrel with Microsoft sign-in configured, our provider on
/// another loopback port, and the app's own content security policy in force (the form's redirect to the provider
/// must be allowed by form-action).
/// </summary>
public sealed class MicrosoftSignInJourneyTests : IAsyncLifetime
{
    private TestOpenIdProvider _provider = null!;
    private OpenIdConnectWebFactory _factory = null!;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string _baseUrl = string.Empty;

    public async Task InitializeAsync()
    {
        _provider = await TestOpenIdProvider.StartAsync();
        _factory = new OpenIdConnectWebFactory(_provider);
        _factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        _baseUrl = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _provider.RedirectUris.Add(_baseUrl + "/signin-oidc");
        var chromium = TestEnvironment.Chromium
            ?? throw new InvalidOperationException("Chromium is not installed (apt-get install chromium); browser tests are mandatory under CI");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await _factory.DisposeAsync();
        await _provider.DisposeAsync();
    }

    [BrowserFact]
    public async Task SignInWithMicrosoft_GoesToTheProviderAndBack_SignedInAsTheLinkedPerson()
    {
        // axe needs its script injected, which the policy forbids: check the page in a context that bypasses it.
        var axeContext = await _browser!.NewContextAsync(new() { BypassCSP = true });
        var axePage = await axeContext.NewPageAsync();
        await axePage.GotoAsync(_baseUrl + "/sign-in");
        Assert.Empty(await BrowserFixture.AxeViolationsAsync(axePage));
        await axeContext.CloseAsync();

        _provider.SignInAs = new TestOpenIdUser("bethan-object-id", "castlebridge-tenant", TrellisWebFactory.PlanManager, "Bethan Nicholls");
        var context = await _browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(_baseUrl + "/plans");
        Assert.EndsWith("/sign-in?ReturnUrl=%2Fplans", page.Url, StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with Microsoft" }).ClickAsync();
        await page.WaitForURLAsync(_baseUrl + "/plans");

        Assert.Contains("Bethan Nicholls", await page.Locator(".trellis-account").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator("main tbody tr").CountAsync());
        Assert.Contains("token ok", _provider.Log);

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        Assert.EndsWith("/sign-in", page.Url, StringComparison.Ordinal);

        // Someone the council has not added sees why, on the sign-in page.
        _provider.SignInAs = new TestOpenIdUser("stranger", "castlebridge-tenant", "stranger@castlebridge.example", "A Stranger");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with Microsoft" }).ClickAsync();
        await page.WaitForURLAsync(_baseUrl + "/sign-in");
        Assert.Contains("No Trellis account uses stranger@castlebridge.example", await page.Locator(".govuk-error-summary").InnerTextAsync(), StringComparison.Ordinal);
        await context.CloseAsync();
    }
}
