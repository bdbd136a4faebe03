namespace Trellis.Core.AnnexA.Synthetic;

/// <summary>
/// England and Wales bank holidays from the rules and one-off days of the Annex A calculation
/// contract (DEFINITIONS §3), so generated dates can land on them and a cross-check can count
/// working days without the engine's own calendar.
/// </summary>
public static class BankHolidayRules
{
    public static IReadOnlyList<DateOnly> Between(int firstYear, int lastYear)
    {
        var days = new List<DateOnly>();
        for (var year = firstYear; year <= lastYear; year++)
        {
            days.AddRange(For(year));
        }

        return days;
    }

    public static IEnumerable<DateOnly> For(int year)
    {
        var set = new SortedSet<DateOnly> { FirstWeekdayOnOrAfter(new DateOnly(year, 1, 1)) };
        var easter = EasterSunday(year);
        set.Add(easter.AddDays(-2));
        set.Add(easter.AddDays(1));
        set.Add(year == 2020 ? new DateOnly(2020, 5, 8) : FirstMonday(year, 5));
        set.Add(year switch
        {
            2012 => new DateOnly(2012, 6, 4),
            2022 => new DateOnly(2022, 6, 2),
            _ => LastMonday(year, 5),
        });
        set.Add(LastMonday(year, 8));
        var christmas = FirstWeekdayOnOrAfter(new DateOnly(year, 12, 25));
        set.Add(christmas);
        set.Add(FirstWeekdayOnOrAfter(christmas.AddDays(1)));
        foreach (var extra in OneOffs.Where(d => d.Year == year))
        {
            set.Add(extra);
        }

        return set;
    }

    private static readonly DateOnly[] OneOffs =
    [
        new(2011, 4, 29), new(2012, 6, 5), new(2022, 6, 3), new(2022, 9, 19), new(2023, 5, 8),
    ];

    private static DateOnly FirstWeekdayOnOrAfter(DateOnly day)
    {
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            day = day.AddDays(1);
        }

        return day;
    }

    private static DateOnly FirstMonday(int year, int month)
    {
        var day = new DateOnly(year, month, 1);
        while (day.DayOfWeek != DayOfWeek.Monday)
        {
            day = day.AddDays(1);
        }

        return day;
    }

    private static DateOnly LastMonday(int year, int month)
    {
        var day = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        while (day.DayOfWeek != DayOfWeek.Monday)
        {
            day = day.AddDays(-1);
        }

        return day;
    }

    /// <summary>Gregorian Easter Sunday (the anonymous Gregorian algorithm).</summary>
    private static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }
}
