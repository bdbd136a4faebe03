using System.Globalization;
using System.Text.Json;
using Trellis.Core.Dates;

namespace Trellis.Core.Tests.Dates;

public class DueDateReaderTests
{
    [Theory]
    // Day dates, as written in the seed plans and elsewhere.
    [InlineData("31 st March 2016", "2016-03-31", "day")]
    [InlineData("31st March 2016", "2016-03-31", "day")]
    [InlineData("30 th June 2016", "2016-06-30", "day")]
    [InlineData("30 th Sep 2016", "2016-09-30", "day")]
    [InlineData("30th Sep 16", "2016-09-30", "day")]
    [InlineData("30 th Sep 16 20", "2016-09-30", "day")]
    [InlineData("28 th February 2016", "2016-02-28", "day")]
    [InlineData("30 th September 2016", "2016-09-30", "day")]
    [InlineData("30 th May 2016", "2016-05-30", "day")]
    [InlineData("30 th July 2016", "2016-07-30", "day")]
    [InlineData("27 th April 2016", "2016-04-27", "day")]
    [InlineData("28/02/2016", "2016-02-28", "day")]
    [InlineData("28.02.16", "2016-02-28", "day")]
    [InlineData("1/4/16", "2016-04-01", "day")]
    [InlineData("01-04-2016", "2016-04-01", "day")]
    [InlineData("1 April 2016", "2016-04-01", "day")]
    [InlineData("1st of April 2016", "2016-04-01", "day")]
    [InlineData("April 1st 2016", "2016-04-01", "day")]
    [InlineData("June 30, 2016", "2016-06-30", "day")]
    [InlineData("Wed 30th March 2016", "2016-03-30", "day")]
    [InlineData("Wednesday, 30 March 2016", "2016-03-30", "day")]
    [InlineData("30-Jun-2016", "2016-06-30", "day")]
    [InlineData("30-Jun-16", "2016-06-30", "day")]
    [InlineData("2016-06-30", "2016-06-30", "day")]
    [InlineData("30th Sept 2016", "2016-09-30", "day")]
    [InlineData("30 SEPTEMBER 2016", "2016-09-30", "day")]
    [InlineData("by 31st March 2016", "2016-03-31", "day")]
    [InlineData("30.6.2016", "2016-06-30", "day")]
    [InlineData("w/c 6th June 2016", "2016-06-12", "day")]
    [InlineData("week commencing 27 June 2016", "2016-07-03", "day")]
    // Impossible days: the last day of the month the author named.
    [InlineData("31 st April 2016", "2016-04-30", "day")]
    [InlineData("31st April 2016", "2016-04-30", "day")]
    [InlineData("30th February 2017", "2017-02-28", "day")]
    [InlineData("29 February 2017", "2017-02-28", "day")]
    [InlineData("29 February 2016", "2016-02-29", "day")]
    [InlineData("31/06/2016", "2016-06-30", "day")]
    [InlineData("32nd March 2016", "2016-03-31", "month")]
    [InlineData("0 March 2016", "2016-03-31", "month")]
    // Months.
    [InlineData("February 2017", "2017-02-28", "month")]
    [InlineData("February 2016", "2016-02-29", "month")]
    [InlineData("September 2017", "2017-09-30", "month")]
    [InlineData("Feb 2017", "2017-02-28", "month")]
    [InlineData("Feb-17", "2017-02-28", "month")]
    [InlineData("Feb 17", "2017-02-28", "month")]
    [InlineData("Feb'19", "2019-02-28", "month")]
    [InlineData("Jun '19", "2019-06-30", "month")]
    [InlineData("July '19", "2019-07-31", "month")]
    [InlineData("Jun \u201919", "2019-06-30", "month")]
    [InlineData("January'19", "2019-01-31", "month")]
    [InlineData("Dec 2018", "2018-12-31", "month")]
    [InlineData("Sept 2016", "2016-09-30", "month")]
    [InlineData("sept. 2016", "2016-09-30", "month")]
    [InlineData("MARCH 2016", "2016-03-31", "month")]
    [InlineData("End January 2014", "2014-01-31", "month")]
    [InlineData("end of March 2016", "2016-03-31", "month")]
    [InlineData("by end of June 2016", "2016-06-30", "month")]
    [InlineData("By the end of June 2016", "2016-06-30", "month")]
    [InlineData("Early June 2019", "2019-06-30", "month")]
    [InlineData("mid June 2019", "2019-06-30", "month")]
    [InlineData("mid-June 2019", "2019-06-30", "month")]
    [InlineData("06/2016", "2016-06-30", "month")]
    [InlineData("2016-06", "2016-06-30", "month")]
    [InlineData("Jan \u2013 May 2019", "2019-05-31", "month")]
    [InlineData("Nov.2016", "2016-11-30", "month")]
    [InlineData("Mar-19", "2019-03-31", "month")]
    [InlineData("Summer 2016", "2016-08-31", "month")]
    [InlineData("Autumn term 2016", "2016-12-31", "month")]
    // Quarters.
    [InlineData("Q3 2019/20", "2019-12-31", "quarter")]
    [InlineData("Q3 2026/27", "2026-12-31", "quarter")]
    [InlineData("Q4 2019/20", "2020-03-31", "quarter")]
    [InlineData("Q1 2016/17", "2016-06-30", "quarter")]
    [InlineData("Q3 & 4 2019/20", "2020-03-31", "quarter")]
    [InlineData("Q3 & Q4 2018/19", "2019-03-31", "quarter")]
    [InlineData("Q3 & 4 2018/19", "2019-03-31", "quarter")]
    [InlineData("Q3 &amp; 4 2018/19", "2019-03-31", "quarter")]
    [InlineData("Q3/4 2019/20", "2020-03-31", "quarter")]
    [InlineData("Q1&2 of 2018/19", "2018-09-30", "quarter")]
    [InlineData("2019/20 Q3", "2019-12-31", "quarter")]
    [InlineData("2018/19 Q3 & Q4", "2019-03-31", "quarter")]
    [InlineData("Q2 18/19", "2018-09-30", "quarter")]
    [InlineData("Q3 19/20", "2019-12-31", "quarter")]
    [InlineData("Quarter 2 2017/18", "2017-09-30", "quarter")]
    [InlineData("Q3 2018", "2018-09-30", "quarter")]
    [InlineData("Q3 2019", "2019-09-30", "quarter")]
    [InlineData("q4 2019", "2019-12-31", "quarter")]
    [InlineData("end of Q3 2019/20", "2019-12-31", "quarter")]
    [InlineData("3rd quarter 2016/17", "2016-12-31", "quarter")]
    [InlineData("third quarter 2016/17", "2016-12-31", "quarter")]
    [InlineData("Q4 2015-16", "2016-03-31", "quarter")]
    // Years.
    [InlineData("2016/17", "2017-03-31", "year")]
    [InlineData("16/17", "2017-03-31", "year")]
    [InlineData("2016-17", "2017-03-31", "year")]
    [InlineData("2016/2017", "2017-03-31", "year")]
    [InlineData("2017", "2017-12-31", "year")]
    [InlineData("end of 2016/17", "2017-03-31", "year")]
    // Several dates: the latest.
    [InlineData("Dec 2014 Jan 2015 February 2015 March 2015", "2015-03-31", "month")]
    [InlineData("Mar 2019 July 2019 July 2019 Q2 2019 May 2019  Q3 & 4 2019/20", "2020-03-31", "quarter")]
    [InlineData("31st March 2016 and 30th June 2016", "2016-06-30", "day")]
    [InlineData("30th June 2016 (draft), final September 2016", "2016-09-30", "month")]
    [InlineData("March 2016 - 31st March 2016", "2016-03-31", "day")]
    // Recurring: the first date.
    [InlineData("First report June 2015 and then quarterly", "2015-06-30", "month")]
    [InlineData("Monthly from April 2016", "2016-04-30", "month")]
    [InlineData("Quarterly", null, "ongoing")]
    [InlineData("Monthly", null, "ongoing")]
    // Not dates.
    [InlineData("TBC", null, "tbc")]
    [InlineData("tbc", null, "tbc")]
    [InlineData("tbc with IT provider", null, "tbc")]
    [InlineData("To be confirmed", null, "tbc")]
    [InlineData("Date to be agreed", null, "tbc")]
    [InlineData("t.b.c.", null, "tbc")]
    [InlineData("??", null, "tbc")]
    [InlineData("?", null, "tbc")]
    [InlineData("Ongoing", null, "ongoing")]
    [InlineData("On-going", null, "ongoing")]
    [InlineData("on going", null, "ongoing")]
    [InlineData("Continuous", null, "ongoing")]
    [InlineData("In place", null, "ongoing")]
    [InlineData("NFA", null, "none")]
    [InlineData("N/A", null, "none")]
    [InlineData("Complete", null, "none")]
    [InlineData("Completed", null, "none")]
    [InlineData("Done", null, "none")]
    [InlineData("As soon as possible", null, "none")]
    [InlineData("June", null, "none")]
    [InlineData("June 21st", null, "none")]
    [InlineData("31st Dec", null, "none")]
    [InlineData("Q2", null, "none")]
    [InlineData("", null, "none")]
    [InlineData("   ", null, "none")]
    public void Read_RealWorldText_GivesLastDayAndPrecision(string text, string? expectedDate, string expectedPrecision)
    {
        var reading = DueDateReader.Read(text);

        Assert.Equal(ParseDate(expectedDate), reading.Date);
        Assert.Equal(ParsePrecision(expectedPrecision), reading.Precision);
        Assert.Equal(text.Trim(), reading.Text);
    }

