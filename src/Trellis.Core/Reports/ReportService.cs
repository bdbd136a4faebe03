using Trellis.Core.Data;

namespace Trellis.Core.Reports;

/// <summary>A generated report, ready to download or write.</summary>
public sealed record ReportFile(string FileName, string ContentType, byte[] Content);

/// <summary>
/// Finds a round's report model (the frozen snapshot of a closed round, or built live for an open one) and
/// lays it out in the format asked for (helper B).
/// </summary>
public sealed class ReportService(TrellisDbContext db, BoardReportBuilder builder, IEnumerable<IReportRenderer> renderers)
{
    /// <param name="organisationId">The caller's organisation: another organisation's plan is not found.</param>
    /// <param name="planId">The plan's id as <c>trellis plans</c> prints it.</param>
    /// <param name="round">"latest" (the most recently opened round), a round's name ("2016/17 Q1") or its id.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>Null when the plan or the round does not exist.</returns>
    public Task<BoardReport?> GetReportAsync(int organisationId, int planId, string round, CancellationToken cancellationToken)
    {
        _ = (db, builder, renderers, organisationId, planId, round, cancellationToken);
        throw new NotImplementedException("helper B");
    }

    /// <summary>The report in one format and layout; null when the plan or round does not exist.</summary>
    /// <exception cref="ReportUnavailableException">The format cannot be made here (no PDF engine), or the layout has no such format.</exception>
    public Task<ReportFile?> GenerateAsync(int organisationId, int planId, string round, ReportFormat format, ReportLayout layout, CancellationToken cancellationToken)
    {
        _ = (db, organisationId, planId, round, format, layout, cancellationToken);
        throw new NotImplementedException("helper B");
    }
}
