using System.Text.Json;
using System.Text.Json.Serialization;

namespace Trellis.Core.Reports;

/// <summary>
/// The stored form of a <see cref="BoardReport"/> (a closed round's snapshot): camelCase, enums as words, so
/// a snapshot reads the same after an enum gains a member. The same report always gives the same text.
/// </summary>
public static class ReportJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = false,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Serialize(BoardReport report) => JsonSerializer.Serialize(report, Options);

    /// <exception cref="JsonException">The text is not a board report.</exception>
    public static BoardReport Deserialize(string json) =>
        JsonSerializer.Deserialize<BoardReport>(json, Options) ?? throw new JsonException("The snapshot is empty.");
}
