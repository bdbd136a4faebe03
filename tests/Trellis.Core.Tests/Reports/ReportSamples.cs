using System.Globalization;
using Trellis.Core.Indicators;
using Trellis.Core.Plans;
using Trellis.Core.Reports;

namespace Trellis.Core.Tests.Reports;

/// <summary>
/// Board reports built in code, in the seed plans' own words (Lewisham's post-Ofsted plan, the City of
/// London legend with Blue, the select committee's six-monthly report), shared by every renderer's tests.
/// </summary>
public static class ReportSamples
{
    public static readonly DateOnly AsAt = new(2016, 7, 15);

    public static IReadOnlyList<ReportRating> ProgressScale { get; } =
    [
        new("R", "Red", "Significant delay that warrants attention", RagColour.Red, false),
        new("A", "Amber", "Some delay or some risk to action being completed on time", RagColour.Amber, false),
        new("G", "Green", "Action Completed or no risks to action being completed on time", RagColour.Green, false),
        new("B", "Blue", "Action is completed and no further action is required", RagColour.Blue, true),
    ];

    public static IReadOnlyList<ReportRating> ImpactScale { get; } =
    [
        new("R", "Red", "No evidence of impact when expected", RagColour.Red, false),
        new("A", "Amber", "Some evidence of impact or mixed picture", RagColour.Amber, false),
        new("G", "Green", "Action Plan is having the anticipated impact", RagColour.Green, false),
    ];

