using System.Globalization;
using Trellis.Core.Plans;

namespace Trellis.Core.Indicators;

/// <summary>What the evaluator needs to know about an indicator; built from the entity or from a page's projection.</summary>
public sealed record IndicatorFacts
{
    public IndicatorUnit Unit { get; init; } = IndicatorUnit.Percent;
    public Polarity Polarity { get; init; } = Polarity.None;
    public string? TargetText { get; init; }
    public decimal? TargetMin { get; init; }
    public decimal? TargetMax { get; init; }
    public IReadOnlyList<DatedTarget> Targets { get; init; } = [];
    public ToleranceKind ToleranceKind { get; init; } = ToleranceKind.Points;
    public decimal? Tolerance { get; init; }

    public static IndicatorFacts Of(Indicator indicator) => new()
    {
        Unit = indicator.Unit,
        Polarity = indicator.Polarity,
        TargetText = indicator.TargetText,
        TargetMin = indicator.TargetMin,
        TargetMax = indicator.TargetMax,
        Targets = [.. indicator.Targets.Select(t => new DatedTarget(t.Text, t.Min, t.Max, t.From, t.To))],
        ToleranceKind = indicator.ToleranceKind,
        Tolerance = indicator.Tolerance,
    };
}

/// <summary>A target for the periods starting from <paramref name="From"/> to <paramref name="To"/> (either open).</summary>
public sealed record DatedTarget(string Text, decimal? Min, decimal? Max, DateOnly? From, DateOnly? To);

/// <summary>One period's value: a number, or words ("TBC") when there is none.</summary>
public sealed record PeriodValue(string Period, DateOnly PeriodStart, decimal? Value, string? Text)
{
    public static PeriodValue Of(IndicatorValue value) => new(value.Period, value.PeriodStart, value.Value, value.Text);
}

/// <summary>The target that applies to a period, read: its words, the bounds to judge against and the polarity they imply.</summary>
public sealed record EffectiveTarget(string Text, TargetKind Kind, decimal? Min, decimal? Max, Polarity Polarity, bool IsDated)
{
    /// <summary>A target a value can be judged against.</summary>
    public bool HasBounds => Min is not null || Max is not null;
}

/// <summary>Which way a value moved. Better and Worse when the indicator has a good direction; Up and Down when it does not.</summary>
public enum Direction
{
    Better,
    Worse,
    Same,
    Up,
    Down,
}

/// <summary>The latest value against an earlier one, with the sentence that says it.</summary>
public sealed record Movement(Direction Direction, string Period, decimal Value, string Words);

/// <summary>Everything the pages and reports say about an indicator's latest value, in words as well as colour.</summary>
public sealed record IndicatorJudgement
{
    public PeriodValue? Latest { get; init; }
    public EffectiveTarget? Target { get; init; }
    public RagColour? Rag { get; init; }

    /// <summary>"Green: on target", "Amber: within 5 points of the target", "Not rated: no target".</summary>
    public required string RagWords { get; init; }

    /// <summary>The words after the rating, for beside a tag that already says it: "off target by no more than 5 points".</summary>
    public string RagReason => RagWords[(RagWords.IndexOf(": ", StringComparison.Ordinal) + 2)..];

    /// <summary>"3 points below the 90% target"; null without a number or a target.</summary>
    public string? Distance { get; init; }

    public Movement? SincePrevious { get; init; }
    public Movement? SinceLastYear { get; init; }

    /// <summary>Moving the wrong way: worse than the previous period.</summary>
    public bool IsWorsening => SincePrevious?.Direction == Direction.Worse;

    /// <summary>The whole judgement in one sentence for tables and screen readers.</summary>
    public string Summary => string.Join(" ", new[] { Distance is null ? null : Capitalise(Distance) + ".", SincePrevious?.Words, SinceLastYear?.Words }.Where(s => s is not null));

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}

