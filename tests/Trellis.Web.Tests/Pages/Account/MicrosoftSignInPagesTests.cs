using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trellis.Core.Accounts;
using Trellis.Core.Data;
using Trellis.Testing;
using Trellis.Web.Tests.Infrastructure;

namespace Trellis.Web.Tests.Pages.Account;

/// <summary>
/// Sign-in with OpenID Connect end to end: the app (TestServer) and our own provider on a real loopback port, the
/// browser's part played by following each redirect with the right client. The app's handler fetches discovery and
/// keys and redeems the code over real HTTP.
/// </summary>
public sealed class MicrosoftSignInPagesTests : IAsyncLifetime
{
    private const string Tenant = "6a1c0f4e-0000-4000-8000-castlebridge";
    private static readonly TestOpenIdUser Priya = new("priya-object-id", Tenant, TrellisWebFactory.Contributor, "Priya Lakhani (Microsoft)");

    private readonly HttpClient _providerHttp = new(new HttpClientHandler { AllowAutoRedirect = false });
    private TestOpenIdProvider _provider = null!;
    private OpenIdConnectWebFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _provider = await TestOpenIdProvider.StartAsync();
        _provider.RedirectUris.Add("http://localhost/signin-oidc");
        _factory = new OpenIdConnectWebFactory(_provider);
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _provider.DisposeAsync();
        _providerHttp.Dispose();
    }

    private sealed record Journey(HttpStatusCode Status, string Url, IDocument Page, IReadOnlyList<string> SetCookies)
    {
        public bool SignedIn => SetCookies.Any(c => c.StartsWith(".Trellis.SignIn=", StringComparison.Ordinal) && !c.StartsWith(".Trellis.SignIn=;", StringComparison.Ordinal));

        public IReadOnlyList<string> Errors => [.. Page.QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.TextContent.Trim())];

        public string? AccountName => Page.QuerySelector(".trellis-account__name")?.TextContent.Trim();
    }

    /// <summary>Presses "Sign in with Microsoft" and follows every redirect, to the provider and back, as a browser would.</summary>
    private async Task<Journey> SignInWithMicrosoftAsync(PageClient client, string signInUrl = "/sign-in")
    {
        var page = await client.GetAsync(signInUrl);
        var button = page.QuerySelector("#sign-in-external");
        Assert.NotNull(button);
        var formIndex = page.QuerySelectorAll("main form").Index(button.Closest("form")!);
        var start = await client.SubmitAsync(page, new Dictionary<string, string>(), formIndex);
        Assert.Equal(HttpStatusCode.Redirect, start.Status);
        var cookies = new List<string>();
        var location = new Uri(start.Location!, UriKind.RelativeOrAbsolute);
        for (var hop = 0; hop < 10; hop++)
        {
            var toProvider = location.IsAbsoluteUri && location.GetLeftPart(UriPartial.Authority) == _provider.Authority;
            using var response = toProvider
                ? await _providerHttp.GetAsync(location)
                : await client.Http.GetAsync(location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString);
            if (!toProvider && response.Headers.TryGetValues("Set-Cookie", out var set))
            {
                cookies.AddRange(set);
            }

            if (response.StatusCode != HttpStatusCode.Redirect)
            {
                var html = await response.Content.ReadAsStringAsync();
                return new Journey(response.StatusCode, location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString, new HtmlParser().ParseDocument(html), cookies);
            }

            location = new Uri(response.Headers.Location!.ToString(), UriKind.RelativeOrAbsolute);
        }

        throw new InvalidOperationException("More than 10 redirects");
    }

    private async Task<List<UserLoginInfo>> LoginsOfAsync(string email)
    {
        using var scope = _factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<TrellisUser>>();
        return [.. await users.GetLoginsAsync((await users.FindByEmailAsync(email))!)];
    }

    [Fact]
    public async Task Get_SignIn_Enabled_OffersMicrosoftButtonInAFormWithAntiforgery_AndThePasswordForm()
    {
        var page = await new PageClient(_factory).GetAsync("/sign-in");
        var form = page.QuerySelector("#sign-in-external")!.Closest("form")!;
        Assert.Equal("post", form.GetAttribute("method"));
        Assert.Equal("/sign-in/microsoft", form.GetAttribute("action"));
        Assert.NotNull(form.QuerySelector("input[name=__RequestVerificationToken]"));
        Assert.Equal("Sign in with Microsoft", page.QuerySelector("#sign-in-external")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("input[name=Password]"));

        // The button's redirect leaves the site, so the content policy lets forms go on to the provider (and nowhere else).
        var policy = (await new PageClient(_factory).Http.GetAsync("/sign-in")).Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains($"form-action 'self' {_provider.Authority};", policy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_ExistingAccountByEmail_LandsWhereAskedAsThatPerson_AndLinksTheLogin()
    {
        _provider.SignInAs = Priya;
        var client = new PageClient(_factory);

        var journey = await SignInWithMicrosoftAsync(client, "/sign-in?ReturnUrl=%2Fmy-actions");

        Assert.Equal(HttpStatusCode.OK, journey.Status);
        Assert.Equal("/my-actions", journey.Url);
        Assert.True(journey.SignedIn);
        Assert.Equal("Priya Lakhani", journey.AccountName);
        var login = Assert.Single(await LoginsOfAsync(TrellisWebFactory.Contributor));
        Assert.Equal(("Microsoft", $"{Tenant}/priya-object-id"), (login.LoginProvider, login.ProviderKey));

        // The same claims as a password sign-in: her organisation's plans are there, and the accounts pages are not hers.
        var plans = await client.GetAsync("/plans");
        Assert.NotEmpty(plans.QuerySelectorAll("main table a[href^='/plans/']"));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.Http.GetAsync("/accounts")).StatusCode);

        // Code flow with S256 PKCE and a redeemed code: the provider saw both.
        Assert.Contains(_provider.Log, l => l.Contains("response_type=code", StringComparison.Ordinal) && l.Contains("code_challenge_method=S256", StringComparison.Ordinal));
        Assert.Contains("token ok", _provider.Log);
    }

    [Fact]
    public async Task SignIn_OnPostgres_LinksByEmailThenFindsByObjectId()
    {
        await _factory.DisposeAsync();
        _factory = new OpenIdConnectWebFactory(_provider) { UsePostgres = true };
        _provider.SignInAs = Priya;
        Assert.True((await SignInWithMicrosoftAsync(new PageClient(_factory))).SignedIn);

        _provider.SignInAs = Priya with { Email = "priya.lakhani@new-name.example" };
        var again = await SignInWithMicrosoftAsync(new PageClient(_factory));

        Assert.Equal("Priya Lakhani", again.AccountName);
        Assert.Equal($"{Tenant}/priya-object-id", Assert.Single(await LoginsOfAsync(TrellisWebFactory.Contributor)).ProviderKey);
    }

    [Fact]
    public async Task SignIn_Again_FindsTheAccountByObjectId_EvenAfterTheEmailChanged()
    {
        _provider.SignInAs = Priya;
        Assert.True((await SignInWithMicrosoftAsync(new PageClient(_factory))).SignedIn);

        _provider.SignInAs = Priya with { Email = "priya.lakhani@new-name.example" };
        var again = await SignInWithMicrosoftAsync(new PageClient(_factory));

        Assert.True(again.SignedIn);
        Assert.Equal("Priya Lakhani", again.AccountName);
        Assert.Single(await LoginsOfAsync(TrellisWebFactory.Contributor));
    }

    [Fact]
    public async Task SignIn_UnknownEmail_SaysAskYourAdministrator_AndSignsNobodyIn()
    {
        _provider.SignInAs = new TestOpenIdUser("stranger-oid", Tenant, "someone.new@castlebridge.example", "Someone New");
        var client = new PageClient(_factory);

        var journey = await SignInWithMicrosoftAsync(client);

        Assert.Equal("/sign-in", journey.Url);
        Assert.False(journey.SignedIn);
        Assert.Equal(["No Trellis account uses someone.new@castlebridge.example. Ask your administrator to add you"], journey.Errors);
        Assert.Equal(HttpStatusCode.Redirect, (await client.Http.GetAsync("/")).StatusCode);
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
        Assert.False(await db.Users.AnyAsync(u => u.Email == "someone.new@castlebridge.example"));
        Assert.False(await db.UserLogins.AnyAsync());
    }

    [Fact]
    public async Task SignIn_PreferredUsernameStandsInForAMissingEmailClaim()
    {
        _provider.SignInAs = new TestOpenIdUser("reader-oid", Tenant, Email: null, "Hannah Osei", PreferredUsername: TrellisWebFactory.Reader);

        var journey = await SignInWithMicrosoftAsync(new PageClient(_factory));

        Assert.True(journey.SignedIn);
        Assert.Equal("Councillor Hannah Osei", journey.AccountName);
    }

    [Theory]
    [InlineData(TestOpenIdFault.BadSignature)]
    [InlineData(TestOpenIdFault.WrongAudience)]
    [InlineData(TestOpenIdFault.WrongNonce)]
    [InlineData(TestOpenIdFault.Expired)]
    [InlineData(TestOpenIdFault.WrongIssuer)]
    public async Task SignIn_TokenTheAppMustNotTrust_IsRefused(TestOpenIdFault fault)
    {
        _provider.SignInAs = Priya;
        _provider.Fault = fault;
        var client = new PageClient(_factory);

        var journey = await SignInWithMicrosoftAsync(client);

        Assert.Equal("/sign-in?external=failed", journey.Url);
        Assert.False(journey.SignedIn);
        Assert.Equal(["Signing in with Microsoft did not work. Try again, or ask your administrator"], journey.Errors);
        Assert.Empty(await LoginsOfAsync(TrellisWebFactory.Contributor));
        Assert.Contains("token ok", _provider.Log); // the provider did answer: it was the app that refused
    }

    [Fact]
    public async Task SignIn_LockedAccount_IsRefused_WhetherOrNotAlreadyLinked()
    {
        _provider.SignInAs = Priya;
        Assert.True((await SignInWithMicrosoftAsync(new PageClient(_factory))).SignedIn);
        using (var scope = _factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<TrellisUser>>();
            var user = (await users.FindByEmailAsync(TrellisWebFactory.Contributor))!;
            Assert.True((await users.SetLockoutEndDateAsync(user, new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero))).Succeeded);
            var reader = (await users.FindByEmailAsync(TrellisWebFactory.Reader))!;
            Assert.True((await users.SetLockoutEndDateAsync(reader, new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero))).Succeeded);
        }

        var linked = await SignInWithMicrosoftAsync(new PageClient(_factory));
        Assert.False(linked.SignedIn);
        Assert.Equal(["Your Trellis account is locked. Try again later, or ask your administrator"], linked.Errors);

        _provider.SignInAs = new TestOpenIdUser("reader-oid", Tenant, TrellisWebFactory.Reader, "Hannah Osei");
        var byEmail = await SignInWithMicrosoftAsync(new PageClient(_factory));
        Assert.False(byEmail.SignedIn);
        Assert.Equal(["Your Trellis account is locked. Try again later, or ask your administrator"], byEmail.Errors);
        Assert.Empty(await LoginsOfAsync(TrellisWebFactory.Reader));
    }

    [Fact]
    public async Task SignIn_AnotherMicrosoftAccountWithTheSameEmail_IsNotLetIntoAnAlreadyLinkedAccount()
    {
        _provider.SignInAs = Priya;
        Assert.True((await SignInWithMicrosoftAsync(new PageClient(_factory))).SignedIn);

        _provider.SignInAs = Priya with { ObjectId = "impostor-object-id" };
        var journey = await SignInWithMicrosoftAsync(new PageClient(_factory));

        Assert.False(journey.SignedIn);
        Assert.Equal([$"The Trellis account for {TrellisWebFactory.Contributor} is linked to a different Microsoft account. Ask your administrator to unlink it"], journey.Errors);
        Assert.Equal($"{Tenant}/priya-object-id", Assert.Single(await LoginsOfAsync(TrellisWebFactory.Contributor)).ProviderKey);
    }

    [Fact]
    public async Task SignIn_CancelledAtTheProvider_GoesBackToSignInWithAMessage()
    {
        _provider.SignInAs = null;

        var journey = await SignInWithMicrosoftAsync(new PageClient(_factory));

        Assert.Equal("/sign-in?external=failed", journey.Url);
        Assert.False(journey.SignedIn);
        Assert.DoesNotContain("token ok", _provider.Log);
    }

    [Fact]
    public async Task SignOut_AfterMicrosoftSignIn_SignsOutOfTrellis()
    {
        _provider.SignInAs = Priya;
        var client = new PageClient(_factory);
        Assert.True((await SignInWithMicrosoftAsync(client)).SignedIn);

        var page = await client.GetAsync("/sign-out");
        var result = await client.SubmitAsync(page, new Dictionary<string, string>());

        Assert.Equal("/sign-in", result.Location);
        var home = await client.Http.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Contains("/sign-in", home.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Callback_WithoutTheProvidersAnswer_GoesToSignIn()
    {
        var response = await new PageClient(_factory).Http.GetAsync("/sign-in/microsoft");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/sign-in", response.Headers.Location!.ToString());
    }
}