    /// <summary>A realistic Lewisham-style report for the first quarter's monitoring round.</summary>
    public static BoardReport Lewisham()
    {
        var areas = new List<ReportArea>
        {
            new()
            {
                Number = "1",
                Title = "Review processes within the duty team to ensure that systems to manage contacts and referrals, including domestic abuse notifications, are secure and enable social workers and other professionals to keep children and young people safe and protected, in a timely manner.",
                ThemeKey = "A",
                Leads = ["Paul King, Service Manager Referral and Assessment"],
                SeniorLeads = ["Stephen Kitchman"],
                LinkedPlans = ["SS1 CYPP 2015-18", "CSC Business plan 2016-17"],
                Partners = ["Police", "Community safety", "Lewisham and Greenwich NHS Trust", "Housing Services", "Community Rehabilitation Company", "Adult Services"],
                Outcomes =
                [
                    "Clear processes in place from initial referral to CSC to transition to longer term social work team or early help engagement.",
                    "Multi-agency triage in place in line with best practice, with associated performance framework in place",
                    "All service activity within referral and assessment will be completed within 45 working days.",
                ],
                MeasuresOfSuccess =
                [
                    "Multi Agency safeguarding Hub (MASH) in place with required partnership engagement; associated performance indicators evidence targets met",
                    "Performance framework evidences impact regarding, timeliness and safeguarding activity",
                    "Audit activity indicates required processes adhered to and undertaken in a timely manner",
                ],
                Actions =
                [
                    Action("1.", "Develop project plan for review of Referral and Assessment service", "31 st March 2016", new(2016, 3, 31), ["Paul King"], ActionStatus.Complete, "B", note: "Project plan signed off by DMT in March."),
                    Action("2.", "Complete review of Referral and Assessment service to include capacity and response of the Emergency Duty Team", "30 th June 2016", new(2016, 6, 30), ["Paul King"], ActionStatus.InProgress, "R", overdue: true, changed: true, note: "Review delayed by two vacancies in the team; report now due to DMT in August."),
                    Action("3.", "Implement revised Referral and Assessment Service arrangements", "30 th Sep 2016", new(2016, 9, 30), ["Paul King"], ActionStatus.InProgress, "A", suggested: "R", reason: "Depends on the review in 2., which is late; the lead expects to recover the time by September."),
                    Action("3.", "Implement MASH (Multi-agency safeguarding Hub) development plan", "30 th Sep 2016", new(2016, 9, 30), ["SK/JS"], ActionStatus.InProgress, "G"),
                    Action("4.", "Introduce performance scorecard for Referral and Assessment and MASH", "tbc with IT provider", null, ["PA", "DD"], ActionStatus.NotStarted, "A", changed: true, note: "Scorecard specification agreed; build date depends on the IT provider."),
                    Action("5.", "Include Referral and Assessment Service in thematic audit arrangements with particular focus on thresholds for service and response", "31 st March 2016", new(2016, 3, 31), ["Eileen Collier"], ActionStatus.Complete, "G"),
                ],
                ProgressRag = "A",
                ImpactRag = "A",
                Commentary = "Contacts into the MASH rose by **11%** this quarter.\n\n- 76% of assessments completed within 45 working days (target 90%)\n- Re-referrals at 22%, within the **20-25%** target range\n\nThe _new_ triage process went live in May.",
                FurtherActions = "1. Recruit to the two vacant social worker posts\n2. Report the completed review to DMT in August",
                IndicatorKeys = ["assess45", "rereferral"],
                RollUp = Roll(6, 1),
            },
            new()
            {
                Number = "2",
                Title = "Ensure that a revised early help strategy is implemented so that early help is effectively targeted, coordinated and evaluated so that families receive appropriate support when need is first identified.",
                ThemeKey = "A",
                Leads = ["Stephen Kitchman", "Nathan Pritchard"],
                SeniorLeads = ["Sara Williams"],
                LinkedPlans = ["BR2 CYPP 2015-18", "LSCB Business plan"],
                Partners = ["Schools", "Health visiting", "Voluntary and community sector"],
                Outcomes = ["Families receive appropriate support when need is first identified."],
                MeasuresOfSuccess = ["Suite of performance indicators in place in new Early Help Strategy with clear targets and evidence that targets are met"],
                Actions =
                [
                    Action("2.1", "Consult on and publish the revised Early Help Strategy", "February 2016", new(2016, 2, 29), ["NP"], ActionStatus.Complete, "B"),
                    Action("2.2", "Commission early help services in line with the strategy", "30th Sep 16", new(2016, 9, 30), ["JS"], ActionStatus.InProgress, "G"),
                    Action("2.3", "Train partners in the early help assessment", "Ongoing", null, ["JS", "Early Help Commissioner"], ActionStatus.InProgress, "G"),
                    Action("2.4", "Evaluate the impact of early help on step-up to CSC", "Q3 & 4 2016/17", new(2017, 3, 31), ["SK/JS"], ActionStatus.NotStarted, null),
                ],
                ProgressRag = "G",
                ImpactRag = "G",
                Commentary = "The strategy was published in February and **all** commissioned services are live.",
                FurtherActions = "None this quarter.",
                IndicatorKeys = [],
                RollUp = Roll(4, 0),
            },
            new()
            {
                Number = "3",
                Title = "Ensure that life story work is completed for those children and young people in long-term care who need to know and understand their life histories.",
                ThemeKey = "B",
                Leads = ["Tina Benjamin"],
                SeniorLeads = ["Stephen Kitchman"],
                LinkedPlans = ["CSC Business plan 2016-17"],
                Partners = ["Independent Reviewing Officers", "Foster carers"],
                Outcomes = ["Children in long-term care understand their life histories."],
                MeasuresOfSuccess = ["Life story work completed for every child with a permanence plan"],
                Actions =
                [
                    Action("3.1", "Audit life story work for children in long-term care", "End January 2014", new(2014, 1, 31), ["TB"], ActionStatus.Complete, "B"),
                    Action("3.2", "Train social workers in life story work", "31st April 2016", null, ["TB/JSt/JH"], ActionStatus.InProgress, "A", note: "JH not on the key leads table."),
                    Action("3.3", "IROs to check life story work at each review", "??", null, ["Chair of PSCB"], ActionStatus.NotStarted, "R", changed: true),
                    Action("3.4", "Report progress to Corporate Parenting Board", "TBC", null, ["Children's Social Care Departmental Management Team"], ActionStatus.Dropped, null),
                    Action("3.5", "Publish life story work guidance for carers", "NFA", null, ["BN SW"], ActionStatus.Complete, "G"),
                ],
                ProgressRag = "R",
                ImpactRag = "R",
                Commentary = "Only **12 of 40** children have completed life story work.",
                FurtherActions = "- Escalate to DMT\n- Agree a trajectory with the IRO service",
                IndicatorKeys = ["lac-review"],
                RollUp = Roll(5, 0),
            },
            new()
            {
                Number = "4",
                Title = "Improve governance arrangements so that there is effective oversight, support and challenge of children's services by the Select Committee and the Corporate Parenting Panel.",
                ThemeKey = "B",
                Leads = ["Sara Williams", "Stephen Kitchman"],
                SeniorLeads = ["Barry Quirk"],
                LinkedPlans = [],
                Partners = [],
                Outcomes = ["Members drive and monitor service improvement."],
                MeasuresOfSuccess = ["Select Committee work programme includes quarterly performance reports"],
                Actions =
                [
                    Action("4.1", "Agree a forward plan of reports with the Select Committee chair", "31 st March 2016", new(2016, 3, 31), ["SW"], ActionStatus.Complete, "B"),
                    Action("4.2", "Member training on the performance scorecard", "30th Sep 16", new(2016, 9, 30), ["PA"], ActionStatus.InProgress, "G"),
                    Action("4.3", "Corporate Parenting Panel to hear from children in care council", "December 2016", new(2016, 12, 31), ["TB"], ActionStatus.InProgress, "G"),
                    Action("4.4", "Annual review of governance arrangements", "31 st March 2017", new(2017, 3, 31), ["BN/sw"], ActionStatus.NotStarted, "G"),
                ],
                ProgressRag = "G",
                ImpactRag = "A",
                Commentary = "Members received the first quarterly scorecard in June.",
                FurtherActions = null,
                IndicatorKeys = [],
                RollUp = Roll(4, 0),
            },
        };

        return new BoardReport
        {
            CouncilName = "London Borough of Lewisham",
            PlanTitle = "Early Help, Protection and Looked After Children: Post-Ofsted Inspection Improvement Plan",
            PlanPeriodStart = new(2016, 2, 1),
            PlanPeriodEnd = new(2017, 3, 31),
            Round = new ReportRound("Quarter 1 2016/17", new(2016, 4, 1), new(2016, 6, 30), AsAt, true),
            PreviousRoundName = "Quarter 4 2015/16",
            Inspection = new ReportInspection("Single Inspection Framework (SIF)", new(2015, 10, 26), new(2015, 11, 20), new(2016, 1, 19),
            [
                new("Overall Effectiveness", "Requires Improvement"),
                new("Children who need help and protection", "Requires Improvement"),
                new("Children looked after and achieving permanence", "Good"),
                new("Adoption performance", "Good"),
                new("Leadership, management and governance", "Requires Improvement"),
            ]),
            Governance = ["Children and Young People's Strategic Partnership", "Children and Young People Select Committee"],
            ProgressScale = ProgressScale,
            ImpactScale = ImpactScale,
            KeyLeads =
            [
                new("Chief Executive", "Barry Quirk", "BQ"),
                new("Executive Director for Children and Young People", "Sara Williams", "SW"),
                new("Director of Children's Social Care", "Stephen Kitchman", "SK"),
                new("Service Manager Referral and Assessment", "Paul King", "PK"),
                new("Human Resources Business Partner", "Jackie Stirling", "JSt"),
                new("Early Help Commissioner", "Jonathan Stevens", "JS"),
            ],
            Themes =
            [
                new("A", "A. Early Help and Protection", Roll(10, 1)),
                new("B", "B. Children Looked After and Achieving Permanence", Roll(9, 0)),
            ],
            Areas = areas,
            Indicators =
            [
                new()
                {
                    Key = "assess45",
                    Name = "Assessments completed within 45 working days",
                    Unit = IndicatorUnit.Percent,
                    Polarity = Polarity.HigherIsBetter,
                    TargetText = "90%",
                    TargetMin = 90m,
                    Values = Values(("Jan 16", 71m), ("Feb 16", 74m), ("Mar 16", 73m), ("Apr 16", 75m), ("May 16", 76m)),
                    TargetSpans = [new(new(2016, 1, 1), new(2016, 5, 1), 90m, null, "90%")],
                    Comparators =
                    [
                        new("Statistical neighbours", "2014/15", "83%", 83m) { Start = new(2014, 4, 1) },
                        new("England", "Apr 16", "80%", 80m) { Start = new(2016, 4, 1) },
                        new("England", "May 16", "81%", 81m) { Start = new(2016, 5, 1) },
                    ],
                    Rag = RagColour.Red,
                    Assessment = "14 points below the 90% target; better than last month",
                    AreaNumbers = ["1"],
                },
                new()
                {
                    Key = "rereferral",
                    Name = "Re-referrals within 12 months",
                    Unit = IndicatorUnit.Percent,
                    Polarity = Polarity.InRange,
                    TargetText = "20-25%",
                    TargetMin = 20m,
                    TargetMax = 25m,
                    Values = Values(("Jan 16", 27m), ("Feb 16", 25m), ("Mar 16", 24m), ("Apr 16", 23m), ("May 16", 22m)),
                    Rag = RagColour.Green,
                    Assessment = "Within the 20-25% target range",
                    AreaNumbers = ["1"],
                },
                new()
                {
                    Key = "lac-review",
                    Name = "Children looked after with three or more placements in the year",
                    Unit = IndicatorUnit.Percent,
                    Polarity = Polarity.LowerIsBetter,
                    TargetText = "No more than 16%",
                    Values = [new("Jan 16", "15%", 15m), new("Feb 16", "16%", 16m), new("Mar 16", "TBC", null), new("Apr 16", "17%", 17m), new("May 16", "18%", 18m)],
                    Rag = RagColour.Amber,
                    Assessment = "2 points above the target; worse than last month",
                    AreaNumbers = ["3"],
                },
            ],
            PlanRollUp = Roll(19, 1),
            Changes =
            [
                new(ChangeKind.NewlyOverdue, "1", "2.", "Complete review of Referral and Assessment service to include capacity and response of the Emergency Duty Team", "Amber", "Red", "due 30 June 2016, now overdue"),
                new(ChangeKind.RagDown, "1", "4.", "Introduce performance scorecard for Referral and Assessment and MASH", "Green", "Amber", "Green to Amber"),
                new(ChangeKind.RagDown, "3", "3.3", "IROs to check life story work at each review", "Amber", "Red", "Amber to Red"),
                new(ChangeKind.AreaProgressDown, "3", null, null, "Amber", "Red", "Area progress Amber to Red"),
            ],
            Narratives =
            [
                new("Purpose and Summary of the Report", "This report provides a summary of progress against the post-Ofsted improvement plan between **April and June 2016**."),
                new("Recommendations", "Members are asked to:\n\n1. Note the progress made\n2. Comment on the areas rated red"),
                new("Policy and Legislative Context", "- The Children Acts of 1989 and 2004\n- Working Together to Safeguard Children 2015"),
            ],
            ImprovementLog =
            [
                new("New business process for the MASH introduced.", "Address issues identified in self-assessment & Ofsted focused visit", "Go live Jan 2019"),
                new("Adjustments made to the CSC budget agreed by Mayor & Cabinet", "Enable the development of a dedicated Leaving Care Service", "Mar 2019 July 2019"),
                new("Signs of Safety practice framework launched", "Refocus social work on developing helping relationships", "Q3 & 4 2019/20"),
            ],
            SelfAssessment =
            [
                new("Improve our Early Help services providing a targeted preventative local offer.", "Early help strategy refreshed and services recommissioned.", "More families are supported before they reach the front door."),
                new("Ensure MASH delivers timely responses.", "New triage process and MASH development plan.", "Contacts are screened within 24 hours in 94% of cases."),
            ],
        };
    }