/// <summary>
/// Judges an indicator's values: RAG against the target that applies to the period (with the indicator's amber
/// tolerance), how far from target, and the direction of travel against the previous period and the same period
/// a year earlier, each said in words.
/// </summary>
public static class IndicatorEvaluator
{
    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>The latest value on or before <paramref name="asAt"/> (every value when null), judged.</summary>
    public static IndicatorJudgement Evaluate(IndicatorFacts facts, IEnumerable<PeriodValue> values, DateOnly? asAt = null)
    {
        var series = values.Where(v => asAt is null || v.PeriodStart <= asAt).OrderBy(v => v.PeriodStart).ToList();
        if (series.Count == 0)
        {
            return new IndicatorJudgement { RagWords = "Not rated: no values yet" };
        }

        var latest = series[^1];
        var target = TargetFor(facts, latest.PeriodStart);
        if (latest.Value is not { } number || facts.Unit == IndicatorUnit.Text)
        {
            return new IndicatorJudgement { Latest = latest, Target = target, RagWords = "Not rated: the latest value is not a number" };
        }

        var previous = series.Count > 1 ? series[^2] : null;
        var yearAgo = series.LastOrDefault(v => v.PeriodStart == latest.PeriodStart.AddYears(-1));
        var rag = Rag(facts, target, number);
        return new IndicatorJudgement
        {
            Latest = latest,
            Target = target,
            Rag = rag,
            RagWords = RagWords(facts, target, number, rag),
            Distance = Distance(facts.Unit, target, number),
            SincePrevious = previous is { Value: { } before } && previous != yearAgo ? Move(facts, target, number, previous.Period, before, "the previous period") : null,
            SinceLastYear = yearAgo is { Value: { } then } ? Move(facts, target, number, yearAgo.Period, then, "a year earlier") : null,
        };
    }

    public static IndicatorJudgement Evaluate(Indicator indicator, DateOnly? asAt = null) =>
        Evaluate(IndicatorFacts.Of(indicator), indicator.Values.Select(PeriodValue.Of), asAt);

    /// <summary>The dated target covering the period (the latest starting one wins), otherwise the standing target.</summary>
    public static EffectiveTarget? TargetFor(IndicatorFacts facts, DateOnly periodStart)
    {
        var dated = facts.Targets
            .Where(t => (t.From is null || t.From <= periodStart) && (t.To is null || periodStart <= t.To))
            .OrderByDescending(t => t.From ?? DateOnly.MinValue)
            .FirstOrDefault();
        return dated is not null
            ? Read(facts, dated.Text, dated.Min, dated.Max, isDated: true)
            : facts.TargetText is null && facts.TargetMin is null && facts.TargetMax is null
                ? null
                : Read(facts, facts.TargetText ?? string.Empty, facts.TargetMin, facts.TargetMax, isDated: false);
    }

    /// <summary>RAG of one number against the target for its period; null when there is no target to judge by.</summary>
    public static RagColour? Rag(IndicatorFacts facts, EffectiveTarget? target, decimal value)
    {
        if (target is null || Gap(target, value) is not { } gap)
        {
            return null;
        }

        return gap <= 0 ? RagColour.Green : gap <= ToleranceFor(facts, target, value) ? RagColour.Amber : RagColour.Red;
    }

    /// <summary>How far off target still counts as Amber, in the indicator's units.</summary>
    public static decimal ToleranceFor(IndicatorFacts facts, EffectiveTarget target, decimal value)
    {
        var reference = Reference(target, value) ?? 0m;
        return facts.Tolerance switch
        {
            null => facts.Unit == IndicatorUnit.Percent ? 5m : Math.Abs(reference) * 0.1m,
            { } points when facts.ToleranceKind == ToleranceKind.Points => points,
            { } percent => Math.Abs(reference) * percent / 100m,
        };
    }

    /// <summary>"47%", "1,383", "54.0", "28 days".</summary>
    public static string Format(decimal value, IndicatorUnit unit) => unit switch
    {
        IndicatorUnit.Percent => value.ToString("#,##0.#", Uk) + "%",
        IndicatorUnit.RatePer10k => value.ToString("#,##0.0", Uk),
        IndicatorUnit.Days => value.ToString("#,##0.#", Uk) + (value == 1 ? " day" : " days"),
        IndicatorUnit.Weeks => value.ToString("#,##0.#", Uk) + (value == 1 ? " week" : " weeks"),
        _ => value.ToString("#,##0.##", Uk),
    };

    /// <summary>A value as shown: its number formatted, or its words when it has no number.</summary>
    public static string Display(decimal? value, string? text, IndicatorUnit unit) =>
        unit == IndicatorUnit.Text || value is null ? text ?? string.Empty : Format(value.Value, unit);

    /// <summary>A difference in the indicator's units: "3 points" for percentages.</summary>
    public static string Difference(decimal amount, IndicatorUnit unit) => unit switch
    {
        IndicatorUnit.Percent => $"{amount.ToString("#,##0.#", Uk)} {(amount == 1 ? "point" : "points")}",
        _ => Format(amount, unit),
    };

