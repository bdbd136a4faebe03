using System.Globalization;
using System.Text;

namespace Trellis.Core.Interchange;

/// <summary>
/// Pairs the areas (or actions) of two versions of a plan. Numbers repeat and get edited, and so does text, so no
/// single key will do; the passes go from most to least certain, and each pair says how it was made.
/// </summary>
internal static class PlanMatcher
{
    /// <summary>Below this, two texts under the same number are not taken for the same thing.</summary>
    private const double SameNumberSimilarity = 0.5;

    /// <summary>Text alone, with a different number, must be this close: a light edit, not a new sentence.</summary>
    private const double TextOnlySimilarity = 0.8;

    internal readonly record struct Item(string Key, string Text);

    internal sealed record Pair(int Left, int Right, string How);

    /// <param name="left">Trellis's items (or the last import's), by position.</param>
    /// <param name="right">The other version's items, by position.</param>
    /// <param name="keyWord">"number" or "ref", for the words of <see cref="Pair.How"/>.</param>
    /// <param name="textWord">"title" or "text".</param>
    public static List<Pair> Match(IReadOnlyList<Item> left, IReadOnlyList<Item> right, string keyWord, string textWord)
    {
        var leftKeys = left.Select(i => Key(i.Key)).ToList();
        var rightKeys = right.Select(i => Key(i.Key)).ToList();
        var leftTexts = left.Select(i => Normalise(i.Text)).ToList();
        var rightTexts = right.Select(i => Normalise(i.Text)).ToList();
        var leftTaken = new bool[left.Count];
        var rightTaken = new bool[right.Count];
        var pairs = new List<Pair>();

        void Take(int l, int r, string how)
        {
            leftTaken[l] = rightTaken[r] = true;
            pairs.Add(new Pair(l, r, how));
        }

        // 1. Same number and same text: certain, and it settles repeated numbers before anything guesses.
        for (var r = 0; r < right.Count; r++)
        {
            var l = FirstFree(leftTaken, l => leftKeys[l] == rightKeys[r] && leftTexts[l].Length > 0 && leftTexts[l] == rightTexts[r]);
            if (l >= 0)
            {
                Take(l, r, $"by {keyWord} {right[r].Key.Trim()} and {textWord}");
            }
        }

        // 2. Same text under another number: renumbered.
        for (var r = 0; r < right.Count; r++)
        {
            var l = rightTaken[r] ? -1 : FirstFree(leftTaken, l => leftTexts[l].Length > 0 && leftTexts[l] == rightTexts[r]);
            if (l >= 0)
            {
                Take(l, r, $"by {textWord} ({keyWord} {left[l].Key.Trim()} is now {right[r].Key.Trim()})");
            }
        }

        // 3. Same number, text edited. A number used once on each side is enough; a repeated one needs similar text.
        foreach (var key in rightKeys.Where((k, r) => !rightTaken[r] && k.Length > 0).Distinct(StringComparer.Ordinal).ToList())
        {
            var ls = Enumerable.Range(0, left.Count).Where(l => !leftTaken[l] && leftKeys[l] == key).ToList();
            var rs = Enumerable.Range(0, right.Count).Where(r => !rightTaken[r] && rightKeys[r] == key).ToList();
            if (ls.Count == 1 && rs.Count == 1)
            {
                Take(ls[0], rs[0], $"by {keyWord} {right[rs[0]].Key.Trim()}");
                continue;
            }

            foreach (var (l, r, similarity) in Closest(ls, rs, leftTexts, rightTexts, SameNumberSimilarity))
            {
                if (!leftTaken[l] && !rightTaken[r])
                {
                    Take(l, r, $"by {keyWord} {right[r].Key.Trim()} and similar {textWord} ({Percent(similarity)})");
                }
            }
        }

        // 4. Lightly edited text under another number.
        var freeLeft = Enumerable.Range(0, left.Count).Where(l => !leftTaken[l]).ToList();
        var freeRight = Enumerable.Range(0, right.Count).Where(r => !rightTaken[r]).ToList();
        foreach (var (l, r, similarity) in Closest(freeLeft, freeRight, leftTexts, rightTexts, TextOnlySimilarity))
        {
            if (!leftTaken[l] && !rightTaken[r])
            {
                Take(l, r, $"by similar {textWord} ({Percent(similarity)})");
            }
        }

        return pairs;
    }

    /// <summary>Lower case letters and digits separated by single spaces: punctuation, case and spacing do not count.</summary>
    public static string Normalise(string? text)
    {
        var builder = new StringBuilder((text ?? string.Empty).Length);
        var space = false;
        foreach (var c in (text ?? string.Empty).Normalize(NormalizationForm.FormKC))
        {
            if (char.IsLetterOrDigit(c))
            {
                if (space && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                builder.Append(char.ToLowerInvariant(c));
                space = false;
            }
            else
            {
                space = true;
            }
        }

        return builder.ToString();
    }

    /// <summary>Numbers and refs as written, without case, spaces or a trailing full stop: "1.2." is "1.2".</summary>
    public static string Key(string? key) =>
        string.Concat((key ?? string.Empty).Where(c => !char.IsWhiteSpace(c))).TrimEnd('.', ')').ToUpperInvariant();

    /// <summary>How alike two normalised texts are, 0 to 1: the Dice coefficient of their letter pairs.</summary>
    public static double Similarity(string a, string b)
    {
        if (a.Length < 2 || b.Length < 2)
        {
            return a == b && a.Length > 0 ? 1 : 0;
        }

        var pairs = new Dictionary<(char, char), int>();
        for (var i = 0; i < a.Length - 1; i++)
        {
            pairs[(a[i], a[i + 1])] = pairs.GetValueOrDefault((a[i], a[i + 1])) + 1;
        }

        var shared = 0;
        for (var i = 0; i < b.Length - 1; i++)
        {
            if (pairs.TryGetValue((b[i], b[i + 1]), out var count) && count > 0)
            {
                pairs[(b[i], b[i + 1])] = count - 1;
                shared++;
            }
        }

        return 2.0 * shared / (a.Length - 1 + b.Length - 1);
    }

    private static int FirstFree(bool[] taken, Func<int, bool> fits)
    {
        for (var i = 0; i < taken.Length; i++)
        {
            if (!taken[i] && fits(i))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Candidate pairs at least <paramref name="threshold"/> alike, closest first (ties in document order).</summary>
    private static List<(int Left, int Right, double Similarity)> Closest(
        List<int> lefts, List<int> rights, List<string> leftTexts, List<string> rightTexts, double threshold) =>
        lefts.SelectMany(l => rights.Select(r => (Left: l, Right: r, Similarity: Similarity(leftTexts[l], rightTexts[r]))))
            .Where(p => p.Similarity >= threshold)
            .OrderByDescending(p => p.Similarity).ThenBy(p => p.Right).ThenBy(p => p.Left)
            .ToList();

    private static string Percent(double similarity) => string.Create(CultureInfo.InvariantCulture, $"{Math.Floor(similarity * 100):0}%");
}
