using Trellis.Core.Dates;

namespace Trellis.Core.Indicators;

/// <summary>How Trellis understood a target's words, said back in words: "no higher than 15%, lower is better".</summary>
public static class TargetWords
{
    /// <summary>The reading in words, given the polarity chosen for the indicator.</summary>
    public static string Describe(TargetReading reading, Polarity polarity, IndicatorUnit unit)
    {
        var shown = reading.IsPercent ? IndicatorUnit.Percent : unit;
        string F(decimal value) => IndicatorEvaluator.Format(value, shown);
        var words = reading.Kind switch
        {
            TargetKind.None => "no target, so values are not rated",
            TargetKind.UnderReview => "a target still to be set, so values are not rated until it has a number",
            TargetKind.AtLeast => $"at least {F(reading.Min!.Value)}, higher is better",
            TargetKind.AtMost => $"no higher than {F(reading.Max!.Value)}, lower is better",
            TargetKind.Range => $"between {F(reading.Min!.Value)} and {F(reading.Max!.Value)}, within the range is best",
            TargetKind.Value => polarity switch
            {
                Polarity.HigherIsBetter => $"at least {F(reading.Min!.Value)}, higher is better (from the polarity chosen)",
                Polarity.LowerIsBetter => $"no higher than {F(reading.Max!.Value)}, lower is better (from the polarity chosen)",
                _ => $"{F(reading.Min!.Value)}, but the words do not say which side is better: choose higher or lower is better, or values are not rated",
            },
            _ => "words Trellis cannot read as a target: kept as written, and values are not rated against it",
        };
        return reading.By is { Date: { } by } ? $"{words}, by {DateText.Long(by)}" : words;
    }

    /// <summary>A sentence when the words imply one polarity and another was chosen; null when they agree.</summary>
    public static string? Conflict(TargetReading reading, Polarity polarity) =>
        reading.ImpliedPolarity is { } implied && polarity != Polarity.None && implied != polarity
            ? $"The target's words say {Name(implied)}, but the polarity chosen is {Name(polarity)}. Trellis judges values by the polarity chosen, so change one of them if they disagree."
            : null;

    public static string Name(Polarity polarity) => polarity switch
    {
        Polarity.HigherIsBetter => "higher is better",
        Polarity.LowerIsBetter => "lower is better",
        Polarity.InRange => "within a range is best",
        _ => "no better direction",
    };

    /// <summary>The bounds to store with a target: what the words give, a bare value made a floor or ceiling by the polarity.</summary>
    public static (decimal? Min, decimal? Max) Bounds(TargetReading reading, Polarity polarity) =>
        reading.Bounds(polarity == Polarity.None ? reading.ImpliedPolarity ?? Polarity.None : polarity);
}
