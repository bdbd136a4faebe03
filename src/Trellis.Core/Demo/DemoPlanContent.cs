using Trellis.Core.Plans;

namespace Trellis.Core.Demo;

/// <summary>
/// The demo council and its plan. Castlebridge is invented, and so is everyone in it: the names, the
/// recommendations and the commentary are written for the demo, in the way councils write their plans.
/// </summary>
internal static class DemoPlanContent
{
    public const string OrganisationName = "Castlebridge Borough Council";

    public const string InspectionFramework = "Inspection of local authority children's services (ILACS)";

    public static readonly IReadOnlyList<string> Governance =
    [
        "Children's Improvement Board",
        "Children and Young People Select Committee",
        "Castlebridge Safeguarding Children Partnership",
        "Corporate Parenting Board",
    ];

    public static readonly IReadOnlyList<JudgementSeed> Judgements =
    [
        new("Overall effectiveness", Grade.RequiresImprovement, "Requires improvement to be good"),
        new("The impact of leaders on social work practice with children and families", Grade.RequiresImprovement),
        new("The experiences and progress of children who need help and protection", Grade.RequiresImprovement),
        new("The experiences and progress of children in care", Grade.Good),
        new("The experiences and progress of care leavers", Grade.RequiresImprovement),
    ];

    public static readonly IReadOnlyList<RatingSeed> Ratings =
    [
        new(RagScale.Progress, "R", "Red", "Off track: the action has slipped or is stuck and needs the Board's help to move", RagColour.Red),
        new(RagScale.Progress, "A", "Amber", "At risk: some slippage, or a risk to the date that the lead is managing", RagColour.Amber),
        new(RagScale.Progress, "G", "Green", "On track to be delivered by the target date", RagColour.Green),
        new(RagScale.Progress, "B", "Blue", "Done: delivered and signed off by the senior lead", RagColour.Blue, IsComplete: true),
        new(RagScale.Impact, "R", "Red", "No difference yet for children where we expected to see one", RagColour.Red),
        new(RagScale.Impact, "A", "Amber", "Early signs of difference, or a mixed picture across teams", RagColour.Amber),
        new(RagScale.Impact, "G", "Green", "Audits, data and what children tell us show that practice has improved", RagColour.Green),
    ];

    /// <summary>The key-leads table, in the plan's order. JS and JSt are two different people.</summary>
    public static readonly IReadOnlyList<PersonSeed> People =
    [
        new("MH", "Marian Holloway", "Chief Executive"),
        new("RA", "Rebecca Adeyemi", "Director of Children's Services"),
        new("TB", "Tom Brannigan", "Assistant Director, Children's Social Care"),
        new("SK", "Sunita Kaur", "Assistant Director, Early Help and Prevention"),
        new("BN", "Bethan Nicholls", "Head of Service, Quality Assurance and Safeguarding"),
        new("SW", "Simon Whitcombe", "Head of Service, Children in Care and Care Leavers"),
        new("PL", "Priya Lakhani", "Service Manager, Front Door and MASH"),
        new("GO", "Gareth Owusu", "Service Manager, Assessment and Family Support"),
        new("HF", "Helen Fairbrother", "Service Manager, Child Protection Chairs and IROs"),
        new("CD", "Callum Doyle", "Service Manager, Leaving Care"),
        new("AR", "Aisha Rahman", "Principal Social Worker"),
        new("JS", "Joanne Salter", "Early Help Commissioning Manager"),
        new("JSt", "Jamal Stewart", "HR Business Partner, Children's Services"),
        new("KM", "Kieran Mallon", "Head of Performance and Business Intelligence"),
        new("OT", "Oliver Thorne", "Head of Digital Services"),
        new("LP", "Lucy Pemberton", "Safeguarding Partnership Business Manager"),
        new("ME", "Mark Ellery", "Detective Chief Inspector, Public Protection", "Castlebridge Police"),
        new("NE", "Nadia Evans", "Designated Nurse for Safeguarding Children", "NHS Castlebridge and Westmoor Integrated Care Board"),
    ];

