using System.Globalization;
using System.Text.RegularExpressions;
using Trellis.Core.Dates;
using Trellis.Core.Import.Word;

namespace Trellis.Core.Indicators;

/// <summary>A figure as written, read: the number when there is one, the words kept.</summary>
public sealed record ValueRead(decimal? Value, string? Text, string? Note);

/// <summary>
/// Reads periods and figures as people write them, for the value form, the import and the API alike. Periods: the
/// interchange forms ("2026-09", "2026/27 Q2"), the board reports' headings ("Sep 26", "Q2 2026/27", "2026-27"),
/// month names in full ("September 2026") and a date, read as the indicator's period that holds it. Figures: the Word
/// importer's reading ("18%", "1630 (av)" is 1630 with the note "(av)"), and words that say there is no figure yet
/// ("TBC", "-", "Data not yet available") kept as text; any other words are a mistake, not a value.
/// </summary>
public static partial class ValueReading
{
    /// <summary>Reads a period; on failure <paramref name="problem"/> says how to write one.</summary>
    public static bool TryReadPeriod(string? text, IndicatorFrequency frequency, YearBasis basis, out Period period, out string problem)
    {
        problem = string.Empty;
        var written = PlanText.OneLine(text);
        if (written.Length == 0)
        {
            period = default;
            problem = "Enter the period, for example " + Example(frequency);
            return false;
        }

        if (Period.TryParse(written, out period))
        {
            return true;
        }

        if (TryReadDate(written, out var date))
        {
            period = PeriodWords.PeriodOf(date, frequency, basis);
            return true;
        }

        if (BareQuarterAndYear().Match(PlanText.Key(written)) is { Success: true } quarter)
        {
            if (basis == YearBasis.Calendar && Period.TryParse($"{quarter.Groups["year"].Value}-Q{quarter.Groups["q"].Value}", out period))
            {
                return true;
            }

            var year = int.Parse(quarter.Groups["year"].Value, CultureInfo.InvariantCulture);
            problem = string.Create(CultureInfo.InvariantCulture,
                $"'{written}' could be a calendar or a financial quarter: write {year}/{(year + 1) % 100:00} Q{quarter.Groups["q"].Value} for the financial year, or {year}-Q{quarter.Groups["q"].Value} for the calendar year");
            return false;
        }

        if (Period.TryParse(IndicatorTableReader.ReadPeriod(written), out period))
        {
            return true;
        }

        problem = $"'{written}' is not a period: write it like {Example(frequency)}";
        return false;
    }

    /// <summary>
    /// Reads a figure. Returns false, with <paramref name="problem"/>, for words that are not a number and do not say
    /// the figure is missing; an indicator whose unit is text takes any words.
    /// </summary>
    public static bool TryReadValue(string? text, IndicatorUnit unit, out ValueRead value, out string problem)
    {
        problem = string.Empty;
        value = new ValueRead(null, null, null);
        var written = PlanText.OneLine(text);
        if (written.Length == 0)
        {
            problem = "Enter the value, for example 47, or words such as TBC when there is no number yet";
            return false;
        }

        var cell = IndicatorTableReader.ReadCell(string.Empty, written);
        if (cell.Value is not null && unit != IndicatorUnit.Text)
        {
            value = new ValueRead(cell.Value, null, cell.Note);
        }
        else if (unit == IndicatorUnit.Text || NoFigure().IsMatch(PlanText.Key(written)) || written.All(c => c is '-' or '\u2013' or '\u2014' or '*' or '.' or '?'))
        {
            value = new ValueRead(null, written, null);
        }
        else
        {
            problem = $"'{written}' is not a number: enter a number, for example 47, or words such as TBC when there is no number yet";
            return false;
        }

        if (value.Text is { Length: > IndicatorValue.TextMaxLength })
        {
            problem = $"'{written[..20]}...' is too long: a value's words must be {IndicatorValue.TextMaxLength} characters or fewer";
            return false;
        }

        return true;
    }

    /// <summary>A "correct as at" date: "2026-11-05", "5/11/2026", "5 November 2026".</summary>
    public static bool TryReadDate(string? text, out DateOnly date)
    {
        var written = PlanText.OneLine(text);
        if (DateOnly.TryParseExact(written, ["yyyy-MM-dd", "d/M/yyyy", "d/M/yy", "d MMMM yyyy", "d MMM yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return true;
        }

        var reading = DueDateReader.Read(written);
        date = reading.Date ?? default;
        return reading.Precision == DuePrecision.Day && reading.Date is not null && reading.Warnings.Count == 0;
    }

    /// <summary>A period as a person would type it back: "Oct 2026" for a month, otherwise the interchange form.</summary>
    public static string Typed(Period period) =>
        period.Text.Length == 7 && period.Text[4] == '-' && period.Text[5] != 'Q' ? PeriodWords.MonthYear(period.Start) : period.Text;

    /// <summary>A value as the preview and notices write it, as the board reports do: "18%", "1630 (av)", "TBC".</summary>
    public static string Display(decimal? value, string? text, string? note, IndicatorUnit unit)
    {
        var figure = value is { } v
            ? unit == IndicatorUnit.Percent ? v.ToString("0.##", CultureInfo.InvariantCulture) + "%" : v.ToString("0.##", CultureInfo.InvariantCulture)
            : text ?? "no value";
        return string.IsNullOrWhiteSpace(note) ? figure : $"{figure} ({note})";
    }

    private static string Example(IndicatorFrequency frequency) => frequency switch
    {
        IndicatorFrequency.Monthly => "Sep 2026",
        IndicatorFrequency.Quarterly => "2026/27 Q2",
        _ => "2026/27",
    };

    [GeneratedRegex(@"^q(?<q>[1-4])\s+(?<year>\d{4})$")]
    private static partial Regex BareQuarterAndYear();

    /// <summary>Words councils write where the figure is missing: "TBC", "n/a", "Data not yet available", "Awaiting data".</summary>
    [GeneratedRegex(@"^(?:tb[cad]|n ?a|n k|nil|none|x|na|unknown|suppressed|pending|new measure|under review|to follow)\b|\b(?:available|unavailable|awaiting|not yet|no data|not reported|not collected|not published|not applicable|not due|not known|see note|see comment)")]
    private static partial Regex NoFigure();
}
