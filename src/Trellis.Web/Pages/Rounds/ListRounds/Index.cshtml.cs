using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Trellis.Core.Accounts;
using Trellis.Core.Data;
using Trellis.Core.Rounds;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.Rounds.ListRounds;

/// <summary>A plan's monitoring rounds, latest first.</summary>
[PlanAccess(PlanPermission.View)]
public class ListRoundsModel(TrellisDbContext db, CurrentOrganisation organisation) : TrellisPageModel
{
    [FromRoute]
    public int PlanId { get; set; }

    public string PlanTitle { get; private set; } = string.Empty;
    public List<RoundRow> Rounds { get; private set; } = [];
    public bool HasOpenRound => Rounds.Any(r => r.Status == RoundStatus.Open);

    public sealed record RoundRow(int Id, string Name, DateOnly PeriodStart, DateOnly PeriodEnd, RoundStatus Status, int Updates, int Actions, DateTimeOffset OpenedAt, DateTimeOffset? ClosedAt);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var title = await db.Plans.AsNoTracking().Where(p => p.Id == PlanId && p.OrganisationId == organisation.Id).Select(p => p.Title).FirstOrDefaultAsync(ct);
        if (title is null)
        {
            return NotFound();
        }

        PlanTitle = title;
        var actions = await db.Actions.CountAsync(a => a.Area.PlanId == PlanId, ct);
        Rounds = await db.Rounds.AsNoTracking().Where(r => r.PlanId == PlanId).OrderByDescending(r => r.PeriodStart).ThenByDescending(r => r.Id)
            .Select(r => new RoundRow(r.Id, r.Name, r.PeriodStart, r.PeriodEnd, r.Status, r.ActionUpdates.Count, actions, r.OpenedAt, r.ClosedAt))
            .ToListAsync(ct);
        return Page();
    }

    public static string When(DateTimeOffset? at) => at is null ? "Not yet" : Display.Date(DateOnly.FromDateTime(at.Value.UtcDateTime));
}
