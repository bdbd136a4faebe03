using Trellis.Core.Plans;

namespace Trellis.Core.SignOffs;

public enum SignOffDecision
{
    Approved,
    Returned,
}

/// <summary>
/// An owner's request to have an action signed off as complete, with the evidence, and the approver's decision.
/// A returned request stays as history; the owner may ask again with a new request. At most one is pending per action.
/// </summary>
public class SignOffRequest
{
    public const int NoteMaxLength = 4000;
    public const int ReasonMaxLength = 4000;
    public const int LinkMaxLength = 2000;
    public const int MaxLinks = 20;
    public const int NameMaxLength = 256;
    public const int UserIdMaxLength = 450;

    public int Id { get; set; }
    public int ActionId { get; set; }
    public PlanAction Action { get; set; } = null!;

    public string RequestedByUserId { get; set; } = string.Empty;
    public string RequestedByName { get; set; } = string.Empty;
    public DateTimeOffset RequestedAt { get; set; }
    public string? Note { get; set; }

    /// <summary>Absolute http or https addresses, checked when submitted.</summary>
    public List<string> Links { get; set; } = [];

    public List<SignOffEvidence> Files { get; set; } = [];

    /// <summary>Null while the request waits for a decision.</summary>
    public SignOffDecision? Decision { get; set; }

    public string? DecidedByUserId { get; set; }
    public string? DecidedByName { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }

    /// <summary>Required when returning; optional when approving.</summary>
    public string? Reason { get; set; }
}

/// <summary>
/// An uploaded evidence file. The bytes live in the database row rather than on disk so that a request and its files
/// are saved whole or not at all in one transaction, are backed up with everything else, and leave no orphans; the
/// audit trail records a byte array as its size only. The name is for display and the download's file name, never a path.
/// </summary>
public class SignOffEvidence
{
    public const int FileNameMaxLength = 200;
    public const int ContentTypeMaxLength = 100;

    public int Id { get; set; }
    public int RequestId { get; set; }

    /// <summary>Repeats the request's action so the audit trail and access checks find the action directly.</summary>
    public int ActionId { get; set; }

    public string FileName { get; set; } = string.Empty;
    public string ContentType { get; set; } = string.Empty;
    public long Size { get; set; }
    public byte[] Content { get; set; } = [];
}
