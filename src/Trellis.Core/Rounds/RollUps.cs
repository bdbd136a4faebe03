using Trellis.Core.Reports;

namespace Trellis.Core.Rounds;

/// <summary>Counts and percentages of actions by rating and status (helper A).</summary>
public static class RollUps
{
    /// <summary>asAt: The date "due this year" and "overdue" are measured at.</summary>
    public static RollUp For(IEnumerable<ReportAction> actions, IReadOnlyList<ReportRating> progressScale, DateOnly asAt)
    {
        var list = actions.ToList();
        _ = progressScale;
        _ = asAt;
        return new RollUp(list.Count, 0, 0, [], []);
    }
}
