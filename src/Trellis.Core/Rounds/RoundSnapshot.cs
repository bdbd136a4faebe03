using Trellis.Core.Reports;

namespace Trellis.Core.Rounds;

/// <summary>A closed round's frozen report, read and written as <see cref="ReportJson"/>.</summary>
public static class RoundSnapshot
{
    public static string Serialize(BoardReport report) => ReportJson.Serialize(report);

    /// <summary>Null for an open round (no snapshot yet).</summary>
    public static BoardReport? Deserialize(string? json) => string.IsNullOrWhiteSpace(json) ? null : ReportJson.Deserialize(json);
}