    [Fact]
    public void Read_Null_IsEmpty()
    {
        Assert.Same(DueDateReading.Empty, DueDateReader.Read(null));
        Assert.Same(DueDateReading.Empty, DueDateReader.Read(" \t\n "));
    }

    [Fact]
    public void Read_KeepsTextTrimmedAsWritten()
    {
        var reading = DueDateReader.Read("  31 st  March 2016 \n");

        Assert.Equal("31 st  March 2016", reading.Text);
    }

    [Theory]
    [InlineData("31st March 2016")]
    [InlineData("Q3 & 4 2019/20")]
    [InlineData("First report June 2015 and then quarterly")]
    public void Read_OneDate_HasNoParts(string text)
    {
        var reading = DueDateReader.Read(text);

        Assert.Empty(reading.Parts);
        Assert.False(reading.HasMilestones);
    }

    [Fact]
    public void Read_FourMonths_GivesFourPartsAndTheLatest()
    {
        var reading = DueDateReader.Read("Dec 2014 Jan 2015 February 2015 March 2015");

        Assert.True(reading.HasMilestones);
        Assert.Equal(["Dec 2014", "Jan 2015", "February 2015", "March 2015"], reading.Parts.Select(p => p.Text));
        Assert.Equal(
            [new DateOnly(2014, 12, 31), new DateOnly(2015, 1, 31), new DateOnly(2015, 2, 28), new DateOnly(2015, 3, 31)],
            reading.Parts.Select(p => p.Date!.Value));
        Assert.All(reading.Parts, p => Assert.Equal(DuePrecision.Month, p.Precision));
        Assert.Equal(new DateOnly(2015, 3, 31), reading.Date);
        Assert.Equal(DuePrecision.Month, reading.Precision);
        Assert.Empty(reading.Warnings);
    }

