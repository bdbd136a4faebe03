using Trellis.Core.Plans;

namespace Trellis.Web.Infrastructure;

/// <summary>A rating ready to show: the plan's label, its meaning and the tag colour.</summary>
public sealed record RagLabel(string Code, string Label, string? Meaning, RagColour Colour, bool IsComplete)
{
    public static RagLabel From(RagRating r) => new(r.Code, r.Label, r.Meaning, r.Colour, r.IsComplete);
}

/// <summary>Finds a code's label on a plan's scale; a code the scale lacks still shows as written.</summary>
public sealed class RagLookup(IEnumerable<RagLabel> ratings)
{
    private readonly Dictionary<string, RagLabel> _byCode = ratings
        .GroupBy(r => r.Code, StringComparer.OrdinalIgnoreCase)
        .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);

    public RagLabel? this[string? code] => code is null
        ? null
        : _byCode.TryGetValue(code, out var label) ? label : new RagLabel(code, code, null, RagColour.Grey, false);
}
