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
}
