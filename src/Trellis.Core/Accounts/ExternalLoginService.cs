using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Trellis.Core.Data;

namespace Trellis.Core.Accounts;

/// <summary>Who an OpenID Connect provider says signed in: a stable key (tenant and object id) and the address it vouches for.</summary>
public sealed record ExternalIdentity(string Provider, string Key, string? Email);

public enum ExternalSignInProblem
{
    None,
    NoEmail,
    NoAccount,
    LockedOut,
    LinkedToSomeoneElse,
}

public sealed record ExternalSignInResult(TrellisUser? User, ExternalSignInProblem Problem, bool Linked = false);

/// <summary>A linked login as the accounts pages show it.</summary>
public sealed record LinkedLogin(string Provider, string Key, string? Name);

/// <summary>
/// Matches someone signed in by the provider to an existing Trellis account: by a login linked before, or else
/// by their email address, which then links the login so later sign-ins use the stable id. Never creates an account.
/// </summary>
public sealed class ExternalLoginService(TrellisDbContext db, UserManager<TrellisUser> users)
{
    public async Task<ExternalSignInResult> FindOrLinkAsync(ExternalIdentity identity, CancellationToken ct = default)
    {
        var user = await users.FindByLoginAsync(identity.Provider, identity.Key);
        var linked = false;
        if (user is null)
        {
            if (string.IsNullOrWhiteSpace(identity.Email))
            {
                return new(null, ExternalSignInProblem.NoEmail);
            }

            user = await users.FindByEmailAsync(identity.Email.Trim());
            if (user is null)
            {
                return new(null, ExternalSignInProblem.NoAccount);
            }

            if (await users.IsLockedOutAsync(user))
            {
                return new(null, ExternalSignInProblem.LockedOut);
            }

            // One provider login per account: a second person at the provider with the same address is not let in.
            var existing = await users.GetLoginsAsync(user);
            if (existing.Any(l => l.LoginProvider == identity.Provider))
            {
                return new(null, ExternalSignInProblem.LinkedToSomeoneElse);
            }

            var added = await users.AddLoginAsync(user, new UserLoginInfo(identity.Provider, identity.Key, identity.Email.Trim()));
            if (!added.Succeeded)
            {
                throw new InvalidOperationException("Could not link the login: " + string.Join("; ", added.Errors.Select(e => e.Description)));
            }

            linked = true;
        }

        if (await users.IsLockedOutAsync(user))
        {
            return new(null, ExternalSignInProblem.LockedOut);
        }

        return new(user, ExternalSignInProblem.None, linked);
    }

    /// <summary>The account's linked provider logins, if it belongs to the organisation (null otherwise).</summary>
    public async Task<IReadOnlyList<LinkedLogin>?> LoginsAsync(int organisationId, string userId, CancellationToken ct = default)
    {
        if (!await db.Users.AnyAsync(u => u.Id == userId && u.OrganisationId == organisationId, ct))
        {
            return null;
        }

        return await db.UserLogins.AsNoTracking().Where(l => l.UserId == userId)
            .OrderBy(l => l.LoginProvider)
            .Select(l => new LinkedLogin(l.LoginProvider, l.ProviderKey, l.ProviderDisplayName))
            .ToListAsync(ct);
    }

    /// <summary>Unlinks a provider login from an account of the organisation; the next sign-in with it matches by email again.</summary>
    public async Task<bool> UnlinkAsync(int organisationId, string userId, string provider, CancellationToken ct = default)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId && u.OrganisationId == organisationId, ct);
        if (user is null)
        {
            return false;
        }

        var login = (await users.GetLoginsAsync(user)).FirstOrDefault(l => l.LoginProvider == provider);
        if (login is null)
        {
            return false;
        }

        var removed = await users.RemoveLoginAsync(user, login.LoginProvider, login.ProviderKey);
        return removed.Succeeded;
    }
}
