using System.Text;
using Trellis.Core.Import.Sheets;
using Trellis.Core.Interchange;

namespace Trellis.Core.Tests.Import.Sheets;

/// <summary>Plans laid out as one wide table, in the layouts councils use, read through the proposed mapping.</summary>
public class SpreadsheetPlanReaderTests
{
    internal static async Task<PlanDocument> ReadAsync(byte[] file, string name = "plan.xlsx", ColumnMapping? mapping = null)
    {
        var result = await SpreadsheetPlanReader.ReadAsync(new MemoryStream(file), name, mapping, CancellationToken.None);
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        return result.Document!;
    }

    internal static Task<SheetAnalysis> AnalyseAsync(byte[] file, string name = "plan.xlsx") =>
        SpreadsheetPlanReader.AnalyseAsync(new MemoryStream(file), name, CancellationToken.None);

    [Fact]
    public async Task OneRowPerArea_NumberedActionsInOneCell_EachBecomesAnActionPairedWithItsDate()
    {
        var file = Xlsx.Build(new XSheet("Plan",
        [
            ["No", "Area for improvement", "Lead", "Actions", "Timescale"],
            ["1", "Improve the quality of assessments", "Jo Stirling", "1. Audit assessments monthly\n2. Train team managers\n3. Report to the board", "March 2016\nJune 2016\nSeptember 2016"],
            ["2", "Strengthen the front door", "Sam Kaur", "a) Review MASH thresholds\nb) Publish the revised threshold document", "Q3 2016/17"],
        ]));

        var document = await ReadAsync(file);

        Assert.Equal(["1", "2"], document.Areas.Select(a => a.Number));
        var first = document.Areas[0];
        Assert.Equal("Improve the quality of assessments", first.Title);
        Assert.Equal(["1", "2", "3"], first.Actions!.Select(a => a.Ref));
        Assert.Equal(["Audit assessments monthly", "Train team managers", "Report to the board"], first.Actions!.Select(a => a.Text));
        Assert.Equal([new DateOnly(2016, 3, 31), new DateOnly(2016, 6, 30), new DateOnly(2016, 9, 30)], first.Actions!.Select(a => a.Due!.Date!.Value));
        // With no key-leads table, the full names in the lead column are the document's people.
        var jo = Assert.Single(document.People!, p => p.Name == "Jo Stirling");
        Assert.All(first.Actions!, a => Assert.Equal(jo.Id, a.Owners!.Single().Person));

        // Lettered items; one date for both actions is given to each.
        var second = document.Areas[1];
        Assert.Equal(["a", "b"], second.Actions!.Select(a => a.Ref));
        Assert.All(second.Actions!, a => Assert.Equal("Q3 2016/17", a.Due!.Text));
    }

    [Fact]
    public async Task OneRowPerAction_BlankAreaCellsMeanSameAsAbove()
    {
        var file = Xlsx.Build(new XSheet("Actions",
        [
            ["Ref", "Recommendation", "Action", "Lead officer", "By when", "RAG"],
            ["1.1", "Ensure that management oversight is evident on every case", "Introduce case audit tool", "SK", "31/03/2016", "Green"],
            ["1.2", null, "Quarterly audit report to DMT", "SK", "30/06/2016", "Amber"],
            ["2.1", "Improve the timeliness of strategy meetings", new Inline("Daily MASH & <police> meeting"), "JS", "Ongoing", "Red"],
            ["2.2", null, "Monitor weekly", "JS", "tbc with IT provider", "Blue"],
        ]));

        var document = await ReadAsync(file);

        Assert.Equal(2, document.Areas.Count);
        Assert.Equal(["1.1", "1.2"], document.Areas[0].Actions!.Select(a => a.Ref));
        Assert.Equal(["2.1", "2.2"], document.Areas[1].Actions!.Select(a => a.Ref));
        Assert.Equal("Ensure that management oversight is evident on every case", document.Areas[0].Title);
        Assert.Equal("inspection-recommendation", document.Areas[0].Source!.Kind);
        Assert.Equal(["G", "A"], document.Areas[0].Actions!.Select(a => a.Rag));
        Assert.Equal("ongoing", document.Areas[1].Actions![0].Due!.Precision);
        Assert.Equal("Daily MASH & <police> meeting", document.Areas[1].Actions![0].Text);
        Assert.Equal("tbc", document.Areas[1].Actions![1].Due!.Precision);
    }

