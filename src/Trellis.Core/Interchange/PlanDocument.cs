using System.Text.Json.Serialization;

namespace Trellis.Core.Interchange;

// The plan interchange format (docs/interchange/plan-interchange.md): one JSON document holds one
// plan. Every importer (Word, Excel, CSV, JSON) produces a PlanDocument first, and the review
// screen, export and the tests all speak it. Property names serialise as camelCase; a null
// property or list is absent from the JSON. Dates are ISO yyyy-MM-dd; text is kept as written.

public sealed record PlanDocument
{
    public const string FormatName = "trellis.plan";
    public const int CurrentVersion = 1;

    // Defaults for code that builds a document; a JSON document must still say both.
    [JsonRequired]
    public string Format { get; init; } = FormatName;

    [JsonRequired]
    public int Version { get; init; } = CurrentVersion;
    public required OrganisationDoc Organisation { get; init; }
    public required PlanDoc Plan { get; init; }
    public InspectionDoc? Inspection { get; init; }
    public List<PersonDoc>? People { get; init; }
    public List<ThemeDoc>? Themes { get; init; }
    public required List<AreaDoc> Areas { get; init; }
    public List<IndicatorDoc>? Indicators { get; init; }
    public List<string>? Unplaced { get; init; }
}

public sealed record OrganisationDoc
{
    public required string Name { get; init; }
}

public sealed record PlanDoc
{
    public required string Title { get; init; }

    /// <summary>draft | live | closed</summary>
    public string? Status { get; init; }

    public DateOnly? PeriodStart { get; init; }
    public DateOnly? PeriodEnd { get; init; }

    /// <summary>monthly | quarterly | six-monthly</summary>
    public string? MonitoringCadence { get; init; }

    public List<string>? Governance { get; init; }
    public RagScalesDoc? RagScales { get; init; }

    /// <summary>
    /// Extension (absent means false, so version 1 documents stay valid): whether a bare "Q3 2019" in this
    /// plan's due dates means a financial quarter.
    /// </summary>
    public bool QuartersAreFinancial { get; init; }
}

public sealed record RagScalesDoc
{
    public List<RagRatingDoc>? Progress { get; init; }
    public List<RagRatingDoc>? Impact { get; init; }
}

public sealed record RagRatingDoc
{
    public required string Code { get; init; }
    public required string Label { get; init; }
    public string? Meaning { get; init; }
    public bool? Complete { get; init; }
}

public sealed record InspectionDoc
{
    public string? Framework { get; init; }
    public DateOnly? Start { get; init; }
    public DateOnly? End { get; init; }
    public DateOnly? Published { get; init; }
    public List<JudgementDoc>? Judgements { get; init; }
}

public sealed record JudgementDoc
{
    /// <summary>As written ("Children who need help and protection").</summary>
    public required string Area { get; init; }

    /// <summary>Outstanding | Good | Requires improvement | Inadequate | Not judged, or as written where it differs.</summary>
    public required string Grade { get; init; }
}

public sealed record PersonDoc
{
    /// <summary>The document's own id for the person ("p1"), used by owners and leads.</summary>
    public required string Id { get; init; }

    public string? Initials { get; init; }
    public string? Name { get; init; }
    public string? JobTitle { get; init; }

    /// <summary>Extension (optional): the body they work for when it is not the council ("Metropolitan Police").</summary>
    public string? Agency { get; init; }

    public List<string>? Warnings { get; init; }
}

public sealed record ThemeDoc
{
    public required string Key { get; init; }
    public required string Title { get; init; }
}

/// <summary>An owner or lead: a person of the document ({ "person": "p4" }) or text as written ({ "text": "JH" }).</summary>
public sealed record OwnerDoc
{
    public string? Person { get; init; }
    public string? Text { get; init; }
}

public sealed record SourceDoc
{
    /// <summary>inspection-recommendation | report-narrative | self-assessment | workshop | other</summary>
    public required string Kind { get; init; }

    public string? Reference { get; init; }
}

public sealed record AreaDoc
{
    public required string Number { get; init; }
    public string? Theme { get; init; }
    public required string Title { get; init; }
    public SourceDoc? Source { get; init; }
    public List<OwnerDoc>? Leads { get; init; }
    public List<OwnerDoc>? SeniorLeads { get; init; }
    public List<string>? LinkedPlans { get; init; }
    public List<string>? Partners { get; init; }
    public List<string>? Objectives { get; init; }
    public List<string>? Outcomes { get; init; }
    public List<string>? MeasuresOfSuccess { get; init; }
    public string? Rag { get; init; }
    public List<ActionDoc>? Actions { get; init; }
    public List<MonitoringDoc>? Monitoring { get; init; }
    public List<string>? Warnings { get; init; }
}

public sealed record DueDoc
{
    public required string Text { get; init; }
    public DateOnly? Date { get; init; }

