using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Trellis.Core.Accounts;
using Trellis.Core.Data;
using Trellis.Core.Rounds;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.Rounds.CloseRound;

/// <summary>Confirms closing a round, listing what is still missing; closing freezes its report.</summary>
[PlanAccess(PlanPermission.Manage)]
public class CloseRoundModel(TrellisDbContext db, RoundService rounds, CurrentOrganisation organisation) : TrellisPageModel
{
    [FromRoute]
    public int RoundId { get; set; }

    /// <summary>The version the page was opened at: someone saving an update in between means the list shown is out of date.</summary>
    [BindProperty]
    public Guid Version { get; set; }

    public RoundHeader Round { get; private set; } = null!;
    public List<string> ActionsMissing { get; private set; } = [];
    public List<string> AreasMissing { get; private set; } = [];
    public bool Closed { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        Version = Round.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        var result = await rounds.CloseAsync(organisation.Id, RoundId, Version, ct);
        switch (result.Status)
        {
            case RoundSaveStatus.NotFound:
                return NotFound();
            case RoundSaveStatus.Closed:
                ModelState.AddModelError(string.Empty, "This round is already closed");
                return PageWithErrors();
            case RoundSaveStatus.Conflict:
                ModelState.AddModelError(string.Empty, "Someone saved an update to this round while you were reading this page. Check what is still missing, then close it");
                Version = Round.Version;
                var page = PageWithErrors();
                page.StatusCode = StatusCodes.Status409Conflict;
                return page;
            default:
                TempData["Notice"] = $"Round {Round.Name} is closed and its report is frozen";
                return Redirect($"/rounds/{RoundId}");
        }
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var round = await RoundHeader.LoadAsync(db, organisation.Id, RoundId, ct);
        if (round is null)
        {
            return false;
        }

        (Round, Closed) = (round, round.IsClosed);
        ActionsMissing = await db.Actions.AsNoTracking()
            .Where(a => a.Area.PlanId == round.PlanId && !db.ActionUpdates.Any(u => u.RoundId == RoundId && u.ActionId == a.Id))
            .OrderBy(a => a.Area.SortOrder).ThenBy(a => a.SortOrder)
            .Select(a => "Area " + a.Area.Number + ", action " + a.Ref + ": " + a.Text).ToListAsync(ct);
        AreasMissing = await db.Areas.AsNoTracking()
            .Where(a => a.PlanId == round.PlanId && !a.Monitoring.Any(m => m.RoundId == RoundId))
            .OrderBy(a => a.SortOrder).Select(a => a.Number + ". " + a.Title).ToListAsync(ct);
        return true;
    }
}
