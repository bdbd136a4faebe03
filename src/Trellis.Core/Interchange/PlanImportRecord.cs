namespace Trellis.Core.Interchange;

/// <summary>
/// What one import brought into a plan: the document exactly as it came in. The latest one is the common ancestor
/// when a newer version of the plan is imported, so Trellis can tell what the file changed from what people changed
/// in Trellis since.
/// </summary>
public class PlanImportRecord
{
    public const int SourceNameMaxLength = 500;

    public int Id { get; set; }
    public int PlanId { get; set; }
    public DateTimeOffset ImportedAt { get; set; }

    /// <summary>The file or upload the document came from ("plan-v3.docx").</summary>
    public string SourceName { get; set; } = string.Empty;

    /// <summary>The imported document as <see cref="PlanJson.Write"/> writes it.</summary>
    public string DocumentJson { get; set; } = string.Empty;
}
