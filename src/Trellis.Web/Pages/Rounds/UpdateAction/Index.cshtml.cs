using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Trellis.Core.Accounts;
using Trellis.Core.Data;
using Trellis.Core.Dates;
using Trellis.Core.Plans;
using Trellis.Core.Rounds;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.Rounds.UpdateAction;

/// <summary>An owner's update to one action this round: status, rating (with the suggestion shown), reason and note.</summary>
[PlanAccess(PlanPermission.ViewAction, Write = PlanPermission.UpdateAction)]
public class UpdateActionModel(TrellisDbContext db, RoundService rounds, CurrentOrganisation organisation, TimeProvider clock, PlanAccessContext access) : TrellisPageModel
{
    [FromRoute]
    public int RoundId { get; set; }

    [FromRoute]
    public int ActionId { get; set; }

    [BindProperty]
    public UpdateForm Form { get; set; } = new();

    public RoundHeader Round { get; private set; } = null!;
    public ActionSummary Action { get; private set; } = null!;
    public List<RagLabel> Ratings { get; private set; } = [];
    public RagSuggestion? Suggestion { get; private set; }
    public bool Closed { get; private set; }

    public sealed record ActionSummary(int AreaId, string AreaNumber, string Ref, string Text, string DueText, DateOnly? DueDate, ActionStatus? Status);

    public sealed class UpdateForm
    {
        public ActionStatus? Status { get; set; }
        public string? RagCode { get; set; }
        public string? RagReason { get; set; }
        public string? Note { get; set; }
        public string? UpdatedBy { get; set; }
    }

    public static IEnumerable<SelectListItem> Statuses =>
        [.. Enum.GetValues<ActionStatus>().Select(s => new SelectListItem(Display.Status(s), s.ToString())), new("No status", string.Empty)];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        var update = await db.ActionUpdates.AsNoTracking().Where(u => u.RoundId == RoundId && u.ActionId == ActionId)
            .Select(u => new UpdateForm { Status = u.Status, RagCode = u.RagCode, RagReason = u.RagReason, Note = u.Note, UpdatedBy = u.UpdatedBy })
            .FirstOrDefaultAsync(ct);
        Form = update ?? new UpdateForm { Status = Action.Status, RagCode = await db.Actions.Where(a => a.Id == ActionId).Select(a => a.RagCode).FirstAsync(ct) };
        await SuggestAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (Form.Status == ActionStatus.Complete && Action.Status != ActionStatus.Complete && !access.Can(PlanPermission.ApproveSignOff))
        {
            // Complete only through sign-off, unless this person is the one who would approve it.
            ModelState.AddModelError($"{nameof(Form)}.{nameof(UpdateForm.Status)}", $"To mark action {Action.Ref} complete, ask for sign-off with your evidence");
            await SuggestAsync(ct);
            return PageWithErrors();
        }

        var result = await rounds.SaveActionUpdateAsync(organisation.Id, RoundId, ActionId,
            new ActionUpdateInput(Form.Status, Form.RagCode, Form.Note, Form.RagReason, Form.UpdatedBy), ct);
        switch (result.Status)
        {
            case RoundSaveStatus.NotFound:
                return NotFound();
            case RoundSaveStatus.Closed:
                Closed = true;
                ModelState.AddModelError(string.Empty, "This round is closed, so its updates can no longer be changed");
                await SuggestAsync(ct);
                return PageWithErrors();
            case RoundSaveStatus.Invalid:
                foreach (var error in result.Errors)
                {
                    ModelState.AddModelError($"{nameof(Form)}.{error.Field}", error.Message);
                }

                await SuggestAsync(ct);
                return PageWithErrors();
            default:
                TempData["Notice"] = $"Update to action {Action.Ref} saved";
                // A partner sees only their own actions, not the round: back to their list.
                return access.Can(PlanPermission.View) ? Redirect($"/rounds/{RoundId}#area-{Action.AreaId}") : Redirect($"/my-actions#action-{ActionId}");
        }
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var round = await RoundHeader.LoadAsync(db, organisation.Id, RoundId, ct);
        var action = round is null ? null : await db.Actions.AsNoTracking().Where(a => a.Id == ActionId && a.Area.PlanId == round.PlanId)
            .Select(a => new ActionSummary(a.AreaId, a.Area.Number, a.Ref, a.Text, a.Due.Text, a.Due.Date, a.Status)).FirstOrDefaultAsync(ct);
        if (round is null || action is null)
        {
            return false;
        }

        (Round, Action, Closed) = (round, action, round.IsClosed);
        return true;
    }

    private async Task SuggestAsync(CancellationToken ct)
    {
        var (scale, _, labels) = await RoundHeader.ScaleAsync(db, Round.PlanId, RagScale.Progress, ct);
        Ratings = labels;
        Suggestion = RagSuggester.Explain(Form.Status, Action.DueDate, clock.Today(), Round.DueSoonDays, scale);
    }
}
