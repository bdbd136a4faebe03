using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Trellis.Testing;

/// <summary>Who the test provider says has signed in, with the claims Microsoft Entra ID puts in an id_token.</summary>
public sealed record TestOpenIdUser(string ObjectId, string TenantId, string? Email, string Name, string? PreferredUsername = null)
{
    public string Subject { get; init; } = "sub-" + ObjectId;
}

/// <summary>What the provider gets wrong on purpose, so tests can see the app refuse it.</summary>
public enum TestOpenIdFault
{
    None,

    /// <summary>The id_token is signed with a key that is not in the JWKS (same key id).</summary>
    BadSignature,

    /// <summary>The id_token is for another client.</summary>
    WrongAudience,

    /// <summary>The id_token carries a nonce other than the one the app sent.</summary>
    WrongNonce,

    /// <summary>The id_token expired an hour ago.</summary>
    Expired,

    /// <summary>The id_token names another issuer.</summary>
    WrongIssuer,
}

/// <summary>
/// A small OpenID Connect provider of our own on loopback, for tests: discovery, JWKS (an RSA key made per run),
/// /authorize (no UI: it answers at once with a code for <see cref="SignInAs"/>, honouring state, nonce and the PKCE
/// challenge) and /token (checks the client, the code, the redirect URI and the PKCE verifier, and returns an RS256
/// id_token). Codes are single use. Only the authorization code flow with S256 PKCE and query responses.
/// </summary>
public sealed class TestOpenIdProvider : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly RSA _key = RSA.Create(2048);
    private readonly RSA _otherKey = RSA.Create(2048);
    private readonly string _keyId = "test-" + Guid.NewGuid().ToString("N")[..8];
    private readonly ConcurrentDictionary<string, PendingCode> _codes = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _log = new();
    private readonly TimeProvider _clock;

    private TestOpenIdProvider(WebApplication app, TimeProvider clock)
    {
        _app = app;
        _clock = clock;
    }

    /// <summary>The issuer and the base of every endpoint, e.g. http://127.0.0.1:41234</summary>
    public string Authority { get; private set; } = string.Empty;

    public string ClientId { get; } = "trellis-test-client";

    public string ClientSecret { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    /// <summary>Redirect URIs the client registered; /authorize refuses any other.</summary>
    public ConcurrentBag<string> RedirectUris { get; } = [];

    /// <summary>Who signs in at the next /authorize; null answers access_denied, as a cancelled sign-in would.</summary>
    public TestOpenIdUser? SignInAs { get; set; }

    public TestOpenIdFault Fault { get; set; }

    /// <summary>What the provider was asked, one line per request ("authorize code_challenge_method=S256 ...", "token ok").</summary>
    public IReadOnlyList<string> Log => [.. _log];

    public static async Task<TestOpenIdProvider> StartAsync(TimeProvider? clock = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var provider = new TestOpenIdProvider(app, clock ?? TimeProvider.System);
        provider.Map();
        await app.StartAsync();
        provider.Authority = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return provider;
    }

    private void Map()
    {
        _app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Authority,
            ["authorization_endpoint"] = Authority + "/authorize",
            ["token_endpoint"] = Authority + "/token",
            ["jwks_uri"] = Authority + "/jwks",
            ["response_types_supported"] = new List<string> { "code" },
            ["response_modes_supported"] = new List<string> { "query" },
            ["subject_types_supported"] = new List<string> { "pairwise" },
            ["id_token_signing_alg_values_supported"] = new List<string> { "RS256" },
            ["scopes_supported"] = new List<string> { "openid", "profile", "email" },
            ["token_endpoint_auth_methods_supported"] = new List<string> { "client_secret_post", "client_secret_basic" },
            ["code_challenge_methods_supported"] = new List<string> { "S256" },
            ["claims_supported"] = new List<string> { "sub", "iss", "aud", "exp", "iat", "nonce", "oid", "tid", "email", "preferred_username", "name" },
        }));
        _app.MapGet("/jwks", () =>
        {
            var p = _key.ExportParameters(includePrivateParameters: false);
            return Results.Json(new
            {
                keys = new[]
                {
                    new Dictionary<string, string>
                    {
                        ["kty"] = "RSA", ["use"] = "sig", ["alg"] = "RS256", ["kid"] = _keyId,
                        ["n"] = Base64Url(p.Modulus!), ["e"] = Base64Url(p.Exponent!),
                    },
                },
            });
        });
        _app.MapGet("/authorize", Authorize);
        _app.MapPost("/token", TokenAsync);
    }

    private IResult Authorize(HttpRequest request)
    {
        var q = request.Query;
        string? Get(string name) => q.TryGetValue(name, out var v) ? v.ToString() : null;
        var redirectUri = Get("redirect_uri");
        _log.Enqueue($"authorize client_id={Get("client_id")} response_type={Get("response_type")} response_mode={Get("response_mode")} code_challenge_method={Get("code_challenge_method")} scope={Get("scope")}");

        // Never redirect to an address the client did not register.
        if (Get("client_id") != ClientId || redirectUri is null || !RedirectUris.Contains(redirectUri))
        {
            return Results.BadRequest("unknown client or redirect_uri");
        }

        var state = Get("state");
        IResult Error(string error) => Results.Redirect(With(redirectUri, ("error", error), ("state", state)));
        if (Get("response_type") != "code" || Get("response_mode") is not (null or "query")
            || !(Get("scope") ?? string.Empty).Split(' ').Contains("openid", StringComparer.Ordinal))
        {
            return Error("invalid_request");
        }

        if (Get("code_challenge_method") != "S256" || string.IsNullOrEmpty(Get("code_challenge")))
        {
            return Error("invalid_request");
        }

        if (SignInAs is not { } user)
        {
            return Error("access_denied");
        }

        var code = Base64Url(RandomNumberGenerator.GetBytes(32));
        _codes[code] = new PendingCode(user, redirectUri, Get("nonce"), Get("code_challenge")!, Fault, _clock.GetUtcNow());
        return Results.Redirect(With(redirectUri, ("code", code), ("state", state)));
    }

    private async Task<IResult> TokenAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        string? Get(string name) => form.TryGetValue(name, out var v) ? v.ToString() : null;
        var (clientId, secret) = (Get("client_id"), Get("client_secret"));
        if (request.Headers.Authorization.ToString() is { } header && header.StartsWith("Basic ", StringComparison.Ordinal))
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..])).Split(':', 2);
            (clientId, secret) = (Uri.UnescapeDataString(pair[0]), Uri.UnescapeDataString(pair[1]));
        }

        IResult Refuse(string error, string why, int status = 400)
        {
            _log.Enqueue($"token refused {error}: {why}");
            return Results.Json(new { error, error_description = why }, statusCode: status);
        }

        if (clientId != ClientId || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(secret ?? string.Empty), Encoding.UTF8.GetBytes(ClientSecret)))
        {
            return Refuse("invalid_client", "wrong client id or secret", 401);
        }

        if (Get("grant_type") != "authorization_code")
        {
            return Refuse("unsupported_grant_type", "only authorization_code");
        }

        if (Get("code") is not { } code || !_codes.TryRemove(code, out var pending))
        {
            return Refuse("invalid_grant", "unknown or used code");
        }

        if (_clock.GetUtcNow() - pending.IssuedAt > TimeSpan.FromMinutes(5) || Get("redirect_uri") != pending.RedirectUri)
        {
            return Refuse("invalid_grant", "code expired or redirect_uri differs");
        }

        var verifier = Get("code_verifier");
        if (string.IsNullOrEmpty(verifier) || Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))) != pending.Challenge)
        {
            return Refuse("invalid_grant", "PKCE code_verifier does not match the code_challenge");
        }

        _log.Enqueue("token ok");
        return Results.Json(new Dictionary<string, object>
        {
            ["access_token"] = Base64Url(RandomNumberGenerator.GetBytes(32)),
            ["token_type"] = "Bearer",
            ["expires_in"] = 3600,
            ["scope"] = "openid profile email",
            ["id_token"] = IdToken(pending),
        });
    }

    private string IdToken(PendingCode pending)
    {
        var now = _clock.GetUtcNow();
        var issuedAt = pending.Fault == TestOpenIdFault.Expired ? now.AddHours(-2) : now;
        var user = pending.User;
        var claims = new Dictionary<string, object?>
        {
            ["iss"] = pending.Fault == TestOpenIdFault.WrongIssuer ? Authority + "/someone-else" : Authority,
            ["sub"] = user.Subject,
            ["aud"] = pending.Fault == TestOpenIdFault.WrongAudience ? "another-client" : ClientId,
            ["iat"] = issuedAt.ToUnixTimeSeconds(),
            ["nbf"] = issuedAt.ToUnixTimeSeconds(),
            ["exp"] = issuedAt.AddHours(1).ToUnixTimeSeconds(),
            ["nonce"] = pending.Fault == TestOpenIdFault.WrongNonce ? "not-the-nonce-that-was-sent" : pending.Nonce,
            ["oid"] = user.ObjectId,
            ["tid"] = user.TenantId,
            ["name"] = user.Name,
            ["email"] = user.Email,
            ["preferred_username"] = user.PreferredUsername ?? user.Email,
        };
        var header = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new { alg = "RS256", kid = _keyId, typ = "JWT" }));
        var payload = Base64Url(JsonSerializer.SerializeToUtf8Bytes(claims.Where(c => c.Value is not null).ToDictionary()));
        var signingKey = pending.Fault == TestOpenIdFault.BadSignature ? _otherKey : _key;
        var signature = signingKey.SignData(Encoding.ASCII.GetBytes(header + "." + payload), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return header + "." + payload + "." + Base64Url(signature);
    }

    private static string With(string uri, params (string Name, string? Value)[] parameters)
    {
        var query = string.Join('&', parameters.Where(p => p.Value is not null).Select(p => p.Name + "=" + Uri.EscapeDataString(p.Value!)));
        return uri + (uri.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query;
    }

    private static string Base64Url(byte[] bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _key.Dispose();
        _otherKey.Dispose();
    }

    private sealed record PendingCode(TestOpenIdUser User, string RedirectUri, string? Nonce, string Challenge, TestOpenIdFault Fault, DateTimeOffset IssuedAt);
}
