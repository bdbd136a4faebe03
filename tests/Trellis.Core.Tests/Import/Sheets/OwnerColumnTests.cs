using System.Text;
using Trellis.Core.Import.Sheets;
using Trellis.Core.Interchange;

namespace Trellis.Core.Tests.Import.Sheets;

/// <summary>
/// Who owns what in a wide table: a lead column that belongs to the area, several columns of one role, and initials read
/// through the full names written elsewhere in the same file when there is no key-leads table.
/// </summary>
public class OwnerColumnTests
{
    private const string TwoLeadColumnsCsv = """
        Improvement Plan 2026,,,,,,
        Area for improvement,Lead officer,Ref,What we will do,Responsible,Timescale,RAG rating,Progress update
        1. Strengthen management oversight of assessments,Jane Smith,1.1,Audit 20 assessments each month,JS,31 st March 2027,Amber,Audits started in October
        ,,1.2,Train team managers in reflective supervision,JS/TM,Q4 2026,Green,
        2. Improve timeliness of child protection visits,Tom Mills,2.1,Weekly visit tracker reviewed by Head of Service,TM,tbc with IT provider,Red,Tracker not yet built
        """;

    private static byte[] Csv(string text) => Encoding.UTF8.GetBytes(text.Replace("\r\n", "\n", StringComparison.Ordinal));

    private static Task<PlanDocument> ReadCsvAsync(string text, ColumnMapping? mapping = null) =>
        SpreadsheetPlanReaderTests.ReadAsync(Csv(text), "plan.csv", mapping);

    // Rule 1: area-level lead columns.

    [Fact]
    public async Task LeadOfficerWithTheAreaColumns_AndResponsibleRightOfTheAction_LeadIsTheAreaLead()
    {
        var analysis = await SpreadsheetPlanReaderTests.AnalyseAsync(Csv(TwoLeadColumnsCsv), "plan.csv");

        Assert.Equal(ColumnRole.AreaLead, analysis.Proposed!.RoleOf(1));
        Assert.Equal(ColumnRole.Owner, analysis.Proposed.RoleOf(4));

        var document = await ReadCsvAsync(TwoLeadColumnsCsv);
        var names = document.People!.ToDictionary(p => p.Id, p => p.Name);
        Assert.Equal(["Jane Smith"], document.Areas[0].Leads!.Select(l => names[l.Person!]));
        Assert.Equal(["Tom Mills"], document.Areas[1].Leads!.Select(l => names[l.Person!]));
        Assert.All(document.Areas.SelectMany(a => a.Actions!).SelectMany(a => a.Owners!), o => Assert.DoesNotContain('\n', o.Text ?? string.Empty));
    }

    [Fact]
    public async Task LeadColumnFilledOnlyWhereAreasStart_IsTheAreaLead_EvenRightOfTheAction()
    {
        // Another council's layout: the only person column is right of the action, but it follows the area's rows.
        var file = Xlsx.Build(new XSheet("Plan",
        [
            ["Priority", "Action", "Strategic lead", "By when"],
            ["Early help", "Open the hub", "Sam Kaur", "April 2026"],
            [null, "Train hub staff", null, "May 2026"],
            [null, "Publish the offer", null, "June 2026"],
            ["Front door", "Review thresholds", "Jo Stirling", "July 2026"],
            [null, "Audit referrals", null, "August 2026"],
        ]));

        var analysis = await SpreadsheetPlanReaderTests.AnalyseAsync(file);
        Assert.Equal(ColumnRole.AreaLead, analysis.Proposed!.RoleOf(2));

        var document = await SpreadsheetPlanReaderTests.ReadAsync(file);
        Assert.All(document.Areas, a => Assert.Single(a.Leads!));
        Assert.All(document.Areas.SelectMany(a => a.Actions!), a => Assert.Null(a.Owners));
    }

