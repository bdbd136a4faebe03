using Microsoft.EntityFrameworkCore;
using Trellis.Core.Accounts;
using Trellis.Core.Data;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.Accounts.ListAccounts;

/// <summary>Everyone who can sign in to the council's Trellis, and what they hold in each plan.</summary>
[OrganisationAccess(OrganisationPermission.Administer)]
public class ListAccountsModel(TrellisDbContext db, CurrentOrganisation organisation, TimeProvider clock) : TrellisPageModel
{
    public IReadOnlyList<Row> Accounts { get; private set; } = [];

    public sealed record Row(string Id, string Name, string Email, bool IsAdministrator, bool IsDemo, string? Person, bool LockedOut, IReadOnlyList<string> Roles);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var rows = await db.Users.AsNoTracking().Where(u => u.OrganisationId == organisation.Id)
            .OrderBy(u => u.DisplayName)
            .Select(u => new
            {
                u.Id,
                u.DisplayName,
                u.Email,
                u.IsAdministrator,
                u.IsDemo,
                u.LockoutEnd,
                Person = u.Person == null ? null : u.Person.Name,
                Roles = u.Memberships.Select(m => new { m.Role, m.Plan!.Title }).ToList(),
            })
            .ToListAsync(ct);
        var now = clock.GetUtcNow();
        Accounts = [.. rows.Select(u => new Row(u.Id, u.DisplayName, u.Email ?? string.Empty, u.IsAdministrator, u.IsDemo, u.Person,
            u.LockoutEnd is { } end && end > now,
            [.. u.Roles.OrderBy(r => r.Title, StringComparer.Ordinal).Select(r => $"{r.Role.Label()}: {r.Title}")]))];
    }
}
