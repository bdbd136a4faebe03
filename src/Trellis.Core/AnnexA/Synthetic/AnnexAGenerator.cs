using System.Globalization;
using Trellis.Indicators.AnnexA;

namespace Trellis.Core.AnnexA.Synthetic;

/// <summary>
/// Synthetic Annex A lists whose rows hang together: contacts lead to referrals, referrals to
/// assessments, section 47 enquiries, conferences, plans, periods in care and adoptions, each dated
/// after what caused it. Deterministic for a seed (one <see cref="Random"/>, drawn in a fixed order).
/// Proportions are England's (README §4, national_volumes_england.csv), cited where they are used.
/// </summary>
public sealed class AnnexAGenerator
{
    // national_volumes_england.csv "Re-referrals within 12 months,2025,142900,count (22.6%)": a second
    // referral within a year for this share of referred children gives about 22% of referrals.
    private const double SecondReferralWithinYear = 0.25;

    // "Referrals NFA,2025,41340,count (6.5%)".
    private const double NoFurtherAction = 0.065;

    // "Section 47 enquiries,2025,230590" of "Referrals to CSC,2025,632830": about a third of referrals,
    // drawn among the 93.5% that are not NFA.
    private const double Section47 = 0.36 / (1 - NoFurtherAction);

    // "ICPCs,2025,72100" of 230,590 enquiries: 31%.
    private const double Conference = 0.31;

    // "CP plans starting,2025,61840" of 72,100 conferences: 86%.
    private const double ConferenceToPlan = 0.85;

    // "Assessments completed within 45 days (derived),2025,555820,count (85.7%)".
    private const double AssessmentWithin45 = 0.86;

    // "ICPC within 15 working days (derived),2025,58670,count (81.4% ...)": C4 bins 0-10 6240,
    // 11-15 52430, 16-20 6430, 21+ 6990.
    private static readonly (int From, int To, double Share)[] ConferenceDays =
        [(0, 10, 0.087), (11, 15, 0.727), (16, 20, 0.089), (21, 35, 0.097)];

    // "CP plans ended lasting 2 years or more,2025,2710,count (4.4%)".
    private const double PlanTwoYears = 0.044;

    // "Long-term stability ... 19750 of 29000 (68%)".
    private const double LongTermSamePlacement = 0.68;

    private static readonly string[] Genders = ["a) Male", "b) Female", "b) Female", "a) Male", "c) Not stated/recorded", "d) Neither"];
    private static readonly double[] GenderWeights = [0.5, 0.47, 0, 0, 0.025, 0.005];

    private static readonly string[] Ethnicities =
    [
        "a) WBRI", "b) WIRI", "c) WIRT", "d) WOTH", "e) WROM", "f) MWBC", "g) MWBA", "h) MWAS", "i) MOTH", "j) AIND",
        "k) APKN", "l) ABAN", "m) AOTH", "n) BCRB", "o) BAFR", "p) BOTH", "q) CHNE", "r) OOTH", "s) REFU", "s) NOBT",
    ];

    private static readonly double[] EthnicityWeights = [0.62, 0.005, 0.004, 0.05, 0.01, 0.02, 0.01, 0.015, 0.03, 0.02, 0.04, 0.015, 0.02, 0.02, 0.04, 0.01, 0.003, 0.03, 0.008, 0.03];

    private static readonly string[] Sources =
    [
        "a) 1A: Individual", "b) 1B: Individual", "c) 1C: Individual", "d) 1D: Individual", "e) 2A: Schools", "f) 2B: Education services",
        "g) 3A: Health services", "h) 3B: Health services", "i) 3C: Health services", "j) 3D: Health services", "k) 3E: Health services",
        "l) 3F: Health services", "m) 4: Housing", "n) 5A: LA services", "o) 5B: LA services", "p) 5C: LA services", "q) 6: Police",
        "r) 7: Other legal agency", "s) 8: Other", "t) 9: Anonymous", "u) 10: Unknown",
    ];

    // Police, schools and health dominate (EES C1 sources): police about 30%, schools 20%, health 15%.
    private static readonly double[] SourceWeights = [0.05, 0.01, 0.01, 0.01, 0.2, 0.01, 0.03, 0.03, 0.01, 0.03, 0.04, 0.02, 0.03, 0.04, 0.02, 0.01, 0.3, 0.03, 0.06, 0.01, 0.03];