    /// <summary>The demo council's accounts, one per role. The reader is an elected member, who is not in the key-leads table.</summary>
    public static readonly IReadOnlyList<AccountSeed> Accounts =
    [
        new("RA", "Rebecca Adeyemi", "rebecca.adeyemi@castlebridge.example", Core.Accounts.PlanRole.Administrator),
        new("BN", "Bethan Nicholls", "bethan.nicholls@castlebridge.example", Core.Accounts.PlanRole.PlanManager),
        new("PL", "Priya Lakhani", "priya.lakhani@castlebridge.example", Core.Accounts.PlanRole.Contributor),
        new(null, "Councillor Hannah Osei", "cllr.hannah.osei@castlebridge.example", Core.Accounts.PlanRole.Reader),
        new("ME", "Mark Ellery", "mark.ellery@castlebridge-police.example", Core.Accounts.PlanRole.Partner),
    ];

    public static readonly IReadOnlyList<ThemeSeed> Themes =
    [
        new("A", "Help and protection"),
        new("B", "Children in care and care leavers"),
        new("C", "Leadership, management and workforce"),
    ];

    public static string PlanTitle(DemoCalendar calendar) =>
        $"Children's Services Improvement Plan {calendar.PlanStart.Year}-{calendar.PlanEnd.Year}";

