using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Trellis.Core.Accounts;
using Trellis.Core.Data;
using Trellis.Core.Dates;
using Trellis.Core.Plans;
using Trellis.Core.Rounds;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.Rounds.ViewRound;

/// <summary>A round's dashboard: every area's ratings and every action's update, with the suggestion beside the rating chosen.</summary>
[PlanAccess(PlanPermission.View)]
public class ViewRoundModel(TrellisDbContext db, RoundService rounds, CurrentOrganisation organisation, TimeProvider clock) : TrellisPageModel
{
    public const string Awaiting = "awaiting";
    public const string Red = "red";
    public const string Overdue = "overdue";

    [FromRoute]
    public int RoundId { get; set; }

    /// <summary>Filters: "awaiting", "red", "overdue"; an action must match them all.</summary>
    [FromQuery(Name = "show")]
    public List<string> Show { get; set; } = [];

    public RoundHeader Round { get; private set; } = null!;
    public RagLookup Progress { get; private set; } = new([]);
    public RagLookup Impact { get; private set; } = new([]);
    public List<AreaView> Areas { get; private set; } = [];
    public IReadOnlyList<OwnerOutstanding> Outstanding { get; private set; } = [];
    public RollUpPanel RollUp { get; private set; } = null!;
    public int Updated { get; private set; }
    public int Total { get; private set; }

    public sealed record AreaView(int Id, string Number, string Title, string? ProgressRag, string? ImpactRag, bool Rated, List<ActionView> Actions);

    public sealed record ActionView(int Id, string Ref, string Text, DueView Due, ActionStatus? Status, string? RagCode, string? SuggestedRagCode,
        string? SuggestionReason, string? RagReason, string? Note, bool Updated, DateTimeOffset? UpdatedAt, string? UpdatedBy)
    {
        public bool Differs => SuggestedRagCode is not null && RagCode is not null && !string.Equals(SuggestedRagCode, RagCode, StringComparison.OrdinalIgnoreCase);
    }

    public bool Showing(string filter) => Show.Contains(filter, StringComparer.OrdinalIgnoreCase);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var round = await RoundHeader.LoadAsync(db, organisation.Id, RoundId, ct);
        if (round is null)
        {
            return NotFound();
        }

        Round = round;
        var today = round.ClosedAt is { } closed ? DateOnly.FromDateTime(closed.UtcDateTime) : clock.Today();
        var (scale, progress, _) = await RoundHeader.ScaleAsync(db, round.PlanId, RagScale.Progress, ct);
        Progress = progress;
        (_, Impact, _) = await RoundHeader.ScaleAsync(db, round.PlanId, RagScale.Impact, ct);

        var areas = await db.Areas.AsNoTracking().Where(a => a.PlanId == round.PlanId).OrderBy(a => a.SortOrder)
            .Select(a => new
            {
                a.Id,
                a.Number,
                a.Title,
                Entry = a.Monitoring.Where(m => m.RoundId == RoundId).Select(m => new { m.ProgressRag, m.ImpactRag }).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var actions = await db.Actions.AsNoTracking().Where(a => a.Area.PlanId == round.PlanId).OrderBy(a => a.SortOrder)
            .Select(a => new
            {
                a.Id,
                a.AreaId,
                a.Ref,
                a.Text,
                DueText = a.Due.Text,
                DueDate = a.Due.Date,
                a.Due.Precision,
                a.Status,
                a.RagCode,
                Update = db.ActionUpdates.Where(u => u.RoundId == RoundId && u.ActionId == a.Id)
                    .Select(u => new { u.Status, u.RagCode, u.SuggestedRagCode, u.RagReason, u.Note, u.UpdatedAt, u.UpdatedBy }).FirstOrDefault(),
            })
            .ToListAsync(ct);

        var views = actions.Select(a =>
        {
            var status = a.Update is null ? a.Status : a.Update.Status;
            var rag = a.Update is null ? a.RagCode : a.Update.RagCode;
            var live = RagSuggester.Explain(status, a.DueDate, today, round.DueSoonDays, scale);
            var suggested = a.Update is null ? live?.Code : a.Update.SuggestedRagCode;
            var reason = string.Equals(live?.Code, suggested, StringComparison.OrdinalIgnoreCase) ? live?.Reason : null;
            return (a.AreaId, View: new ActionView(a.Id, a.Ref, a.Text, DueView.Of(a.DueText, a.DueDate, a.Precision, status, today), status, rag, suggested, reason,
                a.Update?.RagReason, a.Update?.Note, a.Update is not null, a.Update?.UpdatedAt, a.Update?.UpdatedBy));
        }).ToList();

        Total = views.Count;
        Updated = views.Count(v => v.View.Updated);
        RollUp = new RollUpPanel($"Actions by rating, round {round.Name}",
            RollUps.For(views.Select(v => (v.View.Status, v.View.RagCode, v.View.Due.Date)), scale, today), scale);

        var byArea = views.Where(v => Matches(v.View)).ToLookup(v => v.AreaId, v => v.View);
        var filtering = Show.Count > 0;
        Areas = [.. areas.Select(a => new AreaView(a.Id, a.Number, a.Title, a.Entry?.ProgressRag, a.Entry?.ImpactRag, a.Entry is not null, [.. byArea[a.Id]]))
            .Where(a => !filtering || a.Actions.Count > 0)];
        Outstanding = await rounds.OutstandingAsync(organisation.Id, RoundId, ct) ?? [];
        return Page();
    }

    /// <summary>A mailto: link asking an owner for their updates, listing their actions and the date updates are due.</summary>
    public string AskFor(OwnerOutstanding owner)
    {
        var lines = owner.Actions.Select(a => $"- {a.Ref} (area {a.AreaNumber}): {a.Text}{(a.DueText.Length > 0 ? $" (due {a.DueText})" : "")}");
        var due = Round.UpdatesDue is { } d ? $" by {Display.Date(d)}" : string.Empty;
        var body = $"Please send your update{due} on these actions in {Round.PlanTitle}, for round {Round.Name}:\n\n{string.Join('\n', lines)}\n\n"
            + "For each, please give the status, the RAG rating and a short note of progress.";
        var subject = $"Update needed{due}: {Round.PlanTitle}, {Round.Name}";
        return $"mailto:{Uri.EscapeDataString(owner.Email ?? string.Empty)}?subject={Uri.EscapeDataString(subject)}&body={Uri.EscapeDataString(body)}";
    }

    private bool Matches(ActionView a) =>
        (!Showing(Awaiting) || !a.Updated)
        && (!Showing(Red) || Progress[a.RagCode]?.Colour == RagColour.Red)
        && (!Showing(Overdue) || a.Due.Overdue);
}
