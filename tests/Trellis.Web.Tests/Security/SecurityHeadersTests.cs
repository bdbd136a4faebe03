using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Trellis.Web.Infrastructure;
using Trellis.Web.Tests.Infrastructure;

namespace Trellis.Web.Tests.Security;

/// <summary>The headers every response carries, read over HTTP.</summary>
public sealed class SecurityHeadersTests(TrellisWebFactory factory) : IClassFixture<TrellisWebFactory>
{
    [Fact]
    public async Task Get_PlanPageSignedIn_HasEveryHeader_AndIsNotCached()
    {
        factory.SignedInAs.Email = TrellisWebFactory.Administrator;
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var response = await client.GetAsync("/plans");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.Contains("style-src 'self';", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", csp, StringComparison.Ordinal);
        Assert.Contains("camera=()", Header(response, "Permissions-Policy"), StringComparison.Ordinal);
        Assert.Contains("geolocation=()", Header(response, "Permissions-Policy"), StringComparison.Ordinal);
        Assert.Equal("same-origin", Header(response, "Cross-Origin-Opener-Policy"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("same-origin", Header(response, "Referrer-Policy"));
        Assert.True(response.Headers.CacheControl?.NoStore, "A page of plan content for a signed-in person must say no-store");
        Assert.False(response.Headers.Contains("Strict-Transport-Security"), "HSTS is only for HTTPS outside development");
    }

    [Fact]
    public async Task Get_StaticFile_KeepsItsCaching_ButHasThePolicy()
    {
        factory.SignedInAs.Email = TrellisWebFactory.Administrator;
        using var client = factory.CreateClient();
        using var response = await client.GetAsync("/css/trellis.css");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(WebServiceCollectionExtensions.ContentSecurityPolicy, Header(response, "Content-Security-Policy"));
        Assert.NotEqual(true, response.Headers.CacheControl?.NoStore);
        Assert.Contains(".trellis-chart", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Anonymous_IsNotMarkedNoStore_ButHasThePolicy()
    {
        factory.SignedInAs.Email = null;
        try
        {
            using var client = factory.CreateClient();
            using var response = await client.GetAsync("/healthz");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(WebServiceCollectionExtensions.ContentSecurityPolicy, Header(response, "Content-Security-Policy"));
            Assert.NotEqual(true, response.Headers.CacheControl?.NoStore);
        }
        finally
        {
            factory.SignedInAs.Email = TrellisWebFactory.Administrator;
        }
    }

    [Fact]
    public async Task Production_OverHttps_SendsHsts_ForAYear_AndNotOverHttp()
    {
        using var production = factory.WithWebHostBuilder(b => b.UseEnvironment("Production"));
        using var https = production.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://trellis.castlebridge.example/"), AllowAutoRedirect = false });
        using var secure = await https.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, secure.StatusCode);
        Assert.Equal("max-age=31536000; includeSubDomains", Header(secure, "Strict-Transport-Security"));

        using var http = production.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://trellis.castlebridge.example/"), AllowAutoRedirect = false });
        using var plain = await http.GetAsync("/healthz");
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : string.Empty;
}
