using System.Globalization;
using System.Text.RegularExpressions;
using Trellis.Core.Indicators;
using Trellis.Core.Interchange;

namespace Trellis.Core.Import.Word;

/// <summary>
/// Reads performance indicator tables: a header naming the indicator column ("Indicator", "Measure", "KPI") and
/// periods ("Jan 19", "Q2 18/19", "2018/19", "Q3") with perhaps a target, then one indicator a row ("% Contacts
/// progressing to a CSC referral | 18% | 17% | 20-25%"). Periods are written in the format's forms when the header
/// says the year ("Jan 19" is 2019-01); a period without a year ("Q3", "Apr") is kept as written. Comparator columns
/// ("Stat neighbours", "England", "London") become comparators; other columns ("Comments") go to the indicator's
/// description, so nothing is lost. Works on cell texts, so Word tables and spreadsheet blocks share it.
/// </summary>
internal static partial class IndicatorTableReader
{
    private static readonly HashSet<string> NameHeaders = new(
        ["indicator", "indicators", "measure", "measures", "performance indicator", "performance indicators", "kpi", "kpis", "pi", "pis",
         "key performance indicator", "key performance indicators", "performance measure", "performance measures", "measure of success",
         "measures of success", "success measure", "metric", "metrics", "data", "performance"],
        StringComparer.Ordinal);

    private static readonly Dictionary<string, int> Months = new(StringComparer.Ordinal)
    {
        ["jan"] = 1,
        ["feb"] = 2,
        ["mar"] = 3,
        ["apr"] = 4,
        ["may"] = 5,
        ["jun"] = 6,
        ["jul"] = 7,
        ["aug"] = 8,
        ["sep"] = 9,
        ["oct"] = 10,
        ["nov"] = 11,
        ["dec"] = 12,
    };

    /// <summary>Comparators councils set beside their own figures, as a column or a row.</summary>
    private static readonly HashSet<string> ComparatorNames = new(
        ["stat neighbours", "statistical neighbours", "stat neighbour", "statistical neighbour", "sn", "sn average", "sns", "stat neighbour average",
         "statistical neighbour average", "statistical neighbours average", "england", "england average", "national", "national average", "london",
         "london average", "inner london", "outer london", "region", "regional", "regional average", "comparator", "comparators", "benchmark",
         "core cities", "north west", "north east", "south east", "south west", "east midlands", "west midlands", "yorkshire and the humber",
         "east of england", "nw", "ne", "se", "sw", "em", "wm"],
        StringComparer.Ordinal);

    /// <summary>What a header cell holds.</summary>
    internal enum Kind
    {
        Name,
        Period,
        Target,
        Comparator,
        Other,
    }

    /// <summary>Whether a row is an indicator table's header: a name column and at least two periods or a period and a target.</summary>
    public static bool IsHeader(WordRow row) => IsHeader([.. row.Cells.Select(c => c.Text)]);

    /// <summary>Whether cells (the name column first) are an indicator table's header.</summary>
    public static bool IsHeader(IReadOnlyList<string> cells)
    {
        var kinds = cells.Select(KindOf).ToList();
        var periods = kinds.Count(k => k == Kind.Period);
        return kinds.Count > 2 && kinds[0] == Kind.Name && (periods >= 2 || (periods >= 1 && kinds.Contains(Kind.Target)));
    }

    /// <summary>
    /// Two header rows read as one: a year over the quarters under it ("2018/19" above "Q1 Q2 Q3 Q4") becomes
    /// "2018/19 Q1"…, and a column the lower row leaves blank keeps the upper row's heading ("2017/18"). The upper
    /// row's heading carries to the right over blank cells, as a merged cell looks on the page.
    /// </summary>
    public static List<string> StackHeaders(IReadOnlyList<string> upper, IReadOnlyList<string> lower)
    {
        var merged = new List<string>();
        string? carried = null;
        for (var i = 0; i < Math.Max(upper.Count, lower.Count); i++)
        {
            var top = i < upper.Count ? PlanText.OneLine(upper[i]) : string.Empty;
            var bottom = i < lower.Count ? PlanText.OneLine(lower[i]) : string.Empty;
            carried = i == 0 ? null : top.Length > 0 ? top : carried;
            if (bottom.Length == 0)
            {
                merged.Add(top);
            }
            else if (carried is not null && QuarterOnly().IsMatch(PlanText.Key(bottom)) && KindOf(carried) == Kind.Period
                && Dates.Period.TryParse(Period($"{carried} {bottom}"), out _))
            {
                merged.Add($"{carried} {bottom}");
            }
            else
            {
                merged.Add(bottom);
            }
        }

        return merged;
    }

