using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Trellis.Core.Accounts;
using Trellis.Core.Concurrency;
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

    /// <summary>The action's version when the form was read; a save after someone else's is a conflict, not an overwrite.</summary>
    [BindProperty]
    public Guid Version { get; set; }

    /// <summary>Set when the save lost a race: their saved update beside mine.</summary>
    public ConflictView? Conflict { get; private set; }

    /// <summary>After a lost save: your values of the fields that differ (the form holds theirs).</summary>
    public IReadOnlyDictionary<string, string?> YourValues { get; private set; } = new Dictionary<string, string?>();

    public string? Yours(string field) => YourValues.GetValueOrDefault(field);

    public RoundHeader Round { get; private set; } = null!;
    public ActionSummary Action { get; private set; } = null!;
    public List<RagLabel> Ratings { get; private set; } = [];
    public RagSuggestion? Suggestion { get; private set; }
    public bool Closed { get; private set; }

    public sealed record ActionSummary(int AreaId, string AreaNumber, string Ref, string Text, string DueText, DateOnly? DueDate, ActionStatus? Status, Guid Version);

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

        Form = await StoredAsync(ct);
        Version = Action.Version;
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
            new ActionUpdateInput(Form.Status, Form.RagCode, Form.Note, Form.RagReason, Form.UpdatedBy, Version), ct);
        switch (result.Status)
        {
            case RoundSaveStatus.NotFound:
                return NotFound();
            case RoundSaveStatus.Conflict:
                return await ConflictAsync(ct);
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

    /// <summary>The page again (409) with their saved update beside mine; the form now holds theirs, read at their version.</summary>
    private async Task<IActionResult> ConflictAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        var (_, _, labels) = await RoundHeader.ScaleAsync(db, Round.PlanId, RagScale.Progress, ct);
        string Rating(string? code) => string.IsNullOrEmpty(code) ? "Not rated" : labels.FirstOrDefault(r => string.Equals(r.Code, code, StringComparison.OrdinalIgnoreCase))?.Label ?? code;
        var theirs = await StoredAsync(ct);
        var mine = Form;
        var fields = new (string Name, string Label, string? Theirs, string? Yours, string? YourValue)[]
        {
            (nameof(UpdateForm.Status), "Status", Display.Status(theirs.Status), Display.Status(mine.Status), mine.Status?.ToString() ?? string.Empty),
            (nameof(UpdateForm.RagCode), "RAG rating", Rating(theirs.RagCode), Rating(mine.RagCode), Rating(mine.RagCode)),
            (nameof(UpdateForm.RagReason), "Why the rating differs", theirs.RagReason, mine.RagReason, mine.RagReason),
            (nameof(UpdateForm.Note), "Update", theirs.Note, mine.Note, mine.Note),
            (nameof(UpdateForm.UpdatedBy), "Name", theirs.UpdatedBy, mine.UpdatedBy, mine.UpdatedBy),
        };
        var compared = fields.Select(f => new ConflictField(f.Label, f.Theirs, f.Yours)).ToList();
        Conflict = new ConflictView
        {
            What = "action's update",
            TheirSave = await LastSave.FindAsync(db, nameof(PlanAction), ActionId, ct),
            Fields = compared,
            KeepTheirsUrl = access.Can(PlanPermission.View) ? $"/rounds/{RoundId}#area-{Action.AreaId}" : $"/my-actions#action-{ActionId}",
            Mine =
            [
                new(nameof(Version), Action.Version.ToString()),
                new("Form.Status", mine.Status?.ToString()),
                new("Form.RagCode", mine.RagCode),
                new("Form.RagReason", mine.RagReason),
                new("Form.Note", mine.Note),
                new("Form.UpdatedBy", mine.UpdatedBy),
            ],
        };
        YourValues = fields.Zip(compared).Where(p => p.Second.Differs).ToDictionary(p => p.First.Name, p => (string?)(p.First.YourValue ?? string.Empty));
        ModelState.Clear();
        ModelState.AddModelError(string.Empty, "Someone else saved an update to this action while you were writing yours");
        (Form, Version) = (theirs, Action.Version);
        await SuggestAsync(ct);
        var page = Page();
        page.StatusCode = StatusCodes.Status409Conflict;
        return page;
    }

    /// <summary>The update saved this round, or the action's live status and rating when there is none yet.</summary>
    private async Task<UpdateForm> StoredAsync(CancellationToken ct) =>
        await db.ActionUpdates.AsNoTracking().Where(u => u.RoundId == RoundId && u.ActionId == ActionId)
            .Select(u => new UpdateForm { Status = u.Status, RagCode = u.RagCode, RagReason = u.RagReason, Note = u.Note, UpdatedBy = u.UpdatedBy })
            .FirstOrDefaultAsync(ct)
        ?? new UpdateForm { Status = Action.Status, RagCode = await db.Actions.Where(a => a.Id == ActionId).Select(a => a.RagCode).FirstAsync(ct) };

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var round = await RoundHeader.LoadAsync(db, organisation.Id, RoundId, ct);
        var action = round is null ? null : await db.Actions.AsNoTracking().Where(a => a.Id == ActionId && a.Area.PlanId == round.PlanId)
            .Select(a => new ActionSummary(a.AreaId, a.Area.Number, a.Ref, a.Text, a.Due.Text, a.Due.Date, a.Status, a.Version)).FirstOrDefaultAsync(ct);
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
