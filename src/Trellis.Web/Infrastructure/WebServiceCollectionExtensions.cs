using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Trellis.Core.Accounts;

namespace Trellis.Web.Infrastructure;

public static class WebServiceCollectionExtensions
{
    /// <summary>The web app's own services: pages, the current organisation, form conventions.</summary>
    public static IServiceCollection AddTrellisWeb(this IServiceCollection services)
    {
        services.AddRazorPages(o =>
        {
            o.Conventions.ConfigureFilter(new Microsoft.AspNetCore.Mvc.AutoValidateAntiforgeryTokenAttribute());
        });
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(o => o.Filters.Add<AccessFilter>());
        services.AddScoped<AccessFilter>();
        services.AddScoped<PlanAccessContext>();
        services.AddHttpContextAccessor();
        services.AddScoped<Trellis.Core.Audit.IAuditActor, SignedInAuditActor>();
        AddSignIn(services);
        // Names such as Siân and dashes stay readable in the HTML; encoding still escapes markup.
        services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddScoped<CurrentOrganisation>();
        services.AddScoped<PendingSignOffs>();
        services.AddScoped<NavigationAccess>();
        services.AddRouting(o => o.LowercaseUrls = true);
        services.AddTrellisHsts();
        return services;
    }

    /// <summary>
    /// Sign-in with Identity's cookie: every page needs a signed-in person unless it says otherwise,
    /// and password sign-in is rate limited per client address on top of Identity's own lockout.
    /// </summary>
    private static void AddSignIn(IServiceCollection services)
    {
        services.AddIdentityCore<TrellisUser>().AddSignInManager().AddClaimsPrincipalFactory<TrellisClaimsFactory>();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddApiTokens().AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = ".Trellis.SignIn";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = "/sign-in";
            o.LogoutPath = "/sign-out";
            o.AccessDeniedPath = "/error/403";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
        });
        services.AddAuthorization(o => o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Only attempts count (posts), per client address. A whole council may sit behind one address, so the
            // limit is generous; Identity's lockout (5 wrong passwords) protects each account on its own.
            o.AddPolicy(SignInRateLimit, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetSlidingWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new SlidingWindowRateLimiterOptions { PermitLimit = SignInAttemptsPerMinute, Window = TimeSpan.FromMinutes(1), SegmentsPerWindow = 6, QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("pages"));
        });
    }

    /// <summary>The rate-limit policy on sign-in and password-reset posts.</summary>
    public const string SignInRateLimit = "sign-in";

    /// <summary>Sign-in (and set-up) attempts allowed per client address per minute.</summary>
    public const int SignInAttemptsPerMinute = 30;

    /// <summary>
    /// Headers every response gets: no framing, no sniffing, a strict content policy (our own scripts and styles only,
    /// no inline ones), no powerful browser features, a window of its own. What a signed-in person sees is never kept
    /// in a cache (shared computers in council offices); static files, served before sign-in is read, keep theirs.
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        // Forms post only to us, and, with OpenID Connect on, our sign-in button's redirect may go on to the provider.
        var provider = app.ApplicationServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<OpenIdConnectSignInOptions>>().Value;
        var policy = provider.Enabled && Uri.TryCreate(provider.Authority, UriKind.Absolute, out var authority)
            ? ContentSecurityPolicy.Replace("form-action 'self'", "form-action 'self' " + authority.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal)
            : ContentSecurityPolicy;
        return app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers["X-Content-Type-Options"] = "nosniff";
            headers["X-Frame-Options"] = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers.ContentSecurityPolicy = policy;
            headers["Permissions-Policy"] = PermissionsPolicy;
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            context.Response.OnStarting(() =>
            {
                if (context.User.Identity?.IsAuthenticated == true)
                {
                    context.Response.Headers.CacheControl = "no-store";
                    context.Response.Headers.Pragma = "no-cache";
                }

                return Task.CompletedTask;
            });
            await next();
        });
    }

    /// <summary>The app's content security policy: nothing inline, nothing from elsewhere (with Microsoft sign-in on, forms may also lead to the provider).</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'";

    /// <summary>Browser features Trellis never uses, switched off for every page.</summary>
    public const string PermissionsPolicy =
        "accelerometer=(), autoplay=(), camera=(), display-capture=(), fullscreen=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), usb=()";

    /// <summary>HTTP Strict Transport Security outside development: a year, subdomains included (councils serve from their own domain).</summary>
    public static IServiceCollection AddTrellisHsts(this IServiceCollection services) => services.AddHsts(o =>
    {
        o.MaxAge = TimeSpan.FromDays(365);
        o.IncludeSubDomains = true;
    });
}
