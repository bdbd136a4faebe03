using System.Globalization;

namespace Trellis.Indicators.AnnexA;

/// <summary>Reading one cell's text as the contract's types (DEFINITIONS §1.2). Allocation-free.</summary>
internal static class AnnexAValues
{
    public const int Blank = -1;
    public const int Unreadable = -2;

    private static readonly int ExcelEpoch = new DateOnly(1899, 12, 30).DayNumber;
    private static readonly int MinDay = new DateOnly(1900, 1, 1).DayNumber;
    private static readonly int MaxDay = new DateOnly(2099, 12, 31).DayNumber;

    /// <summary>Trim, NBSP as space, runs of white space as one space. Returns the length written.</summary>
    /// <summary>
    /// A cell as normalised text, written into <paramref name="buffer"/> (grown when a cell is longer): numbers as
    /// "123" or "12.5", text with its spaces normalised, blank as empty. The builder and the row keys both read this way.
    /// </summary>
    public static ReadOnlySpan<char> ReadCell(IAnnexARow row, int col, ref char[] buffer, out CellKind kind)
    {
        kind = col < 0 || col >= row.Count ? CellKind.Blank : row.Kind(col);
        switch (kind)
        {
            case CellKind.Blank:
                return [];
            case CellKind.Number or CellKind.Date:
                var n = row.Number(col);
                int written;
                if (Math.Floor(n) == n && Math.Abs(n) < 1e15)
                {
                    ((long)n).TryFormat(buffer, out written, default, CultureInfo.InvariantCulture);
                }
                else
                {
                    n.TryFormat(buffer, out written, "R", CultureInfo.InvariantCulture);
                }

                return buffer.AsSpan(0, written);
            default:
                var raw = row.Text(col);
                if (raw.Length > buffer.Length)
                {
                    buffer = new char[raw.Length * 2];
                }

                return buffer.AsSpan(0, Normalise(raw, buffer));
        }
    }

    public static int Normalise(ReadOnlySpan<char> text, Span<char> into)
    {
        var n = 0;
        var pendingSpace = false;
        foreach (var raw in text)
        {
            if (raw == '\u00A0' || char.IsWhiteSpace(raw))
            {
                pendingSpace = n > 0;
                continue;
            }

            if (pendingSpace)
            {
                into[n++] = ' ';
                pendingSpace = false;
            }

            into[n++] = raw;
        }

        return n;
    }

    /// <summary>An Excel serial as a day number: 1899-12-30 + floor(n), years 1900-2099 only.</summary>
    public static int FromSerial(double serial)
    {
        if (double.IsNaN(serial) || serial < 0 || serial > 100_000)
        {
            return Unreadable;
        }

        var day = ExcelEpoch + (int)Math.Floor(serial);
        return day < MinDay || day > MaxDay ? Unreadable : day;
    }

    /// <summary>Normalised text as a date: Excel serial, d/m/yyyy or yyyy-mm-dd, optional trailing time.</summary>
    public static int ParseDate(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty)
        {
            return Blank;
        }

        var slash = s.IndexOf('/');
        if (slash > 0)
        {
            return ParseParts(s, '/', dayFirst: true);
        }

        if (s.Length >= 8 && char.IsAsciiDigit(s[0]) && s.Length > 4 && s[4] == '-')
        {
            return ParseParts(s, '-', dayFirst: false);
        }

