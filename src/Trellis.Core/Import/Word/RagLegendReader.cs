using System.Text.RegularExpressions;
using Trellis.Core.Interchange;

namespace Trellis.Core.Import.Word;

/// <summary>The plan's RAG legends as read so far: one scale for progress, one for impact.</summary>
internal sealed class RagLegends
{
    public List<RagRatingDoc> Progress { get; } = [];

    public List<RagRatingDoc> Impact { get; } = [];

    public RagScalesDoc? ToDoc() => Progress.Count == 0 && Impact.Count == 0
        ? null
        : new RagScalesDoc { Progress = Progress.Count > 0 ? Progress : null, Impact = Impact.Count > 0 ? Impact : null };

    /// <summary>The progress code a cell means ("Green", "G", "amber"), by the plan's own legend first; null when it names none.</summary>
    public string? CodeFor(string text)
    {
        var key = PlanText.Key(text);
        if (key.Length == 0)
        {
            return null;
        }

        // "Green - on track": the first word names the rating when the whole text does not.
        foreach (var candidate in new[] { key, key.Split(' ')[0] })
        {
            var own = Progress.FirstOrDefault(r => PlanText.Key(r.Label) == candidate || PlanText.Key(r.Code) == candidate);
            if ((own?.Code ?? RagLegendReader.BasicCode(candidate)) is { } code)
            {
                return code;
            }
        }

        return null;
    }
}

/// <summary>
/// Reads RAG legends: lines such as "Green = Action Completed or no risks" or "Red – No evidence of impact", a table of
/// such cells with a column per scale ("Action Plan | Impact"), or a two-column table "Red | There are significant issues".
/// Blue means complete.
/// </summary>
internal static partial class RagLegendReader
{
    private static readonly Dictionary<string, string> Codes = new(StringComparer.Ordinal)
    {
        ["red"] = "R",
        ["amber"] = "A",
        ["green"] = "G",
        ["blue"] = "B",
        ["black"] = "K",
        ["grey"] = "Gy",
        ["gray"] = "Gy",
        ["purple"] = "P",
        ["yellow"] = "Y",
        ["r"] = "R",
        ["a"] = "A",
        ["g"] = "G",
        ["b"] = "B",
    };

    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["r"] = "Red",
        ["a"] = "Amber",
        ["g"] = "Green",
        ["b"] = "Blue",
    };

    /// <summary>Red, amber, green and blue (or their letters), which need no legend; other colours count only when the plan's legend names them.</summary>
    public static string? BasicCode(string key) => key is "red" or "amber" or "green" or "blue" or "r" or "a" or "g" or "b" ? Codes[key] : null;

    /// <summary>Reads a legend table into <paramref name="legends"/>; false (and nothing added) when the table is not one.</summary>
    public static bool TryReadTable(WordTable table, RagLegends legends)
    {
        var rows = table.Rows.Where(r => !r.IsEmpty).ToList();
        if (rows.Count < 2)
        {
            return false;
        }

        // A two-column "colour | meaning" table.
        var pairs = rows.Select(r => r.FilledCells).Where(c => c.Count == 2).Select(c => Rating(c[0].Text, c[1].Text)).OfType<RagRatingDoc>().ToList();
        if (pairs.Count >= 2 && pairs.Count * 4 >= rows.Count * 3)
        {
            legends.Progress.AddRange(pairs);
            return true;
        }

        // Cells "Colour = meaning", a column per scale, the header naming the scale.
        var first = rows[0].FilledCells.All(c => FromText(c.Text) is null) ? rows[0] : null;
        var body = first is null ? rows : rows.Skip(1).ToList();
        var cells = body.SelectMany(r => r.Cells).Where(c => !c.IsEmpty).ToList();
        var ratings = cells.Select(c => (Cell: c, Rating: FromText(c.Text))).Where(x => x.Rating is not null).ToList();
        if (ratings.Count < 2 || ratings.Count * 4 < cells.Count * 3)
        {
            return false;
        }

        foreach (var (cell, rating) in ratings)
        {
            var header = first?.CellAt(cell.GridColumn)?.Text;
            (IsImpact(header) ? legends.Impact : legends.Progress).Add(rating!);
        }

        return true;
    }

    /// <summary>"Green = Action Completed ...", "Red – No evidence of impact", "Amber: Some delay": a rating, else null.</summary>
    public static RagRatingDoc? FromText(string text)
    {
        var match = Legend().Match(PlanText.OneLine(text));
        return match.Success ? Rating(match.Groups["colour"].Value, match.Groups["meaning"].Value) : null;
    }

    /// <summary>Whether a caption or column header says its legend rates impact rather than progress.</summary>
    public static bool IsImpact(string? caption)
    {
        var key = PlanText.Key(caption);
        return key.Contains("impact", StringComparison.Ordinal) && !key.Contains("progress", StringComparison.Ordinal);
    }

    private static RagRatingDoc? Rating(string colour, string meaning)
    {
        var key = PlanText.Key(colour);
        if (!Codes.TryGetValue(key, out var code) || PlanText.OneLine(meaning).Length == 0)
        {
            return null;
        }

        var label = Labels.GetValueOrDefault(key) ?? PlanText.OneLine(colour);
        var text = PlanText.OneLine(meaning);
        var complete = code == "B" || PlanText.Key(text).StartsWith("complete", StringComparison.Ordinal);
        return new RagRatingDoc { Code = code, Label = label, Meaning = text, Complete = complete ? true : null };
    }

    [GeneratedRegex(@"^(?<colour>red|amber|green|blue|black|grey|gray|purple|yellow)\s*(?:=|:|\u2013|\u2014|-|\t)\s*(?<meaning>\S.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex Legend();
}