    [Fact]
    public void Read_SeedMilestoneCell_GivesSixPartsEachWithItsOwnPrecision()
    {
        const string text = "Mar 2019 July 2019 July 2019 Q2 2019 May 2019  Q3 & 4 2019/20";

        var reading = DueDateReader.Read(text);

        Assert.Equal(text, reading.Text);
        Assert.Equal(
            ["Mar 2019", "July 2019", "July 2019", "Q2 2019", "May 2019", "Q3 & 4 2019/20"],
            reading.Parts.Select(p => p.Text));
        Assert.Equal(
            [DuePrecision.Month, DuePrecision.Month, DuePrecision.Month, DuePrecision.Quarter, DuePrecision.Month, DuePrecision.Quarter],
            reading.Parts.Select(p => p.Precision));
        Assert.Equal(new DateOnly(2019, 6, 30), reading.Parts[3].Date);
        Assert.Equal(new DateOnly(2020, 3, 31), reading.Date);
        Assert.Equal(DuePrecision.Quarter, reading.Precision);
    }

    [Fact]
    public void Read_TwoDays_GivesTwoDayParts()
    {
        var reading = DueDateReader.Read("31st March 2016 and 30th June 2016");

        Assert.Equal(["31st March 2016", "30th June 2016"], reading.Parts.Select(p => p.Text));
        Assert.Equal([new DateOnly(2016, 3, 31), new DateOnly(2016, 6, 30)], reading.Parts.Select(p => p.Date!.Value));
        Assert.Equal(new DateOnly(2016, 6, 30), reading.Date);
        Assert.Equal(DuePrecision.Day, reading.Precision);
    }

