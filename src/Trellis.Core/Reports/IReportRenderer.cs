namespace Trellis.Core.Reports;

/// <summary>Lays a <see cref="BoardReport"/> out in one format. Renderers are pure: the same report gives the same bytes.</summary>
public interface IReportRenderer
{
    ReportFormat Format { get; }

    bool Supports(ReportLayout layout);

    Task RenderAsync(BoardReport report, ReportLayout layout, Stream output, CancellationToken cancellationToken);
}

/// <summary>A format that cannot be produced on this installation (no PDF engine), said plainly.</summary>
public sealed class ReportUnavailableException(string message) : Exception(message);
