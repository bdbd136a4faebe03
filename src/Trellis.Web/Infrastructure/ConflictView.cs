using System.Globalization;
using Trellis.Core.Concurrency;

namespace Trellis.Web.Infrastructure;

/// <summary>One field of a record: as someone else saved it, and as you typed it.</summary>
public sealed record ConflictField(string Label, string? Theirs, string? Yours)
{
    public bool Differs => !string.Equals(Normal(Theirs), Normal(Yours), StringComparison.Ordinal);

    private static string Normal(string? text) => (text ?? string.Empty).Trim().ReplaceLineEndings("\n");
}

/// <summary>
/// What every edit page shows when its save lost a race (the shared partial _Conflict draws it): their saved version
/// beside yours, field by field, and the choices. "Save mine over theirs" posts <see cref="Mine"/>, which carries
/// their version as the one read, so a third save in between is caught again.
/// </summary>
public sealed class ConflictView
{
    private static readonly TimeZoneInfo London = FindLondon();

    /// <summary>What was being edited, as a sentence names it: "action 1.3", "area 2".</summary>
    public required string What { get; init; }

    public LastSave? TheirSave { get; init; }

    public required IReadOnlyList<ConflictField> Fields { get; init; }

    /// <summary>Hidden fields that post your version again, with their version as the one it replaces.</summary>
    public required IReadOnlyList<KeyValuePair<string, string?>> Mine { get; init; }

    /// <summary>Where "Keep theirs" goes: nothing needs saving to discard your changes.</summary>
    public required string KeepTheirsUrl { get; init; }

    /// <summary>Where "Save mine over theirs" posts; the page itself when null.</summary>
    public string? PostUrl { get; init; }

    /// <summary>Added to element ids when a page shows more than one record.</summary>
    public string IdSuffix { get; init; } = string.Empty;

    /// <summary>Whether the form under the comparison shows your value under each field that differs.</summary>
    public bool YoursBesideFields { get; init; } = true;

    public IEnumerable<ConflictField> Differing => Fields.Where(f => f.Differs);

    public string SavedWhen => TheirSave is null ? string.Empty : When(TheirSave.At);

    public static string When(DateTimeOffset at)
    {
        var local = TimeZoneInfo.ConvertTime(at, London);
        return local.ToString("d MMMM yyyy 'at' h:mmtt", CultureInfo.GetCultureInfo("en-GB")).Replace("AM", "am", StringComparison.Ordinal).Replace("PM", "pm", StringComparison.Ordinal);
    }

    private static TimeZoneInfo FindLondon()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}
