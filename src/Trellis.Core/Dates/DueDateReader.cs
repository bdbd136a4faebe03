using System.Globalization;

namespace Trellis.Core.Dates;

/// <summary>Reads a target date as councils write it ("31 st March 2016", "Q3 &amp; 4 2019/20", "tbc with IT provider").</summary>
/// <remarks>
/// <para>
/// The text is split into words, numbers and symbols, and every date form is tried at each position from the
/// left; a form that matches consumes its tokens. Whatever is left over decides the rest: a recurrence
/// ("then quarterly"), "tbc", "ongoing", "completed", or numbers stuck to a date ("30 th Sep 16 20").
/// </para>
/// <para>Decisions worth knowing:</para>
/// <list type="bullet">
/// <item>A cell with one date has no <see cref="DueDateReading.Parts"/>; a cell with several has one part per date, and the
/// reading takes the latest of them (the most precise one on a tie). A recurring cell takes the first date instead.</item>
/// <item>An impossible day ("31st April 2016") is read as the last day of the month the author named, with a warning.
/// Day 0 or a day above 31 keeps only the month.</item>
/// <item>A bare "Q3 2019" is a calendar quarter (ends 30 September 2019). With
/// <see cref="DueDateReaderOptions.BareQuartersAreFinancial"/> it is Q3 of the financial year that starts in that year,
/// 2019/20, so it ends 31 December 2019; "Q4 2019" then ends 31 March 2020.</item>
/// <item>"Early June 2019" and "mid June 2019" keep month precision (due by 30 June) and say so in a warning, because the
/// author meant earlier than the date we store.</item>
/// <item>Two-digit years are 20YY. Numeric dates are UK order (day/month/year). "2011-12" is the financial year 2011/12,
/// not December 2011, because that is how councils write financial years. A month and a bare two-digit number is a month
/// and year ("Feb 17" is February 2017, so "Sep 30" is September 2030); a day needs an ordinal or a four-digit year.</item>
/// <item>"Summer 2016" and "Autumn term 2016" read as the latest end of the season or school term (August, December), and
/// "w/c 6th June 2016" as the last day of that week, each with a warning. Winter straddles two years and is not read.</item>
/// <item>"Complete", "Done", "N/A" and "NFA" are not dates: precision none with a warning, so the importer can ask.
/// Beside a date, "completed" or "done" adds a warning that the date may be when it was finished.</item>
/// </list>
/// </remarks>
public static class DueDateReader
{
    public static DueDateReading Read(string? text, DueDateReaderOptions? options = null)
    {
        var trimmed = (text ?? string.Empty).Trim();
        if (trimmed.Length == 0)
        {
            return DueDateReading.Empty;
        }

        var scanner = new Scanner(trimmed, Tokenize(trimmed), options ?? DueDateReaderOptions.Default);
        var dates = scanner.FindDates();
        var recurrence = scanner.FindRecurrence();
        return dates.Count == 0
            ? ReadWithoutDates(trimmed, scanner, recurrence)
            : ReadWithDates(trimmed, scanner, dates, recurrence);
    }

    private static DueDateReading ReadWithoutDates(string text, Scanner scanner, string? recurrence)
    {
        if (scanner.SaysToBeConfirmed())
        {
            return new DueDateReading(text, null, DuePrecision.Tbc, [], []);
        }

        // A recurrence with no first date ("Quarterly") is work that never finishes.
        if (scanner.SaysOngoing() || recurrence is not null)
        {
            return new DueDateReading(text, null, DuePrecision.Ongoing, [], []);
        }

        if (scanner.SaysCompleted())
        {
            return NotADate(text, $"'{text}' is not a date; it may mean the action is already complete");
        }

        if (scanner.SaysNotApplicable())
        {
            return NotADate(text, $"'{text}' is not a date");
        }

        return NotADate(text, $"'{text}' was not understood as a date");
    }

    private static DueDateReading NotADate(string text, string warning) => new(text, null, DuePrecision.None, [warning], []);