    /// <summary>
    /// day | month | quarter | year | tbc | ongoing | none. Absent (with no date): the importer reads the text,
    /// as it would a cell of a Word plan.
    /// </summary>
    public string? Precision { get; init; }
}

public sealed record ActionDoc
{
    public required string Ref { get; init; }
    public required string Text { get; init; }
    public List<OwnerDoc>? Owners { get; init; }
    public DueDoc? Due { get; init; }
    public List<MilestoneDoc>? Milestones { get; init; }

    /// <summary>not-started | in-progress | complete | dropped</summary>
    public string? Status { get; init; }

    public string? Rag { get; init; }
    public string? Comments { get; init; }
    public List<string>? Warnings { get; init; }
}

public sealed record MilestoneDoc
{
    public required string Text { get; init; }
    public DueDoc? Due { get; init; }
    public string? Status { get; init; }
    public List<string>? Warnings { get; init; }
}

public sealed record MonitoringDoc
{
    public required string Period { get; init; }
    public string? ProgressRag { get; init; }
    public string? ImpactRag { get; init; }
    public string? Commentary { get; init; }
    public string? FurtherActions { get; init; }
}

public sealed record IndicatorDoc
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public string? Description { get; init; }

    /// <summary>percent | count | rate-per-10k | days | weeks | ratio | text</summary>
    public string? Unit { get; init; }

    /// <summary>higher-is-better | lower-is-better | in-range | none</summary>
    public string? Polarity { get; init; }

    /// <summary>Extension: monthly | quarterly | annual; monthly when absent.</summary>
    public string? Frequency { get; init; }

    /// <summary>Extension: financial | calendar, for the quarters and years of its periods; financial when absent.</summary>
    public string? YearBasis { get; init; }

    /// <summary>Extension: where the figures come from ("Children in need census").</summary>
    public string? Source { get; init; }

    /// <summary>Extension: the id of the person of the document who answers for the figures.</summary>
    public string? Owner { get; init; }

    /// <summary>The standing target: it applies to every period no dated target covers.</summary>
    public TargetDoc? Target { get; init; }

    /// <summary>Extension: targets for a span of periods; they win over the standing target.</summary>
    public List<DatedTargetDoc>? Targets { get; init; }

    /// <summary>Extension: how far off target still counts as amber; absent uses the default.</summary>
    public ToleranceDoc? Tolerance { get; init; }

    public List<string>? Areas { get; init; }
    public List<IndicatorValueDoc>? Values { get; init; }
    public List<ComparatorDoc>? Comparators { get; init; }

    /// <summary>The importer's doubts about this indicator (a period's year it inferred); kept in the description when saved.</summary>
    public List<string>? Warnings { get; init; }
}

public sealed record TargetDoc
{
    public required string Text { get; init; }
    public decimal? Min { get; init; }
    public decimal? Max { get; init; }
}

/// <summary>A target for the periods starting from <see cref="From"/> to <see cref="To"/>; either end open when absent.</summary>
public sealed record DatedTargetDoc
{
    public required string Text { get; init; }
    public decimal? Min { get; init; }
    public decimal? Max { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
}

public sealed record ToleranceDoc
{
    /// <summary>points | percent-of-target</summary>
    public required string Kind { get; init; }

    public required decimal Value { get; init; }
}

public sealed record IndicatorValueDoc
{
    public required string Period { get; init; }
    public decimal? Value { get; init; }

    /// <summary>A value that is not a number as written ("TBC").</summary>
    public string? Text { get; init; }

    public DateOnly? AsAt { get; init; }
    public string? Note { get; init; }

    /// <summary>Extension: how the value arrived ("Imported from the monthly extract").</summary>
    public string? Source { get; init; }

    /// <summary>Extension: when Trellis recorded it.</summary>
    public DateTimeOffset? RecordedAt { get; init; }

    /// <summary>Extension: the same value split by team, age band and so on.</summary>
    public List<BreakdownDoc>? Breakdowns { get; init; }

    /// <summary>Extension: the earlier values for this period that corrections replaced, oldest first.</summary>
    public List<RevisionDoc>? History { get; init; }
}

/// <summary>One part of a value: "Team" "North" 80.</summary>
public sealed record BreakdownDoc
{
    public required string Dimension { get; init; }
    public required string Category { get; init; }
    public decimal? Value { get; init; }
    public string? Text { get; init; }
}

/// <summary>A value as it stood before a correction replaced it.</summary>
public sealed record RevisionDoc
{
    public decimal? Value { get; init; }
    public string? Text { get; init; }
    public DateOnly? AsAt { get; init; }
    public string? Note { get; init; }
    public string? Source { get; init; }
    public DateTimeOffset? RecordedAt { get; init; }
    public required DateTimeOffset ReplacedAt { get; init; }
    public string? ReplacedBy { get; init; }
}

public sealed record ComparatorDoc
{
    public required string Name { get; init; }
    public required string Period { get; init; }
    public decimal? Value { get; init; }
    public string? Source { get; init; }
}