    /// <summary>One column of a header: what it holds and, for a period, the period it names (null when it gives no year).</summary>
    internal sealed record HeaderColumn(int Index, string Heading, Kind Kind, string? Period, string? Warning);

    /// <summary>Each column of a header after the name column, read as <see cref="ReadRow(IReadOnlyList{string}, IReadOnlyList{string}, string, string?, DateOnly?)"/> reads it.</summary>
    public static List<HeaderColumn> ReadHeader(IReadOnlyList<string> header, DateOnly? reportDate = null)
    {
        var periods = Periods(header, reportDate);
        return [.. Enumerable.Range(1, Math.Max(0, header.Count - 1)).Select(i =>
        {
            var heading = PlanText.OneLine(header[i]);
            return periods.TryGetValue(i, out var period)
                ? new HeaderColumn(i, heading, Kind.Period, period.Period is { } p && Dates.Period.TryParse(p, out _) ? p : null, period.Warning)
                : new HeaderColumn(i, heading, KindOf(heading), null, null);
        })];
    }

    /// <summary>A cell as the table reader stores it: the number when it starts with one (the rest as a note), otherwise the text.</summary>
    public static IndicatorValueDoc ReadCell(string period, string text) => Value(period, PlanText.OneLine(text));

    /// <summary>A period as a heading writes it ("Jan 19", "Q2 18/19", "2018-19") in the interchange's form; otherwise as written.</summary>
    public static string ReadPeriod(string text) => Period(text);

    /// <summary>Whether a row's name is a comparator ("England", "SN average") rather than an indicator.</summary>
    public static bool IsComparator(string name) => ComparatorNames.Contains(PlanText.Key(name));

    /// <summary>The indicator of a data row under <paramref name="header"/>, or null when the row names none.</summary>
    public static IndicatorDoc? ReadRow(WordRow header, WordRow row, string id, string? area) =>
        ReadRow([.. header.Cells.Select(c => c.Text)], [.. row.Cells.Select(c => c.Text)], id, area);

    /// <summary>The indicator of a row of cell texts under a header of cell texts, or null when the row names none.</summary>
    public static IndicatorDoc? ReadRow(IReadOnlyList<string> header, IReadOnlyList<string> row, string id, string? area, DateOnly? reportDate = null)
    {
        var name = PlanText.OneLine(row.Count > 0 ? row[0] : string.Empty);
        if (name.Length == 0 || row.Count(c => PlanText.OneLine(c).Length > 0) < 2 || PlanText.IsOnlyPunctuation(name))
        {
            return null;
        }

        var values = new List<IndicatorValueDoc>();
        var comparators = new List<ComparatorDoc>();
        var notes = new List<string>();
        var warnings = new List<string>();
        TargetDoc? target = null;
        var periods = Periods(header, reportDate);
        var lastPeriod = periods.Values.Select(p => p.Period ?? p.Written).LastOrDefault();
        for (var i = 1; i < header.Count && i < row.Count; i++)
        {
            var heading = PlanText.OneLine(header[i]);
            var text = PlanText.OneLine(row[i]);
            if (text.Length == 0)
            {
                continue;
            }

            switch (KindOf(heading))
            {
                case Kind.Period:
                    var period = periods[i];
                    values.Add(Value(period.Period ?? period.Written, text));
                    if (period.Warning is { } warning)
                    {
                        warnings.Add(warning);
                    }

                    break;
                case Kind.Target:
                    target = Target(text);
                    break;
                case Kind.Comparator when lastPeriod is not null && LeadingNumber().Match(text) is { Success: true } number:
                    comparators.Add(new ComparatorDoc { Name = heading, Period = lastPeriod, Value = Number(number.Groups["number"].Value) });
                    break;
                default:
                    notes.Add(heading.Length > 0 ? $"{heading}: {text}" : text);
                    break;
            }
        }

        var percent = name.StartsWith('%') || row.Skip(1).Any(c => c.Contains('%', StringComparison.Ordinal));
        return new IndicatorDoc
        {
            Id = id,
            Name = name,
            Description = notes.Count > 0 ? string.Join('\n', notes) : null,
            Unit = percent ? "percent" : null,
            Polarity = Polarity(target?.Text),
            Target = target,
            Areas = area is null ? null : [area],
            Values = values.Count > 0 ? values : null,
            Comparators = comparators.Count > 0 ? comparators : null,
            Warnings = warnings.Count > 0 ? warnings : null,
        };
    }

