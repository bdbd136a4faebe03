using Trellis.Core.Plans;
using Trellis.Core.Reports;

namespace Trellis.Core.Rounds;

/// <summary>The rating a plan's rules suggest for an action (helper A).</summary>
public static class RagSuggester
{
    /// <returns>A code on <paramref name="scale"/>, or null when no rule applies.</returns>
    public static string? Suggest(ActionStatus? status, DateOnly? due, DateOnly today, int dueSoonDays, IReadOnlyList<ReportRating> scale)
    {
        _ = (status, due, today, dueSoonDays, scale);
        return null;
    }
}
