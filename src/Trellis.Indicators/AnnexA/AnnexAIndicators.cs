namespace Trellis.Indicators.AnnexA;

/// <summary>How an indicator's reference date and window relate to the data's coverage (§2).</summary>
internal enum IndicatorTiming
{
    /// <summary>Counts events in the window (1-11, 13, 14, 24, 25).</summary>
    Period,

    /// <summary>A position at R that the data can show at any date in coverage (12, 18).</summary>
    Snapshot,

    /// <summary>A position at R read from fields that hold only the latest value at extract (15-17, 19-23).</summary>
    PositionAtExtract,
}

internal sealed record IndicatorDefinition(
    int Id,
    string Key,
    string Name,
    IndicatorUnit Unit,
    Polarity Polarity,
    IndicatorTiming Timing,
    string Fidelity,
    AnnexAList List,
    int[] Slots);

/// <summary>The 25 indicators of DEFINITIONS §4, with the columns each one uses.</summary>
public static class AnnexAIndicators
{
    private const IndicatorUnit Pct = IndicatorUnit.Percent;
    private const IndicatorUnit Rate = IndicatorUnit.RatePer10000;
    private const IndicatorUnit Mean = IndicatorUnit.MeanDays;
    private const Polarity H = Polarity.Higher;
    private const Polarity L = Polarity.Lower;
    private const Polarity N = Polarity.Neutral;
    private const IndicatorTiming P = IndicatorTiming.Period;
    private const IndicatorTiming S = IndicatorTiming.Snapshot;
    private const IndicatorTiming X = IndicatorTiming.PositionAtExtract;

