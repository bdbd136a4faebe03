namespace Trellis.Indicators.Calendar;

/// <summary>England and Wales bank holidays: the standing rules plus the one-off changes known for 2010-2030.</summary>
public static class BankHolidays
{
    /// <summary>The year's bank holidays in date order (substitute days included).</summary>
    public static IReadOnlyList<DateOnly> EnglandAndWales(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9998);

        var days = new List<DateOnly>(10);
        var newYear = FirstWeekdayOnOrAfter(new DateOnly(year, 1, 1));
        days.Add(newYear);

        var easter = EasterSunday(year);
        days.Add(easter.AddDays(-2));
        days.Add(easter.AddDays(1));

        days.Add(FirstMonday(year, 5));
        days.Add(LastMonday(year, 5));
        days.Add(LastMonday(year, 8));

        var christmas = FirstWeekdayOnOrAfter(new DateOnly(year, 12, 25));
        days.Add(christmas);
        days.Add(FirstWeekdayOnOrAfter(christmas.AddDays(1)));

        ApplyOneOffs(year, days);
        days.Sort();
        return days;
    }

    // Royal wedding, jubilees, VE day, the state funeral and the coronation moved or added days.
    private static void ApplyOneOffs(int year, List<DateOnly> days)
    {
        switch (year)
        {
            case 2011:
                days.Add(new DateOnly(2011, 4, 29));
                break;
            case 2012:
                days.Remove(new DateOnly(2012, 5, 28));
                days.Add(new DateOnly(2012, 6, 4));
                days.Add(new DateOnly(2012, 6, 5));
                break;
            case 2020:
                days.Remove(new DateOnly(2020, 5, 4));
                days.Add(new DateOnly(2020, 5, 8));
                break;
            case 2022:
                days.Remove(new DateOnly(2022, 5, 30));
                days.Add(new DateOnly(2022, 6, 2));
                days.Add(new DateOnly(2022, 6, 3));
                days.Add(new DateOnly(2022, 9, 19));
                break;
            case 2023:
                days.Add(new DateOnly(2023, 5, 8));
                break;
            default:
                break;
        }
    }

    /// <summary>Gregorian Easter Sunday (the anonymous Gregorian algorithm).</summary>
    public static DateOnly EasterSunday(int year)
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

    private static DateOnly FirstWeekdayOnOrAfter(DateOnly date)
    {
        while (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            date = date.AddDays(1);
        }

        return date;
    }

    private static DateOnly FirstMonday(int year, int month)
    {
        var date = new DateOnly(year, month, 1);
        return date.AddDays(((int)DayOfWeek.Monday - (int)date.DayOfWeek + 7) % 7);
    }

    private static DateOnly LastMonday(int year, int month)
    {
        var date = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        return date.AddDays(-(((int)date.DayOfWeek - (int)DayOfWeek.Monday + 7) % 7));
    }
}
