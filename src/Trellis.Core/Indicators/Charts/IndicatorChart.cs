using System.Globalization;
using System.Text;
using System.Xml;

namespace Trellis.Core.Indicators.Charts;

/// <summary>
/// Server-rendered SVG charts of an indicator: a full line chart and a small trend line for lists. Every style is
/// a presentation attribute on the element, never a style attribute (the content security policy refuses inline
/// styles); only the shrink-to-fit sizing comes from the page's CSS (class trellis-chart). Lines differ by dash and marker as well as
/// colour so a greyscale print still reads, and the same input always gives the same text.
/// </summary>
public static class IndicatorChart
{
    private const int Width = 640;
    private const int PlotHeight = 200;
    private const int Left = 64;
    private const int Right = 16;
    private const int Top = 16;
    private const int AxisLabels = 28;
    private const int LegendRow = 22;
    private const int PlotWidth = Width - Left - Right;
    private const decimal CharacterWidth = 6.6m;
    private const string Font = "font-family=\"Arial, Helvetica, sans-serif\" font-size=\"12\" fill=\"#0b0c0c\"";
    private const string OurColour = "#1d70b8";
    private const string TargetColour = "#00703c";

    // Each comparator differs from the others by dash and marker, not only colour.
    private static readonly (string Colour, string Dash, MarkerShape Marker)[] ComparatorStyles =
    [
        ("#505a5f", "8 4", MarkerShape.Square),
        ("#d53880", "2 3", MarkerShape.Triangle),
        ("#0b0c0c", "10 3 2 3", MarkerShape.Diamond),
        ("#6f72af", "4 4", MarkerShape.Cross),
    ];

    private enum MarkerShape
    {
        Circle,
        Square,
        Triangle,
        Diamond,
        Cross,
    }

