namespace Trellis.Indicators.AnnexA;

/// <summary>
/// What the engine derives once per <see cref="AnnexAData"/> and reuses for every reference date:
/// coverage, date-sorted row indexes for windowed lists, per-child row orders, degraded birth
/// months, re-referral flags and the teams and workers found on each list.
/// </summary>
internal sealed class AnnexAPrepared
{
    private readonly Dictionary<(AnnexAList, int), SortedDays> sorted = [];
    private readonly Dictionary<AnnexAList, int[]> perChild = [];
    private readonly Dictionary<AnnexAList, int[]> birthMonths = [];
    private readonly Dictionary<AnnexAList, (int[] Teams, int[] Workers)> groups = [];

    private AnnexAPrepared(AnnexAData data)
    {
        Data = data;
    }

    public AnnexAData Data { get; }

    public AnnexACoverage? Coverage { get; private set; }

    /// <summary>Per L3 row: a re-referral under rule (i) or (ii) of indicator 4.</summary>
    public bool[] ReReferral { get; private set; } = [];

    public static AnnexAPrepared For(AnnexAData data) => data.Cached("prepared", Build);

    public SortedDays Sorted(AnnexAList list, int slot) => sorted[(list, slot)];

    /// <summary>Row indexes ordered by child, then the list's start date latest first, then sheet order.</summary>
    public int[] PerChild(AnnexAList list) => perChild[list];

    /// <summary>Degraded date of birth per row as year * 12 + month - 1; -1 when not readable.</summary>
    public int[] BirthMonths(AnnexAList list) => birthMonths[list];

    public (int[] Teams, int[] Workers) Groups(AnnexAList list) => groups[list];

    private static AnnexAPrepared Build(AnnexAData data)
    {
        var p = new AnnexAPrepared(data);
        var windowed = new (AnnexAList List, int Slot)[]
        {
            (AnnexAList.Contacts, AnnexAFields.ContactDate),
            (AnnexAList.Referrals, AnnexAFields.ReferralDate),
            (AnnexAList.Assessments, AnnexAFields.AssessmentAuthorised),
            (AnnexAList.Section47, AnnexAFields.S47Date),
            (AnnexAList.Section47, AnnexAFields.IcpcDate),
            (AnnexAList.ChildProtection, AnnexAFields.CppStart),
            (AnnexAList.ChildProtection, AnnexAFields.CppEnd),
        };
        foreach (var (list, slot) in windowed)
        {
            if (data.Table(list) is { } table)
            {
                p.sorted[(list, slot)] = SortedDays.Of(table.Col(slot), table.Count);
            }
        }

        var orderSlots = new (AnnexAList List, int Slot)[]
        {
            (AnnexAList.ChildrenInNeed, AnnexAFields.CinStart),
            (AnnexAList.ChildProtection, AnnexAFields.CppStart),
            (AnnexAList.LookedAfter, AnnexAFields.ClaStart),
            (AnnexAList.CareLeavers, -1),
            (AnnexAList.Adoption, AnnexAFields.AdoptionOrder),
        };
        foreach (var (list, slot) in orderSlots)
        {
            if (data.Table(list) is { } table)
            {
                p.perChild[list] = ChildOrder(table, slot);
            }
        }

        foreach (var list in AnnexALists.All)
        {
            if (data.Table(list) is not { } table)
            {
                continue;
            }

            var months = new int[table.Count];
            var dob = table.Dob;
            for (var i = 0; i < months.Length; i++)
            {
                months[i] = dob[i] >= 0 ? MonthIndex(dob[i]) : -1;
            }

            p.birthMonths[list] = months;
            p.groups[list] = table.HasTeams
                ? (Distinct(table.Col(AnnexAFields.Team), table.Count, data.Teams), Distinct(table.Col(AnnexAFields.Worker), table.Count, data.Workers))
                : ([], []);
        }

        p.Coverage = FindCoverage(data);
        if (data.Table(AnnexAList.Referrals) is { } referrals)
        {
            p.ReReferral = ReReferrals(referrals);
        }

        return p;
    }

    public static int MonthIndex(int dayNumber)
    {
        var d = DateOnly.FromDayNumber(dayNumber);
        return (d.Year * 12) + d.Month - 1;
    }

    private static AnnexACoverage? FindCoverage(AnnexAData data)
    {
        var min = int.MaxValue;
        var max = int.MinValue;
        foreach (var (list, slot) in new[] { (AnnexAList.Contacts, AnnexAFields.ContactDate), (AnnexAList.Referrals, AnnexAFields.ReferralDate), (AnnexAList.Section47, AnnexAFields.S47Date) })
        {
            if (data.Table(list) is not { } table)
            {
                continue;
            }

            var days = table.Col(slot);
            for (var i = 0; i < table.Count; i++)
            {
                var d = days[i];
                if (d >= 0)
                {
                    min = Math.Min(min, d);
                    max = Math.Max(max, d);
                }
            }
        }

        return min == int.MaxValue ? null : new AnnexACoverage(DateOnly.FromDayNumber(min), DateOnly.FromDayNumber(max));
    }

