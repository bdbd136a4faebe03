using Trellis.Core.Dates;
using Trellis.Core.Plans;
using Trellis.Core.Reports;

namespace Trellis.Core.Rounds;

/// <summary>A suggested rating with the rule behind it, in words.</summary>
public sealed record RagSuggestion(string Code, string Label, string Reason);

/// <summary>The rating a plan's rules suggest for an action.</summary>
public static class RagSuggester
{

    /// <returns>A code on <paramref name="scale"/>, or null when no rule applies.</returns>
    public static string? Suggest(ActionStatus? status, DateOnly? due, DateOnly today, int dueSoonDays, IReadOnlyList<ReportRating> scale) =>
        Explain(status, due, today, dueSoonDays, scale)?.Code;

    /// <summary>The suggestion and why: "Due 30 June 2016 and not complete: the plan's rules suggest Red". Null when no rule applies.</summary>
    public static RagSuggestion? Explain(ActionStatus? status, DateOnly? due, DateOnly today, int dueSoonDays, IReadOnlyList<ReportRating> scale)
    {
        ArgumentNullException.ThrowIfNull(scale);
        if (status == ActionStatus.Dropped)
        {
            return null;
        }

        if (status == ActionStatus.Complete)
        {
            var done = scale.FirstOrDefault(r => r.IsComplete) ?? ByColour(scale, RagColour.Green);
            return done is null ? null : new RagSuggestion(done.Code, done.Label, $"Complete: the plan's rules suggest {done.Label}");
        }

        if (due is not { } date)
        {
            return null;
        }

        if (date < today)
        {
            var red = ByColour(scale, RagColour.Red);
            return red is null ? null : new RagSuggestion(red.Code, red.Label, $"Due {Format(date)} and not complete: the plan's rules suggest {red.Label}");
        }

        if (status is null or ActionStatus.NotStarted && date <= today.AddDays(dueSoonDays))
        {
            var amber = ByColour(scale, RagColour.Amber);
            return amber is null ? null : new RagSuggestion(amber.Code, amber.Label, $"Due {Format(date)} and not started: the plan's rules suggest {amber.Label}");
        }

        return null;
    }

    /// <summary>Maps a plan's ratings (one scale) to the report's shape, in scale order.</summary>
    public static IReadOnlyList<ReportRating> Scale(IEnumerable<RagRating> ratings, RagScale scale) =>
        [.. ratings.Where(r => r.Scale == scale).OrderBy(r => r.SortOrder).Select(r => new ReportRating(r.Code, r.Label, r.Meaning, r.Colour, r.IsComplete))];

    private static ReportRating? ByColour(IReadOnlyList<ReportRating> scale, RagColour colour) =>
        scale.FirstOrDefault(r => r.Colour == colour && !r.IsComplete) ?? scale.FirstOrDefault(r => r.Colour == colour);

    private static string Format(DateOnly date) => DateText.Long(date);
}
