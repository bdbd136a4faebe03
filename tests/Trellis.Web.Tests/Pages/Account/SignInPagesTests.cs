using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Trellis.Core.Accounts;
using Trellis.Web.Tests.Infrastructure;

namespace Trellis.Web.Tests.Pages.Account;

/// <summary>Signing in for real: through Identity's cookie, with no test sign-in behind it.</summary>
public sealed class SignInPagesTests : IDisposable
{
    private const string Password = "copper meadow lantern seven";
    private const string Email = "jo.bloggs@castlebridge.example";

    private readonly TrellisWebFactory _factory = new();

    public SignInPagesTests() => _factory.SignedInAs.Email = null;

    public void Dispose() => _factory.Dispose();

    private async Task<string> AccountAsync(bool administrator = false)
    {
        var organisationId = await TestData.OrganisationIdAsync(_factory);
        using var scope = _factory.Services.CreateScope();
        var created = await scope.ServiceProvider.GetRequiredService<AccountService>()
            .CreateAsync(organisationId, new NewAccount("Jo Bloggs", Email, Password, administrator));
        Assert.True(created.Succeeded);
        return created.User!.Id;
    }

    private static Dictionary<string, string> Credentials(string password = Password) => new() { ["Email"] = Email, ["Password"] = password };

    [Fact]
    public async Task Get_AnyPage_SignedOut_LeadsToSignInAndBack()
    {
        var client = new PageClient(_factory);
        var response = await client.Http.GetAsync("/plans");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/sign-in?ReturnUrl=%2Fplans", response.Headers.Location!.ToString(), StringComparison.Ordinal);

        await AccountAsync(administrator: true);
        var page = await client.GetAsync("/sign-in?ReturnUrl=%2Fplans");
        var result = await client.SubmitAsync(page, Credentials());
        Assert.Equal(HttpStatusCode.Redirect, result.Status);
        Assert.Equal("/plans", result.Location);
        var plans = await client.GetAsync("/plans");
        Assert.Contains("Jo Bloggs", plans.QuerySelector(".trellis-account")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_WrongPassword_SaysSoWithoutSayingWhichWasWrong_AndUnknownEmailTheSame()
    {
        await AccountAsync();
        var client = new PageClient(_factory);
        var page = await client.GetAsync("/sign-in");
        var wrong = await client.SubmitAsync(page, Credentials("not the password at all"));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.Status);
        Assert.Equal(["The email address or password is not right"], wrong.Errors);
        Assert.DoesNotContain("not the password at all", wrong.Body, StringComparison.Ordinal);

        var unknown = await client.SubmitAsync(page, new Dictionary<string, string> { ["Email"] = "nobody@castlebridge.example", ["Password"] = Password });
        Assert.Equal(wrong.Errors, unknown.Errors);
    }

    [Fact]
    public async Task Post_FiveWrongPasswords_LockTheAccount_EvenAgainstTheRightOne()
    {
        await AccountAsync();
        var client = new PageClient(_factory);
        var page = await client.GetAsync("/sign-in");
        for (var i = 0; i < 5; i++)
        {
            await client.SubmitAsync(page, Credentials("wrong password " + i));
        }

        var right = await client.SubmitAsync(page, Credentials());
        Assert.Equal(HttpStatusCode.BadRequest, right.Status);
        Assert.Contains("locked", right.Errors.Single(), StringComparison.Ordinal);

        using var scope = _factory.Services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<TrellisUser>>().FindByEmailAsync(Email);
        Assert.NotNull(user!.LockoutEnd);
    }

    [Fact]
    public async Task Post_ManyAttemptsFromOneAddress_AreRateLimited()
    {
        var client = new PageClient(_factory);
        var page = await client.GetAsync("/sign-in");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < Trellis.Web.Infrastructure.WebServiceCollectionExtensions.SignInAttemptsPerMinute + 2; i++)
        {
            statuses.Add((await client.SubmitAsync(page, new Dictionary<string, string> { ["Email"] = $"guess{i}@example.com", ["Password"] = "guess" })).Status);
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.Equal(HttpStatusCode.BadRequest, statuses[0]);
    }

    [Fact]
    public async Task DemoAccounts_OnePerRole_SignInWithoutAPassword_AndSignOutIsAPost()
    {
        var client = new PageClient(_factory);
        var page = await client.GetAsync("/sign-in");
        var demo = page.QuerySelector("#demo-accounts")!;
        Assert.Contains("Demo", demo.TextContent, StringComparison.Ordinal);
        var roles = demo.QuerySelectorAll("tbody tr td:nth-child(2) strong").Select(s => s.TextContent.Trim()).ToList();
        Assert.Equal(["Administrator", "Plan manager", "Contributor", "Reader", "Partner"], roles);

        var partnerForm = demo.QuerySelectorAll("form").Select((f, i) => (f, i)).Single(x => x.f.TextContent.Contains("Mark Ellery", StringComparison.Ordinal));
        var formIndex = page.QuerySelectorAll("main form").ToList().IndexOf(partnerForm.f);
        var signedIn = await client.SubmitAsync(page, new Dictionary<string, string>(), formIndex, action: "/sign-in?handler=Demo");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.Status);

        var mine = await client.GetAsync("/my-actions");
        Assert.Contains("Mark Ellery", mine.QuerySelector(".trellis-account")!.TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(mine.QuerySelectorAll("main .govuk-summary-card"));

        var signOut = await client.Http.GetAsync("/sign-out");
        Assert.Equal(HttpStatusCode.OK, signOut.StatusCode);
        var form = await client.GetAsync("/sign-out");
        var done = await client.SubmitAsync(form, new Dictionary<string, string>());
        Assert.Equal("/sign-in", done.Location);
        var after = await client.Http.GetAsync("/my-actions");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Fact]
    public async Task DemoSignIn_IsRefused_WhenDemoDataIsOff()
    {
        using var real = new TrellisWebFactory { DemoData = false };
        using (var scope = real.Services.CreateScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<AccountService>()
                .CreateFirstAdministratorAsync("Riverside Borough Council", new NewAccount("Asha Patel", "asha@riverside.example", Password, true));
            Assert.True(created.Succeeded);
        }

        real.SignedInAs.Email = null;
        var client = new PageClient(real);
        var page = await client.GetAsync("/sign-in");
        Assert.Null(page.QuerySelector("#demo-accounts"));
        var refused = await client.SubmitAsync(page, new Dictionary<string, string> { ["id"] = "anything" }, action: "/sign-in?handler=Demo");
        Assert.Equal(HttpStatusCode.NotFound, refused.Status);
    }
}