    internal static IReadOnlyList<IndicatorDefinition> Definitions { get; } =
    [
        new(1, "contacts-per-10k", "Contacts per 10,000 children", Rate, N, P, "exact", AnnexAList.Contacts, [AnnexAFields.Id, AnnexAFields.ContactDate]),
        new(2, "contacts-with-referral", "Children with a contact who also had a referral", Pct, N, P, "proxy: no contact outcome", AnnexAList.Contacts, [AnnexAFields.Id, AnnexAFields.ContactDate]),
        new(3, "referrals-per-10k", "Referrals per 10,000 children", Rate, N, P, "exact", AnnexAList.Referrals, [AnnexAFields.Id, AnnexAFields.ReferralDate]),
        new(4, "re-referrals-within-12-months", "Re-referrals within 12 months", Pct, L, P, "exact via history; misses prior referrals before C0 that the 12-month count cannot show", AnnexAList.Referrals, [AnnexAFields.Id, AnnexAFields.ReferralDate, AnnexAFields.ReferralsLast12]),
        new(5, "referrals-nfa", "Referrals resulting in no further action", Pct, N, P, "exact", AnnexAList.Referrals, [AnnexAFields.Id, AnnexAFields.ReferralDate, AnnexAFields.ReferralNfa]),
        new(6, "assessments-within-45-wd", "Assessments completed within 45 working days", Pct, H, P, "proxy: clock from assessment start, not referral", AnnexAList.Assessments, [AnnexAFields.Id, AnnexAFields.AssessmentStart, AnnexAFields.AssessmentAuthorised]),
        new(7, "assessments-child-seen", "Child seen during assessment", Pct, H, P, "exact", AnnexAList.Assessments, [AnnexAFields.Id, AnnexAFields.AssessmentAuthorised, AnnexAFields.AssessmentSeen]),
        new(8, "s47-per-10k", "Section 47 enquiries per 10,000 children", Rate, N, P, "exact", AnnexAList.Section47, [AnnexAFields.Id, AnnexAFields.S47Date]),
        new(9, "s47-to-icpc", "Section 47 enquiries leading to an initial child protection conference", Pct, N, P, "exact", AnnexAList.Section47, [AnnexAFields.Id, AnnexAFields.S47Date, AnnexAFields.IcpcUnnecessary, AnnexAFields.IcpcDate]),
        new(10, "icpc-within-15-wd", "Initial child protection conferences within 15 working days", Pct, H, P, "exact", AnnexAList.Section47, [AnnexAFields.Id, AnnexAFields.S47Date, AnnexAFields.IcpcDate]),
        new(11, "icpc-to-cpp", "Initial child protection conferences resulting in a plan", Pct, N, P, "exact", AnnexAList.Section47, [AnnexAFields.Id, AnnexAFields.IcpcDate, AnnexAFields.IcpcResult]),
        new(12, "cpp-per-10k", "Children on a child protection plan per 10,000 children", Rate, N, S, "exact (plan superseded after R unlisted)", AnnexAList.ChildProtection, [AnnexAFields.Id, AnnexAFields.CppStart, AnnexAFields.CppEnd]),
        new(13, "cpp-second-or-subsequent", "Child protection plans that are a second or subsequent plan", Pct, L, P, "exact (ever, not within 2 years)", AnnexAList.ChildProtection, [AnnexAFields.Id, AnnexAFields.CppStart, AnnexAFields.CppPrevious]),
        new(14, "cpp-ended-after-2-years", "Child protection plans ended that lasted 2 years or more", Pct, L, P, "exact", AnnexAList.ChildProtection, [AnnexAFields.Id, AnnexAFields.CppStart, AnnexAFields.CppEnd]),
        new(15, "cp-visit-within-10-wd", "Child protection plans with a visit in the last 10 working days", Pct, H, X, "snapshot proxy", AnnexAList.ChildProtection, [AnnexAFields.Id, AnnexAFields.CppStart, AnnexAFields.CppEnd, AnnexAFields.CppLastVisit]),
        new(16, "cp-review-in-timescale", "Child protection plans reviewed in timescale", Pct, H, X, "snapshot proxy", AnnexAList.ChildProtection, [AnnexAFields.Id, AnnexAFields.CppStart, AnnexAFields.CppEnd, AnnexAFields.CppLastReview]),
        new(17, "cin-seen-within-20-wd", "Children on a child in need plan seen in the last 20 working days", Pct, H, X, "snapshot proxy", AnnexAList.ChildrenInNeed, [AnnexAFields.Id, AnnexAFields.CinStart, AnnexAFields.CinClosure, AnnexAFields.CinLastSeen, AnnexAFields.CinCaseStatus]),
        new(18, "cla-per-10k", "Children looked after per 10,000 children", Rate, N, S, "exact", AnnexAList.LookedAfter, [AnnexAFields.Id, AnnexAFields.ClaStart, AnnexAFields.ClaCeased]),
        new(19, "cla-3-plus-placements", "Children looked after with 3 or more placements in 12 months", Pct, L, X, "exact at R = C1", AnnexAList.LookedAfter, [AnnexAFields.Id, AnnexAFields.ClaStart, AnnexAFields.ClaCeased, AnnexAFields.ClaPlacements]),
        new(20, "cla-long-term-stability", "Long-term placement stability", Pct, H, X, "proxy: adoption-placement rule not computable", AnnexAList.LookedAfter, [AnnexAFields.Id, AnnexAFields.Dob, AnnexAFields.ClaStart, AnnexAFields.ClaCeased, AnnexAFields.ClaPlacementStart]),
        new(21, "cla-health-assessment-up-to-date", "Children looked after with a health assessment up to date", Pct, H, X, "approximation", AnnexAList.LookedAfter, [AnnexAFields.Id, AnnexAFields.Dob, AnnexAFields.ClaStart, AnnexAFields.ClaCeased, AnnexAFields.ClaHealth]),
        new(22, "care-leavers-19-21-eet", "Care leavers aged 19 to 21 in education, employment or training", Pct, H, X, "snapshot, not birthday window", AnnexAList.CareLeavers, [AnnexAFields.Id, AnnexAFields.Dob, AnnexAFields.LeaverActivity]),
        new(23, "care-leavers-19-21-suitably-housed", "Care leavers aged 19 to 21 in suitable accommodation", Pct, H, X, "snapshot", AnnexAList.CareLeavers, [AnnexAFields.Id, AnnexAFields.Dob, AnnexAFields.LeaverSuitability]),
        new(24, "adoption-a1-mean-days", "Average days from entering care to moving in with adopters (A1/A10)", Mean, L, P, "approximation: A10 foster-start rule absent; DfE uses 3 years", AnnexAList.Adoption, [AnnexAFields.Id, AnnexAFields.AdoptionEnteredCare, AnnexAFields.AdoptionPlaced, AnnexAFields.AdoptionFfa, AnnexAFields.AdoptionOrder]),
        new(25, "adoption-a2-mean-days", "Average days from placement order to match (A2)", Mean, L, P, "exact", AnnexAList.Adoption, [AnnexAFields.Id, AnnexAFields.AdoptionPlacementOrder, AnnexAFields.AdoptionMatched, AnnexAFields.AdoptionOrder]),
    ];

    /// <summary>The indicator ids and their stable keys, in id order.</summary>
    public static IReadOnlyList<(int Id, string Key, string Name)> All { get; } =
        [.. Definitions.Select(d => (d.Id, d.Key, d.Name))];
}
