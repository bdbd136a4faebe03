using System.Buffers;
using Trellis.Indicators.Calendar;
using static Trellis.Indicators.AnnexA.AnnexAFields;

namespace Trellis.Indicators.AnnexA;

/// <summary>
/// Computes the 25 Annex A indicators (DEFINITIONS v1.1) at a reference date, or as a monthly
/// series. Pure and thread-safe; per-data structures are built once and shared between runs.
/// </summary>
public static class AnnexAEngine
{
    private const long Excluded = -1;

    public static AnnexAResults Compute(AnnexAData data, AnnexAOptions options)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        Validate(options);
        var prepared = AnnexAPrepared.For(data);
        var r = options.ReferenceDate ?? prepared.Coverage?.C1
            ?? throw new ArgumentException("The Annex A data has no readable contact, referral or section 47 date, so a reference date must be given.", nameof(options));
        return Run(prepared, r, options);
    }

    /// <summary>One run per calendar month-end M with C0 &lt;= M &lt;= C1 (none without coverage).</summary>
    public static IReadOnlyList<AnnexAResults> ComputeSeries(AnnexAData data, AnnexAOptions options)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        Validate(options);
        var prepared = AnnexAPrepared.For(data);
        if (prepared.Coverage is not { } coverage)
        {
            return [];
        }

        var months = new List<DateOnly>();
        var m = MonthEnd(coverage.C0);
        while (m <= coverage.C1)
        {
            months.Add(m);
            m = MonthEnd(m.AddDays(1));
        }

        var results = new AnnexAResults[months.Count];
        Parallel.For(0, months.Count, i => results[i] = Run(prepared, months[i], options));
        return results;
    }

    /// <summary>EDATE over day numbers: k calendar months on, the day clamped to the month's length.</summary>
    internal static int EDate(int dayNumber, int months) => DateOnly.FromDayNumber(dayNumber).AddMonths(months).DayNumber;

    /// <summary>S of §2: EDATE(R, -w), or the last day of the month w months back when R is a month-end.</summary>
    public static DateOnly WindowStart(DateOnly r, int windowMonths)
    {
        var s = r.AddMonths(-windowMonths);
        return r == MonthEnd(r) ? MonthEnd(s) : s;
    }

    private static DateOnly MonthEnd(DateOnly d) => new(d.Year, d.Month, DateTime.DaysInMonth(d.Year, d.Month));

    private static void Validate(AnnexAOptions options)
    {
        if (options.WindowMonths is not (6 or 12))
        {
            throw new ArgumentException($"The window must be 6 or 12 months, not {options.WindowMonths}.", nameof(options));
        }

        if (options.Population is <= 0)
        {
            throw new ArgumentException($"The population must be a whole number above 0, not {options.Population}.", nameof(options));
        }

        if (options.BandPopulations is { } bands)
        {
            foreach (var (band, population) in bands)
            {
                if (!AnnexAAgeBands.All.Contains(band))
                {
                    throw new ArgumentException($"Unknown age band '{band}'; bands are {string.Join(", ", AnnexAAgeBands.All)}.", nameof(options));
                }

                if (population <= 0)
                {
                    throw new ArgumentException($"The population of age band '{band}' must be above 0, not {population}.", nameof(options));
                }
            }
        }
    }

    private static AnnexAResults Run(AnnexAPrepared prepared, DateOnly r, AnnexAOptions options)
    {
        var s = WindowStart(r, options.WindowMonths);
        var run = new RunContext(prepared, r.DayNumber, s.DayNumber, options);
        var indicators = new IndicatorResult[AnnexAIndicators.Definitions.Count];
        for (var i = 0; i < indicators.Length; i++)
        {
            indicators[i] = Indicator(run, AnnexAIndicators.Definitions[i]);
        }

        return new AnnexAResults(r, options.WindowMonths, s, prepared.Coverage, indicators);
    }

    private static IndicatorResult Indicator(RunContext run, IndicatorDefinition def)
    {
        var result = new IndicatorResult
        {
            Id = def.Id,
            Key = def.Key,
            Name = def.Name,
            Unit = def.Unit,
            Polarity = def.Polarity,
            Fidelity = def.Fidelity,
        };

        var missing = Missing(run.Data, def.List, def.Slots)
            ?? (def.Id == 2 ? Missing(run.Data, AnnexAList.Referrals, [Id, ReferralDate]) : null);
        if (missing is not null)
        {
            return result with { Status = ResultStatus.Null, Reason = missing };
        }

        var table = run.Data.Table(def.List)!;
        var tally = new Tally(run, def, table);
        Count(run, def.Id, table, tally);
        var counted = tally.Result(result, Status(run, def));
        return run.Options.HeldFrom is { } heldFrom && counted.Status != ResultStatus.Null ? WithHistory(run, def, counted, heldFrom) : counted;
    }

    /// <summary>
    /// Status and reason given the history a store holds: the window (and for re-referrals the year before it) must lie
    /// within [held from, C1]; snapshots need R within it.
    /// </summary>
    private static IndicatorResult WithHistory(RunContext run, IndicatorDefinition def, IndicatorResult result, DateOnly heldFrom)
    {
        var r = DateOnly.FromDayNumber(run.R);
        var heldTo = run.Options.HeldTo ?? run.Prepared.Coverage?.C1;
        var from = def.Timing == IndicatorTiming.Period ? DateOnly.FromDayNumber(run.S + 1) : r;
        if (def.Id == 4)
        {
            from = from.AddMonths(-12);
        }

        string? reason = null;
        if (heldTo is null || r > heldTo.Value)
        {
            reason = $"approximate: the reference date is after the latest data held ({Words(heldTo)})";
        }
        else if (from < heldFrom)
        {
            reason = $"approximate: only {MonthsBetween(heldFrom, r)} months held (from {Words(heldFrom)}), needs {MonthsBetween(from, r)}";
        }
        else if (def.Timing is not (IndicatorTiming.Period or IndicatorTiming.Snapshot) && r < heldTo.Value)
        {
            reason = "approximate: the latest extract held ends after the reference date, so positions at the date may have changed";
        }

        if (reason is null)
        {
            return result with { Status = ResultStatus.Ok, Reason = $"exact: history held from {Words(heldFrom)}" };
        }

        return result with
        {
            Status = ResultStatus.Approximate,
            Reason = reason,
            Breakdowns = [.. result.Breakdowns.Select(b => b.Status == ResultStatus.Ok ? b with { Status = ResultStatus.Approximate } : b)],
        };
    }

    /// <summary>Whole months from a day to the day after R ("12" for 1 Jun 2023 to 31 May 2024).</summary>
    private static int MonthsBetween(DateOnly from, DateOnly r)
    {
        var end = r.AddDays(1);
        var months = ((end.Year - from.Year) * 12) + end.Month - from.Month;
        return from.AddMonths(months) > end ? months - 1 : months;
    }

    private static string Words(DateOnly? date) => date?.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture) ?? "none";

    private static string? Missing(AnnexAData data, AnnexAList list, int[] slots)
    {
        if (data.Table(list) is not { } table)
        {
            return $"missing: {list.Title()}";
        }

        foreach (var slot in slots)
        {
            if (!table.Present[slot])
            {
                return $"missing: {table.Specs[slot].Column}";
            }
        }

        return null;
    }

    private static ResultStatus Status(RunContext run, IndicatorDefinition def)
    {
        if (run.Prepared.Coverage is not { } coverage)
        {
            return ResultStatus.Approximate;
        }

        var c0 = coverage.C0.DayNumber;
        var c1 = coverage.C1.DayNumber;
        var approximate = def.Timing switch
        {
            IndicatorTiming.Period => run.S + 1 < (def.List == AnnexAList.Adoption ? Math.Min(c0, EDate(c1, -12) + 1) : c0) || run.R > c1,
            IndicatorTiming.Snapshot => run.R < c0 || run.R > c1,
            _ => run.R < c0 || run.R > c1 || run.R < c1,
        };
        return approximate ? ResultStatus.Approximate : ResultStatus.Ok;
    }

    private static void Count(RunContext run, int id, ListTable t, Tally tally)
    {
        int r = run.R, s = run.S;
        switch (id)
        {
            case 1:
                Window(run, t, ContactDate, tally, _ => 1);
                break;
            case 2:
                ContactsWithReferral(run, t, tally);
                break;
            case 3:
                Window(run, t, ReferralDate, tally, _ => 1);
                break;
            case 4:
                var reReferral = run.Prepared.ReReferral;
                Window(run, t, ReferralDate, tally, row => reReferral[row] ? 1 : 0);
                break;
            case 5:
                var nfa = t.Code(ReferralNfa);
                Window(run, t, ReferralDate, tally, row => YesNo(nfa[row]));
                break;
            case 6:
                var start6 = t.Col(AssessmentStart);
                var auth6 = t.Col(AssessmentAuthorised);
                Window(run, t, AssessmentAuthorised, tally, row =>
                    start6[row] < 0 || auth6[row] < start6[row] ? Excluded : WorkingDays.Between(start6[row], auth6[row]) <= 45 ? 1 : 0);
                break;
            case 7:
                var seen7 = t.Code(AssessmentSeen);
                Window(run, t, AssessmentAuthorised, tally, row => (AnnexACode)seen7[row] switch
                {
                    AnnexACode.Yes => 1,
                    AnnexACode.No or AnnexACode.Unknown => 0,
                    _ => Excluded,
                });
                break;
            case 8:
                Window(run, t, S47Date, tally, _ => 1);
                break;
            case 9:
                var unnecessary = t.Code(IcpcUnnecessary);
                var icpc9 = t.Col(IcpcDate);
                Window(run, t, S47Date, tally, row =>
                {
                    var decision = (AnnexACode)unnecessary[row];
                    var held = icpc9[row] >= 0;
                    if (decision == AnnexACode.Unreadable || icpc9[row] <= AnnexAValues.Unreadable
                        || !(held || decision is AnnexACode.Yes or AnnexACode.No))
                    {
                        return Excluded;
                    }

                    return held || decision == AnnexACode.No ? 1 : 0;
                });
                break;
            case 10:
                var s47 = t.Col(S47Date);
                var icpc10 = t.Col(IcpcDate);
                Window(run, t, IcpcDate, tally, row =>
                    s47[row] < 0 || icpc10[row] < s47[row] ? Excluded : WorkingDays.Between(s47[row], icpc10[row]) <= 15 ? 1 : 0);
                break;
            case 11:
                var result11 = t.Code(IcpcResult);
                Window(run, t, IcpcDate, tally, row => YesNo(result11[row]));
                break;
            case 12:
                var start12 = t.Col(CppStart);
                var end12 = t.Col(CppEnd);
                PerChild(run, t, tally, row => Open(start12[row], end12[row], r) ? 1 : Excluded);
                break;
            case 13:
                var previous = t.Col(CppPrevious);
                Window(run, t, CppStart, tally, row => previous[row] < 0 ? Excluded : previous[row] > 0 ? 1 : 0);
                break;
            case 14:
                var start14 = t.Col(CppStart);
                var end14 = t.Col(CppEnd);
                Window(run, t, CppEnd, tally, row =>
                    start14[row] < 0 || end14[row] < start14[row] ? Excluded : end14[row] >= EDate(start14[row], 24) ? 1 : 0);
                break;
            case 15:
                var start15 = t.Col(CppStart);
                var end15 = t.Col(CppEnd);
                var visit = t.Col(CppLastVisit);
                PerChild(run, t, tally, row =>
                    !Open(start15[row], end15[row], r) ? Excluded : SeenWithin(visit[row], r, 10));
                break;
            case 16:
                var start16 = t.Col(CppStart);
                var end16 = t.Col(CppEnd);
                var review = t.Col(CppLastReview);
                int threeMonths = EDate(r, -3), sixMonths = EDate(r, -6);
                PerChild(run, t, tally, row =>
                {
                    var rv = review[row];
                    if (!Open(start16[row], end16[row], r) || rv <= AnnexAValues.Unreadable || rv > r)
                    {
                        return Excluded;
                    }

                    return rv == AnnexAValues.Blank ? (start16[row] >= threeMonths ? 1 : 0) : (rv >= sixMonths ? 1 : 0);
                });
                break;
            case 17:
                var start17 = t.Col(CinStart);
                var end17 = t.Col(CinClosure);
                var seen17 = t.Col(CinLastSeen);
                var status = t.Code(CinCaseStatus);
                PerChild(run, t, tally, row =>
                    !Open(start17[row], end17[row], r) || (AnnexACode)status[row] != AnnexACode.StatusC ? Excluded : SeenWithin(seen17[row], r, 20));
                break;
            case 18:
                var start18 = t.Col(ClaStart);
                var end18 = t.Col(ClaCeased);
                PerChild(run, t, tally, row => Open(start18[row], end18[row], r) ? 1 : Excluded);
                break;
            case 19:
                var start19 = t.Col(ClaStart);
                var end19 = t.Col(ClaCeased);
                var placements = t.Col(ClaPlacements);
                PerChild(run, t, tally, row =>
                    !Open(start19[row], end19[row], r) || placements[row] < 0 ? Excluded : placements[row] >= 3 ? 1 : 0);
                break;
            case 20:
                var start20 = t.Col(ClaStart);
                var end20 = t.Col(ClaCeased);
                var placed20 = t.Col(ClaPlacementStart);
                var births20 = run.Prepared.BirthMonths(AnnexAList.LookedAfter);
                int thirtyMonths = EDate(r, -30), twoYears = EDate(r, -24);
                PerChild(run, t, tally, row =>
                {
                    var age = run.Age(births20[row]);
                    if (!Open(start20[row], end20[row], r) || births20[row] < 0 || age is < 0 or >= 16
                        || start20[row] > thirtyMonths || placed20[row] < 0 || placed20[row] > r)
                    {
                        return Excluded;
                    }

                    return placed20[row] <= twoYears ? 1 : 0;
                });
                break;
            case 21:
                var start21 = t.Col(ClaStart);
                var end21 = t.Col(ClaCeased);
                var health = t.Col(ClaHealth);
                var births21 = run.Prepared.BirthMonths(AnnexAList.LookedAfter);
                int yearAgo = EDate(r, -12), halfYearAgo = EDate(r, -6);
                PerChild(run, t, tally, row =>
                {
                    var h = health[row];
                    if (!Open(start21[row], end21[row], r) || start21[row] > yearAgo || births21[row] < 0
                        || h <= AnnexAValues.Unreadable || h > r)
                    {
                        return Excluded;
                    }

                    return h >= 0 && h >= (run.Age(births21[row]) < 5 ? halfYearAgo : yearAgo) ? 1 : 0;
                });
                break;
            case 22:
            case 23:
                var births = run.Prepared.BirthMonths(AnnexAList.CareLeavers);
                var codes = t.Code(id == 22 ? LeaverActivity : LeaverSuitability);
                var met = id == 22 ? AnnexACode.Eet : AnnexACode.Suitable;
                PerChild(run, t, tally, row =>
                {
                    var code = (AnnexACode)codes[row];
                    if (births[row] < 0 || run.Age(births[row]) is < 19 or > 21 || code == AnnexACode.Unreadable)
                    {
                        return Excluded;
                    }

                    return code == met ? 1 : 0;
                });
                break;
            case 24:
                var order24 = t.Col(AdoptionOrder);
                var entered = t.Col(AdoptionEnteredCare);
                var placed = t.Col(AdoptionPlaced);
                var ffa = t.Col(AdoptionFfa);
                PerChild(run, t, tally, row =>
                {
                    var e = placed[row] >= 0 && ffa[row] >= 0 ? Math.Min(placed[row], ffa[row]) : Math.Max(placed[row], ffa[row]);
                    if (order24[row] <= s || order24[row] > r || entered[row] < 0 || e < 0 || e < entered[row])
                    {
                        return Excluded;
                    }

                    return e - entered[row];
                });
                break;
            case 25:
                var order25 = t.Col(AdoptionOrder);
                var placementOrder = t.Col(AdoptionPlacementOrder);
                var matched = t.Col(AdoptionMatched);
                PerChild(run, t, tally, row =>
                    order25[row] <= s || order25[row] > r || placementOrder[row] < 0 || matched[row] < 0
                        ? Excluded
                        : Math.Max(0, matched[row] - placementOrder[row]));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(id));
        }
    }

    private static long YesNo(byte code) => (AnnexACode)code switch
    {
        AnnexACode.Yes => 1,
        AnnexACode.No => 0,
        _ => Excluded,
    };

    /// <summary>Open at R (§1.5): readable start on or before R, end blank or after R.</summary>
    private static bool Open(int start, int end, int r) => start >= 0 && start <= r && (end == AnnexAValues.Blank || (end >= 0 && end > r));

    // Governing date: after R or unreadable excludes; blank stays in D as "standard not met".
    private static long SeenWithin(int seen, int r, int workingDays) =>
        seen <= AnnexAValues.Unreadable || seen > r ? Excluded
        : seen == AnnexAValues.Blank ? 0
        : WorkingDays.Between(seen, r) <= workingDays ? 1 : 0;

    private static void Window(RunContext run, ListTable t, int slot, Tally tally, Func<int, long> test)
    {
        var sorted = run.Prepared.Sorted(t.List, slot);
        var (from, to) = sorted.Window(run.S, run.R);
        var rows = sorted.Rows;
        for (var i = from; i < to; i++)
        {
            var row = rows[i];
            var v = test(row);
            if (v >= 0)
            {
                tally.Add(row, v);
            }
        }
    }

    /// <summary>Per child, the first qualifying row in (start latest first, sheet order) order.</summary>
    private static void PerChild(RunContext run, ListTable t, Tally tally, Func<int, long> test)
    {
        var order = run.Prepared.PerChild(t.List);
        var child = t.Child;
        var taken = -1;
        foreach (var row in order)
        {
            var c = child[row];
            if (c == taken)
            {
                continue;
            }

            var v = test(row);
            if (v >= 0)
            {
                taken = c;
                tally.Add(row, v);
            }
        }
    }

    // Indicator 2: children with a contact in W; N those with a referral in W too. Age band from
    // the child's earliest readable DOB on its contacts in W.
    private static void ContactsWithReferral(RunContext run, ListTable contacts, Tally tally)
    {
        var childCount = run.Data.ChildCount;
        // Pooled arrays come back dirty: clear the marks; a birth month is written before it is read.
        var mark = ArrayPool<byte>.Shared.Rent(childCount);
        Array.Clear(mark, 0, childCount);
        var birth = ArrayPool<int>.Shared.Rent(childCount);
        var found = new List<int>();
        try
        {
            var contactBirths = run.Prepared.BirthMonths(AnnexAList.Contacts);
            var sorted = run.Prepared.Sorted(AnnexAList.Contacts, ContactDate);
            var (from, to) = sorted.Window(run.S, run.R);
            for (var i = from; i < to; i++)
            {
                var row = sorted.Rows[i];
                var c = contacts.Child[row];
                var b = contactBirths[row];
                if (mark[c] == 0)
                {
                    mark[c] = 1;
                    birth[c] = b;
                    found.Add(c);
                }
                else if (b >= 0 && (birth[c] < 0 || b < birth[c]))
                {
                    birth[c] = b;
                }
            }

            var referrals = run.Data.Table(AnnexAList.Referrals)!;
            var sortedReferrals = run.Prepared.Sorted(AnnexAList.Referrals, ReferralDate);
            (from, to) = sortedReferrals.Window(run.S, run.R);
            for (var i = from; i < to; i++)
            {
                var c = referrals.Child[sortedReferrals.Rows[i]];
                if (mark[c] == 1)
                {
                    mark[c] = 2;
                }
            }

            foreach (var c in found)
            {
                tally.AddChild(birth[c], mark[c] == 2 ? 1 : 0);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(mark);
            ArrayPool<int>.Shared.Return(birth);
        }
    }

    internal sealed class RunContext(AnnexAPrepared prepared, int r, int s, AnnexAOptions options)
    {
        public AnnexAPrepared Prepared { get; } = prepared;

        public AnnexAData Data => Prepared.Data;

        public int R { get; } = r;

        public int S { get; } = s;

        public AnnexAOptions Options { get; } = options;

        private readonly int referenceMonth = AnnexAPrepared.MonthIndex(r);

        /// <summary>Age at R from a degraded birth month (§2); negative = unborn.</summary>
        public int Age(int birthMonth) => (int)Math.Floor((referenceMonth - birthMonth) / 12.0);

        public int Band(int birthMonth) => birthMonth < 0 ? 7 : AnnexAAgeBands.Index(Age(birthMonth));
    }
}
