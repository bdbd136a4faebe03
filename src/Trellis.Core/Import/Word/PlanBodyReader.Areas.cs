using System.Globalization;

namespace Trellis.Core.Import.Word;

// Area headings: telling a numbered heading that starts an area from a numbered paragraph of prose.
internal sealed partial class PlanBodyReader
{
    private bool TryAreaHeading(WordParagraph paragraph, string text)
    {
        if (PlanText.NumberOnlyHeading(text) is { } number)
        {
            return TryNumberOnlyHeading(number);
        }

        if (HeadingOf(paragraph, text) is not { } heading || !ConfirmsArea(heading, index))
        {
            return false;
        }

        StartArea(heading.Number, heading.Title, MatchRecommendation(heading.Title));
        return true;
    }

    /// <summary>"Recommendation 3" on its own: the title is the next line, or, when none follows, the recommendation list's.</summary>
    private bool TryNumberOnlyHeading(string number)
    {
        var next = index + 1 < units.Count ? units[index + 1] : null;
        var title = next switch
        {
            ParagraphUnit p => PlanText.OneLine(p.Paragraph.Text),
            RowUnit { Row.FilledCells: [var only] } => PlanText.OneLine(only.Text),
            _ => string.Empty,
        };
        if (PlanText.WordCount(title) >= 3 && AreaLabels.Read(title) is null && !PlanText.TryNumbered(title, out _, out _) && ConfirmsArea((number, title), index + 1))
        {
            index++;
            StartArea(number, title, MatchRecommendation(title));
            return true;
        }

        if (recommendations.FirstOrDefault(r => !r.Used && r.Number == number) is { } listed && ConfirmsArea((number, listed.Title), index))
        {
            StartArea(number, listed.Title, listed);
            return true;
        }

        return false;
    }

    /// <summary>
    /// "appropriate actions are taken to improve services." alone where a section starts: the end of a recommendation's
    /// text whose heading was lost, so the area is that recommendation's.
    /// </summary>
    private bool TryLostHeading(string text)
    {
        var key = PlanText.Key(text);
        if (key.Length < 20 || PlanText.WordCount(text) < 4 || (area is not null && PlanText.Key(area.Title).Contains(key, StringComparison.Ordinal)))
        {
            return false;
        }

        var matches = recommendations.Where(r => !r.Used && PlanText.Key(r.Title).Contains(key, StringComparison.Ordinal)).ToList();
        if (matches.Count != 1)
        {
            return false;
        }

        var recommendation = matches[0];
        StartArea(recommendation.Number, recommendation.Title, recommendation);
        area!.Warnings.Add($"The section's heading was not found whole (only '{text}'); its number and title are those of recommendation {recommendation.Number} in the recommendation list");
        return true;
    }

    private void StartArea(string number, string title, Recommendation? recommendation)
    {
        actions = null;
        pending = null;
        candidateHeading = null;

        // The same heading again (repeated at the top of a page) continues its area.
        var same = Areas.FirstOrDefault(a => a.Number == number && PlanText.Key(a.Title) == PlanText.Key(title));
        if (same is not null)
        {
            area = same;
            return;
        }

        area = new AreaBuilder(number, title, theme ?? recommendation?.Theme) { Recommendation = recommendation };
        if (recommendation is not null)
        {
            recommendation.Used = true;
        }

        Areas.Add(area);
        if (suspended is not null && units[index] is RowUnit row && ReferenceEquals(row.Table, suspended.Table))
        {
            // One table for several areas: each area's heading row is followed by its actions under the table's header.
            actions = suspended;
            actions.Last = null;
            actions.LastUnit = index;
            suspended = null;
        }
    }

    private void StartUnnumberedArea(string heading)
    {
        var number = NextAreaNumber().ToString(CultureInfo.InvariantCulture);
        StartArea(number, heading, MatchRecommendation(heading));
        area!.Warnings.Add($"The area has no number in the document; it is numbered {number} by its position");
    }

    private int NextAreaNumber() => Areas.Count == 0 ? 1 : (PlanText.LeadingInteger(Areas[^1].Number) ?? Areas.Count) + 1;

    private bool IsNextAreaNumber(string number) => PlanText.LeadingInteger(number) == NextAreaNumber() && !number.Contains('.', StringComparison.Ordinal);

    private Recommendation? NextRecommendation()
    {
        var next = NextAreaNumber().ToString(CultureInfo.InvariantCulture);
        return recommendations.FirstOrDefault(r => !r.Used && r.Number == next);
    }

    /// <summary>The recommendation a title repeats (its first words match), if the document lists recommendations.</summary>
    private Recommendation? MatchRecommendation(string title) =>
        recommendations.FirstOrDefault(r => !r.Used && TitlesMatch(r.Title, title));

