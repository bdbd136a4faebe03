using System.Globalization;

namespace Trellis.Core.Demo;

/// <summary>
/// The demo's dates, all worked out from "today" so that the demo council always has overdue actions,
/// actions due soon and a recent monitoring round, whenever it is installed.
/// </summary>
internal sealed class DemoCalendar
{
    /// <summary>The English financial year starts in April.</summary>
    private const int FinancialYearStartMonth = 4;

    public DemoCalendar(DateOnly today)
    {
        Today = today;

        // Financial quarters start in January, April, July and October, as calendar quarters do.
        var quarterStart = new DateOnly(today.Year, (((today.Month - 1) / 3) * 3) + 1, 1);
        LatestQuarterStart = quarterStart.AddMonths(-3);
        EarlierQuarterStart = quarterStart.AddMonths(-6);

        LastCompleteMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);

        // The inspection: two weeks on site about nine months ago, the report four weeks later.
        var start = today.AddMonths(-9).AddDays(-14);
        start = start.AddDays(-(((int)start.DayOfWeek + 6) % 7));
        InspectionStart = start;
        InspectionEnd = start.AddDays(11);
        InspectionPublished = InspectionEnd.AddDays(28);

        // The plan runs for eighteen months from the month after the report.
        PlanStart = new DateOnly(InspectionPublished.Year, InspectionPublished.Month, 1).AddMonths(1);
        PlanEnd = PlanStart.AddMonths(18).AddDays(-1);
    }

    public DateOnly Today { get; }

    /// <summary>The first day of the most recent financial quarter that has ended.</summary>
    public DateOnly LatestQuarterStart { get; }

    /// <summary>The first day of the quarter before <see cref="LatestQuarterStart"/>.</summary>
    public DateOnly EarlierQuarterStart { get; }

    /// <summary>The first day of the last month that has ended.</summary>
    public DateOnly LastCompleteMonth { get; }

    public DateOnly InspectionStart { get; }

    public DateOnly InspectionEnd { get; }

    public DateOnly InspectionPublished { get; }

    public DateOnly PlanStart { get; }

    public DateOnly PlanEnd { get; }

    /// <summary>"2026/27" for the financial year we are in; offset 1 for the next one.</summary>
    public string FinancialYear(int offset = 0) => FinancialYearName(FinancialYearStartingYear(Today) + offset);

    /// <summary>1 April of the financial year we are in; offset -1 for the last one.</summary>
    public DateOnly FinancialYearStart(int offset = 0) => new(FinancialYearStartingYear(Today) + offset, FinancialYearStartMonth, 1);

    /// <summary>The last financial year that has ended ("2025/26" during 2026/27).</summary>
    public string LastFinancialYear => FinancialYear(-1);

    /// <summary>"2026/27 Q2": the interchange name of the financial quarter holding the date.</summary>
    public static string FinancialQuarterName(DateOnly date)
    {
        var quarter = ((date.Month - FinancialYearStartMonth + 12) % 12 / 3) + 1;
        return string.Create(CultureInfo.InvariantCulture, $"{FinancialYearName(FinancialYearStartingYear(date))} Q{quarter}");
    }

    public static DateOnly EndOfMonth(DateOnly date) => new DateOnly(date.Year, date.Month, 1).AddMonths(1).AddDays(-1);

    /// <summary>"1st", "22nd", "13th".</summary>
    public static string Ordinal(int day)
    {
        var suffix = (day % 100) is 11 or 12 or 13
            ? "th"
            : (day % 10) switch
            {
                1 => "st",
                2 => "nd",
                3 => "rd",
                _ => "th",
            };
        return string.Create(CultureInfo.InvariantCulture, $"{day}{suffix}");
    }

    private static string FinancialYearName(int startYear) =>
        string.Create(CultureInfo.InvariantCulture, $"{startYear:D4}/{(startYear + 1) % 100:D2}");

    private static int FinancialYearStartingYear(DateOnly date) =>
        date.Month >= FinancialYearStartMonth ? date.Year : date.Year - 1;
}

/// <summary>How a day-exact target date is typed into the plan.</summary>
internal enum DayStyle
{
    /// <summary>"31 st March 2026": the space that Word's superscript leaves behind.</summary>
    SpacedOrdinal,

    /// <summary>"31st March 2026".</summary>
    Ordinal,

    /// <summary>"30th Sep 26".</summary>
    OrdinalShort,

    /// <summary>"31/03/2026".</summary>
    Numeric,
}

/// <summary>
/// A target date as a council officer would type it, worked out from today when the demo is seeded.
/// The text is what goes into the plan; the due-date reader then reads it like any other.
/// </summary>
internal sealed class When
{
    private static readonly CultureInfo English = CultureInfo.InvariantCulture;

    private readonly Func<DemoCalendar, string> render;

    private When(Func<DemoCalendar, string> render) => this.render = render;

    public string Render(DemoCalendar calendar) => render(calendar);

    /// <summary>A day <paramref name="days"/> from today (negative for the past).</summary>
    public static When Day(int days, DayStyle style = DayStyle.SpacedOrdinal) => new(c =>
    {
        var date = c.Today.AddDays(days);
        return style switch
        {
            DayStyle.SpacedOrdinal => string.Create(English, $"{date.Day} {DemoCalendar.Ordinal(date.Day)[^2..]} {date:MMMM yyyy}"),
            DayStyle.Ordinal => string.Create(English, $"{DemoCalendar.Ordinal(date.Day)} {date:MMMM yyyy}"),
            DayStyle.OrdinalShort => string.Create(English, $"{DemoCalendar.Ordinal(date.Day)} {date:MMM yy}"),
            _ => date.ToString("dd/MM/yyyy", English),
        };
    });

    /// <summary>"February 2027": the month <paramref name="months"/> from this one.</summary>
    public static When Month(int months) => new(c => c.Today.AddMonths(months).ToString("MMMM yyyy", English));

    /// <summary>"End January 2027".</summary>
    public static When EndOf(int months) => new(c => "End " + c.Today.AddMonths(months).ToString("MMMM yyyy", English));

    /// <summary>"Q3 &amp; 4 2026/27": quarters of the financial year <paramref name="years"/> from this one.</summary>
    public static When Quarters(string quarters, int years = 0) => new(c => $"{quarters} {c.FinancialYear(years)}");

    /// <summary>"2027/28": a whole financial year.</summary>
    public static When FinancialYear(int years) => new(c => c.FinancialYear(years));

    /// <summary>"31st April 2027", which is not a date: the next April that has not yet passed.</summary>
    public static When ThirtyFirstApril() => new(c =>
    {
        var year = c.Today <= new DateOnly(c.Today.Year, 4, 30) ? c.Today.Year : c.Today.Year + 1;
        return string.Create(English, $"31st April {year}");
    });

    /// <summary>"Dec 2026 Jan 2027 February 2027": three months in one cell, starting <paramref name="months"/> from this one.</summary>
    public static When ThreeMonths(int months) => new(c =>
    {
        var first = c.Today.AddMonths(months);
        return string.Create(English, $"{first:MMM yyyy} {first.AddMonths(1):MMM yyyy} {first.AddMonths(2):MMMM yyyy}");
    });

    /// <summary>"First report June 2027 and then quarterly".</summary>
    public static When FirstThenQuarterly(int months) =>
        new(c => $"First report {c.Today.AddMonths(months).ToString("MMMM yyyy", English)} and then quarterly");

    /// <summary>Text as written: "TBC", "Ongoing", "NFA", "??".</summary>
    public static When Text(string text) => new(_ => text);
}
