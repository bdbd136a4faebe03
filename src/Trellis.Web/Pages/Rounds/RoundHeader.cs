using Microsoft.EntityFrameworkCore;
using Trellis.Core.Data;
using Trellis.Core.Plans;
using Trellis.Core.Reports;
using Trellis.Core.Rounds;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.Rounds;

/// <summary>What every round page shows at the top: the plan, the round and whether it is still open.</summary>
public sealed record RoundHeader(int Id, int PlanId, string PlanTitle, string Name, DateOnly PeriodStart, DateOnly PeriodEnd, DateOnly? UpdatesDue,
    RoundStatus Status, DateTimeOffset OpenedAt, DateTimeOffset? ClosedAt, Guid Version, int DueSoonDays)
{
    public bool IsClosed => Status == RoundStatus.Closed;

    public string Period => $"{Display.Date(PeriodStart)} to {Display.Date(PeriodEnd)}";

    public static Task<RoundHeader?> LoadAsync(TrellisDbContext db, int organisationId, int roundId, CancellationToken ct) =>
        db.Rounds.AsNoTracking().Where(r => r.Id == roundId && r.Plan.OrganisationId == organisationId)
            .Select(r => new RoundHeader(r.Id, r.PlanId, r.Plan.Title, r.Name, r.PeriodStart, r.PeriodEnd, r.UpdatesDue, r.Status, r.OpenedAt, r.ClosedAt, r.Version, r.Plan.DueSoonDays))
            .FirstOrDefaultAsync(ct);

    /// <summary>A plan's scale in the report's shape (the suggester and roll-ups read it) and as labels for tags.</summary>
    public static async Task<(IReadOnlyList<ReportRating> Scale, RagLookup Lookup, List<RagLabel> Labels)> ScaleAsync(TrellisDbContext db, int planId, RagScale scale, CancellationToken ct)
    {
        var ratings = await db.RagRatings.AsNoTracking().Where(r => r.PlanId == planId && r.Scale == scale).OrderBy(r => r.SortOrder).ToListAsync(ct);
        List<RagLabel> labels = [.. ratings.Select(RagLabel.From)];
        return (RagSuggester.Scale(ratings, scale), new RagLookup(labels), labels);
    }
}

/// <summary>A set of GOV.UK radios choosing one rating on a plan's scale.</summary>
public sealed record RatingRadios(string Name, string Legend, string? Hint, IReadOnlyList<RagLabel> Ratings, string? Selected, string? Error);

/// <summary>The roll-up panel: counts and shares by rating, and the sentence a board paper would use.</summary>
public sealed record RollUpPanel(string Caption, RollUp RollUp, IReadOnlyList<ReportRating> Scale)
{
    public string Sentence => RollUps.Sentence(RollUp, Scale);

    public RagLabel? Label(string key) => Scale.FirstOrDefault(r => string.Equals(r.Code, key, StringComparison.OrdinalIgnoreCase)) is { } r
        ? new RagLabel(r.Code, r.Label, r.Meaning, r.Colour, r.IsComplete)
        : null;
}
