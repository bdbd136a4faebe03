using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Trellis.Core.Accounts;
using Trellis.Testing;
using Trellis.Web.Tests.Infrastructure;
using Trellis.Web.Tests.Pages.Reminders;

namespace Trellis.Web.Tests.Pages.Account;

/// <summary>A forgotten password, reset through a link e-mailed to our own loopback SMTP server.</summary>
public sealed class PasswordResetPagesTests : IAsyncLifetime
{
    private const string Email = "sam.lee@castlebridge.example";
    private readonly TestSmtpServer _smtp = new();
    private ReminderWebFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _factory = new ReminderWebFactory(new Dictionary<string, string>
        {
            ["Trellis:Smtp:Host"] = _smtp.Host,
            ["Trellis:Smtp:Port"] = _smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Trellis:Smtp:Security"] = "none",
            ["Trellis:Smtp:From"] = "trellis@castlebridge.example",
            ["Trellis:Reminders:PublicUrl"] = "https://trellis.castlebridge.example",
        });
        _factory.SignedInAs.Email = null;
        var organisationId = await TestData.OrganisationIdAsync(_factory);
        using var scope = _factory.Services.CreateScope();
        var created = await scope.ServiceProvider.GetRequiredService<AccountService>()
            .CreateAsync(organisationId, new NewAccount("Sam Lee", Email, "first password here", false));
        Assert.True(created.Succeeded);
    }

    public async Task DisposeAsync()
    {
        _factory.Dispose();
        await _smtp.DisposeAsync();
    }

    private async Task<FormResult> AskAsync(PageClient client, string email)
    {
        var page = await client.GetAsync("/forgot-password");
        return await client.SubmitAsync(page, new Dictionary<string, string> { ["Email"] = email });
    }

    [Fact]
    public async Task ResetLink_ChangesThePassword_OnceOnly()
    {
        var client = new PageClient(_factory);
        var asked = await AskAsync(client, Email);
        Assert.Equal(HttpStatusCode.OK, asked.Status);
        Assert.NotNull(asked.Document.QuerySelector("#sent"));

        var mail = Assert.Single(_smtp.Received);
        Assert.Equal([Email], mail.To);
        var body = mail.Message.TextBody ?? string.Empty;
        var link = Regex.Match(body, @"https://trellis\.castlebridge\.example(/reset-password\?\S+)").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(link), body);

        var reset = await client.GetAsync(link);
        var changed = await client.SubmitAsync(reset, new Dictionary<string, string> { ["Password"] = "second password here", ["ConfirmPassword"] = "second password here" });
        Assert.Equal("/sign-in", changed.Location);

        var signIn = await client.GetAsync("/sign-in");
        Assert.Contains("Your password has been changed", signIn.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var old = await client.SubmitAsync(signIn, new Dictionary<string, string> { ["Email"] = Email, ["Password"] = "first password here" });
        Assert.Equal(HttpStatusCode.BadRequest, old.Status);
        var fresh = await client.SubmitAsync(signIn, new Dictionary<string, string> { ["Email"] = Email, ["Password"] = "second password here" });
        Assert.Equal(HttpStatusCode.Redirect, fresh.Status);

        // The same link again: the password change made it stale.
        var stranger = new PageClient(_factory);
        var again = await stranger.GetAsync(link);
        var refused = await stranger.SubmitAsync(again, new Dictionary<string, string> { ["Password"] = "third password here", ["ConfirmPassword"] = "third password here" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal(["This link has expired or has already been used: ask for a new one"], refused.Errors);
    }

    [Fact]
    public async Task UnknownAddress_GetsTheSameAnswer_AndNoEmail()
    {
        var asked = await AskAsync(new PageClient(_factory), "nobody@castlebridge.example");
        Assert.Equal(HttpStatusCode.OK, asked.Status);
        Assert.NotNull(asked.Document.QuerySelector("#sent"));
        Assert.Empty(_smtp.Received);
    }
}
