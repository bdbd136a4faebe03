using Trellis.Core.Indicators;
using Trellis.Core.Indicators.Charts;

namespace Trellis.Core.Reports;

/// <summary>The chart of a report's indicator, built from the report model alone so a closed round's snapshot draws the same chart.</summary>
internal static class ReportCharts
{
    /// <summary>Whether the indicator has enough numbers for a chart to add anything to its table.</summary>
    public static bool HasChart(ReportIndicator indicator) =>
        indicator.Unit != IndicatorUnit.Text && indicator.Values.Count(v => v.Value is not null) >= 2;

    public static ChartInput Input(ReportIndicator indicator, string id) => new()
    {
        Id = id,
        Title = indicator.Name,
        Unit = indicator.Unit,
        Points = [.. indicator.Values.Select(v => new ChartPoint(PeriodWords.Display(v.Period), v.Start ?? default, v.Value))],
        Targets = Targets(indicator),
        Comparators =
        [
            .. indicator.Comparators.GroupBy(c => c.Name, StringComparer.Ordinal)
                .Select(g => new ChartSeries(g.Key, [.. g.Select(c => new ChartPoint(PeriodWords.Display(c.Period), c.Start ?? default, c.Value))])),
        ],
    };

    private static List<ChartTarget> Targets(ReportIndicator indicator)
    {
        if (indicator.TargetSpans.Count > 0)
        {
            return [.. indicator.TargetSpans.Select(s => new ChartTarget(s.From, s.To, s.Min, s.Max, s.Text))];
        }

        // Older snapshots carry the latest target only (or only its words): drawn across every period.
        var (min, max) = indicator.TargetMin is not null || indicator.TargetMax is not null
            ? (indicator.TargetMin, indicator.TargetMax)
            : TargetReader.Read(indicator.TargetText).Bounds(indicator.Polarity);
        return min is null && max is null ? [] : [new ChartTarget(DateOnly.MinValue, DateOnly.MaxValue, min, max, indicator.TargetText ?? string.Empty)];
    }
}