    private static readonly string[] Needs = ["N1 - Abuse or neglect", "N2 - Child’s disability", "N3 - Parental disability or illness", "N4 - Family in acute stress", "N5 - Family dysfunction", "N6 - Socially unacceptable behaviour", "N7 - Low income", "N8 - Absent parenting", "N9 - Cases other than children in need", "N0 - Not stated"];
    private static readonly double[] NeedWeights = [0.57, 0.1, 0.04, 0.07, 0.15, 0.03, 0.005, 0.015, 0.01, 0.01];
    private static readonly string[] Abuse = ["a) Neglect", "b) Physical abuse", "c) Sexual abuse", "d) Emotional abuse", "e) Multiple/not recommended"];
    private static readonly double[] AbuseWeights = [0.5, 0.08, 0.04, 0.35, 0.03];
    private static readonly string[] Closures = ["RC1 - Adopted", "RC2 - Died", "RC3 - Child arrangements order", "RC4 - Special guardianship order", "RC5 - Transferred to services of another local authority", "RC6 - Transferred to adult social care services", "RC7 - Services ceased for any other reason, including child no longer in need"];
    private static readonly string[] LegalStatuses = ["C1: ICO", "C2: FCO", "E1: Placement order", "V2: Single period under S20", "L2: EPO", "J1: Remanded to LA or youth detention"];
    private static readonly double[] LegalWeights = [0.22, 0.5, 0.06, 0.19, 0.02, 0.01];
    private static readonly string[] PlacementTypes = ["a) U1: Foster placement - relatives - long term", "d) U4: Foster placement - long term", "f) U6: Foster placement - not FFA", "k) P1: Placed with parents", "l) P2: Independent living", "n) H5: Residential accommodation", "p) K2: Children’s Homes", "j) A6: Placed for adoption - order - not foster"];
    private static readonly double[] PlacementWeights = [0.12, 0.3, 0.28, 0.07, 0.03, 0.07, 0.11, 0.02];
    private static readonly string[] Providers = ["a) PR0: Parents/Parental responsibility", "b) PR1: Own provision", "c) PR2: Other LA provision", "e) PR4: Private provision", "f) PR5: Voluntary/third sector"];
    private static readonly string[] Permanence = ["a) Return to family", "b) Adoption", "c) SGO/CAO", "d) Supported living in the community", "e) Long-term residential placement", "f) Long-term fostering", "g) other"];
    private static readonly string[] CeaseReasons = ["e) E4A: Returned home to live with parents or relatives - part of planning", "i) E45: Special Guardianship Orders - former carer relative/friend", "m) E5: Moved into independent living - supported", "t) E8: Care ceased for any other reason", "g) E13: Parents, relatives or other with no parental responsibility"];
    private static readonly string[] Eligibility = ["a) Relevant child", "b) Former relevant child", "c) Qualifying care leaver"];
    private static readonly string[] InTouch = ["a) Yes", "a) Yes", "a) Yes", "a) Yes", "a) Yes", "a) Yes", "a) Yes", "b) No", "d) Refu", "e) NREQ", "f) Rhom"];
    private static readonly string[] Accommodation = ["B: Parents/relatives", "D: Semi-independent, transitional accommodation and self-contained accommodation", "E: Supported lodgings", "U: Independent living", "Z: With former foster carers", "W: Bed and breakfast", "X: In custody"];
    private static readonly string[] Eet = ["F1: Full time in higher education", "P1: Part time in higher education", "F2: Full time in education other than higher", "P2: Part time in education other than higher", "F3: Full time in training or employment", "P3: Part time in training or employment"];
    private static readonly string[] Neet = ["G4: Not in education, employment or training - illness or disability", "G5: Not in education, employment or training - other", "G6: Not in education, employment or training - pregnancy or parenting"];
    private static readonly string[] EarlyHelpOrganisations = ["Family Hub North", "Family Hub South", "School", "Health visiting", "Voluntary sector"];

    private static readonly string[] FrontDoorTeams = ["Duty and Assessment 1", "Duty and Assessment 2", "Duty and Assessment 3", "Duty and Assessment 4"];
    private static readonly string[] NeedTeams = ["Children in Need North", "Children in Need South", "Children in Need East", "Children in Need West", "Disabled Children"];
    private static readonly string[] ProtectionTeams = ["Safeguarding 1", "Safeguarding 2", "Safeguarding 3"];
    private static readonly string[] CareTeams = ["Children in Care 1", "Children in Care 2", "Children in Care 3"];
    private const string LeavingCareTeam = "Leaving Care";

    private static readonly Dictionary<(AnnexAList, string), int> ColumnIndex = BuildColumnIndex();

    private readonly AnnexAGeneratorOptions _options;
    private readonly IAnnexASyntheticSink _sink;
    private readonly Random _random;
    private readonly HashSet<DateOnly> _holidays;
    private readonly DateOnly _r;
    private readonly DateOnly _fileStart;
    private readonly DateOnly _adoptionStart;
    private readonly DateOnly _historyStart;
    private int _familyNumber;
    private int _adopterNumber;

