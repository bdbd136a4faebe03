namespace Trellis.Core.Reminders;

public enum DeliveryStatus
{
    /// <summary>Claimed by a sender that has not yet reported back (sending, or the process stopped mid-send).</summary>
    Claimed,
    Sent,
    Failed,
}

/// <summary>
/// One person's digest for one day. The row is the claim: a unique index on (PersonId, DigestDate)
/// lets only one sender, in any process, insert it, so a digest goes out at most once a day.
/// It holds counts and the server's error, never the actions' text.
/// </summary>
public class ReminderDelivery
{
    public const int ErrorMaxLength = 1000;
    public const int SubjectMaxLength = 200;

    /// <summary>A failed digest is tried again by later runs on the same day, up to this many attempts in all.</summary>
    public const int MaxAttempts = 5;

    public int Id { get; set; }
    public int PersonId { get; set; }
    public People.Person Person { get; set; } = null!;
    public int OrganisationId { get; set; }
    public DateOnly DigestDate { get; set; }
    public DeliveryStatus Status { get; set; }
    public int Attempts { get; set; }
    public int ItemCount { get; set; }
    public string Subject { get; set; } = string.Empty;
    public DateTimeOffset ClaimedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public DateTimeOffset? FailedAt { get; set; }
    public string? Error { get; set; }
}