    [Fact]
    public void Read_DatesAmongWords_FindsEachDate()
    {
        var reading = DueDateReader.Read("30th June 2016 (draft), final September 2016");

        Assert.Equal(["30th June 2016", "September 2016"], reading.Parts.Select(p => p.Text));
        Assert.Equal(DuePrecision.Day, reading.Parts[0].Precision);
        Assert.Equal(DuePrecision.Month, reading.Parts[1].Precision);
        Assert.Equal(new DateOnly(2016, 9, 30), reading.Date);
        Assert.Empty(reading.Warnings);
    }

    [Fact]
    public void Read_SameLastDayTwice_TakesTheMorePrecise()
    {
        var reading = DueDateReader.Read("March 2016 - 31st March 2016");

        Assert.Equal(DuePrecision.Day, reading.Precision);
        Assert.Equal(2, reading.Parts.Count);
    }

    [Fact]
    public void Read_ImpossibleDay_WarnsAndReadsTheLastDayOfTheMonth()
    {
        var reading = DueDateReader.Read("31st April 2016");

        Assert.Equal(new DateOnly(2016, 4, 30), reading.Date);
        Assert.Equal(DuePrecision.Day, reading.Precision);
        Assert.Equal(["'31st April 2016' is not a date; read as 30 April 2016"], reading.Warnings);
    }

    [Theory]
    [InlineData("31 st April 2016", "'31 st April 2016' is not a date; read as 30 April 2016")]
    [InlineData("30th February 2017", "'30th February 2017' is not a date; read as 28 February 2017")]
    [InlineData("29 February 2017", "'29 February 2017' is not a date; read as 28 February 2017")]
    [InlineData("31/04/2016", "'31/04/2016' is not a date; read as 30 April 2016")]
    [InlineData("32nd March 2016", "'32nd March 2016' is not a date; read as March 2016")]
    [InlineData("0 March 2016", "'0 March 2016' is not a date; read as March 2016")]
    public void Read_ImpossibleDates_SayWhatTheyWereReadAs(string text, string warning)
    {
        Assert.Equal([warning], DueDateReader.Read(text).Warnings);
    }

    [Fact]
    public void Read_ImpossibleDayAmongSeveral_WarnsOnThePartAndTheWhole()
    {
        var reading = DueDateReader.Read("31st April 2016 and 30th June 2016");

        const string warning = "'31st April 2016' is not a date; read as 30 April 2016";
        Assert.Equal([warning], reading.Parts[0].Warnings);
        Assert.Empty(reading.Parts[1].Warnings);
        Assert.Equal([warning], reading.Warnings);
    }

    [Fact]
    public void Read_TrailingNumber_IsIgnoredWithAWarning()
    {
        var reading = DueDateReader.Read("30 th Sep 16 20");

        Assert.Equal(new DateOnly(2016, 9, 30), reading.Date);
        Assert.Equal(DuePrecision.Day, reading.Precision);
        Assert.Equal(["'20' after '30 th Sep 16' was ignored"], reading.Warnings);
    }

    [Fact]
    public void Read_NumbersBeforeADate_AreIgnoredWithAWarning()
    {
        var reading = DueDateReader.Read("12/13/2016");

        Assert.Equal(new DateOnly(2016, 12, 31), reading.Date);
        Assert.Equal(["'12/13' before '2016' was ignored"], reading.Warnings);
    }

