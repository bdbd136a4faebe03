namespace Trellis.Core.Indicators.Charts;

/// <summary>A target laid on our periods: the first and last index it covers, and its bounds.</summary>
internal sealed record FramedTarget(int First, int Last, decimal? Min, decimal? Max, string Text)
{
    /// <summary>A range with two different ends is shaded; a floor, a ceiling or a single figure is a dashed line.</summary>
    public bool IsBand => Min is { } low && Max is { } high && low != high;

    public decimal Line => Min ?? Max ?? 0m;
}

/// <summary>
/// A comparator laid on our periods: a value per period of ours (null where it has none), or, when none of its
/// points match our periods, one level <see cref="Reference"/> figure (its latest) with that figure's period.
/// </summary>
internal sealed record FramedSeries(string Name, IReadOnlyList<decimal?> Values, decimal? Reference, string? ReferencePeriod);

/// <summary>
/// The chart's data, shared by the SVG and the Word chart so both draw the same lines: our points, targets and
/// comparators on one axis of periods.
/// </summary>
internal sealed record ChartFrame(IReadOnlyList<ChartPoint> Points, IReadOnlyList<FramedTarget> Targets, IReadOnlyList<FramedSeries> Comparators)
{
    public static ChartFrame Of(ChartInput input)
    {
        var points = input.Points;
        var targets = new List<FramedTarget>();
        foreach (var target in input.Targets.Where(t => t.Min is not null || t.Max is not null))
        {
            var covered = Enumerable.Range(0, points.Count).Where(i => target.From <= points[i].Start && points[i].Start <= target.To).ToList();
            if (covered.Count > 0)
            {
                targets.Add(new FramedTarget(covered[0], covered[^1], target.Min, target.Max, target.Text));
            }
        }

        var comparators = new List<FramedSeries>();
        foreach (var series in input.Comparators)
        {
            var values = points.Select(p => series.Points.LastOrDefault(c => Matches(c, p))?.Value).ToList();
            if (values.Any(v => v is not null))
            {
                comparators.Add(new FramedSeries(series.Name, values, null, null));
            }
            else if (series.Points.LastOrDefault(c => c.Value is not null) is { } latest)
            {
                comparators.Add(new FramedSeries(series.Name, [.. points.Select(_ => (decimal?)null)], latest.Value, latest.Label));
            }
        }

        return new ChartFrame(points, targets, comparators);
    }

    /// <summary>Every number the chart draws, for the axis range.</summary>
    public IEnumerable<decimal> AllValues() =>
        Points.Select(p => p.Value)
            .Concat(Targets.SelectMany(t => new[] { t.Min, t.Max }))
            .Concat(Comparators.SelectMany(c => c.Values.Append(c.Reference)))
            .OfType<decimal>();

    /// <summary>The target covering a period of ours, the latest listed winning.</summary>
    public FramedTarget? TargetAt(int index) => Targets.LastOrDefault(t => t.First <= index && index <= t.Last);

    private static bool Matches(ChartPoint comparator, ChartPoint ours) =>
        comparator.Start != default && ours.Start != default
            ? comparator.Start == ours.Start
            : string.Equals(comparator.Label, ours.Label, StringComparison.Ordinal);
}
