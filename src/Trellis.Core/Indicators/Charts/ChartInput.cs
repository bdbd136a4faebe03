namespace Trellis.Core.Indicators.Charts;

/// <summary>One point of a line: the period's label as shown, its first day, and its number (null leaves a gap).</summary>
public sealed record ChartPoint(string Label, DateOnly Start, decimal? Value);

/// <summary>
/// A second line beside ours: statistical neighbours, London, England. Its points sit on our periods by first day
/// (or by label); a series none of whose points match ours is drawn as a level line at its latest figure.
/// </summary>
public sealed record ChartSeries(string Name, IReadOnlyList<ChartPoint> Points);

/// <summary>The target band from one period to another: a floor, a ceiling or both.</summary>
public sealed record ChartTarget(DateOnly From, DateOnly To, decimal? Min, decimal? Max, string Text);

/// <summary>
/// Everything a chart of one indicator shows. <see cref="Id"/> makes the SVG's title and description ids unique on
/// a page with several charts.
/// </summary>
public sealed record ChartInput
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public IndicatorUnit Unit { get; init; } = IndicatorUnit.Percent;

    /// <summary>Our values, oldest first.</summary>
    public IReadOnlyList<ChartPoint> Points { get; init; } = [];

    public IReadOnlyList<ChartTarget> Targets { get; init; } = [];
    public IReadOnlyList<ChartSeries> Comparators { get; init; } = [];

    /// <summary>What the legend calls our line.</summary>
    public string SeriesName { get; init; } = "Our figure";
}
