using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Trellis.Core.Interchange;

/// <summary>
/// Reads and writes the plan interchange JSON (docs/interchange/plan-interchange.md). Reading is strict and
/// reports every problem at once, each with its JSON path, so an author can fix a file in one go.
/// </summary>
public static class PlanJson
{
    /// <summary>camelCase, nulls left out, dates as yyyy-MM-dd, indented, and non-ASCII text kept readable.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    // Comments and trailing commas are not JSON; a file with them was written by hand and should be fixed.
    private static readonly JsonDocumentOptions DocumentOptions = new() { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow };

    public static string Write(PlanDocument document) => JsonSerializer.Serialize(document, Options);

    public static PlanReadResult Read(string json, string sourceName)
    {
        try
        {
            using var parsed = JsonDocument.Parse(json, DocumentOptions);
            return Read(parsed, sourceName);
        }
        catch (JsonException e)
        {
            return NotJson(sourceName, e);
        }
    }

    public static PlanReadResult Read(Stream stream, string sourceName)
    {
        try
        {
            using var parsed = JsonDocument.Parse(stream, DocumentOptions);
            return Read(parsed, sourceName);
        }
        catch (JsonException e)
        {
            return NotJson(sourceName, e);
        }
    }

    public static async Task<PlanReadResult> ReadAsync(Stream stream, string sourceName, CancellationToken cancellationToken = default)
    {
        try
        {
            using var parsed = await JsonDocument.ParseAsync(stream, DocumentOptions, cancellationToken);
            return Read(parsed, sourceName);
        }
        catch (JsonException e)
        {
            return NotJson(sourceName, e);
        }
    }

    private static PlanReadResult Read(JsonDocument parsed, string sourceName)
    {
        // The walk reports what is structurally wrong and hands back a copy that is safe to deserialize,
        // so the rules about meaning (references, words, limits) can run too and the author sees everything at once.
        var walker = new JsonShapeWalker();
        var cleaned = walker.Walk(parsed.RootElement, typeof(PlanDocument));
        var document = cleaned.Deserialize<PlanDocument>(Options)
            ?? throw new InvalidOperationException("A cleaned plan document deserialized to null");

        // A rule's complaint about a value the walk already reported (and replaced) would only repeat it.
        var problems = walker.Problems
            .Concat(PlanDocumentValidator.Validate(document).Where(p => !walker.Reported(p.Path)))
            .ToList();
        return problems.Count == 0
            ? new PlanReadResult { Source = sourceName, Document = document }
            : PlanReadResult.Failed(sourceName, problems);
    }

    private static PlanReadResult NotJson(string sourceName, JsonException e)
    {
        // The reader's message ends with its own position and advice to programmers; say where the way people count instead.
        var reason = e.Message;
        foreach (var tail in new[] { " LineNumber:", " Change the reader options." })
        {
            var cut = reason.IndexOf(tail, StringComparison.Ordinal);
            reason = cut > 0 ? reason[..cut] : reason;
        }

        var where = e.LineNumber is { } line ? $" at line {line + 1}, character {(e.BytePositionInLine ?? 0) + 1}" : string.Empty;
        return PlanReadResult.Failed(sourceName, [new InterchangeProblem("$", $"not valid JSON{where}: {reason}")]);
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            WriteIndented = true,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
