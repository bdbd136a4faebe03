namespace Trellis.Core.Plans;

public enum PlanStatus
{
    Draft,
    Live,
    Closed,
}

public enum MonitoringCadence
{
    Monthly,
    Quarterly,
    SixMonthly,
}

/// <summary>An improvement plan: the answer to an inspection, run through monitoring rounds.</summary>
public class Plan
{
    public const int TitleMaxLength = 300;

    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public Organisation Organisation { get; set; } = null!;
    public string Title { get; set; } = string.Empty;
    public PlanStatus Status { get; set; } = PlanStatus.Draft;
    public DateOnly? PeriodStart { get; set; }
    public DateOnly? PeriodEnd { get; set; }
    public MonitoringCadence MonitoringCadence { get; set; } = MonitoringCadence.Quarterly;

    /// <summary>Whether a bare "Q3 2019" in this plan means a financial quarter.</summary>
    public bool QuartersAreFinancial { get; set; }

    public List<string> Governance { get; set; } = [];

    /// <summary>Source text an importer could not place anywhere; shown, never dropped.</summary>
    public List<string> Unplaced { get; set; } = [];

    public Inspection? Inspection { get; set; }
    public List<RagRating> RagRatings { get; set; } = [];
    public List<Theme> Themes { get; set; } = [];
    public List<Area> Areas { get; set; } = [];
    public List<PlanPerson> KeyLeads { get; set; } = [];
    public List<Indicators.Indicator> Indicators { get; set; } = [];

    /// <summary>Suggested ratings: an action due within this many days and not started suggests Amber.</summary>
    public int DueSoonDays { get; set; } = DefaultDueSoonDays;

    public const int DefaultDueSoonDays = 14;
    public const int MaxDueSoonDays = 365;

    public List<Rounds.Round> Rounds { get; set; } = [];
    public List<Rounds.ImprovementLogEntry> ImprovementLog { get; set; } = [];
}

/// <summary>A person's place in a plan's key-leads table.</summary>
public class PlanPerson
{
    public int PlanId { get; set; }
    public Plan Plan { get; set; } = null!;
    public int PersonId { get; set; }
    public People.Person Person { get; set; } = null!;
    public int SortOrder { get; set; }
}