    private static DueDateReading ReadWithDates(string text, Scanner scanner, List<DateMatch> dates, string? recurrence)
    {
        var warnings = dates.Where(d => d.Warning is not null).Select(d => d.Warning!).ToList();
        warnings.AddRange(scanner.StrayNumbers(dates));

        // The due date is the latest the cell allows; a recurring one is due at its first date.
        var chosen = recurrence is null
            ? dates.OrderByDescending(d => d.Date).ThenBy(d => d.Precision).First()
            : dates.OrderBy(d => d.Date).ThenBy(d => d.Precision).First();

        if (recurrence is not null)
        {
            warnings.Add($"recurs {recurrence} after the first date");
        }

        if (scanner.SaysToBeConfirmed())
        {
            warnings.Add($"'{text}' says the date is still to be confirmed");
        }

        if (scanner.SaysOngoing())
        {
            warnings.Add($"'{text}' also says the work is ongoing");
        }

        if (scanner.SaysAlreadyDone())
        {
            warnings.Add($"'{text}' may mean the action is already complete");
        }

        IReadOnlyList<DueDateReading> parts = dates.Count == 1
            ? []
            : dates.Select(d => new DueDateReading(d.Text, d.Date, d.Precision, d.Warning is null ? [] : [d.Warning], [])).ToList();
        return new DueDateReading(text, chosen.Date, chosen.Precision, warnings, parts);
    }

    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var spaceBefore = false;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                spaceBefore = true;
                i++;
                continue;
            }

            var start = i;
            TokenKind kind;
            string value;
            if (char.IsAsciiDigit(c))
            {
                while (i < text.Length && char.IsAsciiDigit(text[i]))
                {
                    i++;
                }

                kind = TokenKind.Number;
                value = text[start..i];
            }
            else if (char.IsLetter(c))
            {
                while (i < text.Length && char.IsLetter(text[i]))
                {
                    i++;
                }

                kind = TokenKind.Word;
                value = text[start..i].ToLowerInvariant();
            }
            else
            {
                // Word tables converted to HTML leave "&amp;" in cells: it is one ampersand.
                i += c == '&' && text.AsSpan(i + 1).StartsWith("amp;", StringComparison.Ordinal) ? 5 : 1;
                kind = TokenKind.Symbol;
                value = NormaliseSymbol(c);
            }

            tokens.Add(new Token(kind, value, start, i, spaceBefore));
            spaceBefore = false;
        }

        return tokens;
    }

    /// <summary>Typographic dashes and quotes from Word mean the plain ones.</summary>
    private static string NormaliseSymbol(char c) => c switch
    {
        '\u2013' or '\u2014' or '\u2212' => "-",
        '\u2018' or '\u2019' or '`' => "'",
        _ => c.ToString(),
    };

    private static string Format(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    private enum TokenKind
    {
        Number,
        Word,
        Symbol,
    }

    /// <summary>A run of digits, a run of letters (lower-cased) or one other character, with where it sits in the text.</summary>
    private readonly record struct Token(TokenKind Kind, string Value, int Start, int End, bool SpaceBefore)
    {
        public int Digits => Kind == TokenKind.Number ? Value.Length : 0;

        /// <summary>The number's value; long digit runs are never part of a date, so they read as -1.</summary>
        public int Number => Kind == TokenKind.Number && Value.Length <= 4
            ? int.Parse(Value, NumberStyles.None, CultureInfo.InvariantCulture)
            : -1;
    }

    /// <summary>A date found in the text: tokens [StartToken, EndToken), the text as written, and what it means.</summary>
    private sealed record DateMatch(int StartToken, int EndToken, string Text, DateOnly Date, DuePrecision Precision, string? Warning);

    /// <summary>Finds date forms in the token list, left to right; also answers questions about the words around them.</summary>
    private sealed class Scanner(string text, List<Token> tokens, DueDateReaderOptions options)
    {
        private const int EarliestYear = 1990;
        private const int LatestYear = 2099;

        /// <summary>The names of each month in turn, full and short ("febuary" is a real and common spelling).</summary>
        private static readonly Dictionary<string, int> Months = NumberEach(
        [
            "january jan", "february feb febuary", "march mar", "april apr", "may", "june jun",
            "july jul", "august aug", "september sept sep", "october oct", "november nov", "december dec",
        ]);

        /// <summary>The names of each weekday from Sunday, as <see cref="DayOfWeek"/> counts them.</summary>
        private static readonly Dictionary<string, int> Weekdays = NumberEach(
        [
            "sunday sun", "monday mon", "tuesday tue tues", "wednesday wed",
            "thursday thu thur thurs", "friday fri", "saturday sat",
        ], firstNumber: 0);

        private static readonly HashSet<string> OrdinalSuffixes = new(["st", "nd", "rd", "th"], StringComparer.Ordinal);

        /// <summary>Words before a month, quarter or year that say which part of it; the first four mean earlier than its end.</summary>
        private static readonly HashSet<string> EarlyQualifiers = new(["early", "mid", "middle", "beginning", "start"], StringComparer.Ordinal);
        private static readonly HashSet<string> LateQualifiers = new(["end", "late"], StringComparer.Ordinal);

        /// <summary>The last month each season or school term can reach (see <see cref="MatchSeason"/>).</summary>
        private static readonly Dictionary<string, int> SeasonEnds = new(StringComparer.Ordinal) { ["spring"] = 5, ["summer"] = 8, ["autumn"] = 12 };

        private static readonly Dictionary<string, int> OrdinalWords = NumberEach(["first", "second", "third", "fourth"]);

        private static readonly HashSet<string> QuarterJoiners = new(["&", "/", "-", "+", ",", "and", "to"], StringComparer.Ordinal);

        private static readonly HashSet<string> RecurrenceWords = new(
            ["weekly", "fortnightly", "monthly", "quarterly", "annually", "yearly", "termly", "biannually", "bimonthly"],
            StringComparer.Ordinal);

        private static readonly HashSet<string> RecurrenceUnits = new(
            ["week", "weeks", "fortnight", "month", "months", "quarter", "quarters", "year", "years", "term", "terms"],
            StringComparer.Ordinal);

        private static readonly HashSet<string> ConfirmationWords = new(
            ["confirmed", "agreed", "determined", "decided", "arranged", "set", "scheduled", "fixed"],
            StringComparer.Ordinal);

        private readonly HashSet<int> recurrenceTokens = [];

        public List<DateMatch> FindDates()
        {
            var found = new List<DateMatch>();
            var i = 0;
            while (i < tokens.Count)
            {
                var match = MatchAt(i);
                if (match is null)
                {
                    i++;
                    continue;
                }

                found.Add(match);
                i = match.EndToken;
            }

            return found;
        }

        /// <summary>
        /// "then quarterly", "6 monthly", "bi-annually", "every quarter": the recurrence as written, lower case, or null.
        /// Its tokens are remembered so a "6" in "6 monthly" is not reported as an ignored number.
        /// </summary>
        public string? FindRecurrence()
        {
            for (var i = 0; i < tokens.Count; i++)
            {
                if (IsWord(i, RecurrenceWords))
                {
                    var start = i;
                    // "six-monthly", "6 monthly", "bi-annually", "half yearly": the multiplier belongs to the name.
                    var before = IsSymbol(i - 1, "-") ? i - 2 : i - 1;
                    if (IsWord(before, "six", "bi", "half", "twice") || (Is(before, TokenKind.Number) && tokens[before].Digits <= 2))
                    {
                        start = before;
                    }

                    return Recurrence(start, i + 1);
                }

                if (IsWord(i, "every"))
                {
                    var unit = Is(i + 1, TokenKind.Number) ? i + 2 : i + 1;
                    if (IsWord(unit, RecurrenceUnits))
                    {
                        return Recurrence(i, unit + 1);
                    }
                }
            }

            return null;
        }

        /// <summary>
        /// Numbers stuck to a date with nothing but symbols between ("30 th Sep 16 20", "12/13/2016"): the author meant
        /// something by them, and we ignored it.
        /// </summary>
        public IEnumerable<string> StrayNumbers(List<DateMatch> dates)
        {
            var taken = new HashSet<int>(recurrenceTokens);
            foreach (var date in dates)
            {
                taken.UnionWith(Enumerable.Range(date.StartToken, date.EndToken - date.StartToken));
            }

            foreach (var date in dates)
            {
                if (NumbersNextTo(date.StartToken - 1, -1, taken) is { } before)
                {
                    yield return $"'{before}' before '{date.Text}' was ignored";
                }

                if (NumbersNextTo(date.EndToken, 1, taken) is { } after)
                {
                    yield return $"'{after}' after '{date.Text}' was ignored";
                }
            }
        }

        /// <summary>The run of numbers and symbols from <paramref name="from"/> outwards, up to a word or another date, if it holds a number.</summary>
        private string? NumbersNextTo(int from, int step, HashSet<int> taken)
        {
            var nearest = -1;
            var farthest = -1;
            for (var i = from; i >= 0 && i < tokens.Count && !IsWord(i) && !taken.Contains(i); i += step)
            {
                if (Is(i, TokenKind.Number))
                {
                    nearest = nearest < 0 ? i : nearest;
                    farthest = i;
                }
            }

            if (nearest < 0)
            {
                return null;
            }

            return step > 0 ? Span(nearest, farthest + 1) : Span(farthest, nearest + 1);
        }

        /// <summary>"TBC", "tbc with IT provider", "To be confirmed", "t.b.c.", "??".</summary>
        public bool SaysToBeConfirmed()
        {
            for (var i = 0; i < tokens.Count; i++)
            {
                if (IsWord(i, "tbc", "tba", "tbd", "tbcd", "unknown")
                    || IsSymbol(i, "?")
                    || (IsWord(i, "to") && IsWord(i + 1, "be") && IsWord(i + 2, ConfirmationWords))
                    || (IsWord(i, "t") && IsSymbol(i + 1, ".") && IsWord(i + 2, "b") && IsSymbol(i + 3, ".") && IsWord(i + 4, "c", "a", "d")))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>"Ongoing", "On-going", "on going", "Continuous", "In place", "Business as usual".</summary>
        public bool SaysOngoing()
        {
            for (var i = 0; i < tokens.Count; i++)
            {
                if (IsWord(i, "ongoing", "continuous", "continuing", "continual", "rolling", "bau")
                    || (IsWord(i, "on") && (IsWord(i + 1, "going") || (IsSymbol(i + 1, "-") && IsWord(i + 2, "going"))))
                    || (IsWord(i, "in") && IsWord(i + 1, "place"))
                    || (IsWord(i, "business") && IsWord(i + 1, "as") && IsWord(i + 2, "usual")))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Words that, with no date, say there is nothing left to do ("Complete" here is not an instruction).</summary>
        public bool SaysCompleted() => AnyWord("complete", "completed", "done", "achieved", "closed");

        /// <summary>Past-tense words that, even beside a date, suggest the date is when it was finished.</summary>
        public bool SaysAlreadyDone() => AnyWord("completed", "done", "achieved", "closed");

        /// <summary>"N/A", "NA", "NFA", "not applicable", "no further action".</summary>
        public bool SaysNotApplicable()
        {
            for (var i = 0; i < tokens.Count; i++)
            {
                if (IsWord(i, "na", "nfa")
                    || (IsWord(i, "n") && IsSymbol(i + 1, "/") && IsWord(i + 2, "a"))
                    || (IsWord(i, "not") && IsWord(i + 1, "applicable"))
                    || (IsWord(i, "no") && IsWord(i + 1, "further") && IsWord(i + 2, "action")))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The date forms, most specific first, so "28/02/2016" is never read as the financial year "28/02".</summary>
        private DateMatch? MatchAt(int i) =>
            MatchWeekCommencing(i)
            ?? MatchDay(i)
            ?? MatchSeason(i)
            ?? MatchQualified(i)
            ?? MatchPeriod(i);

        private DateMatch? MatchDay(int i) =>
            MatchIsoDay(i)
            ?? MatchNumericDay(i)
            ?? MatchDayMonthYear(i)
            ?? MatchMonthDayYear(i);

        /// <summary>"w/c 6th June 2016", "week commencing 6 June 2016": the last day the text allows is the week's last.</summary>
        private DateMatch? MatchWeekCommencing(int i)
        {
            int j;
            if (IsWord(i, "w") && IsSymbol(i + 1, "/") && IsWord(i + 2, "c", "b"))
            {
                j = i + 3;
            }
            else if (IsWord(i, "wc", "wb"))
            {
                j = i + 1;
            }
            else if (IsWord(i, "week") && IsWord(i + 1, "commencing", "beginning", "starting"))
            {
                j = i + 2;
            }
            else
            {
                return null;
            }

            var day = MatchDay(j);
            if (day is null || day.Precision != DuePrecision.Day || day.Warning is not null)
            {
                return null;
            }

            var text = Span(i, day.EndToken);
            var end = day.Date.AddDays(6);
            return new DateMatch(i, day.EndToken, text, end, DuePrecision.Day, $"'{text}' is read as the end of that week, {Format(end)}");
        }

        /// <summary>
        /// "Summer 2016", "Autumn term 2016": month precision at the latest end the words allow, season or school term
        /// (spring season ends in May, summer in August, the autumn term in December), with a warning. Winter straddles
        /// two years, so it is left unread.
        /// </summary>
        private DateMatch? MatchSeason(int i)
        {
            if (!Is(i, TokenKind.Word) || !SeasonEnds.TryGetValue(tokens[i].Value, out var month))
            {
                return null;
            }

            var j = IsWord(i + 1, "term") ? i + 2 : i + 1;
            j = IsWord(j, "of") ? j + 1 : j;
            if (!TryYearNumber(j, out var year))
            {
                return null;
            }

            var text = Span(i, j + 1);
            var end = LastDayOfMonth(year, month);
            return new DateMatch(i, j + 1, text, end, DuePrecision.Month, $"'{text}' is read as due by {Format(end)}");
        }

        /// <summary>"2016-06-30".</summary>
        private DateMatch? MatchIsoDay(int i)
        {
            if (!TryYearNumber(i, out var year) || !IsSymbol(i + 1, "-") || !TryNumber(i + 2, 2, out var month)
                || !IsSymbol(i + 3, "-") || !TryNumber(i + 4, 2, out var day) || month is < 1 or > 12)
            {
                return null;
            }

            return DayMatch(i, i + 5, year, month, day, weekday: null);
        }

        /// <summary>"28/02/2016", "28.02.16", "1-4-2016": always day/month/year, as UK councils write them.</summary>
        private DateMatch? MatchNumericDay(int i)
        {
            if (!TryNumber(i, 2, out var day) || !Is(i + 1, TokenKind.Symbol))
            {
                return null;
            }

            var separator = tokens[i + 1].Value;
            if (separator is not ("/" or "." or "-") || !TryNumber(i + 2, 2, out var month) || month is < 1 or > 12
                || !IsSymbol(i + 3, separator) || !TryYear(i + 4, out var year, out var next))
            {
                return null;
            }

            return DayMatch(i, next, year, month, day, weekday: null);
        }

        /// <summary>"31 st March 2016", "Wed 30th March 2016", "30-Jun-2016", "1st of April 2016", "30th Sep 16".</summary>
        private DateMatch? MatchDayMonthYear(int i)
        {
            var j = i;
            DayOfWeek? weekday = null;
            if (Is(j, TokenKind.Word) && Weekdays.TryGetValue(tokens[j].Value, out var named))
            {
                weekday = (DayOfWeek)named;
                j = IsSymbol(j + 1, ",") ? j + 2 : j + 1;
            }

            if (!TryDay(j, out var day, out j, out _))
            {
                return null;
            }

            j = IsWord(j, "of") || IsSymbol(j, "-", "/", ".") ? j + 1 : j;
            if (!TryMonth(j, out var month, out j))
            {
                return null;
            }

            j = IsSymbol(j, "-", "/", ".", ",") ? j + 1 : j;
            return TryYear(j, out var year, out var next) ? DayMatch(i, next, year, month, day, weekday) : null;
        }

        /// <summary>
        /// "April 1st 2016", "June 30, 2016". The day needs an ordinal, a comma or a four-digit year after it, so that
        /// "Feb 17" stays a month and year.
        /// </summary>
        private DateMatch? MatchMonthDayYear(int i)
        {
            if (!TryMonth(i, out var month, out var j) || !TryDay(j, out var day, out j, out var hasSuffix))
            {
                return null;
            }

            var hasComma = IsSymbol(j, ",");
            j = hasComma ? j + 1 : j;
            if (!TryYear(j, out var year, out var next) || !(hasSuffix || hasComma || tokens[j].Digits == 4))
            {
                return null;
            }

            return DayMatch(i, next, year, month, day, weekday: null);
        }

        /// <summary>
        /// "End January 2014", "end of March 2016", "Early June 2019", "mid-June 2019". The qualifier becomes part of the
        /// date's text; one that means earlier than the end adds a warning, since we still store the last day.
        /// </summary>
        private DateMatch? MatchQualified(int i)
        {
            var early = IsWord(i, EarlyQualifiers);
            if (!early && !IsWord(i, LateQualifiers))
            {
                return null;
            }

            var j = IsWord(i + 1, "of") || IsSymbol(i + 1, "-") ? i + 2 : i + 1;
            j = IsWord(j, "the") ? j + 1 : j;
            var period = MatchPeriod(j);
            if (period is null)
            {
                return null;
            }

            var text = Span(i, period.EndToken);
            var warning = early ? $"'{text}' is read as due by {Format(period.Date)}" : period.Warning;
            return period with { StartToken = i, Text = text, Warning = warning };
        }

        /// <summary>Forms that name a whole month, quarter or year; the date is its last day.</summary>
        private DateMatch? MatchPeriod(int i) =>
            MatchQuarterThenYear(i)
            ?? MatchYearThenQuarter(i)
            ?? MatchMonthYear(i)
            ?? MatchNumericMonthYear(i)
            ?? MatchFinancialYear(i)
            ?? MatchIsoMonth(i)
            ?? MatchYear(i);

        /// <summary>"Q3 2019/20", "Q3 &amp; 4 2019/20", "Q3/4 2019/20", "Q1&amp;2 of 2018/19", "Q2 18/19", "Q3 2018".</summary>
        private DateMatch? MatchQuarterThenYear(int i)
        {
            if (!TryQuarters(i, out var quarter, out var j))
            {
                return null;
            }

            j = IsWord(j, "of") || IsSymbol(j, "-", ",") ? j + 1 : j;
            if (TryFinancialYear(j, out var startYear, out var next))
            {
                return Match(i, next, Period.FinancialQuarterEnd(startYear, quarter), DuePrecision.Quarter);
            }

            return TryYearNumber(j, out var year) ? BareQuarter(i, j + 1, year, quarter) : null;
        }

        /// <summary>"2019/20 Q3", "2018/19 Q3 &amp; Q4", and a bare "2019 Q3" or "2019-Q3".</summary>
        private DateMatch? MatchYearThenQuarter(int i)
        {
            if (TryFinancialYear(i, out var startYear, out var j))
            {
                return TryQuarters(j, out var quarter, out var next)
                    ? Match(i, next, Period.FinancialQuarterEnd(startYear, quarter), DuePrecision.Quarter)
                    : null;
            }

            if (!TryYearNumber(i, out var year))
            {
                return null;
            }

            j = IsSymbol(i + 1, "-") ? i + 2 : i + 1;
            return TryQuarters(j, out var bareQuarter, out var end) ? BareQuarter(i, end, year, bareQuarter) : null;
        }

        /// <summary>A quarter with a plain year is calendar unless the plan says its quarters are financial.</summary>
        private DateMatch BareQuarter(int start, int end, int year, int quarter) =>
            Match(
                start,
                end,
                options.BareQuartersAreFinancial ? Period.FinancialQuarterEnd(year, quarter) : Period.CalendarQuarterEnd(year, quarter),
                DuePrecision.Quarter);

        /// <summary>"February 2017", "Feb-17", "Feb 17", "Feb'19", "Jun '19", "January'19", "Sept. 2016".</summary>
        private DateMatch? MatchMonthYear(int i)
        {
            if (!TryMonth(i, out var month, out var j))
            {
                return null;
            }

            j = IsSymbol(j, "-", "/", ",", ".") ? j + 1 : j;
            return TryYear(j, out var year, out var next) ? MonthMatch(i, next, year, month) : null;
        }

        /// <summary>"06/2016".</summary>
        private DateMatch? MatchNumericMonthYear(int i) =>
            TryNumber(i, 2, out var month) && month is >= 1 and <= 12 && IsSymbol(i + 1, "/") && TryYearNumber(i + 2, out var year)
                ? MonthMatch(i, i + 3, year, month)
                : null;

        /// <summary>"2016/17", "16/17", "2016-17": a financial year ends on 31 March.</summary>
        private DateMatch? MatchFinancialYear(int i) =>
            TryFinancialYear(i, out var startYear, out var next)
                ? Match(i, next, Period.FinancialYearEnd(startYear), DuePrecision.Year)
                : null;

        /// <summary>"2016-06", the interchange's month.</summary>
        private DateMatch? MatchIsoMonth(int i) =>
            TryYearNumber(i, out var year) && IsSymbol(i + 1, "-") && TryNumber(i + 2, 2, out var month)
            && tokens[i + 2].Digits == 2 && month is >= 1 and <= 12
                ? MonthMatch(i, i + 3, year, month)
                : null;

        /// <summary>"2017": a calendar year ends on 31 December.</summary>
        private DateMatch? MatchYear(int i) =>
            TryYearNumber(i, out var year) ? Match(i, i + 1, new DateOnly(year, 12, 31), DuePrecision.Year) : null;

        private DateMatch MonthMatch(int start, int end, int year, int month) =>
            Match(start, end, LastDayOfMonth(year, month), DuePrecision.Month);

        /// <summary>
        /// A day date, checked: "31st April 2016" is not a date, so it is read as the last day of the month the author named,
        /// with a warning; day 0 or above 31 keeps only the month.
        /// </summary>
        private DateMatch DayMatch(int start, int end, int year, int month, int day, DayOfWeek? weekday)
        {
            var text = Span(start, end);
            var lastDay = LastDayOfMonth(year, month);
            if (day is < 1 or > 31)
            {
                return new DateMatch(start, end, text, lastDay, DuePrecision.Month, $"'{text}' is not a date; read as {lastDay.ToString("MMMM yyyy", CultureInfo.InvariantCulture)}");
            }

            if (day > lastDay.Day)
            {
                return new DateMatch(start, end, text, lastDay, DuePrecision.Day, $"'{text}' is not a date; read as {Format(lastDay)}");
            }

            var date = new DateOnly(year, month, day);
            var warning = weekday is { } named && named != date.DayOfWeek
                ? $"'{text}': {Format(date)} is a {date.DayOfWeek}, not a {named}"
                : null;
            return new DateMatch(start, end, text, date, DuePrecision.Day, warning);
        }

        /// <summary>Numbers each space-separated group of names in turn: every name in the first group gets <paramref name="firstNumber"/>.</summary>
        private static Dictionary<string, int> NumberEach(string[] groups, int firstNumber = 1)
        {
            var numbered = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var n = 0; n < groups.Length; n++)
            {
                foreach (var name in groups[n].Split(' '))
                {
                    numbered.Add(name, n + firstNumber);
                }
            }

            return numbered;
        }

        private DateMatch Match(int start, int end, DateOnly date, DuePrecision precision) =>
            new(start, end, Span(start, end), date, precision, null);

        private static DateOnly LastDayOfMonth(int year, int month) => new(year, month, DateTime.DaysInMonth(year, month));

        /// <summary>A day number, 0-99 so impossible days can be reported, with an optional "st"/"nd"/"rd"/"th" ("31 st" too).</summary>
        private bool TryDay(int i, out int day, out int next, out bool hasSuffix)
        {
            hasSuffix = false;
            next = i;
            if (!TryNumber(i, 2, out day))
            {
                return false;
            }

            hasSuffix = IsWord(i + 1, OrdinalSuffixes);
            next = hasSuffix ? i + 2 : i + 1;
            return true;
        }

        /// <summary>A month name, full or short, with an optional full stop ("Sept.").</summary>
        private bool TryMonth(int i, out int month, out int next)
        {
            month = 0;
            next = i;
            if (!Is(i, TokenKind.Word) || !Months.TryGetValue(tokens[i].Value, out month))
            {
                return false;
            }

            next = IsSymbol(i + 1, ".") && !tokens[i + 1].SpaceBefore ? i + 2 : i + 1;
            return true;
        }

        /// <summary>A four-digit year, or a two-digit one (20YY), optionally after an apostrophe ("Jun '19").</summary>
        private bool TryYear(int i, out int year, out int next)
        {
            year = 0;
            next = i;
            var j = IsSymbol(i, "'") ? i + 1 : i;
            if (TryYearNumber(j, out year))
            {
                next = j + 1;
                return true;
            }

            // "June 21st" names a day, not the year 2021.
            if (Is(j, TokenKind.Number) && tokens[j].Digits == 2 && !IsWord(j + 1, OrdinalSuffixes))
            {
                year = 2000 + tokens[j].Number;
                next = j + 1;
                return true;
            }

            return false;
        }

        /// <summary>A four-digit number in the range plans use.</summary>
        private bool TryYearNumber(int i, out int year)
        {
            year = Is(i, TokenKind.Number) && tokens[i].Digits == 4 ? tokens[i].Number : 0;
            return year is >= EarliestYear and <= LatestYear;
        }

        /// <summary>"2019/20", "2019/2020", "2019-20", "19/20": the second year must follow the first.</summary>
        private bool TryFinancialYear(int i, out int startYear, out int next)
        {
            startYear = 0;
            next = i;
            if (!Is(i, TokenKind.Number) || !Is(i + 2, TokenKind.Number))
            {
                return false;
            }

            var first = tokens[i];
            var second = tokens[i + 2];
            var joined = IsSymbol(i + 1, "/") || (first.Digits == 4 && IsSymbol(i + 1, "-"));
            var follows = (first.Digits, second.Digits) switch
            {
                (4, 2) => second.Number == (first.Number + 1) % 100,
                (4, 4) => second.Number == first.Number + 1,
                (2, 2) => second.Number == (first.Number + 1) % 100 && !IsDateContinuation(i + 3),
                _ => false,
            };
            if (!joined || !follows)
            {
                return false;
            }

            startYear = first.Digits == 4 ? first.Number : 2000 + first.Number;
            next = i + 3;
            return startYear is >= EarliestYear and <= LatestYear;
        }

        /// <summary>"19/20/..." is the start of a numeric date, not the financial year 2019/20.</summary>
        private bool IsDateContinuation(int i) => IsSymbol(i, "/", ".", "-") && Is(i + 1, TokenKind.Number);

        /// <summary>"Q3", "Q3 &amp; 4", "Q3 &amp; Q4", "Q3/4", "Quarter 3": the latest quarter named.</summary>
        private bool TryQuarters(int i, out int latest, out int next)
        {
            latest = 0;
            next = i;
            if (!TryQuarter(i, requireMarker: true, out var quarter, out var j))
            {
                return false;
            }

            latest = quarter;
            while (IsJoiner(j) && TryQuarter(j + 1, requireMarker: false, out quarter, out var after))
            {
                latest = Math.Max(latest, quarter);
                j = after;
            }

            next = j;
            return true;
        }

        private bool IsJoiner(int i) =>
            (Is(i, TokenKind.Symbol) || Is(i, TokenKind.Word)) && QuarterJoiners.Contains(tokens[i].Value);

        /// <summary>"Q3", "Quarter 3", "3rd quarter", "third quarter", or (after a joiner) a bare "4".</summary>
        private bool TryQuarter(int i, bool requireMarker, out int quarter, out int next)
        {
            if (TryOrdinalQuarter(i, out quarter, out next))
            {
                return true;
            }

            var j = IsWord(i, "q", "quarter") ? i + 1 : i;
            if ((requireMarker && j == i) || !Is(j, TokenKind.Number) || tokens[j].Digits != 1 || tokens[j].Number is < 1 or > 4)
            {
                return false;
            }

            quarter = tokens[j].Number;
            next = j + 1;
            return true;
        }

        private bool TryOrdinalQuarter(int i, out int quarter, out int next)
        {
            quarter = 0;
            next = i;
            var j = i;
            if (Is(i, TokenKind.Word) && OrdinalWords.TryGetValue(tokens[i].Value, out var named))
            {
                quarter = named;
                j = i + 1;
            }
            else if (TryNumber(i, 1, out var number) && IsWord(i + 1, OrdinalSuffixes))
            {
                quarter = number;
                j = i + 2;
            }

            if (quarter is < 1 or > 4 || !IsWord(j, "quarter", "qtr"))
            {
                return false;
            }

            next = j + 1;
            return true;
        }

        private bool TryNumber(int i, int maxDigits, out int value)
        {
            value = Is(i, TokenKind.Number) && tokens[i].Digits <= maxDigits ? tokens[i].Number : -1;
            return value >= 0;
        }

        private string Recurrence(int start, int end)
        {
            for (var i = start; i < end; i++)
            {
                recurrenceTokens.Add(i);
            }

            return Span(start, end).ToLowerInvariant();
        }

        private bool AnyWord(params string[] words)
        {
            for (var i = 0; i < tokens.Count; i++)
            {
                if (IsWord(i, words))
                {
                    return true;
                }
            }

            return false;
        }

        private string Span(int start, int end) => text[tokens[start].Start..tokens[end - 1].End];

        private bool Is(int i, TokenKind kind) => i >= 0 && i < tokens.Count && tokens[i].Kind == kind;

        private bool IsWord(int i) => Is(i, TokenKind.Word);

        private bool IsWord(int i, params string[] words) => Is(i, TokenKind.Word) && words.Contains(tokens[i].Value, StringComparer.Ordinal);

        private bool IsWord(int i, HashSet<string> words) => Is(i, TokenKind.Word) && words.Contains(tokens[i].Value);

        private bool IsSymbol(int i, params string[] symbols) => Is(i, TokenKind.Symbol) && symbols.Contains(tokens[i].Value, StringComparer.Ordinal);
    }
}