    /// <summary>The period of each period column of a header (by column index), years inferred where the header leaves them out.</summary>
    private static SortedDictionary<int, PeriodInference.Column> Periods(IReadOnlyList<string> header, DateOnly? reportDate)
    {
        var indexes = Enumerable.Range(1, Math.Max(0, header.Count - 1)).Where(i => KindOf(PlanText.OneLine(header[i])) == Kind.Period).ToList();
        var columns = indexes.Select(i => (PlanText.OneLine(header[i]), (string?)Period(header[i]))).ToList();
        var resolved = PeriodInference.Resolve(columns, reportDate);
        var periods = new SortedDictionary<int, PeriodInference.Column>();
        for (var k = 0; k < indexes.Count; k++)
        {
            periods[indexes[k]] = resolved[k];
        }

        return periods;
    }

    /// <summary>Whether a cell is a period ("Q2 18/19", "Apr", "2018-19").</summary>
    public static bool IsPeriod(string text) => PlanText.OneLine(text).Length > 0 && KindOf(text) == Kind.Period;

    /// <summary>A comparator row ("SN Average | 54 | - | 53") under the same header, as comparators for the indicator above it.</summary>
    public static List<ComparatorDoc> ComparatorRow(IReadOnlyList<string> header, IReadOnlyList<string> row, DateOnly? reportDate = null)
    {
        var name = PlanText.OneLine(row.Count > 0 ? row[0] : string.Empty);
        var comparators = new List<ComparatorDoc>();
        var periods = Periods(header, reportDate);
        for (var i = 1; i < header.Count && i < row.Count; i++)
        {
            if (periods.TryGetValue(i, out var period) && LeadingNumber().Match(PlanText.OneLine(row[i])) is { Success: true } number)
            {
                comparators.Add(new ComparatorDoc { Name = name, Period = period.Period ?? period.Written, Value = Number(number.Groups["number"].Value) });
            }
        }

        return comparators;
    }

    /// <summary>The words that introduce a table: the last sentence of the text before it when it ends with a colon ("Rate of s47:"), or a short line.</summary>
    public static string? LeadIn(string text)
    {
        var line = PlanText.OneLine(text);
        if (line.Length == 0)
        {
            return null;
        }

        var cut = Math.Max(line.LastIndexOf(". ", StringComparison.Ordinal), Math.Max(line.LastIndexOf("? ", StringComparison.Ordinal), line.LastIndexOf("! ", StringComparison.Ordinal)));
        var last = (cut >= 0 ? line[(cut + 2)..] : line).Trim();
        var colon = last.EndsWith(':');
        last = last.TrimEnd(':', ' ');
        return last.Length > 0 && PlanText.WordCount(last) <= 12 && (colon || cut < 0) && !last.EndsWith('.') ? last : null;
    }

    private static Kind KindOf(string header)
    {
        var key = PlanText.Key(header);
        if (key.Length == 0 || NameHeaders.Contains(key))
        {
            return Kind.Name;
        }

        if (key.StartsWith("target", StringComparison.Ordinal))
        {
            return Kind.Target;
        }

        if (ComparatorNames.Contains(key))
        {
            return Kind.Comparator;
        }

        // A bare four-digit number is a year only when it could be one; "1383" in a row of counts is a value.
        if (key.Length == 4 && int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is < 1990 or > 2060)
        {
            return Kind.Other;
        }

        return PeriodShape().IsMatch(key) ? Kind.Period : Kind.Other;
    }

