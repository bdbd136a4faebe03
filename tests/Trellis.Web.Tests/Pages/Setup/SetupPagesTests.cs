using System.Net;
using Trellis.Web.Tests.Infrastructure;

namespace Trellis.Web.Tests.Pages.Setup;

/// <summary>A real installation (demo data off) starts without accounts and asks for the council and its first administrator.</summary>
public sealed class SetupPagesTests : IDisposable
{
    private const string StrongPassword = "orange kettle harbour lamp";

    private readonly TrellisWebFactory _factory = new() { DemoData = false };
    private readonly PageClient _client;

    public SetupPagesTests() => _client = new PageClient(_factory);

    public void Dispose() => _factory.Dispose();

    private static Dictionary<string, string> Form(string name = "Riverside Borough Council", string password = StrongPassword, string? confirm = null) => new()
    {
        ["Name"] = name,
        ["DisplayName"] = "Asha Patel",
        ["Email"] = "asha.patel@riverside.example",
        ["Password"] = password,
        ["ConfirmPassword"] = confirm ?? password,
    };

    [Fact]
    public async Task Get_AnyPage_WithNoAccounts_LeadsToSetup()
    {
        var response = await _client.Http.GetAsync("/plans");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/setup", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Post_CouncilAndAdministrator_SignsThemInAndSetupIsThenClosed()
    {
        var form = await _client.GetAsync("/setup");
        var result = await _client.SubmitAsync(form, Form());
        Assert.Equal(HttpStatusCode.Redirect, result.Status);

        var plans = await _client.GetAsync("/plans");
        Assert.Equal("Riverside Borough Council", plans.QuerySelector(".govuk-generic-header a")!.TextContent.Trim());
        Assert.Contains("Asha Patel", plans.QuerySelector(".trellis-account")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(plans.QuerySelectorAll("main tbody tr"));

        var again = await _client.Http.GetAsync("/setup");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);

        // A second visitor cannot use the set-up form to make themselves an administrator.
        var stranger = new PageClient(_factory);
        var refused = await stranger.Http.PostAsync("/setup", new FormUrlEncodedContent(Form(name: "Hijack")));
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        var signIn = await stranger.GetAsync("/sign-in");
        var signedIn = await stranger.SubmitAsync(signIn, new Dictionary<string, string> { ["Email"] = "asha.patel@riverside.example", ["Password"] = StrongPassword });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.Status);
        var home = await stranger.GetAsync("/plans");
        Assert.Equal("Riverside Borough Council", home.QuerySelector(".govuk-generic-header a")!.TextContent.Trim());
    }

    [Fact]
    public async Task Post_NameMissing_ShowsError()
    {
        var form = await _client.GetAsync("/setup");
        var result = await _client.SubmitAsync(form, Form(name: ""));
        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal(["Enter your council's name"], result.Errors);
    }

    [Theory]
    [InlineData("short one", "Password must be 12 characters or more")]
    [InlineData("Password1234", "Choose a password that is harder to guess: this one is on lists of common passwords")]
    [InlineData("asha.patel-rocks", "Your password must not contain your name or email address")]
    public async Task Post_WeakPassword_IsRefusedAndNotEchoed(string password, string error)
    {
        var form = await _client.GetAsync("/setup");
        var result = await _client.SubmitAsync(form, Form(password: password));
        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Contains(error, result.Errors);
        Assert.DoesNotContain(password, result.Body, StringComparison.Ordinal);
        var still = await _client.Http.GetAsync("/plans");
        Assert.Equal("/setup", still.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Post_PasswordsDiffer_ShowsError()
    {
        var form = await _client.GetAsync("/setup");
        var result = await _client.SubmitAsync(form, Form(confirm: "something else entirely"));
        Assert.Equal(["The passwords do not match"], result.Errors);
    }
}
