using System.Globalization;
using System.Text.RegularExpressions;

namespace Trellis.Core.Import;

/// <summary>Finds a report's date in its opening text: "Date: 11 July 2019", else the first full date written out.</summary>
internal static partial class ReportDates
{
    private static readonly string[] Months =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    public static DateOnly? Find(IEnumerable<string> lines)
    {
        DateOnly? first = null;
        foreach (var line in lines)
        {
            foreach (Match match in FullDate().Matches(line))
            {
                if (Read(match) is not { } date)
                {
                    continue;
                }

                if (match.Groups["label"].Success)
                {
                    return date;
                }

                first ??= date;
            }
        }

        return first;
    }

    private static DateOnly? Read(Match match)
    {
        var month = Array.IndexOf(Months, match.Groups["month"].Value.ToLowerInvariant()) + 1;
        var day = int.Parse(match.Groups["day"].Value, CultureInfo.InvariantCulture);
        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        return month > 0 && year is >= 1990 and <= 2100 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;
    }

    [GeneratedRegex(@"(?:(?<label>\bdate[d]?\s*:?)\s*)?\b(?<day>\d{1,2})(?:st|nd|rd|th)?\s+(?<month>january|february|march|april|may|june|july|august|september|october|november|december)\s*,?\s+(?<year>\d{4})\b", RegexOptions.IgnoreCase)]
    private static partial Regex FullDate();
}