    private static int[] ChildOrder(ListTable table, int slot)
    {
        var order = new int[table.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        var child = table.Child;
        var start = slot >= 0 ? table.Col(slot) : null;
        Array.Sort(order, (a, b) =>
        {
            var c = child[a].CompareTo(child[b]);
            if (c != 0)
            {
                return c;
            }

            if (start is not null)
            {
                // Latest readable start first; blank and unreadable (negative) last.
                c = start[b].CompareTo(start[a]);
                if (c != 0)
                {
                    return c;
                }
            }

            return a.CompareTo(b);
        });
        return order;
    }

    private static int[] Distinct(int[] values, int count, string[] names)
    {
        var seen = new bool[names.Length];
        for (var i = 0; i < count; i++)
        {
            seen[values[i]] = true;
        }

        var found = new List<int>();
        for (var id = 1; id < seen.Length; id++)
        {
            if (seen[id])
            {
                found.Add(id);
            }
        }

        found.Sort((a, b) => string.CompareOrdinal(names[a], names[b]));
        found.Add(0);
        return found.ToArray();
    }

    // §4 indicator 4: (i) an earlier referral of the child within 12 months before, or (ii) the
    // child's largest "referrals in last 12 months" exceeds the referrals the list shows in the
    // 12 months before the child's latest referral.
    private static bool[] ReReferrals(ListTable table)
    {
        var flags = new bool[table.Count];
        var child = table.Child;
        var date = table.Col(AnnexAFields.ReferralDate);
        var last12 = table.Col(AnnexAFields.ReferralsLast12);
        var order = new int[table.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) =>
        {
            var c = child[a].CompareTo(child[b]);
            return c != 0 ? c : date[a] != date[b] ? date[a].CompareTo(date[b]) : a.CompareTo(b);
        });

        var start = 0;
        while (start < order.Length)
        {
            var end = start;
            while (end < order.Length && child[order[end]] == child[order[start]])
            {
                end++;
            }

            var maxCount = -1;
            var latest = -1;
            var previousDate = -1;
            var currentDate = -1;
            for (var k = start; k < end; k++)
            {
                var row = order[k];
                maxCount = Math.Max(maxCount, last12[row]);
                var d = date[row];
                if (d < 0)
                {
                    continue;
                }

                latest = d;
                if (d != currentDate)
                {
                    previousDate = currentDate;
                    currentDate = d;
                }

                // previousDate is the latest readable date strictly before d.
                flags[row] = previousDate >= 0 && previousDate >= AnnexAEngine.EDate(d, -12);
            }

            if (maxCount >= 0 && latest >= 0)
            {
                var from = AnnexAEngine.EDate(latest, -12);
                var shown = 0;
                for (var k = start; k < end; k++)
                {
                    var d = date[order[k]];
                    if (d >= from && d < latest)
                    {
                        shown++;
                    }
                }

                if (maxCount > shown)
                {
                    for (var k = start; k < end; k++)
                    {
                        flags[order[k]] = true;
                    }
                }
            }

            start = end;
        }

        return flags;
    }
}

/// <summary>Rows with a readable date, sorted by that date (sheet order within a day).</summary>
internal sealed class SortedDays
{
    private SortedDays(int[] days, int[] rows)
    {
        Days = days;
        Rows = rows;
    }

    public int[] Days { get; }

    public int[] Rows { get; }

    public static SortedDays Of(int[] column, int count)
    {
        var n = 0;
        for (var i = 0; i < count; i++)
        {
            n += column[i] >= 0 ? 1 : 0;
        }

        var days = new int[n];
        var rows = new int[n];
        n = 0;
        for (var i = 0; i < count; i++)
        {
            if (column[i] >= 0)
            {
                days[n] = column[i];
                rows[n++] = i;
            }
        }

        // Keys (day, row) are unique, so an unstable sort still leaves sheet order within a day.
        var keys = new long[n];
        for (var i = 0; i < n; i++)
        {
            keys[i] = ((long)days[i] << 32) | (uint)rows[i];
        }

        Array.Sort(keys, rows);
        for (var i = 0; i < n; i++)
        {
            days[i] = (int)(keys[i] >> 32);
        }

        return new SortedDays(days, rows);
    }

    /// <summary>The index range of rows with S &lt; day &lt;= R.</summary>
    public (int From, int To) Window(int s, int r) => (UpperBound(s), UpperBound(r));

    private int UpperBound(int day)
    {
        int lo = 0, hi = Days.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (Days[mid] <= day)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
