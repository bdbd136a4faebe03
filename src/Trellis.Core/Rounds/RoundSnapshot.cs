using System.Text.Json;
using System.Text.Json.Serialization;
using Trellis.Core.Reports;

namespace Trellis.Core.Rounds;

/// <summary>The JSON a closed round keeps of its report (enums as names, so a snapshot reads the same after enums grow).</summary>
public static class RoundSnapshot
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Serialize(BoardReport report) => JsonSerializer.Serialize(report, Options);

    public static BoardReport? Deserialize(string? json) =>
        string.IsNullOrWhiteSpace(json) ? null : JsonSerializer.Deserialize<BoardReport>(json, Options);
}
