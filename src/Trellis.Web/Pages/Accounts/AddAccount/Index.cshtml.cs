using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Trellis.Core.Accounts;
using Trellis.Core.Data;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.Accounts.AddAccount;

/// <summary>
/// A new account. It has no password: the person sets their own through a reset link (or signs in with the
/// council's Microsoft account once that is switched on). Roles in plans are given on the next page.
/// </summary>
[OrganisationAccess(OrganisationPermission.Administer)]
public class AddAccountModel(TrellisDbContext db, AccountService accounts, CurrentOrganisation organisation) : TrellisPageModel
{
    [BindProperty]
    public string? DisplayName { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public int? PersonId { get; set; }

    [BindProperty]
    public bool IsAdministrator { get; set; }

    public IReadOnlyList<SelectListItem> People { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await accounts.CreateAsync(organisation.Id, new NewAccount(DisplayName ?? string.Empty, Email ?? string.Empty, null, IsAdministrator, PersonId), ct);
        if (result.Succeeded)
        {
            TempData["Notice"] = $"Account for {result.User!.DisplayName} added. Now give them their roles.";
            return Redirect($"/accounts/{result.User.Id}");
        }

        foreach (var (field, message) in result.Errors)
        {
            ModelState.AddModelError(field, message);
        }

        await LoadAsync(ct);
        return PageWithErrors();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        People = [new("Not linked to anyone", string.Empty), .. await db.People.AsNoTracking().Where(p => p.OrganisationId == organisation.Id && p.Name != null)
            .OrderBy(p => p.Name).Select(p => new SelectListItem(p.Name + (p.JobTitle == null ? "" : ", " + p.JobTitle), p.Id.ToString())).ToListAsync(ct)];
}
