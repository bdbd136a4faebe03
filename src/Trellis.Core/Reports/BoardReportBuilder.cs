using Trellis.Core.Data;

namespace Trellis.Core.Reports;

/// <summary>Builds the report model for a round from the plan as it is now (an open round, or the moment of closing).</summary>
public sealed class BoardReportBuilder(TrellisDbContext db, TimeProvider time)
{
    public Task<BoardReport> BuildAsync(int planId, int roundId, CancellationToken cancellationToken)
    {
        _ = db;
        _ = time;
        throw new NotImplementedException($"Report model for plan {planId}, round {roundId} (helper B).");
    }
}
