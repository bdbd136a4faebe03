using System.Globalization;
using Trellis.Indicators.AnnexA;

namespace Trellis.Core.AnnexA;

/// <summary>Reading a cell's value as DEFINITIONS §1.2 says: dates, counts and identifiers.</summary>
public static class AnnexACells
{
    private static readonly DateOnly ExcelEpoch = new(1899, 12, 30);
    private static readonly DateOnly Earliest = new(1900, 1, 1);
    private static readonly DateOnly Latest = new(2099, 12, 31);

    /// <summary>
    /// A date cell, a number (an Excel serial), or text: d/m/yyyy (day first) or yyyy-mm-dd, optionally followed by a
    /// time, or a serial written as text. Years outside 1900-2099 and impossible dates are not dates.
    /// </summary>
    public static bool TryReadDate(CellKind kind, ReadOnlySpan<char> text, double number, out DateOnly date)
    {
        date = default;
        switch (kind)
        {
            case CellKind.Date or CellKind.Number:
                return TryFromSerial(number, out date);
            case CellKind.Text:
                return TryReadDateText(text.Trim(), out date);
            default:
                return false;
        }
    }

    public static bool TryFromSerial(double serial, out DateOnly date)
    {
        date = default;
        if (double.IsNaN(serial) || serial < 1 || serial > 73415)
        {
            return false;
        }

        date = ExcelEpoch.AddDays((int)Math.Floor(serial));
        return date >= Earliest && date <= Latest;
    }

    public static double ToSerial(DateOnly date) => date.DayNumber - ExcelEpoch.DayNumber;

    private static bool TryReadDateText(ReadOnlySpan<char> text, out DateOnly date)
    {
        date = default;
        if (text.IsEmpty)
        {
            return false;
        }

        // An optional trailing time ("31/03/2025 00:00:00", "2025-03-31T00:00").
        var cut = text.IndexOfAny(' ', 'T');
        var day = cut > 0 ? text[..cut] : text;
        if (double.TryParse(day, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var serial) && !day.Contains('/') && !day.Contains('-'))
        {
            return TryFromSerial(serial, out date);
        }

        Span<Range> parts = stackalloc Range[4];
        if (day.Contains('/'))
        {
            return day.Split(parts, '/') == 3 && Make(day[parts[2]], day[parts[1]], day[parts[0]], out date);
        }

        return day.Contains('-') && day.Split(parts, '-') == 3 && day[parts[0]].Length == 4 && Make(day[parts[0]], day[parts[1]], day[parts[2]], out date);
    }

    private static bool Make(ReadOnlySpan<char> year, ReadOnlySpan<char> month, ReadOnlySpan<char> day, out DateOnly date)
    {
        date = default;
        if (year.Length != 4 || month.Length is < 1 or > 2 || day.Length is < 1 or > 2
            || !int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            || !int.TryParse(month, NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            || !int.TryParse(day, NumberStyles.None, CultureInfo.InvariantCulture, out var d)
            || y is < 1900 or > 2099 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m))
        {
            return false;
        }

        date = new DateOnly(y, m, d);
        return true;
    }

    /// <summary>A count: a whole number >= 0, or digits with an optional ".0…".</summary>
    public static bool TryReadCount(CellKind kind, ReadOnlySpan<char> text, double number, out int count)
    {
        count = 0;
        if (kind is CellKind.Number or CellKind.Date)
        {
            if (number >= 0 && number < int.MaxValue && Math.Floor(number) == number)
            {
                count = (int)number;
                return true;
            }

            return false;
        }

        if (kind != CellKind.Text)
        {
            return false;
        }

        var trimmed = TrimZeroDecimals(text.Trim());
        return int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out count);
    }

    /// <summary>
    /// An identifier as text (DEFINITIONS §1.2): trimmed; an integral number or "123.0" becomes "123"; leading zeros and
    /// case kept. Writes into the buffer and returns the part written; empty when blank or an error.
    /// </summary>
    public static ReadOnlySpan<char> Identifier(IAnnexARow row, int column, Span<char> buffer)
    {
        switch (row.Kind(column))
        {
            case CellKind.Number or CellKind.Date:
                var number = row.Number(column);
                return Math.Floor(number) == number && Math.Abs(number) < 1e15
                    && ((long)number).TryFormat(buffer, out var written, default, CultureInfo.InvariantCulture) ? buffer[..written]
                    : number.TryFormat(buffer, out written, default, CultureInfo.InvariantCulture) ? buffer[..written] : [];
            case CellKind.Text:
                var text = TrimZeroDecimals(row.Text(column).Trim());
                var length = Math.Min(text.Length, buffer.Length);
                text[..length].CopyTo(buffer);
                return buffer[..length];
            default:
                return [];
        }
    }

    /// <summary>"123.00" -> "123"; anything else unchanged.</summary>
    private static ReadOnlySpan<char> TrimZeroDecimals(ReadOnlySpan<char> text)
    {
        var dot = text.IndexOf('.');
        if (dot > 0 && text[..dot].ContainsAnyExceptInRange('0', '9') == false && !text[(dot + 1)..].ContainsAnyExcept('0'))
        {
            return text[..dot];
        }

        return text;
    }

    /// <summary>Whether a cell holds nothing (blank, or text of spaces only).</summary>
    public static bool IsBlank(IAnnexARow row, int column) =>
        column >= row.Count || row.Kind(column) == CellKind.Blank || (row.Kind(column) == CellKind.Text && row.Text(column).IsWhiteSpace());
}
