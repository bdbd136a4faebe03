using System.Globalization;
using System.Text;
using Trellis.Core.Dates;
using Trellis.Core.Plans;
using Trellis.Core.Reports;

namespace Trellis.Core.Rounds;

/// <summary>Counts and percentages of actions by rating and status.</summary>
public static class RollUps
{
    public const string NoneKey = "none";

    /// <summary>asAt: The date "due this year" and "overdue" are measured at.</summary>
    public static RollUp For(IEnumerable<ReportAction> actions, IReadOnlyList<ReportRating> progressScale, DateOnly asAt) =>
        For(actions.Select(a => (a.Status, a.RagCode, a.DueDate)), progressScale, asAt);

    /// <summary>The same over live actions (the plan and area pages).</summary>
    public static RollUp For(IEnumerable<PlanAction> actions, IReadOnlyList<ReportRating> progressScale, DateOnly asAt) =>
        For(actions.Select(a => (a.Status, a.RagCode, a.Due.Date)), progressScale, asAt);

    /// <summary>The same over bare facts: status, rating code and typed due date of each action.</summary>
    public static RollUp For(IEnumerable<(ActionStatus? Status, string? RagCode, DateOnly? Due)> actions, IReadOnlyList<ReportRating> progressScale, DateOnly asAt)
    {
        ArgumentNullException.ThrowIfNull(progressScale);
        var list = actions.ToList();
        var yearStart = new DateOnly(Period.FinancialYearStartingYear(asAt), Period.FinancialYearStartMonth, 1);
        var yearEnd = Period.FinancialYearEnd(yearStart.Year);
        var dueThisYear = list.Count(a => a.Due is { } d && d >= yearStart && d <= yearEnd);
        var overdue = list.Count(a => a.Due is { } d && d < asAt && !IsClosed(a.Status, a.RagCode, progressScale));

        var ragCounts = progressScale.Select(r => (r.Code, r.Label, Count: list.Count(a => string.Equals(a.RagCode, r.Code, StringComparison.OrdinalIgnoreCase)))).ToList();
        ragCounts.Add((NoneKey, "Not rated", list.Count(a => a.RagCode is null || !progressScale.Any(r => string.Equals(r.Code, a.RagCode, StringComparison.OrdinalIgnoreCase)))));
        var statusCounts = Enum.GetValues<ActionStatus>().Select(s => (s.ToString(), StatusLabel(s), list.Count(a => a.Status == s))).ToList();
        statusCounts.Add((NoneKey, "No status", list.Count(a => a.Status is null)));

        return new RollUp(list.Count, dueThisYear, overdue, WithPercents(ragCounts, list.Count), WithPercents(statusCounts, list.Count));
    }

    /// <summary>"Of 72 actions, 34 (47%) are rated Green, 25 (35%) Amber and 13 (18%) Red." in the plan's own labels.</summary>
    public static string Sentence(RollUp rollUp, IReadOnlyList<ReportRating> scale)
    {
        ArgumentNullException.ThrowIfNull(rollUp);
        ArgumentNullException.ThrowIfNull(scale);
        if (rollUp.Total == 0)
        {
            return "There are no actions yet.";
        }

        var parts = rollUp.ByRag.Where(c => c.Count > 0).Select((c, i) =>
        {
            var rating = scale.FirstOrDefault(r => string.Equals(r.Code, c.Key, StringComparison.OrdinalIgnoreCase));
            var meaning = rating?.Meaning is { Length: > 0 and <= 30 } m && i == 0 ? $" ({m.ToLowerInvariant()})" : string.Empty;
            var label = c.Key == NoneKey ? "not rated" : c.Label;
            return i == 0
                ? $"{Count(c)} {(c.Count == 1 ? "is" : "are")} {(c.Key == NoneKey ? "" : "rated ")}{label}{meaning}"
                : $"{Count(c)} {label}";
        }).ToList();
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Of {rollUp.Total} {Plural(rollUp.Total, "action")}, ");
        text.Append(parts.Count == 1 ? parts[0] : string.Join(", ", parts.Take(parts.Count - 1)) + " and " + parts[^1]);
        text.Append(CultureInfo.InvariantCulture, $". {rollUp.DueThisYear} {(rollUp.DueThisYear == 1 ? "is" : "are")} due this year and {rollUp.Overdue} {(rollUp.Overdue == 1 ? "is" : "are")} overdue.");
        return text.ToString();
    }

    /// <summary>Percentages that add up to 100: floor each, then give the leftover points to the largest remainders.</summary>
    public static IReadOnlyList<int> Percentages(IReadOnlyList<int> counts, int total)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (total <= 0)
        {
            return [.. counts.Select(_ => 0)];
        }

        var floors = counts.Select(c => c * 100 / total).ToArray();
        var leftover = 100 - floors.Sum();
        foreach (var i in Enumerable.Range(0, counts.Count).OrderByDescending(i => counts[i] * 100 % total).ThenBy(i => i).Take(Math.Max(0, leftover)))
        {
            floors[i]++;
        }

        return floors;
    }

    public static string StatusLabel(ActionStatus? status) => status switch
    {
        ActionStatus.NotStarted => "Not started",
        ActionStatus.InProgress => "In progress",
        ActionStatus.Complete => "Complete",
        ActionStatus.Dropped => "Dropped",
        _ => "No status",
    };

    internal static bool IsClosed(ActionStatus? status, string? ragCode, IReadOnlyList<ReportRating> scale) =>
        status is ActionStatus.Complete or ActionStatus.Dropped
        || scale.Any(r => r.IsComplete && string.Equals(r.Code, ragCode, StringComparison.OrdinalIgnoreCase));

    private static List<RollUpCount> WithPercents(List<(string Key, string Label, int Count)> counts, int total)
    {
        // Percentages only add up when every action is counted once; the counts here partition the list.
        var percents = Percentages([.. counts.Select(c => c.Count)], total);
        return [.. counts.Select((c, i) => new RollUpCount(c.Key, c.Label, c.Count, percents[i]))];
    }

    private static string Count(RollUpCount c) => string.Create(CultureInfo.InvariantCulture, $"{c.Count} ({c.Percent}%)");

    private static string Plural(int n, string word) => n == 1 ? word : word + "s";
}