    [Fact]
    public async Task HeaderUnderTitleRows_IsFound_AndTheTitleAndCouncilAreRead()
    {
        var file = Xlsx.Build(new XSheet("Sheet1",
        [
            ["Riverside Borough Council"],
            ["Children's Services Improvement Plan 2016-17"],
            [null],
            ["Priority", "What we will do", "Responsible officer", "Target date", "Progress update"],
            ["Early help", "Launch the early help hub", "Jo Stirling", "April 2016", "Hub opened on time"],
        ], FirstRow: 1));

        var analysis = await AnalyseAsync(file);
        Assert.True(analysis.Succeeded);
        Assert.Equal("Sheet1", analysis.PlanSheet!.Sheet);
        Assert.Equal(4, analysis.PlanSheet!.HeaderRow);
        var target = analysis.PlanSheet.Columns[3];
        Assert.Equal((3, "D", "Target date", "April 2016"), (target.Index, target.Letter, target.Header, target.Samples.Single()));
        Assert.Equal(ColumnRole.AreaTitle, analysis.Proposed!.RoleOf(0));
        Assert.Equal(ColumnRole.ActionText, analysis.Proposed.RoleOf(1));
        Assert.Equal(ColumnRole.Owner, analysis.Proposed.RoleOf(2));
        Assert.Equal(ColumnRole.Due, analysis.Proposed.RoleOf(3));
        Assert.Equal(ColumnRole.Comments, analysis.Proposed.RoleOf(4));

        var document = await ReadAsync(file);
        Assert.Equal("Riverside Borough Council", document.Organisation.Name);
        Assert.Equal("Riverside Borough Council", document.Plan.Title);
        Assert.Contains(document.Unplaced!, u => u.Contains("Children's Services Improvement Plan 2016-17", StringComparison.Ordinal));
        Assert.Equal("Hub opened on time", document.Areas.Single().Actions!.Single().Comments);
    }

    [Fact]
    public async Task TwoRowHeader_GroupWordsAboveColumnWords_AreReadTogether()
    {
        var file = Xlsx.Build(new XSheet("Plan",
        [
            ["Area for improvement", null, "Actions", null, null, null],
            ["No", "Title", "No", "Action", "By whom", "By when"],
            ["1", "Supervision", "1.1", "Revise the supervision policy", "Head of service", "Dec 2016"],
            [null, null, "1.2", "Audit supervision records", "Head of service", "Feb 2017"],
        ], Merges: ["A1:B1", "C1:F1"]));

        var analysis = await AnalyseAsync(file);
        Assert.Equal(2, analysis.PlanSheet!.HeaderRow);
        Assert.Equal(ColumnRole.AreaNumber, analysis.Proposed!.RoleOf(0));
        Assert.Equal(ColumnRole.ActionRef, analysis.Proposed.RoleOf(2));
        Assert.Equal("Area for improvement / No", analysis.PlanSheet.Columns[0].Header);

        var document = await ReadAsync(file);
        var area = document.Areas.Single();
        Assert.Equal(("1", "Supervision"), (area.Number, area.Title));
        Assert.Equal(["1.1", "1.2"], area.Actions!.Select(a => a.Ref));
        Assert.Equal(new DateOnly(2017, 2, 28), area.Actions![1].Due!.Date);
    }

    [Fact]
    public async Task OddOrderAndUnusualNames_AreProposed_AndAPriorityOfHighLowIsNotATitle()
    {
        var file = Xlsx.Build(new XSheet("Tracker",
        [
            ["Completion date", "Status", "Key tasks", "Area of focus", "Priority", "Evidence", "Accountable officer", "Resources"],
            ["31 st March 2016", "Green", "Recruit 10 social workers", "Workforce", "High", "Offers made", "SK/JS", "£40k"],
            ["??", "Amber", "Agree the caseload policy", "Workforce", "Low", null, "JH", null],
        ]));

        var analysis = await AnalyseAsync(file);
        var roles = analysis.Proposed!;
        Assert.Equal(ColumnRole.Due, roles.RoleOf(0));
        Assert.Equal(ColumnRole.Rag, roles.RoleOf(1));
        Assert.Equal(ColumnRole.ActionText, roles.RoleOf(2));
        Assert.Equal(ColumnRole.AreaTitle, roles.RoleOf(3));
        Assert.Equal(ColumnRole.Ignore, roles.RoleOf(4));
        Assert.Equal(ColumnRole.Comments, roles.RoleOf(5));
        Assert.Equal(ColumnRole.Owner, roles.RoleOf(6));
        Assert.Equal(ColumnRole.Ignore, roles.RoleOf(7));

        var document = await ReadAsync(file);
        var actions = document.Areas.Single().Actions!;
        Assert.Equal(new DateOnly(2016, 3, 31), actions[0].Due!.Date);

        // Initials nobody defined stay as text, with a warning naming the cell.
        Assert.Equal(["SK", "JS"], actions[0].Owners!.Select(o => o.Text));
        Assert.Contains(actions[0].Warnings!, w => w.Contains("Tracker!G2", StringComparison.Ordinal));

        // Never lose text: the ignored columns go to unplaced with their cell and header.
        Assert.Contains("Tracker!E2 (Priority): High", document.Unplaced!);
        Assert.Contains("Tracker!H2 (Resources): £40k", document.Unplaced!);
    }

