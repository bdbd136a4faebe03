using Trellis.Core.Interchange;

namespace Trellis.Core.Tests.Import;

/// <summary>Figures from the board report 001 (../shared/seeds/001_6c59dbafa3b02c79.txt), which its .docx and .xlsx must both give.</summary>
internal static class BoardReportIndicators
{
    public static void AssertRead(List<IndicatorDoc> indicators)
    {
        var decisions = indicators.Single(i => i.Name == "Decision made on Contacts in 24 hours");
        Assert.Equal("90%", decisions.Target!.Text);
        Assert.Equal(["2019-01", "2019-02", "2019-03", "2019-04", "2019-05"], decisions.Values!.Select(v => v.Period));
        Assert.Equal([47m, 72m, 63m, 52m, 55m], decisions.Values!.Select(v => v.Value!.Value));

        // "Indicator | Q2 | Q3 | Q4 | Apr | May | Target" in a report dated 11 July 2019.
        var plans = indicators.Single(i => i.Name == "% CiN in FSW service only with an up-to-date plan");
        Assert.Equal(["2018/19 Q2", "2018/19 Q3", "2018/19 Q4", "2019-04", "2019-05"], plans.Values!.Select(v => v.Period));
        Assert.Equal([62m, 50m, 61m, 70m, 68m], plans.Values!.Select(v => v.Value!.Value));
        Assert.Equal("85%", plans.Target!.Text);
        Assert.Contains("'Apr' read as April 2019, counting back from the report date 11 July 2019", plans.Warnings!);

        var open = indicators.Single(i => i.Name.StartsWith("No. of open CiN cases", StringComparison.Ordinal));
        Assert.Equal((1630m, "(av)"), (open.Values![0].Value!.Value, open.Values[0].Note));
        var rate = indicators.Single(i => i.Name.StartsWith("Rate of CiN per 10K", StringComparison.Ordinal));
        Assert.Equal(("2019-04", 192m, "YTD"), (rate.Values![3].Period, rate.Values[3].Value!.Value, rate.Values[3].Note));
        var visited = indicators.Single(i => i.Name == "% of CIN in FSW service only visited within 20 days");
        Assert.Equal(("2018/19 Q2", null, "-"), (visited.Values![0].Period, visited.Values[0].Value, visited.Values[0].Text));
        var reviews = indicators.Single(i => i.Name == "% of CIN review meetings held in last 3 months.");
        Assert.Equal("Data not yet available", Assert.Single(reviews.Values!).Text);

        // "Indicator | Q3 | Q4 | Q1 | Apr 19 | May 19 | Target": the quarters precede April 2019.
        var cpp = indicators.Single(i => i.Name == "Rate of children becoming subject of a CPP (rolling) per 10,000");
        Assert.Equal(["2018/19 Q3", "2018/19 Q4", "2019/20 Q1", "2019-04", "2019-05"], cpp.Values!.Select(v => v.Period));
        Assert.Equal([65m, 59m, 55m, 56m, 54m], cpp.Values!.Select(v => v.Value!.Value));
    }

    /// <summary>"2017/18" and "2018/19" above "Q1 Q2 Q3 Q4 May": two header rows read as one, nothing dropped.</summary>
    public static void AssertStackedHeaderTable(IReadOnlyList<IndicatorDoc> indicators)
    {
        var cpp = Assert.Single(indicators, i => i.Name == "Lewisham");
        Assert.Equal(["2017/18", "2018/19 Q1", "2018/19 Q2", "2018/19 Q3", "2018/19 Q4", "2019-05"], cpp.Values!.Select(v => v.Period));
        Assert.Equal([57m, 59m, 65m, 65m, 59m, 54m], cpp.Values!.Select(v => v.Value!.Value));
        Assert.Contains(cpp.Comparators!, c => c is { Name: "SN Average", Period: "2017/18", Value: 54m });
        Assert.Contains(cpp.Comparators!, c => c is { Name: "Inner London", Period: "2017/18", Value: 53m });
    }
}
