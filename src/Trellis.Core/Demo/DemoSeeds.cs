using Trellis.Core.Indicators;
using Trellis.Core.Plans;

namespace Trellis.Core.Demo;

// The shapes the demo content is written in. Everything in them is invented.

/// <summary>A row of the plan's key-leads table.</summary>
internal sealed record PersonSeed(string Initials, string Name, string JobTitle, string? Agency = null);

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

    /// <summary>Benchmarks for the last financial year.</summary>
    public IReadOnlyList<ComparatorSeed> Comparators { get; init; } = [];

    public string? ComparatorSource { get; init; }
}

internal sealed record ComparatorSeed(string Name, decimal Value);
