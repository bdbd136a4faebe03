using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using Trellis.Core.Import.Word;
using Trellis.Core.Interchange;
using Trellis.Testing;
using Xunit.Abstractions;
using static Trellis.Core.Tests.Import.Docx;

namespace Trellis.Core.Tests.Import;

public class WordPlanReaderTests(ITestOutputHelper output)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
    };

    // The real plans, scored against the hand-written gold files by the project's scorer.

    [SharedDataFact]
    public void Read_LewishamPlan_ScoresAtLeast98Percent() => AssertScore("000_ea5cf699ba5c1d76.docx", "000.gold.txt");

    [SharedDataFact]
    public void Read_CityOfLondonPlan_ScoresAtLeast98Percent() => AssertScore("002_26b07abacce4c824.docx", "002.gold.txt");

    [SharedDataFact]
    public void Read_BoardReport_InventsNoAreasFromItsNumberedParagraphs()
    {
        var plan = ReadSample("001_6c59dbafa3b02c79.docx");

        Assert.Empty(plan.Areas);
        Assert.NotEmpty(plan.Unplaced!);
    }

    /// <summary>
    /// A plan laid out unlike either sample (heading styles, "Priority N –" areas, judgements and legends as lines, a
    /// key-leads table of initials first, columns in another order, a merged owner, a split row, milestone dates, Word's
    /// own numbering), scored by the same scorer against a gold written for it.
    /// </summary>
    [SharedDataFact]
    public void Read_PlanOfAnotherLayout_ScoresFullMarks()
    {
        OpenXmlElement[] body =
        [
            P("Northshire County Council", "Title"),
            P("Children's Services Improvement Plan 2019-2020", "Title"),
            P("Introduction", "Heading1"),
            P("Ofsted inspected Northshire County Council's children's services between 4 and 15 March 2019 and published its report on 24 April 2019."),
            P("Overall effectiveness: Requires improvement to be good"),
            P("The impact of leaders on social work practice with children and families: Requires improvement to be good"),
            P("The experiences and progress of children who need help and protection: Inadequate"),
            P("The experiences and progress of children in care and care leavers: Good"),
            P("Progress on each action is rated:"),
            P("Red: not started or at risk"),
            P("Amber: started, some slippage"),
            P("Green: on track"),
            P("Blue: complete"),
            P("Who is responsible", "Heading2"),
            T(Row("Initials", "Name", "Role"), Row("KM", "Kate Moss", "Director of Children's Services"), Row("RL", "Raj Lal", "Head of Safeguarding"), Row("ET", "Emma Tait", "Principal Social Worker")),
            P("Help and protection", "Heading2"),
            P("Priority 1 – Strengthen management oversight of work with children in need", "Heading3"),
            P("Lead officer: Raj Lal"),
            P("Senior responsible officer: KM"),
            P("What will be different:"),
            P("Every child in need has a plan reviewed on time", list: BulletList),
            T(
                Row("Who", "Action", "When", "Ref"),
                R(C("RL", merge: VMerge.Restart), C("Introduce monthly case supervision audits"), C("End May 2019"), C("1a")),
                R(C("", merge: VMerge.Continue), C("Report audit findings to the leadership team"), C("July 2019 and then quarterly"), C("1b")),
                R(C("ET/RL"), C("Refresh the child in need procedures"), C("Jun 2019 Aug 2019 Oct 2019"), C("1c"))),
            T(Row("", "with partners and publish them", "", "")),
            P("Children in care", "Heading2"),
            P("Priority 2 – Improve the timeliness of permanence planning for children in care", "Heading3"),
            P("Lead officer: ET"),
            T(
                Row("Actions", "Responsible officer", "Target date", "RAG"),
                R(C([P("Track every child's permanence plan at panel", list: SecondDecimalList)]), C("ET"), C("30th September 2019"), C("", fill: "00B050")),
                R(C([P("Train staff in early permanence planning", list: SecondDecimalList)]), C("ET and KM"), C("TBC"), C("Amber"))),
            P("Progress update"),
            P("The panel met twice in the first quarter."),
        ];
        const string Gold = """
            org: Northshire County Council
            judgement: Overall effectiveness | Requires improvement
            judgement: The impact of leaders on social work practice with children and families | Requires improvement
            judgement: The experiences and progress of children who need help and protection | Inadequate
            judgement: The experiences and progress of children in care and care leavers | Good
            person: KM | Kate Moss | Director of Children's Services
            person: RL | Raj Lal | Head of Safeguarding
            person: ET | Emma Tait | Principal Social Worker
            area: 1 | T1 | Strengthen management oversight of work with children in need | Raj Lal
            action: 1a | Introduce monthly case supervision audits | 2019-05-31 | month | RL
            action: 1b | Report audit findings to the leadership team | 2019-07-31 | month | RL
            action: 1c | Refresh the child in need procedures with partners and publish them | 2019-10-31 | month | ET; RL
            area: 2 | T2 | Improve the timeliness of permanence planning | Emma Tait
            action: 1 | Track every child's permanence plan at panel | 2019-09-30 | day | ET
            action: 2 | Train staff in early permanence planning | tbc | tbc | ET; KM
            """;

        using var docx = Build(body);
        var plan = WordPlanReader.Read(docx, "northshire.docx").Document!;
        AssertScore(plan, Gold);

        Assert.Equal(["G", "A"], plan.Areas[1].Actions!.Select(a => a.Rag));
        Assert.Equal(3, plan.Areas[0].Actions![2].Milestones!.Count);
        Assert.Contains(plan.Areas[0].Actions![1].Warnings!, w => w.Contains("quarterly", StringComparison.Ordinal));
        Assert.Contains("The panel met twice in the first quarter.", plan.Unplaced!);
    }

    // Plans built here, laid out unlike the samples.

    [Fact]
    public void Read_Introduction_GivesCouncilInspectionJudgementsAndPeople()
    {
        var plan = Read(Introduction(), Area("1", "Improve the quality of assessments so that children's needs are understood", ActionsTable(Row("1.1", "Audit assessments", "June 2020", "JA"))));

        Assert.Equal("Riverside Borough Council", plan.Organisation.Name);
        Assert.Equal("Riverside Improvement Plan 2019-20", plan.Plan.Title);
        var inspection = plan.Inspection!;
        Assert.Equal(new DateOnly(2019, 6, 3), inspection.Start);
        Assert.Equal(new DateOnly(2019, 6, 14), inspection.End);
        Assert.Equal(new DateOnly(2019, 7, 20), inspection.Published);
        Assert.Equal("inspection of local authority children's services (ILACS)", inspection.Framework);
        Assert.Equal(
            ["Overall effectiveness: Requires improvement", "The experiences and progress of children who need help and protection: Inadequate", "Adoption performance: Not judged"],
            inspection.Judgements!.Select(j => $"{j.Area}: {j.Grade}"));
        Assert.Equal(
            ["p1 JA Jane Adams Director of Children's Services", "p2 OB Omar Baker Head of Safeguarding", "p3 CD  Service Manager"],
            plan.People!.Select(p => $"{p.Id} {p.Initials} {p.Name} {p.JobTitle}"));
    }

    [Fact]
    public void Read_LegendLines_GiveProgressAndImpactScalesWithBlueComplete()
    {
        var plan = Read(
            [
                .. Introduction(),
                P("Progress against actions is rated:"),
                P("Red = Significant delay"),
                P("Amber: Some delay"),
                P("Green – On track"),
                P("Blue = Complete"),
                P("The impact of each area is rated:"),
                P("Red = No evidence of impact"),
                P("Green = Clear impact"),
            ],
            Area("1", "Improve the quality of assessments so that children's needs are understood", ActionsTable(Row("1.1", "Audit assessments", "June 2020", "JA"))));

        var scales = plan.Plan.RagScales!;
        Assert.Equal(["R Red Significant delay", "A Amber Some delay", "G Green On track", "B Blue Complete"], scales.Progress!.Select(r => $"{r.Code} {r.Label} {r.Meaning}"));
        Assert.True(scales.Progress![3].Complete);
        Assert.Null(scales.Progress[2].Complete);
        Assert.Equal(["R", "G"], scales.Impact!.Select(r => r.Code));
    }

    [Fact]
    public void Read_UnusualColumnOrderAndNames_MapsColumnsByTheirWords()
    {
        var table = T(
            Row("Delivery lead", "Action", "End date", "No.", "Progress update"),
            Row("OB", "Audit referrals from the police", "March 2020", "1.1", "Audit booked"),
            Row("Jane Adams", "Report findings to the board", "Q1 2020/21", "1.2", ""));

        var area = Read(Introduction(), Area("1", "Improve the front door so that referrals are handled quickly", table)).Areas.Single();

        var first = area.Actions![0];
        Assert.Equal("1.1", first.Ref);
        Assert.Equal("Audit referrals from the police", first.Text);
        Assert.Equal([new OwnerDoc { Person = "p2" }], first.Owners);
        Assert.Equal(new DueDoc { Text = "March 2020", Date = new DateOnly(2020, 3, 31), Precision = "month" }, first.Due);
        Assert.Equal("Audit booked", first.Comments);
        var second = area.Actions[1];
        Assert.Equal([new OwnerDoc { Person = "p1" }], second.Owners);
        Assert.Equal(new DateOnly(2020, 6, 30), second.Due!.Date);
        Assert.Equal("quarter", second.Due.Precision);
    }

    [Fact]
    public void Read_MergedCells_GiveEachActionItsSpannedTextAndMergedOwner()
    {
        var table = T(
            R(C("Ref"), C("Actions", span: 2), C("By when"), C("By whom")),
            R(C("1.1"), C("Train all social workers in the new model", span: 2), C("June 2020"), C("JA", merge: VMerge.Restart)),
            R(C("1.2"), C("Audit the use of the model", span: 2), C("July 2020"), C("", merge: VMerge.Continue)),
            R(C("1.3"), C("Review supervision"), C(""), C("August 2020"), C("OB")));

        var actions = Read(Introduction(), Area("1", "Embed the practice model so that work with families is consistent", table)).Areas.Single().Actions!;

        Assert.Equal(["1.1", "1.2", "1.3"], actions.Select(a => a.Ref));
        Assert.Equal(["p1", "p1", "p2"], actions.Select(a => a.Owners!.Single().Person));
        Assert.Equal(new DateOnly(2020, 8, 31), actions[2].Due!.Date);
    }

    [Fact]
    public void Read_RowSplitByPageBreak_ContinuesThePreviousAction()
    {
        var table = T(
            Row("Ref", "Actions", "Target date", "Lead officer"),
            Row("2.1", "Revise the threshold document with", "June 2020", "JA"),
            Row("", "partners and publish it", "", ""),
            Row("2.2", "Launch the document", "July 2020", "OB"));

        var actions = Read(Introduction(), Area("2", "Make thresholds clear so that partners refer the right children", table)).Areas.Single().Actions!;

        Assert.Equal(2, actions.Count);
        Assert.Equal("Revise the threshold document with partners and publish it", actions[0].Text);
        Assert.Contains(actions[0].Warnings!, w => w.Contains("next page", StringComparison.Ordinal));
        Assert.Equal("Launch the document", actions[1].Text);
    }

    [Fact]
    public void Read_TableContinuedAfterPageBreak_KeepsItsActionsInTheArea()
    {
        var first = ActionsTable(Row("1.", "Recruit two team managers", "April 2020", "JA"), Row("2.", "Set caseload limits", "May 2020", "OB"));
        var continued = T(Row("3.", "Review caseloads monthly", "Ongoing", "OB"), Row("MONITORING AND IMPACT", "", "", ""));

        var actions = Read(Introduction(), Area("4", "Reduce caseloads so that social workers have time for children", first, continued)).Areas.Single().Actions!;

        Assert.Equal(["1", "2", "3"], actions.Select(a => a.Ref));
        Assert.Equal("ongoing", actions[2].Due!.Precision);
    }

    [Fact]
    public void Read_OwnersWrittenAsInitials_ResolveAgainstTheKeyLeadsAndKeepUnknownOnesAsText()
    {
        var table = ActionsTable(Row("1.1", "Agree the new audit tool", "June 2020", "JA/ob"), Row("1.2", "Run the audits", "July 2020", "CD XY"));

        var actions = Read(Introduction(), Area("1", "Improve audit so that leaders know the quality of practice", table)).Areas.Single().Actions!;

        Assert.Equal([new OwnerDoc { Person = "p1" }, new OwnerDoc { Person = "p2" }], actions[0].Owners);
        Assert.Equal([new OwnerDoc { Person = "p3" }, new OwnerDoc { Text = "XY" }], actions[1].Owners);
        Assert.Contains(actions[1].Warnings!, w => w.Contains("'XY'", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_SeveralDatesInOneCell_BecomeMilestonesDueAtTheLatest()
    {
        var table = ActionsTable(Row("1.1", "Roll out the new recording system", "Dec 2019 Jan 2020 February 2020", "JA"));

        var action = Read(Introduction(), Area("1", "Improve recording so that records show the child's experience", table)).Areas.Single().Actions!.Single();

        Assert.Equal(new DateOnly(2020, 2, 29), action.Due!.Date);
        Assert.Equal("month", action.Due.Precision);
        Assert.Equal(["Dec 2019", "Jan 2020", "February 2020"], action.Milestones!.Select(m => m.Text));
        Assert.Equal(new DateOnly(2019, 12, 31), action.Milestones![0].Due!.Date);
    }

    [Fact]
    public void Read_MilestonesColumnWithDates_GivesTheActionItsLastDate()
    {
        var table = T(
            Row("Action", "Key milestones", "Owner"),
            R(C("1. Launch the new front door"), C([P("Consultation ends (January 2020)"), P("Go live: TBC"), P("Review, end of June 2020")]), C("JA")));

        var action = Read(Introduction(), Area("1", "Improve the front door so that referrals are handled quickly", table)).Areas.Single().Actions!.Single();

        Assert.Equal(["month", "tbc", "month"], action.Milestones!.Select(m => m.Due!.Precision));
        Assert.Equal(new DueDoc { Text = "Review, end of June 2020", Date = new DateOnly(2020, 6, 30), Precision = "month" }, action.Due);
    }

    [Fact]
    public void Read_ActionCellMergedOverRows_AddsEachRowsDateAsAMilestone()
    {
        var table = T(
            Row("Ref", "Action", "Milestones", "Due date", "Owner"),
            R(C("3.1"), C("Commission a new advocacy service", merge: VMerge.Restart), C("Specification agreed"), C("March 2020"), C("OB", merge: VMerge.Restart)),
            R(C("", merge: VMerge.Continue), C("", merge: VMerge.Continue), C("Provider appointed"), C("June 2020"), C("", merge: VMerge.Continue)));

        var action = Read(Introduction(), Area("3", "Strengthen advocacy so that children's views shape their plans", table)).Areas.Single().Actions!.Single();

        Assert.Equal("3.1", action.Ref);
        Assert.Equal(new DateOnly(2020, 6, 30), action.Due!.Date);
        Assert.Equal(["Specification agreed", "Provider appointed"], action.Milestones!.Select(m => m.Text));
        Assert.Equal([new DateOnly(2020, 3, 31), new DateOnly(2020, 6, 30)], action.Milestones!.Select(m => m.Due!.Date!.Value));
        Assert.Equal([new OwnerDoc { Person = "p2" }], action.Owners);
    }

    [Fact]
    public void Read_StatusAndRagWords_AreReadWithoutLosingWhatElseTheySay()
    {
        var table = T(
            Row("Ref", "Action", "By when", "Lead", "Status", "RAG"),
            Row("1.1", "Audit plans", "March 2020", "JA", "Completed March 2020, reported to board", "Green - on track"),
            Row("1.2", "Train staff", "June 2020", "JA", "In progress", ""),
            Row("1.3", "Buy laptops", "July 2020", "OB", "Waiting for IT", "Purple"));

        var actions = Read(Introduction(), Area("1", "Improve the quality of plans so that they are specific and timely", table)).Areas.Single().Actions!;

        Assert.Equal(["complete G", "in-progress ", " "], actions.Select(a => $"{a.Status} {a.Rag}"));
        Assert.Equal("Completed March 2020, reported to board", actions[0].Comments);
        Assert.Equal("Waiting for IT", actions[2].Comments);
        Assert.Contains(actions[2].Warnings!, w => w.Contains("'Purple'", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_RepeatedRefs_AreKeptInOrderWithAWarning()
    {
        var table = ActionsTable(Row("1.", "First", "June 2020", "JA"), Row("2.", "Second", "June 2020", "JA"), Row("2.", "Second again", "June 2020", "JA"));

        var actions = Read(Introduction(), Area("1", "Improve the quality of plans so that they are specific and timely", table)).Areas.Single().Actions!;

        Assert.Equal(["1", "2", "2"], actions.Select(a => a.Ref));
        Assert.Null(actions[1].Warnings);
        Assert.Equal(["Ref '2' is also used by an earlier action in area 1; kept as written"], actions[2].Warnings);
    }

    [Fact]
    public void Read_TextItCannotPlace_IsKeptUnplaced()
    {
        var plan = Read(
            Introduction(),
            [
                P("This plan was agreed by the Improvement Board in September 2019."),
                .. Area("1", "Improve the quality of plans so that they are specific and timely", ActionsTable(Row("1.1", "Audit plans", "June 2020", "JA"))),
                P("Progress update:"),
                P("Two audits completed in the first quarter."),
            ]);

        Assert.Contains("This plan was agreed by the Improvement Board in September 2019.", plan.Unplaced!);
        Assert.Contains("Two audits completed in the first quarter.", plan.Unplaced!);
        Assert.Contains(plan.Areas.Single().Warnings!, w => w.Contains("kept in unplaced", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_LabelledFields_FillTheArea()
    {
        var plan = Read(
            Introduction(),
            [
                P("1. Improve the quality of plans so that they are specific and timely"),
                T(Row("Lead:", "Omar Baker", "Senior lead:", "JA"), Row("Linked plans:", "Children's Plan 2019-22; Workforce Strategy", "", ""), Row("Partners: Police, Health", "", "", "")),
                P("Objectives"),
                P("Plans are SMART", list: BulletList),
                P("Measured by:"),
                P("Audit grades", list: BulletList),
                P("Expected outcomes: Children understand their plans"),
                ActionsTable(Row("1.1", "Audit plans", "June 2020", "JA")),
            ]);

        var area = plan.Areas.Single();
        Assert.Equal([new OwnerDoc { Person = "p2" }], area.Leads);
        Assert.Equal([new OwnerDoc { Person = "p1" }], area.SeniorLeads);
        Assert.Equal(["Children's Plan 2019-22", "Workforce Strategy"], area.LinkedPlans);
        Assert.Equal(["Police", "Health"], area.Partners);
        Assert.Equal(["Plans are SMART"], area.Objectives);
        Assert.Equal(["Audit grades"], area.MeasuresOfSuccess);
        Assert.Equal(["Children understand their plans"], area.Outcomes);
    }

    [Fact]
    public void Read_NumberedOutcomes_AreItemsNotAreas()
    {
        var plan = Read(
            Introduction(),
            [
                P("1. Improve the quality of plans so that they are specific and timely", bold: true),
                T(Row("Lead:", "JA")),
                P("Expected outcomes:"),
                P("1. Children and families understand their plans"),
                P("2. Plans are reviewed within timescales by managers"),
                P("Measures of success:"),
                P("Audit grades improve"),
                ActionsTable(Row("1.1", "Audit plans", "June 2020", "JA")),
                P("Table of contents entry that repeats a heading\t4", "TOC1"),
            ]);

        var area = plan.Areas.Single();
        Assert.Equal(["1. Children and families understand their plans", "2. Plans are reviewed within timescales by managers"], area.Outcomes);
        Assert.Equal(["Audit grades improve"], area.MeasuresOfSuccess);
        Assert.DoesNotContain(plan.Unplaced ?? [], u => u.Contains("Table of contents", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_HeadingStylesAndThemeRows_GiveThemesAndAreas()
    {
        var plan = Read(
            Introduction(),
            [
                P("Help and protection", "Heading2"),
                .. Area("1", "Improve the quality of plans so that they are specific and timely", ActionsTable(Row("1.1", "Audit plans", "June 2020", "JA"))),
                P("Children in care", "Heading2"),
                .. Area("2", "Improve stability so that fewer children move placements", ActionsTable(Row("2.1", "Recruit foster carers", "June 2020", "OB"))),
            ]);

        Assert.Equal(["T1 Help and protection", "T2 Children in care"], plan.Themes!.Select(t => $"{t.Key} {t.Title}"));
        Assert.Equal(["1 T1", "2 T2"], plan.Areas.Select(a => $"{a.Number} {a.Theme}"));
    }

    [Fact]
    public void Read_WordNumberedLists_GiveRecommendationsAndRefs()
    {
        var plan = Read(
            Introduction(),
            [
                P("Ofsted made these recommendations:"),
                P("Improve the quality of plans so that they are specific and timely", list: DecimalList),
                P("Improve stability so that fewer children move placements", list: DecimalList),
                P("1. Improve the quality of plans so that they are specific and timely"),
                T(Row("Lead:", "OB")),
                T(Row("Actions", "By when", "By whom"), R(C([P("Audit plans", list: SecondDecimalList)]), C("June 2020"), C("OB")), R(C([P("Train staff", list: SecondDecimalList)]), C("July 2020"), C("OB"))),
            ]);

        Assert.Equal(["1", "2"], plan.Areas.Select(a => a.Number));
        var first = plan.Areas[0];
        Assert.Equal("inspection-recommendation", first.Source!.Kind);
        Assert.Equal(["1", "2"], first.Actions!.Select(a => a.Ref));
        Assert.Equal("Audit plans", first.Actions![0].Text);
        Assert.Equal("Improve stability so that fewer children move placements", plan.Areas[1].Title);
        Assert.Contains(plan.Areas[1].Warnings!, w => w.Contains("No section", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_SectionBoxedInAContainerTable_ReadsTheNestedTables()
    {
        var section = T(R(C(
        [
            P("5. Improve the quality of plans so that they are specific and timely", bold: true),
            T(Row("Lead:", "CD")),
            ActionsTable(Row("5.1", "Audit plans", "June 2020", "CD")),
        ])));

        var area = Read(Introduction(), [section]).Areas.Single();

        Assert.Equal("5", area.Number);
        Assert.Equal([new OwnerDoc { Person = "p3" }], area.Leads);
        Assert.Equal("Audit plans", area.Actions!.Single().Text);
    }

    [Fact]
    public void Read_NumberedReportParagraphs_AreNotAreas()
    {
        var result = ReadResult(
            P("Safeguarding report", "Title"),
            P("1. Purpose of the report", "Heading2"),
            P("1.1 This report summarises safeguarding activity in the last six months."),
            P("2. Recommendations", "Heading2"),
            P("2.1 Members are asked to note the contents of the report."));

        Assert.Empty(result.Document!.Areas);
        Assert.Contains(result.Problems, p => p.Contains("No areas", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_ReportOfIndicatorTablesOnly_IsADocumentOfIndicators_WithoutProblems()
    {
        // A board's performance report: numbered paragraphs, an indicator table, no areas and no council named.
        var result = ReadResult(
            P("Safeguarding report", "Title"),
            P("1. Purpose of the report", "Heading2"),
            P("1.1 This report summarises safeguarding activity in the last six months."),
            T(Row("Indicator", "Jan 19", "Feb 19", "Mar 19", "Target"), Row("Contacts decided within 24 hours", "81%", "84%", "88%", "90%")));

        Assert.Empty(result.Problems);
        Assert.Empty(result.Document!.Areas);
        var indicator = Assert.Single(result.Document.Indicators!);
        Assert.Equal("Contacts decided within 24 hours", indicator.Name);
        Assert.Equal(3, indicator.Values!.Count);
        Assert.True(PlanReadResult.From("test.docx", result.Document).Succeeded);
    }

    [SharedDataFact]
    public void Read_BoardReport_ReadsAsItsIndicatorTables()
    {
        using var stream = File.OpenRead(SharedData.Path("samples", "001_6c59dbafa3b02c79.docx"));
        var result = WordPlanReader.Read(stream, "001.docx");

        Assert.Empty(result.Problems);
        Assert.Contains(result.Document!.Indicators!, i => i.Name.StartsWith("Decision made on Contacts in 24 hours", StringComparison.Ordinal) && i.Target?.Text == "90%");
    }

    [Fact]
    public void Read_OneTableForSeveralAreas_StartsAnAreaAtEachHeadingRow()
    {
        var table = T(
            Row("Ref", "Action", "Lead", "Target date"),
            R(C("Recommendation 1: Improve the quality of plans so that they are specific and timely", span: 4)),
            Row("1.1", "Audit plans", "JA", "June 2020"),
            Row("1.2", "Train staff in planning", "OB", "July 2020"),
            R(C("Children in care", span: 4)),
            R(C("Recommendation 2: Improve stability so that fewer children move placements", span: 4)),
            Row("2.1", "Recruit foster carers", "OB", "May 2020"));

        var plan = Read(Introduction(), table);

        Assert.Equal(["1 Improve the quality of plans so that they are specific and timely", "2 Improve stability so that fewer children move placements"], plan.Areas.Select(a => $"{a.Number} {a.Title}"));
        Assert.Equal(["1.1", "1.2"], plan.Areas[0].Actions!.Select(a => a.Ref));
        Assert.Equal(["2.1"], plan.Areas[1].Actions!.Select(a => a.Ref));
        Assert.Equal([null, "T1"], plan.Areas.Select(a => a.Theme));
    }

    [Fact]
    public void Read_RowsWithoutActionText_AddTheirDatesToTheActionAbove()
    {
        var table = T(
            Row("No.", "Action", "Milestone", "By when", "Who"),
            Row("1", "Set up a permanence panel", "Terms of reference agreed", "January 2020", "JA"),
            Row("", "", "First meeting held", "March 2020", "JA"),
            Row("2", "Track every child's plan for permanence", "", "April 2020", "OB"));

        var actions = Read(Introduction(), Area("1", "Make permanence plans earlier so that children do not wait", table)).Areas.Single().Actions!;

        Assert.Equal(["1", "2"], actions.Select(a => a.Ref));
        Assert.Equal(new DateOnly(2020, 3, 31), actions[0].Due!.Date);
        Assert.Equal(["Terms of reference agreed", "First meeting held"], actions[0].Milestones!.Select(m => m.Text));
        Assert.Equal([new OwnerDoc { Person = "p1" }], actions[0].Owners);
        Assert.Contains(actions[0].Warnings!, w => w.Contains("no action text", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_RecommendationNumberOnItsOwnLine_TakesTheTitleFromTheNextLine()
    {
        var plan = Read(
            Introduction(),
            [
                P("Recommendation 3", "Heading2"),
                P("Improve the quality of plans so that they are specific and timely"),
                T(Row("Lead:", "JA")),
                ActionsTable(Row("3.1", "Audit plans", "June 2020", "JA")),
            ]);

        var area = plan.Areas.Single();
        Assert.Equal("3", area.Number);
        Assert.Equal("Improve the quality of plans so that they are specific and timely", area.Title);
        Assert.Single(area.Actions!);
    }

    [Fact]
    public void Read_LabelledRecommendationRow_StartsAnArea()
    {
        var plan = Read(
            Introduction(),
            [
                T(Row("Area for improvement:", "Improve stability so that fewer children move placements"), Row("Lead officer:", "OB"), Row("RAG", "")),
                ActionsTable(Row("1", "Recruit foster carers", "June 2020", "OB")),
            ]);

        var area = plan.Areas.Single();
        Assert.Equal("1", area.Number);
        Assert.Equal("Improve stability so that fewer children move placements", area.Title);
        Assert.Equal([new OwnerDoc { Person = "p2" }], area.Leads);
    }

    [Fact]
    public void Read_ShadedRagCells_GiveTheirColoursRating()
    {
        var table = T(
            Row("Ref", "Action", "By when", "Lead", "RAG"),
            R(C("1.1"), C("Audit plans"), C("June 2020"), C("JA"), C("", fill: "FFC000")),
            R(C("1.2"), C("Train staff"), C("July 2020"), C("JA"), C("", fill: "00B050")),
            R(C("1.3"), C("Report to the board"), C("August 2020"), C("JA"), C("Red")));

        var actions = Read(Introduction(), Area("1", "Improve the quality of plans so that they are specific and timely", table)).Areas.Single().Actions!;

        Assert.Equal(["A", "G", "R"], actions.Select(a => a.Rag));
    }

    [Fact]
    public void Read_TableOfAreasWithLeadsAndRag_GivesTheAreasWhenThePlanHasNoSections()
    {
        var plan = Read(
            Introduction(),
            [
                P("Summary of progress"),
                T(
                    Row("No.", "Area for improvement", "Lead", "RAG"),
                    Row("1", "Improve the quality of plans so that they are specific and timely", "Jane Adams", "Amber"),
                    Row("2", "Improve stability so that fewer children move placements", "OB", "Green")),
            ]);

        Assert.Equal(["1 A p1", "2 G p2"], plan.Areas.Select(a => $"{a.Number} {a.Rag} {a.Leads!.Single().Person}"));
        Assert.All(plan.Areas, a => Assert.Equal("inspection-recommendation", a.Source!.Kind));
    }

    [Fact]
    public void Read_NoKeyLeadsTable_DefinesThePeopleWrittenWithTheirInitialsInOwnerCells()
    {
        var plan = Read(
            [P("Riverside Borough Council was inspected in June 2019.")],
            [
                P("1. Improve the quality of plans so that they are specific and timely"),
                T(Row("Lead:", "Jane Adams (JA)")),
                ActionsTable(Row("1.1", "Audit plans", "June 2020", "JA"), Row("1.2", "Train staff", "July 2020", "Omar Baker (OB) / JA")),
            ]);

        Assert.Equal(["p1 JA Jane Adams", "p2 OB Omar Baker"], plan.People!.Select(p => $"{p.Id} {p.Initials} {p.Name}"));
        var actions = plan.Areas.Single().Actions!;
        Assert.Equal([new OwnerDoc { Person = "p1" }], actions[0].Owners);
        Assert.Equal([new OwnerDoc { Person = "p2" }, new OwnerDoc { Person = "p1" }], actions[1].Owners);
    }

    [Fact]
    public void Read_KeyLeadsTableOfNamesAndInitials_NeedsNoJobTitles()
    {
        var plan = Read(
            [P("Riverside Borough Council was inspected in June 2019."), T(Row("Name", "Initials"), Row("Jane Adams", "JA"), Row("Omar Baker", "OB"))],
            Area("1", "Improve the quality of plans so that they are specific and timely", ActionsTable(Row("1.1", "Audit plans", "June 2020", "OB"))));

        Assert.Equal(["p1 JA Jane Adams", "p2 OB Omar Baker"], plan.People!.Select(p => $"{p.Id} {p.Initials} {p.Name}"));
        Assert.Equal("p2", plan.Areas.Single().Actions!.Single().Owners!.Single().Person);
    }

    [Fact]
    public void Read_IndicatorTable_GivesIndicatorsWithPeriodsTargetsAndTheirArea()
    {
        var plan = Read(
            Introduction(),
            Area(
                "1",
                "Improve the timeliness of assessments so that children are helped sooner",
                ActionsTable(Row("1.1", "Add capacity", "June 2020", "JA")),
                T(Row("Indicator", "Jan 20", "Q4 19/20", "Target"), Row("% of assessments completed in 45 days", "76%", "81%", "At least 85%"), Row("Re-referrals", "18", "-", "No more than 20"))));

        var indicators = plan.Indicators!;
        Assert.Equal(["k1", "k2"], indicators.Select(k => k.Id));
        Assert.Equal("percent", indicators[0].Unit);
        Assert.Equal(["2020-01 76", "2019/20 Q4 81"], indicators[0].Values!.Select(v => $"{v.Period} {v.Value}"));
        Assert.Equal(new TargetDoc { Text = "At least 85%", Min = 85 }, indicators[0].Target);
        Assert.Equal("higher-is-better", indicators[0].Polarity);
        Assert.Equal(["1"], indicators[0].Areas);
        Assert.Equal("lower-is-better", indicators[1].Polarity);
        Assert.Equal("-", indicators[1].Values![1].Text);
        Assert.Single(plan.Areas.Single().Actions!);
    }

    // The document model on its own.

    [Fact]
    public void ReadDocument_Paragraphs_KeepTabsBreaksHeadingsListsAndBold()
    {
        using var docx = Build(P("Plan", "Heading1"), P("a\tb\nc"), P("First item", list: DecimalList), P("Second item", list: DecimalList), P("Strong", bold: true));

        var paragraphs = WordDocumentReader.Read(docx).Body.OfType<WordParagraph>().ToList();

        Assert.Equal(1, paragraphs[0].HeadingLevel);
        Assert.Equal("a\tb\nc", paragraphs[1].Text);
        Assert.Null(paragraphs[1].ListLevel);
        Assert.Equal(["1.", "2."], paragraphs.Skip(2).Take(2).Select(p => p.ListLabel));
        Assert.Equal(0, paragraphs[2].ListLevel);
        Assert.True(paragraphs[4].IsBold);
        Assert.False(paragraphs[1].IsBold);
    }

    [Fact]
    public void ReadDocument_Tables_ResolveSpansMergesAndNestedTables()
    {
        using var docx = Build(T(
            R(C("Wide", span: 2), C("B")),
            R(C("x", merge: VMerge.Restart), C("y"), C("z", fill: "FF0000")),
            R(C("", merge: VMerge.Continue), C("y2"), C("z2")),
            R(C([P("outer"), T(Row("n1", "n2"))]), C(""), C(""))));

        var table = Assert.IsType<WordTable>(Assert.Single(WordDocumentReader.Read(docx).Body));

        Assert.Equal(3, table.ColumnCount);
        Assert.Equal((0, 2), (table.Rows[0].Cells[0].GridColumn, table.Rows[0].Cells[0].ColumnSpan));
        Assert.Equal("B", table.Rows[0].CellAt(2)!.Text);
        Assert.True(table.Rows[2].Cells[0].MergedFromAbove);
        Assert.Equal("x", table.Rows[2].Cells[0].Text);
        Assert.Equal("FF0000", table.Rows[1].Cells[2].Fill);
        Assert.Equal(["outer", "n1\tn2"], table.Rows[3].Cells[0].Lines);
    }

    public static TheoryData<string> OddStructures() => ["empty body", "empty table", "merge continued in the first row", "deep nesting", "only tabs", "header only"];

    [Theory]
    [MemberData(nameof(OddStructures))]
    public void Read_OddStructures_GiveAPlanOrProblemsWithoutThrowing(string structure)
    {
        OpenXmlElement[] body = structure switch
        {
            "empty body" => [],
            "empty table" => [T(R(C(""))), new Table()],
            "merge continued in the first row" => [T(R(C("", merge: VMerge.Continue), C("Actions")), R(C("1."), C("x")))],
            "deep nesting" => [Nest(Nest(T(R(C([P("1. Improve the quality of plans so that they are specific"), T(Row("Lead:", "JA"))])))))],
            "only tabs" => [P("\t\t\n\t"), P("1.\t")],
            _ => [T(Row("Ref", "Actions", "By when", "By whom"))],
        };

        var result = ReadResult(body);

        Assert.NotNull(result.Document);
        Assert.NotEmpty(result.Problems);
    }

    private static Table Nest(Table table) => T(R(C([table])));

    // Hostile files: a clear problem naming the file, never an exception.

    [Fact]
    public void Read_NotAZip_SaysSoNamingTheFile()
    {
        var result = WordPlanReader.Read(new MemoryStream(Encoding.UTF8.GetBytes("This is a text file, not a Word document.")), "plan.docx");

        Assert.Null(result.Document);
        Assert.Equal(["'plan.docx' could not be read: it is not a Word document (a .docx file is a zip package, and this file is not one)"], result.Problems);
        output.WriteLine(result.Problems[0]);
    }

    [Fact]
    public void Read_EmptyFile_SaysSoNamingTheFile()
    {
        var result = WordPlanReader.Read(new MemoryStream(), "empty.docx");

        Assert.Null(result.Document);
        Assert.Equal(["'empty.docx' is empty; it is not a Word document"], result.Problems);
    }

    [Fact]
    public void Read_ZipWithoutTheMainDocument_SaysSoNamingTheFile()
    {
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open());
            writer.Write("""<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>""");
        }

        stream.Position = 0;
        var result = WordPlanReader.Read(stream, "broken.docx");

        Assert.Null(result.Document);
        Assert.Contains("'broken.docx'", Assert.Single(result.Problems), StringComparison.Ordinal);
        output.WriteLine(result.Problems[0]);
    }

    private static OpenXmlElement[] Introduction() =>
    [
        P("Riverside Improvement Plan 2019-20", "Title"),
        P("Introduction", "Heading1"),
        P("Riverside Borough Council was inspected under the inspection of local authority children's services (ILACS) from 3 to 14 June 2019. The report published on 20 July gave these judgements:"),
        T(
            Row("Overall effectiveness", "Requires improvement to be good"),
            Row("The experiences and progress of children who need help and protection", "Inadequate"),
            Row("Adoption performance", "Not judged")),
        P("Key leads", "Heading2"),
        T(Row("Role", "Name"), Row("Director of Children's Services", "Jane Adams (JA)"), Row("Head of Safeguarding", "Omar Baker (OB)"), Row("Service Manager", "CD")),
    ];

    /// <summary>A numbered area heading, a lead, and its tables.</summary>
    private static OpenXmlElement[] Area(string number, string title, params OpenXmlElement[] tables) =>
        [P($"{number}. {title}", bold: true), T(Row("Lead:", "JA")), .. tables];

    private static Table ActionsTable(params TableRow[] rows) =>
        T([Row("Ref", "Actions", "By when", "By whom"), .. rows]);

    private static PlanDocument Read(OpenXmlElement[] first, params OpenXmlElement[] rest)
    {
        var result = ReadResult([.. first, .. rest]);
        return result.Document!;
    }

    private static WordReadResult ReadResult(params OpenXmlElement[] body)
    {
        using var docx = Build(body);
        return WordPlanReader.Read(docx, "test.docx");
    }

    private static PlanDocument ReadSample(string name)
    {
        using var stream = File.OpenRead(SharedData.Path("samples", name));
        var result = WordPlanReader.Read(stream, name);
        Assert.NotNull(result.Document);
        return result.Document;
    }

    /// <summary>Writes the plan as interchange JSON and runs the project's scorer on it; fails below 0.98 or with invented areas.</summary>
    private void AssertScore(string sample, string gold) => AssertScore(ReadSample(sample), SharedData.Path("tools", gold), minimum: "0.98");

    /// <summary>Scores a plan against gold lines written in the test, which must all be met.</summary>
    private void AssertScore(PlanDocument plan, string goldLines)
    {
        var gold = Path.Combine(Path.GetTempPath(), $"trellis-word-{Guid.NewGuid():N}.gold.txt");
        try
        {
            File.WriteAllText(gold, goldLines);
            AssertScore(plan, gold, minimum: "1.0");
        }
        finally
        {
            File.Delete(gold);
        }
    }

    private void AssertScore(PlanDocument plan, string gold, string minimum)
    {
        var file = Path.Combine(Path.GetTempPath(), $"trellis-word-{Guid.NewGuid():N}.plan.json");
        try
        {
            File.WriteAllText(file, JsonSerializer.Serialize(plan, Json));
            var (exitCode, text) = RunScorer(gold, file, minimum);
            output.WriteLine(text);
            Assert.True(exitCode == 0, $"score_import.py failed (exit {exitCode}):\n{text}");
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static (int ExitCode, string Output) RunScorer(string gold, string plan, string minimum)
    {
        var start = new ProcessStartInfo("python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { SharedData.Path("tools", "score_import.py"), gold, plan, "--min", minimum })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr);
    }
}
