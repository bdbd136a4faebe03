using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Trellis.Core.Accounts;
using Trellis.Web.Tests.Infrastructure;

namespace Trellis.Web.Tests.Security;

/// <summary>Five wrong passwords lock an account for 15 minutes on the app's clock, then the right one works again.</summary>
public sealed class LockoutClockTests : IDisposable
{
    private const string Password = "copper meadow lantern seven";
    private const string Email = "jo.bloggs@castlebridge.example";

    private readonly TrellisWebFactory _factory = new();

    public LockoutClockTests() => _factory.SignedInAs.Email = null;

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Post_FiveWrongPasswords_LockFor15Minutes_ThenTheRightPasswordSignsIn()
    {
        var organisationId = await TestData.OrganisationIdAsync(_factory);
        using (var scope = _factory.Services.CreateScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<AccountService>().CreateAsync(organisationId, new NewAccount("Jo Bloggs", Email, Password, false))).Succeeded);
        }

        var client = new PageClient(_factory);
        var page = await client.GetAsync("/sign-in");
        for (var i = 0; i < 5; i++)
        {
            await client.SubmitAsync(page, Credentials("wrong password " + i));
        }

        _factory.Clock.Advance(TimeSpan.FromMinutes(14));
        var stillLocked = await client.SubmitAsync(page, Credentials(Password));
        Assert.Equal(HttpStatusCode.BadRequest, stillLocked.Status);
        Assert.Contains("locked", stillLocked.Errors.Single(), StringComparison.Ordinal);

        _factory.Clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        var signedIn = await client.SubmitAsync(page, Credentials(Password));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.Status);
    }

    private static Dictionary<string, string> Credentials(string password) => new() { ["Email"] = Email, ["Password"] = password };
}
