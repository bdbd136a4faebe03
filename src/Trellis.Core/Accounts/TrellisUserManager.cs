using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Trellis.Core.Accounts;

/// <summary>
/// Identity's user manager with lockout on the injected clock: Identity 10 reads the system clock for lockout (the
/// TimeProvider hook arrives in .NET 11), so without this a test could not show a lock ending after 15 minutes.
/// The two overrides do what Identity's own do, with <see cref="TimeProvider"/> for "now".
/// </summary>
public sealed class TrellisUserManager(
    IUserStore<TrellisUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<TrellisUser> passwordHasher,
    IEnumerable<IUserValidator<TrellisUser>> userValidators,
    IEnumerable<IPasswordValidator<TrellisUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<TrellisUser>> logger,
    TimeProvider clock)
    : UserManager<TrellisUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    private IUserLockoutStore<TrellisUser> LockoutStore => (IUserLockoutStore<TrellisUser>)Store;

    public override async Task<bool> IsLockedOutAsync(TrellisUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!await LockoutStore.GetLockoutEnabledAsync(user, CancellationToken))
        {
            return false;
        }

        return await LockoutStore.GetLockoutEndDateAsync(user, CancellationToken) >= clock.GetUtcNow();
    }

    public override async Task<IdentityResult> AccessFailedAsync(TrellisUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var count = await LockoutStore.IncrementAccessFailedCountAsync(user, CancellationToken);
        if (count < Options.Lockout.MaxFailedAccessAttempts)
        {
            return await UpdateUserAsync(user);
        }

        await LockoutStore.SetLockoutEndDateAsync(user, clock.GetUtcNow().Add(Options.Lockout.DefaultLockoutTimeSpan), CancellationToken);
        await LockoutStore.ResetAccessFailedCountAsync(user, CancellationToken);
        return await UpdateUserAsync(user);
    }
}
