using Trellis.Core.Indicators;
using Trellis.Core.Plans;

namespace Trellis.Core.Demo;

// The shapes the demo content is written in. Everything in them is invented.

/// <summary>A row of the plan's key-leads table.</summary>
internal sealed record PersonSeed(string Initials, string Name, string JobTitle, string? Agency = null);

internal sealed record AccountSeed(string? Initials, string Name, string Email, Accounts.PlanRole Role);

/// <summary>One rating on one of the plan's scales, in the plan's words.</summary>
internal sealed record RatingSeed(RagScale Scale, string Code, string Label, string Meaning, RagColour Colour, bool IsComplete = false);

/// <summary>One line of the inspection's judgements table; <paramref name="GradeText"/> when written differently.</summary>
internal sealed record JudgementSeed(string Area, Grade Grade, string? GradeText = null);

internal sealed record ThemeSeed(string Key, string Title);

/// <summary>
/// An area for improvement. Leads and owners are written as a plan writes them and are read by the
/// owner reader against the key-leads table, as an import would be.
/// </summary>
internal sealed record AreaSeed
{
    public required string Number { get; init; }

    public required string Theme { get; init; }

    public required string Title { get; init; }

    public required SourceKind Source { get; init; }

    public required string SourceReference { get; init; }

    public required IReadOnlyList<string> Leads { get; init; }

    public required IReadOnlyList<string> SeniorLeads { get; init; }

    public IReadOnlyList<string> LinkedPlans { get; init; } = [];

    public IReadOnlyList<string> Partners { get; init; } = [];

    public IReadOnlyList<string> Objectives { get; init; } = [];

    public IReadOnlyList<string> Outcomes { get; init; } = [];

    public IReadOnlyList<string> MeasuresOfSuccess { get; init; } = [];

    public required IReadOnlyList<ActionSeed> Actions { get; init; }

    /// <summary>The monitoring entry for the quarter before last.</summary>
    public required MonitoringSeed Earlier { get; init; }

    /// <summary>The monitoring entry for the last quarter that has ended; its progress rating is the area's.</summary>
    public required MonitoringSeed Latest { get; init; }
}

/// <summary>A numbered action: owners as typed, the target date as typed (worked out from today).</summary>
internal sealed record ActionSeed(string Ref, string Text, When Due, string Owners, ActionStatus? Status, string? Rag, string? Comments = null);

internal sealed record MonitoringSeed(string Progress, string Impact, string Commentary, string FurtherActions);

/// <summary>
/// A performance indicator. Its eighteen monthly values run from <see cref="From"/> towards <see cref="To"/>
/// with some noise, so the charts show a trend that is believable rather than smooth.
/// </summary>
internal sealed record IndicatorSeed
{
    public required string Key { get; init; }

    public required string Name { get; init; }

    public string? Description { get; init; }

    public required IndicatorUnit Unit { get; init; }

    public required Polarity Polarity { get; init; }

    public required string TargetText { get; init; }

    public decimal? TargetMin { get; init; }

    public decimal? TargetMax { get; init; }

    public required IReadOnlyList<string> Areas { get; init; }

    public required double From { get; init; }

    public required double To { get; init; }

    /// <summary>The most a month may stray from the trend, either way.</summary>
    public required double Noise { get; init; }

    public int Decimals { get; init; } = 1;

    /// <summary>Benchmarks for the last financial year; the two years before it differ a little.</summary>
    public IReadOnlyList<ComparatorSeed> Comparators { get; init; } = [];

    public string? ComparatorSource { get; init; }

    public IndicatorFrequency Frequency { get; init; } = IndicatorFrequency.Monthly;

    public string Source { get; init; } = "Case management system monthly extract";

    /// <summary>The owner's initials in the key-leads table.</summary>
    public required string Owner { get; init; }

    public ToleranceKind ToleranceKind { get; init; } = ToleranceKind.Points;

    public decimal? Tolerance { get; init; }

    public IReadOnlyList<DatedTargetSeed> Targets { get; init; } = [];

    /// <summary>The latest value, fixed so the pages always have this story to tell (an amber by the tolerance).</summary>
    public double? Latest { get; init; }

    /// <summary>How far the latest value slipped the wrong way from the one before, so one indicator is always worsening.</summary>
    public double? Slip { get; init; }

    /// <summary>The dimension and categories the latest twelve values are split by, with each category's usual gap from the whole.</summary>
    public BreakdownSeed? Breakdown { get; init; }

    /// <summary>How many periods before the latest have a value that was corrected a few days after it arrived.</summary>
    public IReadOnlyList<int> CorrectedPeriodsAgo { get; init; } = [];
}

internal sealed record ComparatorSeed(string Name, decimal Value);

/// <summary>
/// A target for a financial year <paramref name="FromYear"/> from this one (negative in the past) until the end of the
/// year <paramref name="ToYear"/> (open when null); "{march}" in the text becomes "March 2027" for the year it ends.
/// </summary>
internal sealed record DatedTargetSeed(string Text, decimal? Min, decimal? Max, int FromYear, int? ToYear);

internal sealed record BreakdownSeed(string Dimension, IReadOnlyList<(string Category, double Gap)> Categories);
