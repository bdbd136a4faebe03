namespace Trellis.Core.Dates;

/// <summary>Reads a target date as councils write it ("31 st March 2016", "Q3 &amp; 4 2019/20", "tbc with IT provider").</summary>
public static class DueDateReader
{
    public static DueDateReading Read(string? text, DueDateReaderOptions? options = null)
    {
        _ = options;
        var trimmed = (text ?? string.Empty).Trim();
        if (trimmed.Length == 0)
        {
            return DueDateReading.Empty;
        }

        // Placeholder until the full reader lands: keep the text, understand nothing.
        return new DueDateReading(trimmed, null, DuePrecision.None, [$"'{trimmed}' was not understood as a date"], []);
    }
}
