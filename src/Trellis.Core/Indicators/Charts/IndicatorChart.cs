using System.Globalization;
using System.Net;
using System.Text;

namespace Trellis.Core.Indicators.Charts;

/// <summary>Server-rendered SVG charts of an indicator: a full line chart and a small trend line for lists.</summary>
public static class IndicatorChart
{
    private const int Width = 640;
    private const int Height = 260;
    private const int Left = 56;
    private const int Right = 16;
    private const int Top = 16;
    private const int Bottom = 36;

    /// <summary>An accessible line chart (role img, title and description); the caller prints the same numbers in a table.</summary>
    public static string Svg(ChartInput input)
    {
        var points = input.Points.Select((p, i) => (Index: i, p)).Where(x => x.p.Value is not null).ToList();
        var svg = new StringBuilder();
        if (points.Count == 0)
        {
            return string.Empty;
        }

        var values = points.Select(x => x.p.Value!.Value).Concat(input.Targets.SelectMany(t => new[] { t.Min, t.Max }).OfType<decimal>()).ToList();
        var (low, high) = (values.Min(), values.Max());
        if (low == high)
        {
            (low, high) = (low - 1, high + 1);
        }

        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        var slots = Math.Max(input.Points.Count - 1, 1);
        string X(int index) => Number(Left + (plotWidth * (decimal)index / slots));
        string Y(decimal value) => Number(Top + (plotHeight * (high - value) / (high - low)));

        var title = $"{input.Title}: {Display(points[0].p, input.Unit)} in {points[0].p.Label} to {Display(points[^1].p, input.Unit)} in {points[^1].p.Label}";
        var description = string.Join(", ", points.Select(x => $"{x.p.Label} {Display(x.p, input.Unit)}")) + ".";
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 {Width} {Height}\" aria-labelledby=\"{input.Id}-title {input.Id}-desc\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{input.Id}-title\">{Encode(title)}</title><desc id=\"{input.Id}-desc\">{Encode(description)}</desc>");
        svg.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"#1d70b8\" stroke-width=\"2\" points=\"{string.Join(' ', points.Select(x => $"{X(x.Index)},{Y(x.p.Value!.Value)}"))}\"/>");
        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>A small trend line for a row in a list; decorative beside the numbers, so hidden from screen readers.</summary>
    public static string Sparkline(IReadOnlyList<ChartPoint> points)
    {
        var numbers = points.Select((p, i) => (Index: i, p.Value)).Where(x => x.Value is not null).ToList();
        if (numbers.Count < 2)
        {
            return string.Empty;
        }

        var (low, high) = (numbers.Min(x => x.Value!.Value), numbers.Max(x => x.Value!.Value));
        if (low == high)
        {
            (low, high) = (low - 1, high + 1);
        }

        var slots = Math.Max(points.Count - 1, 1);
        var line = string.Join(' ', numbers.Select(x => $"{Number(2 + (96m * x.Index / slots))},{Number(2 + (20m * (high - x.Value!.Value) / (high - low)))}"));
        return $"<svg xmlns=\"http://www.w3.org/2000/svg\" aria-hidden=\"true\" focusable=\"false\" width=\"100\" height=\"24\" viewBox=\"0 0 100 24\"><polyline fill=\"none\" stroke=\"#1d70b8\" stroke-width=\"1.5\" points=\"{line}\"/></svg>";
    }

    private static string Display(ChartPoint point, IndicatorUnit unit) => IndicatorEvaluator.Display(point.Value, null, unit);

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string Number(decimal value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);
}
