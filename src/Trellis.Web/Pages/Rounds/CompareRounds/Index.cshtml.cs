using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Trellis.Core.Accounts;
using Trellis.Core.Data;
using Trellis.Core.Reports;
using Trellis.Core.Rounds;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.Rounds.CompareRounds;

/// <summary>What changed between two rounds: closed rounds from their frozen reports, an open one as the plan is now.</summary>
[PlanAccess(PlanPermission.View)]
public class CompareRoundsModel(TrellisDbContext db, BoardReportBuilder builder, CurrentOrganisation organisation) : TrellisPageModel
{
    [FromRoute]
    public int PlanId { get; set; }

    [FromQuery]
    public int? From { get; set; }

    [FromQuery]
    public int? To { get; set; }

    public string PlanTitle { get; private set; } = string.Empty;
    public List<RoundChoice> Rounds { get; private set; } = [];
    public RoundChoice? FromRound { get; private set; }
    public RoundChoice? ToRound { get; private set; }
    public IReadOnlyList<ReportChange> Changes { get; private set; } = [];
    public List<(string Number, string Title, List<ReportChange> Changes)> ByArea { get; private set; } = [];

    public sealed record RoundChoice(int Id, string Name, RoundStatus Status, string? SnapshotJson);

    public static IReadOnlyList<(ChangeKind Kind, string Label)> Kinds { get; } =
    [
        (ChangeKind.RagUp, "Rating up"),
        (ChangeKind.RagDown, "Rating down"),
        (ChangeKind.NewlyOverdue, "Newly overdue"),
        (ChangeKind.Completed, "Completed"),
        (ChangeKind.New, "New actions"),
        (ChangeKind.Dropped, "Dropped"),
        (ChangeKind.AreaProgressUp, "Area progress up"),
        (ChangeKind.AreaProgressDown, "Area progress down"),
        (ChangeKind.AreaImpactUp, "Area impact up"),
        (ChangeKind.AreaImpactDown, "Area impact down"),
    ];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var title = await db.Plans.AsNoTracking().Where(p => p.Id == PlanId && p.OrganisationId == organisation.Id).Select(p => p.Title).FirstOrDefaultAsync(ct);
        if (title is null)
        {
            return NotFound();
        }

        PlanTitle = title;
        Rounds = await db.Rounds.AsNoTracking().Where(r => r.PlanId == PlanId).OrderByDescending(r => r.PeriodStart).ThenByDescending(r => r.Id)
            .Select(r => new RoundChoice(r.Id, r.Name, r.Status, r.SnapshotJson)).ToListAsync(ct);
        ToRound = To is null ? Rounds.FirstOrDefault() : Rounds.FirstOrDefault(r => r.Id == To);
        if ((To is not null && ToRound is null) || (From is not null && Rounds.All(r => r.Id != From)))
        {
            return NotFound();
        }

        FromRound = From is null ? Rounds.SkipWhile(r => r.Id != ToRound?.Id).Skip(1).FirstOrDefault() : Rounds.First(r => r.Id == From);
        if (ToRound is null || FromRound is null)
        {
            return Page();
        }

        var current = await ReportAsync(ToRound, ct);
        var previous = await ReportAsync(FromRound, ct);
        Changes = RoundChanges.Compare(previous, current);
        var titles = current.Areas.Concat(previous.Areas).GroupBy(a => a.Number).ToDictionary(g => g.Key, g => g.First().Title);
        ByArea = [.. Changes.GroupBy(c => c.AreaNumber).Select(g => (g.Key, titles.GetValueOrDefault(g.Key, string.Empty), g.ToList()))];
        return Page();
    }

    private async Task<BoardReport> ReportAsync(RoundChoice round, CancellationToken ct) =>
        round.Status == RoundStatus.Closed && RoundSnapshot.Deserialize(round.SnapshotJson) is { } frozen
            ? frozen
            : await builder.BuildAsync(PlanId, round.Id, ct);
}
