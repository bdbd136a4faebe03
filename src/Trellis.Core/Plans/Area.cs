namespace Trellis.Core.Plans;

public enum SourceKind
{
    InspectionRecommendation,
    ReportNarrative,
    SelfAssessment,
    Workshop,
    Other,
}

/// <summary>An area for improvement: usually one inspection recommendation.</summary>
public class Area
{
    public const int NumberMaxLength = 20;
    public const int TitleMaxLength = 2000;
    public const int SourceReferenceMaxLength = 300;

    public int Id { get; set; }
    public int PlanId { get; set; }
    public Plan Plan { get; set; } = null!;
    public int? ThemeId { get; set; }
    public Theme? Theme { get; set; }
    public string Number { get; set; } = string.Empty;
    public string Title { get; set; } = string.Empty;
    public SourceKind? SourceKind { get; set; }
    public string? SourceReference { get; set; }
    public List<string> LinkedPlans { get; set; } = [];
    public List<string> Partners { get; set; } = [];
    public List<string> Objectives { get; set; } = [];
    public List<string> Outcomes { get; set; } = [];
    public List<string> MeasuresOfSuccess { get; set; } = [];

    /// <summary>The area's overall progress rating, a code on the plan's progress scale.</summary>
    public string? RagCode { get; set; }

    public List<string> Warnings { get; set; } = [];
    public int SortOrder { get; set; }

    /// <summary>Changes on every save; a concurrency token, so an edit made from an older version is refused, never silently applied.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    public List<AreaLead> Leads { get; set; } = [];
    public List<PlanAction> Actions { get; set; } = [];
    public List<Monitoring.MonitoringEntry> Monitoring { get; set; } = [];
}

public enum LeadRole
{
    Lead,
    SeniorLead,
}

/// <summary>A lead or senior lead of an area: a person, or text as written.</summary>
public class AreaLead
{
    public int Id { get; set; }
    public int AreaId { get; set; }
    public LeadRole Role { get; set; }
    public int? PersonId { get; set; }
    public People.Person? Person { get; set; }
    public string? Text { get; set; }
    public int SortOrder { get; set; }
}
