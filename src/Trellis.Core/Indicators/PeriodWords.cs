using System.Globalization;
using Trellis.Core.Dates;

namespace Trellis.Core.Indicators;

/// <summary>Periods as people read them: "2026-09" is "Sep 2026", "2026-Q3" is "Jul to Sep 2026"; financial periods stay as written.</summary>
public static class PeriodWords
{
    // Fixed three-letter names: ICU's en-GB writes "Sept", which column headings and tests should not depend on.
    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    public static string Display(string period)
    {
        if (!Period.TryParse(period, out var parsed))
        {
            return period;
        }

        var text = parsed.Text;
        if (text.Length == 7 && text[4] == '-' && text[5] != 'Q')
        {
            return MonthYear(parsed.Start);
        }

        if (text.Length == 7 && text[5] == 'Q')
        {
            return $"{Months[parsed.Start.Month - 1]} to {MonthYear(parsed.End)}";
        }

        return text;
    }

    /// <summary>"Sep 2026".</summary>
    public static string MonthYear(DateOnly date) => string.Create(CultureInfo.InvariantCulture, $"{Months[date.Month - 1]} {date.Year:D4}");

    /// <summary>The interchange name of the period of this frequency and year basis that holds the date.</summary>
    public static Period PeriodOf(DateOnly date, IndicatorFrequency frequency, YearBasis basis)
    {
        var name = (frequency, basis) switch
        {
            (IndicatorFrequency.Monthly, _) => date.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            (IndicatorFrequency.Quarterly, YearBasis.Financial) => Period.FinancialQuarterName(date),
            (IndicatorFrequency.Quarterly, _) => string.Create(CultureInfo.InvariantCulture, $"{date.Year:D4}-Q{((date.Month - 1) / 3) + 1}"),
            (IndicatorFrequency.Annual, YearBasis.Financial) => Period.FinancialYearName(Period.FinancialYearStartingYear(date)),
            _ => date.Year.ToString("D4", CultureInfo.InvariantCulture),
        };
        return Period.TryParse(name, out var period) ? period : throw new InvalidOperationException($"'{name}' is not a period");
    }
}
