namespace Trellis.Core.Monitoring;

/// <summary>An area's rating and commentary for one monitoring period ("2016/17 Q1").</summary>
public class MonitoringEntry
{
    public const int PeriodMaxLength = 20;
    public const int TextMaxLength = 8000;

    public int Id { get; set; }
    public int AreaId { get; set; }
    public string Period { get; set; } = string.Empty;
    public string? ProgressRag { get; set; }
    public string? ImpactRag { get; set; }
    public string? Commentary { get; set; }
    public string? FurtherActions { get; set; }
    public DateTimeOffset RecordedAt { get; set; }

    /// <summary>The round this rating was made in; null for history imported from a document.</summary>
    public int? RoundId { get; set; }
}
