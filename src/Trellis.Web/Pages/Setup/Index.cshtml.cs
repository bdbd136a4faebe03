using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Trellis.Core.Accounts;
using Trellis.Core.Plans;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.Setup;

/// <summary>
/// First run of a real installation (demo data off): name the council and create its first administrator.
/// There is never a default password; once any account exists this page only redirects.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(WebServiceCollectionExtensions.SignInRateLimit)]
public class SetupModel(AccountService accounts, SignInManager<TrellisUser> signIn) : TrellisPageModel
{
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? DisplayName { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await accounts.AnyAccountsAsync(ct) ? Redirect("/") : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await accounts.AnyAccountsAsync(ct))
        {
            return Redirect("/");
        }

        if (string.IsNullOrWhiteSpace(Name))
        {
            ModelState.AddModelError(nameof(Name), "Enter your council's name");
        }
        else if (Name.Trim().Length > Organisation.NameMaxLength)
        {
            ModelState.AddModelError(nameof(Name), $"Your council's name must be {Organisation.NameMaxLength} characters or fewer");
        }

        if (string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(nameof(Password), "Enter a password");
        }
        else if (Password != ConfirmPassword)
        {
            ModelState.AddModelError(nameof(ConfirmPassword), "The passwords do not match");
        }

        if (ModelState.IsValid)
        {
            var result = await accounts.CreateFirstAdministratorAsync(Name!, new NewAccount(DisplayName ?? string.Empty, Email ?? string.Empty, Password, IsAdministrator: true), ct);
            if (result.Succeeded)
            {
                await signIn.SignInAsync(result.User!, isPersistent: false);
                return Redirect("/plans");
            }

            foreach (var (field, message) in result.Errors)
            {
                ModelState.AddModelError(field, message);
            }
        }

        return PageWithErrors();
    }
}