    [Fact]
    public async Task DatesStoredAsSerialNumbers_ReadAsTheDateExcelShows()
    {
        var file = Xlsx.Build(new XSheet("Plan",
        [
            ["Area", "Action", "Due date"],
            ["Front door", new Inline("Review thresholds"), new SerialDate(42460)],
            [null, "Not a date", "31st April 2016"],
        ]));

        var document = await ReadAsync(file);
        var actions = document.Areas.Single().Actions!;
        Assert.Equal("31/03/2016", actions[0].Due!.Text);
        Assert.Equal(new DateOnly(2016, 3, 31), actions[0].Due!.Date);
        Assert.Equal("Review thresholds", actions[0].Text);

        // A date that is not a date is a warning naming the cell.
        Assert.Contains(actions[1].Warnings!, w => w.Contains("not a date", StringComparison.Ordinal) && w.Contains("Plan!C3", StringComparison.Ordinal));
    }

    [Fact]
    public void PercentagesStoredAsFractions_ReadAsThePercentageExcelShows()
    {
        var file = Xlsx.Build(new XSheet("Data", [["Indicator", "Sep 2026", "Oct 2026"], ["Contacts decided within a day", new Percent(0.47), new Percent(0.855)]]));

        using var buffer = new MemoryStream();
        buffer.Write(file);
        var grid = XlsxSheetReader.Read(buffer, "values.xlsx").Single();

        Assert.Equal(["47%", "85.5%"], [grid.Rows[1].Text(1), grid.Rows[1].Text(2)]);
    }

