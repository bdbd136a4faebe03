using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Trellis.Core.Data;
using Trellis.Core.Indicators;
using Trellis.Core.Plans;
using Trellis.Core.Tests.Import.Sheets;
using Trellis.Testing;

namespace Trellis.Core.Tests.Indicators;

/// <summary>Recording indicator values on each real database engine, at 22 November 2026.</summary>
public class IndicatorValueServiceTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    /// <summary>The first indicator table of the seed board report (seeds/001, section 8.3), pasted from Word.</summary>
    internal const string BoardReportTable =
        "Indicator\tJan 19\tFeb 19\tMar 19\tApr 19\tMay 19\tTarget\n"
        + "No. of Contacts received in MASH\t1383\t1304\t1484\t1219\t1537\tNo Target\n"
        + "% Contacts progressing to a CSC referral\t18%\t17%\t15%\t20%\t18%\t20-25%\n"
        + "Rate of CSC referrals (10k pop) rolling 12 months\t442\t444\t440\t450\t464\tNo Target\n"
        + "% Re-referrals (In the last 12 months rolling)\t7%\t7%\t15%\t15%\t15%\tNo higher than 15%\n"
        + "Decision made on Contacts in 24 hours\t47%\t72%\t63%\t52%\t55%\t90%\n";

    private sealed record Seeded(int OrgId, int PlanId, int Contacts, int Referrals, int Quarterly, int OtherOrgId);

    private static IndicatorValueService Service(TrellisDbContext db, FakeTimeProvider? clock = null) => new(db, clock ?? new FakeTimeProvider(Now));

    private static async Task<Seeded> SeedAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var org = new Organisation { Name = "Riverside" };
        var other = new Organisation { Name = "Elsewhere" };
        db.Organisations.AddRange(org, other);
        await db.SaveChangesAsync();
        var plan = await new PlanService(db).CreatePlanAsync(org.Id, new PlanInput("Plan", PlanStatus.Live, MonitoringCadence.Quarterly, null, null, true, []));
        Core.Indicators.Indicator Make(string key, string name, IndicatorUnit unit, IndicatorFrequency frequency = IndicatorFrequency.Monthly, int order = 0) =>
            new() { PlanId = plan.Id, Key = key, Name = name, Unit = unit, Frequency = frequency, SortOrder = order };
        var contacts = Make("k1", "No. of Contacts received in MASH", IndicatorUnit.Count, order: 1);
        var referrals = Make("k2", "% Contacts progressing to a CSC referral", IndicatorUnit.Percent, order: 2);
        var rate = Make("k3", "Rate of CSC referrals (10k pop) rolling 12 months", IndicatorUnit.RatePer10k, order: 3);
        var rereferrals = Make("k4", "% Re-referrals (In the last 12 months rolling)", IndicatorUnit.Percent, order: 4);
        var decisions = Make("k5", "Decision made on Contacts in 24 hours", IndicatorUnit.Percent, order: 5);
        var quarterly = Make("k6", "Children in need per 10,000", IndicatorUnit.RatePer10k, IndicatorFrequency.Quarterly, 6);
        db.Indicators.AddRange(contacts, referrals, rate, rereferrals, decisions, quarterly);
        await db.SaveChangesAsync();
        return new Seeded(org.Id, plan.Id, contacts.Id, referrals.Id, quarterly.Id, other.Id);
    }

    private static async Task<List<Core.Indicators.IndicatorValue>> ValuesAsync(TestDatabase database, int indicatorId)
    {
        await using var db = database.CreateContext();
        var values = await db.IndicatorValues.AsNoTracking().Include(v => v.Breakdowns).Include(v => v.Revisions).Where(v => v.IndicatorId == indicatorId).ToListAsync();
        return [.. values.OrderBy(v => v.PeriodStart)];
    }

    private static ValueItem Item(string period, string value, string? note = null, string? asAt = null) =>
        new() { Place = "form", Period = period, ValueText = value, Note = note, AsAtText = asAt };

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Record_Correction_KeepsTheOldValueAsARevision_AndTheSameValueAgainChangesNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var s = await SeedAsync(database);
        await using (var db = database.CreateContext())
        {
            var first = await Service(db).RecordForIndicatorAsync(s.OrgId, s.Referrals, [Item("Sep 2026", "47%", "Early figure", "5 October 2026")], IndicatorValueService.FormSource, dryRun: false);
            Assert.True(first.Stored);
            Assert.Equal((1, 0, 0), (first.Added, first.Corrected, first.Unchanged));
        }

        var clock = new FakeTimeProvider(Now.AddDays(3));
        await using (var db = database.CreateContext())
        {
            var corrected = await Service(db, clock).RecordForIndicatorAsync(s.OrgId, s.Referrals, [Item("2026-09", "52")], IndicatorValueService.ImportSource("values.csv"), dryRun: false);
            Assert.Equal((0, 1, 0), (corrected.Added, corrected.Corrected, corrected.Unchanged));
            Assert.Equal("47% (Early figure)", corrected.Changes[0].Old);
            Assert.Equal("52% (Early figure)", corrected.Changes[0].New);
        }

        await using (var db = database.CreateContext())
        {
            var again = await Service(db, clock).RecordForIndicatorAsync(s.OrgId, s.Referrals, [Item("September 2026", "52%")], IndicatorValueService.ApiSource, dryRun: false);
            Assert.Equal((0, 0, 1), (again.Added, again.Corrected, again.Unchanged));
            Assert.False(again.Stored);
        }

        var value = Assert.Single(await ValuesAsync(database, s.Referrals));
        Assert.Equal(("2026-09", new DateOnly(2026, 9, 1), 52m, "Early figure", new DateOnly(2026, 10, 5)), (value.Period, value.PeriodStart, value.Value!.Value, value.Note, value.AsAt!.Value));
        Assert.Equal("Imported from values.csv", value.Source);
        var revision = Assert.Single(value.Revisions);
        Assert.Equal((47m, "Early figure", IndicatorValueService.FormSource, "Imported from values.csv"), (revision.Value!.Value, revision.Note, revision.Source, revision.ReplacedBy));
        Assert.Equal(Now.AddDays(3), revision.ReplacedAt);
        Assert.Equal(Now, revision.RecordedAt);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Record_OneBadRow_StoresNothing_AndNamesTheCell(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var s = await SeedAsync(database);
        var table = await IndicatorValueTable.ReadPastedAsync("Indicator,Period,Value\nk1,2026-09,1383\nk2,2026-09,abc\nNo such thing,2026-09,4\nk1,Someday,5\n");
        Assert.True(table.Succeeded);
        await using var db = database.CreateContext();
        var result = await Service(db).RecordForPlanAsync(s.OrgId, s.PlanId, table.Items, "test", dryRun: false);
        Assert.False(result.Stored);
        Assert.Equal(
            [
                "Pasted table, row 3, column C: 'abc' is not a number: enter a number, for example 47, or words such as TBC when there is no number yet",
                "Pasted table, row 4, column A: 'No such thing' is not an indicator of this plan: use an indicator's key or its name as the plan writes it",
                "Pasted table, row 5, column B: 'Someday' is not a period: write it like Sep 2026",
            ],
            result.Problems.Select(p => p.ToString()));
        Assert.Empty(await ValuesAsync(database, s.Contacts));
        Assert.Equal(ValueBatchResult.NotFound, await Service(db).RecordForPlanAsync(s.OtherOrgId, s.PlanId, table.Items, "test", dryRun: false));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Record_BoardReportTablePastedWide_StoresEveryCell_AndAgainChangesNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var s = await SeedAsync(database);
        var table = await IndicatorValueTable.ReadPastedAsync(BoardReportTable);
        Assert.True(table.Succeeded, string.Join('\n', table.Problems));
        Assert.Contains(table.Notes, n => n.Contains("'Target' is not imported", StringComparison.Ordinal));
        await using (var db = database.CreateContext())
        {
            var result = await Service(db).RecordForPlanAsync(s.OrgId, s.PlanId, table.Items, IndicatorValueService.ImportSource(IndicatorValueTable.PastedName), dryRun: false);
            Assert.True(result.Stored, string.Join('\n', result.Problems));
            Assert.Equal(25, result.Added);
        }

        var rows = BoardReportTable.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split('\t')).ToList();
        string[] periods = ["2019-01", "2019-02", "2019-03", "2019-04", "2019-05"];
        await using (var db = database.CreateContext())
        {
            var indicators = await db.Indicators.AsNoTracking().Include(i => i.Values).Where(i => i.PlanId == s.PlanId).ToListAsync();
            foreach (var row in rows)
            {
                var indicator = indicators.Single(i => i.Name == row[0]);
                Assert.Equal(periods, indicator.Values.OrderBy(v => v.PeriodStart).Select(v => v.Period));
                for (var c = 1; c <= 5; c++)
                {
                    var value = indicator.Values.Single(v => v.Period == periods[c - 1]);
                    Assert.Equal(row[c], ValueReading.Display(value.Value, value.Text, value.Note, indicator.Unit));
                    Assert.Equal(decimal.Parse(row[c].TrimEnd('%'), System.Globalization.CultureInfo.InvariantCulture), value.Value);
                }
            }
        }

        await using (var db = database.CreateContext())
        {
            var again = await Service(db).RecordForPlanAsync(s.OrgId, s.PlanId, table.Items, "again", dryRun: false);
            Assert.Equal((0, 0, 25), (again.Added, again.Corrected, again.Unchanged));
            Assert.Equal(0, await db.Set<IndicatorValueRevision>().CountAsync());
        }
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Record_WordsAndNumbersWithWords_SurviveAsWritten(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var s = await SeedAsync(database);
        var table = await IndicatorValueTable.ReadPastedAsync(
            "Indicator\tJan 19\tFeb 19\tMar 19\tApr 19\tMay 19\n"
            + "No. of Contacts received in MASH\t1630 (av)\t192 YTD\t-\tTBC\tData not yet available\n");
        await using (var db = database.CreateContext())
        {
            var result = await Service(db).RecordForPlanAsync(s.OrgId, s.PlanId, table.Items, "test", dryRun: false);
            Assert.True(result.Stored, string.Join('\n', result.Problems));
        }

        var values = await ValuesAsync(database, s.Contacts);
        Assert.Equal(
            [(1630m, null, "(av)"), (192m, null, "YTD"), (null, "-", null), (null, "TBC", null), (null, "Data not yet available", null)],
            values.Select(v => (v.Value, v.Text, v.Note)));
    }

    [Fact]
    public async Task Read_OnePeriodWide_IsThisMonthsFigures()
    {
        var table = await IndicatorValueTable.ReadPastedAsync("Indicator\tOct 2026\nNo. of Contacts received in MASH\t1,402\nk2\t47%\n");

        Assert.Empty(table.Problems);
        Assert.Equal([("No. of Contacts received in MASH", "2026-10", "1,402"), ("k2", "2026-10", "47%")], table.Items.Select(i => (i.Indicator, i.Period, i.ValueText)));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Record_LongXlsx_WithBreakdownsAndComparators_AndACorrectedPart(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var s = await SeedAsync(database);
        byte[] Workbook(double north) => Xlsx.Build(new XSheet("Data",
        [
            ["Indicator", "Period", "Value", "As at", "Note", "Team", "Comparator"],
            ["k2", "Sep 2026", "47%", "05/10/2026", "Provisional", null, null],
            ["k2", "Sep 2026", north, null, null, "North", null],
            ["k2", "Sep 2026", 40d, null, null, "South", null],
            ["% contacts progressing to a CSC REFERRAL", "2026-09", 22d, null, null, null, "England"],
            ["Children in need per 10,000", "2026/27 Q2", 330.5, null, null, null, null],
            ["k6", "Q3 2026/27", "TBC", null, null, null, null],
        ]));

        await using (var db = database.CreateContext())
        {
            var read = await IndicatorValueTable.ReadFileAsync(new MemoryStream(Workbook(52)), "values.xlsx");
            Assert.True(read.Succeeded, string.Join('\n', read.Problems));
            var result = await Service(db).RecordForPlanAsync(s.OrgId, s.PlanId, read.Items, IndicatorValueService.ImportSource("values.xlsx"), dryRun: false);
            Assert.True(result.Stored, string.Join('\n', result.Problems));
            Assert.Equal((4, 0, 0), (result.Added, result.Corrected, result.Unchanged));
        }

        await using (var db = database.CreateContext())
        {
            var read = await IndicatorValueTable.ReadFileAsync(new MemoryStream(Workbook(55)), "values.xlsx");
            var result = await Service(db).RecordForPlanAsync(s.OrgId, s.PlanId, read.Items, IndicatorValueService.ImportSource("values.xlsx"), dryRun: false);
            Assert.Equal((0, 1, 3), (result.Added, result.Corrected, result.Unchanged));
        }

        var value = Assert.Single(await ValuesAsync(database, s.Referrals));
        Assert.Equal((47m, "Provisional", new DateOnly(2026, 10, 5)), (value.Value!.Value, value.Note, value.AsAt!.Value));
        Assert.Equal([("Team", "North", 55m), ("Team", "South", 40m)], value.Breakdowns.OrderBy(b => b.Category).Select(b => (b.Dimension, b.Category, b.Value!.Value)));
        Assert.Single(value.Revisions);
        await using (var db = database.CreateContext())
        {
            var comparator = await db.Set<Comparator>().SingleAsync(c => c.IndicatorId == s.Referrals);
            Assert.Equal(("England", "2026-09", 22m, new DateOnly(2026, 9, 1)), (comparator.Name, comparator.Period, comparator.Value!.Value, comparator.PeriodStart!.Value));
        }

        var quarterly = await ValuesAsync(database, s.Quarterly);
        Assert.Equal([("2026/27 Q2", 330.5m, null), ("2026/27 Q3", null, "TBC")], quarterly.Select(v => (v.Period, v.Value, v.Text)));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Edit_ChangesEveryField_KeepsARevision_AndDeleteRemovesIt(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var s = await SeedAsync(database);
        await using (var db = database.CreateContext())
        {
            await Service(db).RecordForIndicatorAsync(s.OrgId, s.Contacts, [Item("2026-09", "1383", "Note") with { Breakdowns = [new("Team", "North", "700")] }], "test", dryRun: false);
            await Service(db).RecordForIndicatorAsync(s.OrgId, s.Contacts, [Item("2026-10", "1400")], "test", dryRun: false);
        }

        var id = (await ValuesAsync(database, s.Contacts))[0].Id;
        await using (var db = database.CreateContext())
        {
            var clash = await Service(db).EditAsync(s.OrgId, s.Contacts, id, Item("Oct 2026", "1"));
            Assert.Equal("There is already a value for Oct 2026: change that one instead", Assert.Single(clash.Problems).Message);
            var edited = await Service(db).EditAsync(s.OrgId, s.Contacts, id, Item("Aug 2026", "1390") with { Breakdowns = [new("Team", "South", "690")] });
            Assert.True(edited.Stored);
        }

        var value = (await ValuesAsync(database, s.Contacts))[0];
        Assert.Equal(("2026-08", 1390m, (string?)null, IndicatorValueService.EditSource), (value.Period, value.Value!.Value, value.Note, value.Source));
        Assert.Equal("South", Assert.Single(value.Breakdowns).Category);
        Assert.Equal((1383m, "Note"), (Assert.Single(value.Revisions).Value!.Value, value.Revisions[0].Note));
        await using (var db = database.CreateContext())
        {
            Assert.False(await Service(db).DeleteAsync(s.OrgId, s.Referrals, id));
            Assert.True(await Service(db).DeleteAsync(s.OrgId, s.Contacts, id));
        }

        Assert.Equal(["2026-10"], (await ValuesAsync(database, s.Contacts)).Select(v => v.Period));
    }

    [Theory]
    [InlineData("2026-09", IndicatorFrequency.Monthly, YearBasis.Financial, "2026-09")]
    [InlineData("Sep 2026", IndicatorFrequency.Monthly, YearBasis.Financial, "2026-09")]
    [InlineData("September 2026", IndicatorFrequency.Monthly, YearBasis.Financial, "2026-09")]
    [InlineData("Jan 19", IndicatorFrequency.Monthly, YearBasis.Financial, "2019-01")]
    [InlineData("2026/27 Q2", IndicatorFrequency.Quarterly, YearBasis.Financial, "2026/27 Q2")]
    [InlineData("Q2 2026/27", IndicatorFrequency.Quarterly, YearBasis.Financial, "2026/27 Q2")]
    [InlineData("Q3 2026", IndicatorFrequency.Quarterly, YearBasis.Calendar, "2026-Q3")]
    [InlineData("2026-27", IndicatorFrequency.Annual, YearBasis.Financial, "2026/27")]
    [InlineData("15/08/2026", IndicatorFrequency.Quarterly, YearBasis.Financial, "2026/27 Q2")]
    public void ReadPeriod_TheWaysPeopleWriteThem(string written, IndicatorFrequency frequency, YearBasis basis, string expected)
    {
        Assert.True(ValueReading.TryReadPeriod(written, frequency, basis, out var period, out var problem), problem);
        Assert.Equal(expected, period.Text);
    }

    [Fact]
    public void ReadPeriod_AmbiguousQuarter_SaysHowToWriteIt()
    {
        Assert.False(ValueReading.TryReadPeriod("Q3 2026", IndicatorFrequency.Quarterly, YearBasis.Financial, out _, out var problem));
        Assert.Equal("'Q3 2026' could be a calendar or a financial quarter: write 2026/27 Q3 for the financial year, or 2026-Q3 for the calendar year", problem);
    }

    [Fact]
    public void NextPeriod_FollowsTheLatest_OrIsTheLastWholePeriod()
    {
        Assert.Equal("2026-10", IndicatorValueService.NextPeriod(IndicatorFrequency.Monthly, YearBasis.Financial, [new DateOnly(2026, 9, 30)], new DateOnly(2026, 11, 22)).Text);
        Assert.Equal("2026-10", IndicatorValueService.NextPeriod(IndicatorFrequency.Monthly, YearBasis.Financial, [], new DateOnly(2026, 11, 22)).Text);
        Assert.Equal("2026/27 Q2", IndicatorValueService.NextPeriod(IndicatorFrequency.Quarterly, YearBasis.Financial, [], new DateOnly(2026, 11, 22)).Text);
    }
}