    /// <summary>A big plan with generated text, for a report that must render at scale.</summary>
    public static BoardReport Large(int areas, int actionsPerArea)
    {
        var codes = new[] { "R", "A", "G", "B", null };
        var statuses = new[] { ActionStatus.NotStarted, ActionStatus.InProgress, ActionStatus.Complete, ActionStatus.InProgress };
        var list = new List<ReportArea>();
        for (var a = 1; a <= areas; a++)
        {
            var number = a.ToString(CultureInfo.InvariantCulture);
            var actions = new List<ReportAction>();
            for (var i = 1; i <= actionsPerArea; i++)
            {
                var code = codes[(a + i) % codes.Length];
                actions.Add(Action(
                    $"{a}.{i}",
                    $"Action {a}.{i}: strengthen practice in the service so that children are seen and plans are reviewed on time",
                    $"{(i % 28) + 1} March 2017",
                    new(2017, 3, (i % 28) + 1),
                    [i % 2 == 0 ? "SK/JS" : "Paul King"],
                    statuses[i % statuses.Length],
                    code,
                    overdue: code == "R",
                    changed: i % 7 == 0,
                    note: i % 3 == 0 ? $"Update for action {a}.{i}: on track after the team restructure." : null));
            }

            list.Add(new ReportArea
            {
                Number = number,
                Title = $"Area for improvement {number}: improve the quality and timeliness of work with children and families",
                ThemeKey = a <= areas / 2 ? "A" : "B",
                Leads = ["Paul King"],
                SeniorLeads = ["Stephen Kitchman"],
                LinkedPlans = ["CSC Business plan 2016-17"],
                Partners = ["Police", "Health"],
                Outcomes = ["Children receive a timely, good quality service."],
                MeasuresOfSuccess = ["Audits show good practice in most cases"],
                Actions = actions,
                ProgressRag = codes[a % 4],
                ImpactRag = codes[a % 3],
                Commentary = "Progress this quarter:\n\n- **Most** actions on track\n- Some delay in recruitment",
                FurtherActions = "1. Keep going",
                IndicatorKeys = ["assess45"],
                RollUp = Roll(actionsPerArea, 0),
            });
        }

        return Lewisham() with
        {
            Areas = list,
            PlanRollUp = Roll(areas * actionsPerArea, 0),
        };
    }

