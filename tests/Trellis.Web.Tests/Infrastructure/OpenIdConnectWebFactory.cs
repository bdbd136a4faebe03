using Microsoft.AspNetCore.Hosting;
using Trellis.Testing;

namespace Trellis.Web.Tests.Infrastructure;

/// <summary>
/// The real app with OpenID Connect sign-in switched on by configuration and pointed at our loopback test provider.
/// Requests are anonymous unless they carry the sign-in cookie.
/// </summary>
public sealed class OpenIdConnectWebFactory : TrellisWebFactory
{
    private readonly TestOpenIdProvider _provider;

    public OpenIdConnectWebFactory(TestOpenIdProvider provider)
    {
        _provider = provider;
        SignedInAs.Email = null;

        // The correlation and nonce cookies expire by the app's clock, but clients (HttpClient's cookie jar, Chromium)
        // drop cookies by the real one, and IdentityModel checks token lifetimes by the real one too: so here the app's
        // clock is the real time, and the provider is given this same clock.
        Clock.AdjustTime(TimeProvider.System.GetUtcNow());
    }

    public bool AllowLocalPasswords { get; init; } = true;

    /// <summary>Leave the client secret out, to see start-up refuse the configuration.</summary>
    public bool OmitClientSecret { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        const string Section = "Trellis:SignIn:OpenIdConnect:";
        builder.UseSetting(Section + "Enabled", "true");
        builder.UseSetting(Section + "Authority", _provider.Authority);
        builder.UseSetting(Section + "ClientId", _provider.ClientId);
        if (!OmitClientSecret)
        {
            builder.UseSetting(Section + "ClientSecret", _provider.ClientSecret);
        }

        builder.UseSetting(Section + "RequireHttpsMetadata", "false");
        builder.UseSetting(Section + "AllowLocalPasswords", AllowLocalPasswords ? "true" : "false");
    }
}
