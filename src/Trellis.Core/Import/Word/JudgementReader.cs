using System.Text.RegularExpressions;
using Trellis.Core.Interchange;

namespace Trellis.Core.Import.Word;

/// <summary>
/// Reads inspection judgements from a table or from lines ("Overall Effectiveness | Requires Improvement",
/// "Care leavers: Good"), and the overall judgement written as a sentence ("Children's services in the City of London
/// are good"). Areas keep their words; grades become Outstanding, Good, Requires improvement, Inadequate or Not judged.
/// </summary>
internal static partial class JudgementReader
{
    /// <summary>The judgements of a table that is a judgements table (most of its rows end in a grade), else null.</summary>
    public static List<JudgementDoc>? TryReadTable(WordTable table)
    {
        var rows = table.Rows.Where(r => !r.IsEmpty).Select(r => r.FilledCells.Select(c => PlanText.OneLine(c.Text)).ToList()).ToList();
        return TryRead(rows);
    }

    /// <summary>The judgements of consecutive lines split on tabs or a colon, when most of them end in a grade, else null.</summary>
    public static List<JudgementDoc>? TryReadLines(IEnumerable<string> lines) =>
        TryRead([.. lines.Select(l => LineParts().Split(l.Trim()).Select(p => p.Trim()).Where(p => p.Length > 0).ToList())]);

    /// <summary>One line's judgement ("Care leavers: Good", or the overall judgement as a sentence), else null.</summary>
    public static JudgementDoc? ReadLine(string line) =>
        Read([.. LineParts().Split(line.Trim()).Select(p => p.Trim()).Where(p => p.Length > 0)]);

    private static List<JudgementDoc>? TryRead(List<List<string>> rows)
    {
        var judgements = rows.Select(Read).OfType<JudgementDoc>().ToList();
        var graded = judgements.Count;
        return graded >= 2 && graded * 5 >= rows.Count * 3 ? judgements : null;
    }

    private static JudgementDoc? Read(List<string> parts)
    {
        // The first grade after the area's words: a later column may hold the previous inspection's grade.
        var at = parts.FindIndex(1, p => Grade(p) is not null);
        if (at > 0 && PlanText.WordCount(string.Join(' ', parts[..at])) <= 15)
        {
            return new JudgementDoc { Area = Area(string.Join(' ', parts[..at])), Grade = Grade(parts[at])! };
        }

        if (parts.Count == 1 && SentenceGrade().Match(parts[0]) is { Success: true } sentence && PlanText.WordCount(parts[0]) <= 20)
        {
            return new JudgementDoc { Area = parts[0].TrimEnd('.', ' '), Grade = Grade(sentence.Groups["grade"].Value)! };
        }

        return null;
    }

    /// <summary>The grade a text states, in the five words of the format, or null when it states none.</summary>
    public static string? Grade(string text)
    {
        var key = PlanText.Key(text);
        return key switch
        {
            "outstanding" => "Outstanding",
            "good" => "Good",
            "requires improvement" or "require improvement" or "requires improvement to be good" or "ri" => "Requires improvement",
            "inadequate" => "Inadequate",
            "not judged" or "not graded" => "Not judged",
            _ => null,
        };
    }

    /// <summary>"- Adoption performance", "2.1 Adoption performance", "Children who need help and protection:": the area's words.</summary>
    private static string Area(string text)
    {
        var area = PlanText.WithoutBullet(text);
        if (PlanText.TryNumbered(area, out _, out var rest))
        {
            area = rest;
        }

        return area.TrimEnd(':', ' ', '-', '\u2013');
    }

    [GeneratedRegex(@"\t+|:\s+")]
    private static partial Regex LineParts();

    [GeneratedRegex(@"\b(?:is|are)\s+(?:judged\s+(?:to\s+be\s+)?)?(?<grade>outstanding|good|inadequate|requires?\s+improvement(?:\s+to\s+be\s+good)?)\W*$|\b(?<grade>requires?\s+improvement(?:\s+to\s+be\s+good)?)\W*$", RegexOptions.IgnoreCase)]
    private static partial Regex SentenceGrade();
}