    private static ReportAction Action(
        string reference,
        string text,
        string due,
        DateOnly? dueDate,
        IReadOnlyList<string> owners,
        ActionStatus? status,
        string? rag,
        bool overdue = false,
        bool changed = false,
        string? note = null,
        string? suggested = null,
        string? reason = null) => new()
        {
            Ref = reference,
            Text = text,
            DueText = due,
            DueDate = dueDate,
            Owners = owners,
            Status = status,
            RagCode = rag,
            SuggestedRagCode = suggested ?? rag,
            RagReason = reason,
            UpdateNote = note,
            IsOverdue = overdue,
            Changed = changed,
        };

    /// <summary>Monthly values from January 2016, each with its period's first day.</summary>
    private static ReportValue[] Values(params (string Period, decimal Value)[] values) =>
        [.. values.Select((v, i) => new ReportValue(v.Period, v.Value.ToString(CultureInfo.InvariantCulture) + "%", v.Value) { Start = new DateOnly(2016, 1, 1).AddMonths(i) })];

    /// <summary>A plausible roll-up; the renderers print it, they never check the arithmetic.</summary>
    private static RollUp Roll(int total, int overdue)
    {
        var red = Math.Max(overdue, total / 6);
        var amber = total / 4;
        var blue = total / 5;
        var green = total - red - amber - blue;
        int P(int n) => total == 0 ? 0 : (int)Math.Round(100m * n / total);
        var byRag = new List<RollUpCount>
        {
            new("R", "Red", red, P(red)),
            new("A", "Amber", amber, P(amber)),
            new("G", "Green", green, 0),
            new("B", "Blue", blue, P(blue)),
        };
        byRag[2] = byRag[2] with { Percent = total == 0 ? 0 : 100 - P(red) - P(amber) - P(blue) };
        var done = blue;
        var byStatus = new List<RollUpCount>
        {
            new(nameof(ActionStatus.NotStarted), "Not started", total - done - (total / 2), 0),
            new(nameof(ActionStatus.InProgress), "In progress", total / 2, P(total / 2)),
            new(nameof(ActionStatus.Complete), "Complete", done, P(done)),
        };
        byStatus[0] = byStatus[0] with { Percent = total == 0 ? 0 : 100 - P(total / 2) - P(done) };
        return new RollUp(total, total, overdue, byRag, byStatus);
    }
}