    private static EffectiveTarget Read(IndicatorFacts facts, string text, decimal? min, decimal? max, bool isDated)
    {
        var reading = TargetReader.Read(text);

        // Polarity typed in wins; otherwise the target's words say it ("No more than 16%": lower is better).
        var polarity = facts.Polarity == Polarity.None ? reading.ImpliedPolarity ?? Polarity.None : facts.Polarity;
        var (low, high) = min is not null || max is not null ? (min, max) : reading.Bounds(polarity);
        if (polarity == Polarity.None && low is not null && high is not null && low != high)
        {
            polarity = Polarity.InRange;
        }

        return new EffectiveTarget(text, reading.Kind, low, high, polarity, isDated);
    }

    /// <summary>How far the value is on the wrong side of its target (0 or less: on target); null without a side.</summary>
    private static decimal? Gap(EffectiveTarget target, decimal value) => target.Polarity switch
    {
        Polarity.HigherIsBetter when (target.Min ?? target.Max) is { } t => t - value,
        Polarity.LowerIsBetter when (target.Max ?? target.Min) is { } t => value - t,
        Polarity.InRange when target.HasBounds =>
            Math.Max(target.Min is { } low ? low - value : 0, target.Max is { } high ? value - high : 0),
        _ => null,
    };

    /// <summary>The bound the value is judged against: the floor or ceiling, or in a range the nearer end.</summary>
    private static decimal? Reference(EffectiveTarget target, decimal value) => target.Polarity switch
    {
        Polarity.HigherIsBetter => target.Min ?? target.Max,
        Polarity.LowerIsBetter => target.Max ?? target.Min,
        _ => target.Min is { } low && value < low ? low : target.Max ?? target.Min,
    };

    private static string RagWords(IndicatorFacts facts, EffectiveTarget? target, decimal value, RagColour? rag)
    {
        if (rag is null)
        {
            return target is null || target.Kind is TargetKind.None ? "Not rated: no target"
                : target.Kind == TargetKind.UnderReview ? "Not rated: the target is under review"
                : "Not rated: the target does not say which way is better";
        }

        var tolerance = Difference(ToleranceFor(facts, target!, value), facts.Unit);
        return rag switch
        {
            RagColour.Green => "Green: on target",
            RagColour.Amber => $"Amber: off target by no more than {tolerance}",
            _ => $"Red: off target by more than {tolerance}",
        };
    }

    private static string? Distance(IndicatorUnit unit, EffectiveTarget? target, decimal value)
    {
        if (target is null || Gap(target, value) is null)
        {
            return null;
        }

        if (target.Polarity == Polarity.InRange && target.Min is { } low && target.Max is { } high)
        {
            var range = $"the {Format(low, unit).TrimEnd('%')}–{Format(high, unit)} target range";
            return value < low ? $"{Difference(low - value, unit)} below {range}"
                : value > high ? $"{Difference(value - high, unit)} above {range}"
                : $"within {range}";
        }

        if (Reference(target, value) is not { } t)
        {
            return null;
        }

        var words = $"the {Format(t, unit)} target";
        return value == t ? $"on {words}"
            : value < t ? $"{Difference(t - value, unit)} below {words}"
            : $"{Difference(value - t, unit)} above {words}";
    }

    private static Movement Move(IndicatorFacts facts, EffectiveTarget? target, decimal now, string period, decimal then, string when)
    {
        var polarity = target?.Polarity ?? (facts.Polarity == Polarity.None ? Polarity.None : facts.Polarity);
        var direction = now == then ? Direction.Same
            : polarity switch
            {
                Polarity.HigherIsBetter => now > then ? Direction.Better : Direction.Worse,
                Polarity.LowerIsBetter => now < then ? Direction.Better : Direction.Worse,
                Polarity.InRange when target is not null && Gap(target, now) is { } gapNow && Gap(target, then) is { } gapThen =>
                    Math.Max(gapNow, 0) < Math.Max(gapThen, 0) ? Direction.Better
                    : Math.Max(gapNow, 0) > Math.Max(gapThen, 0) ? Direction.Worse
                    : now > then ? Direction.Up : Direction.Down,
                _ => now > then ? Direction.Up : Direction.Down,
            };

        var label = $"{PeriodWords.Display(period)} ({when})";
        var change = $"{(now > then ? "up" : "down")} {Difference(Math.Abs(now - then), facts.Unit)} from {Format(then, facts.Unit)}";
        var words = direction switch
        {
            Direction.Same => $"The same as {label}.",
            Direction.Better => $"Better than {label}: {change}.",
            Direction.Worse => $"Worse than {label}: {change}.",
            _ => $"{(now > then ? "Up" : "Down")} {Difference(Math.Abs(now - then), facts.Unit)} on {label}, from {Format(then, facts.Unit)}.",
        };
        return new Movement(direction, period, then, words);
    }
}
