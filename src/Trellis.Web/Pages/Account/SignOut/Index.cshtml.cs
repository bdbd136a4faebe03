using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Trellis.Core.Accounts;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.Account.SignOut;

/// <summary>Signing out is a form post (with its anti-forgery token), so another site cannot sign anyone out.</summary>
[AllowAnonymous]
public class SignOutModel(SignInManager<TrellisUser> signIn) : TrellisPageModel
{
    public IActionResult OnGet() => User.Account() is null ? Redirect("/sign-in") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return Redirect("/sign-in");
    }
}
