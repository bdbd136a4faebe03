namespace Trellis.Core.Interchange;

// What the review of an import into an existing plan shows (PlanUpdater.PreviewAsync), and what the user sends back.

/// <summary>How an area, action or indicator of the file relates to the plan in Trellis.</summary>
public enum MatchKind
{
    /// <summary>In the file and in Trellis: fields are merged.</summary>
    Matched,

    /// <summary>Only in the file: it is added.</summary>
    New,

    /// <summary>Only in Trellis ("not in the file"): it is kept as it is, never deleted.</summary>
    OnlyInTrellis,

    /// <summary>In the file and in the last import, but deleted in Trellis since: it is not added again.</summary>
    RemovedInTrellis,
}

/// <summary>An existing plan the file may be a newer version of.</summary>
public sealed record PlanCandidate
{
    public required int PlanId { get; init; }
    public required string Title { get; init; }

    /// <summary>Why it is offered, in words: "has the same title; was imported from a file with the same title".</summary>
    public required string Reason { get; init; }

    /// <summary>Higher is a better match; candidates come best first.</summary>
    public required int Score { get; init; }

    public DateTimeOffset? LastImportedAt { get; init; }
    public string? LastImportedFrom { get; init; }
}

public sealed record UpdatePreview
{
    public int PlanId { get; init; }
    public string? PlanTitle { get; init; }

    /// <summary>Every area of the plan after the update, in its order, with the file's areas matched against Trellis's.</summary>
    public IReadOnlyList<AreaMatch> Areas { get; init; } = [];

    /// <summary>Fields the file changed and Trellis has not since the last import: applied without asking.</summary>
    public IReadOnlyList<FieldChange> Changes { get; init; } = [];

    /// <summary>Fields changed both in the file and in Trellis since the last import (or that differ, with no import to compare with).</summary>
    public IReadOnlyList<Conflict> Conflicts { get; init; } = [];

    public IReadOnlyList<IndicatorMatch> Indicators { get; init; } = [];

    /// <summary>People of the file who will be added to the plan's key leads (new to the organisation or not).</summary>
    public IReadOnlyList<string> KeyLeadsToAdd { get; init; } = [];

    /// <summary>What stops the update; nothing can be applied while there is any.</summary>
    public IReadOnlyList<InterchangeProblem> Problems { get; init; } = [];

    /// <summary>Worth a look but not stopping anything ("the file is another council's plan").</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>False when the plan was never imported (typed into Trellis): then every difference is a conflict.</summary>
    public bool HasBaseline { get; init; }

    public DateTimeOffset? LastImportedAt { get; init; }
    public string? LastImportedFrom { get; init; }

    public bool Succeeded => Problems.Count == 0;

    /// <summary>Whether applying would change the plan at all.</summary>
    public bool HasWork =>
        Changes.Count > 0 || Conflicts.Count > 0 || KeyLeadsToAdd.Count > 0
        || Areas.Any(a => a.Kind == MatchKind.New || a.MonitoringToAdd.Count > 0 || a.Actions.Any(x => x.Kind == MatchKind.New))
        || Indicators.Any(i => i.Kind == MatchKind.New || i.ValuesToAdd > 0 || i.ComparatorsToAdd > 0);
}

public sealed record AreaMatch
{
    public required MatchKind Kind { get; init; }

    /// <summary>Trellis's area, when there is one.</summary>
    public int? AreaId { get; init; }

    /// <summary>The file's number and title where the file has the area, otherwise Trellis's.</summary>
    public required string Number { get; init; }

    public required string Title { get; init; }

    /// <summary>How it was matched ("by number 2.1 and title", "by number 2.1", "by title", "by similar title (86%)"); empty when not matched.</summary>
    public string How { get; init; } = string.Empty;

    public IReadOnlyList<ActionMatch> Actions { get; init; } = [];

    /// <summary>Monitoring periods the file has and Trellis has not: added.</summary>
    public IReadOnlyList<string> MonitoringToAdd { get; init; } = [];
}

public sealed record ActionMatch
{
    public required MatchKind Kind { get; init; }

    /// <summary>Trellis's action, when there is one.</summary>
    public int? ActionId { get; init; }

    /// <summary>The file's ref and text where the file has the action, otherwise Trellis's.</summary>
    public required string Ref { get; init; }

    public required string Text { get; init; }

    /// <summary>How it was matched ("by ref 1.2 and text", "by ref 1.2", "by text", "by similar text (91%)"); empty when not matched.</summary>
    public string How { get; init; } = string.Empty;
}

public sealed record IndicatorMatch
{
    public required MatchKind Kind { get; init; }
    public required string Name { get; init; }
    public int ValuesToAdd { get; init; }
    public int ComparatorsToAdd { get; init; }
}

/// <summary>A field the file changed and Trellis has not since the last import; applied automatically.</summary>
/// <param name="Key">Stable and unique within the preview ("action-12.due").</param>
/// <param name="Place">Where it is, in words: "Area 2.1 › action 3".</param>
/// <param name="Field">Which field, in words: "Due date".</param>
/// <param name="Trellis">The value in Trellis now, as words; null when empty.</param>
/// <param name="File">The file's value, which replaces it.</param>
public sealed record FieldChange(string Key, string Place, string Field, string? Trellis, string? File);

/// <summary>
/// A field changed both in the file and in Trellis since the last import (<paramref name="Base"/> is what that import
/// said; null with no import to compare with). Trellis's value is kept unless the user picks the file's by sending
/// <paramref name="Key"/> in ApplyAsync's takeFromFile.
/// </summary>
public sealed record Conflict(string Key, string Place, string Field, string? Base, string? Trellis, string? File);
