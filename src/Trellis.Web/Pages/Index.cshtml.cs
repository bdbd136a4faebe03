using Microsoft.EntityFrameworkCore;
using Trellis.Core.Data;
using Trellis.Core.Plans;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages;

[OrganisationAccess(OrganisationPermission.SignedIn)]
public class HomeModel(TrellisDbContext db, CurrentOrganisation organisation) : TrellisPageModel
{
    public List<(int Id, string Title, PlanStatus Status)> Plans { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var plans = await db.Plans.Where(p => p.OrganisationId == organisation.Id)
            .OrderBy(p => p.Status == PlanStatus.Closed).ThenBy(p => p.Title)
            .Select(p => new { p.Id, p.Title, p.Status })
            .ToListAsync(ct);
        Plans = [.. plans.Select(p => (p.Id, p.Title, p.Status))];
    }
}
