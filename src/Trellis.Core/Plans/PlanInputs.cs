namespace Trellis.Core.Plans;

// What the pages (and later the importers) hand to PlanService. Text is trimmed by the service.

public sealed record PlanInput(
    string Title,
    PlanStatus Status,
    MonitoringCadence MonitoringCadence,
    DateOnly? PeriodStart,
    DateOnly? PeriodEnd,
    bool QuartersAreFinancial,
    IReadOnlyList<string> Governance,
    int? DueSoonDays = null);

public sealed record ThemeInput(string Key, string Title);

public sealed record AreaInput(
    string Number,
    string Title,
    int? ThemeId,
    SourceKind? SourceKind,
    string? SourceReference,
    string? LeadsText,
    string? SeniorLeadsText,
    IReadOnlyList<string> LinkedPlans,
    IReadOnlyList<string> Partners,
    IReadOnlyList<string> Objectives,
    IReadOnlyList<string> Outcomes,
    IReadOnlyList<string> MeasuresOfSuccess,
    string? RagCode);

public sealed record ActionInput(
    string Ref,
    string Text,
    string? DueText,
    string? OwnersText,
    ActionStatus? Status,
    string? RagCode,
    string? Comments);

public sealed record MilestoneInput(string Text, string? DueText, ActionStatus? Status);

public sealed record RatingInput(string Code, string Label, string? Meaning, bool IsComplete);

public sealed record JudgementInput(string Area, Grade? Grade, string? GradeText);

public sealed record InspectionInput(string? Framework, DateOnly? Start, DateOnly? End, DateOnly? Published, IReadOnlyList<JudgementInput> Judgements);