    private AnnexAGenerator(AnnexAGeneratorOptions options, IAnnexASyntheticSink sink)
    {
        if (options.Children < 1 || options.Months < 1 || options.Months > 12)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "Children must be at least 1 and months between 1 and 12");
        }

        _options = options;
        _sink = sink;
        _random = new Random(options.Seed);
        _r = options.ReferenceDate;
        _fileStart = WindowStart(_r, options.Months);
        _adoptionStart = WindowStart(_r, 12);
        _historyStart = _r.AddMonths(-(options.Months + 24));
        _holidays = [.. Enumerable.Range(_r.Year - 16, 18).SelectMany(Trellis.Indicators.Calendar.BankHolidays.EnglandAndWales)];
    }

    /// <summary>Generates every list's rows, child by child, into <paramref name="sink"/>.</summary>
    public static void Generate(AnnexAGeneratorOptions options, IAnnexASyntheticSink sink)
    {
        var generator = new AnnexAGenerator(options, sink);
        for (var i = 0; i < options.Children; i++)
        {
            generator.Child(i);
        }
    }

    /// <summary>
    /// The first day after the window: R minus whole months, or the month-end that many months
    /// earlier when R is a month-end (DEFINITIONS §2); rows dated after it and up to R are in the file.
    /// </summary>
    public static DateOnly WindowStart(DateOnly r, int months) =>
        r.Day == DateTime.DaysInMonth(r.Year, r.Month)
            ? new DateOnly(r.Year, r.Month, 1).AddMonths(-months).AddMonths(1).AddDays(-1)
            : r.AddMonths(-months);

    private sealed class ChildFacts
    {
        public required string Id { get; init; }

        public required DateOnly BirthDate { get; set; }

        public required string Gender { get; init; }

        public required string Ethnicity { get; init; }

        public required string Disability { get; init; }

        public DateOnly? CareStart { get; set; }

        public DateOnly? CareEnd { get; set; }

        public DateOnly? PlanStart { get; set; }

        public DateOnly? PlanEnd { get; set; }
    }

    private void Child(int index)
    {
        var child = new ChildFacts
        {
            Id = (1_000_000 + index).ToString(CultureInfo.InvariantCulture),
            BirthDate = default,
            Gender = Pick(Genders, GenderWeights),
            Ethnicity = Pick(Ethnicities, EthnicityWeights),
            Disability = Chance(0.1) ? "a) Yes" : Chance(0.95) ? "b) No" : "c) Unknown",
        };

        // Shares of children simulated: tuned so one six-month file of a large council has about
        // 55,000 contacts, 9,500 referrals, 20,000 children in need, 3,000 looked after and 1,700
        // care leavers (README §4 synthetic sizing).
        var u = _random.NextDouble();
        if (u < 0.016)
        {
            CareLeaver(child);
        }
        else if (u < 0.040)
        {
            LongTermLookedAfter(child);
        }
        else
        {
            FrontDoor(child);
        }
    }

    private void FrontDoor(ChildFacts child)
    {
        var spanDays = _r.DayNumber - _historyStart.DayNumber;
        var first = _historyStart.AddDays(_random.Next(1, spanDays + 1));
        child.BirthDate = Chance(0.015)
            ? first.AddDays(_random.Next(20, 200)) // unborn at the first contact: an expected date of birth
            : first.AddDays(-_random.Next(0, 18 * 365));

        if (Chance(0.66))
        {
            // Contacts that go no further: the greater part of a front door's work.
            var contacts = 1 + Geometric(0.45);
            var ehDone = false;
            for (var c = 0; c < contacts; c++)
            {
                var date = Workday(first.AddDays(c == 0 ? 0 : _random.Next(0, 300)));
                Contact(child, date, Pick(Sources, SourceWeights));
                if (!ehDone && Chance(0.08))
                {
                    ehDone = true;
                    EarlyHelp(child, date.AddDays(_random.Next(3, 30)));
                }
            }

            return;
        }

        var referrals = new List<DateOnly> { Workday(first) };
        while (referrals.Count < 4)
        {
            var last = referrals[^1];
            var next = Chance(SecondReferralWithinYear / referrals.Count) ? last.AddDays(_random.Next(20, 365))
                : Chance(0.06) ? last.AddDays(_random.Next(366, 700))
                : (DateOnly?)null;
            if (next is not { } n || n > _r)
            {
                break;
            }

            referrals.Add(Workday(n));
        }

        referrals.RemoveAll(r => r > _r);
        var latest = referrals.Count > 0 ? referrals[^1] : first;
        var inLastYear = referrals.Count(r => r >= latest.AddMonths(-12) && r < latest);
        var frontTeam = Team(FrontDoorTeams);
        foreach (var referral in referrals)
        {
            Referral(child, referral, inLastYear, frontTeam);
        }
    }

    private void Referral(ChildFacts child, DateOnly referral, int referralsInLastYear, (string? Team, string? Worker) team)
    {
        // About 5.8 contacts per referral in a large council's file (55,000 : 9,500): 1-4 lead up
        // to each referral, the rest come from children who are never referred.
        var source = Pick(Sources, SourceWeights);
        var leading = 1 + _random.Next(0, 4);
        for (var c = leading - 1; c >= 0; c--)
        {
            Contact(child, c == 0 ? referral : Workday(referral.AddDays(-_random.Next(1, 10))), c == 0 ? source : Pick(Sources, SourceWeights));
        }

        var nfa = Chance(NoFurtherAction);
        if (InFile(referral))
        {
            var row = NewRow(AnnexAList.Referrals, child);
            Set(row, AnnexAList.Referrals, "Date of referral", referral);
            Set(row, AnnexAList.Referrals, "Referral Source", source);
            Set(row, AnnexAList.Referrals, "Referral NFA?", nfa ? "a) Yes" : Chance(0.98) ? "b) No" : null);
            Set(row, AnnexAList.Referrals, "Number of Referrals in Last 12 Months", Chance(0.97) ? referralsInLastYear : null);
            SetTeam(row, AnnexAList.Referrals, Chance(0.03) ? Team(FrontDoorTeams) : team);
            _sink.Row(AnnexAList.Referrals, row);
        }

        if (nfa)
        {
            return;
        }

        // Assessment: starts on the referral day or within three working days.
        var start = AddWorkingDays(referral, Chance(0.6) ? 0 : _random.Next(1, 4));
        var duration = Chance(AssessmentWithin45) ? (Chance(0.08) ? 0 : _random.Next(5, 46)) : _random.Next(46, 90);
        DateOnly? authorised = AddWorkingDays(start, duration);
        if (authorised > _r || Chance(0.01))
        {
            authorised = null;
        }

        var needsSupport = Chance(0.55);
        if (start <= _r && (InFile(start) || authorised is null || authorised > _fileStart))
        {
            var row = NewRow(AnnexAList.Assessments, child);
            Set(row, AnnexAList.Assessments, "Continuous Assessment Start Date", Chance(0.005) ? null : start);
            Set(row, AnnexAList.Assessments, "Child Seen During Continuous Assessment", Pick(["a) Yes", "b) No", "c) Unknown", null], [0.88, 0.07, 0.03, 0.02]));
            Set(row, AnnexAList.Assessments, "Continuous Assessment Date of Authorisation", authorised);
            Set(row, AnnexAList.Assessments, "Was the child assessed as requiring LA children’s social care support", authorised is null ? null : needsSupport ? "a) Yes" : "b) No");
            SetTeam(row, AnnexAList.Assessments, Chance(0.04) ? Team(NeedTeams) : team);
            _sink.Row(AnnexAList.Assessments, row);
        }

        DateOnly? planStart = null;
        if (Chance(Section47))
        {
            planStart = Enquiry(child, referral, team);
        }

        CinEpisode(child, referral, authorised, needsSupport || planStart is not null, planStart);
    }

    /// <summary>A section 47 enquiry; returns the plan's start if its conference made one.</summary>
    private DateOnly? Enquiry(ChildFacts child, DateOnly referral, (string? Team, string? Worker) team)
    {
        var strategy = AddWorkingDays(referral, _random.Next(0, 3));
        if (strategy > _r)
        {
            return null;
        }

        var conference = Chance(Conference);
        DateOnly? icpc = null;
        string? unnecessary;
        string? result = null;
        if (conference)
        {
            var band = PickBand(ConferenceDays);
            icpc = AddWorkingDays(strategy, _random.Next(band.From, band.To + 1));
            unnecessary = "b) No";
            if (icpc > _r)
            {
                icpc = null; // booked, not yet held
            }
            else
            {
                result = Chance(ConferenceToPlan) ? "a) Yes" : "b) No";
            }
        }
        else
        {
            unnecessary = Chance(0.95) || strategy < _r.AddDays(-20) ? "a) Yes" : null;
        }

        if (InFile(strategy))
        {
            var row = NewRow(AnnexAList.Section47, child);
            Set(row, AnnexAList.Section47, "Strategy discussion initiating Section 47 Enquiry Start Date", strategy);
            Set(row, AnnexAList.Section47, "Was an Initial Child Protection Conference deemed unnecessary?", unnecessary);
            Set(row, AnnexAList.Section47, "Date of Initial Child Protection Conference", icpc);
            Set(row, AnnexAList.Section47, "Did the Initial Child Protection Conference Result in a Child Protection Plan", result);
            Set(row, AnnexAList.Section47, "Number of Section 47 Enquiries in the last 12 months", Geometric(0.8));
            Set(row, AnnexAList.Section47, "Number of ICPCs in the last 12 months", Geometric(0.9));
            SetTeam(row, AnnexAList.Section47, team);
            _sink.Row(AnnexAList.Section47, row);
        }

        if (result == "a) Yes" && icpc is { } start)
        {
            ProtectionPlan(child, start);
            return start;
        }

        return null;
    }

    private void ProtectionPlan(ChildFacts child, DateOnly start)
    {
        var days = Chance(PlanTwoYears) ? _random.Next(731, 1000) : 60 + (int)(Math.Min(1.0, _random.NextDouble() * _random.NextDouble() * 1.6) * 600);
        DateOnly? end = Workday(start.AddDays(days));
        if (end > _r)
        {
            end = null;
        }

        child.PlanStart = start;
        child.PlanEnd = end;

        // Some children go into care from a plan.
        if (Chance(0.1))
        {
            var careStart = start.AddDays(_random.Next(20, 400));
            if (careStart <= _r && (end is null || careStart <= end))
            {
                LookedAfter(child, careStart, CareTeams);
            }
        }

        if (end is { } e && e <= _fileStart)
        {
            return;
        }

        var row = NewRow(AnnexAList.ChildProtection, child);
        var l = AnnexAList.ChildProtection;
        Set(row, l, "Child Protection Plan Start Date", start);
        var initial = Pick(Abuse, AbuseWeights);
        Set(row, l, "Initial Category of Abuse", initial);
        Set(row, l, "Latest Category of Abuse", Chance(0.9) ? initial : Pick(Abuse, AbuseWeights));
        var asAt = end ?? _r;

        // Statutory visits at least every ten working days, usually kept.
        var sinceVisit = Chance(0.7) ? _random.Next(0, 11) : Chance(0.6) ? _random.Next(11, 21) : _random.Next(21, 45);
        var visit = AddWorkingDays(asAt, -sinceVisit);
        Set(row, l, "Date of the Last Statutory Visit", Chance(0.03) || visit < start ? null : visit);
        Set(row, l, "Was the Child Seen Alone?", Pick(["a) Yes", "b) No", "c) Unknown"], [0.6, 0.3, 0.1]));

        // Reviews three months after the conference, then six-monthly; one in seven slips.
        DateOnly? review = null;
        for (var due = start.AddMonths(3); due <= asAt; due = due.AddMonths(6))
        {
            review = Chance(0.86) ? Workday(due.AddDays(-_random.Next(0, 10))) : review;
        }

        Set(row, l, "Date of latest review conference", review);
        Set(row, l, "Child Protection Plan End Date", end);
        Set(row, l, "Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)", Chance(0.03) ? "Y" : "N");

        // About a quarter of plans are second or later ones (EES D3).
        Set(row, l, "Number of Previous Child Protection Plans", Chance(0.77) ? 0 : Chance(0.7) ? 1 : _random.Next(2, 5));
        SetTeam(row, l, Team(ProtectionTeams));
        _sink.Row(l, row);
    }

    private void CinEpisode(ChildFacts child, DateOnly referral, DateOnly? authorised, bool support, DateOnly? planStart)
    {
        DateOnly? closed;
        string? reason = null;
        if (authorised is null)
        {
            closed = null;
        }
        else if (!support)
        {
            closed = authorised;
            reason = "RC8 - Case closed after assessment, no further action";
        }
        else
        {
            var close = authorised.Value.AddDays(_random.Next(30, 420));
            if (child.PlanEnd is { } planEnd && planStart is not null)
            {
                close = planEnd.AddDays(_random.Next(0, 180));
            }
            else if (planStart is not null)
            {
                close = _r.AddDays(1);
            }

            if (child.CareStart is not null && (child.CareEnd is null || child.CareEnd > _r))
            {
                close = _r.AddDays(1);
            }

            closed = Workday(close);
            reason = Pick(Closures, [0.01, 0.002, 0.05, 0.05, 0.08, 0.02, 0.788]);
        }

        if (closed > _r)
        {
            closed = null;
            reason = null;
        }

        if (closed is { } c && c <= _fileStart)
        {
            return;
        }

        var status = closed is not null ? "e) Closed episode"
            : child.CareStart is not null && child.CareEnd is null ? "a) Looked after child"
            : child.PlanStart is not null && child.PlanEnd is null ? "b) Child Protection plan"
            : authorised is null ? "d) Open assessment"
            : "c) Child in need plan";
        var l = AnnexAList.ChildrenInNeed;
        var row = NewRow(l, child);
        Set(row, l, "CIN Start Date", referral);
        Set(row, l, "Primary Need Code", Pick(Needs, NeedWeights));

        // Children with a plan are seen at least every 20 working days; most are.
        var asAt = closed ?? _r;
        var seen = AddWorkingDays(asAt, -(Chance(0.78) ? _random.Next(0, 21) : _random.Next(21, 60)));
        Set(row, l, "Date Child Was Last Seen", Chance(0.04) || seen < referral ? null : seen);
        Set(row, l, "CIN Closure Date", closed);
        Set(row, l, "Reason for Closure", reason);
        Set(row, l, "Case status", status);
        SetTeam(row, l, Team(status.StartsWith('b') ? ProtectionTeams : status.StartsWith('a') ? CareTeams : NeedTeams));
        _sink.Row(l, row);
    }

    private void LongTermLookedAfter(ChildFacts child)
    {
        var age = _random.Next(0, 18);
        child.BirthDate = _r.AddDays(-(age * 365) - _random.Next(0, 365));
        var maxDays = Math.Max(1, _r.DayNumber - child.BirthDate.DayNumber);
        var days = Chance(0.25) ? _random.Next(1, 365) : Chance(0.33) ? _random.Next(365, 912) : _random.Next(912, 4000);
        var start = Workday(_r.AddDays(-Math.Min(days, maxDays)));
        if (start < child.BirthDate)
        {
            start = child.BirthDate;
        }

        var cinStart = Workday(start.AddDays(-_random.Next(0, 200)));
        LookedAfter(child, start, CareTeams, ceaseInFile: Chance(0.13));

        var l = AnnexAList.ChildrenInNeed;
        var row = NewRow(l, child);
        Set(row, l, "CIN Start Date", cinStart);
        Set(row, l, "Primary Need Code", Pick(Needs, NeedWeights));
        var seen = AddWorkingDays(_r, -_random.Next(0, 40));
        Set(row, l, "Date Child Was Last Seen", Chance(0.03) ? null : seen);
        var ended = child.CareEnd is { } ce && ce <= _r;
        Set(row, l, "CIN Closure Date", ended ? child.CareEnd : null);
        Set(row, l, "Reason for Closure", ended ? "RC7 - Services ceased for any other reason, including child no longer in need" : null);
        Set(row, l, "Case status", ended ? "e) Closed episode" : "a) Looked after child");
        SetTeam(row, l, Team(CareTeams));
        _sink.Row(l, row);
    }

    private void LookedAfter(ChildFacts child, DateOnly start, string[] teams, bool ceaseInFile = false)
    {
        child.CareStart = start;
        DateOnly? end = null;
        if (ceaseInFile)
        {
            end = Workday(_fileStart.AddDays(_random.Next(1, _r.DayNumber - _fileStart.DayNumber + 1)));
            if (end <= start || end > _r)
            {
                end = null;
            }
        }

        child.CareEnd = end;
        var ageAtStart = (start.DayNumber - child.BirthDate.DayNumber) / 365;
        if (ageAtStart < 5 && Chance(0.25))
        {
            Adoption(child, start, ref end);
            child.CareEnd = end;
        }

        var l = AnnexAList.LookedAfter;
        var row = NewRow(l, child);
        Set(row, l, "Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)", ageAtStart >= 14 && Chance(0.4) ? "Y" : "N");
        Set(row, l, "Date Started to be Looked After", start);
        Set(row, l, "Child's Category of Need", Pick(Needs[..8], NeedWeights[..8]));
        Set(row, l, "Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)", Chance(0.08) ? "Y" : "N");
        var legal = Pick(LegalStatuses, LegalWeights);
        Set(row, l, "Start date of current legal status", start.AddDays(_random.Next(0, Math.Max(1, Math.Min(400, _r.DayNumber - start.DayNumber)))));
        Set(row, l, "Child's Legal Status", legal);
        var asAt = end ?? _r;
        Set(row, l, "Date of Latest Statutory Review", Later(start, AddWorkingDays(asAt, -_random.Next(0, 120))));
        Set(row, l, "Date of Last Social Work Visit", Later(start, AddWorkingDays(asAt, -_random.Next(0, 30))));
        Set(row, l, "What is the permanence plan for this child?", Pick(Permanence, [0.2, 0.08, 0.1, 0.07, 0.05, 0.45, 0.05]));
        Set(row, l, "Date of Last IRO Visit / Contact to the Child", Later(start, AddWorkingDays(asAt, -_random.Next(0, 90))));

        // Health assessments yearly (six-monthly under 5); about nine in ten are up to date.
        var underFive = (asAt.DayNumber - child.BirthDate.DayNumber) < 5 * 365;
        var limit = underFive ? 182 : 365;
        var sinceHealth = Chance(0.88) ? _random.Next(0, limit - 10) : _random.Next(limit + 5, limit + 200);
        Set(row, l, "Date of Last Health Assessment", Chance(0.03) ? null : Later(start, Workday(asAt.AddDays(-sinceHealth))));
        Set(row, l, "Date of Last Dental Check", Chance(0.1) ? null : Later(start, Workday(asAt.AddDays(-_random.Next(0, 500)))));

        // Placements in the last 12 months: one for most; 3+ for about one in ten (EES: 10% short-term instability).
        var placements = Pick([1, 2, 3, 4, 5], [0.68, 0.22, 0.06, 0.03, 0.01]);
        Set(row, l, "Number of Placements in the Last 12 months", placements);
        Set(row, l, "Date Ceased to be Looked After", end);
        Set(row, l, "Reason Ceased to be Looked After", end is null ? null : Pick(CeaseReasons, [0.35, 0.2, 0.2, 0.1, 0.15]));
        DateOnly placementStart;
        var inCare = asAt.DayNumber - start.DayNumber;
        if (placements > 1 || inCare < 365)
        {
            placementStart = Later(start, asAt.AddDays(-_random.Next(0, Math.Min(365, inCare + 1))));
        }
        else
        {
            // In care a year or more with one placement this year: the same carer for two years or
            // more for about two thirds of the long-term group.
            var sameCarer = Chance(LongTermSamePlacement) ? start.DayNumber : asAt.AddDays(-_random.Next(365, Math.Max(366, Math.Min(730, inCare)))).DayNumber;
            placementStart = Later(start, DateOnly.FromDayNumber(Math.Min(sameCarer + _random.Next(0, 60), asAt.AddDays(-365).DayNumber)));
        }

        Set(row, l, "Start Date of Most Recent Placement", placementStart);
        var placementType = Pick(PlacementTypes, PlacementWeights);
        Set(row, l, "Placement Type", placementType);
        Set(row, l, "Placement Provider", Pick(Providers, [0.07, 0.5, 0.05, 0.33, 0.05]));
        Set(row, l, "Placement postcode", $"ZZ{_random.Next(1, 10)} {_random.Next(1, 10)}XX");
        Set(row, l, "URN of Placement", Chance(0.2) ? "SC" + _random.Next(100000, 999999).ToString(CultureInfo.InvariantCulture) : "XXXXXXX");
        Set(row, l, "Placement Location", Chance(0.6) ? "a) In" : "b) Out");
        Set(row, l, "LA of Placement", Chance(0.6) ? "This LA" : "Other LA");
        var missing = Chance(0.9) ? 0 : _random.Next(1, 12);
        Set(row, l, "Number of Episodes the Child has been ‘Missing’ from their Placement in the last 12 months", missing);
        Set(row, l, "Number of Episodes the Child has been ‘Absent’ from their Placement in the last 12 months", Chance(0.93) ? 0 : _random.Next(1, 8));
        Set(row, l, "Was the child offered a Return Interview after their last missing episode (Y/N)?", missing > 0 ? (Chance(0.9) ? "Y" : "N") : null);
        Set(row, l, "Did the child accept a Return Interview after their last missing episode (Y/N)?", missing > 0 ? (Chance(0.5) ? "Y" : "N") : null);
        SetTeam(row, l, Team(teams));
        if (end is null || end > _fileStart)
        {
            _sink.Row(l, row);
        }
    }

    /// <summary>An adoption journey for a young child in care; may end the period in care with the order.</summary>
    private void Adoption(ChildFacts child, DateOnly entered, ref DateOnly? careEnd)
    {
        var decision = Workday(entered.AddDays(_random.Next(90, 260)));
        DateOnly? order = Workday(decision.AddDays(_random.Next(40, 200)));
        DateOnly? matching = Chance(0.05) ? Workday(order.Value.AddDays(-_random.Next(1, 20))) : Workday(order.Value.AddDays(_random.Next(20, 300)));
        DateOnly? ffa = Chance(0.12) ? Workday(entered.AddDays(_random.Next(0, 60))) : null;
        DateOnly? placed = Workday(Later(matching.Value, matching.Value.AddDays(_random.Next(7, 40))));
        DateOnly? adopted = Workday(placed.Value.AddDays(_random.Next(90, 300)));
        DateOnly? reversal = null;
        if (Chance(0.08))
        {
            reversal = Workday(decision.AddDays(_random.Next(60, 400)));
            matching = placed = adopted = null;
            order = Chance(0.5) ? order : null;
        }

        if (adopted is { } a && a <= _r && (careEnd is null || a < careEnd))
        {
            careEnd = a;
        }

        static DateOnly? Known(DateOnly? d, DateOnly r) => d is { } v && v <= r ? v : null;
        order = Known(order, _r);
        matching = Known(matching, _r);
        placed = Known(placed, _r);
        adopted = Known(adopted, _r);
        reversal = Known(reversal, _r);
        ffa = Known(ffa, _r);
        if (decision > _r || !(InAdoptionWindow(decision) || InAdoptionWindow(adopted) || InAdoptionWindow(reversal)))
        {
            return;
        }

        var l = AnnexAList.Adoption;
        var row = NewRow(l, child);
        var family = matching is null ? null : "F" + (++_familyNumber).ToString("D5", CultureInfo.InvariantCulture);
        Set(row, l, "Family identifier", family);
        Set(row, l, "Date the Child Entered Care", entered);
        Set(row, l, "Date of Decision that Child Should be Placed for Adoption", decision);
        Set(row, l, "Date of Placement Order", order);
        Set(row, l, "Date of Matching Child and Prospective Adopters", matching);
        Set(row, l, "Date Placed for Adoption", placed);
        Set(row, l, "Date of Adoption Order", adopted);
        Set(row, l, "Date of Decision that Child Should No Longer be Placed for Adoption", reversal);
        Set(row, l, "Reason Why Child No Longer Placed for Adoption", reversal is null ? null : Pick(["RD1", "RD2", "RD3", "RD4"], [0.4, 0.3, 0.2, 0.1]));
        Set(row, l, "Date the child was placed for fostering in FFA or concurrent planning placement", ffa);
        _sink.Row(l, row);

        if (family is not null && matching is { } matched)
        {
            Adopters(family, matched, placed, adopted, ffa is not null);
        }
    }

    private void Adopters(string family, DateOnly matched, DateOnly? placed, DateOnly? adopted, bool ffa)
    {
        var enquiry = Workday(matched.AddDays(-_random.Next(250, 500)));
        var stage1 = Workday(enquiry.AddDays(_random.Next(10, 40)));
        var stage1End = Workday(stage1.AddDays(_random.Next(40, 70)));
        var stage2 = Workday(stage1End.AddDays(_random.Next(0, 20)));
        var stage2End = Workday(stage2.AddDays(_random.Next(100, 140)));
        var approved = Workday(stage2End.AddDays(_random.Next(0, 30)));
        var adopters = Chance(0.8) ? 2 : 1;
        for (var a = 0; a < adopters; a++)
        {
            var l = AnnexAList.Adopters;
            var row = new object?[AnnexAColumns.For(l).Count];
            Set(row, l, "Individual adopter identifier", "AD" + (++_adopterNumber).ToString("D5", CultureInfo.InvariantCulture));
            Set(row, l, "Family identifier", family);
            Set(row, l, "Gender", a == 0 ? "b) Female" : Chance(0.8) ? "a) Male" : "b) Female");
            Set(row, l, "Ethnicity", Pick(Ethnicities, EthnicityWeights));
            Set(row, l, "Disability", Chance(0.05) ? "a) Yes" : "b) No");
            Set(row, l, "Is the (prospective) adopter fostering for adoption?", ffa ? "a) Yes" : "b) No");
            Set(row, l, "Date enquiry received", enquiry);
            Set(row, l, "Date Stage 1 started", stage1);
            Set(row, l, "Date Stage 1 ended", stage1End);
            Set(row, l, "Date Stage 2 started", stage2);
            Set(row, l, "Date Stage 2 ended", stage2End);
            Set(row, l, "Date application submitted", stage2);
            Set(row, l, "Date application approved", approved);
            Set(row, l, "Date adopter matched with child(ren)", matched);
            Set(row, l, "Date child/children placed with adopter(s)", placed);
            Set(row, l, "No. of children placed", placed is null ? null : 1);
            Set(row, l, "Date of Adoption Order", adopted);
            _sink.Row(l, row);
        }
    }

    private void CareLeaver(ChildFacts child)
    {
        var age = _random.Next(17, 22);
        child.BirthDate = _r.AddDays(-(age * 365) - _random.Next(0, 365));
        var l = AnnexAList.CareLeavers;
        var row = NewRow(l, child);
        SetTeam(row, l, Team([LeavingCareTeam]));
        Set(row, l, "Eligibility Category", age < 18 ? "a) Relevant child" : Pick(Eligibility[1..], [0.9, 0.1]));
        Set(row, l, "LA In Touch", InTouch[_random.Next(InTouch.Length)]);
        Set(row, l, "Type of Accommodation", Pick(Accommodation, [0.15, 0.35, 0.1, 0.25, 0.08, 0.02, 0.05]));

        // DfE: about 88% of 19-21 year-old care leavers in suitable accommodation, about 55% in education,
        // employment or training; the rest NEET or no information.
        Set(row, l, "Suitability of Accommodation", Pick(["a) Suitable", "b) Unsuitable", null], [0.88, 0.08, 0.04]));
        Set(row, l, "Activity Status", Chance(0.55) ? Eet[_random.Next(Eet.Length)] : Chance(0.9) ? Neet[_random.Next(Neet.Length)] : null);
        Set(row, l, "Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over (Y/N)", Chance(0.12) ? "Y" : "N");
        Set(row, l, "Allocated Personal Advisor", "PA" + _random.Next(1, 40).ToString("D3", CultureInfo.InvariantCulture));
        Set(row, l, "Latest Pathway Plan Review Date", AddWorkingDays(_r, -_random.Next(0, 130)));
        Set(row, l, "Latest Date of Contact", AddWorkingDays(_r, -_random.Next(0, 60)));
        _sink.Row(l, row);
    }

    private void Contact(ChildFacts child, DateOnly date, string source)
    {
        if (!InFile(date))
        {
            return;
        }

        var row = NewRow(AnnexAList.Contacts, child);
        Set(row, AnnexAList.Contacts, "Date of Contact", date);
        Set(row, AnnexAList.Contacts, "Contact Source", Chance(0.01) ? null : source);
        _sink.Row(AnnexAList.Contacts, row);
    }

    private void EarlyHelp(ChildFacts child, DateOnly start)
    {
        if (!InFile(start))
        {
            return;
        }

        var row = NewRow(AnnexAList.EarlyHelp, child);
        Set(row, AnnexAList.EarlyHelp, "Assessment start date", start);
        var done = start.AddDays(_random.Next(10, 60));
        Set(row, AnnexAList.EarlyHelp, "Assessment completion date", done <= _r ? done : null);
        Set(row, AnnexAList.EarlyHelp, "Organisation completing assessment", EarlyHelpOrganisations[_random.Next(EarlyHelpOrganisations.Length)]);
        _sink.Row(AnnexAList.EarlyHelp, row);
    }

    private object?[] NewRow(AnnexAList list, ChildFacts child)
    {
        var row = new object?[AnnexAColumns.For(list).Count];
        Set(row, list, "Child Unique ID", child.Id);
        Set(row, list, "Gender", child.Gender);
        Set(row, list, "Ethnicity", child.Ethnicity);
        Set(row, list, "Date of Birth", Chance(0.005) ? null : child.BirthDate);
        Set(row, list, "Age of Child (Years)", AgeAt(child.BirthDate, _r));
        if (ColumnIndex.ContainsKey((list, "Does the Child have a Disability")))
        {
            Set(row, list, "Does the Child have a Disability", child.Disability);
        }

        return row;
    }

    private static int AgeAt(DateOnly birth, DateOnly at)
    {
        if (birth > at)
        {
            return -1;
        }

        var age = at.Year - birth.Year;
        return birth.AddYears(age) > at ? age - 1 : age;
    }

    private static void Set(object?[] row, AnnexAList list, string column, object? value) => row[ColumnIndex[(list, column)]] = value;

    private static void SetTeam(object?[] row, AnnexAList list, (string? Team, string? Worker) team)
    {
        Set(row, list, "Allocated Team", team.Team);
        Set(row, list, "Allocated Worker", team.Worker);
    }

    private (string? Team, string? Worker) Team(string[] teams)
    {
        if (Chance(0.02))
        {
            return (null, null); // unallocated
        }

        var t = _random.Next(teams.Length);
        return (teams[t], $"SW{(t * 20) + _random.Next(1, 16):D3}");
    }

    private bool InFile(DateOnly date) => date > _fileStart && date <= _r;

    private bool InAdoptionWindow(DateOnly? date) => date > _adoptionStart && date <= _r;

    private bool Chance(double p) => _random.NextDouble() < p;

    private int Geometric(double stop)
    {
        var n = 0;
        while (n < 20 && !Chance(stop))
        {
            n++;
        }

        return n;
    }

    private T Pick<T>(T[] values, double[] weights)
    {
        var total = weights.Sum();
        var u = _random.NextDouble() * total;
        for (var i = 0; i < values.Length; i++)
        {
            u -= weights[i];
            if (u < 0)
            {
                return values[i];
            }
        }

        return values[^1];
    }

    private (int From, int To) PickBand((int From, int To, double Share)[] bands)
    {
        var band = Pick(bands, [.. bands.Select(b => b.Share)]);
        return (band.From, band.To);
    }

    /// <summary>Mostly a working day: most weekend and bank-holiday dates move on to the next working day.</summary>
    private DateOnly Workday(DateOnly date)
    {
        if (!IsWorkingDay(date) && Chance(0.95))
        {
            while (!IsWorkingDay(date))
            {
                date = date.AddDays(1);
            }
        }

        return date;
    }

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;

    private bool IsWorkingDay(DateOnly date) => date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.Contains(date);

    /// <summary>The date <paramref name="days"/> working days after (or before) <paramref name="from"/>.</summary>
    private DateOnly AddWorkingDays(DateOnly from, int days)
    {
        var step = days >= 0 ? 1 : -1;
        var date = from;
        for (var left = Math.Abs(days); left > 0;)
        {
            date = date.AddDays(step);
            if (IsWorkingDay(date))
            {
                left--;
            }
        }

        return date;
    }

    private static Dictionary<(AnnexAList, string), int> BuildColumnIndex()
    {
        var index = new Dictionary<(AnnexAList, string), int>();
        foreach (var list in AnnexALists.All)
        {
            var columns = AnnexAColumns.For(list);
            for (var i = 0; i < columns.Count; i++)
            {
                index.TryAdd((list, columns[i]), i);
            }
        }

        return index;
    }
}