    [Theory]
    [InlineData("First report June 2015 and then quarterly", "recurs quarterly after the first date")]
    [InlineData("Monthly from April 2016", "recurs monthly after the first date")]
    [InlineData("April 2016 and 6 monthly thereafter", "recurs 6 monthly after the first date")]
    [InlineData("Q1 2016/17 then every quarter", "recurs every quarter after the first date")]
    public void Read_Recurring_IsDueAtTheFirstDateAndNamesTheRecurrence(string text, string warning)
    {
        var reading = DueDateReader.Read(text);

        Assert.Equal([warning], reading.Warnings);
    }

    [Fact]
    public void Read_RecurringWithSeveralDates_IsDueAtTheEarliest()
    {
        var reading = DueDateReader.Read("Quarterly: June 2016, September 2016, December 2016");

        Assert.Equal(new DateOnly(2016, 6, 30), reading.Date);
        Assert.Equal(3, reading.Parts.Count);
    }

    [Theory]
    [InlineData("TBC")]
    [InlineData("tbc with IT provider")]
    [InlineData("??")]
    [InlineData("Ongoing")]
    [InlineData("Quarterly")]
    [InlineData("31st March 2016")]
    [InlineData("Q3 & 4 2019/20")]
    [InlineData("end of March 2016")]
    [InlineData("Dec 2014 Jan 2015 February 2015 March 2015")]
    public void Read_PlainCells_HaveNoWarnings(string text)
    {
        Assert.Empty(DueDateReader.Read(text).Warnings);
    }

    [Theory]
    [InlineData("Early June 2019", "'Early June 2019' is read as due by 30 June 2019")]
    [InlineData("mid June 2019", "'mid June 2019' is read as due by 30 June 2019")]
    [InlineData("Beginning of 2017", "'Beginning of 2017' is read as due by 31 December 2017")]
    [InlineData("Summer term 2016", "'Summer term 2016' is read as due by 31 August 2016")]
    [InlineData("w/c 6th June 2016", "'w/c 6th June 2016' is read as the end of that week, 12 June 2016")]
    public void Read_EarlyInAPeriod_WarnsThatTheEndIsStored(string text, string warning)
    {
        Assert.Equal([warning], DueDateReader.Read(text).Warnings);
    }

    [Theory]
    [InlineData("xyz", "'xyz' was not understood as a date")]
    [InlineData("When resources allow", "'When resources allow' was not understood as a date")]
    [InlineData("Completed", "'Completed' is not a date; it may mean the action is already complete")]
    [InlineData("Done", "'Done' is not a date; it may mean the action is already complete")]
    [InlineData("N/A", "'N/A' is not a date")]
    [InlineData("NFA", "'NFA' is not a date")]
    public void Read_NotADate_Warns(string text, string warning)
    {
        var reading = DueDateReader.Read(text);

        Assert.Null(reading.Date);
        Assert.Equal(DuePrecision.None, reading.Precision);
        Assert.Equal([warning], reading.Warnings);
        Assert.Equal(text, reading.Text);
    }

    [Theory]
    [InlineData("June 2016 tbc", "'June 2016 tbc' says the date is still to be confirmed")]
    [InlineData("June 2016?", "'June 2016?' says the date is still to be confirmed")]
    [InlineData("Ongoing, review March 2017", "'Ongoing, review March 2017' also says the work is ongoing")]
    [InlineData("Completed March 2016", "'Completed March 2016' may mean the action is already complete")]
    [InlineData("Mon 30th March 2016", "'Mon 30th March 2016': 30 March 2016 is a Wednesday, not a Monday")]
    public void Read_DateWithDoubts_KeepsTheDateAndWarns(string text, string warning)
    {
        var reading = DueDateReader.Read(text);

        Assert.NotNull(reading.Date);
        Assert.Equal([warning], reading.Warnings);
    }

