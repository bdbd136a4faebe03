namespace Trellis.Indicators.Calendar;

/// <summary>
/// England and Wales working days (Monday to Friday, not a bank holiday). WD(a, b) counts the
/// working days d with a &lt; d &lt;= b, so the same day is 0 and the next working day 1.
/// </summary>
/// <remarks>
/// A cumulative count per day over 1900-2099 (the years a readable Annex A date can have) makes
/// each answer two array reads; dates outside that span are counted day by day.
/// </remarks>
public static class WorkingDays
{
    private const int FirstYear = 1900;
    private const int LastYear = 2099;
    private static readonly int FirstDay = new DateOnly(FirstYear, 1, 1).DayNumber;
    private static readonly int LastDay = new DateOnly(LastYear, 12, 31).DayNumber;

    // Cumulative[i] = working days in (FirstDay, FirstDay + i].
    private static readonly int[] Cumulative = BuildCumulative();

    /// <summary>WD(a, b): working days d with a &lt; d &lt;= b; negative when b is before a.</summary>
    public static int Between(DateOnly a, DateOnly b) => Between(a.DayNumber, b.DayNumber);

    public static bool IsWorkingDay(DateOnly date)
    {
        if (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            return false;
        }

        var d = date.DayNumber;
        if (d > FirstDay && d <= LastDay)
        {
            return Cumulative[d - FirstDay] - Cumulative[d - FirstDay - 1] == 1;
        }

        return !BankHolidays.EnglandAndWales(date.Year).Contains(date);
    }

    /// <summary>WD over <see cref="DateOnly.DayNumber"/> values, for the engine's columnar dates.</summary>
    internal static int Between(int a, int b)
    {
        if (b < a)
        {
            return -Between(b, a);
        }

        if (a >= FirstDay && b <= LastDay)
        {
            return Cumulative[b - FirstDay] - Cumulative[a - FirstDay];
        }

        var count = 0;
        for (var d = a + 1; d <= b; d++)
        {
            if (IsWorkingDay(DateOnly.FromDayNumber(d)))
            {
                count++;
            }
        }

        return count;
    }

    private static int[] BuildCumulative()
    {
        var holidays = new HashSet<int>();
        for (var year = FirstYear; year <= LastYear; year++)
        {
            foreach (var day in BankHolidays.EnglandAndWales(year))
            {
                holidays.Add(day.DayNumber);
            }
        }

        var cumulative = new int[LastDay - FirstDay + 1];
        for (var i = 1; i < cumulative.Length; i++)
        {
            var day = DateOnly.FromDayNumber(FirstDay + i);
            var working = day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holidays.Contains(day.DayNumber);
            cumulative[i] = cumulative[i - 1] + (working ? 1 : 0);
        }

        return cumulative;
    }
}
