using Trellis.Core.Plans;

namespace Trellis.Core.Reports;

public enum ReportFormat
{
    Docx,
    Pdf,
    Html,
    Xlsx,
}

public enum ReportLayout
{
    /// <summary>The seed plans' layout: title page, legends, key leads, summary, then a-f per area, then the scorecard.</summary>
    Plan,

    /// <summary>One wide table: area, progress, next steps, lead, timescale, indicators, current performance, RAG.</summary>
    Table,

    /// <summary>Only red, overdue and changed items.</summary>
    Exceptions,

    /// <summary>The six-monthly committee report: narrative, indicator tables, improvement log, self-assessment.</summary>
    Committee,
}

/// <summary>
/// Everything a board report for one round shows, already worked out: the renderers (.docx, .html, .pdf,
/// .xlsx) only lay it out. Closing a round stores this as JSON, so a closed round's report is rebuilt from
/// the snapshot and never from the plan as it is now. Every list is in display order.
/// </summary>
public sealed record BoardReport
{
    /// <summary>Raised when a field is added; a snapshot written by an older version still reads (new fields default).</summary>
    public const int CurrentVersion = 1;

    public int Version { get; init; } = CurrentVersion;
    public required string CouncilName { get; init; }
    public required string PlanTitle { get; init; }
    public DateOnly? PlanPeriodStart { get; init; }
    public DateOnly? PlanPeriodEnd { get; init; }
    public required ReportRound Round { get; init; }

    /// <summary>The round before this one, when there is one: what "changed" is measured against.</summary>
    public string? PreviousRoundName { get; init; }

    public ReportInspection? Inspection { get; init; }
    public IReadOnlyList<string> Governance { get; init; } = [];
    public IReadOnlyList<ReportRating> ProgressScale { get; init; } = [];
    public IReadOnlyList<ReportRating> ImpactScale { get; init; } = [];
    public IReadOnlyList<ReportKeyLead> KeyLeads { get; init; } = [];
    public IReadOnlyList<ReportTheme> Themes { get; init; } = [];

    /// <summary>Areas in plan order; <see cref="ReportArea.ThemeKey"/> groups them under <see cref="Themes"/>.</summary>
    public IReadOnlyList<ReportArea> Areas { get; init; } = [];

    public IReadOnlyList<ReportIndicator> Indicators { get; init; } = [];
    public required RollUp PlanRollUp { get; init; }
    public IReadOnlyList<ReportChange> Changes { get; init; } = [];

    /// <summary>Committee layout: narrative sections written for the round.</summary>
    public IReadOnlyList<ReportNarrative> Narratives { get; init; } = [];

    public IReadOnlyList<ReportLogEntry> ImprovementLog { get; init; } = [];
    public IReadOnlyList<ReportSelfAssessment> SelfAssessment { get; init; } = [];
}

/// <summary>AsAt: The date the report speaks as at: the closing date for a closed round, today for an open one. IsFinal: True once the round is closed (the report is the frozen snapshot).</summary>
public sealed record ReportRound(string Name, DateOnly PeriodStart, DateOnly PeriodEnd, DateOnly AsAt, bool IsFinal);

public sealed record ReportInspection(string? Framework, DateOnly? Start, DateOnly? End, DateOnly? Published, IReadOnlyList<ReportJudgement> Judgements);

/// <summary>Grade: The grade in words ("Requires improvement", or as the council wrote it).</summary>
public sealed record ReportJudgement(string Area, string Grade);

/// <summary>One rating on the plan's scale, in the plan's words.</summary>
public sealed record ReportRating(string Code, string Label, string? Meaning, RagColour Colour, bool IsComplete);

/// <summary>Role: The job title as written ("Director of Children's Social Care").</summary>
public sealed record ReportKeyLead(string Role, string Name, string? Initials);

public sealed record ReportTheme(string Key, string Title, RollUp RollUp);

public sealed record ReportArea
{
    public required string Number { get; init; }
    public required string Title { get; init; }
    public string? ThemeKey { get; init; }
    public IReadOnlyList<string> Leads { get; init; } = [];
    public IReadOnlyList<string> SeniorLeads { get; init; } = [];
    public IReadOnlyList<string> LinkedPlans { get; init; } = [];
    public IReadOnlyList<string> Partners { get; init; } = [];
    public IReadOnlyList<string> Outcomes { get; init; } = [];
    public IReadOnlyList<string> MeasuresOfSuccess { get; init; } = [];
    public IReadOnlyList<ReportAction> Actions { get; init; } = [];

    /// <summary>d) The area's progress rating this round, a code on <see cref="BoardReport.ProgressScale"/>.</summary>
    public string? ProgressRag { get; init; }

    /// <summary>e) The impact rating this round, a code on <see cref="BoardReport.ImpactScale"/>.</summary>
    public string? ImpactRag { get; init; }

    /// <summary>e) Data and commentary: <see cref="RichText"/> source.</summary>
    public string? Commentary { get; init; }

