using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Trellis.Core.Accounts;
using Trellis.Core.Data;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.Account.SignIn;

/// <summary>
/// Sign in with an email address and password. While demo data is on, the demo council's people are
/// offered too, one per role, without a password: they are clearly marked and exist only in the demo.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(WebServiceCollectionExtensions.SignInRateLimit)]
public class SignInModel(
    TrellisDbContext db,
    SignInManager<TrellisUser> signIn,
    IOptions<TrellisOptions> options,
    IOptions<OpenIdConnectSignInOptions> openIdConnect) : TrellisPageModel
{
    /// <summary>The provider's button text when OpenID Connect sign-in is on.</summary>
    public string? ExternalSignIn => openIdConnect.Value.Enabled ? openIdConnect.Value.DisplayName : null;

    public bool PasswordsAllowed => openIdConnect.Value.PasswordsAllowed;

    /// <summary>Set by the OpenID Connect handler when the provider's answer was refused.</summary>
    [BindProperty(SupportsGet = true)]
    public string? External { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public IReadOnlyList<DemoAccount> DemoAccounts { get; private set; } = [];

    public sealed record DemoAccount(string Id, string Name, string? JobTitle, string Role, string RoleDescription);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await db.Users.AnyAsync(ct))
        {
            return Redirect("/setup");
        }

        if (User.Account() is not null)
        {
            return LocalRedirect(SafeReturnUrl());
        }

        if (TempData[MicrosoftSignIn.MicrosoftSignInModel.ProblemKey] is string problem)
        {
            ModelState.AddModelError(string.Empty, problem);
        }
        else if (External == "failed" && ExternalSignIn is not null)
        {
            ModelState.AddModelError(string.Empty, "Signing in with Microsoft did not work. Try again, or ask your administrator");
        }

        await LoadDemoAccountsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!PasswordsAllowed)
        {
            ModelState.AddModelError(string.Empty, $"This service does not use passwords. {ExternalSignIn} instead");
            await LoadDemoAccountsAsync(ct);
            return PageWithErrors();
        }

        if (string.IsNullOrWhiteSpace(Email))
        {
            ModelState.AddModelError(nameof(Email), "Enter your email address");
        }

        if (string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(nameof(Password), "Enter your password");
        }

        if (ModelState.IsValid)
        {
            var user = await signIn.UserManager.FindByEmailAsync(Email!.Trim());
            if (user is not null)
            {
                var result = await signIn.PasswordSignInAsync(user, Password!, isPersistent: false, lockoutOnFailure: true);
                if (result.Succeeded)
                {
                    return LocalRedirect(SafeReturnUrl());
                }

                if (result.IsLockedOut)
                {
                    ModelState.AddModelError(nameof(Email), "This account is locked for 15 minutes after too many wrong passwords. Try again later, or reset your password");
                }
            }

            if (ModelState.IsValid)
            {
                // The same words whether or not the address has an account, so the page cannot be used to find out.
                ModelState.AddModelError(nameof(Email), "The email address or password is not right");
            }
        }

        await LoadDemoAccountsAsync(ct);
        return PageWithErrors();
    }

    /// <summary>Signs in as one of the demo council's people. Refused unless demo data is on and the account is a demo one.</summary>
    public async Task<IActionResult> OnPostDemoAsync(string? id, CancellationToken ct)
    {
        if (!options.Value.DemoData || string.IsNullOrEmpty(id))
        {
            return NotFound();
        }

        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id && u.IsDemo, ct);
        if (user is null)
        {
            return NotFound();
        }

        await signIn.SignInAsync(user, isPersistent: false);
        return LocalRedirect(SafeReturnUrl());
    }

    private string SafeReturnUrl() => !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";

    private async Task LoadDemoAccountsAsync(CancellationToken ct)
    {
        if (!options.Value.DemoData)
        {
            return;
        }

        var accounts = await db.Users.AsNoTracking().Where(u => u.IsDemo)
            .Select(u => new
            {
                u.Id,
                u.DisplayName,
                JobTitle = u.Person == null ? null : u.Person.JobTitle,
                u.IsAdministrator,
                Roles = u.Memberships.Select(m => m.Role).ToList(),
            })
            .ToListAsync(ct);
        DemoAccounts = [.. accounts
            .Select(a => (a, Role: a.IsAdministrator ? PlanRole.Administrator : a.Roles.DefaultIfEmpty(PlanRole.Reader).Max()))
            .OrderByDescending(x => x.Role)
            .Select(x => new DemoAccount(x.a.Id, x.a.DisplayName, x.a.JobTitle, x.Role.Label(), x.Role.Description()))];
    }
}
