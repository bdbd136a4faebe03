using System.Globalization;
using System.Text.RegularExpressions;

namespace Trellis.Core.Import.Word;

/// <summary>What the introduction's sentence about the inspection says.</summary>
internal sealed record InspectionSentence(string? Organisation, string? Framework, DateOnly? Start, DateOnly? End, DateOnly? Published);

/// <summary>
/// Reads the council and the inspection from the introduction's prose: "The London Borough of Lewisham was inspected
/// under Ofsted's Single Inspection Framework from 26th October - 20th November 2015. The report published on the 19th
/// January 2016 ...". Also the plan's governance bodies and monitoring cadence from its governance paragraphs.
/// </summary>
internal static partial class IntroductionReader
{
    private static readonly Dictionary<string, int> Months = new(StringComparer.OrdinalIgnoreCase)
    {
        ["january"] = 1,
        ["jan"] = 1,
        ["february"] = 2,
        ["feb"] = 2,
        ["march"] = 3,
        ["mar"] = 3,
        ["april"] = 4,
        ["apr"] = 4,
        ["may"] = 5,
        ["june"] = 6,
        ["jun"] = 6,
        ["july"] = 7,
        ["jul"] = 7,
        ["august"] = 8,
        ["aug"] = 8,
        ["september"] = 9,
        ["sept"] = 9,
        ["sep"] = 9,
        ["october"] = 10,
        ["oct"] = 10,
        ["november"] = 11,
        ["nov"] = 11,
        ["december"] = 12,
        ["dec"] = 12,
    };

    /// <summary>Words a council's name may hold in lower case ("London Borough of Richmond upon Thames").</summary>
    private static readonly HashSet<string> NameJoiners = new(["of", "and", "upon", "on", "the", "in", "&"], StringComparer.Ordinal);

    /// <summary>Reads the sentence about the inspection, or null when the text has none.</summary>
    public static InspectionSentence? Read(string text)
    {
        var inspected = Inspected().Match(text);
        var organisation = inspected.Success ? Organisation(inspected.Groups["subject"].Value) : null;
        organisation ??= InspectionOf().Match(text) is { Success: true } of ? Organisation(of.Groups["subject"].Value) : null;
        organisation ??= PossessiveServices().Match(text) is { Success: true } owner ? Organisation(owner.Groups["subject"].Value) : null;
        if (organisation is null && !inspected.Success)
        {
            return null;
        }

        var (start, end) = DateRange(text);
        return new InspectionSentence(organisation, Framework(text), start, end, Published(text, end));
    }

    /// <summary>A council named anywhere in the text ("... by Riverside Borough Council ..."), for documents that never say it was inspected.</summary>
    public static string? NamedCouncil(string text)
    {
        var match = CouncilName().Match(text);
        return match.Success ? Organisation(match.Value) : null;
    }

    /// <summary>"quarterly", "monthly" or "six-monthly" when the text says how often the plan is monitored.</summary>
    public static string? Cadence(string text)
    {
        var key = PlanText.Key(text);
        if (SixMonthly().IsMatch(key))
        {
            return "six-monthly";
        }

        if (key.Contains("quarterly", StringComparison.Ordinal) || key.Contains("each quarter", StringComparison.Ordinal) || key.Contains("every quarter", StringComparison.Ordinal))
        {
            return "quarterly";
        }

        return key.Contains("monthly", StringComparison.Ordinal) ? "monthly" : null;
    }

    /// <summary>The boards and committees a governance paragraph names ("Lewisham Safeguarding Children Board").</summary>
    public static IEnumerable<string> GoverningBodies(string text) =>
        GoverningBody().Matches(text).Select(m => m.Value.Trim()).Select(StripLeadingJoiners).Where(b => PlanText.WordCount(b) >= 2);

    private static string StripLeadingJoiners(string body)
    {
        var words = body.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        while (words.Count > 1 && (NameJoiners.Contains(words[0].ToLowerInvariant()) || words[0] is "The" or "This" or "A" or "An" or "Our"))
        {
            words.RemoveAt(0);
        }

        return string.Join(' ', words);
    }

    /// <summary>"The London Borough of Lewisham" -> "London Borough of Lewisham"; null when the words are not a name.</summary>
    private static string? Organisation(string subject)
    {
        var text = PlanText.OneLine(subject).Trim(' ', ',', '.');

        // "In October 2015, Riverside Council" and "Children's services in Barnet": the name is the last part.
        text = text[(text.LastIndexOf(',') + 1)..].Trim();
        var inAt = text.LastIndexOf(" in ", StringComparison.Ordinal);
        if (inAt >= 0 && text[..inAt].Any(char.IsLower))
        {
            text = text[(inAt + 4)..];
        }

        text = TrailingPossessive().Replace(text, string.Empty);
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        while (words.Count > 0 && NameJoiners.Contains(words[0].ToLowerInvariant()))
        {
            words.RemoveAt(0);
        }

        var isName = words.Count is > 0 and <= 9
            && words.TrueForAll(w => char.IsUpper(w[0]) || NameJoiners.Contains(w))
            && char.IsUpper(words[^1][0]);
        return isName ? string.Join(' ', words) : null;
    }

    /// <summary>"under Ofsted's Single Inspection Framework from ...": the framework as written.</summary>
    private static string? Framework(string text)
    {
        var under = Under().Match(text);
        if (under.Success)
        {
            return under.Groups["framework"].Value.Trim();
        }

        var named = KnownFramework().Match(text);
        return named.Success ? named.Value.Trim() : null;
    }