    [Theory]
    [InlineData("Q3 2019", false, "2019-09-30")]
    [InlineData("Q3 2019", true, "2019-12-31")]
    [InlineData("Q4 2019", true, "2020-03-31")]
    [InlineData("Q1 2019", false, "2019-03-31")]
    [InlineData("Q1 2019", true, "2019-06-30")]
    [InlineData("2019 Q3", true, "2019-12-31")]
    [InlineData("Q3 2019/20", false, "2019-12-31")]
    [InlineData("Q3 2019/20", true, "2019-12-31")]
    public void Read_BareQuarter_FollowsTheOption(string text, bool bareQuartersAreFinancial, string expectedDate)
    {
        var options = new DueDateReaderOptions { BareQuartersAreFinancial = bareQuartersAreFinancial };

        var reading = DueDateReader.Read(text, options);

        Assert.Equal(ParseDate(expectedDate), reading.Date);
        Assert.Equal(DuePrecision.Quarter, reading.Precision);
    }

    [Theory]
    [InlineData("0/0/0")]
    [InlineData("00/01/00")]
    [InlineData("99/00")]
    [InlineData("Q4 2099/00")]
    [InlineData("2099/2100")]
    [InlineData("31/02/99999")]
    [InlineData("123456789012345678901234567890 March")]
    [InlineData("Q")]
    [InlineData("Q3 &")]
    [InlineData("w/c")]
    [InlineData("&amp;")]
    [InlineData("' - / . ,")]
    [InlineData("\u0663\u0661 March 2016")]
    public void Read_OddText_NeverThrowsAndKeepsTheText(string text)
    {
        var reading = DueDateReader.Read(text);

        Assert.Equal(text, reading.Text);
        Assert.True(reading.Date is null || reading.Precision is DuePrecision.Day or DuePrecision.Month or DuePrecision.Quarter or DuePrecision.Year);
    }

    [Fact]
    public void Read_DoesNotDependOnTheMachineCulture()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("fr-FR");
            var reading = DueDateReader.Read("31st April 2016");

            Assert.Equal(new DateOnly(2016, 4, 30), reading.Date);
            Assert.Equal(["'31st April 2016' is not a date; read as 30 April 2016"], reading.Warnings);
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    /// <summary>Every due date in the hand-checked expected imports reads as the gold says.</summary>
    [Fact]
    public void Read_EveryGoldDueDate_MatchesTheExpectedImports()
    {
        var expected = FindExpectedDirectory();
        if (expected is null)
        {
            Assert.False(
                string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase),
                "shared/expected was not found above " + AppContext.BaseDirectory + "; CI must provide the expected imports.");
            return;
        }

        var checkedCount = 0;
        var misses = new List<string>();
        foreach (var file in Directory.GetFiles(expected, "*.plan.json"))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            foreach (var due in GoldDueDates(document.RootElement))
            {
                var text = due.GetProperty("text").GetString();
                var date = due.TryGetProperty("date", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
                var precision = due.GetProperty("precision").GetString()!;

                var reading = DueDateReader.Read(text);
                checkedCount++;
                if (reading.Date != ParseDate(date) || reading.Precision != ParsePrecision(precision))
                {
                    misses.Add($"{Path.GetFileName(file)}: '{text}' read as {reading.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "null"} {reading.Precision}, expected {date ?? "null"} {precision}");
                }
            }
        }

        Assert.True(checkedCount > 0, "the expected imports hold no due dates");
        Assert.True(misses.Count == 0, string.Join(Environment.NewLine, misses));
    }

    private static IEnumerable<JsonElement> GoldDueDates(JsonElement plan)
    {
        if (!plan.TryGetProperty("areas", out var areas))
        {
            yield break;
        }

        foreach (var area in areas.EnumerateArray())
        {
            if (!area.TryGetProperty("actions", out var actions))
            {
                continue;
            }

            foreach (var action in actions.EnumerateArray())
            {
                if (action.TryGetProperty("due", out var due) && due.ValueKind == JsonValueKind.Object)
                {
                    yield return due;
                }
            }
        }
    }

    /// <summary>The shared folder sits beside the repository, so walk up until one holds shared/expected.</summary>
    private static string? FindExpectedDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "expected");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static DateOnly? ParseDate(string? iso) =>
        iso is null ? null : DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DuePrecision ParsePrecision(string precision) => Enum.Parse<DuePrecision>(precision, ignoreCase: true);
}
