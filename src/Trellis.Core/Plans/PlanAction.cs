using Trellis.Core.Dates;

namespace Trellis.Core.Plans;

public enum ActionStatus
{
    NotStarted,
    InProgress,
    Complete,
    Dropped,
}

/// <summary>A due date as written, with the typed date (the last day the text allows) and how exact it is.</summary>
public class Due
{
    public const int TextMaxLength = 500;

    public string Text { get; set; } = string.Empty;
    public DateOnly? Date { get; set; }
    public DuePrecision Precision { get; set; } = DuePrecision.None;

    public static Due From(DueDateReading reading) => new() { Text = reading.Text, Date = reading.Date, Precision = reading.Precision };
}

/// <summary>A numbered action in an area. Named PlanAction because System.Action is everywhere.</summary>
public class PlanAction
{
    public const int RefMaxLength = 20;
    public const int TextMaxLength = 4000;
    public const int CommentsMaxLength = 8000;

    public int Id { get; set; }
    public int AreaId { get; set; }
    public Area Area { get; set; } = null!;

    /// <summary>As written; sources repeat numbers, so it need not be unique.</summary>
    public string Ref { get; set; } = string.Empty;

    public string Text { get; set; } = string.Empty;
    public Due Due { get; set; } = new();
    public ActionStatus? Status { get; set; }

    /// <summary>A code on the plan's progress scale.</summary>
    public string? RagCode { get; set; }

    public string? Comments { get; set; }
    public List<string> Warnings { get; set; } = [];
    public int SortOrder { get; set; }

    /// <summary>Changes on every save; a concurrency token, so two people editing the same action cannot silently overwrite each other.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    public List<ActionOwner> Owners { get; set; } = [];
    public List<Milestone> Milestones { get; set; } = [];
}

/// <summary>An owner of an action: a person, or text as written ("Chair of PSCB", an unknown "JH").</summary>
public class ActionOwner
{
    public const int TextMaxLength = 300;

    public int Id { get; set; }
    public int ActionId { get; set; }
    public int? PersonId { get; set; }
    public People.Person? Person { get; set; }
    public string? Text { get; set; }
    public int SortOrder { get; set; }
}

/// <summary>A step on the way to an action, with its own due date.</summary>
public class Milestone
{
    public const int TextMaxLength = 2000;

    public int Id { get; set; }
    public int ActionId { get; set; }
    public PlanAction Action { get; set; } = null!;
    public string Text { get; set; } = string.Empty;
    public Due Due { get; set; } = new();
    public ActionStatus? Status { get; set; }
    public List<string> Warnings { get; set; } = [];
    public int SortOrder { get; set; }
}
