using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Trellis.Core.Accounts;

namespace Trellis.Web.Infrastructure;

/// <summary>
/// The JSON API's sign-in: "Authorization: Bearer trl_...", a personal API token, acting as its owner with the owner's
/// roles. Only the API accepts it, and the API accepts nothing else: the sign-in cookie is not enough there, so a page
/// on another site cannot make a signed-in browser post values (the API has no anti-forgery token to check).
/// </summary>
public sealed class ApiTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiTokenService tokens,
    UserManager<TrellisUser> users,
    IUserClaimsPrincipalFactory<TrellisUser> principals)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    /// <summary>The claim naming the token a request came with, for the audit trail.</summary>
    public const string TokenClaim = "trellis:api-token";

    private const string RefusalKey = "trellis:api-token-refusal";

    private const string ResultKey = "trellis:api-token-result";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        // The API's middleware and its authorisation both ask; check (and record the use) once.
        if (Context.Items[ResultKey] is AuthenticateResult known)
        {
            return known;
        }

        var result = await CheckAsync(header["Bearer ".Length..].Trim());
        Context.Items[ResultKey] = result;
        return result;
    }

    private async Task<AuthenticateResult> CheckAsync(string presented)
    {
        var check = await tokens.CheckAsync(presented, Context.RequestAborted);
        if (!check.Succeeded || await users.FindByIdAsync(check.UserId!) is not { } user)
        {
            Context.Items[RefusalKey] = check.Refusal ?? "The account this API token belongs to no longer exists";
            return AuthenticateResult.Fail(check.Refusal ?? "No account");
        }

        var principal = await principals.CreateAsync(user);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(TokenClaim, check.TokenName!));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(principal.Claims, SchemeName)), SchemeName));
    }

    /// <summary>401 with a problem that says what was wrong, so the error pages leave it alone.</summary>
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        var detail = Context.Items[RefusalKey] as string ?? "Send a personal API token (made at /account/api-tokens) as \"Authorization: Bearer trl_...\"";
        await Results.Problem(title: "Not signed in to the API", detail: detail, statusCode: StatusCodes.Status401Unauthorized).ExecuteAsync(Context);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        await Results.Problem(title: "Your role does not allow this", statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(Context);
}

public static class ApiTokenAuthentication
{
    /// <summary>What the API endpoints require: a person signed in with an API token.</summary>
    public static readonly AuthorizationPolicy Policy = new AuthorizationPolicyBuilder(ApiTokenHandler.SchemeName).RequireAuthenticatedUser().Build();

    public static AuthenticationBuilder AddApiTokens(this AuthenticationBuilder builder) =>
        builder.AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(ApiTokenHandler.SchemeName, _ => { });

    /// <summary>
    /// Under /api the person is whoever the token says, and nobody without one: whatever the default sign-in found
    /// (the cookie) is replaced before the organisation is loaded.
    /// </summary>
    public static IApplicationBuilder UseApiTokens(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            var result = await context.AuthenticateAsync(ApiTokenHandler.SchemeName);
            context.User = result.Succeeded ? result.Principal : new ClaimsPrincipal(new ClaimsIdentity());
        }

        await next();
    });

    /// <summary>"Bethan Nicholls via API token Nightly figures", for the audit trail.</summary>
    public static string AuditName(this ClaimsPrincipal user) =>
        user.FindFirstValue(ApiTokenHandler.TokenClaim) is { } token ? $"{user.DisplayNameOf()} via API token {token}" : user.DisplayNameOf();
}