    public static IReadOnlyList<AreaSeed> Areas(DemoCalendar calendar)
    {
        var servicePlan = $"Children's Social Care Service Plan {calendar.FinancialYear()}";
        const string PartnershipPlan = "Safeguarding Partnership Business Plan";
        const string Police = "Castlebridge Police";
        const string Health = "NHS Castlebridge and Westmoor Integrated Care Board";

        return
        [
            new AreaSeed
            {
                Number = "1",
                Theme = "A",
                Title = "Make sure that every contact at the front door gets a timely decision from a qualified manager, and that the reasons for "
                    + "the decision are written on the child's record, including when police send a domestic abuse notification.",
                Source = SourceKind.InspectionRecommendation,
                SourceReference = "Ofsted recommendation 1",
                Leads = ["Priya Lakhani"],
                SeniorLeads = ["Tom Brannigan"],
                LinkedPlans = [servicePlan, PartnershipPlan],
                Partners = [Police, Health, "Schools and colleges", "Castlebridge Domestic Abuse Service"],
                Objectives =
                [
                    "One front door where a concern about a child is screened once, by the right people, on the day it arrives.",
                    "Thresholds that staff and partners understand and apply in the same way.",
                ],
                Outcomes =
                [
                    "Children get the right help first time, without waiting.",
                    "Anyone reading a contact record can see what was decided, by whom and why.",
                ],
                MeasuresOfSuccess =
                [
                    "At least 90% of contacts have a decision within one working day.",
                    "Monthly front door audits find at least 80% of decisions appropriate and well recorded.",
                    "Re-referrals within 12 months sit between 20% and 25%.",
                ],
                Actions =
                [
                    new("1.1", "Map every route by which contacts reach us (phone, online form, email, police notifications) and agree one route into the front door",
                        When.Day(-190), "PL", ActionStatus.Complete, "B"),
                    new("1.2", "Put a qualified team manager on every duty rota so that each contact has a manager's decision within one working day",
                        When.Day(-120, DayStyle.OrdinalShort), "Priya Lakhani", ActionStatus.Complete, "B",
                        "Rota in place since the spring; agency cover used for two weeks over the summer."),
                    new("1.3", "Agree with Castlebridge Police a daily meeting to screen domestic abuse notifications, with health and education present",
                        When.Day(-45), "ME/PL", ActionStatus.InProgress, "R",
                        "Police and children's social care meet daily. Health attendance is still patchy; the ICB has been asked to name a deputy."),
                    new("1.3", "Write a short guide for front door staff on recording the reason for each decision",
                        When.Month(-1), "PL", ActionStatus.InProgress, "A",
                        "Draft guide shared with team managers; waiting for comments from the Principal Social Worker."),
                    new("1.4", "Audit a sample of front door decisions every month and report what we find to the Children's Improvement Board",
                        When.Text("Ongoing"), "BN", ActionStatus.InProgress, "G"),
                    new("1.5", "Refresh the partnership's threshold guidance and brief schools, GPs and police officers on it",
                        When.Day(21), "LP", ActionStatus.InProgress, "G"),
                ],
                Earlier = new("A", "R",
                    "The manager rota is in place and most contacts now have a decision on the day. Audits still find that the reasons for "
                    + "decisions are thin, especially for domestic abuse notifications.",
                    "Front door guide on recording decisions to be written. Ask health partners to commit to the daily screening meeting."),
                Latest = new("A", "A",
                    "Timeliness has improved month on month and the audit grades are better, though not yet where we want them. The daily "
                    + "screening meeting runs without health on around one day in three.",
                    "Escalate health attendance to the Safeguarding Partnership executive. Finish the recording guide this month."),
            },
            new AreaSeed
            {
                Number = "2",
                Theme = "A",
                Title = "Improve the quality of assessments and child in need plans, so that each plan says clearly what needs to change for "
                    + "the child, who will do what, and by when.",
                Source = SourceKind.InspectionRecommendation,
                SourceReference = "Ofsted recommendation 2",
                Leads = ["Gareth Owusu"],
                SeniorLeads = ["Tom Brannigan"],
                LinkedPlans = [servicePlan, "Practice Framework implementation plan"],
                Partners = ["Schools and colleges", "Health visiting and school nursing", "Early help partners"],
                Objectives =
                [
                    "Assessments that analyse what life is like for the child, rather than only describing it.",
                    "Plans that families understand and have helped to write.",
                ],
                Outcomes =
                [
                    "Children in need have plans that bring about change in a reasonable time.",
                    "Fewer children move back and forth between child in need and child protection plans.",
                ],
                MeasuresOfSuccess =
                [
                    "85% or more of single assessments completed within 45 working days.",
                    "At least 70% of audited plans graded good or better.",
                    "Families tell us they understood their plan and what was expected of them.",
                ],
                Actions =
                [
                    new("2.1", "Introduce a new assessment template that starts with the child's daily life and puts the analysis first",
                        When.Day(-150, DayStyle.OrdinalShort), "GO/AR", ActionStatus.Complete, "B"),
                    new("2.2", "Train all social workers and team managers to write clear, measurable plans with families",
                        When.EndOf(-3), "Aisha Rahman", ActionStatus.Complete, "B",
                        "92 of 104 staff trained; catch-up sessions booked for new starters."),
                    new("2.3", "Introduce a manager's check at 20 working days on every open assessment",
                        When.Day(-12), "GO", ActionStatus.InProgress, "A",
                        "Check built into supervision; the case recording prompt is waiting on the system change in 8.3."),
                    new("2.4", "Audit 30 child in need plans each quarter and feed the learning back through practice weeks",
                        When.Quarters("Q3 & 4"), "BN SW", ActionStatus.InProgress, "G"),
                    new("2.5", "Write a version of the child in need plan for children and young people, with their help",
                        When.Month(4), "Aisha Rahman", ActionStatus.NotStarted, null),
                    new("2.6", "Review every child who has had a child in need plan for more than a year and agree next steps",
                        When.Day(9, DayStyle.Ordinal), "GO", ActionStatus.InProgress, "G"),
                ],
                Earlier = new("G", "R",
                    "The new assessment template went live and training is under way. It is too early to see a difference in audits, which "
                    + "still find plans that list services rather than the changes needed.",
                    "Complete the training programme. Start the 20-day manager's check."),
                Latest = new("G", "A",
                    "Training is complete. This quarter's audits graded more plans good than last quarter, and assessment timeliness is "
                    + "recovering after the summer dip.",
                    "Review the children who have had child in need plans for over a year. Ask families about their plans in the next audit."),
            },
            new AreaSeed
            {
                Number = "3",
                Theme = "A",
                Title = "Make sure that strategy discussions always include police, health and, where relevant, education, and that decisions "
                    + "about child protection conferences are made and recorded without delay.",
                Source = SourceKind.InspectionRecommendation,
                SourceReference = "Ofsted recommendation 3",
                Leads = ["Helen Fairbrother", "Mark Ellery"],
                SeniorLeads = ["Tom Brannigan", "Chair of the Safeguarding Partnership"],
                LinkedPlans = [PartnershipPlan],
                Partners = [Police, Health, "Castlebridge General Hospital safeguarding team", "Schools and colleges"],
                Objectives =
                [
                    "Strategy discussions that bring together everyone who knows the child, quickly.",
                    "Clear, recorded decisions about whether to hold a child protection conference.",
                ],
                Outcomes =
                [
                    "Children at risk of significant harm are protected sooner.",
                    "Fewer children need a second child protection plan.",
                ],
                MeasuresOfSuccess =
                [
                    "Police and health take part in at least 95% of strategy discussions.",
                    "90% of initial child protection conferences held within 15 working days.",
                    "Children becoming subject to a plan for a second or later time no higher than 20%.",
                ],
                Actions =
                [
                    new("3.1", "Agree a partnership standard for who takes part in strategy discussions and how quickly they are held",
                        When.Day(-170, DayStyle.Ordinal), "Head of Service and Chair of Partnership", ActionStatus.Complete, "B"),
                    new("3.2", "Set up twice-daily online strategy discussion slots so that police and health can join without travelling",
                        When.Day(-100), "ME/HF", ActionStatus.Complete, "B"),
                    new("3.3", "Add attendance at, and timeliness of, strategy discussions to the weekly performance report",
                        When.Text("tbc with IT provider"), "KM/OT", ActionStatus.InProgress, "A",
                        "Report designed; the fields it needs are not yet in the case recording system."),
                    new("3.4", "Hold a multi-agency audit of 20 strategy discussions and report the findings to the Safeguarding Partnership",
                        When.Day(-30), "LP", ActionStatus.NotStarted, "R",
                        "Audit postponed while the partnership recruits a quality assurance officer."),
                    new("3.5", "Look at why children become subject to a second child protection plan and act on what we learn",
                        When.Month(2), "HF", ActionStatus.NotStarted, null),
                ],
                Earlier = new("G", "A",
                    "The partnership standard is agreed and online slots are in use. Police take part in nearly every discussion; health "
                    + "take part in most.",
                    "Plan the multi-agency audit of strategy discussions. Agree with IT how attendance will be recorded."),
                Latest = new("A", "A",
                    "Conference timeliness has improved, but the multi-agency audit has slipped and we cannot yet report attendance from "
                    + "the system, so the Board relies on a manual count.",
                    "Partnership to confirm a date for the audit. Keep the manual count until the system change lands."),
            },
            new AreaSeed
            {
                Number = "4",
                Theme = "A",
                Title = "Strengthen the response to children who go missing or are at risk of exploitation, so that every child is offered a "
                    + "return home interview and what children tell us is used to protect them and to disrupt those who would harm them.",
                Source = SourceKind.InspectionRecommendation,
                SourceReference = "Ofsted recommendation 4",
                Leads = ["Bethan Nicholls"],
                SeniorLeads = ["Sunita Kaur"],
                LinkedPlans = [PartnershipPlan, "Community Safety Partnership Plan"],
                Partners = [Police, "Youth Justice Service", "Community Safety Partnership", "Schools and colleges"],
                Objectives =
                [
                    "Return home interviews offered to every child within 72 hours, by someone the child trusts.",
                    "Intelligence from children, families and partners shared and acted on.",
                ],
                Outcomes =
                [
                    "Children go missing less often and for shorter periods.",
                    "Adults who exploit children are identified and disrupted.",
                ],
                MeasuresOfSuccess =
                [
                    "At least 80% of return home interviews offered within 72 hours.",
                    "Every child missing three or more times in 90 days has a multi-agency plan.",
                    "Disruption activity reported to every exploitation panel.",
                ],
                Actions =
                [
                    new("4.1", "Recommission the return home interview service with a 72-hour standard",
                        When.Day(-200), "SK/JS", ActionStatus.Complete, "B"),
                    new("4.2", "Hold a fortnightly exploitation panel with police, youth justice and schools to share intelligence and plan disruption",
                        When.Day(-130, DayStyle.Numeric), "BN SW", ActionStatus.Complete, "B"),
                    new("4.3", "Map places and people of concern with Castlebridge Police and the Community Safety Partnership",
                        When.Text("??"), "ME", ActionStatus.NotStarted, null,
                        "Needs an information sharing agreement first; date to be set at the next Board."),
                    new("4.4", "Train taxi drivers, hotel staff and shop workers to spot and report signs of exploitation",
                        When.Day(13, DayStyle.OrdinalShort), "Community Safety Partnership", ActionStatus.InProgress, "G"),
                    new("4.5", "Make sure that every child missing three or more times in 90 days has a multi-agency plan",
                        When.Day(-8), "BN/sw", ActionStatus.InProgress, "A",
                        "Plans in place for most of these children; the rest are booked for the next panel."),
                ],
                Earlier = new("G", "A",
                    "The new return home interview service started on time and take-up is rising. The exploitation panel meets every two "
                    + "weeks with good attendance from police and schools.",
                    "Agree how the panel will record disruption activity."),
                Latest = new("A", "G",
                    "More children are accepting return home interviews, and what they tell us now reaches the panel. Mapping with police "
                    + "has not started because the information sharing agreement is still with legal services.",
                    "Sign the information sharing agreement. Close the gap on multi-agency plans for children who go missing often."),
            },
            new AreaSeed
            {
                Number = "5",
                Theme = "B",
                Title = "Make sure that every child in care has a plan for permanence agreed by their second review, and life story work "
                    + "that helps them understand their history.",
                Source = SourceKind.InspectionRecommendation,
                SourceReference = "Ofsted recommendation 5",
                Leads = ["Simon Whitcombe"],
                SeniorLeads = ["Rebecca Adeyemi"],
                LinkedPlans = [servicePlan, "Sufficiency Strategy"],
                Partners = ["Regional adoption agency", "Independent fostering agencies", "Virtual School"],
                Objectives =
                [
                    "A permanence plan for every child by their second review, tracked until it is achieved.",
                    "Life story work that is started early and done with the child, not for them.",
                ],
                Outcomes =
                [
                    "Children know where they will grow up and why.",
                    "Children can tell their own story and understand the decisions made about them.",
                ],
                MeasuresOfSuccess =
                [
                    "95% of children in care have a permanence plan agreed at their second review.",
                    "All children with a plan for long-term fostering have life story work under way.",
                    "Fewer children in care have three or more placements in a year.",
                ],
                Actions =
                [
                    new("5.1", "Track the permanence plan of every child in care at a monthly permanence panel",
                        When.Day(-180, DayStyle.Ordinal), "SW", ActionStatus.Complete, "B"),
                    new("5.2", "Give independent reviewing officers a checklist to confirm the permanence plan at the second review",
                        When.Text("NFA"), "HF", ActionStatus.Complete, "B",
                        "Covered by the refreshed IRO handbook."),
                    new("5.3", "Recruit two life story workers and run a life story workshop for foster carers",
                        When.ThirtyFirstApril(), "TB/JSt/JH", ActionStatus.InProgress, "A",
                        "One post filled; the second is being advertised again."),
                    new("5.4", "Complete life story work with every child whose plan is long-term fostering",
                        When.ThreeMonths(-1), "SW", ActionStatus.InProgress, "G"),
                    new("5.5", "Start a support group on later life letters for foster carers and social workers",
                        When.Month(-3), "Simon Whitcombe", ActionStatus.Dropped, null,
                        "Dropped: the regional adoption agency now runs this for every council in the region."),
                    new("5.6", "Refresh the sufficiency strategy to increase the number of local foster homes",
                        When.FinancialYear(1), "TB", ActionStatus.NotStarted, null),
                ],
                Earlier = new("G", "A",
                    "The permanence panel meets monthly and every child in care has been discussed at least once. IROs now use the "
                    + "checklist at second reviews.",
                    "Recruit life story workers. Agree an order for completing life story work, starting with the youngest children."),
                Latest = new("G", "G",
                    "Almost every child now has a permanence plan agreed at the second review, and fewer children moved home three or more "
                    + "times this year. Life story work has started for the first group of children.",
                    "Fill the second life story worker post. Report progress with each group of children to the Corporate Parenting Board."),
            },
            new AreaSeed
            {
                Number = "6",
                Theme = "B",
                Title = "Improve the help that care leavers get with housing, health, and education, employment or training, and make sure "
                    + "their pathway plans are written with them and kept up to date.",
                Source = SourceKind.InspectionRecommendation,
                SourceReference = "Ofsted recommendation 6",
                Leads = ["Callum Doyle"],
                SeniorLeads = ["Simon Whitcombe"],
                LinkedPlans = ["Care Leavers Local Offer", "Housing Strategy"],
                Partners = ["Council housing service", Health, "Castlebridge College", "Jobcentre Plus"],
                Objectives =
                [
                    "Pathway plans that care leavers recognise as theirs.",
                    "Suitable homes, and a route into work or learning, for every care leaver who wants one.",
                ],
                Outcomes =
                [
                    "No care leaver is placed in bed and breakfast.",
                    "More care leavers aged 19 to 21 are in education, employment or training.",
                ],
                MeasuresOfSuccess =
                [
                    "Care leavers in education, employment or training in line with statistical neighbours.",
                    "Every care leaver has their health history by their 18th birthday.",
                    "Pathway plans reviewed at least every six months, with the young person.",
                ],
                Actions =
                [
                    new("6.1", "Ask care leavers to help redesign the pathway plan so that it is written in their words",
                        When.Day(-140), "CD", ActionStatus.Complete, "B"),
                    new("6.2", "Agree a protocol with the council's housing service so that no care leaver is placed in bed and breakfast",
                        When.Day(-60), "Callum Doyle", ActionStatus.InProgress, "R",
                        "Draft protocol not accepted by housing; escalated to the Director of Children's Services."),
                    new("6.3", "Give every care leaver a copy of their health history by their 18th birthday",
                        When.Day(27, DayStyle.OrdinalShort), "NE/CD", ActionStatus.InProgress, "A"),
                    new("6.4", "Create 20 apprenticeships and work placements for care leavers across the council and its partners",
                        When.Quarters("Q3 & 4"), "JSt", ActionStatus.InProgress, "G"),
                    new("6.5", "Offer the personal adviser service to every care leaver up to 25 who asks for it",
                        When.EndOf(2), "CD", ActionStatus.NotStarted, null),
                    new("6.6", "Set up a care leavers' hub with drop-in health, housing and benefits advice",
                        When.Text("TBC"), "Simon Whitcombe", ActionStatus.NotStarted, null),
                ],
                Earlier = new("A", "R",
                    "Care leavers have redesigned the pathway plan with us and it is in use. Two young people were placed in bed and "
                    + "breakfast in an emergency this quarter.",
                    "Agree the housing protocol. Start the apprenticeship programme with the council's own services."),
                Latest = new("R", "A",
                    "The housing protocol is stuck and one more young person spent a night in bed and breakfast. The first eight "
                    + "apprenticeships have started, and education, employment and training figures are edging up.",
                    "Director to meet the Director of Housing to unblock the protocol. Ask the Select Committee to review care leavers' housing."),
            },
            new AreaSeed
            {
                Number = "7",
                Theme = "B",
                Title = "Use what children in care and care leavers tell us to shape the work of the Corporate Parenting Board and the "
                    + "council's services for them.",
                Source = SourceKind.ReportNarrative,
                SourceReference = "Inspection report, paragraph 38",
                Leads = ["Simon Whitcombe"],
                SeniorLeads = ["Rebecca Adeyemi", "Lead Member for Children's Services"],
                LinkedPlans = ["Corporate Parenting Strategy"],
                Partners = ["Children in Care Council", "Elected members", "Independent advocacy service"],
                Objectives =
                [
                    "Children in care and care leavers help set the Corporate Parenting Board's agenda.",
                    "Every councillor understands their role as a corporate parent.",
                ],
                Outcomes =
                [
                    "Children can point to things that changed because they asked.",
                ],
                MeasuresOfSuccess =
                [
                    "Members of the Children in Care Council attend every Board.",
                    "All councillors trained as corporate parents.",
                    "A 'you said, we did' report at every Board.",
                ],
                Actions =
                [
                    new("7.1", "Invite members of the Children in Care Council to co-chair one Corporate Parenting Board each quarter",
                        When.Day(-90), "SW", ActionStatus.Complete, "B"),
                    new("7.2", "Publish the corporate parenting pledge in a version written with and for young people",
                        When.Day(-40, DayStyle.Ordinal), "Participation Officer", ActionStatus.Complete, "B"),
                    new("7.3", "Report children's feedback from their reviews to every Corporate Parenting Board",
                        When.FirstThenQuarterly(1), "HF", ActionStatus.InProgress, "G"),
                    new("7.4", "Train every councillor in their role as a corporate parent",
                        When.Day(-20), "RA", ActionStatus.InProgress, "A",
                        "38 of 51 councillors trained; a further session is booked."),
                    new("7.5", "Hold a yearly celebration event for children in care, planned by young people",
                        When.Month(7), "SW", ActionStatus.NotStarted, null),
                ],
                Earlier = new("G", "A",
                    "Young people co-chaired their first Board and set two items on its agenda. The new pledge is with the Children in Care "
                    + "Council for comment.",
                    "Book corporate parenting training for councillors."),
                Latest = new("G", "G",
                    "The pledge is published and young people chose its design. Councillors asked for a visit to the care leavers' drop-in "
                    + "after hearing from young people at the Board.",
                    "Finish councillor training. Start the quarterly report of children's feedback from reviews."),
            },
            new AreaSeed
            {
                Number = "8",
                Theme = "C",
                Title = "Make sure that supervision is regular and reflective, that managers' oversight can be seen on children's records, "
                    + "and that managers at every level have accurate, up-to-date performance information.",
                Source = SourceKind.InspectionRecommendation,
                SourceReference = "Ofsted recommendation 7",
                Leads = ["Bethan Nicholls", "Kieran Mallon"],
                SeniorLeads = ["Rebecca Adeyemi"],
                LinkedPlans = [servicePlan, "Quality Assurance Framework", "Digital Strategy"],
                Partners = ["Case recording system supplier"],
                Objectives =
                [
                    "Supervision that helps social workers think about the child, recorded in one place.",
                    "Performance information that team managers trust and use every week.",
                ],
                Outcomes =
                [
                    "Drift is spotted and dealt with early.",
                    "Managers can explain their team's performance and what they are doing about it.",
                ],
                MeasuresOfSuccess =
                [
                    "90% of children's records show supervision within the policy timescale.",
                    "Audits find management oversight evident on at least 80% of records.",
                    "Every team manager uses the monthly team report.",
                ],
                Actions =
                [
                    new("8.1", "Publish a supervision policy with a standard for frequency and a reflective recording template",
                        When.Day(-160), "BN", ActionStatus.Complete, "B"),
                    new("8.2", "Build a monthly performance report for each team, drawn from the case recording system",
                        When.Day(-75, DayStyle.OrdinalShort), "KM", ActionStatus.Complete, "B"),
                    new("8.3", "Add a supervision recording form to the case recording system",
                        When.Day(-5), "OT", ActionStatus.InProgress, "R",
                        "The supplier's release has slipped; we are waiting for a new date."),
                    new("8.4", "Hold quarterly performance clinics where team managers talk the senior leadership team through their data",
                        When.Text("Ongoing"), "KM/TB", ActionStatus.InProgress, "G"),
                    new("8.5", "Audit management oversight on 40 case files each quarter and publish the themes",
                        When.EndOf(-2), "BN", ActionStatus.Complete, "B"),
                    new("8.6", "Give every team manager a live dashboard of their team's work",
                        When.Quarters("Q1 & 2", 1), "KM/OT", ActionStatus.NotStarted, null),
                ],
                Earlier = new("G", "A",
                    "The supervision policy is published and the first team reports went out. Team managers say the reports help but do not "
                    + "yet trust every figure.",
                    "Data cleansing sessions with each team. Confirm the supplier's date for the supervision form."),
                Latest = new("A", "A",
                    "Audits show oversight recorded more often, but the supervision form has slipped again, so supervision is still "
                    + "recorded in two places. Performance clinics are well attended.",
                    "Head of Digital Services to escalate with the supplier. Keep the interim recording guidance in place."),
            },
            new AreaSeed
            {
                Number = "9",
                Theme = "C",
                Title = "Build a stable, permanent workforce with caseloads that give social workers time to get to know children.",
                Source = SourceKind.SelfAssessment,
                SourceReference = $"Self-evaluation {calendar.InspectionStart.Year}, section 5",
                Leads = ["Jamal Stewart"],
                SeniorLeads = ["Rebecca Adeyemi"],
                LinkedPlans = ["Children's Workforce Strategy", "Council People Plan"],
                Partners = ["Castlebridge College", "Regional social work teaching partnership"],
                Objectives =
                [
                    "Fewer agency social workers, and more permanent staff who stay.",
                    "Caseloads that allow direct work with children.",
                ],
                Outcomes =
                [
                    "Children keep the same social worker for longer.",
                ],
                MeasuresOfSuccess =
                [
                    "Agency social worker rate no higher than 15%.",
                    "Average caseload below 18 children.",
                    "Fewer social workers leaving within two years of joining.",
                ],
                Actions =
                [
                    new("9.1", "Run a recruitment campaign for experienced social workers, with a relocation package",
                        When.Day(-110), "JSt", ActionStatus.Complete, "B"),
                    new("9.2", "Agree a market supplement for posts that are hard to fill",
                        When.Day(-65, DayStyle.Ordinal), "JSt/TB", ActionStatus.Complete, "B"),
                    new("9.3", "Set up an academy for newly qualified social workers with protected caseloads",
                        When.Day(6), "AR", ActionStatus.InProgress, "G"),
                    new("9.4", "Offer permanent contracts to long-serving agency social workers who want them",
                        When.Month(1), "Jamal Stewart", ActionStatus.InProgress, "A"),
                    new("9.5", "Hold an exit interview with every social worker who leaves and report the themes to the Improvement Board",
                        When.FinancialYear(0), "JSt", ActionStatus.InProgress, "G"),
                    new("9.6", "Review caseloads every week and move work when anyone holds more than 20 children",
                        When.Day(-3), "Children's Social Care Leadership Team", ActionStatus.InProgress, "A"),
                ],
                Earlier = new("G", "R",
                    "The recruitment campaign brought in nine applications for experienced posts. The agency rate has not moved yet.",
                    "Agree the market supplement. Plan the newly qualified social worker academy."),
                Latest = new("A", "A",
                    "Six experienced social workers have started and the agency rate is falling slowly. Average caseloads are down but two "
                    + "teams remain well above 20 children per worker.",
                    "Open the academy. Target the two teams with the highest caseloads for the next round of recruitment."),
            },
        ];
    }
}
