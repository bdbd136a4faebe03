using Trellis.Core.Indicators;
using Trellis.Core.Plans;
using Trellis.Core.Reports;

namespace Trellis.Core.Tests.Reports;

/// <summary>A small report with one of everything a layout shows, including text that looks like markup.</summary>
internal static class SampleReport
{
    public const string Hostile = "<script>alert('x')</script> & \"quotes\"";

    private static readonly ReportRating[] Progress =
    [
        new("R", "Red", "Significant delay that warrants attention", RagColour.Red, false),
        new("A", "Amber", "Some delay or some risk to action being completed on time", RagColour.Amber, false),
        new("G", "Green", "Action completed or no risks to action being completed on time", RagColour.Green, false),
        new("B", "Blue", "Completed", RagColour.Blue, true),
    ];

    private static readonly ReportRating[] Impact =
    [
        new("R", "Red", "No evidence of impact when expected", RagColour.Red, false),
        new("A", "Amber", "Some evidence of impact or mixed picture", RagColour.Amber, false),
        new("G", "Green", "Action plan is having the anticipated impact", RagColour.Green, false),
    ];

    public static BoardReport Create(bool withExceptions = true)
    {
        var rollUp = new RollUp(3, 3, withExceptions ? 1 : 0,
            [new("R", "Red", withExceptions ? 1 : 0, withExceptions ? 33 : 0), new("A", "Amber", 1, 33), new("G", "Green", withExceptions ? 1 : 2, withExceptions ? 34 : 67)],
            [new("InProgress", "In progress", 2, 67), new("Complete", "Complete", 1, 33)]);
        return new BoardReport
        {
            CouncilName = "Castlebridge Borough Council",
            PlanTitle = "Children's Services Improvement Plan 2026-27",
            PlanPeriodStart = new DateOnly(2026, 4, 1),
            PlanPeriodEnd = new DateOnly(2027, 3, 31),
            Round = new ReportRound("2026/27 Q2", new DateOnly(2026, 7, 1), new DateOnly(2026, 9, 30), new DateOnly(2026, 10, 20), true),
            PreviousRoundName = "2026/27 Q1",
            Inspection = new ReportInspection("ILACS", new DateOnly(2026, 1, 12), new DateOnly(2026, 1, 23), new DateOnly(2026, 2, 27),
            [
                new("Overall effectiveness", "Requires improvement to be good"),
                new("The experiences and progress of children who need help and protection", "Inadequate"),
            ]),
            Governance = ["Improvement Board, monthly"],
            ProgressScale = Progress,
            ImpactScale = Impact,
            KeyLeads = [new("Director of Children's Services", "Alex Morgan", "AM"), new("Head of Safeguarding", "Priya Shah", "PS")],
            Themes = [new("A", "A. Early help and protection", rollUp)],
            Areas =
            [
                new ReportArea
                {
                    Number = "1",
                    Title = "Improve the timeliness of contacts at the front door",
                    ThemeKey = "A",
                    Leads = ["Priya Shah"],
                    SeniorLeads = ["Alex Morgan"],
                    LinkedPlans = ["Children and Young People's Plan"],
                    Partners = ["Police", "Health"],
                    Outcomes = ["Children get the right help at the right time"],
                    MeasuresOfSuccess = ["90% of contacts decided within 24 hours"],
                    Actions =
                    [
                        new ReportAction
                        {
                            Ref = "1.1", Text = "Recruit four MASH social workers " + Hostile, DueText = "31 st March 2026", DueDate = new DateOnly(2026, 3, 31),
                            Owners = ["Priya Shah"], Status = ActionStatus.InProgress, RagCode = withExceptions ? "R" : "G", SuggestedRagCode = "A",
                            RagReason = "Recruitment has stalled", UpdateNote = "Two of four posts filled", IsOverdue = withExceptions, Changed = withExceptions,
                        },
                        new ReportAction
                        {
                            Ref = "1.2", Text = "Audit contact decisions monthly", DueText = "Ongoing", Owners = ["JH"], Status = ActionStatus.InProgress, RagCode = "A", SuggestedRagCode = "A",
                        },
                        new ReportAction
                        {
                            Ref = "1.3", Text = "Publish the threshold document", DueText = "June 2026", DueDate = new DateOnly(2026, 6, 30), Owners = ["Alex Morgan"],
                            Status = ActionStatus.Complete, RagCode = "G",
                        },
                    ],
                    ProgressRag = "A",
                    ImpactRag = withExceptions ? "R" : "A",
                    Commentary = "Timeliness is **improving** but _not yet_ at target.\n\n- 87% in September\n- " + Hostile,
                    FurtherActions = "1. Review duty rota\n2. Report to the Board in December",
                    IndicatorKeys = ["k1", "k2"],
                    RollUp = rollUp,
                },
            ],
            Indicators =
            [
                new ReportIndicator
                {
                    Key = "k1", Name = "Contacts decided within 24 hours", Unit = IndicatorUnit.Percent, Polarity = Polarity.HigherIsBetter, TargetText = "90%",
                    Values = [new("2026-07", "81%", 81), new("2026-08", "84%", 84), new("2026-09", "87%", 87)],
                    Comparators = [new("England", "2025/26", "80%", 80)],
                    Rag = RagColour.Amber, Assessment = "3 points below the 90% target; up from 84% last period", AreaNumbers = ["1"],
                },
                new ReportIndicator
                {
                    Key = "k2", Name = "Re-referrals within 12 months", Unit = IndicatorUnit.Percent, Polarity = Polarity.LowerIsBetter, TargetText = "No higher than 15%",
                    Values = [new("2026-07", "19%", 19), new("2026-08", "18%", 18), new("2026-09", "TBC", null)],
                    Rag = null, AreaNumbers = ["1"],
                },
                new ReportIndicator
                {
                    Key = "k3", Name = "Contacts", Unit = IndicatorUnit.Count, Polarity = Polarity.None,
                    Values = [new("2026/27 Q1", "1,383", 1383), new("2026/27 Q2", "1,402", 1402)],
                    AreaNumbers = [],
                },
            ],
            PlanRollUp = rollUp,
            Changes = withExceptions
                ? [
                    new ReportChange(ChangeKind.RagDown, "1", "1.1", "Recruit four MASH social workers", "Amber", "Red", "Amber to Red"),
                    new ReportChange(ChangeKind.AreaImpactDown, "1", null, null, "Amber", "Red", "Impact Amber to Red"),
                ]
                : [],
            Narratives = [new("1. Purpose and summary of the report", "This report updates members on **safeguarding**.\n\n- Contacts are faster\n- " + Hostile)],
            ImprovementLog = [new("New business process for the MASH introduced", "Address issues from the focused visit", "Go live Jan 2026")],
            SelfAssessment = [new("Management oversight", "Monthly audits " + Hostile, "Plans are clearer")],
        };
    }
}
