using Trellis.Core.Plans;

namespace Trellis.Core.Rounds;

public enum RoundStatus
{
    Open,
    Closed,
}

/// <summary>
/// One monitoring round of a plan ("2016/17 Q1"): owners update their actions, leads rate their areas,
/// and closing it freezes a snapshot that every later report for the round reproduces exactly.
/// </summary>
public class Round
{
    public const int NameMaxLength = 40;

    public int Id { get; set; }
    public int PlanId { get; set; }
    public Plan Plan { get; set; } = null!;

    /// <summary>"2016/17 Q1" for a quarterly plan; also the monitoring period its area ratings carry.</summary>
    public string Name { get; set; } = string.Empty;

    public DateOnly PeriodStart { get; set; }
    public DateOnly PeriodEnd { get; set; }

    /// <summary>The date owners are asked to send their updates by.</summary>
    public DateOnly? UpdatesDue { get; set; }

    public RoundStatus Status { get; set; } = RoundStatus.Open;
    public DateTimeOffset OpenedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>The report model frozen at closing (JSON of <see cref="Reports.BoardReport"/>); null while open.</summary>
    public string? SnapshotJson { get; set; }

    /// <summary>Changes on every save, so two people closing or editing the same round cannot overwrite each other.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    public List<ActionUpdate> ActionUpdates { get; set; } = [];
    public List<RoundNarrative> Narratives { get; set; } = [];
    public List<SelfAssessmentEntry> SelfAssessment { get; set; } = [];
}

/// <summary>An owner's update to one action in one round: status, rating (with the suggestion beside it) and a note.</summary>
public class ActionUpdate
{
    public const int NoteMaxLength = 8000;
    public const int ReasonMaxLength = 2000;
    public const int ByMaxLength = 200;

    public int Id { get; set; }
    public int RoundId { get; set; }
    public int ActionId { get; set; }
    public PlanAction Action { get; set; } = null!;
    public ActionStatus? Status { get; set; }

    /// <summary>The rating chosen, a code on the plan's progress scale.</summary>
    public string? RagCode { get; set; }

    /// <summary>The rating the plan's rules suggested when this was saved.</summary>
    public string? SuggestedRagCode { get; set; }

    /// <summary>Why the chosen rating differs from the suggestion; required when it does.</summary>
    public string? RagReason { get; set; }

    public string? Note { get; set; }
    public string? UpdatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A narrative section of the committee report, written in Trellis for the round (simple formatting, see <see cref="Reports.RichText"/>).</summary>
public class RoundNarrative : IRoundRow
{
    public const int HeadingMaxLength = 300;
    public const int BodyMaxLength = 20000;

    public int Id { get; set; }
    public int RoundId { get; set; }
    public string Heading { get; set; } = string.Empty;
    public string Body { get; set; } = string.Empty;
    public int SortOrder { get; set; }
}

/// <summary>A row of the committee report's self-assessment table.</summary>
public class SelfAssessmentEntry : IRoundRow
{
    public const int TextMaxLength = 8000;

    public int Id { get; set; }
    public int RoundId { get; set; }
    public string AreaForImprovement { get; set; } = string.Empty;
    public string WhatWeHaveDone { get; set; } = string.Empty;
    public string ImpactOnPractice { get; set; } = string.Empty;
    public int SortOrder { get; set; }
}

/// <summary>A row that belongs to one round, in an order of its own (a narrative section, a self-assessment row).</summary>
public interface IRoundRow
{
    int Id { get; }

    int RoundId { get; }

    int SortOrder { get; set; }
}

/// <summary>A row of the plan's improvement log: what we have done, why, and when ("Q3 2018", "Started Jan 2019").</summary>
public class ImprovementLogEntry
{
    public const int TextMaxLength = 4000;
    public const int WhenMaxLength = 200;

    public int Id { get; set; }
    public int PlanId { get; set; }
    public string WhatWeHaveDone { get; set; } = string.Empty;
    public string Why { get; set; } = string.Empty;
    public string When { get; set; } = string.Empty;

    /// <summary>For ordering and for choosing the entries a round's report shows; null when "When" is too vague to date.</summary>
    public DateOnly? WhenDate { get; set; }

    public int SortOrder { get; set; }
}
