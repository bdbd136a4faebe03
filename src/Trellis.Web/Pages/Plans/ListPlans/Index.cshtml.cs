using Microsoft.EntityFrameworkCore;
using Trellis.Core.Accounts;
using Trellis.Core.Data;
using Trellis.Core.Dates;
using Trellis.Core.Plans;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.Plans.ListPlans;

[OrganisationAccess(OrganisationPermission.SignedIn, Write = OrganisationPermission.Administer)]
public class ListPlansModel(TrellisDbContext db, CurrentOrganisation organisation, PlanAccessService access, TimeProvider clock) : TrellisPageModel
{
    public sealed record Row(int Id, string Title, PlanStatus Status, int Areas, int Actions, int Overdue);

    public List<Row> Plans { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = clock.Today();

        // Only the plans this person can open; a partner's plans are reached through My actions.
        var visible = (await access.PlansAsync(User.Account()!, ct)).Where(p => p.Value >= PlanRole.Reader).Select(p => p.Key).ToList();
        Plans = await db.Plans.Where(p => p.OrganisationId == organisation.Id && visible.Contains(p.Id))
            .OrderBy(p => p.Status == PlanStatus.Closed).ThenBy(p => p.Title)
            .Select(p => new Row(
                p.Id,
                p.Title,
                p.Status,
                p.Areas.Count,
                p.Areas.SelectMany(a => a.Actions).Count(),
                p.Areas.SelectMany(a => a.Actions).Count(x => x.Due.Date < today
                    && x.Status != ActionStatus.Complete && x.Status != ActionStatus.Dropped)))
            .ToListAsync(ct);
    }
}