    /// <summary>f) Recommendations for further action: <see cref="RichText"/> source.</summary>
    public string? FurtherActions { get; init; }

    /// <summary>Keys of <see cref="BoardReport.Indicators"/> evidencing this area's measures of success.</summary>
    public IReadOnlyList<string> IndicatorKeys { get; init; } = [];

    public required RollUp RollUp { get; init; }
}

public sealed record ReportAction
{
    public required string Ref { get; init; }
    public required string Text { get; init; }

    /// <summary>The due date as written ("31 st March 2016", "tbc with IT provider").</summary>
    public string DueText { get; init; } = string.Empty;

    public DateOnly? DueDate { get; init; }
    public IReadOnlyList<string> Owners { get; init; } = [];
    public ActionStatus? Status { get; init; }

    /// <summary>A code on <see cref="BoardReport.ProgressScale"/>.</summary>
    public string? RagCode { get; init; }

    public string? SuggestedRagCode { get; init; }
    public string? RagReason { get; init; }

    /// <summary>This round's update note (plain text).</summary>
    public string? UpdateNote { get; init; }

    public bool IsOverdue { get; init; }

    /// <summary>Whether something about this action moved since the previous round (see <see cref="BoardReport.Changes"/>).</summary>
    public bool Changed { get; init; }
}

public enum ChangeKind
{
    RagUp,
    RagDown,
    NewlyOverdue,
    Completed,
    New,
    Dropped,
    AreaProgressUp,
    AreaProgressDown,
    AreaImpactUp,
    AreaImpactDown,
}

/// <summary>AreaNumber: The area the change belongs to. ActionRef: The action, or null for a change to the area's own ratings. Description: The change in words ("Red to Amber", "due 30 June 2016, now overdue").</summary>
public sealed record ReportChange(ChangeKind Kind, string AreaNumber, string? ActionRef, string? ActionText, string? From, string? To, string Description);

/// <summary>Counts of actions by rating and by status, for the plan, a theme or an area. DueThisYear: Actions due in the financial year of the round (the "Of 72 actions due this year" count).</summary>
public sealed record RollUp(int Total, int DueThisYear, int Overdue, IReadOnlyList<RollUpCount> ByRag, IReadOnlyList<RollUpCount> ByStatus);

/// <summary>Key: A rating code (or "none"), or an <see cref="ActionStatus"/> name (or "none"). Label: The plan's own words ("on track", "Red") for a sentence. Percent: Of the roll-up's total, rounded so the list adds up to 100.</summary>
public sealed record RollUpCount(string Key, string Label, int Count, int Percent);

public sealed record ReportIndicator
{
    public required string Key { get; init; }
    public required string Name { get; init; }
    public Indicators.IndicatorUnit Unit { get; init; }
    public Indicators.Polarity Polarity { get; init; }
    public string? TargetText { get; init; }

    /// <summary>The bounds the target gives for the latest period, for charts' target band.</summary>
    public decimal? TargetMin { get; init; }

    public decimal? TargetMax { get; init; }

    /// <summary>Recent values, oldest first.</summary>
    public IReadOnlyList<ReportValue> Values { get; init; } = [];

    public IReadOnlyList<ReportComparator> Comparators { get; init; } = [];

    /// <summary>The target for each run of the shown periods with the same target, for charts (empty in older snapshots).</summary>
    public IReadOnlyList<ReportTargetSpan> TargetSpans { get; init; } = [];

    /// <summary>RAG of the latest value against target, when it can be worked out.</summary>
    public RagColour? Rag { get; init; }

    /// <summary>The rating in words: "Amber: off target by no more than 5 points".</summary>
    public string? RagWords { get; init; }

    /// <summary>In words: "3 points below the 90% target. Better than Aug 2026 (the previous period): up 2 points from 85%."</summary>
    public string? Assessment { get; init; }

    public IReadOnlyList<string> AreaNumbers { get; init; } = [];
}

/// <summary>Display: As shown ("47%", "1,383", "TBC").</summary>
public sealed record ReportValue(string Period, string Display, decimal? Value)
{
    /// <summary>First day of the period, for charts; null in older snapshots.</summary>
    public DateOnly? Start { get; init; }
}

public sealed record ReportComparator(string Name, string Period, string Display, decimal? Value)
{
    /// <summary>First day of the period when it reads as one, so the chart can put it beside our value.</summary>
    public DateOnly? Start { get; init; }
}

/// <summary>A target over the shown periods starting from <paramref name="From"/> to <paramref name="To"/>: a floor, a ceiling or both.</summary>
public sealed record ReportTargetSpan(DateOnly From, DateOnly To, decimal? Min, decimal? Max, string Text);

public sealed record ReportNarrative(string Heading, string Body);

public sealed record ReportLogEntry(string WhatWeHaveDone, string Why, string When);

public sealed record ReportSelfAssessment(string AreaForImprovement, string WhatWeHaveDone, string ImpactOnPractice);
