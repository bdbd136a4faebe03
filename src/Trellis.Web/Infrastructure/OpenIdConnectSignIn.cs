using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Trellis.Web.Infrastructure;

/// <summary>
/// Signing in with an OpenID Connect provider (Microsoft Entra ID), off unless configured under
/// <c>Trellis:SignIn:OpenIdConnect</c>. It only links to accounts an administrator has added; it never creates one.
/// </summary>
public sealed class OpenIdConnectSignInOptions
{
    public const string Section = "Trellis:SignIn:OpenIdConnect";

    /// <summary>The authentication scheme, and the login provider name stored with each linked login.</summary>
    public const string Scheme = "Microsoft";

    public bool Enabled { get; set; }

    /// <summary>The words on the sign-in button.</summary>
    public string DisplayName { get; set; } = "Sign in with Microsoft";

    /// <summary>For Entra ID: https://login.microsoftonline.com/{tenant id}/v2.0</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    /// <summary>From configuration or the environment only (Trellis__SignIn__OpenIdConnect__ClientSecret); never logged.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Where the provider sends people back; the redirect URI registered with it is this path on the site's address.</summary>
    public string CallbackPath { get; set; } = "/signin-oidc";

    /// <summary>Tenant ids (the tid claim) allowed to sign in; empty allows whatever the authority issues for.</summary>
    public List<string> AllowedTenants { get; set; } = [];

    /// <summary>False hides the password form and refuses password sign-in and resets.</summary>
    public bool AllowLocalPasswords { get; set; } = true;

    /// <summary>Discovery over HTTPS only. Only a provider on loopback (tests) may need this false.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Whether people may sign in with a password on this installation.</summary>
    public bool PasswordsAllowed => !Enabled || AllowLocalPasswords;
}

/// <summary>Refuses to start with an incomplete OpenID Connect configuration, naming the missing key.</summary>
public sealed class OpenIdConnectSignInOptionsValidator : IValidateOptions<OpenIdConnectSignInOptions>
{
    public ValidateOptionsResult Validate(string? name, OpenIdConnectSignInOptions options)
    {
        const string Prefix = OpenIdConnectSignInOptions.Section + ":";
        if (!options.Enabled)
        {
            return options.AllowLocalPasswords
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail($"{Prefix}AllowLocalPasswords is false but {Prefix}Enabled is not true: nobody could sign in");
        }

        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Authority))
        {
            problems.Add($"{Prefix}Authority is missing (for Entra ID: https://login.microsoftonline.com/<tenant id>/v2.0)");
        }
        else if (!Uri.TryCreate(options.Authority, UriKind.Absolute, out var authority)
            || (authority.Scheme != Uri.UriSchemeHttps && (options.RequireHttpsMetadata || authority.Scheme != Uri.UriSchemeHttp)))
        {
            problems.Add($"{Prefix}Authority must be an https address");
        }

        if (string.IsNullOrWhiteSpace(options.ClientId))
        {
            problems.Add($"{Prefix}ClientId is missing (the app registration's application (client) id)");
        }

        if (string.IsNullOrWhiteSpace(options.ClientSecret))
        {
            problems.Add($"{Prefix}ClientSecret is missing (set it in the environment as Trellis__SignIn__OpenIdConnect__ClientSecret)");
        }

        if (string.IsNullOrWhiteSpace(options.CallbackPath) || !options.CallbackPath.StartsWith('/'))
        {
            problems.Add($"{Prefix}CallbackPath must be a path starting with /");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}

public static class OpenIdConnectSignInExtensions
{
    /// <summary>The claims read from the provider's id_token (kept under their JWT names).</summary>
    public static class ClaimNames
    {
        public const string Subject = "sub";
        public const string ObjectId = "oid";
        public const string TenantId = "tid";
        public const string Issuer = "iss";
        public const string Email = "email";
        public const string PreferredUsername = "preferred_username";
        public const string Name = "name";
    }

    /// <summary>Adds the OpenID Connect handler when configuration switches it on; the options are read and checked either way.</summary>
    public static IServiceCollection AddOpenIdConnectSignIn(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(OpenIdConnectSignInOptions.Section);
        services.AddOptions<OpenIdConnectSignInOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<OpenIdConnectSignInOptions>, OpenIdConnectSignInOptionsValidator>();
        if (!section.GetValue<bool>(nameof(OpenIdConnectSignInOptions.Enabled)))
        {
            return services;
        }

        services.AddAuthentication().AddOpenIdConnect(OpenIdConnectSignInOptions.Scheme, _ => { });
        services.AddOptions<OpenIdConnectOptions>(OpenIdConnectSignInOptions.Scheme)
            .Configure<IOptions<OpenIdConnectSignInOptions>>((o, settings) => Configure(o, settings.Value));
        return services;
    }

    private static void Configure(OpenIdConnectOptions o, OpenIdConnectSignInOptions settings)
    {
        // Identity's external cookie holds the provider's answer only until the callback page has matched an account.
        o.SignInScheme = IdentityConstants.ExternalScheme;
        o.Authority = settings.Authority;
        o.ClientId = settings.ClientId;
        o.ClientSecret = settings.ClientSecret;
        o.CallbackPath = settings.CallbackPath;
        o.RequireHttpsMetadata = settings.RequireHttpsMetadata;
        o.ResponseType = OpenIdConnectResponseType.Code;
        o.UsePkce = true;

        // The code comes back in the query: a top-level GET, so the correlation and nonce cookies can be SameSite=Lax
        // and need no antiforgery exemption; PKCE and the client secret protect the code.
        o.ResponseMode = OpenIdConnectResponseMode.Query;
        o.CorrelationCookie.SameSite = SameSiteMode.Lax;
        o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        o.NonceCookie.SameSite = SameSiteMode.Lax;
        o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;

        o.Scope.Clear();
        o.Scope.Add(OpenIdConnectScope.OpenIdProfile);
        o.Scope.Add(OpenIdConnectScope.Email);
        o.MapInboundClaims = false;
        o.GetClaimsFromUserInfoEndpoint = false;
        o.SaveTokens = false;
        o.DisableTelemetry = true;
        o.TokenValidationParameters.NameClaimType = ClaimNames.Name;
        o.TokenValidationParameters.ValidAudience = settings.ClientId;

        o.Events.OnTokenValidated = context =>
        {
            var tenant = context.Principal?.FindFirst(ClaimNames.TenantId)?.Value;
            if (settings.AllowedTenants.Count > 0 && (tenant is null || !settings.AllowedTenants.Contains(tenant, StringComparer.OrdinalIgnoreCase)))
            {
                context.Fail($"Tenant '{tenant}' is not in {OpenIdConnectSignInOptions.Section}:AllowedTenants");
            }

            return Task.CompletedTask;
        };

        // A refused or failed answer (bad signature, wrong audience or nonce, expired, cancelled) goes back to the
        // sign-in page with a plain message; the handler has already logged why.
        o.Events.OnRemoteFailure = context =>
        {
            context.Response.Redirect("/sign-in?external=failed");
            context.HandleResponse();
            return Task.CompletedTask;
        };
    }
}

/// <summary>A password page (forgotten password, reset) that answers 404 when configuration turns local passwords off.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class LocalPasswordsOnlyAttribute : Attribute, IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (!context.HttpContext.RequestServices.GetRequiredService<IOptions<OpenIdConnectSignInOptions>>().Value.PasswordsAllowed)
        {
            context.Result = new NotFoundResult();
            return;
        }

        await next();
    }
}
