using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Trellis.Core.Accounts;
using Trellis.Core.Data;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.Accounts.MicrosoftLogin;

/// <summary>Whether an account has a linked Microsoft login, and unlinking it (for example when the wrong person was linked).</summary>
[OrganisationAccess(OrganisationPermission.Administer)]
public class MicrosoftLoginModel(TrellisDbContext db, ExternalLoginService logins, CurrentOrganisation organisation) : TrellisPageModel
{
    [FromRoute]
    public string UserId { get; set; } = string.Empty;

    public string Name { get; private set; } = string.Empty;

    public string Email { get; private set; } = string.Empty;

    public LinkedLogin? Login { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (Login is not null)
        {
            await logins.UnlinkAsync(organisation.Id, UserId, OpenIdConnectSignInOptions.Scheme, ct);
            TempData["Notice"] = $"Microsoft sign-in unlinked from {Name}. Their next Microsoft sign-in links again by email address";
        }

        return Redirect($"/accounts/{Uri.EscapeDataString(UserId)}/microsoft");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var linked = await logins.LoginsAsync(organisation.Id, UserId, ct);
        if (linked is null)
        {
            return false;
        }

        var user = await db.Users.AsNoTracking().Where(u => u.Id == UserId).Select(u => new { u.DisplayName, u.Email }).FirstAsync(ct);
        (Name, Email) = (user.DisplayName, user.Email ?? string.Empty);
        Login = linked.FirstOrDefault(l => l.Provider == OpenIdConnectSignInOptions.Scheme);
        return true;
    }
}
