using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Trellis.Core.Accounts;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.Account.ResetPassword;

/// <summary>Chooses a new password from an e-mailed link. A used or expired link is refused; a reset also lifts a lockout.</summary>
[AllowAnonymous]
[EnableRateLimiting(WebServiceCollectionExtensions.SignInRateLimit)]
[LocalPasswordsOnly]
public class ResetPasswordModel(UserManager<TrellisUser> users) : TrellisPageModel
{
    [BindProperty(SupportsGet = true, Name = "user")]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    public IActionResult OnGet() => string.IsNullOrEmpty(UserId) || string.IsNullOrEmpty(Token) ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = string.IsNullOrEmpty(UserId) ? null : await users.FindByIdAsync(UserId);
        if (user is null || string.IsNullOrEmpty(Token))
        {
            ModelState.AddModelError(nameof(Password), "This link has expired or has already been used: ask for a new one");
            return PageWithErrors();
        }

        if (string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(nameof(Password), "Enter a new password");
        }
        else if (Password != ConfirmPassword)
        {
            ModelState.AddModelError(nameof(ConfirmPassword), "The passwords do not match");
        }

        if (!ModelState.IsValid)
        {
            return PageWithErrors();
        }

        var result = await users.ResetPasswordAsync(user, Token, Password!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(nameof(Password), error.Description);
            }

            return PageWithErrors();
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        TempData["Notice"] = "Your password has been changed. Sign in with the new one.";
        return Redirect("/sign-in");
    }
}
