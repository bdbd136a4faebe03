using System.Globalization;
using Trellis.Core.Indicators;
using Trellis.Core.Plans;

namespace Trellis.Core.Reports;

/// <summary>
/// How an indicator's values are shown ("47%", "1,383") and a first, simple judgement of the latest value
/// against its target. Deliberately plain: issue 5 refines the rules.
/// </summary>
public static class IndicatorAssessment
{
    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    public static string Format(decimal value, IndicatorUnit unit) => unit switch
    {
        IndicatorUnit.Percent => value.ToString("#,##0.#", Uk) + "%",
        IndicatorUnit.Count => value.ToString("#,##0.##", Uk),
        IndicatorUnit.RatePer10k => value.ToString("#,##0.0", Uk),
        _ => value.ToString("#,##0.##", Uk),
    };

    public static string Display(decimal? value, string? text, IndicatorUnit unit) =>
        unit == IndicatorUnit.Text || value is null ? text ?? string.Empty : Format(value.Value, unit);

    /// <summary>Green on target, Amber close to it, Red further off; null when there is no number or no target.</summary>
    public static RagColour? Rag(decimal? latest, IndicatorUnit unit, Polarity polarity, decimal? targetMin, decimal? targetMax)
    {
        if (latest is not { } value || unit == IndicatorUnit.Text)
        {
            return null;
        }

        var gap = Gap(value, polarity, targetMin, targetMax);
        if (gap is not { } g)
        {
            return null;
        }

        if (g <= 0)
        {
            return RagColour.Green;
        }

        var reference = polarity == Polarity.LowerIsBetter ? targetMax ?? targetMin : targetMin ?? targetMax;
        return g <= Tolerance(unit, reference ?? 0) ? RagColour.Amber : RagColour.Red;
    }

    /// <summary>"3 points below the 90% target; up from 44% last period".</summary>
    public static string? Describe(IReadOnlyList<decimal?> values, IndicatorUnit unit, Polarity polarity, decimal? targetMin, decimal? targetMax)
    {
        if (unit == IndicatorUnit.Text || values.Count == 0 || values[^1] is not { } latest)
        {
            return null;
        }

        var parts = new List<string>();
        if (TargetPart(latest, unit, polarity, targetMin, targetMax) is { } target)
        {
            parts.Add(target);
        }

        if (values.Count > 1 && values[^2] is { } previous)
        {
            parts.Add(latest == previous
                ? "the same as last period"
                : $"{(latest > previous ? "up" : "down")} from {Format(previous, unit)} last period");
        }

        return parts.Count == 0 ? null : string.Join("; ", parts);
    }

    private static string? TargetPart(decimal latest, IndicatorUnit unit, Polarity polarity, decimal? min, decimal? max)
    {
        var gap = Gap(latest, polarity, min, max);
        if (gap is null)
        {
            return null;
        }

        if (polarity == Polarity.InRange && min is { } low && max is { } high)
        {
            var range = $"the {Format(low, unit).TrimEnd('%')}–{Format(high, unit)} target range";
            return latest < low ? $"{Difference(low - latest, unit)} below {range}"
                : latest > high ? $"{Difference(latest - high, unit)} above {range}"
                : $"within {range}";
        }

        var target = polarity == Polarity.LowerIsBetter ? max ?? min : min ?? max;
        if (target is not { } t)
        {
            return null;
        }

        var words = $"the {Format(t, unit)} target";
        return latest == t ? $"on {words}"
            : latest < t ? $"{Difference(t - latest, unit)} below {words}"
            : $"{Difference(latest - t, unit)} above {words}";
    }

    private static string Difference(decimal amount, IndicatorUnit unit) => unit == IndicatorUnit.Percent
        ? $"{amount.ToString("#,##0.#", Uk)} {(amount == 1 ? "point" : "points")}"
        : Format(amount, unit);

    /// <summary>How far the value is on the wrong side of its target (0 or less: on target); null without one.</summary>
    private static decimal? Gap(decimal value, Polarity polarity, decimal? min, decimal? max) => polarity switch
    {
        Polarity.HigherIsBetter when (min ?? max) is { } t => t - value,
        Polarity.LowerIsBetter when (max ?? min) is { } t => value - t,
        Polarity.InRange when min is not null || max is not null =>
            Math.Max(min is { } low ? low - value : 0, max is { } high ? value - high : 0),
        _ => null,
    };

    private static decimal Tolerance(IndicatorUnit unit, decimal target) =>
        unit == IndicatorUnit.Percent ? 5m : Math.Abs(target) * 0.1m;
}