    [Fact]
    public async Task MergedAreaAndLeadCells_LeadLeftOfTheActionAndByWhomRightOfIt_LeadIsTheAreaLead()
    {
        // Excel layout with the area's cells merged down its action rows: the merged copies count as blank.
        var file = Xlsx.Build(new XSheet("Plan",
        [
            ["No", "Area for improvement", "Lead", "Action", "By whom", "Target date"],
            ["1", "Early help", "Sam Kaur", "Open the hub", "SK", "April 2026"],
            [null, null, null, "Train hub staff", "Hub manager", "May 2026"],
            ["2", "Front door", "Jo Stirling", "Review thresholds", "JS", "July 2026"],
            [null, null, null, "Audit referrals", "JS", "August 2026"],
        ], Merges: ["A2:A3", "B2:B3", "C2:C3", "A4:A5", "B4:B5", "C4:C5"]));

        var analysis = await SpreadsheetPlanReaderTests.AnalyseAsync(file);
        Assert.Equal(ColumnRole.AreaLead, analysis.Proposed!.RoleOf(2));
        Assert.Equal(ColumnRole.Owner, analysis.Proposed.RoleOf(4));

        var document = await SpreadsheetPlanReaderTests.ReadAsync(file);
        Assert.Equal(["p1"], document.Areas[0].Leads!.Select(l => l.Person));
        Assert.Equal(["p2"], document.Areas[1].Leads!.Select(l => l.Person));
        Assert.Equal("p1", document.Areas[0].Actions![0].Owners!.Single().Person);
        Assert.Equal("Hub manager", document.Areas[0].Actions![1].Owners!.Single().Text);
    }

    [Fact]
    public async Task LeadOfficerOnEveryActionRow_OneRowPerAction_StaysTheOwner()
    {
        var file = Xlsx.Build(new XSheet("Plan",
        [
            ["Area for improvement", "Action", "Lead officer", "By when"],
            ["Early help", "Open the hub", "Sam Kaur", "April 2026"],
            [null, "Train hub staff", "Jo Stirling", "May 2026"],
            ["Front door", "Review thresholds", "Jo Stirling", "July 2026"],
            [null, "Audit referrals", "Sam Kaur", "August 2026"],
        ]));

        var analysis = await SpreadsheetPlanReaderTests.AnalyseAsync(file);
        Assert.Equal(ColumnRole.Owner, analysis.Proposed!.RoleOf(2));

        var document = await SpreadsheetPlanReaderTests.ReadAsync(file);
        Assert.All(document.Areas.SelectMany(a => a.Actions!), a => Assert.Single(a.Owners!));
        Assert.All(document.Areas, a => Assert.Null(a.Leads));
    }

    [Fact]
    public async Task ResponsibleColumnFilledOnlyWhereAreasStart_WithNoOtherOwnerColumnAndNoLeadHeading_StaysTheOwner()
    {
        const string csv = """
            Area for improvement,Action,Responsible,By when
            Early help,Open the hub,Sam Kaur,April 2026
            ,Train hub staff,,May 2026
            Front door,Review thresholds,Jo Stirling,July 2026
            ,Audit referrals,,August 2026
            """;

        var analysis = await SpreadsheetPlanReaderTests.AnalyseAsync(Csv(csv), "plan.csv");

        Assert.Equal(ColumnRole.Owner, analysis.Proposed!.RoleOf(2));
    }

    [Fact]
    public async Task OneRowPerArea_LeadColumn_StaysTheOwnerOfTheCellsActions()
    {
        // Every row starts an area, so no row shows the column's pattern differing from the actions'.
        var file = Xlsx.Build(new XSheet("Plan",
        [
            ["Area for improvement", "Lead", "Actions", "Timescale"],
            ["Improve assessments", "Jo Stirling", "1. Audit monthly\n2. Train managers", "March 2026"],
            ["Strengthen the front door", "Sam Kaur", "Review thresholds", "June 2026"],
        ]));

        var analysis = await SpreadsheetPlanReaderTests.AnalyseAsync(file);

        Assert.Equal(ColumnRole.Owner, analysis.Proposed!.RoleOf(1));
    }

    // Rule 2: several columns with one role.

