using Microsoft.EntityFrameworkCore;
using Trellis.Core.Data;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.People.ListPeople;

[OrganisationAccess(OrganisationPermission.ReadPlans)]
public class ListPeopleModel(TrellisDbContext db, CurrentOrganisation organisation) : TrellisPageModel
{
    public sealed record PlanLink(int Id, string Title);

    public sealed record Row(int Id, string? Initials, string? Name, string? JobTitle, string? Agency, int Actions, List<PlanLink> KeyLeadIn);

    public List<Row> People { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        People = await db.People.AsNoTracking().Where(p => p.OrganisationId == organisation.Id)
            .OrderBy(p => p.Name ?? p.Initials ?? p.JobTitle).ThenBy(p => p.Id)
            .Select(p => new Row(
                p.Id,
                p.Initials,
                p.Name,
                p.JobTitle,
                p.Agency,
                db.Actions.Count(a => a.Owners.Any(o => o.PersonId == p.Id)),
                db.PlanPeople.Where(k => k.PersonId == p.Id).OrderBy(k => k.Plan.Title)
                    .Select(k => new PlanLink(k.PlanId, k.Plan.Title)).ToList()))
            .ToListAsync(ct);
    }
}