        return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) ? FromSerial(serial) : Unreadable;
    }

    private static int ParseParts(ReadOnlySpan<char> s, char separator, bool dayFirst)
    {
        var i = 0;
        if (!ReadNumber(s, ref i, dayFirst ? 2 : 4, out var first) || i >= s.Length || s[i++] != separator
            || !ReadNumber(s, ref i, 2, out var second) || i >= s.Length || s[i++] != separator
            || !ReadNumber(s, ref i, dayFirst ? 4 : 2, out var third))
        {
            return Unreadable;
        }

        var (year, month, day) = dayFirst ? (third, second, first) : (first, second, third);
        if (dayFirst && third < 1000)
        {
            return Unreadable;
        }

        if (i < s.Length && !IsTrailingTime(s[i..]))
        {
            return Unreadable;
        }

        if (year < 1900 || year > 2099 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return Unreadable;
        }

        return new DateOnly(year, month, day).DayNumber;
    }

    private static bool ReadNumber(ReadOnlySpan<char> s, ref int i, int maxDigits, out int value)
    {
        value = 0;
        var start = i;
        while (i < s.Length && char.IsAsciiDigit(s[i]) && i - start < maxDigits)
        {
            value = (value * 10) + (s[i] - '0');
            i++;
        }

        return i > start && (i >= s.Length || !char.IsAsciiDigit(s[i]));
    }

    // " 00:00", " 00:00:00", "T09:30:00.000", " 9:30 am": a time after the date is dropped.
    private static bool IsTrailingTime(ReadOnlySpan<char> rest)
    {
        if (rest.Length < 2 || (rest[0] != ' ' && rest[0] != 'T') || !char.IsAsciiDigit(rest[1]) || !rest.Contains(':'))
        {
            return false;
        }

        var body = rest[1..];
        if (body.EndsWith("am", StringComparison.OrdinalIgnoreCase) || body.EndsWith("pm", StringComparison.OrdinalIgnoreCase))
        {
            body = body[..^2].TrimEnd(' ');
        }

        if (body.EndsWith('Z'))
        {
            body = body[..^1];
        }

        foreach (var c in body)
        {
            if (!char.IsAsciiDigit(c) && c != ':' && c != '.')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A count: an integer &gt;= 0, digits with an optional ".0...".</summary>
    public static int ParseCount(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty)
        {
            return Blank;
        }

        var value = 0L;
        var i = 0;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            value = (value * 10) + (s[i] - '0');
            if (value > int.MaxValue)
            {
                return Unreadable;
            }

            i++;
        }

        if (i == 0)
        {
            return Unreadable;
        }

        if (i < s.Length)
        {
            if (s[i] != '.' || i == s.Length - 1)
            {
                return Unreadable;
            }

            foreach (var c in s[(i + 1)..])
            {
                if (c != '0')
                {
                    return Unreadable;
                }
            }
        }

        return (int)value;
    }

    public static int CountFromNumber(double n) =>
        n >= 0 && n <= int.MaxValue && Math.Floor(n) == n ? (int)n : Unreadable;

    /// <summary>Casefold and drop a leading 1-2 letter prefix such as "a) ". Returns the length written.</summary>
    public static int CodeKey(ReadOnlySpan<char> s, Span<char> into)
    {
        for (var i = 0; i < s.Length; i++)
        {
            into[i] = char.ToLowerInvariant(s[i]);
        }

        var code = into[..s.Length];
        var close = code.IndexOf(')');
        if (close is 1 or 2 && char.IsAsciiLetterLower(code[0]) && char.IsAsciiLetterLower(code[close - 1]) && close + 1 < code.Length)
        {
            var rest = code[(close + 1)..].TrimStart(' ');
            rest.CopyTo(into);
            return rest.Length;
        }

        return code.Length;
    }

    /// <summary>A casefolded code (see <see cref="CodeKey"/>) as the field kind's code.</summary>
    public static AnnexACode ParseCode(FieldKind kind, ReadOnlySpan<char> normalised, Span<char> scratch)
    {
        if (normalised.IsEmpty)
        {
            return AnnexACode.Blank;
        }

        if (kind == FieldKind.CaseStatus)
        {
            return ParseCaseStatus(normalised, scratch);
        }

        if (kind == FieldKind.Activity)
        {
            return ParseActivity(normalised, scratch);
        }

        var code = scratch[..CodeKey(normalised, scratch)];
        return kind switch
        {
            FieldKind.YesNo or FieldKind.YesNoUnknown when code is "yes" or "y" => AnnexACode.Yes,
            FieldKind.YesNo or FieldKind.YesNoUnknown when code is "no" or "n" => AnnexACode.No,
            FieldKind.YesNoUnknown when code is "unknown" => AnnexACode.Unknown,
            FieldKind.Suitability when code is "suitable" => AnnexACode.Suitable,
            FieldKind.Suitability when code is "unsuitable" => AnnexACode.Unsuitable,
            _ => AnnexACode.Unreadable,
        };
    }

    private static AnnexACode ParseCaseStatus(ReadOnlySpan<char> s, Span<char> scratch)
    {
        for (var i = 0; i < s.Length; i++)
        {
            scratch[i] = char.ToLowerInvariant(s[i]);
        }

        var code = scratch[..s.Length];
        var letter = code[0];
        if (letter is >= 'a' and <= 'e' && (code.Length == 1 || code[1] == ')'))
        {
            return (AnnexACode)((int)AnnexACode.StatusA + (letter - 'a'));
        }

        return code switch
        {
            "looked after child" => AnnexACode.StatusA,
            "child protection plan" => AnnexACode.StatusB,
            "child in need plan" => AnnexACode.StatusC,
            "open assessment" => AnnexACode.StatusD,
            "closed episode" => AnnexACode.StatusE,
            _ => AnnexACode.Unreadable,
        };
    }

    private static AnnexACode ParseActivity(ReadOnlySpan<char> s, Span<char> scratch)
    {
        for (var i = 0; i < s.Length; i++)
        {
            scratch[i] = char.ToLowerInvariant(s[i]);
        }

        var code = scratch[..s.Length];
        if (code.Length >= 2 && char.IsAsciiDigit(code[1]))
        {
            var digit = code[1] - '0';
            if ((code[0] is 'f' or 'p') && digit is >= 1 and <= 5)
            {
                return AnnexACode.Eet;
            }

            if (code[0] == 'g' && digit is >= 4 and <= 6)
            {
                return AnnexACode.Neet;
            }
        }

        var key = scratch[..CodeKey(s, scratch)];
        return key switch
        {
            "eet" => AnnexACode.Eet,
            "neet" => AnnexACode.Neet,
            _ => AnnexACode.Unreadable,
        };
    }

    /// <summary>An ID, team or worker: "123.0" becomes "123". Returns the new length.</summary>
    public static int TrimIntegralFraction(Span<char> s)
    {
        var dot = s.IndexOf('.');
        if (dot <= 0 || dot == s.Length - 1)
        {
            return s.Length;
        }

        foreach (var c in s[..dot])
        {
            if (!char.IsAsciiDigit(c))
            {
                return s.Length;
            }
        }

        foreach (var c in s[(dot + 1)..])
        {
            if (c != '0')
            {
                return s.Length;
            }
        }

        return dot;
    }
}
