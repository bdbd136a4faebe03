namespace Trellis.Core.Import;

/// <summary>
/// An uploaded plan waiting on the review screen: the document as read (and as the officer has since changed it)
/// and the original file, kept until it is confirmed or discarded. Once confirmed, only a receipt is left (the plan
/// it became) so that a second press of "Confirm" leads to that plan instead of storing another.
/// </summary>
public sealed class PendingImport
{
    public const int SourceNameMaxLength = 260;

    /// <summary>The largest file the upload page accepts: larger than any real plan.</summary>
    public const long MaxFileBytes = FileGuard.MaxFileBytes;

    /// <summary>How long an unconfirmed import is kept before it is deleted.</summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(7);

    public Guid Id { get; set; }
    public int OrganisationId { get; set; }

    /// <summary>The uploaded file's name, as the officer's computer gave it.</summary>
    public string SourceName { get; set; } = string.Empty;

    /// <summary>When it was uploaded, in UTC (a DateTime, which both databases can compare).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>The current document as plan interchange JSON; empty once confirmed.</summary>
    public string DocumentJson { get; set; } = string.Empty;

    /// <summary>The file as uploaded, so that it can be read again (a spreadsheet with other columns); null once confirmed.</summary>
    public byte[]? FileBytes { get; set; }

    /// <summary>An existing plan this import updates instead of creating a new one.</summary>
    public int? TargetPlanId { get; set; }

    /// <summary>The plan the import became, once confirmed.</summary>
    public int? ImportedPlanId { get; set; }
}
