using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Trellis.Core.Accounts;

/// <summary>
/// A personal API token: lets a council's reporting job call the JSON API as the person who made it, with that
/// person's roles. Only a SHA-256 hash of the token is kept; the token itself is shown once, when it is made. Its first
/// characters (<see cref="Prefix"/>) are kept as they are, to find the row and to let the owner tell tokens apart.
/// </summary>
public class ApiToken
{
    public const int NameMaxLength = 100;

    /// <summary>"trl_" and 8 characters of the token.</summary>
    public const int PrefixLength = 12;

    public const int HashLength = 64;

    /// <summary>The longest a token may live.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(366);

    public int Id { get; set; }
    public string UserId { get; set; } = string.Empty;
    public TrellisUser? User { get; set; }
    public string Name { get; set; } = string.Empty;
    public string Prefix { get; set; } = string.Empty;

    /// <summary>Hex SHA-256 of the whole token. Named so the audit trail leaves it out (see TrellisDbContext.Audit).</summary>
    public string SecretHash { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}

public sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(ApiToken.NameMaxLength);
        builder.Property(t => t.Prefix).HasMaxLength(ApiToken.PrefixLength);
        builder.Property(t => t.SecretHash).HasMaxLength(ApiToken.HashLength);
        builder.HasIndex(t => t.Prefix);
        builder.HasIndex(t => t.UserId);
        builder.HasOne(t => t.User).WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
