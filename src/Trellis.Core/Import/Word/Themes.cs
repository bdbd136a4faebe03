using Trellis.Core.Interchange;

namespace Trellis.Core.Import.Word;

/// <summary>
/// The plan's themes. A theme is known by its letter ("A. Early Help and Protection") or, when it has none, by a key
/// made here (T1, T2...); the same theme written differently elsewhere ("A. EARLY HELP AND SAFEGUARDING", or the
/// bare title again) is recognised as an alias, so areas under either heading share the theme.
/// </summary>
internal sealed class Themes
{
    private readonly List<ThemeDoc> themes = [];
    private readonly Dictionary<string, string> keysByTitle = new(StringComparer.Ordinal);

    public IReadOnlyList<ThemeDoc> All => themes;

    /// <summary>Adds or recognises a theme and returns its key; the first title seen for a key is the one kept.</summary>
    public string Add(string? letter, string title)
    {
        var titleKey = PlanText.Key(title);
        var key = letter is { Length: > 0 } ? letter : Find(title) ?? $"T{themes.Count(t => t.Key.StartsWith('T')) + 1}";
        if (!themes.Exists(t => t.Key == key))
        {
            themes.Add(new ThemeDoc { Key = key, Title = PlanText.OneLine(title) });
        }

        keysByTitle.TryAdd(titleKey, key);
        return key;
    }

    /// <summary>The key of a theme already seen under this title, in any case.</summary>
    public string? Find(string title) => keysByTitle.GetValueOrDefault(PlanText.Key(title));
}

/// <summary>One entry of the inspection's recommendation list, with what the list's other columns say about it.</summary>
internal sealed class Recommendation(string number, string title, string? theme)
{
    public string Number { get; } = number;

    public string Title { get; } = title;

    public string? Theme { get; } = theme;

    public string? Leads { get; init; }

    public string? SeniorLeads { get; init; }

    public string? LinkedPlans { get; init; }

    public string? Rag { get; init; }

    /// <summary>Set when an area of the plan takes this recommendation as its source.</summary>
    public bool Used { get; set; }
}
