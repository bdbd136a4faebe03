using System.Globalization;
using Trellis.Core.Indicators;

namespace Trellis.Core.Reports.Html;

/// <summary>Indicator tables (indicators down, periods across) and simple line charts that repeat them.</summary>
public sealed partial class HtmlReportRenderer
{
    private const int ChartWidth = 360;
    private const int ChartHeight = 150;
    private const int ChartLeft = 48;
    private const int ChartRight = 12;
    private const int ChartTop = 12;
    private const int ChartBottom = 28;

    private static void WriteScorecard(HtmlWriter html, IReadOnlyList<ReportIndicator> indicators, string caption)
    {
        if (indicators.Count == 0)
        {
            html.Element("p", "No indicators.", ("class", "muted")).Line();
            return;
        }

        // Indicators reported over the same periods share a table, so each column is one period.
        var groups = indicators.GroupBy(i => string.Join('\u001f', i.Values.Select(v => v.Period)), StringComparer.Ordinal).ToList();
        foreach (var group in groups)
        {
            var periods = group.First().Values.Select(v => v.Period).ToList();
            var title = groups.Count > 1 && periods.Count > 0 ? $"{caption}, {periods[0]} to {periods[^1]}" : caption;
            html.Open("table").Element("caption", title).Line();
            html.Open("thead").Open("tr");
            html.Element("th", "Indicator", ("scope", "col")).Element("th", "Target", ("scope", "col"));
            foreach (var period in periods)
            {
                html.Element("th", period, ("scope", "col"), ("class", "number"));
            }

            html.Element("th", "Comparators", ("scope", "col")).Element("th", "Rating", ("scope", "col")).Element("th", "Assessment", ("scope", "col"));
            html.Close().Close().Line();
            html.Open("tbody");
            foreach (var indicator in group)
            {
                html.Open("tr").Element("th", indicator.Name, ("scope", "row")).Element("td", indicator.TargetText ?? "No target");
                foreach (var value in indicator.Values)
                {
                    html.Element("td", value.Display, ("class", "number"));
                }

                html.Element("td", Join(indicator.Comparators.Select(c => $"{c.Name} ({c.Period}): {c.Display}")));
                html.Element("td", ColourWords(indicator.Rag), ("class", $"rag {RagClass(indicator.Rag)}"));
                html.Element("td", indicator.Assessment ?? string.Empty);
                html.Close().Line();
            }

            html.Close().Close().Line();
        }
    }

    /// <summary>A line chart of the recent values with the target; the table beside it holds the same numbers.</summary>
    private static void WriteChart(HtmlWriter html, ReportIndicator indicator, int number)
    {
        var points = indicator.Values.Select((v, i) => (Index: i, v.Period, v.Display, v.Value)).Where(p => p.Value is not null).ToList();
        if (points.Count < 2 || indicator.Unit == IndicatorUnit.Text)
        {
            return;
        }

        var target = indicator.Polarity == Polarity.None ? null : TargetLine(indicator);
        var low = Math.Min(points.Min(p => p.Value!.Value), target ?? decimal.MaxValue);
        var high = Math.Max(points.Max(p => p.Value!.Value), target ?? decimal.MinValue);
        if (high == low)
        {
            (low, high) = (low - 1, high + 1);
        }

        var plotWidth = ChartWidth - ChartLeft - ChartRight;
        var plotHeight = ChartHeight - ChartTop - ChartBottom;
        var slots = Math.Max(indicator.Values.Count - 1, 1);
        string X(int index) => Coordinate(ChartLeft + (plotWidth * (decimal)index / slots));
        string Y(decimal value) => Coordinate(ChartTop + (plotHeight * (high - value) / (high - low)));

        var id = $"chart-{number}";
        var trend = $"{indicator.Name}: {points[0].Display} in {points[0].Period} to {points[^1].Display} in {points[^1].Period}";
        var description = string.Join(", ", points.Select(p => $"{p.Period} {p.Display}"))
            + (indicator.TargetText is { Length: > 0 } t ? $". Target: {t}." : ".");

        html.Open("figure").Element("figcaption", indicator.Name).Line();
        html.Open("svg", ("xmlns", "http://www.w3.org/2000/svg"), ("role", "img"), ("width", Coordinate(ChartWidth)), ("height", Coordinate(ChartHeight)),
            ("viewBox", $"0 0 {ChartWidth} {ChartHeight}"), ("aria-labelledby", $"{id}-title {id}-desc"));
        html.Element("title", trend, ("id", $"{id}-title")).Element("desc", description, ("id", $"{id}-desc"));
        html.Element("line", null, ("x1", Coordinate(ChartLeft)), ("y1", Coordinate(ChartTop)), ("x2", Coordinate(ChartLeft)), ("y2", Coordinate(ChartTop + plotHeight)), ("stroke", "#505a5f"));
        html.Element("line", null, ("x1", Coordinate(ChartLeft)), ("y1", Coordinate(ChartTop + plotHeight)), ("x2", Coordinate(ChartLeft + plotWidth)), ("y2", Coordinate(ChartTop + plotHeight)), ("stroke", "#505a5f"));
        html.Element("text", IndicatorEvaluator.Format(high, indicator.Unit), ("x", Coordinate(ChartLeft - 4)), ("y", Coordinate(ChartTop + 4)), ("text-anchor", "end"));
        html.Element("text", IndicatorEvaluator.Format(low, indicator.Unit), ("x", Coordinate(ChartLeft - 4)), ("y", Coordinate(ChartTop + plotHeight)), ("text-anchor", "end"));
        html.Element("text", indicator.Values[0].Period, ("x", Coordinate(ChartLeft)), ("y", Coordinate(ChartHeight - 8)));
        html.Element("text", indicator.Values[^1].Period, ("x", Coordinate(ChartLeft + plotWidth)), ("y", Coordinate(ChartHeight - 8)), ("text-anchor", "end"));
        if (target is { } line)
        {
            html.Element("line", null, ("x1", Coordinate(ChartLeft)), ("y1", Y(line)), ("x2", Coordinate(ChartLeft + plotWidth)), ("y2", Y(line)),
                ("stroke", "#0b0c0c"), ("stroke-dasharray", "4 3"));
        }

        html.Element("polyline", null, ("fill", "none"), ("stroke", "#1d70b8"), ("stroke-width", "2"),
            ("points", string.Join(' ', points.Select(p => $"{X(p.Index)},{Y(p.Value!.Value)}"))));
        foreach (var point in points)
        {
            html.Element("circle", null, ("cx", X(point.Index)), ("cy", Y(point.Value!.Value)), ("r", "3"), ("fill", "#1d70b8"));
        }

        html.Close().Line(); // svg
        html.Close().Line(); // figure
    }

    private static decimal? TargetLine(ReportIndicator indicator)
    {
        // The model carries the target as written only; a plain number in it ("90%", "no higher than 15%") is drawn.
        var digits = new string([.. (indicator.TargetText ?? string.Empty).SkipWhile(c => !char.IsAsciiDigit(c)).TakeWhile(c => char.IsAsciiDigit(c) || c == '.')]);
        return decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    private static string Coordinate(decimal value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);
}
