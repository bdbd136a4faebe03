using System.Globalization;
using System.Text.RegularExpressions;

namespace Trellis.Core.Dates;

/// <summary>
/// A reporting period as the plan interchange writes it: <c>2019-01</c> a month, <c>2019-Q3</c> a calendar
/// quarter (Q1 = January-March), <c>2019/20 Q3</c> a financial-year quarter (Q1 = April-June, so this one is
/// October-December 2019), <c>2019/20</c> a financial year (April-March) and <c>2019</c> a calendar year.
/// </summary>
/// <param name="Text">The period as written (trimmed).</param>
/// <param name="Start">The first day of the period.</param>
/// <param name="End">The last day of the period.</param>
public readonly partial record struct Period(string Text, DateOnly Start, DateOnly End)
{
    /// <summary>The English financial year starts in April.</summary>
    internal const int FinancialYearStartMonth = 4;

    /// <summary>Reads an interchange period string. The format is strict: it is written by programs, not people.</summary>
    public static bool TryParse(string? text, out Period period)
    {
        period = default;
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return false;
        }

        var match = InterchangePeriod().Match(trimmed);
        if (!match.Success)
        {
            return false;
        }

        var year = ParseNumber(match.Groups["year"]);
        if (year is < 1 or > 9998)
        {
            return false;
        }

        DateOnly start;
        DateOnly end;
        if (match.Groups["month"].Success)
        {
            var month = ParseNumber(match.Groups["month"]);
            if (month is < 1 or > 12)
            {
                return false;
            }

            start = new DateOnly(year, month, 1);
            end = start.AddMonths(1).AddDays(-1);
        }
        else if (match.Groups["calendarQuarter"].Success)
        {
            var quarter = ParseNumber(match.Groups["calendarQuarter"]);
            start = new DateOnly(year, ((quarter - 1) * 3) + 1, 1);
            end = start.AddMonths(3).AddDays(-1);
        }
        else if (match.Groups["nextYear"].Success)
        {
            // "2019/20": the two digits must name the following year, or it is not a financial year.
            if (ParseNumber(match.Groups["nextYear"]) != (year + 1) % 100)
            {
                return false;
            }

            if (match.Groups["financialQuarter"].Success)
            {
                var quarter = ParseNumber(match.Groups["financialQuarter"]);
                end = FinancialQuarterEnd(year, quarter);
                start = end.AddDays(1).AddMonths(-3);
            }
            else
            {
                start = new DateOnly(year, FinancialYearStartMonth, 1);
                end = FinancialYearEnd(year);
            }
        }
        else
        {
            start = new DateOnly(year, 1, 1);
            end = new DateOnly(year, 12, 31);
        }

        period = new Period(trimmed, start, end);
        return true;
    }

    /// <summary>The financial quarter a date falls in, written as the interchange writes it: "2016/17 Q1" for 10 May 2016.</summary>
    public static string FinancialQuarterName(DateOnly date)
    {
        var startYear = FinancialYearStartingYear(date);
        var quarter = ((date.Month - FinancialYearStartMonth + 12) % 12 / 3) + 1;
        return $"{FinancialYearName(startYear)} Q{quarter.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>Whether the date falls inside this period (both ends included).</summary>
    public bool Contains(DateOnly date) => date >= Start && date <= End;

    /// <summary>"2019/20" for the financial year that starts in April 2019.</summary>
    internal static string FinancialYearName(int startYear) =>
        string.Create(CultureInfo.InvariantCulture, $"{startYear:D4}/{(startYear + 1) % 100:D2}");

    /// <summary>The calendar year in which the financial year holding this date started.</summary>
    internal static int FinancialYearStartingYear(DateOnly date) =>
        date.Month >= FinancialYearStartMonth ? date.Year : date.Year - 1;

    /// <summary>31 March of the year after <paramref name="startYear"/>.</summary>
    internal static DateOnly FinancialYearEnd(int startYear) => new(startYear + 1, 3, 31);

    /// <summary>The last day of financial quarter 1-4 of the financial year starting in April of <paramref name="startYear"/>.</summary>
    internal static DateOnly FinancialQuarterEnd(int startYear, int quarter)
    {
        // Q1 ends in June, Q2 in September, Q3 in December, Q4 in March of the next calendar year.
        var firstDayAfter = new DateOnly(startYear, FinancialYearStartMonth, 1).AddMonths(quarter * 3);
        return firstDayAfter.AddDays(-1);
    }

    /// <summary>The last day of calendar quarter 1-4 (Q1 = January-March).</summary>
    internal static DateOnly CalendarQuarterEnd(int year, int quarter) =>
        new DateOnly(year, 1, 1).AddMonths(quarter * 3).AddDays(-1);

    private static int ParseNumber(Group group) => int.Parse(group.ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);

    [GeneratedRegex(
        @"^(?<year>[0-9]{4})(?:-(?<month>[0-9]{2})|-Q(?<calendarQuarter>[1-4])|/(?<nextYear>[0-9]{2})(?: Q(?<financialQuarter>[1-4]))?)?$",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: 1000)]
    private static partial Regex InterchangePeriod();
}