    /// <summary>
    /// An accessible line chart (role img, a title, and a description that says the trend, the latest figure
    /// against target and the comparators); empty when there is no number to draw. The caller prints the same
    /// numbers in a table.
    /// </summary>
    public static string Svg(ChartInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var frame = ChartFrame.Of(input);
        if (input.Unit == IndicatorUnit.Text || !frame.Points.Any(p => p.Value is not null))
        {
            return string.Empty;
        }

        var ticks = Ticks(frame.AllValues().ToList());
        var (low, high) = (ticks[0], ticks[^1]);
        var count = frame.Points.Count;
        decimal X(int index) => Left + (PlotWidth * (index + 0.5m) / count);
        decimal SlotEdge(int index) => Left + (PlotWidth * (decimal)index / count);
        decimal Y(decimal value) => Top + (PlotHeight * (high - value) / (high - low));

        var legend = LegendItems(input, frame);
        var legendRows = LayoutLegend(legend);
        var height = Top + PlotHeight + AxisLabels + 8 + (legendRows.Count * LegendRow);
        var id = SafeId(input.Id);

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 {Width} {height}\" width=\"{Width}\" height=\"{height}\" class=\"trellis-chart\" aria-labelledby=\"{id}-title {id}-desc\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">{Encode(TitleOf(input, frame))}</title><desc id=\"{id}-desc\">{Encode(Description(input))}</desc>");
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"0\" y=\"0\" width=\"{Width}\" height=\"{height}\" fill=\"#ffffff\"/>");

        // Gridlines and y-axis labels, in the indicator's unit.
        foreach (var tick in ticks)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{N(Y(tick))}\" x2=\"{Left + PlotWidth}\" y2=\"{N(Y(tick))}\" stroke=\"#b1b4b6\" stroke-width=\"1\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text data-axis=\"y\" x=\"{Left - 6}\" y=\"{N(Y(tick) + 4)}\" text-anchor=\"end\" {Font}>{Encode(IndicatorEvaluator.Format(tick, input.Unit))}</text>");
        }

        // Targets under the lines: a shaded band for a range, a dashed line for a floor or a ceiling.
        foreach (var target in frame.Targets)
        {
            var (x1, x2) = (N(SlotEdge(target.First)), N(SlotEdge(target.Last + 1)));
            if (target.IsBand)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<rect data-target=\"band\" x=\"{x1}\" y=\"{N(Y(target.Max!.Value))}\" width=\"{N(SlotEdge(target.Last + 1) - SlotEdge(target.First))}\" height=\"{N(Y(target.Min!.Value) - Y(target.Max!.Value))}\" fill=\"{TargetColour}\" fill-opacity=\"0.15\" stroke=\"{TargetColour}\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>");
            }
            else
            {
                svg.Append(CultureInfo.InvariantCulture, $"<line data-target=\"line\" x1=\"{x1}\" y1=\"{N(Y(target.Line))}\" x2=\"{x2}\" y2=\"{N(Y(target.Line))}\" stroke=\"{TargetColour}\" stroke-width=\"2.5\" stroke-dasharray=\"6 4\"/>");
            }
        }

        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{Top + PlotHeight}\" x2=\"{Left + PlotWidth}\" y2=\"{Top + PlotHeight}\" stroke=\"#505a5f\" stroke-width=\"1.5\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{Top + PlotHeight}\" stroke=\"#505a5f\" stroke-width=\"1.5\"/>");

        // x-axis labels, thinned so they never touch; the latest period is always labelled.
        var every = LabelStep(frame.Points);
        for (var i = count - 1; i >= 0; i -= every)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text data-axis=\"x\" x=\"{N(X(i))}\" y=\"{Top + PlotHeight + 18}\" text-anchor=\"middle\" {Font}>{Encode(frame.Points[i].Label)}</text>");
        }

        for (var c = 0; c < frame.Comparators.Count; c++)
        {
            var series = frame.Comparators[c];
            var (colour, dash, marker) = ComparatorStyles[c % ComparatorStyles.Length];
            if (series.Reference is { } level)
            {
                var y = N(Y(level));
                svg.Append(CultureInfo.InvariantCulture, $"<line data-series=\"comparator-{c + 1}\" x1=\"{Left}\" y1=\"{y}\" x2=\"{Left + PlotWidth}\" y2=\"{y}\" stroke=\"{colour}\" stroke-width=\"2\" stroke-dasharray=\"{dash}\"/>");
                svg.Append(Marker(marker, Left + PlotWidth - 6, Y(level), colour));
                continue;
            }

            Lines(svg, $"comparator-{c + 1}", series.Values, colour, "2", dash, X, Y);
            for (var i = 0; i < count; i++)
            {
                if (series.Values[i] is { } value)
                {
                    svg.Append(Marker(marker, X(i), Y(value), colour));
                }
            }
        }

        // Ours last, on top: solid, thicker, round markers; a period with no number leaves a gap.
        Lines(svg, "ours", [.. frame.Points.Select(p => p.Value)], OurColour, "3", null, X, Y);
        for (var i = 0; i < count; i++)
        {
            if (frame.Points[i].Value is { } value)
            {
                svg.Append(Marker(MarkerShape.Circle, X(i), Y(value), OurColour));
            }
        }

        // The legend in words, below the axis.
        var rowTop = Top + PlotHeight + AxisLabels + 8;
        foreach (var row in legendRows)
        {
            decimal x = Left;
            foreach (var item in row)
            {
                var middle = rowTop + (LegendRow / 2);
                svg.Append("<g data-legend=\"item\">");
                svg.Append(item.Swatch(x, middle));
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(x + 34)}\" y=\"{middle + 4}\" {Font}>{Encode(item.Text)}</text></g>");
                x += item.Width;
            }

            rowTop += LegendRow;
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>The chart in words: the trend, gaps, the latest figure against its target, and each comparator.</summary>
    public static string Description(ChartInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var frame = ChartFrame.Of(input);
        var numbered = frame.Points.Select((p, i) => (Index: i, Point: p)).Where(x => x.Point.Value is not null).ToList();
        if (numbered.Count == 0)
        {
            return $"{input.Title}: no figures to chart.";
        }

        var sentences = new List<string>();
        var (first, last) = (numbered[0], numbered[^1]);
        string Show(decimal value) => IndicatorEvaluator.Format(value, input.Unit);
        sentences.Add(numbered.Count == 1
            ? $"{input.SeriesName}: one figure, {Show(last.Point.Value!.Value)} in {last.Point.Label}."
            : first.Point.Value == last.Point.Value
                ? $"{input.SeriesName} stayed at {Show(last.Point.Value!.Value)} from {first.Point.Label} to {last.Point.Label}."
                : $"{input.SeriesName} {(last.Point.Value > first.Point.Value ? "rose" : "fell")} from {Show(first.Point.Value!.Value)} in {first.Point.Label} to {Show(last.Point.Value!.Value)} in {last.Point.Label}.");

        var gaps = frame.Points.Where(p => p.Value is null).Select(p => p.Label).ToList();
        if (gaps.Count > 0)
        {
            sentences.Add($"No figure for {Join(gaps.Take(5).ToList())}{(gaps.Count > 5 ? $" and {gaps.Count - 5} more periods" : string.Empty)}.");
        }

        var latest = last.Point.Value!.Value;
        sentences.Add(frame.TargetAt(last.Index) is { } target
            ? $"Latest, {last.Point.Label}: {Show(latest)}, {AgainstTarget(target, latest, input.Unit)}."
            : $"Latest, {last.Point.Label}: {Show(latest)}; no target is set for it.");

        foreach (var series in frame.Comparators)
        {
            if (series.Reference is { } level)
            {
                sentences.Add($"{series.Name}: {Show(level)} ({series.ReferencePeriod}).");
            }
            else
            {
                var index = series.Values.Select((v, i) => (v, i)).Last(x => x.v is not null).i;
                sentences.Add($"{series.Name}: {Show(series.Values[index]!.Value)} in {frame.Points[index].Label}.");
            }
        }

        return string.Join(" ", sentences);
    }

    /// <summary>A small trend line for a row in a list; decorative beside the numbers, so hidden from screen readers.</summary>
    public static string Sparkline(IReadOnlyList<ChartPoint> points) => Sparkline(points, null);

    /// <summary>A small trend line with the latest point marked and, when given, the target as a dashed line.</summary>
    public static string Sparkline(IReadOnlyList<ChartPoint> points, decimal? target)
    {
        ArgumentNullException.ThrowIfNull(points);
        var numbers = points.Select(p => p.Value).OfType<decimal>().ToList();
        if (numbers.Count < 2)
        {
            return string.Empty;
        }

        var all = target is { } t ? [.. numbers, t] : numbers;
        var (low, high) = (all.Min(), all.Max());
        if (low == high)
        {
            (low, high) = (low - 1, high + 1);
        }

        var slots = Math.Max(points.Count - 1, 1);
        decimal X(int index) => 4 + (92m * index / slots);
        decimal Y(decimal value) => 3 + (18m * (high - value) / (high - low));

        var svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" aria-hidden=\"true\" focusable=\"false\" width=\"100\" height=\"24\" viewBox=\"0 0 100 24\">");
        if (target is { } line)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line data-target=\"line\" x1=\"2\" y1=\"{N(Y(line))}\" x2=\"98\" y2=\"{N(Y(line))}\" stroke=\"{TargetColour}\" stroke-width=\"1\" stroke-dasharray=\"3 2\"/>");
        }

        Lines(svg, "ours", [.. points.Select(p => p.Value)], OurColour, "1.5", null, X, Y);
        var lastIndex = points.Select((p, i) => (p.Value, i)).Last(x => x.Value is not null).i;
        svg.Append(CultureInfo.InvariantCulture, $"<circle data-latest=\"true\" cx=\"{N(X(lastIndex))}\" cy=\"{N(Y(points[lastIndex].Value!.Value))}\" r=\"2.5\" fill=\"{OurColour}\"/>");
        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>The latest figure against its target, in words.</summary>
    internal static string AgainstTarget(FramedTarget target, decimal value, IndicatorUnit unit)
    {
        string Show(decimal v) => IndicatorEvaluator.Format(v, unit);
        string Gap(decimal a, decimal b) => IndicatorEvaluator.Difference(Math.Abs(a - b), unit);
        return (target.Min, target.Max) switch
        {
            ({ } low, { } high) when low != high =>
                value < low ? $"{Gap(low, value)} below the {Show(low)} to {Show(high)} target range"
                : value > high ? $"{Gap(value, high)} above the {Show(low)} to {Show(high)} target range"
                : $"within the {Show(low)} to {Show(high)} target range",
            ({ } floor, null) => value >= floor ? $"meeting the target of at least {Show(floor)}" : $"{Gap(floor, value)} below the target of at least {Show(floor)}",
            (null, { } ceiling) => value <= ceiling ? $"meeting the target of no more than {Show(ceiling)}" : $"{Gap(value, ceiling)} above the target of no more than {Show(ceiling)}",
            _ => value == target.Line ? $"on the {Show(target.Line)} target"
                : $"{Gap(value, target.Line)} {(value < target.Line ? "below" : "above")} the {Show(target.Line)} target",
        };
    }

    /// <summary>3 to 5 round gridline values covering every number drawn.</summary>
    internal static IReadOnlyList<decimal> Ticks(IReadOnlyList<decimal> values)
    {
        var (low, high) = (values.Min(), values.Max());
        if (low == high)
        {
            var pad = Math.Max(Math.Abs(low) * 0.1m, 1m);
            (low, high) = (low - pad, high + pad);
        }

        var rough = (double)(high - low) / 4;
        var magnitude = (decimal)Math.Pow(10, Math.Floor(Math.Log10(rough)));
        foreach (var multiple in new[] { 1m, 2m, 2.5m, 5m, 10m, 20m })
        {
            var step = multiple * magnitude;
            var bottom = Math.Floor(low / step) * step;
            var top = Math.Ceiling(high / step) * step;
            var lines = (int)((top - bottom) / step) + 1;
            if (lines <= 5)
            {
                var ticks = Enumerable.Range(0, lines).Select(i => bottom + (i * step)).ToList();
                if (ticks.Count < 3)
                {
                    ticks.Add(top + step);
                }

                return ticks;
            }
        }

        return [low, (low + high) / 2, high];
    }

    private static void Lines(StringBuilder svg, string name, IReadOnlyList<decimal?> values, string colour, string width, string? dash, Func<int, decimal> x, Func<decimal, decimal> y)
    {
        // One polyline per run of numbers, so a missing period is a gap, not a line drawn through it.
        var run = new List<string>();
        void Flush()
        {
            if (run.Count > 0)
            {
                var dashes = dash is null ? string.Empty : $" stroke-dasharray=\"{dash}\"";
                svg.Append(CultureInfo.InvariantCulture, $"<polyline data-series=\"{name}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"{width}\" stroke-linejoin=\"round\"{dashes} points=\"{string.Join(' ', run)}\"/>");
                run.Clear();
            }
        }

        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is { } value)
            {
                run.Add($"{N(x(i))},{N(y(value))}");
            }
            else
            {
                Flush();
            }
        }

        Flush();
    }

    private static string Marker(MarkerShape shape, decimal x, decimal y, string colour) => shape switch
    {
        MarkerShape.Circle => $"<circle cx=\"{N(x)}\" cy=\"{N(y)}\" r=\"4\" fill=\"{colour}\"/>",
        MarkerShape.Square => $"<rect x=\"{N(x - 4)}\" y=\"{N(y - 4)}\" width=\"8\" height=\"8\" fill=\"#ffffff\" stroke=\"{colour}\" stroke-width=\"2\"/>",
        MarkerShape.Triangle => $"<polygon points=\"{N(x)},{N(y - 5)} {N(x + 5)},{N(y + 4)} {N(x - 5)},{N(y + 4)}\" fill=\"#ffffff\" stroke=\"{colour}\" stroke-width=\"2\"/>",
        MarkerShape.Diamond => $"<polygon points=\"{N(x)},{N(y - 5)} {N(x + 5)},{N(y)} {N(x)},{N(y + 5)} {N(x - 5)},{N(y)}\" fill=\"{colour}\"/>",
        _ => $"<path d=\"M{N(x - 4)} {N(y - 4)}L{N(x + 4)} {N(y + 4)}M{N(x - 4)} {N(y + 4)}L{N(x + 4)} {N(y - 4)}\" stroke=\"{colour}\" stroke-width=\"2\"/>",
    };

    private static string TitleOf(ChartInput input, ChartFrame frame) =>
        frame.Points.Count == 0 ? input.Title : $"{input.Title}, {frame.Points[0].Label} to {frame.Points[^1].Label}";

    /// <summary>Label every n-th period so the labels, at their estimated width, never overlap.</summary>
    private static int LabelStep(IReadOnlyList<ChartPoint> points)
    {
        var widest = points.Count == 0 ? 0 : points.Max(p => p.Label.Length);
        var room = (widest * CharacterWidth) + 12;
        var fits = Math.Max(1, (int)(PlotWidth / room));
        return Math.Max(1, (int)Math.Ceiling(points.Count / (decimal)fits));
    }

    private static List<LegendItem> LegendItems(ChartInput input, ChartFrame frame)
    {
        var items = new List<LegendItem>
        {
            new(input.SeriesName, (x, y) => $"<line x1=\"{N(x)}\" y1=\"{N(y)}\" x2=\"{N(x + 28)}\" y2=\"{N(y)}\" stroke=\"{OurColour}\" stroke-width=\"3\"/>{Marker(MarkerShape.Circle, x + 14, y, OurColour)}"),
        };

        var bands = frame.Targets.Where(t => t.IsBand).Select(t => t.Text).Distinct(StringComparer.Ordinal).ToList();
        if (bands.Count > 0)
        {
            items.Add(new($"Target range: {string.Join("; ", bands)}", (x, y) => $"<rect x=\"{N(x)}\" y=\"{N(y - 6)}\" width=\"28\" height=\"12\" fill=\"{TargetColour}\" fill-opacity=\"0.15\" stroke=\"{TargetColour}\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>"));
        }

        var lines = frame.Targets.Where(t => !t.IsBand).Select(t => t.Text).Distinct(StringComparer.Ordinal).ToList();
        if (lines.Count > 0)
        {
            items.Add(new($"Target: {string.Join("; ", lines)}", (x, y) => $"<line x1=\"{N(x)}\" y1=\"{N(y)}\" x2=\"{N(x + 28)}\" y2=\"{N(y)}\" stroke=\"{TargetColour}\" stroke-width=\"2.5\" stroke-dasharray=\"6 4\"/>"));
        }

        for (var c = 0; c < frame.Comparators.Count; c++)
        {
            var series = frame.Comparators[c];
            var (colour, dash, marker) = ComparatorStyles[c % ComparatorStyles.Length];
            var text = series.Reference is { } level ? $"{series.Name} ({series.ReferencePeriod}): {IndicatorEvaluator.Format(level, input.Unit)}" : series.Name;
            items.Add(new(text, (x, y) => $"<line x1=\"{N(x)}\" y1=\"{N(y)}\" x2=\"{N(x + 28)}\" y2=\"{N(y)}\" stroke=\"{colour}\" stroke-width=\"2\" stroke-dasharray=\"{dash}\"/>{Marker(marker, x + 14, y, colour)}"));
        }

        return items;
    }

    private static List<List<LegendItem>> LayoutLegend(List<LegendItem> items)
    {
        var rows = new List<List<LegendItem>> { new() };
        decimal used = 0;
        foreach (var item in items)
        {
            if (rows[^1].Count > 0 && used + item.Width > Width - Left - 8)
            {
                rows.Add([]);
                used = 0;
            }

            rows[^1].Add(item);
            used += item.Width;
        }

        return rows;
    }

    private static string Join(List<string> items) =>
        items.Count == 1 ? items[0] : $"{string.Join(", ", items.Take(items.Count - 1))} and {items[^1]}";

    /// <summary>Ids become letters, digits, hyphens and underscores, so an odd key cannot break the markup.</summary>
    private static string SafeId(string id)
    {
        var safe = new string([.. id.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-')]);
        return safe.Length > 0 && char.IsAsciiLetter(safe[0]) ? safe : "chart-" + safe;
    }

    /// <summary>XML text: the five special characters escaped and characters XML cannot hold dropped.</summary>
    internal static string Encode(string text)
    {
        var encoded = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => encoded.Append("&amp;"),
                '<' => encoded.Append("&lt;"),
                '>' => encoded.Append("&gt;"),
                '"' => encoded.Append("&quot;"),
                '\'' => encoded.Append("&#39;"),
                _ when XmlConvert.IsXmlChar(c) || char.IsSurrogate(c) => encoded.Append(c),
                _ => encoded,
            };
        }

        return encoded.ToString();
    }

    private static string N(decimal value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    private sealed record LegendItem(string Text, Func<decimal, decimal, string> Swatch)
    {
        public decimal Width => 34 + (Text.Length * CharacterWidth) + 20;
    }
}
