using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Trellis.Core.Accounts;
using Trellis.Core.Data;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.Accounts.EditAccount;

/// <summary>One account's role in each plan of the council, all on one page.</summary>
[OrganisationAccess(OrganisationPermission.Administer)]
public class EditAccountModel(TrellisDbContext db, AccountService accounts, CurrentOrganisation organisation) : TrellisPageModel
{
    [FromRoute]
    public string UserId { get; set; } = string.Empty;

    public string Name { get; private set; } = string.Empty;

    public string Email { get; private set; } = string.Empty;

    public bool IsAdministrator { get; private set; }

    public IReadOnlyList<PlanRow> Plans { get; private set; } = [];

    /// <summary>Plan id → chosen role ("" for none).</summary>
    [BindProperty]
    public Dictionary<int, string> Roles { get; set; } = [];

    public sealed record PlanRow(int Id, string Title, PlanRole? Role);

    public static IEnumerable<SelectListItem> Choices(PlanRole? current) =>
        [new("No access", string.Empty, current is null),
         .. new[] { PlanRole.PlanManager, PlanRole.Contributor, PlanRole.Reader, PlanRole.Partner }
            .Select(r => new SelectListItem($"{r.Label()}: {r.Description().ToLowerInvariant()}", r.ToString(), r == current))];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        foreach (var plan in Plans)
        {
            var chosen = Roles.TryGetValue(plan.Id, out var text) && Enum.TryParse<PlanRole>(text, out var role) && role != PlanRole.Administrator ? role : (PlanRole?)null;
            if (chosen != plan.Role)
            {
                await accounts.SetRoleAsync(organisation.Id, UserId, plan.Id, chosen, ct);
            }
        }

        TempData["Notice"] = $"Roles for {Name} saved";
        return Redirect("/accounts");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == UserId && u.OrganisationId == organisation.Id)
            .Select(u => new { u.DisplayName, u.Email, u.IsAdministrator, Roles = u.Memberships.Select(m => new { m.PlanId, m.Role }).ToList() })
            .FirstOrDefaultAsync(ct);
        if (user is null)
        {
            return false;
        }

        (Name, Email, IsAdministrator) = (user.DisplayName, user.Email ?? string.Empty, user.IsAdministrator);
        var plans = await db.Plans.AsNoTracking().Where(p => p.OrganisationId == organisation.Id).OrderBy(p => p.Title).Select(p => new { p.Id, p.Title }).ToListAsync(ct);
        Plans = [.. plans.Select(p => new PlanRow(p.Id, p.Title, user.Roles.Where(r => r.PlanId == p.Id).Select(r => (PlanRole?)r.Role).FirstOrDefault()))];
        return true;
    }
}
