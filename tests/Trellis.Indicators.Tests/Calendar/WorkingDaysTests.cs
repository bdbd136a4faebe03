using System.Globalization;
using Trellis.Indicators.Calendar;
using Trellis.Testing;

namespace Trellis.Indicators.Tests.Calendar;

public class WorkingDaysTests
{
    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [SharedDataFact]
    public void Every_year_2010_to_2030_matches_the_published_list()
    {
        var expected = File.ReadLines(SharedData.Path("data", "england_wales_bank_holidays_2010_2030.csv"))
            .Skip(1)
            .Where(l => l.Length > 0)
            .Select(l => D(l.Split(',')[0]))
            .ToList();
        Assert.NotEmpty(expected);
        for (var year = 2010; year <= 2030; year++)
        {
            Assert.Equal(expected.Where(d => d.Year == year), BankHolidays.EnglandAndWales(year));
        }
    }

    [SharedDataFact]
    public void Years_2022_to_2027_match_the_gov_uk_feed_export()
    {
        var expected = File.ReadLines(SharedData.Path("data", "england_wales_bank_holidays_2022_2027.csv"))
            .Skip(1)
            .Where(l => l.Length > 0)
            .Select(l => D(l.Split(',')[0]))
            .ToList();
        var years = expected.Select(d => d.Year).Distinct().ToList();
        Assert.Equal([2022, 2023, 2024, 2025, 2026, 2027], years);
        Assert.Equal(expected, years.SelectMany(BankHolidays.EnglandAndWales));
    }

    [Theory]
    [InlineData("2024-05-15", "2024-05-15", 0)] // same day
    [InlineData("2024-05-17", "2024-05-20", 1)] // Friday to Monday
    [InlineData("2024-05-18", "2024-05-19", 0)] // Saturday to Sunday
    [InlineData("2024-03-28", "2024-04-02", 1)] // over Easter: Good Friday and Easter Monday skipped
    [InlineData("2022-12-23", "2022-12-28", 1)] // Christmas on a Sunday: substitutes 26 and 27 Dec
    [InlineData("2021-12-24", "2022-01-04", 4)] // 27, 28 Dec and 3 Jan substitutes skipped
    [InlineData("2024-02-23", "2024-04-30", 45)] // E1: 47 weekdays less 29 Mar, 1 Apr
    [InlineData("2024-05-20", "2024-05-28", 5)] // E1 A8: 27 May holiday
    [InlineData("2024-05-20", "2024-05-15", -3)] // b before a is negative
    [InlineData("2022-09-16", "2022-09-20", 1)] // the state funeral, 19 Sep 2022
    public void Between_counts_days_after_a_up_to_b(string a, string b, int expected)
    {
        Assert.Equal(expected, WorkingDays.Between(D(a), D(b)));
    }

    [Theory]
    [InlineData("2024-12-25", false)]
    [InlineData("2024-12-27", true)]
    [InlineData("2023-05-08", false)] // coronation
    [InlineData("2020-05-04", true)] // early May moved to VE day
    [InlineData("2020-05-08", false)]
    [InlineData("2024-06-01", false)] // Saturday
    [InlineData("2150-01-01", false)] // beyond the table: rules still apply
    [InlineData("2150-01-02", true)]
    public void IsWorkingDay_knows_weekends_and_holidays(string day, bool expected)
    {
        Assert.Equal(expected, WorkingDays.IsWorkingDay(D(day)));
    }

    [Fact]
    public void Between_beyond_the_table_agrees_with_a_day_by_day_count()
    {
        var a = D("2099-12-20");
        var b = D("2100-01-10");
        var count = 0;
        for (var d = a.AddDays(1); d <= b; d = d.AddDays(1))
        {
            count += WorkingDays.IsWorkingDay(d) ? 1 : 0;
        }

        Assert.Equal(count, WorkingDays.Between(a, b));
        Assert.Equal(12, count); // 21-24 Dec 2099, 29-31 Dec (25 and Boxing Day on Mon 28 off), 4-8 Jan 2100
    }

    [Fact]
    public void Easter_is_gregorian()
    {
        Assert.Equal(D("2024-03-31"), BankHolidays.EasterSunday(2024));
        Assert.Equal(D("2025-04-20"), BankHolidays.EasterSunday(2025));
        Assert.Equal(D("2019-04-21"), BankHolidays.EasterSunday(2019));
    }
}
