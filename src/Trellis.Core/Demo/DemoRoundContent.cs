namespace Trellis.Core.Demo;

/// <summary>
/// What the demo council wrote for its last committee report: narrative in a select committee's voice, the
/// self-assessment table and the improvement log. Fictional, in the manner of a council's six-monthly report.
/// </summary>
internal static class DemoRoundContent
{
    public sealed record NarrativeSeed(string Heading, string Body);

    public sealed record SelfAssessmentSeed(string Area, string Done, string Impact);

    /// <summary>An improvement log row; <see cref="MonthsAgo"/> places its "When" relative to today.</summary>
    public sealed record LogSeed(string What, string Why, int MonthsAgo, LogWhen Style);

    public enum LogWhen
    {
        Quarter,
        StartedMonth,
        Month,
        Ongoing,
    }

    public static IReadOnlyList<NarrativeSeed> Narrative(string roundName) =>
    [
        new("Purpose and summary of the report",
            $"This report summarises the progress of Castlebridge children's social care against the improvement plan agreed after the "
            + $"Ofsted inspection, for the quarter {roundName}. It covers the front door, assessment, child protection and children in "
            + "care. Early help and care leavers are reported separately to the Corporate Parenting Board.\n\n"
            + "Members are asked to **note and comment on** the contents of the report."),
        new("How we know about the quality and impact of our services",
            "Performance information is scrutinised monthly by the Departmental Management Team and quarterly by the Children's "
            + "Improvement Board. Twice a year we hold a practice week, when managers audit cases alongside social workers and speak "
            + "to families about the help they received.\n\n"
            + "This quarter's practice week looked at 64 cases. Of these:\n"
            + "- 71% were graded good or better, up from 58% six months ago\n"
            + "- management oversight was clearly recorded in 80% of cases\n"
            + "- the child's voice was evident in most assessments, but **not yet consistently in plans**"),
        new("What we will do next",
            "Our priorities for the next six months are:\n\n"
            + "1. Secure health attendance at the daily screening meeting at the front door\n"
            + "2. Reduce the number of children waiting more than 45 working days for an assessment\n"
            + "3. Recruit permanent social workers to the two assessment teams that still rely on agency staff\n\n"
            + "We will report progress to the Committee in six months' time, alongside the _annual conversation_ with Ofsted."),
    ];

    public static IReadOnlyList<SelfAssessmentSeed> SelfAssessment { get; } =
    [
        new("**Ensure the front door makes timely, consistent threshold decisions** with partners sharing information promptly.",
            "The threshold guidance was refreshed with the Safeguarding Partnership and briefed to schools, GPs and police. Since then:\n"
            + "- a team manager is on every duty rota\n"
            + "- police, health and children's social care screen domestic abuse notifications together each morning\n"
            + "- front door decisions are audited every month",
            "More contacts have a manager's decision on the day they arrive. Audits find the reasons for decisions are clearer, and "
            + "partners tell us they understand why a referral was or was not accepted."),
        new("**Ensure core social work tasks are done well and on time**, so that children's plans do not drift.",
            "A new assessment template puts the analysis first, and every open assessment has a manager's check at 20 working days. "
            + "All social workers and team managers have been trained to write plans with families.",
            "Assessment timeliness is recovering after the summer dip. More child in need plans say clearly what must change, "
            + "who will do what and by when, though some still list services rather than outcomes."),
        new("**Build a stable, permanent workforce** with manageable caseloads.",
            "A recruitment campaign with a market supplement for experienced social workers was launched, and a second cohort of "
            + "newly qualified social workers started their assessed first year.",
            "Permanent staffing has risen from 64% to 72%. Average caseloads in the family support teams are now around 17 children; "
            + "in the assessment teams they remain higher, at 21."),
    ];

    public static IReadOnlyList<LogSeed> ImprovementLog { get; } =
    [
        new("A team manager was placed on every front door duty rota.",
            "So that each contact has a manager's decision within one working day.", 8, LogWhen.Quarter),
        new("The supervision policy and caseload guidance were revised and re-issued.",
            "To promote reflective supervision and keep caseloads at a level that allows relationship-based work.", 7, LogWhen.Month),
        new("Performance clinics were introduced for each service manager, with a monthly data pack.",
            "To increase the accuracy of performance information and how it is used to manage practice.", 6, LogWhen.StartedMonth),
        new("A new single assessment template went live.",
            "To put the analysis of the child's daily life at the centre of every assessment.", 5, LogWhen.Quarter),
        new("Practice weeks were held, with managers auditing cases alongside social workers.",
            "To understand the quality of practice first-hand and hear from families.", 3, LogWhen.Quarter),
        new("Business support arrangements across the service are being reviewed.",
            "To free social workers' time for direct work with children and families.", 0, LogWhen.Ongoing),
    ];

    /// <summary>Notes a few owners add to their updates; the rest say nothing beyond status and rating.</summary>
    public static IReadOnlyList<string> UpdateNotes { get; } =
    [
        "On track. The first sessions are booked and invitations have gone out.",
        "Slipped by a month while we waited for the case management system change; the new date is agreed with the senior lead.",
        "Complete: signed off at the Departmental Management Team.",
        "Audit done and findings shared with team managers; a follow-up audit is planned for next quarter.",
    ];

    /// <summary>Why an owner chose a rating other than the suggested one: worse than suggested, better than an overdue Red, or otherwise.</summary>
    public static string ReasonFor(string chosen, string suggested) => (chosen, suggested) switch
    {
        ("R", _) => OverrideReason,
        (_, "R") => "The Board agreed a later date at its last meeting; the work is on track for the new date.",
        _ => "Reviewed with the area lead: the rating reflects where the work really is, not only its date.",
    };

    public const string OverrideReason =
        "Health attendance at the daily screening meeting has not improved despite escalation, so we are asking the Board for help.";

    public const string UpdatedByTeam = "Performance and Improvement Team";
}