    /// <summary>"26th October - 20th November 2015", "4 - 28 July 2016", "between 4 and 28 July 2016".</summary>
    private static (DateOnly? Start, DateOnly? End) DateRange(string text)
    {
        var match = Range().Match(text);
        if (!match.Success || !Months.TryGetValue(match.Groups["m2"].Value, out var endMonth))
        {
            return (null, null);
        }

        var endYear = int.Parse(match.Groups["y2"].Value, CultureInfo.InvariantCulture);
        var startMonth = match.Groups["m1"].Success && Months.TryGetValue(match.Groups["m1"].Value, out var m1) ? m1 : endMonth;
        var startYear = match.Groups["y1"].Success ? int.Parse(match.Groups["y1"].Value, CultureInfo.InvariantCulture)
            : startMonth > endMonth ? endYear - 1 : endYear;
        var start = Date(startYear, startMonth, match.Groups["d1"].Value);
        var end = Date(endYear, endMonth, match.Groups["d2"].Value);
        return (start, end);
    }

    /// <summary>"published on the 19th January 2016"; a date without a year is the first such date after the inspection.</summary>
    private static DateOnly? Published(string text, DateOnly? inspectionEnd)
    {
        var match = PublishedOn().Match(text);
        if (!match.Success || !Months.TryGetValue(match.Groups["month"].Value, out var month))
        {
            return null;
        }

        if (match.Groups["year"].Success)
        {
            return Date(int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture), month, match.Groups["day"].Value);
        }

        if (inspectionEnd is not { } end)
        {
            return null;
        }

        var sameYear = Date(end.Year, month, match.Groups["day"].Value);
        return sameYear is { } d && d < end ? Date(end.Year + 1, month, match.Groups["day"].Value) : sameYear;
    }

    private static DateOnly? Date(int year, int month, string day)
    {
        var d = int.Parse(day, CultureInfo.InvariantCulture);
        return d >= 1 && d <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, d) : null;
    }

    [GeneratedRegex(@"(?<subject>[^.;:]{3,160}?)\s+(?:was|were|has\s+been|had\s+been|have\s+been)\s+inspected\b")]
    private static partial Regex Inspected();

    [GeneratedRegex(@"(?:inspection|inspected)\s+(?:of\s+)?(?:children['\u2019]s\s+services\s+(?:in|at)\s+)(?<subject>(?:the\s+)?[A-Z][\w'\u2019\-]*(?:\s+(?:of|and|upon|on|[A-Z][\w'\u2019\-]*))*)")]
    private static partial Regex InspectionOf();

    [GeneratedRegex(@"(?:the\s+)?(?:(?:London|Royal|Metropolitan)\s+Borough\s+of\s+[A-Z][\w\-]*(?:\s+(?:upon|and|on)\s+[A-Z][\w\-]*)*|City\s+of\s+[A-Z][\w\-]*|(?:[A-Z][\w\-]*\s+){1,3}(?:County|Borough|City|District|Metropolitan\s+Borough)\s+Council)")]
    private static partial Regex CouncilName();

    /// <summary>"Ofsted's inspection of Riverside Borough Council's children's services".</summary>
    [GeneratedRegex(@"inspect(?:ion|ed)\s+(?:of\s+)?(?<subject>(?:the\s+)?[A-Z][\w\-]*(?:\s+(?:of|and|upon|on|[A-Z][\w\-]*))*)['\u2019]s?\s+children['\u2019]s\s+services")]
    private static partial Regex PossessiveServices();

    [GeneratedRegex(@"['\u2019]s$")]
    private static partial Regex TrailingPossessive();

    [GeneratedRegex(@"inspected\s+under\s+(?:Ofsted['\u2019]s\s+|the\s+)?(?<framework>[^.;]{3,200}?)\s+(?:from|between|during|on|in)\s+(?=\d|the\s+\d|[A-Z][a-z]+\s+\d)")]
    private static partial Regex Under();

    [GeneratedRegex(@"(?:single\s+inspection\s+framework|inspection\s+of\s+local\s+authority\s+children['\u2019]s\s+services(?:\s+\(ILACS\))?|\bILACS\b|focused\s+visit|monitoring\s+visit|joint\s+targeted\s+area\s+inspection)", RegexOptions.IgnoreCase)]
    private static partial Regex KnownFramework();

    [GeneratedRegex(@"(?<d1>\d{1,2})(?:st|nd|rd|th)?(?:\s+(?<m1>[A-Za-z]{3,9}))?(?:\s+(?<y1>\d{4}))?\s*(?:-|\u2013|\u2014|to|until|and)\s*(?<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?<m2>[A-Za-z]{3,9})\s+(?<y2>\d{4})")]
    private static partial Regex Range();

    [GeneratedRegex(@"published\s+(?:[a-z]+\s+){0,3}?(?:on\s+)?(?:the\s+)?(?<day>\d{1,2})(?:st|nd|rd|th)?\s+(?<month>[A-Za-z]{3,9})(?:\s+(?<year>\d{4}))?", RegexOptions.IgnoreCase)]
    private static partial Regex PublishedOn();

    [GeneratedRegex(@"\b(?:six monthly|6 monthly|half yearly|bi annual|bi annually|biannual|biannually|twice a year|twice yearly)\b")]
    private static partial Regex SixMonthly();

    [GeneratedRegex(@"(?<![\w'\u2019])(?:[A-Z][\w'\u2019\-]*\s+(?:(?:and|of|for|&)\s+)?)*?(?:Sub-Committee|Board|Boards|Committee|Committees|Partnership|Panel|Cabinet|Forum)\b")]
    private static partial Regex GoverningBody();
}
