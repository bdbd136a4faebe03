using Trellis.Core.Import;
using Trellis.Core.Import.Word;

namespace Trellis.Core.Tests.Import;

/// <summary>Years given to indicator table periods written without one, from the header or the report's date.</summary>
public class PeriodInferenceTests
{
    private static readonly DateOnly July2019 = new(2019, 7, 11);

    [Fact]
    public void NoYearInTheHeader_CountsBackFromTheReportDate_WithAWarningEach()
    {
        var indicator = IndicatorTableReader.ReadRow(
            ["Indicator", "Q2", "Q3", "Q4", "Apr", "May", "Target"],
            ["% CiN with an up-to-date plan", "62%", "50%", "61%", "70%", "68%", "85%"],
            "k1", null, July2019)!;

        Assert.Equal(["2018/19 Q2", "2018/19 Q3", "2018/19 Q4", "2019-04", "2019-05"], indicator.Values!.Select(v => v.Period));
        Assert.Equal([62m, 50m, 61m, 70m, 68m], indicator.Values!.Select(v => v.Value!.Value));
        Assert.Equal("85%", indicator.Target!.Text);
        Assert.Equal(5, indicator.Warnings!.Count);
        Assert.Contains("'Apr' read as April 2019, counting back from the report date 11 July 2019", indicator.Warnings);
        Assert.Contains(indicator.Warnings, w => w.StartsWith("'Q2' read as 2018/19 Q2", StringComparison.Ordinal));
    }

    [Fact]
    public void MonthsCrossingTheYearEnd_CountBackIntoThePreviousYear()
    {
        var indicator = IndicatorTableReader.ReadRow(
            ["Measure", "Oct", "Nov", "Dec", "Jan", "Feb"],
            ["Visits on time", "80", "81", "82", "83", "84"],
            "k1", null, new DateOnly(2021, 3, 15))!;

        Assert.Equal(["2020-10", "2020-11", "2020-12", "2021-01", "2021-02"], indicator.Values!.Select(v => v.Period));
    }

    [Fact]
    public void TheReportsOwnMonth_IsTheLatestPeriod()
    {
        var indicator = IndicatorTableReader.ReadRow(["Indicator", "May", "June", "July"], ["Referrals", "1", "2", "3"], "k1", null, July2019)!;

        Assert.Equal(["2019-05", "2019-06", "2019-07"], indicator.Values!.Select(v => v.Period));
    }

    [Fact]
    public void AQuarterAfterTheReportDate_IsLastYears()
    {
        // Q3 (October-December) has not ended by 11 July 2019, so the latest Q3 is 2018/19's.
        var indicator = IndicatorTableReader.ReadRow(["Indicator", "Q2", "Q3"], ["Referrals", "1", "2"], "k1", null, July2019)!;

        Assert.Equal(["2018/19 Q2", "2018/19 Q3"], indicator.Values!.Select(v => v.Period));
    }

    [Fact]
    public void APeriodWithAYear_AnchorsThoseFollowingIt()
    {
        var indicator = IndicatorTableReader.ReadRow(["Indicator", "Q2 18/19", "Q3", "Q4", "Q1 19/20"], ["Rate of s47", "177", "170", "155", "141"], "k1", null)!;

        Assert.Equal(["2018/19 Q2", "2018/19 Q3", "2018/19 Q4", "2019/20 Q1"], indicator.Values!.Select(v => v.Period));
        Assert.Equal(
            ["'Q3' read as 2018/19 Q3 (financial year quarter), following 'Q2 18/19' in the same header",
             "'Q4' read as 2018/19 Q4 (financial year quarter), following 'Q2 18/19' in the same header"],
            indicator.Warnings);
    }

    [Fact]
    public void QuartersRunOnIntoTheNextFinancialYear()
    {
        var indicator = IndicatorTableReader.ReadRow(["KPI", "Q3 2020/21", "Q4", "Q1", "Q2"], ["Audits graded good", "1", "2", "3", "4"], "k1", null)!;

        Assert.Equal(["2020/21 Q3", "2020/21 Q4", "2021/22 Q1", "2021/22 Q2"], indicator.Values!.Select(v => v.Period));
    }

    [Fact]
    public void APeriodWithAYear_AnchorsThoseBeforeIt()
    {
        var indicator = IndicatorTableReader.ReadRow(["Indicator", "Q3", "Q4", "Apr 19", "May 19"], ["Rate of CPP", "65", "59", "56", "54"], "k1", null)!;

        Assert.Equal(["2018/19 Q3", "2018/19 Q4", "2019-04", "2019-05"], indicator.Values!.Select(v => v.Period));
        Assert.Contains("'Q4' read as 2018/19 Q4 (financial year quarter), preceding 'Apr 19' in the same header", indicator.Warnings!);
    }

    [Fact]
    public void NothingToAnchorTheYear_KeepsThePeriodsAsWrittenAndInventsNoYear()
    {
        var indicator = IndicatorTableReader.ReadRow(["Indicator", "Q1", "Q2", "Target"], ["Referrals", "10", "12", "15"], "k1", null)!;

        Assert.Equal(["Q1", "Q2"], indicator.Values!.Select(v => v.Period));
        Assert.Null(indicator.Warnings);
    }

    [Fact]
    public void ValuesWithWords_KeepTheNumberAndTheWords_AndADashIsNoValue()
    {
        var indicator = IndicatorTableReader.ReadRow(
            ["Indicator", "Q2", "Q3", "Apr", "May"], ["Open CiN cases", "1630 (av)", "-", "192 YTD", "Data not yet available"], "k1", null, July2019)!;

        var values = indicator.Values!;
        Assert.Equal((1630m, "(av)"), (values[0].Value!.Value, values[0].Note));
        Assert.Equal((null, "-"), (values[1].Value, values[1].Text));
        Assert.Equal((192m, "YTD"), (values[2].Value!.Value, values[2].Note));
        Assert.Equal((null, "Data not yet available"), (values[3].Value, values[3].Text));
    }

    [Fact]
    public void ReportDate_IsTheLabelledDate_ElseTheFirstDateWrittenOut()
    {
        Assert.Equal(new DateOnly(2019, 7, 11), ReportDates.Find(["Safeguarding report covering 1 January 2019 onwards", "Class Open Date: 11 July 2019"]));
        Assert.Equal(new DateOnly(2016, 1, 19), ReportDates.Find(["Published on the 19th January 2016", "Reviewed 3 March 2016"]));
        Assert.Null(ReportDates.Find(["No date here", "31 February 2019"]));
    }
}
