using System.Globalization;
using Trellis.Core.Indicators.Charts;

namespace Trellis.Core.Reports.Html;

/// <summary>Indicator tables (indicators down, periods across) and the line charts that repeat them.</summary>
public sealed partial class HtmlReportRenderer
{
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

    /// <summary>
    /// A line chart of the recent values with the target and comparators (<see cref="IndicatorChart"/>); the table
    /// beside it holds the same numbers. The chart encodes its own text, so it is written as it comes.
    /// </summary>
    private static void WriteChart(HtmlWriter html, ReportIndicator indicator, string id)
    {
        if (!ReportCharts.HasChart(indicator))
        {
            return;
        }

        html.Open("figure").Element("figcaption", indicator.Name).Line();
        html.Trusted(IndicatorChart.Svg(ReportCharts.Input(indicator, id))).Line();
        html.Close().Line();
    }

    /// <summary>The charts of several indicators side by side, when any has a line to draw.</summary>
    private static void WriteCharts(HtmlWriter html, IReadOnlyList<ReportIndicator> indicators, string idPrefix)
    {
        if (!indicators.Any(ReportCharts.HasChart))
        {
            return;
        }

        html.Open("div", ("class", "charts")).Line();
        for (var i = 0; i < indicators.Count; i++)
        {
            WriteChart(html, indicators[i], string.Create(CultureInfo.InvariantCulture, $"{idPrefix}-{i + 1}"));
        }

        html.Close().Line();
    }
}
