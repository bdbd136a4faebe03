using Microsoft.AspNetCore.Html;
using Microsoft.EntityFrameworkCore;
using Trellis.Core.Data;
using Trellis.Core.Indicators;
using Trellis.Core.Indicators.Charts;
using Trellis.Core.Plans;

namespace Trellis.Web.Pages.Indicators;

/// <summary>One indicator judged on its latest value, ready for a row in a list: the indicators list, an area page, the plan overview.</summary>
public sealed record IndicatorSummary(int Id, string Key, string Name, IndicatorUnit Unit, string? TargetText, IReadOnlyList<string> AreaNumbers,
    IndicatorJudgement Judgement, IReadOnlyList<ChartPoint> Points)
{
    public string? LatestPeriod => Judgement.Latest is { } latest ? PeriodWords.Display(latest.Period) : null;

    public string LatestValue => Judgement.Latest is { } latest ? IndicatorEvaluator.Display(latest.Value, latest.Text, Unit) : "No values yet";

    /// <summary>Which way it moved since the previous period, in words.</summary>
    public string DirectionWords => Judgement.SincePrevious?.Words ?? (Judgement.Latest is null ? "No values yet." : "No earlier value to compare with.");

    /// <summary>
    /// The trend line. IndicatorChart builds it from numbers alone (no user text), so it is safe to write as markup;
    /// it is hidden from screen readers because the row prints the same numbers.
    /// </summary>
    public HtmlString Sparkline => new(IndicatorChart.Sparkline(Points));
}

/// <summary>Reads a plan's indicators with their values and targets, and judges each.</summary>
public static class IndicatorSummaries
{
    public static async Task<List<IndicatorSummary>> ForPlanAsync(TrellisDbContext db, int planId, CancellationToken ct)
    {
        var rows = await db.Indicators.AsNoTracking().Where(i => i.PlanId == planId).OrderBy(i => i.SortOrder).ThenBy(i => i.Id)
            .Select(i => new
            {
                i.Id,
                i.Key,
                i.Name,
                i.Unit,
                i.Polarity,
                i.TargetText,
                i.TargetMin,
                i.TargetMax,
                i.ToleranceKind,
                i.Tolerance,
                i.AreaNumbers,
                Targets = i.Targets.Select(t => new DatedTarget(t.Text, t.Min, t.Max, t.From, t.To)).ToList(),
                Values = i.Values.Select(v => new PeriodValue(v.Period, v.PeriodStart, v.Value, v.Text)).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(ct);
        return [.. rows.Select(i =>
        {
            var facts = new IndicatorFacts
            {
                Unit = i.Unit,
                Polarity = i.Polarity,
                TargetText = i.TargetText,
                TargetMin = i.TargetMin,
                TargetMax = i.TargetMax,
                Targets = i.Targets,
                ToleranceKind = i.ToleranceKind,
                Tolerance = i.Tolerance,
            };

            // Ordered here: SQLite cannot order by every column type, and the lists are short.
            var values = i.Values.OrderBy(v => v.PeriodStart).ToList();
            return new IndicatorSummary(i.Id, i.Key, i.Name, i.Unit, i.TargetText, i.AreaNumbers, IndicatorEvaluator.Evaluate(facts, values),
                [.. values.Select(v => new ChartPoint(PeriodWords.Display(v.Period), v.PeriodStart, NumberOf(v, i.Unit)))]);
        })];
    }

    /// <summary>The rating's name for a tag: "Red", "Amber", "Green", "Not rated".</summary>
    public static string RagName(RagColour? rag) => rag?.ToString() ?? "Not rated";

    private static decimal? NumberOf(PeriodValue value, IndicatorUnit unit) => unit == IndicatorUnit.Text ? null : value.Value;
}
