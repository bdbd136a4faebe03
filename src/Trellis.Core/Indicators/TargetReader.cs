using System.Globalization;
using System.Text.RegularExpressions;
using Trellis.Core.Dates;

namespace Trellis.Core.Indicators;

public enum TargetKind
{
    /// <summary>"No target", "N/A", blank.</summary>
    None,

    /// <summary>"Under review", "TBC": a target is coming but has no number yet.</summary>
    UnderReview,

    /// <summary>"At least 85%", ">=85%", "No lower than 85%".</summary>
    AtLeast,

    /// <summary>"No higher than 15%", "No more than 16%", "&lt;=4%".</summary>
    AtMost,

    /// <summary>"20-25%", "Between 20% and 25%".</summary>
    Range,

    /// <summary>"90%" alone: which side is good comes from the indicator's polarity.</summary>
    Value,

    /// <summary>Words Trellis cannot read as a target; kept as written.</summary>
    Unreadable,
}

/// <summary>
/// A target as a council wrote it, understood. <see cref="Min"/> and <see cref="Max"/> are the bounds the words
/// give (a bare value has both set to it); <see cref="By"/> is the date in "85% by March 2017", when there is one.
/// </summary>
public sealed record TargetReading(string Text, TargetKind Kind, decimal? Min, decimal? Max, bool IsPercent, DueDateReading? By)
{
    /// <summary>The polarity the words themselves say ("No more than": lower is better), or null when they don't.</summary>
    public Polarity? ImpliedPolarity => Kind switch
    {
        TargetKind.AtLeast => Polarity.HigherIsBetter,
        TargetKind.AtMost => Polarity.LowerIsBetter,
        TargetKind.Range => Polarity.InRange,
        _ => null,
    };

    /// <summary>The bounds to judge a value against, given the indicator's polarity: a bare "90%" is a floor when higher is better, a ceiling when lower is.</summary>
    public (decimal? Min, decimal? Max) Bounds(Polarity polarity) => Kind != TargetKind.Value
        ? (Min, Max)
        : polarity switch
        {
            Polarity.HigherIsBetter => (Min, null),
            Polarity.LowerIsBetter => (null, Max),

            // Which side of a bare value is good is unknown: no bounds rather than a guess.
            _ => (null, null),
        };
}

/// <summary>Reads targets in the words councils use: "90%", "20-25%", "No higher than 15%", "&lt;=4%", "85% by March 2017".</summary>
public static partial class TargetReader
{
    private static readonly string[] NoTarget = ["no target", "no targets", "none", "n/a", "na", "not applicable", "-", "no target set", "not set"];
    private static readonly string[] UnderReview = ["under review", "tbc", "to be confirmed", "to be agreed", "tba", "to be set", "being reviewed", "in development"];

    private static readonly string[] AtMostWords =
    [
        "<=", "=<", "<", "no more than", "no higher than", "not more than", "not higher than", "not above", "no greater than",
        "at most", "maximum of", "maximum", "max", "below", "under", "less than", "fewer than", "lower than", "up to",
    ];

    private static readonly string[] AtLeastWords =
    [
        ">=", "=>", ">", "at least", "no less than", "no lower than", "not less than", "not lower than", "no fewer than",
        "minimum of", "minimum", "min", "above", "over", "more than", "greater than", "higher than", "in excess of",
    ];

    public static TargetReading Read(string? text, DueDateReaderOptions? dueOptions = null)
    {
        var written = (text ?? string.Empty).Trim();
        var key = Normalise(written);
        if (key.Length == 0 || NoTarget.Contains(key))
        {
            return new TargetReading(written, TargetKind.None, null, null, false, null);
        }

        if (UnderReview.Any(u => key == u || key.StartsWith(u + " ", StringComparison.Ordinal)))
        {
            return new TargetReading(written, TargetKind.UnderReview, null, null, false, null);
        }

        DueDateReading? by = null;
        var byMatch = ByDate().Match(key);
        if (byMatch.Success)
        {
            var reading = DueDateReader.Read(byMatch.Groups["date"].Value, dueOptions ?? new DueDateReaderOptions());
            if (reading.Precision != DuePrecision.None && reading.Date is not null)
            {
                by = reading;
                key = byMatch.Groups["target"].Value.Trim();
            }
        }

        var percent = key.Contains('%', StringComparison.Ordinal) || key.Contains("per cent", StringComparison.Ordinal) || key.Contains("percent", StringComparison.Ordinal);
        var range = RangeShape().Match(key);
        if (range.Success && Number(range.Groups["min"].Value) is { } low && Number(range.Groups["max"].Value) is { } high && low <= high)
        {
            return new TargetReading(written, TargetKind.Range, low, high, percent, by);
        }

        var number = FirstNumber().Match(key);
        if (!number.Success || Number(number.Groups["number"].Value) is not { } value)
        {
            return new TargetReading(written, TargetKind.Unreadable, null, null, percent, by);
        }

        var before = key[..number.Index].Trim();
        if (AtMostWords.Any(w => Says(before, w)))
        {
            return new TargetReading(written, TargetKind.AtMost, null, value, percent, by);
        }

        if (AtLeastWords.Any(w => Says(before, w)) || key[(number.Index + number.Length)..].TrimStart(' ', '%').StartsWith('+'))
        {
            return new TargetReading(written, TargetKind.AtLeast, value, null, percent, by);
        }

        return new TargetReading(written, before.Length == 0 || before == "target" ? TargetKind.Value : TargetKind.Unreadable, value, value, percent, by);
    }

    /// <summary>Whether the words before the number end with this operator ("Target: no more than").</summary>
    private static bool Says(string before, string word) =>
        before == word || before.EndsWith(" " + word, StringComparison.Ordinal) || (word[0] is '<' or '>' or '=' && before.EndsWith(word, StringComparison.Ordinal));

    private static string Normalise(string text)
    {
        var key = text.ToLowerInvariant()
            .Replace('\u2264', '<').Replace('\u2265', '>')
            .Replace('\u2013', '-').Replace('\u2014', '-')
            .Replace('\u00a0', ' ');
        key = key.Replace("<", "< ", StringComparison.Ordinal).Replace(">", "> ", StringComparison.Ordinal)
            .Replace("< =", "<=", StringComparison.Ordinal).Replace("> =", ">=", StringComparison.Ordinal).Replace("= <", "=<", StringComparison.Ordinal).Replace("= >", "=>", StringComparison.Ordinal);
        key = Spaces().Replace(key, " ").Trim().TrimEnd('.', ':').Trim();
        if (key.StartsWith("target:", StringComparison.Ordinal))
        {
            key = key["target:".Length..].Trim();
        }

        return key;
    }

    private static decimal? Number(string text) =>
        decimal.TryParse(text.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : null;

    [GeneratedRegex(@"^(?<target>.*\d.*?)\s+by\s+(?:the\s+end\s+of\s+)?(?<date>.+)$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ByDate();

    [GeneratedRegex(@"^(?:between\s+)?(?<min>\d[\d,]*(?:\.\d+)?)\s*%?\s*(?:-|to|and)\s*(?<max>\d[\d,]*(?:\.\d+)?)\s*%?$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex RangeShape();

    [GeneratedRegex(@"(?<number>\d[\d,]*(?:\.\d+)?)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex FirstNumber();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Spaces();
}
