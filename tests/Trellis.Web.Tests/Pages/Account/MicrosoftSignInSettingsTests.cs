using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Trellis.Core.Accounts;
using Trellis.Testing;
using Trellis.Web.Tests.Infrastructure;

namespace Trellis.Web.Tests.Pages.Account;

/// <summary>What configuration switches: off by default, password sign-in on or off, and start-up refusing a half configuration.</summary>
public sealed class MicrosoftSignInSettingsTests : IAsyncLifetime
{
    private TestOpenIdProvider _provider = null!;

    public async Task InitializeAsync()
    {
        _provider = await TestOpenIdProvider.StartAsync();
        _provider.RedirectUris.Add("http://localhost/signin-oidc");
    }

    public async Task DisposeAsync() => await _provider.DisposeAsync();

    [Fact]
    public async Task Default_NoMicrosoftButton_AndItsPostIsNotFound()
    {
        using var factory = new TrellisWebFactory();
        factory.SignedInAs.Email = null;
        var client = new PageClient(factory);

        var page = await client.GetAsync("/sign-in");

        Assert.Null(page.QuerySelector("#sign-in-external"));
        Assert.NotNull(page.QuerySelector("input[name=Password]"));
        var post = await client.SubmitAsync(page, new Dictionary<string, string>(), action: "/sign-in/microsoft");
        Assert.Equal(HttpStatusCode.NotFound, post.Status);
        var policy = (await client.Http.GetAsync("/sign-in")).Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("form-action 'self';", policy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PasswordsOff_HidesThePasswordForm_RefusesItsPost_AndThePasswordResetPages()
    {
        await using var factory = new OpenIdConnectWebFactory(_provider) { AllowLocalPasswords = false };
        using (var scope = factory.Services.CreateScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
            var organisationId = await TestData.OrganisationIdAsync(factory);
            Assert.True((await accounts.CreateAsync(organisationId, new NewAccount("Jo Bloggs", "jo.bloggs@castlebridge.example", "copper meadow lantern seven", false))).Succeeded);
        }

        var client = new PageClient(factory);
        var page = await client.GetAsync("/sign-in");
        Assert.NotNull(page.QuerySelector("#sign-in-external"));
        Assert.Null(page.QuerySelector("input[name=Password]"));
        Assert.Null(page.QuerySelector("a[href='/forgot-password']"));

        // A hand-made post with the right password is still refused.
        var result = await client.SubmitAsync(page, new Dictionary<string, string>
        {
            ["Email"] = "jo.bloggs@castlebridge.example",
            ["Password"] = "copper meadow lantern seven",
        }, action: "/sign-in");
        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal(["This service does not use passwords. Sign in with Microsoft instead"], result.Errors);
        Assert.Equal(HttpStatusCode.Redirect, (await client.Http.GetAsync("/")).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync("/forgot-password")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync("/reset-password?userId=x&token=y")).StatusCode);
    }

    [Fact]
    public void Enabled_WithoutClientSecret_RefusesToStart_NamingTheKey()
    {
        using var factory = new OpenIdConnectWebFactory(_provider) { OmitClientSecret = true };

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("Trellis:SignIn:OpenIdConnect:ClientSecret is missing", Flatten(error), StringComparison.Ordinal);
    }

    [Fact]
    public void Validator_NamesEachMissingKey_AndRefusesPasswordsOffWithoutAProvider()
    {
        var validator = new Trellis.Web.Infrastructure.OpenIdConnectSignInOptionsValidator();

        var missing = validator.Validate(null, new() { Enabled = true, ClientSecret = "s" });
        Assert.True(missing.Failed);
        Assert.Contains("Trellis:SignIn:OpenIdConnect:Authority is missing", missing.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Trellis:SignIn:OpenIdConnect:ClientId is missing", missing.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("ClientSecret", missing.FailureMessage, StringComparison.Ordinal);

        var plainHttp = validator.Validate(null, new() { Enabled = true, Authority = "http://login.example", ClientId = "c", ClientSecret = "s" });
        Assert.Contains("Authority must be an https address", plainHttp.FailureMessage, StringComparison.Ordinal);

        var nobody = validator.Validate(null, new() { Enabled = false, AllowLocalPasswords = false });
        Assert.Contains("AllowLocalPasswords is false but", nobody.FailureMessage, StringComparison.Ordinal);

        Assert.True(validator.Validate(null, new()).Succeeded);
        Assert.True(validator.Validate(null, new() { Enabled = true, Authority = "https://login.microsoftonline.com/t/v2.0", ClientId = "c", ClientSecret = "s" }).Succeeded);
    }

    [Fact]
    public async Task AccountsPage_ShowsTheLinkedMicrosoftLogin_AndAnAdministratorUnlinksIt()
    {
        await using var factory = new OpenIdConnectWebFactory(_provider);
        string userId;
        using (var scope = factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<TrellisUser>>();
            var priya = (await users.FindByEmailAsync(TrellisWebFactory.Contributor))!;
            userId = priya.Id;
            Assert.True((await users.AddLoginAsync(priya, new UserLoginInfo("Microsoft", "tenant/oid-1", TrellisWebFactory.Contributor))).Succeeded);
        }

        factory.SignedInAs.Email = TrellisWebFactory.Administrator;
        var client = new PageClient(factory);
        var roles = await client.GetAsync($"/accounts/{userId}");
        Assert.NotNull(roles.QuerySelector($"a[href='/accounts/{userId}/microsoft']"));

        var page = await client.GetAsync($"/accounts/{userId}/microsoft");
        Assert.Contains(TrellisWebFactory.Contributor, page.QuerySelector("#microsoft-login")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("tenant/oid-1", page.QuerySelector("#microsoft-login")!.TextContent, StringComparison.Ordinal);

        var result = await client.SubmitAsync(page, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, result.Status);
        var after = await client.GetAsync(result.Location!);
        Assert.StartsWith("Not linked", after.QuerySelector("#microsoft-login")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("Microsoft sign-in unlinked from Priya Lakhani", after.QuerySelector("#notice")!.TextContent, StringComparison.Ordinal);
        using var check = factory.Services.CreateScope();
        var manager = check.ServiceProvider.GetRequiredService<UserManager<TrellisUser>>();
        Assert.Empty(await manager.GetLoginsAsync((await manager.FindByIdAsync(userId))!));
    }

    [Fact]
    public async Task Provider_TokenEndpoint_RefusesAWrongPkceVerifier_AWrongSecret_AndAReusedCode()
    {
        _provider.SignInAs = new TestOpenIdUser("oid", "tid", "a@b.example", "A B");
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        const string Verifier = "a-verifier-long-enough-to-be-a-real-pkce-code-verifier-0123456789";
        var challenge = System.Buffers.Text.Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(Verifier)));

        async Task<string> CodeAsync()
        {
            var authorize = await http.GetAsync($"{_provider.Authority}/authorize?client_id={_provider.ClientId}&response_type=code&scope=openid&state=s1&nonce=n1"
                + $"&redirect_uri={Uri.EscapeDataString("http://localhost/signin-oidc")}&code_challenge={challenge}&code_challenge_method=S256");
            Assert.Equal(HttpStatusCode.Redirect, authorize.StatusCode);
            var query = System.Web.HttpUtility.ParseQueryString(authorize.Headers.Location!.Query);
            Assert.Equal("s1", query["state"]);
            return query["code"]!;
        }

        Task<HttpResponseMessage> TokenAsync(string code, string verifier, string secret) => http.PostAsync($"{_provider.Authority}/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = "http://localhost/signin-oidc",
            ["code_verifier"] = verifier,
            ["client_id"] = _provider.ClientId,
            ["client_secret"] = secret,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, (await TokenAsync(await CodeAsync(), Verifier + "x", _provider.ClientSecret)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync(await CodeAsync(), Verifier, "wrong")).StatusCode);

        var code = await CodeAsync();
        var ok = await TokenAsync(code, Verifier, _provider.ClientSecret);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var idToken = JsonDocument.Parse(await ok.Content.ReadAsStringAsync()).RootElement.GetProperty("id_token").GetString()!;
        var payload = JsonDocument.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(idToken.Split('.')[1])).RootElement;
        Assert.Equal(("n1", "oid", _provider.ClientId), (payload.GetProperty("nonce").GetString(), payload.GetProperty("oid").GetString(), payload.GetProperty("aud").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, (await TokenAsync(code, Verifier, _provider.ClientSecret)).StatusCode);

        // An unregistered redirect URI is never redirected to.
        var elsewhere = await http.GetAsync($"{_provider.Authority}/authorize?client_id={_provider.ClientId}&response_type=code&scope=openid&state=s&redirect_uri=http%3A%2F%2Fevil.example%2F&code_challenge={challenge}&code_challenge_method=S256");
        Assert.Equal(HttpStatusCode.BadRequest, elsewhere.StatusCode);
    }

    private static string Flatten(Exception error) => error switch
    {
        AggregateException many => string.Join("\n", many.InnerExceptions.Select(Flatten)),
        { InnerException: { } inner } => error.Message + "\n" + Flatten(inner),
        _ => error.Message,
    };
}
