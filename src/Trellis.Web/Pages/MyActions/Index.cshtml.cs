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

namespace Trellis.Web.Pages.MyActions;

/// <summary>
/// The signed-in person's actions across every plan they can see, overdue first, then due soon, each with
/// the update form for the plan's open round right there, so an owner never has to find their way in.
/// </summary>
[OrganisationAccess(OrganisationPermission.SignedIn)]
public class MyActionsModel(TrellisDbContext db, PlanAccessService access, RoundService rounds, CurrentOrganisation organisation, TimeProvider clock) : TrellisPageModel
{
    public IReadOnlyList<MyAction> Actions { get; private set; } = [];

    public bool LinkedToPerson { get; private set; }

    /// <summary>The action whose form was posted and failed, so its errors show beside it.</summary>
    public int? FailedActionId { get; private set; }

    [BindProperty]
    public UpdateForm Form { get; set; } = new();

    /// <summary>Set when the posted update lost a race: their saved update beside mine, shown in that action's card.</summary>
    public ConflictView? Conflict { get; private set; }

    public sealed class UpdateForm
    {
        public int ActionId { get; set; }
        public int RoundId { get; set; }

        /// <summary>The action's version when the card was read.</summary>
        public Guid Version { get; set; }

        public ActionStatus? Status { get; set; }
        public string? RagCode { get; set; }
        public string? Note { get; set; }
        public string? RagReason { get; set; }
    }

    public sealed record MyAction(
        int Id, int PlanId, string PlanTitle, int AreaId, string AreaNumber, string Ref, string Text, DueView Due,
        ActionStatus? Status, string? RagCode, int? OpenRoundId, string? OpenRoundName, bool Updated,
        ActionStatus? UpdateStatus, string? UpdateRag, string? UpdateNote, IReadOnlyList<SelectListItem> Ratings, bool CanViewPlan,
        string? UpdateReason = null, Guid Version = default);

    /// <summary>The first error for one field of one action's form.</summary>
    public string? ErrorFor(string field, int actionId) =>
        ModelState.TryGetValue($"Form.{field}-{actionId}", out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    public static IEnumerable<SelectListItem> Statuses(ActionStatus? current) =>
        [new("No status", string.Empty), .. Enum.GetValues<ActionStatus>().Select(s => new SelectListItem(Display.Status(s), s.ToString(), s == current))];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var account = User.Account()!;
        var planId = await db.Rounds.Where(r => r.Id == Form.RoundId && r.Plan.OrganisationId == account.OrganisationId).Select(r => (int?)r.PlanId).FirstOrDefaultAsync(ct);
        var role = planId is null ? null : await access.RoleAsync(account, planId.Value, ct);
        if (role is null)
        {
            return NotFound();
        }

        var involvement = role < PlanRole.PlanManager ? await access.InvolvementAsync(account, Form.ActionId, null, ct) : default;
        if (!PlanAccessRules.Allows(role.Value, PlanPermission.UpdateAction, involvement))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var current = await db.Actions.Where(a => a.Id == Form.ActionId).Select(a => new { a.Ref, a.Status }).FirstOrDefaultAsync(ct);
        if (Form.Status == ActionStatus.Complete && current is not null && current.Status != ActionStatus.Complete
            && !PlanAccessRules.Allows(role.Value, PlanPermission.ApproveSignOff, involvement))
        {
            // Complete only through sign-off, unless this person is the one who would approve it.
            ModelState.AddModelError($"Form.Status-{Form.ActionId}", $"To mark action {current.Ref} complete, ask for sign-off with your evidence");
            FailedActionId = Form.ActionId;
            await LoadAsync(ct);
            return PageWithErrors();
        }

        var result = await rounds.SaveActionUpdateAsync(organisation.Id, Form.RoundId, Form.ActionId,
            new ActionUpdateInput(Form.Status, string.IsNullOrEmpty(Form.RagCode) ? null : Form.RagCode, Form.Note, Form.RagReason, User.DisplayNameOf(), Form.Version), ct);
        switch (result.Status)
        {
            case RoundSaveStatus.NotFound:
                return NotFound();
            case RoundSaveStatus.Conflict:
                return await ConflictAsync(ct);
            case RoundSaveStatus.Closed:
                ModelState.AddModelError($"Form.Note-{Form.ActionId}", "This round has closed, so its updates can no longer be changed");
                break;
            case RoundSaveStatus.Invalid:
                foreach (var error in result.Errors)
                {
                    ModelState.AddModelError($"Form.{error.Field}-{Form.ActionId}", error.Message);
                }

                break;
            default:
                TempData["Notice"] = "Your update was saved";
                return Redirect($"/my-actions#action-{Form.ActionId}");
        }

        FailedActionId = Form.ActionId;
        await LoadAsync(ct);
        return PageWithErrors();
    }

