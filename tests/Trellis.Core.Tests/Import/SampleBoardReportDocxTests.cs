using Trellis.Core.Import.Word;
using Trellis.Testing;

namespace Trellis.Core.Tests.Import;

/// <summary>The board report 001 as Word: not a plan (no areas, no inspection), but its indicator tables are read as in the workbook.</summary>
public class SampleBoardReportDocxTests
{
    [SharedDataFact]
    public void BoardReportDocument_ReadsEveryIndicatorTableCellByCell()
    {
        using var stream = File.OpenRead(SharedData.Path("samples", "001_6c59dbafa3b02c79.docx"));

        var result = WordPlanReader.Read(stream, "001.docx");

        var indicators = result.Document!.Indicators!;
        BoardReportIndicators.AssertRead(indicators);

        var s47 = indicators.Single(i => i.Name == "Rate of s47");
        Assert.Equal(["2018/19 Q2", "2018/19 Q3", "2018/19 Q4", "2019/20 Q1"], s47.Values!.Select(v => v.Period));
        Assert.Equal([177m, 170m, 155m, 141m], s47.Values!.Select(v => v.Value!.Value));
        Assert.DoesNotContain(indicators, i => i.Name.StartsWith("Q2", StringComparison.Ordinal));

        var care = Assert.Single(indicators, i => i.Name.StartsWith("Care Applications", StringComparison.Ordinal));
        Assert.Equal([13.4m, 13.8m, 14.1m, 13.2m], care.Values!.Select(v => v.Value!.Value));
        Assert.Contains(care.Comparators!, c => c is { Name: "England", Period: "2018/19", Value: 11.4m });
        Assert.Contains(care.Comparators!, c => c is { Name: "London average", Period: "2018/19", Value: 8.6m });

        BoardReportIndicators.AssertStackedHeaderTable(indicators);

        // Comparator rows ("SN Average", "Inner London") are never indicators of their own.
        Assert.DoesNotContain(indicators, i => i.Name is "SN Average" or "Inner London");
    }
}
