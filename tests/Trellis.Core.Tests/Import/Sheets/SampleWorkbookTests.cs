using Trellis.Core.Import;
using Trellis.Testing;

namespace Trellis.Core.Tests.Import.Sheets;

/// <summary>The real workbook in ../shared/samples: a council's board report converted to Excel, with its indicator tables.</summary>
public class SampleWorkbookTests
{
    [SharedDataFact]
    public async Task BoardReportWorkbook_GivesTheIndicatorTableWithValuesAndTargets_AndKeepsItsText()
    {
        await using var file = File.OpenRead(SharedData.Path("samples", "001_6c59dbafa3b02c79.xlsx"));

        var result = await new XlsxPlanFileReader().ReadAsync(file, "001.xlsx", CancellationToken.None);

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        var document = result.Document!;
        var contacts = document.Indicators!.Single(i => i.Name == "% Contacts progressing to a CSC referral");
        Assert.Equal(["2019-01", "2019-02", "2019-03", "2019-04", "2019-05"], contacts.Values!.Select(v => v.Period));
        Assert.Equal([18m, 17m, 15m, 20m, 18m], contacts.Values!.Select(v => v.Value!.Value));
        Assert.Equal((20m, 25m), (contacts.Target!.Min!.Value, contacts.Target.Max!.Value));
        var rereferrals = document.Indicators!.Single(i => i.Name == "% Re-referrals (In the last 12 months rolling)");
        Assert.Equal(("No higher than 15%", "lower-is-better"), (rereferrals.Target!.Text, rereferrals.Polarity));

        // The report is not a plan: no areas are invented, and its text is kept.
        Assert.Empty(document.Areas);
        Assert.Contains(document.Unplaced!, u => u.Contains("CHILDREN AND YOUNG PEOPLE SELECT COMMITTEE", StringComparison.Ordinal));
    }

    [SharedDataFact]
    public async Task BoardReportWorkbook_ReadsEveryIndicatorTableCellByCell()
    {
        await using var file = File.OpenRead(SharedData.Path("samples", "001_6c59dbafa3b02c79.xlsx"));

        var result = await new XlsxPlanFileReader().ReadAsync(file, "001.xlsx", CancellationToken.None);

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        BoardReportIndicators.AssertRead(result.Document!.Indicators!);

        // The s47 table has no name column: it is named from the words before it, never after a period.
        var s47 = result.Document.Indicators!.Single(i => i.Name == "Rate of s47");
        Assert.Equal(["2018/19 Q2", "2018/19 Q3", "2018/19 Q4", "2019/20 Q1"], s47.Values!.Select(v => v.Period));
        Assert.Equal([177m, 170m, 155m, 141m], s47.Values!.Select(v => v.Value!.Value));
        Assert.DoesNotContain(result.Document.Indicators!, i => i.Name.StartsWith("Q2", StringComparison.Ordinal));

        BoardReportIndicators.AssertStackedHeaderTable(result.Document.Indicators!);

        // One indicator for the care applications table: Lewisham's row the values, England and London its comparators.
        var care = Assert.Single(result.Document.Indicators!, i => i.Name.StartsWith("Care Applications", StringComparison.Ordinal));
        Assert.Equal([13.4m, 13.8m, 14.1m, 13.2m], care.Values!.Select(v => v.Value!.Value));
        Assert.Contains(care.Comparators!, c => c is { Name: "England", Period: "2018/19", Value: 11.4m });
        Assert.Contains(care.Comparators!, c => c is { Name: "London average", Period: "2018/19", Value: 8.6m });
        var duration = Assert.Single(result.Document.Indicators!, i => i.Name.StartsWith("Average duration", StringComparison.Ordinal));
        Assert.Equal([(27m, "weeks"), (28m, "weeks")], duration.Values!.Select(v => (v.Value!.Value, v.Note)));
    }
}
