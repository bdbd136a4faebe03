using Trellis.Core.Reports;

namespace Trellis.Core.Rounds;

/// <summary>What moved between two rounds' reports (helper A).</summary>
public static class RoundChanges
{
    public static IReadOnlyList<ReportChange> Compare(BoardReport? previous, BoardReport current)
    {
        _ = previous;
        _ = current;
        return [];
    }
}
