using Trellis.Core.Plans;

namespace Trellis.Core.Rounds;

// What the round pages hand to RoundService. Text is trimmed by the service.

/// <summary>A round to open: its name ("2016/17 Q1"), the period it covers and when owners' updates are due.</summary>
public sealed record RoundInput(string Name, DateOnly PeriodStart, DateOnly PeriodEnd, DateOnly? UpdatesDue);

/// <summary>
/// An owner's update to one action this round. ExpectedVersion is the action's version the form was read at:
/// when given, a save after someone else's is a conflict rather than an overwrite.
/// </summary>
public sealed record ActionUpdateInput(ActionStatus? Status, string? RagCode, string? Note, string? RagReason, string? UpdatedBy, Guid? ExpectedVersion = null);

/// <summary>An area's ratings and commentary this round.</summary>
public sealed record AreaRatingInput(string? ProgressRag, string? ImpactRag, string? Commentary, string? FurtherActions);

/// <summary>A problem with one field of the input, named as the input names it ("Name", "RagReason").</summary>
public sealed record FieldError(string Field, string Message);

public enum RoundSaveStatus
{
    Saved,
    NotFound,
    Invalid,

    /// <summary>The round is closed: its updates and ratings are frozen.</summary>
    Closed,

    /// <summary>Someone else changed the round (or the action or area being saved) since it was read.</summary>
    Conflict,
}

/// <summary>What a save did; Id is the round opened, when one was.</summary>
public sealed record RoundSaveResult(RoundSaveStatus Status, IReadOnlyList<FieldError> Errors, int? Id = null)
{
    public static RoundSaveResult Saved(int? id = null) => new(RoundSaveStatus.Saved, [], id);

    public static readonly RoundSaveResult NotFound = new(RoundSaveStatus.NotFound, []);

    public static readonly RoundSaveResult Closed = new(RoundSaveStatus.Closed, []);

    public static readonly RoundSaveResult Conflict = new(RoundSaveStatus.Conflict, []);

    public static RoundSaveResult Invalid(IReadOnlyList<FieldError> errors) => new(RoundSaveStatus.Invalid, errors);
}

/// <summary>An action still waiting for its owner's update this round.</summary>
public sealed record OutstandingAction(int Id, string AreaNumber, string Ref, string Text, string DueText);

/// <summary>An owner (a person, or an owner as written) and the actions they have not updated yet.</summary>
public sealed record OwnerOutstanding(string Name, string? Email, IReadOnlyList<OutstandingAction> Actions);