    internal static bool TitlesMatch(string a, string b)
    {
        var x = PlanText.Key(a);
        var y = PlanText.Key(b);
        var length = Math.Min(60, Math.Min(x.Length, y.Length));
        return length >= 20 && string.CompareOrdinal(x, 0, y, 0, length) == 0;
    }

    /// <summary>A numbered heading's number and title, or null when the text is not one.</summary>
    private (string Number, string Title)? HeadingOf(WordParagraph paragraph, string text)
    {
        if (!PlanText.TryNumbered(text, out var number, out var rest)
            && !(paragraph.ListLabel is { } label && PlanText.TryNumbered($"{label} {text}", out number, out rest)))
        {
            return null;
        }

        if (PlanText.WordCount(rest) < 3 || AreaLabels.Read(rest) is not null || paragraph.ListLevel > 0)
        {
            return null;
        }

        // "1.2 ..." under area 1 is part of it, not a new area.
        if (area is not null && number.StartsWith(area.Number + ".", StringComparison.Ordinal))
        {
            return null;
        }

        // Numbered lines under an outcomes or measures label are its items, unless they repeat a recommendation or, set
        // out as a heading, continue the areas' numbering.
        var emphasised = paragraph.IsHeading || paragraph.IsBold;
        if (pending is { } field && ListFields.Contains(field) && !(emphasised && IsNextAreaNumber(number)) && MatchRecommendation(rest) is null)
        {
            return null;
        }

        return (number, rest);
    }

    /// <summary>
    /// Whether a numbered heading starts an area: it repeats a recommendation, or labelled fields or an actions table follow
    /// it before the next numbered line. This keeps a report's numbered paragraphs ("4.1 As at June ...") out of the areas.
    /// </summary>
    private bool ConfirmsArea((string Number, string Title) heading, int at)
    {
        if (MatchRecommendation(heading.Title) is not null)
        {
            return true;
        }

        for (var i = at + 1; i < units.Count && i <= at + Lookahead; i++)
        {
            switch (Signal(units[i]))
            {
                case AreaSignal.Fields:
                    return true;
                case AreaSignal.NextHeading:
                    return false;
            }
        }

        return false;
    }

    private enum AreaSignal
    {
        None,
        Fields,
        NextHeading,
    }

    /// <summary>What a unit says about the area before it: it holds the area's fields, or starts something else.</summary>
    private AreaSignal Signal(BodyUnit unit)
    {
        IEnumerable<string> lines;
        if (unit is RowUnit row)
        {
            var table = (actions ?? suspended)?.Table;
            var isActionRow = ReferenceEquals(row.Table, table) && row.Row.FilledCells.Count >= 2;
            if (ActionColumns.TryRead(row.Row) is not null || isActionRow)
            {
                return AreaSignal.Fields;
            }

            var filled = row.Row.FilledCells;
            lines = filled.Count == 1 ? filled[0].Lines : filled.Count > 0 ? [filled[0].Text] : [];
        }
        else
        {
            lines = [((ParagraphUnit)unit).Paragraph.Text];
        }

        foreach (var line in lines.Select(PlanText.Tidy))
        {
            if (AreaLabels.Read(line) is { } label && SectionFields.Contains(label.Field))
            {
                return AreaSignal.Fields;
            }

            if (PlanText.TryNumbered(line, out _, out var rest) && PlanText.WordCount(rest) >= 3)
            {
                return AreaSignal.NextHeading;
            }
        }

        return AreaSignal.None;
    }

    /// <summary>Whether the unit is a numbered heading that starts an area (used to tell a theme line before it).</summary>
    private bool IsAreaHeadingAt(int at)
    {
        if (at < 0 || at >= units.Count)
        {
            return false;
        }

        var text = units[at] switch
        {
            ParagraphUnit p => p.Paragraph.Text,
            RowUnit { Row.FilledCells: [var only] } => only.Lines.Count > 0 ? only.Lines[0] : string.Empty,
            _ => string.Empty,
        };
        return PlanText.TryNumbered(PlanText.Tidy(text), out var number, out var rest) && PlanText.WordCount(rest) >= 3
            && (MatchRecommendation(rest) is not null || ConfirmsArea((number, rest), at));
    }

    private int NextContent(int at) => at + 1 < units.Count ? at + 1 : -1;

    private static bool IsBareNumber(string text) => text.Trim().TrimEnd('.').Length is > 0 and <= 4 && text.Trim().TrimEnd('.').All(c => char.IsAsciiDigit(c) || c == '.');
}
