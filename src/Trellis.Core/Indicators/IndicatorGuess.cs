using Trellis.Core.Dates;

namespace Trellis.Core.Indicators;

/// <summary>
/// What an imported indicator most likely is when the file does not say: the unit from its name and target
/// ("% of ...", "rate per 10,000"), the frequency from the periods its latest values are filed under.
/// </summary>
public static class IndicatorGuess
{
    public static IndicatorUnit Unit(string name, string? target)
    {
        var words = $" {name} {target} ".ToLowerInvariant();
        if (words.Contains('%', StringComparison.Ordinal) || words.Contains(" percent", StringComparison.Ordinal)
            || words.Contains(" proportion", StringComparison.Ordinal))
        {
            return IndicatorUnit.Percent;
        }

        return words.Contains("10,000", StringComparison.Ordinal) || words.Contains("10000", StringComparison.Ordinal) || words.Contains("10k", StringComparison.Ordinal)
            ? IndicatorUnit.RatePer10k
            : IndicatorUnit.Count;
    }

    /// <summary>The frequency and year basis of the latest period written; monthly on a financial year when there is none.</summary>
    public static (IndicatorFrequency Frequency, YearBasis Basis) Frequency(IEnumerable<string> periods)
    {
        var parsed = periods.Select(p => Period.TryParse(p, out var period) ? period : (Period?)null).OfType<Period>().ToList();
        var text = parsed.Count == 0 ? string.Empty : parsed.MaxBy(p => p.Start).Text;
        return text switch
        {
            { Length: 7 } when text[4] == '-' && text[5] != 'Q' => (IndicatorFrequency.Monthly, YearBasis.Financial),
            { Length: 7 } when text[5] == 'Q' => (IndicatorFrequency.Quarterly, YearBasis.Calendar),
            { Length: 10 } => (IndicatorFrequency.Quarterly, YearBasis.Financial),
            { Length: 7 } => (IndicatorFrequency.Annual, YearBasis.Financial),
            { Length: 4 } => (IndicatorFrequency.Annual, YearBasis.Calendar),
            _ => (IndicatorFrequency.Monthly, YearBasis.Financial),
        };
    }
}
