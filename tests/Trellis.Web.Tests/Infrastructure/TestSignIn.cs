using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Trellis.Core.Accounts;

namespace Trellis.Web.Tests.Infrastructure;

/// <summary>
/// Page tests act as a real account without typing its password on every request: each request is
/// signed in as the account named by the X-Test-User header, or the factory's default, with the same
/// claims the sign-in cookie would carry. A request that carries the real sign-in cookie uses it instead,
/// so the tests of signing in go through Identity untouched.
/// </summary>
public sealed class TestSignInHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    UserManager<TrellisUser> users,
    IUserClaimsPrincipalFactory<TrellisUser> principals,
    TestSignInDefault defaults)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Test";
    public const string Header = "X-Test-User";
    public const string Anonymous = "anonymous";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var email = Request.Headers.TryGetValue(Header, out var header) ? header.ToString() : defaults.Email;
        if (string.IsNullOrEmpty(email) || email == Anonymous)
        {
            return AuthenticateResult.NoResult();
        }

        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            return AuthenticateResult.NoResult();
        }

        ClaimsPrincipal principal = await principals.CreateAsync(user);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }
}

/// <summary>Who a request is signed in as when it does not say.</summary>
public sealed class TestSignInDefault
{
    public string? Email { get; set; }
}
