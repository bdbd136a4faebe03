using System.Text;
using Trellis.Core.Dates;
using Trellis.Core.Plans;

namespace Trellis.Core.Reports.Docx;

/// <summary>The words and colours the Word and Excel renderers share, so both say a rating the same way.</summary>
internal static class ReportWords
{

    public static string Date(DateOnly date) => DateText.Long(date);

    public static string FinalOrDraft(ReportRound round) => round.IsFinal ? "Final" : "Draft";

    public static string Status(ActionStatus? status) => status switch
    {
        ActionStatus.NotStarted => "Not started",
        ActionStatus.InProgress => "In progress",
        ActionStatus.Complete => "Complete",
        ActionStatus.Dropped => "Dropped",
        _ => string.Empty,
    };

    public static ReportRating? Find(IReadOnlyList<ReportRating> scale, string? code) =>
        code is null ? null : scale.FirstOrDefault(r => string.Equals(r.Code, code, StringComparison.OrdinalIgnoreCase));

    /// <summary>The rating in words as the plan says it; an unknown code stays as written.</summary>
    public static string Label(IReadOnlyList<ReportRating> scale, string? code) =>
        code is null ? "Not rated" : Find(scale, code)?.Label ?? code;

    public static RagColour? Colour(IReadOnlyList<ReportRating> scale, string? code) => Find(scale, code)?.Colour;

    /// <summary>Fill colours chosen so the label printed on them keeps 4.5:1 contrast.</summary>
    public static string Fill(RagColour colour) => colour switch
    {
        RagColour.Red => "D4351C",
        RagColour.Amber => "FFBF47",
        RagColour.Green => "00703C",
        RagColour.Blue => "1D70B8",
        _ => "D9D9D9",
    };

    public static string TextColour(RagColour colour) => colour is RagColour.Amber or RagColour.Grey ? "000000" : "FFFFFF";

    public static string ColourName(RagColour colour) => colour.ToString();

    public static bool IsRed(BoardReport report, ReportAction action) => Colour(report.ProgressScale, action.RagCode) == RagColour.Red;

    /// <summary>"1. Title"; a number written as "1." keeps its own full stop.</summary>
    public static string AreaTitle(ReportArea area) =>
        area.Number.Length == 0 ? area.Title : area.Number.EndsWith('.') ? $"{area.Number} {area.Title}" : $"{area.Number}. {area.Title}";

    /// <summary>
    /// The area's changes since the last round: the report's own list, plus any action marked changed that the
    /// list does not describe, so nothing marked changed goes missing from an exceptions report.
    /// </summary>
    public static List<ReportChange> ChangesFor(BoardReport report, ReportArea area)
    {
        var changes = report.Changes.Where(c => c.AreaNumber == area.Number).ToList();
        foreach (var action in area.Actions.Where(a => a.Changed))
        {
            if (!changes.Exists(c => c.ActionRef == action.Ref && (c.ActionText is null || c.ActionText == action.Text)))
            {
                var since = report.PreviousRoundName is { } previous ? $" since {previous}" : " since the last round";
                changes.Add(new ReportChange(ChangeKind.New, area.Number, action.Ref, action.Text, null, null, $"Updated{since}"));
            }
        }

        return changes;
    }

    public static string Join(IReadOnlyList<string> items) => string.Join("; ", items);

    /// <summary>Drops characters XML 1.0 cannot hold (control characters, lone surrogates); Word would refuse the file.</summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        StringBuilder? builder = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var ok = c is '\t' or '\n' or '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder?.Append(c).Append(text[i + 1]);
                i++;
                continue;
            }

            if (ok)
            {
                builder?.Append(c);
            }
            else
            {
                builder ??= new StringBuilder(text, 0, i, text.Length);
            }
        }

        return builder?.ToString() ?? text;
    }

    /// <summary>The periods of all the indicators, in the order they first appear (each indicator lists oldest first).</summary>
    public static List<string> Periods(IEnumerable<ReportIndicator> indicators)
    {
        var periods = new List<string>();
        foreach (var value in indicators.SelectMany(i => i.Values))
        {
            if (!periods.Contains(value.Period))
            {
                periods.Add(value.Period);
            }
        }

        return periods;
    }

    public static string RollUpSentence(BoardReport report, RollUp rollUp)
    {
        var rated = rollUp.ByRag.Where(c => c.Count > 0).Select(c => $"{c.Count} {c.Label} ({c.Percent}%)");
        var sentence = $"Of {rollUp.Total} actions, {rollUp.DueThisYear} are due this year and {rollUp.Overdue} {(rollUp.Overdue == 1 ? "is" : "are")} overdue.";
        var list = string.Join(", ", rated);
        return list.Length == 0 ? sentence : $"{sentence} By rating: {list}.";
    }

    /// <summary>The area's linked indicators, in the report's order.</summary>
    public static List<ReportIndicator> IndicatorsFor(BoardReport report, ReportArea area) =>
        [.. report.Indicators.Where(i => area.IndicatorKeys.Contains(i.Key) || i.AreaNumbers.Contains(area.Number))];

    public static string Latest(ReportIndicator indicator) =>
        indicator.Values.Count == 0 ? "No data" : $"{indicator.Values[^1].Display} ({indicator.Values[^1].Period})";

    public static string OpenDueTexts(ReportArea area) => string.Join("\n", area.Actions
        .Where(a => a.Status is not (ActionStatus.Complete or ActionStatus.Dropped) && a.DueText.Length > 0)
        .Select(a => a.DueText)
        .Distinct(StringComparer.Ordinal));
}
