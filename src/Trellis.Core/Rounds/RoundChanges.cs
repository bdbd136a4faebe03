using Trellis.Core.Dates;
using Trellis.Core.Plans;
using Trellis.Core.Reports;

namespace Trellis.Core.Rounds;

/// <summary>What moved between two rounds' reports.</summary>
public static class RoundChanges
{

    /// <summary>
    /// Changes from <paramref name="previous"/> to <paramref name="current"/>, per area in the current plan order.
    /// Actions are matched by area number, ref and text together, because real plans repeat refs ("3." twice).
    /// </summary>
    public static IReadOnlyList<ReportChange> Compare(BoardReport? previous, BoardReport current)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (previous is null)
        {
            return [];
        }

        var changes = new List<ReportChange>();
        var previousAreas = previous.Areas.GroupBy(a => Key(a.Number)).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var area in current.Areas)
        {
            seen.Add(Key(area.Number));
            previousAreas.TryGetValue(Key(area.Number), out var before);
            AreaRating(changes, area.Number, before?.ProgressRag, area.ProgressRag, previous.ProgressScale, current.ProgressScale, ChangeKind.AreaProgressUp, ChangeKind.AreaProgressDown, "Progress");
            AreaRating(changes, area.Number, before?.ImpactRag, area.ImpactRag, previous.ImpactScale, current.ImpactScale, ChangeKind.AreaImpactUp, ChangeKind.AreaImpactDown, "Impact");
            Actions(changes, area.Number, before?.Actions ?? [], area.Actions, previous.ProgressScale, current.ProgressScale);
        }

        foreach (var gone in previous.Areas.Where(a => !seen.Contains(Key(a.Number))))
        {
            foreach (var action in gone.Actions)
            {
                changes.Add(new ReportChange(ChangeKind.Dropped, gone.Number, action.Ref, action.Text, null, null, "No longer in the plan"));
            }
        }

        return changes;
    }

    /// <summary>Where a rating sits on the scale of progress: Red below Amber below Green below Blue; null for a grey or unknown rating.</summary>
    public static int? Rank(string? code, IReadOnlyList<ReportRating> scale)
    {
        ArgumentNullException.ThrowIfNull(scale);
        var rating = Find(code, scale);
        return rating?.Colour switch
        {
            RagColour.Red => 0,
            RagColour.Amber => 1,
            RagColour.Green => 2,
            RagColour.Blue => 3,
            _ => null,
        };
    }

    private static void Actions(List<ReportChange> changes, string areaNumber, IReadOnlyList<ReportAction> before, IReadOnlyList<ReportAction> now,
        IReadOnlyList<ReportRating> previousScale, IReadOnlyList<ReportRating> currentScale)
    {
        // Repeated (ref, text) pairs pair up in order.
        var unmatched = before.GroupBy(ActionKey, StringComparer.Ordinal).ToDictionary(g => g.Key, g => new Queue<ReportAction>(g), StringComparer.Ordinal);
        foreach (var action in now)
        {
            if (!unmatched.TryGetValue(ActionKey(action), out var queue) || queue.Count == 0)
            {
                changes.Add(Change(ChangeKind.New, areaNumber, action, null, null, "New action"));
                continue;
            }

            var old = queue.Dequeue();
            if (action.Status == ActionStatus.Dropped && old.Status != ActionStatus.Dropped)
            {
                changes.Add(Change(ChangeKind.Dropped, areaNumber, action, null, null, "Dropped"));
                continue;
            }

            var wasComplete = RollUps.IsClosed(old.Status, old.RagCode, previousScale) && old.Status != ActionStatus.Dropped;
            var isComplete = RollUps.IsClosed(action.Status, action.RagCode, currentScale) && action.Status != ActionStatus.Dropped;
            if (isComplete && !wasComplete)
            {
                changes.Add(Change(ChangeKind.Completed, areaNumber, action, null, null, "Completed"));
            }

            var from = Rank(old.RagCode, previousScale);
            var to = Rank(action.RagCode, currentScale);
            if (from is not null && to is not null && from != to)
            {
                var fromLabel = Label(old.RagCode, previousScale);
                var toLabel = Label(action.RagCode, currentScale);
                changes.Add(Change(to > from ? ChangeKind.RagUp : ChangeKind.RagDown, areaNumber, action, fromLabel, toLabel, $"{fromLabel} to {toLabel}"));
            }

            if (action.IsOverdue && !old.IsOverdue)
            {
                var due = action.DueDate is { } d ? DateText.Long(d) : action.DueText;
                changes.Add(Change(ChangeKind.NewlyOverdue, areaNumber, action, null, null, $"Due {due}, now overdue"));
            }
        }

        foreach (var old in unmatched.Values.SelectMany(q => q))
        {
            changes.Add(Change(ChangeKind.Dropped, areaNumber, old, null, null, "No longer in the plan"));
        }
    }

    private static void AreaRating(List<ReportChange> changes, string areaNumber, string? before, string? now,
        IReadOnlyList<ReportRating> previousScale, IReadOnlyList<ReportRating> currentScale, ChangeKind up, ChangeKind down, string what)
    {
        var from = Rank(before, previousScale);
        var to = Rank(now, currentScale);
        if (from is null || to is null || from == to)
        {
            return;
        }

        var fromLabel = Label(before, previousScale);
        var toLabel = Label(now, currentScale);
        changes.Add(new ReportChange(to > from ? up : down, areaNumber, null, null, fromLabel, toLabel, $"{what} {fromLabel} to {toLabel}"));
    }

    private static ReportChange Change(ChangeKind kind, string areaNumber, ReportAction action, string? from, string? to, string description) =>
        new(kind, areaNumber, action.Ref, action.Text, from, to, description);

    private static ReportRating? Find(string? code, IReadOnlyList<ReportRating> scale) =>
        code is null ? null : scale.FirstOrDefault(r => string.Equals(r.Code, code, StringComparison.OrdinalIgnoreCase));

    private static string Label(string? code, IReadOnlyList<ReportRating> scale) => Find(code, scale)?.Label ?? code ?? "Not rated";

    private static string Key(string number) => number.Trim().TrimEnd('.');

    private static string ActionKey(ReportAction a) => $"{a.Ref.Trim().TrimEnd('.')}\n{string.Join(' ', a.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))}";
}
