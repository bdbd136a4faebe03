using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Trellis.Core.Import.Word;

/// <summary>Text tests shared by the plan reader: numbering, bullets, comparison keys.</summary>
internal static partial class PlanText
{
    private static readonly HashSet<string> DocumentSections = new(
        ["introduction", "contents", "table of contents", "background", "foreword", "purpose", "summary", "executive summary", "context",
         "overview", "governance", "structure", "aim", "aims", "key leads", "glossary", "appendix", "appendices", "monitoring", "structure of the plan",
         "how the plan will be monitored", "the plan", "action plan", "improvement plan"],
        StringComparer.Ordinal);

    /// <summary>Lower case, typographic quotes made plain, anything but letters, digits and apostrophes a space: for comparing.</summary>
    public static string Key(string? text)
    {
        var builder = new StringBuilder();
        foreach (var c in (text ?? string.Empty).Normalize(NormalizationForm.FormKC))
        {
            var plain = c is '\u2019' or '\u2018' ? '\'' : char.ToLowerInvariant(c);
            builder.Append(char.IsLetterOrDigit(plain) || plain == '\'' ? plain : ' ');
        }

        return Spaces().Replace(builder.ToString(), " ").Trim();
    }

    /// <summary>Trims, and collapses runs of spaces and tabs within each line; line breaks stay.</summary>
    public static string Tidy(string? text)
    {
        var lines = (text ?? string.Empty).Split('\n').Select(l => Spaces().Replace(l.Replace('\u00a0', ' '), " ").Trim()).Where(l => l.Length > 0);
        return string.Join('\n', lines);
    }

    /// <summary>The text on one line: line breaks become spaces.</summary>
    public static string OneLine(string? text) => Tidy(text).Replace('\n', ' ');

    /// <summary>Drops a bullet typed as text ("• ", "- ", "o ") and markdown emphasis left by conversion.</summary>
    public static string WithoutBullet(string text)
    {
        var trimmed = text.Trim();
        var match = Bullet().Match(trimmed);
        return match.Success ? trimmed[match.Length..].Trim() : trimmed;
    }

    /// <summary>"• First • Second": the items of a list typed on one line, split at each bullet sign; other text is one item.</summary>
    public static IEnumerable<string> SplitInlineBullets(string line)
    {
        var signs = line.Count(c => c is '\u2022' or '\u25aa' or '\u25cf' or '\uf0b7');
        return signs >= 2 ? line.Split(['\u2022', '\u25aa', '\u25cf', '\uf0b7'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [line];
    }

    /// <summary>True when the text is nothing but bullets, dashes and punctuation ("•", "-", "…").</summary>
    public static bool IsOnlyPunctuation(string text) => !text.Any(char.IsLetterOrDigit);

    public static int WordCount(string text) => text.Split((char[])[' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries).Length;

    /// <summary>
    /// "1. Title", "9 Title", "1.2 Title", "A1: Title", "Recommendation 3 - Title": the number as written (no trailing
    /// dot) and the rest. A bare number without punctuation counts only when a capital letter follows, so "3 monthly
    /// audits" is not numbered.
    /// </summary>
    public static bool TryNumbered(string text, out string number, out string rest)
    {
        var trimmed = text.Trim();
        var match = NumberedPrefix().Match(trimmed);
        if (!match.Success)
        {
            match = NamedNumberPrefix().Match(trimmed);
        }

        var tail = match.Success ? trimmed[match.Length..].Trim() : string.Empty;
        var bare = match.Success && match.Groups["punct"].Length == 0 && !match.Groups["number"].Value.Contains('.', StringComparison.Ordinal);
        if (!match.Success || tail.Length == 0 || (bare && !char.IsUpper(tail[0])))
        {
            number = rest = string.Empty;
            return false;
        }

        number = match.Groups["number"].Value;
        rest = tail;
        return true;
    }

    /// <summary>The headings of a plan's own sections ("Introduction", "Governance"), which are never an area's title.</summary>
    public static bool IsDocumentSection(string text) => DocumentSections.Contains(Key(text));

    /// <summary>"Recommendation 3", "Area for improvement 2:" alone on a line: the number of an area whose title follows.</summary>
    public static string? NumberOnlyHeading(string text)
    {
        var match = NumberOnly().Match(text.Trim());
        return match.Success ? match.Groups["number"].Value : null;
    }

    /// <summary>"A. Early Help and Protection" or "B) Looked after children": the letter and the title.</summary>
    public static bool TryLettered(string text, out string letter, out string rest)
    {
        var match = LetteredPrefix().Match(text.Trim());
        letter = match.Success ? match.Groups["letter"].Value : string.Empty;
        rest = match.Success ? text.Trim()[match.Length..].Trim() : string.Empty;
        return match.Success && rest.Length > 0 && char.IsUpper(rest[0]);
    }

    /// <summary>The leading number of a ref as an integer ("3" of "3.2"), for telling whether numbering restarted.</summary>
    public static int? LeadingInteger(string reference)
    {
        var match = LeadingDigits().Match(reference);
        return match.Success && int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    /// <summary>"(Ofsted recommendation 1)", "( Executive Summary - pg. 16 )": the last bracketed remark of a title, trimmed.</summary>
    public static string? TrailingRemark(string text)
    {
        var match = TrailingBrackets().Match(text.Trim());
        return match.Success ? match.Groups["remark"].Value.Trim() : null;
    }

    /// <summary>Words in capitals ("EARLY HELP AND SAFEGUARDING"), as plans write section headings.</summary>
    public static bool IsCapitals(string text)
    {
        var letters = text.Where(char.IsLetter).ToList();
        return letters.Count >= 4 && letters.All(char.IsUpper);
    }

    [GeneratedRegex(@"[ \t\u00a0]+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^(?:[\u2022\u00b7\u25aa\u25cf\u25e6\u2023\u2043\uf0b7\uf0a7\uf076\uf0d8\u27a2*\u2013\u2014-]+|o(?=\s))\s*")]
    private static partial Regex Bullet();

    [GeneratedRegex(@"^(?<number>[A-Z]{0,2}\d{1,3}(?:\.\d{1,3})*[a-z]?)(?:(?<punct>[.):]|\s+[\u2013\u2014-])\s*|\s+)(?=\S)")]
    private static partial Regex NumberedPrefix();

    [GeneratedRegex(@"^(?:ofsted\s+)?(?:recommendation|area\s+for\s+improvement|improvement\s+area|priority|action\s+area|area)\s+(?<number>[A-Z]{0,2}\d{1,3}(?:\.\d{1,3})*)(?<punct>\s*[:.)\u2013\u2014-])\s*", RegexOptions.IgnoreCase)]
    private static partial Regex NamedNumberPrefix();

    [GeneratedRegex(@"^(?:ofsted\s+)?(?:recommendation|area\s+for\s+improvement|improvement\s+area|priority|area)\s+(?<number>[A-Z]{0,2}\d{1,3}(?:\.\d{1,3})?)\s*[:.\u2013\u2014-]?$", RegexOptions.IgnoreCase)]
    private static partial Regex NumberOnly();

    [GeneratedRegex(@"^(?<letter>[A-Z])[.)](?=\s)")]
    private static partial Regex LetteredPrefix();

    [GeneratedRegex(@"^\D*(\d+)")]
    private static partial Regex LeadingDigits();

    [GeneratedRegex(@"\((?<remark>[^()]{2,120})\)[.\s]*$")]
    private static partial Regex TrailingBrackets();
}
