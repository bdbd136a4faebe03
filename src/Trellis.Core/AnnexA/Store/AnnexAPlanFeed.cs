using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Trellis.Core.Indicators;
using Trellis.Indicators.AnnexA;

namespace Trellis.Core.AnnexA.Store;

/// <summary>What refreshing a plan's linked indicators did.</summary>
public sealed record AnnexARefreshResult(bool Found, int Indicators, int Added, int Corrected, int Unchanged, IReadOnlyList<string> Problems);

/// <summary>
/// Feeds plan indicators linked to a computed Annex A measure: computes the monthly series from the held history and
/// records each period's value through <see cref="IndicatorValueService"/>, so a changed figure becomes a correction
/// with the old one kept, and the board report shows the values like any other.
/// </summary>
public sealed class AnnexAPlanFeed(Data.TrellisDbContext db, AnnexAStore store, IndicatorValueService values)
{
    public const string Source = "Annex A";
    public const string NotePrefix = "Computed from Annex A";

    public async Task<AnnexARefreshResult> RefreshAsync(int organisationId, int planId, CancellationToken ct = default)
    {
        if (!await db.Plans.AnyAsync(p => p.Id == planId && p.OrganisationId == organisationId, ct))
        {
            return new AnnexARefreshResult(false, 0, 0, 0, 0, []);
        }

        var links = await (from link in db.AnnexAIndicatorLinks
                           join indicator in db.Indicators on link.IndicatorId equals indicator.Id
                           where indicator.PlanId == planId
                           select new { link, indicator.Frequency, indicator.YearBasis }).AsNoTracking().ToListAsync(ct);
        if (links.Count == 0)
        {
            return new AnnexARefreshResult(true, 0, 0, 0, 0, []);
        }

        var held = await store.LoadHeldAsync(organisationId, ct);
        if (held.Latest is not { } latest || held.Data.Lists.Count == 0)
        {
            return new AnnexARefreshResult(true, links.Count, 0, 0, 0, ["No Annex A data is held: accept a workbook first"]);
        }

        var population = await db.AnnexASettings.Where(s => s.OrganisationId == organisationId).Select(s => s.Population).FirstOrDefaultAsync(ct);
        var note = $"{NotePrefix} (uploaded {latest.FileName} on {latest.UploadedAt.UtcDateTime.ToString("d MMM yyyy", CultureInfo.InvariantCulture)})";
        var series = new Dictionary<int, IReadOnlyList<AnnexAResults>>();
        int added = 0, corrected = 0, unchanged = 0;
        var problems = new List<string>();
        foreach (var entry in links)
        {
            var link = entry.link;
            if (!series.TryGetValue(link.WindowMonths, out var runs))
            {
                series[link.WindowMonths] = runs = AnnexAEngine.ComputeSeries(held.Data, new AnnexAOptions { WindowMonths = link.WindowMonths, Population = population, HeldFrom = held.HeldFrom, HeldTo = held.HeldTo });
            }

            var stored = await db.IndicatorValues.AsNoTracking().Where(v => v.IndicatorId == link.IndicatorId).ToDictionaryAsync(v => v.Period, ct);
            var items = new List<ValueItem>();
            foreach (var run in runs)
            {
                var period = PeriodWords.PeriodOf(run.ReferenceDate, entry.Frequency, entry.YearBasis);
                if (period.End != run.ReferenceDate || run.Indicators.FirstOrDefault(i => i.Key == link.Measure) is not { } result)
                {
                    continue;
                }

                var (value, status, reason) = link.Team is null ? (result.Value, result.Status, result.Reason)
                    : result.Breakdowns.FirstOrDefault(b => b.Dimension == BreakdownDimension.Team && b.Group == link.Team) is { } group
                        ? (group.Value, group.Status, group.Reason ?? result.Reason) : (null, ResultStatus.Null, null);
                if (value is null)
                {
                    continue;
                }

                var approximate = status == ResultStatus.Approximate;
                if (stored.TryGetValue(period.Text, out var current) && current.Value == value && current.Note is { } n
                    && n.StartsWith(NotePrefix, StringComparison.Ordinal) && n.Contains("approximate", StringComparison.Ordinal) == approximate)
                {
                    unchanged++;
                    continue;
                }

                items.Add(new ValueItem
                {
                    Place = $"Annex A measure {link.Measure}, {period.Text}",
                    Period = period.Text,
                    Value = value,
                    Note = approximate ? $"{note}; approximate: {Trim(reason)}" : note,
                });
            }

            if (items.Count == 0)
            {
                continue;
            }

            var recorded = await values.RecordForIndicatorAsync(organisationId, link.IndicatorId, items, Source, dryRun: false, ct);
            problems.AddRange(recorded.Problems.Select(p => p.ToString()));
            added += recorded.Added;
            corrected += recorded.Corrected;
            unchanged += recorded.Unchanged;
        }

        return new AnnexARefreshResult(true, links.Count, added, corrected, unchanged, problems);
    }

    private static string Trim(string? reason) => reason is null ? "see the Annex A results" : reason.StartsWith("approximate: ", StringComparison.Ordinal) ? reason["approximate: ".Length..] : reason;
}
