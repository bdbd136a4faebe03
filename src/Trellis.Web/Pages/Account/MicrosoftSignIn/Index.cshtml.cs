using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Trellis.Core.Accounts;
using Trellis.Web.Infrastructure;
using Names = Trellis.Web.Infrastructure.OpenIdConnectSignInExtensions.ClaimNames;

namespace Trellis.Web.Pages.Account.MicrosoftSignIn;

/// <summary>
/// Sign-in through the configured OpenID Connect provider (Microsoft Entra ID). The button posts here (with its
/// anti-forgery token) to go to the provider; the provider's answer, once the handler has checked it, comes back
/// here to be matched to an existing account and turned into the usual sign-in cookie.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(WebServiceCollectionExtensions.SignInRateLimit)]
public partial class MicrosoftSignInModel(
    ExternalLoginService logins,
    SignInManager<TrellisUser> signIn,
    IOptions<OpenIdConnectSignInOptions> options,
    ILogger<MicrosoftSignInModel> logger) : TrellisPageModel
{
    /// <summary>The TempData key of the message the sign-in page shows when the provider's person has no account here.</summary>
    public const string ProblemKey = "ExternalSignInProblem";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public IActionResult OnPost()
    {
        if (!options.Value.Enabled)
        {
            return NotFound();
        }

        var back = Url.Page("/Account/MicrosoftSignIn/Index", new { ReturnUrl = SafeReturnUrl() });
        return Challenge(new AuthenticationProperties { RedirectUri = back }, OpenIdConnectSignInOptions.Scheme);
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        // Without the provider's answer in the external cookie (or with the feature off) there is nothing to do here.
        var external = await HttpContext.AuthenticateAsync(IdentityConstants.ExternalScheme);
        if (!external.Succeeded || external.Principal is not { } principal)
        {
            return Redirect("/sign-in");
        }

        // The external cookie has done its job whatever happens next.
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        var identity = Read(principal);
        if (identity is null)
        {
            return BackToSignIn("Your Microsoft sign-in did not say who you are. Ask your administrator to check the Trellis app registration");
        }

        var result = await logins.FindOrLinkAsync(identity, ct);
        switch (result.Problem)
        {
            case ExternalSignInProblem.None:
                break;
            case ExternalSignInProblem.NoEmail:
                return BackToSignIn("Your Microsoft account has no email address Trellis can use. Ask your administrator to add the email claim to the Trellis app registration");
            case ExternalSignInProblem.NoAccount:
                return BackToSignIn($"No Trellis account uses {identity.Email}. Ask your administrator to add you");
            case ExternalSignInProblem.LockedOut:
                return BackToSignIn("Your Trellis account is locked. Try again later, or ask your administrator");
            case ExternalSignInProblem.LinkedToSomeoneElse:
                return BackToSignIn($"The Trellis account for {identity.Email} is linked to a different Microsoft account. Ask your administrator to unlink it");
            default:
                throw new InvalidOperationException(result.Problem.ToString());
        }

        var user = result.User!;
        if (result.Linked)
        {
            LogLinked(logger, user.Id);
        }

        await signIn.SignInAsync(user, isPersistent: false, authenticationMethod: OpenIdConnectSignInOptions.Scheme);
        return LocalRedirect(SafeReturnUrl());
    }

    /// <summary>
    /// The stable key is the tenant and the object id (Entra's oid never changes or moves between people, unlike an
    /// address); a provider without them gives its issuer and subject instead.
    /// </summary>
    private static ExternalIdentity? Read(ClaimsPrincipal principal)
    {
        var id = principal.FindFirst(Names.ObjectId)?.Value ?? principal.FindFirst(Names.Subject)?.Value;
        var issuer = principal.FindFirst(Names.TenantId)?.Value ?? principal.FindFirst(Names.Issuer)?.Value
            ?? principal.FindFirst(Names.Subject)?.Issuer;
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(issuer))
        {
            return null;
        }

        var email = principal.FindFirst(Names.Email)?.Value;
        if (string.IsNullOrWhiteSpace(email))
        {
            var username = principal.FindFirst(Names.PreferredUsername)?.Value;
            email = username is not null && username.Contains('@', StringComparison.Ordinal) ? username : null;
        }

        return new ExternalIdentity(OpenIdConnectSignInOptions.Scheme, issuer + "/" + id, email);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Linked a Microsoft login to account {UserId} by its email address")]
    private static partial void LogLinked(ILogger logger, string userId);

    private RedirectResult BackToSignIn(string message)
    {
        TempData[ProblemKey] = message;
        return Redirect("/sign-in");
    }

    private string SafeReturnUrl() => !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";
}
