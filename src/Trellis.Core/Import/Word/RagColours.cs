namespace Trellis.Core.Import.Word;

/// <summary>
/// Names the RAG colour of a shaded cell: plans often rate by filling the cell red, amber or green and writing nothing.
/// Judged by hue, so any council's shade of amber counts; pale or grey fills name nothing.
/// </summary>
internal static class RagColours
{
    public static string? Name(string? fill)
    {
        if (fill is not { Length: 6 } || !int.TryParse(fill, System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out var rgb))
        {
            return null;
        }

        var (hue, saturation, value) = Hsv((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF);
        if (saturation < 0.35 || value < 0.3)
        {
            return null;
        }

        return hue switch
        {
            < 15 or >= 340 => "Red",
            < 66 => "Amber",
            < 170 => "Green",
            >= 185 and < 260 => "Blue",
            _ => null,
        };
    }

    /// <summary>The cell's text, or the colour it is shaded when it holds no text.</summary>
    public static string TextOrColour(WordCell? cell) =>
        cell is null ? string.Empty : !cell.IsEmpty ? cell.Text : Name(cell.Fill) ?? string.Empty;

    private static (double Hue, double Saturation, double Value) Hsv(int red, int green, int blue)
    {
        double r = red / 255.0, g = green / 255.0, b = blue / 255.0;
        var max = Math.Max(r, Math.Max(g, b));
        var min = Math.Min(r, Math.Min(g, b));
        var delta = max - min;
        var hue = delta == 0 ? 0
            : max == r ? 60 * (((g - b) / delta + 6) % 6)
            : max == g ? 60 * ((b - r) / delta + 2)
            : 60 * ((r - g) / delta + 4);
        return (hue, max == 0 ? 0 : delta / max, max);
    }
}