    [Fact]
    public async Task TwoOwnerColumns_GiveSeparateOwners_DeDuplicated_NeverOneGluedOwner()
    {
        const string csv = """
            Area for improvement,Action,Owner,Co-owner,By when
            Early help,Open the hub,Head of Early Help,Police inspector,April 2026
            ,Train hub staff,Head of Early Help,Head of Early Help,May 2026
            """;
        var mapping = new ColumnMapping(new Dictionary<int, ColumnRole>
        {
            [0] = ColumnRole.AreaTitle,
            [1] = ColumnRole.ActionText,
            [2] = ColumnRole.Owner,
            [3] = ColumnRole.Owner,
            [4] = ColumnRole.Due,
        });

        var document = await ReadCsvAsync(csv, mapping);

        var actions = document.Areas.Single().Actions!;
        Assert.Equal(["Head of Early Help", "Police inspector"], actions[0].Owners!.Select(o => o.Text));
        Assert.Equal(["Head of Early Help"], actions[1].Owners!.Select(o => o.Text));
        Assert.Contains(actions[0].Warnings!, w => w.Contains("'Police inspector'", StringComparison.Ordinal) && w.EndsWith("(plan!D2)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TwoDueStatusAndRagColumns_FirstIsTheActions_OthersKeptWithAWarning()
    {
        var file = Xlsx.Build(new XSheet("Plan",
        [
            ["Area for improvement", "Action", "Original date", "Revised date", "Status", "Board status", "RAG", "Previous RAG"],
            ["Early help", "Open the hub", "April 2026", "June 2026", "Not started", "Delayed", "Red", "Amber"],
        ]));
        var mapping = new ColumnMapping(new Dictionary<int, ColumnRole>
        {
            [0] = ColumnRole.AreaTitle,
            [1] = ColumnRole.ActionText,
            [2] = ColumnRole.Due,
            [3] = ColumnRole.Due,
            [4] = ColumnRole.Status,
            [5] = ColumnRole.Status,
            [6] = ColumnRole.Rag,
            [7] = ColumnRole.Rag,
        });

        var action = (await SpreadsheetPlanReaderTests.ReadAsync(file, mapping: mapping)).Areas.Single().Actions!.Single();

        Assert.Equal("April 2026", action.Due!.Text);
        Assert.Equal(new DateOnly(2026, 6, 30), Assert.Single(action.Milestones!).Due!.Date);
        Assert.Contains("Revised date", action.Milestones![0].Text, StringComparison.Ordinal);
        Assert.Equal("R", action.Rag);
        Assert.Contains("Board status: Delayed", action.Comments, StringComparison.Ordinal);
        Assert.Contains("Previous RAG: Amber", action.Comments, StringComparison.Ordinal);
        Assert.Contains(action.Warnings!, w => w.Contains("more than one due date", StringComparison.Ordinal) && w.Contains("Plan!D2", StringComparison.Ordinal));
        Assert.Contains(action.Warnings!, w => w.Contains("more than one status", StringComparison.Ordinal));
        Assert.Contains(action.Warnings!, w => w.Contains("more than one RAG rating", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TwoOwnerColumns_OnlyOneFilled_ReadsThatCellAsBefore()
    {
        // A job title with "and" in it stays one owner when it is the only owner cell of the row.
        const string csv = """
            Area for improvement,Action,Owner,Co-owner,By when
            Early help,Open the hub,Head of Safeguarding and Quality Assurance,,April 2026
            """;
        var mapping = new ColumnMapping(new Dictionary<int, ColumnRole>
        {
            [0] = ColumnRole.AreaTitle,
            [1] = ColumnRole.ActionText,
            [2] = ColumnRole.Owner,
            [3] = ColumnRole.Owner,
            [4] = ColumnRole.Due,
        });

        var action = (await ReadCsvAsync(csv, mapping)).Areas.Single().Actions!.Single();

        Assert.Equal("Head of Safeguarding and Quality Assurance", Assert.Single(action.Owners!).Text);
    }

    [Fact]
    public async Task TwoAreaLeadColumns_GiveTwoLeads_NotOneGluedLead()
    {
        const string csv = """
            Area for improvement,Area lead,Strategic lead,Action,By when
            Early help,Head of Early Help,SK,Open the hub,April 2026
            """;

        var area = (await ReadCsvAsync(csv)).Areas.Single();

        Assert.Equal(["Head of Early Help", "SK"], area.Leads!.Select(l => l.Text));
    }

    // Rule 3: initials read through the full names in the file.

    [Fact]
    public async Task NoKeyLeadsTable_InitialsOfOneLeadInTheFile_ResolveWithAWarningSayingHow()
    {
        var document = await ReadCsvAsync(TwoLeadColumnsCsv);

        Assert.Equal([("JS", "Jane Smith"), ("TM", "Tom Mills")], document.People!.Select(p => (p.Initials, p.Name)));
        var actions = document.Areas.SelectMany(a => a.Actions!).ToList();
        Assert.Equal(["p1"], actions[0].Owners!.Select(o => o.Person));
        Assert.Equal(["p1", "p2"], actions[1].Owners!.Select(o => o.Person));
        Assert.Equal(["p2"], actions[2].Owners!.Select(o => o.Person));
        Assert.Contains("'JS' read as Jane Smith, the only lead in the file with those initials (plan!E3)", actions[0].Warnings!);
        Assert.Contains("'TM' read as Tom Mills, the only lead in the file with those initials (plan!E4)", actions[1].Warnings!);
    }

    [Fact]
    public async Task NoKeyLeadsTable_InitialsSharedByTwoLeads_StayUnresolved_AndTheWarningNamesBoth()
    {
        var file = Xlsx.Build(new XSheet("Plan",
        [
            ["Area for improvement", "Area lead", "Action", "By whom", "By when"],
            ["Early help", "Jane Smith", "Open the hub", "JS", "April 2026"],
            ["Front door", "John Shaw", "Review thresholds", "JS", "May 2026"],
            [null, null, "Audit referrals", "John Shaw", "June 2026"],
        ]));

        var document = await SpreadsheetPlanReaderTests.ReadAsync(file);

        Assert.Equal(["Jane Smith", "John Shaw"], document.People!.Select(p => p.Name));
        var actions = document.Areas.SelectMany(a => a.Actions!).ToList();
        Assert.Equal("JS", actions[0].Owners!.Single().Text);
        Assert.Null(actions[0].Owners![0].Person);
        Assert.Contains(actions[0].Warnings!, w => w.Contains("Jane Smith or John Shaw", StringComparison.Ordinal) && w.Contains("Plan!D2", StringComparison.Ordinal));
        // A full name still resolves exactly, with no warning.
        Assert.Equal("p2", actions[2].Owners!.Single().Person);
        Assert.Null(actions[2].Warnings);
    }

    [Fact]
    public async Task NoKeyLeadsTable_InitialsOfNoLeadInTheFile_AndRoles_AreNotPeople()
    {
        const string csv = """
            Area for improvement,Lead officer,Action,Responsible,By when
            Early help,Head of Early Help,Open the hub,AB,April 2026
            ,,Train hub staff,Jane Smith,May 2026
            """;

        var document = await ReadCsvAsync(csv);

        Assert.Equal(["Jane Smith"], document.People!.Select(p => p.Name));
        var actions = document.Areas.Single().Actions!;
        Assert.Equal("AB", actions[0].Owners!.Single().Text);
        Assert.Contains(actions[0].Warnings!, w => w.Contains("'AB' does not match anyone", StringComparison.Ordinal));
    }

    [Fact]
    public async Task KeyLeadsSheet_NamesInLeadColumnsAddNoPeople()
    {
        var file = Xlsx.Build(
            new XSheet("Plan", [["Area", "Action", "Owner"], ["Front door", "Review thresholds", "Tom Mills"], [null, "Audit referrals", "SK"]]),
            new XSheet("Key leads", [["Initials", "Name", "Job title"], ["SK", "Sam Kaur", "Director"]]));

        var document = await SpreadsheetPlanReaderTests.ReadAsync(file);

        Assert.Equal(["Sam Kaur"], document.People!.Select(p => p.Name));
        Assert.Equal("Tom Mills", document.Areas.Single().Actions![0].Owners!.Single().Text);
    }
}