    [Fact]
    public async Task MergedAreaCells_GroupTheirActions_AndRepeatedRefsAreWarned()
    {
        var file = Xlsx.Build(new XSheet("Plan",
        [
            ["Area", "Ref", "Action", "Owner"],
            ["1. Leadership", "1", "Stabilise the leadership team", "DCS"],
            [null, "2", "Appoint a principal social worker", "DCS"],
            [null, "2", "Publish the practice model", "PSW"],
            ["2. Care leavers", "1", "Refresh the local offer", "Head of CLA"],
        ], Merges: ["A2:A4"]));

        var document = await ReadAsync(file);
        Assert.Equal(["1", "2"], document.Areas.Select(a => a.Number));
        Assert.Equal(["Leadership", "Care leavers"], document.Areas.Select(a => a.Title));
        Assert.Equal(3, document.Areas[0].Actions!.Count);
        Assert.Contains(document.Areas[0].Actions![2].Warnings!, w => w.Contains("also used by an earlier action", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SeveralActionAndTargetColumns_InOneRow_BecomeActionsAndMilestones()
    {
        var file = Xlsx.Build(new XSheet("Plan",
        [
            ["Area for improvement", "Action 1", "Action 2", "Q1 target", "Q2 target", "Target date"],
            ["Permanence", "Track every child's plan", "Train IROs", "50% tracked", "100% tracked", "March 2017"],
        ]));

        var analysis = await AnalyseAsync(file);
        Assert.Equal([1, 2], analysis.Proposed!.ColumnsWith(ColumnRole.ActionText));
        Assert.Equal([3, 4], analysis.Proposed.ColumnsWith(ColumnRole.Milestones));

        var document = await ReadAsync(file);
        var actions = document.Areas.Single().Actions!;
        Assert.Equal(["Track every child's plan", "Train IROs"], actions.Select(a => a.Text));
        Assert.All(actions, a => Assert.Equal(new DateOnly(2017, 3, 31), a.Due!.Date));
        Assert.Equal(["Q1 target: 50% tracked", "Q2 target: 100% tracked"], actions[0].Milestones!.Select(m => m.Text));
    }

    [Fact]
    public async Task ACorrectedMapping_IsUsed_AndTheColumnItIgnoresGoesToUnplaced()
    {
        var file = Xlsx.Build(new XSheet("Plan",
        [
            ["Area", "Action", "Notes", "Deadline"],
            ["Front door", "Review thresholds", "Owner: Jo Stirling", "June 2016"],
        ]));
        var analysis = await AnalyseAsync(file);
        Assert.Equal(ColumnRole.Comments, analysis.Proposed!.RoleOf(2));

        var corrected = analysis.Proposed.With(2, ColumnRole.Ignore).With(3, ColumnRole.Milestones);
        var document = await ReadAsync(file, mapping: corrected);

        var action = document.Areas.Single().Actions!.Single();
        Assert.Null(action.Comments);
        Assert.Equal("June 2016", action.Milestones!.Single().Text);
        Assert.Contains("Plan!C2 (Notes): Owner: Jo Stirling", document.Unplaced!);
    }

    [Fact]
    public async Task Signature_IsTheSameForTheSameHeaders_WhateverTheData_AndDiffersWhenHeadersDo()
    {
        var a = await AnalyseAsync(Xlsx.Build(new XSheet("Plan", [["Area", "Action", "By when"], ["One", "Do a", "May 2016"]])));
        var b = await AnalyseAsync(Xlsx.Build(new XSheet("Other", [["Title row"], ["  AREA ", "action", "By  When"], ["Two", "Do b", "June 2016"], ["Two", "Do c", "July 2016"]])));
        var c = await AnalyseAsync(Xlsx.Build(new XSheet("Plan", [["Area", "Action", "Deadline"], ["One", "Do a", "May 2016"]])));

        Assert.Equal(a.PlanSheet!.Signature, b.PlanSheet!.Signature);
        Assert.NotEqual(a.PlanSheet.Signature, c.PlanSheet!.Signature);
    }

    [Fact]
    public void Mapping_RoundTripsThroughJson_AndIgnoresUnknownRoles()
    {
        var mapping = new ColumnMapping(new Dictionary<int, ColumnRole> { [0] = ColumnRole.AreaNumber, [3] = ColumnRole.Due, [5] = ColumnRole.Ignore });

        var json = mapping.ToJson();
        var back = ColumnMapping.FromJson(json)!;

        Assert.Equal("{\"0\":\"AreaNumber\",\"3\":\"Due\"}", json);
        Assert.Equal(ColumnRole.AreaNumber, back.RoleOf(0));
        Assert.Equal(ColumnRole.Due, back.RoleOf(3));
        Assert.Equal(ColumnRole.Ignore, back.RoleOf(5));
        Assert.Equal(ColumnRole.Rag, ColumnMapping.FromJson("{\"1\":\"Rag\",\"2\":\"NoSuchRole\"}")!.RoleOf(1));
        Assert.Null(ColumnMapping.FromJson("not json"));
    }

    [Fact]
    public void EveryRole_HasALabel_AndIsOfferedOnce()
    {
        Assert.Equal(Enum.GetValues<ColumnRole>().Order(), ColumnRoles.All.Order());
        Assert.Equal("Due date (by when)", ColumnRoles.Label(ColumnRole.Due));
        Assert.All(ColumnRoles.All, r => Assert.False(string.IsNullOrWhiteSpace(ColumnRoles.Label(r))));
    }

    [Fact]
    public async Task IndicatorSheet_BecomesIndicatorsWithValuesTargetsAndComparators()
    {
        var file = Xlsx.Build(
            new XSheet("Plan", [["Area", "Action", "By when"], ["Front door", "Review thresholds", "June 2016"]]),
            new XSheet("Performance",
            [
                ["Indicator", "Jan 19", "Feb 19", "Mar 19", "Stat neighbours", "Target"],
                ["% Contacts progressing to a CSC referral", "18%", "17%", "15%", "22%", "20-25%"],
                ["% Re-referrals", 0.07, "7%", "15%", null, "No higher than 15%"],
                ["England", "20%", "21%", "22%", null, null],
                [null],
                ["Measure", "2017/18", "2018/19", "Target"],
                ["Care applications per 10k", "13.4", "13.2", "At least 10"],
            ]));

        var document = await ReadAsync(file);
        var indicators = document.Indicators!;
        Assert.Equal(3, indicators.Count);
        var contacts = indicators[0];
        Assert.Equal("% Contacts progressing to a CSC referral", contacts.Name);
        Assert.Equal(["2019-01", "2019-02", "2019-03"], contacts.Values!.Select(v => v.Period));
        Assert.Equal([18m, 17m, 15m], contacts.Values!.Select(v => v.Value!.Value));
        Assert.Equal((20m, 25m), (contacts.Target!.Min!.Value, contacts.Target.Max!.Value));
        Assert.Equal("percent", contacts.Unit);
        Assert.Equal(("Stat neighbours", "2019-03", 22m), (contacts.Comparators![0].Name, contacts.Comparators[0].Period, contacts.Comparators[0].Value!.Value));

        // A comparator row gives the indicator above it comparators for each period.
        var rereferrals = indicators[1];
        Assert.Equal("lower-is-better", rereferrals.Polarity);
        Assert.Equal(["England"], rereferrals.Comparators!.Select(c => c.Name).Distinct());
        Assert.Equal([20m, 21m, 22m], rereferrals.Comparators!.Select(c => c.Value!.Value));

        Assert.Equal(["2017/18", "2018/19"], indicators[2].Values!.Select(v => v.Period));
        Assert.Equal("higher-is-better", indicators[2].Polarity);

        // The plan's table is still read.
        Assert.Single(document.Areas);
    }

    [Fact]
    public async Task HiddenSheet_IsNotRead_AndSaysSo()
    {
        var file = Xlsx.Build(
            new XSheet("Plan", [["Area", "Action", "Owner"], ["Front door", "Review thresholds", "Jo"]]),
            new XSheet("Lists", [["Red"], ["Amber"]], Hidden: true));

        var document = await ReadAsync(file);

        Assert.Contains(document.Unplaced!, u => u.Contains("Hidden sheet 'Lists' was not read", StringComparison.Ordinal));
        Assert.DoesNotContain(document.Unplaced!, u => u.Contains("Amber", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OtherSheetsText_IsKeptAsUnplaced()
    {
        var file = Xlsx.Build(
            new XSheet("Plan", [["Area", "Action", "Owner"], ["Front door", "Review thresholds", "Jo"]]),
            new XSheet("Notes", [["Agreed at DMT on 3 May"], ["Next review", "June"]]));

        var document = await ReadAsync(file);

        Assert.Contains("Notes!A1: Agreed at DMT on 3 May", document.Unplaced!);
        Assert.Contains("Notes!A2: Next review | June", document.Unplaced!);
    }

    [Fact]
    public async Task NoTable_IsAClearProblem()
    {
        var file = Xlsx.Build(new XSheet("Sheet1", [["Hello"], ["World"]]));
        var result = await SpreadsheetPlanReader.ReadAsync(new MemoryStream(file), "notes.xlsx", null, CancellationToken.None);
        var analysis = await AnalyseAsync(file, "notes.xlsx");

        Assert.False(result.Succeeded);
        Assert.Contains("No plan table was found in 'notes.xlsx'", result.Problems.Single().Message, StringComparison.Ordinal);
        Assert.False(analysis.Succeeded);
        Assert.Null(analysis.PlanSheet);
        Assert.Equal(result.Problems.Single().Message, analysis.Problems.Single().Message);
    }

    [Fact]
    public async Task Csv_QuotedFieldsWithNewlinesAndSemicolons_AreRead()
    {
        var csv = "Area;Action;Owner;By when\r\n\"Front door\";\"Review thresholds; then publish\";Jo Stirling;June 2016\r\n;\"Two lines\nin one cell, with \"\"quotes\"\"\";Sam Kaur;\"July 2016\"\r\n";

        var document = await ReadAsync(Encoding.UTF8.GetBytes(csv), "plan.csv");

        var actions = document.Areas.Single().Actions!;
        Assert.Equal("Review thresholds; then publish", actions[0].Text);
        Assert.Equal("Two lines\nin one cell, with \"quotes\"", actions[1].Text);
        Assert.Equal(new DateOnly(2016, 7, 31), actions[1].Due!.Date);
    }

    [Fact]
    public async Task Csv_Windows1252AndUtf8WithBom_AreBothRead()
    {
        var text = "Area,Action,Lead,Budget\r\nWorkforce,Recruit social workers – a campaign,Jo Stirling,£40k\r\n";
        var ansi = CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes(text);
        var bom = new UTF8Encoding(true).GetPreamble().Concat(Encoding.UTF8.GetBytes(text.Replace(',', '\t'))).ToArray();

        foreach (var (bytes, name) in new[] { (ansi, "ansi.csv"), (bom, "bom.csv") })
        {
            var document = await ReadAsync(bytes, name);
            Assert.Equal("Recruit social workers – a campaign", document.Areas.Single().Actions!.Single().Text);
            Assert.Contains(document.Unplaced!, u => u.EndsWith("(Budget): £40k", StringComparison.Ordinal));
            Assert.Equal("Workforce", document.Areas.Single().Title);
        }
    }

    [Fact]
    public async Task TwentyThousandRows_AreReadInLinearTime()
    {
        var csv = new StringBuilder("Area,Ref,Action,Owner,By when\n");
        for (var i = 0; i < SheetLimits.MaxRows - 1; i++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"Area {i / 10},{i % 10 + 1},Action number {i},Jo Stirling,June 2016\n");
        }

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var document = await ReadAsync(Encoding.UTF8.GetBytes(csv.ToString()), "big.csv");
        watch.Stop();

        Assert.Equal(2000, document.Areas.Count);
        Assert.Equal(SheetLimits.MaxRows - 1, document.Areas.Sum(a => a.Actions!.Count));

        // Generous for a shared 2-core machine; a quadratic pass over 20,000 rows takes minutes.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task KeyLeadsSheet_ResolvesOwnersWrittenAsInitials_AndUnknownOnesAreWarned()
    {
        var file = Xlsx.Build(
            new XSheet("Plan", [["Area", "Action", "Owner"], ["Front door", "Review thresholds", "SK/JS"], [null, "Audit referrals", "JH"]]),
            new XSheet("Key leads", [["Key leads"], ["Initials", "Name", "Job title"], ["SK", "Sam Kaur", "Director"], ["JS", "Jo Stirling", "Head of service"]]));

        var document = await ReadAsync(file);

        Assert.Equal(["Sam Kaur", "Jo Stirling"], document.People!.Select(p => p.Name));
        var actions = document.Areas.Single().Actions!;
        Assert.Equal(["p1", "p2"], actions[0].Owners!.Select(o => o.Person));
        Assert.Equal("JH", actions[1].Owners!.Single().Text);
        Assert.Contains(actions[1].Warnings!, w => w.Contains("Plan!C3", StringComparison.Ordinal));
        Assert.DoesNotContain(document.Unplaced!, u => u.Contains("Sam Kaur", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CaseLevelListWithoutAPlanTable_IsNotImported()
    {
        // An Annex A list has dates and statuses but says nothing to do: it is not a plan, and its rows are not kept.
        var file = Xlsx.Build(new XSheet("List 1", [["Child Unique ID", "Date of contact", "Status"], ["9212044", "16/09/2020", "Open"]]));

        var result = await SpreadsheetPlanReader.ReadAsync(new MemoryStream(file), "annexa.xlsx", null, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains("No plan table was found", result.Problems.Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RagColumnRatedByShading_ReadsTheColour_AndAPaleFillNamesNothing()
    {
        var file = Xlsx.Build(new XSheet("Plan",
        [
            ["Area", "Action", "Owner", "RAG"],
            ["Front door", "Review thresholds", "Jo", new Shaded("FF0000")],
            [null, "Audit referrals", "Jo", new Shaded("FFC000")],
            [null, "Publish the guide", "Jo", new Shaded("00B050")],
            [null, "Train staff", "Jo", new Shaded("F2F2F2")],
        ]));

        var document = await ReadAsync(file);

        Assert.Equal(["R", "A", "G", null], document.Areas.Single().Actions!.Select(a => a.Rag));
    }

    [Fact]
    public async Task BannerRowsAreThemes_AndAHeaderRepeatedDownTheSheetIsSkipped()
    {
        var file = Xlsx.Build(new XSheet("Plan",
        [
            ["Ref", "Area for improvement", "Action", "By when"],
            ["A. Early help and protection"],
            ["1", "Thresholds", "Publish the threshold guide", "May 2016"],
            ["Ref", "Area for improvement", "Action", "By when"],
            ["B. Children looked after"],
            ["2", "Sufficiency", "Open two local homes", "2017/18"],
        ]));

        var document = await ReadAsync(file);

        Assert.Equal([("A", "Early help and protection"), ("B", "Children looked after")], document.Themes!.Select(t => (t.Key, t.Title)));
        Assert.Equal([("1", "A"), ("2", "B")], document.Areas.Select(a => (a.Number, a.Theme!)));
        Assert.Equal(["Publish the threshold guide", "Open two local homes"], document.Areas.Select(a => a.Actions!.Single().Text));
        Assert.Null(document.Unplaced);
    }
}