    /// <summary>
    /// The page again (409): the failed card shows their saved update beside mine and holds theirs, read at their version.
    /// </summary>
    private async Task<IActionResult> ConflictAsync(CancellationToken ct)
    {
        FailedActionId = Form.ActionId;
        await LoadAsync(ct);
        var theirs = Actions.FirstOrDefault(a => a.Id == Form.ActionId);
        if (theirs is null)
        {
            // No longer one of my open actions (someone completed or reassigned it): nothing to compare in a card.
            ModelState.AddModelError($"Form.Conflict-{Form.ActionId}", "Someone else changed this action while you were writing your update, and it is no longer one of your open actions");
            return PageWithErrors();
        }

        var mine = Form;
        string Rating(string? code) => string.IsNullOrEmpty(code) ? "Not rated" : theirs.Ratings.FirstOrDefault(r => r.Value == code)?.Text ?? code;
        Conflict = new ConflictView
        {
            What = "action's update",
            TheirSave = await LastSave.FindAsync(db, nameof(PlanAction), theirs.Id, ct),
            Fields =
            [
                new("Status", Display.Status(theirs.UpdateStatus), Display.Status(mine.Status)),
                new("RAG rating", Rating(theirs.UpdateRag), Rating(mine.RagCode)),
                new("Why the rating differs", theirs.UpdateReason, mine.RagReason),
                new("Update", theirs.UpdateNote, mine.Note),
            ],
            KeepTheirsUrl = $"/my-actions#action-{theirs.Id}",
            PostUrl = "/my-actions",
            IdSuffix = $"-{theirs.Id}",
            YoursBesideFields = false,
            Mine =
            [
                new("Form.ActionId", theirs.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new("Form.RoundId", mine.RoundId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new("Form.Version", theirs.Version.ToString()),
                new("Form.Status", mine.Status?.ToString()),
                new("Form.RagCode", mine.RagCode),
                new("Form.RagReason", mine.RagReason),
                new("Form.Note", mine.Note),
            ],
        };
        ModelState.Clear();
        ModelState.AddModelError($"Form.Conflict-{theirs.Id}", "Someone else saved an update to this action while you were writing yours");
        (Form.Note, Form.RagReason) = (theirs.UpdateNote, theirs.UpdateReason);
        var page = Page();
        page.StatusCode = StatusCodes.Status409Conflict;
        return page;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var account = User.Account()!;
        LinkedToPerson = account.PersonId is not null;
        if (account.PersonId is not { } personId)
        {
            return;
        }

        var plans = await access.PlansAsync(account, ct);
        var planIds = plans.Keys.ToList();
        var rows = await db.Actions.AsNoTracking()
            .Where(a => planIds.Contains(a.Area.PlanId) && a.Owners.Any(o => o.PersonId == personId)
                && a.Status != ActionStatus.Complete && a.Status != ActionStatus.Dropped)
            .Select(a => new
            {
                a.Id,
                a.Area.PlanId,
                PlanTitle = a.Area.Plan.Title,
                a.AreaId,
                AreaNumber = a.Area.Number,
                a.Ref,
                a.Text,
                DueText = a.Due.Text,
                DueDate = a.Due.Date,
                a.Due.Precision,
                a.Status,
                a.RagCode,
                a.Version,
            })
            .ToListAsync(ct);
        var openRounds = await db.Rounds.AsNoTracking().Where(r => planIds.Contains(r.PlanId) && r.Status == RoundStatus.Open)
            .Select(r => new { r.Id, r.PlanId, r.Name }).ToListAsync(ct);
        var roundIds = openRounds.Select(r => r.Id).ToList();
        var actionIds = rows.Select(r => r.Id).ToList();
        var updates = await db.ActionUpdates.AsNoTracking().Where(u => roundIds.Contains(u.RoundId) && actionIds.Contains(u.ActionId))
            .Select(u => new { u.RoundId, u.ActionId, u.Status, u.RagCode, u.Note, u.RagReason }).ToListAsync(ct);
        var ratings = await db.RagRatings.AsNoTracking().Where(r => planIds.Contains(r.PlanId) && r.Scale == RagScale.Progress)
            .OrderBy(r => r.SortOrder).Select(r => new { r.PlanId, r.Code, r.Label }).ToListAsync(ct);

        var today = clock.Today();
        Actions = [.. rows
            .Select(a =>
            {
                var round = openRounds.FirstOrDefault(r => r.PlanId == a.PlanId);
                var update = round is null ? null : updates.FirstOrDefault(u => u.RoundId == round.Id && u.ActionId == a.Id);
                var rag = update?.RagCode ?? a.RagCode;
                return new MyAction(a.Id, a.PlanId, a.PlanTitle, a.AreaId, a.AreaNumber, a.Ref, a.Text,
                    DueView.Of(a.DueText, a.DueDate, a.Precision, a.Status, today), a.Status, a.RagCode, round?.Id, round?.Name, update is not null,
                    update?.Status ?? a.Status, rag, update?.Note,
                    [new("No rating", string.Empty), .. ratings.Where(r => r.PlanId == a.PlanId).Select(r => new SelectListItem($"{r.Label} ({r.Code})", r.Code, r.Code == rag))],
                    PlanAccessRules.Allows(plans[a.PlanId], PlanPermission.View), update?.RagReason, a.Version);
            })
            .OrderBy(a => a.Due.Overdue ? 0 : a.Due.DueSoon ? 1 : 2)
            .ThenBy(a => a.Due.Date ?? DateOnly.MaxValue)
            .ThenBy(a => a.PlanTitle, StringComparer.Ordinal)];
    }
}
