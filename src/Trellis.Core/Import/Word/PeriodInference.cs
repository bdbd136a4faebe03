using System.Globalization;
using System.Text.RegularExpressions;
using Trellis.Core.Dates;

namespace Trellis.Core.Import.Word;

/// <summary>
/// Gives years to a header's periods written without one ("Q2 | Q3 | Q4 | Apr | May"). A header's periods are a
/// consecutive, ordered run, so a period without a year follows the one before it ("Q2 18/19 | Q3 | Q4": the quarters of
/// 2018/19) or, before any period with a year, precedes the one after it. When no period in the header has a year, the
/// run ends at the latest such period that ends on or before the report's date (or is the report's month) and counts
/// back from there. Quarters are financial (April-June is Q1) unless the header writes a calendar quarter with its
/// year. Every inferred period carries a warning saying what it was read as and why; with nothing to anchor it, a
/// period stays as written.
/// </summary>
internal static partial class PeriodInference
{
    private static readonly string[] MonthNames =
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    /// <summary>One column's period: the interchange text (null when it could not be given a year) and how it was inferred.</summary>
    public sealed record Column(string Written, string? Period, string? Warning);

    /// <summary>
    /// Resolves <paramref name="periodColumns"/> (header texts of the period columns, in order, each with its reading
    /// when the header gave a year, else null).
    /// </summary>
    public static List<Column> Resolve(IReadOnlyList<(string Written, string? Read)> periodColumns, DateOnly? reportDate)
    {
        var known = new Period?[periodColumns.Count];
        var tokens = new Token?[periodColumns.Count];
        var calendarQuarters = false;
        for (var i = 0; i < periodColumns.Count; i++)
        {
            if (periodColumns[i].Read is { } read && Period.TryParse(read, out var period))
            {
                known[i] = period;
                calendarQuarters |= CalendarQuarter().IsMatch(read);
            }
            else
            {
                tokens[i] = Token.Read(periodColumns[i].Written);
            }
        }

        var result = periodColumns.Select((c, i) => new Column(c.Written, known[i]?.Text ?? c.Read, null)).ToList();
        var resolved = (Period?[])known.Clone();
        var anchors = known.Any(k => k is not null);

        // Forwards from each period with a year: the next period is the first of its kind that starts after it.
        for (var i = 1; i < resolved.Length; i++)
        {
            if (resolved[i] is null && tokens[i] is { } token && resolved[i - 1] is { } before
                && token.Candidates(before.Start.Year, calendarQuarters).Where(c => After(c, before)).OrderBy(c => c.Start).FirstOrDefault() is { Text.Length: > 0 } next)
            {
                resolved[i] = next;
                var from = FirstAnchor(periodColumns, known, i, -1);
                result[i] = result[i] with { Period = next.Text, Warning = $"'{periodColumns[i].Written}' read as {Describe(next)}, following '{from}' in the same header" };
            }
        }

        // No period with a year: the last one is the latest that ends by the report's date (or is its month).
        var last = resolved.Length - 1;
        if (!anchors && reportDate is { } date && last >= 0 && tokens[last] is { } lastToken
            && lastToken.Candidates(date.Year, calendarQuarters).Where(c => c.End <= date || (lastToken.IsMonth && c.Start <= date)).OrderByDescending(c => c.Start).FirstOrDefault() is { Text.Length: > 0 } latest)
        {
            resolved[last] = latest;
            result[last] = result[last] with { Period = latest.Text, Warning = $"'{periodColumns[last].Written}' read as {Describe(latest)}, counting back from the report date {date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}" };
        }

        // Backwards from the first period resolved: each earlier period is the last of its kind that starts before it.
        for (var i = resolved.Length - 2; i >= 0; i--)
        {
            if (resolved[i] is null && tokens[i] is { } token && resolved[i + 1] is { } after
                && token.Candidates(after.Start.Year, calendarQuarters).Where(c => After(after, c)).OrderByDescending(c => c.Start).FirstOrDefault() is { Text.Length: > 0 } previous)
            {
                resolved[i] = previous;
                var why = anchors
                    ? $"preceding '{FirstAnchor(periodColumns, known, i, +1)}' in the same header"
                    : $"counting back from the report date {reportDate!.Value.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}";
                result[i] = result[i] with { Period = previous.Text, Warning = $"'{periodColumns[i].Written}' read as {Describe(previous)}, {why}" };
            }
        }

        return result;
    }

    /// <summary>Whether <paramref name="later"/> comes after <paramref name="earlier"/>: it starts later, or at the same time but is a different period.</summary>
    private static bool After(Period later, Period earlier) =>
        later.Start > earlier.Start || (later.Start == earlier.Start && later.End != earlier.End);

    private static string FirstAnchor(IReadOnlyList<(string Written, string? Read)> columns, Period?[] known, int from, int step)
    {
        for (var i = from + step; i >= 0 && i < columns.Count; i += step)
        {
            if (known[i] is not null)
            {
                return columns[i].Written;
            }
        }

        return string.Empty;
    }

    private static string Describe(Period period)
    {
        if (MonthText().Match(period.Text) is { Success: true })
        {
            return period.Start.ToString("MMMM yyyy", CultureInfo.InvariantCulture);
        }

        return period.Text.Contains('/', StringComparison.Ordinal) ? $"{period.Text} (financial year quarter)" : period.Text;
    }

    /// <summary>A month or quarter written without its year.</summary>
    private sealed record Token(int? Month, int? Quarter)
    {
        public bool IsMonth => Month is not null;

        public static Token? Read(string written)
        {
            var key = PlanText.Key(written);
            if (BareQuarter().Match(key) is { Success: true } q)
            {
                return new Token(null, int.Parse(q.Groups["q"].Value, CultureInfo.InvariantCulture));
            }

            if (BareMonth().Match(key) is { Success: true } m)
            {
                var index = Array.IndexOf(MonthNames, m.Groups["m"].Value);
                return index >= 0 ? new Token(index + 1, null) : null;
            }

            return null;
        }

        /// <summary>This month or quarter in the years around <paramref name="year"/>.</summary>
        public IEnumerable<Period> Candidates(int year, bool calendarQuarters)
        {
            for (var y = year - 2; y <= year + 2; y++)
            {
                var text = Month is { } month ? $"{y}-{month:00}"
                    : calendarQuarters ? $"{y}-Q{Quarter}"
                    : $"{y}/{(y + 1) % 100:00} Q{Quarter}";
                if (Period.TryParse(text, out var period))
                {
                    yield return period;
                }
            }
        }
    }

    [GeneratedRegex(@"^q(?<q>[1-4])$")]
    private static partial Regex BareQuarter();

    [GeneratedRegex(@"^(?<m>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)(?:[a-z]*)$")]
    private static partial Regex BareMonth();

    [GeneratedRegex(@"^\d{4}-Q[1-4]$")]
    private static partial Regex CalendarQuarter();

    [GeneratedRegex(@"^\d{4}-\d{2}$")]
    private static partial Regex MonthText();
}
