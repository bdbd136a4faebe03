namespace Trellis.Core.Tests.Import.Sheets;

/// <summary>Indicator tables in generated workbooks: periods without a year, a table with no name column, a measure compared with others.</summary>
public class IndicatorBlockTests
{
    [Fact]
    public async Task PeriodsWithoutAYear_AreCountedBackFromTheReportDateInTheSheet()
    {
        var file = Xlsx.Build(new XSheet("Report",
            [
                ["Cabinet report", null, "Date: 2 February 2022"],
                [null],
                ["Indicator", "Q1", "Q2", "Oct", "Nov", "Dec", "Target"],
                ["% visits on time", "70%", "75%", "79%", "80%", "81%", "90%"],
            ]));

        var document = await SpreadsheetPlanReaderTests.ReadAsync(file, "report.xlsx");

        var visits = Assert.Single(document.Indicators!);
        Assert.Equal(["2021/22 Q1", "2021/22 Q2", "2021-10", "2021-11", "2021-12"], visits.Values!.Select(v => v.Period));
        Assert.Equal([70m, 75m, 79m, 80m, 81m], visits.Values!.Select(v => v.Value!.Value));
        Assert.Contains("'Dec' read as December 2021, counting back from the report date 2 February 2022", visits.Warnings!);
    }

    [Fact]
    public async Task PeriodsWithoutAYearAndNoDate_StayInTheDescriptionAsWritten()
    {
        var file = Xlsx.Build(new XSheet("Report",
            [
                ["Indicator", "Q3", "Q4", "Target"],
                ["% visits on time", "70%", "75%", "90%"],
            ]));

        var document = await SpreadsheetPlanReaderTests.ReadAsync(file, "report.xlsx");

        var visits = Assert.Single(document.Indicators!);
        Assert.Null(visits.Values);
        Assert.Contains("Q3: 70", visits.Description!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATableOfPeriodsAndValues_TakesItsNameFromTheWordsBeforeIt()
    {
        var file = Xlsx.Build(new XSheet("Report",
            [
                ["Enquiries have fallen over the last six months. Rate of s47:"],
                ["Q2 18/19", "Q3", "Q4", "Q1 19/20"],
                ["177", "170", "155", "141"],
            ]));

        var document = await SpreadsheetPlanReaderTests.ReadAsync(file, "report.xlsx");

        var rate = Assert.Single(document.Indicators!);
        Assert.Equal("Rate of s47", rate.Name);
        Assert.Equal(["2018/19 Q2", "2018/19 Q3", "2018/19 Q4", "2019/20 Q1"], rate.Values!.Select(v => v.Period));
        Assert.Equal([177m, 170m, 155m, 141m], rate.Values!.Select(v => v.Value!.Value));
        Assert.Contains(rate.Warnings!, w => w.Contains("no name column", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ATableOfPeriodsWithNothingToNameIt_IsNoIndicatorNamedAfterAPeriod()
    {
        var file = Xlsx.Build(new XSheet("Report",
            [
                ["Indicator", "Jan 19", "Feb 19"],
                ["Referrals", "10", "12"],
                [null],
                ["This paragraph is a full sentence and introduces nothing in particular."],
                ["Q2 18/19", "Q3", "Q4", "Q1 19/20"],
                ["177", "170", "155", "141"],
            ]));

        var document = await SpreadsheetPlanReaderTests.ReadAsync(file, "report.xlsx");

        Assert.Equal("Referrals", Assert.Single(document.Indicators!).Name);
        Assert.Contains(document.Unplaced!, u => u.Contains("177", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AMeasuresTable_IsOneIndicator_TheCouncilsRowItsValues_TheOthersItsComparators()
    {
        var file = Xlsx.Build(new XSheet("Report",
            [
                ["Care Applications Rate per 10,000", "2017-18", "2018-19"],
                ["England", "12.2", "11.4"],
                ["Regional average", "9.8", "8.6"],
                ["Northshire", "14.1", "13.2"],
            ]));

        var document = await SpreadsheetPlanReaderTests.ReadAsync(file, "report.xlsx");

        var rate = Assert.Single(document.Indicators!);
        Assert.Equal("Care Applications Rate per 10,000", rate.Name);
        Assert.Equal([14.1m, 13.2m], rate.Values!.Select(v => v.Value!.Value));
        Assert.Equal(
            [("England", "2017/18", 12.2m), ("England", "2018/19", 11.4m), ("Regional average", "2017/18", 9.8m), ("Regional average", "2018/19", 8.6m)],
            rate.Comparators!.Select(c => (c.Name, c.Period, c.Value!.Value)));
    }
}
