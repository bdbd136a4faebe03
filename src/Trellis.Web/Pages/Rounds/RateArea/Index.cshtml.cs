using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Trellis.Core.Accounts;
using Trellis.Core.Data;
using Trellis.Core.Plans;
using Trellis.Core.Rounds;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.Rounds.RateArea;

/// <summary>An area's ratings and commentary for the round: d) progress, e) impact with data and commentary, f) further actions.</summary>
[PlanAccess(PlanPermission.View, Write = PlanPermission.UpdateArea)]
public class RateAreaModel(TrellisDbContext db, RoundService rounds, CurrentOrganisation organisation) : TrellisPageModel
{
    [FromRoute]
    public int RoundId { get; set; }

    [FromRoute]
    public int AreaId { get; set; }

    [BindProperty]
    public RatingForm Form { get; set; } = new();

    public RoundHeader Round { get; private set; } = null!;
    public string AreaLabel { get; private set; } = string.Empty;
    public List<RagLabel> ProgressRatings { get; private set; } = [];
    public List<RagLabel> ImpactRatings { get; private set; } = [];
    public bool Closed { get; private set; }

    public sealed class RatingForm
    {
        public string? ProgressRag { get; set; }
        public string? ImpactRag { get; set; }
        public string? Commentary { get; set; }
        public string? FurtherActions { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        Form = await db.MonitoringEntries.AsNoTracking().Where(m => m.AreaId == AreaId && m.RoundId == RoundId)
            .Select(m => new RatingForm { ProgressRag = m.ProgressRag, ImpactRag = m.ImpactRag, Commentary = m.Commentary, FurtherActions = m.FurtherActions })
            .FirstOrDefaultAsync(ct) ?? new RatingForm();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        var result = await rounds.SaveAreaRatingAsync(organisation.Id, RoundId, AreaId, new AreaRatingInput(Form.ProgressRag, Form.ImpactRag, Form.Commentary, Form.FurtherActions), ct);
        switch (result.Status)
        {
            case RoundSaveStatus.NotFound:
                return NotFound();
            case RoundSaveStatus.Closed:
                Closed = true;
                ModelState.AddModelError(string.Empty, "This round is closed, so its ratings can no longer be changed");
                return PageWithErrors();
            case RoundSaveStatus.Invalid:
                foreach (var error in result.Errors)
                {
                    ModelState.AddModelError($"{nameof(Form)}.{error.Field}", error.Message);
                }

                return PageWithErrors();
            case RoundSaveStatus.Conflict:
                // Someone saved this area at the same moment: show what is stored now rather than saving over it.
                ModelState.Clear();
                ModelState.AddModelError(string.Empty, "Someone else saved this area at the same moment. Check what is saved now and save again if needed");
                Form = await db.MonitoringEntries.AsNoTracking().Where(m => m.AreaId == AreaId && m.RoundId == RoundId)
                    .Select(m => new RatingForm { ProgressRag = m.ProgressRag, ImpactRag = m.ImpactRag, Commentary = m.Commentary, FurtherActions = m.FurtherActions })
                    .FirstOrDefaultAsync(ct) ?? new RatingForm();
                var page = Page();
                page.StatusCode = StatusCodes.Status409Conflict;
                return page;
            default:
                TempData["Notice"] = $"Ratings for {AreaLabel} saved";
                return Redirect($"/rounds/{RoundId}#area-{AreaId}");
        }
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var round = await RoundHeader.LoadAsync(db, organisation.Id, RoundId, ct);
        var area = round is null ? null : await db.Areas.AsNoTracking().Where(a => a.Id == AreaId && a.PlanId == round.PlanId)
            .Select(a => new { a.Number, a.Title }).FirstOrDefaultAsync(ct);
        if (round is null || area is null)
        {
            return false;
        }

        (Round, AreaLabel, Closed) = (round, $"area {area.Number}", round.IsClosed);
        (_, _, var progress) = await RoundHeader.ScaleAsync(db, round.PlanId, RagScale.Progress, ct);
        (_, _, var impact) = await RoundHeader.ScaleAsync(db, round.PlanId, RagScale.Impact, ct);
        (ProgressRatings, ImpactRatings) = (progress, impact);
        return true;
    }
}
