using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Trellis.Core.Data;

namespace Trellis.Core.Accounts;

/// <summary>A token as its owner sees it in the list (never the token itself).</summary>
public sealed record ApiTokenSummary(int Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);

/// <summary>What checking a presented token found: the token's owner and name, or why it is refused.</summary>
public sealed record ApiTokenCheck(string? UserId, string? TokenName, string? Refusal)
{
    public bool Succeeded => UserId is not null;
}

/// <summary>Makes, lists, revokes and checks personal API tokens.</summary>
public sealed class ApiTokenService(TrellisDbContext db, TimeProvider clock)
{
    public const string TokenStart = "trl_";

    /// <summary>Makes a token for the account; returns the token, which is never available again.</summary>
    public async Task<string> CreateAsync(string userId, string name, TimeSpan lifetime, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lifetime, ApiToken.MaxLifetime);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lifetime, TimeSpan.Zero);
        var token = TokenStart + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
        var now = clock.GetUtcNow();
        db.Add(new ApiToken
        {
            UserId = userId,
            Name = name.Trim(),
            Prefix = token[..ApiToken.PrefixLength],
            SecretHash = Hash(token),
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        });
        await db.SaveChangesAsync(ct);
        return token;
    }

    public async Task<List<ApiTokenSummary>> ListAsync(string userId, CancellationToken ct = default) =>
        await db.Set<ApiToken>().AsNoTracking().Where(t => t.UserId == userId).OrderBy(t => t.Id)
            .Select(t => new ApiTokenSummary(t.Id, t.Name, t.Prefix, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt))
            .ToListAsync(ct);

    /// <summary>Revokes one of the account's own tokens; false when it has no such token.</summary>
    public async Task<bool> RevokeAsync(string userId, int id, CancellationToken ct = default)
    {
        var token = await db.Set<ApiToken>().FirstOrDefaultAsync(t => t.Id == id && t.UserId == userId, ct);
        if (token is null)
        {
            return false;
        }

        token.RevokedAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Checks a presented token and, when it is good, records that it was used.</summary>
    public async Task<ApiTokenCheck> CheckAsync(string presented, CancellationToken ct = default)
    {
        if (!presented.StartsWith(TokenStart, StringComparison.Ordinal) || presented.Length < ApiToken.PrefixLength + 8)
        {
            return new(null, null, "This is not a Trellis API token");
        }

        var hash = Encoding.ASCII.GetBytes(Hash(presented));
        var prefix = presented[..ApiToken.PrefixLength];
        var candidates = await db.Set<ApiToken>().AsNoTracking().Where(t => t.Prefix == prefix).ToListAsync(ct);
        var token = candidates.Find(t => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(t.SecretHash), hash));
        var now = clock.GetUtcNow();
        if (token is null)
        {
            return new(null, null, "This API token is not known");
        }

        if (token.RevokedAt is not null)
        {
            return new(null, token.Name, "This API token has been revoked");
        }

        if (token.ExpiresAt <= now)
        {
            return new(null, token.Name, "This API token has expired");
        }

        // Straight to the row: a use is not a change anyone needs in the audit trail.
        await db.Set<ApiToken>().Where(t => t.Id == token.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), ct);
        return new(token.UserId, token.Name, null);
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