    /// <summary>"Jan 19" -> 2019-01, "Q2 18/19" -> 2018/19 Q2, "2018-19" -> 2018/19, "2019" -> 2019; otherwise as written.</summary>
    private static string Period(string header)
    {
        var key = PlanText.Key(header);
        if (MonthYear().Match(key) is { Success: true } m && Months.TryGetValue(m.Groups["month"].Value[..3], out var month))
        {
            return $"{Year(m.Groups["year"].Value)}-{month:00}";
        }

        if (QuarterYear().Match(key) is { Success: true } q)
        {
            return $"{FinancialYear(q.Groups["from"].Value, q.Groups["to"].Value)} Q{q.Groups["quarter"].Value}";
        }

        if (FinancialYearOnly().Match(key) is { Success: true } f)
        {
            return FinancialYear(f.Groups["from"].Value, f.Groups["to"].Value);
        }

        return PlanText.OneLine(header);
    }

    private static int Year(string written) =>
        written.Length == 2 ? 2000 + int.Parse(written, CultureInfo.InvariantCulture) : int.Parse(written, CultureInfo.InvariantCulture);

    private static string FinancialYear(string from, string to) => $"{Year(from)}/{Year(to) % 100:00}";

    /// <summary>"18%", "1630 (av)", "-", "Data not yet available": the number when it starts with one, the rest as a note or the text.</summary>
    private static IndicatorValueDoc Value(string period, string text)
    {
        var match = LeadingNumber().Match(text);
        if (!match.Success)
        {
            return new IndicatorValueDoc { Period = period, Text = text };
        }

        var value = decimal.Parse(match.Groups["number"].Value.Replace(",", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture);
        var rest = text[match.Length..].Trim();
        return new IndicatorValueDoc { Period = period, Value = value, Note = rest.Length > 0 ? rest : null };
    }

    /// <summary>"20-25%" gives both bounds, "No higher than 15%" a maximum, "At least 90%" a minimum; "90%" alone says neither.</summary>
    private static TargetDoc Target(string text)
    {
        var target = TargetReader.Read(text);
        return target.Kind switch
        {
            TargetKind.Range or TargetKind.AtLeast or TargetKind.AtMost => new TargetDoc { Text = text, Min = target.Min, Max = target.Max },
            _ => new TargetDoc { Text = text },
        };
    }

    /// <summary>The polarity the target's words say, as the interchange writes it; none for a bare value or "Under review".</summary>
    private static string? Polarity(string? target) => TargetReader.Read(target).ImpliedPolarity switch
    {
        Indicators.Polarity.LowerIsBetter => "lower-is-better",
        Indicators.Polarity.HigherIsBetter => "higher-is-better",
        Indicators.Polarity.InRange => "in-range",
        _ => null,
    };

    private static decimal? Number(string text) =>
        decimal.TryParse(text.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>Header words that name a period: a month, a quarter, a year or a financial year, with or without the year.</summary>
    [GeneratedRegex(@"^(?:q[1-4](?:\s*(?:and|&)?\s*q?[1-4])?(?:\s+\d{2,4}(?:\s+\d{2,4})?)?|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*(?:\s+\d{2,4})?|\d{4}(?:\s+\d{2,4})?(?:\s+q[1-4])?)$")]
    private static partial Regex PeriodShape();

    [GeneratedRegex(@"^(?<month>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s+(?<year>\d{2}|\d{4})$")]
    private static partial Regex MonthYear();

    [GeneratedRegex(@"^(?:q(?<quarter>[1-4])\s+(?<from>\d{2}|\d{4})\s+(?<to>\d{2})|(?<from>\d{4})\s+(?<to>\d{2})\s+q(?<quarter>[1-4]))$")]
    private static partial Regex QuarterYear();

    [GeneratedRegex(@"^(?<from>\d{4})\s+(?<to>\d{2}|\d{4})$")]
    private static partial Regex FinancialYearOnly();

    [GeneratedRegex(@"^q[1-4]$")]
    private static partial Regex QuarterOnly();

    [GeneratedRegex(@"^(?<number>-?\d[\d,]*(?:\.\d+)?)\s*%?")]
    private static partial Regex LeadingNumber();
}
