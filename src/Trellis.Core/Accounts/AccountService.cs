using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Trellis.Core.Data;
using Trellis.Core.Plans;

namespace Trellis.Core.Accounts;

/// <summary>The outcome of an account change: done, or the reasons it was refused (field, message).</summary>
public sealed record AccountResult(TrellisUser? User, IReadOnlyList<(string Field, string Message)> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public static AccountResult Failed(string field, string message) => new(null, [(field, message)]);
}

public sealed record NewAccount(string DisplayName, string Email, string? Password, bool IsAdministrator, int? PersonId = null);

/// <summary>Accounts and roles: the first administrator, new accounts, and who holds which role in which plan.</summary>
public sealed class AccountService(TrellisDbContext db, UserManager<TrellisUser> users)
{
    /// <summary>Whether anyone can sign in yet. A real installation starts without accounts.</summary>
    public Task<bool> AnyAccountsAsync(CancellationToken ct = default) => db.Users.AnyAsync(ct);

    /// <summary>
    /// First run of a real installation: the council and its first administrator, together or not at all.
    /// Refused once any account exists, so the set-up page cannot be used to take over an installation.
    /// </summary>
    public async Task<AccountResult> CreateFirstAdministratorAsync(string councilName, NewAccount account, CancellationToken ct = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await db.Users.AnyAsync(ct))
        {
            return AccountResult.Failed("Email", "This installation already has an administrator: sign in instead");
        }

        var organisation = await db.Organisations.OrderBy(o => o.Id).FirstOrDefaultAsync(ct);
        if (organisation is null)
        {
            organisation = new Organisation { Name = councilName.Trim() };
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync(ct);
        }

        var result = await CreateAsync(organisation.Id, account with { IsAdministrator = true }, ct);
        if (result.Succeeded)
        {
            await transaction.CommitAsync(ct);
        }

        return result;
    }

    /// <summary>A new account in the organisation. Without a password the person sets one through a reset link.</summary>
    public async Task<AccountResult> CreateAsync(int organisationId, NewAccount account, CancellationToken ct = default)
    {
        var email = account.Email.Trim();
        var errors = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(account.DisplayName))
        {
            errors.Add(("DisplayName", "Enter the person's name"));
        }
        else if (account.DisplayName.Trim().Length > TrellisUser.DisplayNameMaxLength)
        {
            errors.Add(("DisplayName", $"The name must be {TrellisUser.DisplayNameMaxLength} characters or fewer"));
        }

        if (!LooksLikeEmail(email))
        {
            errors.Add(("Email", "Enter an email address in the correct format, like name@council.gov.uk"));
        }
        else if (await users.FindByEmailAsync(email) is not null)
        {
            errors.Add(("Email", "An account with this email address already exists"));
        }

        if (account.PersonId is { } personId && !await db.People.AnyAsync(p => p.Id == personId && p.OrganisationId == organisationId, ct))
        {
            errors.Add(("PersonId", "Choose a person from your council's people"));
        }

        if (errors.Count > 0)
        {
            return new AccountResult(null, errors);
        }

        var user = new TrellisUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = account.DisplayName.Trim(),
            OrganisationId = organisationId,
            IsAdministrator = account.IsAdministrator,
            PersonId = account.PersonId,
            LockoutEnabled = true,
        };
        var created = account.Password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, account.Password);
        return created.Succeeded
            ? new AccountResult(user, [])
            : new AccountResult(null, [.. created.Errors.Select(e => (e.Code.Contains("Password", StringComparison.Ordinal) ? "Password" : "Email", e.Description))]);
    }

    /// <summary>Gives the person a role in the plan, changes it, or (null) takes it away.</summary>
    public async Task<bool> SetRoleAsync(int organisationId, string userId, int planId, PlanRole? role, CancellationToken ct = default)
    {
        var planOk = await db.Plans.AnyAsync(p => p.Id == planId && p.OrganisationId == organisationId, ct);
        var userOk = await db.Users.AnyAsync(u => u.Id == userId && u.OrganisationId == organisationId, ct);
        if (!planOk || !userOk || role == PlanRole.Administrator)
        {
            return false;
        }

        var membership = await db.PlanMemberships.FirstOrDefaultAsync(m => m.PlanId == planId && m.UserId == userId, ct);
        if (role is null)
        {
            if (membership is not null)
            {
                db.PlanMemberships.Remove(membership);
            }
        }
        else if (membership is null)
        {
            db.PlanMemberships.Add(new PlanMembership { PlanId = planId, UserId = userId, Role = role.Value });
        }
        else
        {
            membership.Role = role.Value;
        }

        await db.SaveChangesAsync(ct);
        return true;
    }

    internal static bool LooksLikeEmail(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == email.LastIndexOf('@') && email.IndexOf('.', at) > at + 1 && !email.EndsWith('.') && !email.Any(char.IsWhiteSpace) && email.Length <= 254;
    }
}
