namespace Trellis.Indicators.AnnexA;

/// <summary>How a used column's cells are read (DEFINITIONS §1.2).</summary>
internal enum FieldKind : byte
{
    Id,
    Date,
    Count,
    Text,
    SourceCode,
    YesNo,
    YesNoUnknown,
    CaseStatus,
    Activity,
    Suitability,
}

/// <summary>A code read from a cell. Blank and Unreadable are kept apart (§1.4).</summary>
public enum AnnexACode : byte
{
    Blank = 0,
    Unreadable,
    Yes,
    No,
    Unknown,
    StatusA,
    StatusB,
    StatusC,
    StatusD,
    StatusE,
    Eet,
    Neet,
    Suitable,
    Unsuitable,
}

internal readonly record struct FieldSpec(string Column, FieldKind Kind);

/// <summary>
/// The columns the indicators use, per list, as slots: 0 ID, 1 DOB, 2 team, 3 worker (absent on
/// L1 and L10), then the list's own. Slot constants are shared by builder and engine.
/// </summary>
internal static class AnnexAFields
{
    public const int Id = 0, Dob = 1, Team = 2, Worker = 3;

    // L1
    public const int ContactDate = 4, ContactSource = 5;

    // L3
    public const int ReferralDate = 4, ReferralSource = 5, ReferralNfa = 6, ReferralsLast12 = 7;

    // L4
    public const int AssessmentStart = 4, AssessmentSeen = 5, AssessmentAuthorised = 6;

    // L5
    public const int S47Date = 4, IcpcUnnecessary = 5, IcpcDate = 6, IcpcResult = 7;

    // L6
    public const int CinStart = 4, CinClosure = 5, CinLastSeen = 6, CinCaseStatus = 7;

    // L7
    public const int CppStart = 4, CppEnd = 5, CppLastVisit = 6, CppLastReview = 7, CppPrevious = 8;

    // L8
    public const int ClaStart = 4, ClaCeased = 5, ClaPlacements = 6, ClaPlacementStart = 7, ClaHealth = 8;

    // L9
    public const int LeaverActivity = 4, LeaverSuitability = 5;

    // L10
    public const int AdoptionEnteredCare = 4, AdoptionDecision = 5, AdoptionPlacementOrder = 6, AdoptionMatched = 7,
        AdoptionPlaced = 8, AdoptionOrder = 9, AdoptionFfa = 10;

    private static readonly FieldSpec IdSpec = new("Child Unique ID", FieldKind.Id);
    private static readonly FieldSpec DobSpec = new("Date of Birth", FieldKind.Date);
    private static readonly FieldSpec TeamSpec = new("Allocated Team", FieldKind.Text);
    private static readonly FieldSpec WorkerSpec = new("Allocated Worker", FieldKind.Text);
    private static readonly FieldSpec NoField = new(string.Empty, FieldKind.Text);

    private static readonly Dictionary<AnnexAList, FieldSpec[]> Specs = new()
    {
        [AnnexAList.Contacts] = [IdSpec, DobSpec, NoField, NoField, new("Date of Contact", FieldKind.Date), new("Contact Source", FieldKind.SourceCode)],
        [AnnexAList.Referrals] =
        [
            IdSpec, DobSpec, TeamSpec, WorkerSpec, new("Date of referral", FieldKind.Date), new("Referral Source", FieldKind.SourceCode),
            new("Referral NFA?", FieldKind.YesNo), new("Number of Referrals in Last 12 Months", FieldKind.Count),
        ],
        [AnnexAList.Assessments] =
        [
            IdSpec, DobSpec, TeamSpec, WorkerSpec, new("Continuous Assessment Start Date", FieldKind.Date),
            new("Child Seen During Continuous Assessment", FieldKind.YesNoUnknown), new("Continuous Assessment Date of Authorisation", FieldKind.Date),
        ],
        [AnnexAList.Section47] =
        [
            IdSpec, DobSpec, TeamSpec, WorkerSpec, new("Strategy discussion initiating Section 47 Enquiry Start Date", FieldKind.Date),
            new("Was an Initial Child Protection Conference deemed unnecessary?", FieldKind.YesNo),
            new("Date of Initial Child Protection Conference", FieldKind.Date),
            new("Did the Initial Child Protection Conference Result in a Child Protection Plan", FieldKind.YesNo),
        ],
        [AnnexAList.ChildrenInNeed] =
        [
            IdSpec, DobSpec, TeamSpec, WorkerSpec, new("CIN Start Date", FieldKind.Date), new("CIN Closure Date", FieldKind.Date),
            new("Date Child Was Last Seen", FieldKind.Date), new("Case status", FieldKind.CaseStatus),
        ],
        [AnnexAList.ChildProtection] =
        [
            IdSpec, DobSpec, TeamSpec, WorkerSpec, new("Child Protection Plan Start Date", FieldKind.Date),
            new("Child Protection Plan End Date", FieldKind.Date), new("Date of the Last Statutory Visit", FieldKind.Date),
            new("Date of latest review conference", FieldKind.Date), new("Number of Previous Child Protection Plans", FieldKind.Count),
        ],
        [AnnexAList.LookedAfter] =
        [
            IdSpec, DobSpec, TeamSpec, WorkerSpec, new("Date Started to be Looked After", FieldKind.Date),
            new("Date Ceased to be Looked After", FieldKind.Date), new("Number of Placements in the Last 12 months", FieldKind.Count),
            new("Start Date of Most Recent Placement", FieldKind.Date), new("Date of Last Health Assessment", FieldKind.Date),
        ],
        [AnnexAList.CareLeavers] =
        [
            IdSpec, DobSpec, TeamSpec, WorkerSpec, new("Activity Status", FieldKind.Activity), new("Suitability of Accommodation", FieldKind.Suitability),
        ],
        [AnnexAList.Adoption] =
        [
            IdSpec, DobSpec, NoField, NoField, new("Date the Child Entered Care", FieldKind.Date),
            new("Date of Decision that Child Should be Placed for Adoption", FieldKind.Date), new("Date of Placement Order", FieldKind.Date),
            new("Date of Matching Child and Prospective Adopters", FieldKind.Date), new("Date Placed for Adoption", FieldKind.Date),
            new("Date of Adoption Order", FieldKind.Date),
            new("Date the child was placed for fostering in FFA or concurrent planning placement", FieldKind.Date),
        ],
    };

    /// <summary>The slots of a list the engine reads; null for lists no indicator uses (L2, L11).</summary>
    public static FieldSpec[]? For(AnnexAList list) => Specs.GetValueOrDefault(list);

    public static bool IsCode(FieldKind kind) => kind is FieldKind.YesNo or FieldKind.YesNoUnknown or FieldKind.CaseStatus
        or FieldKind.Activity or FieldKind.Suitability;

    /// <summary>The duplicate key's slots after the ID (§1.3).</summary>
    public static (int A, int B) KeySlots(AnnexAList list) => list switch
    {
        AnnexAList.Contacts => (ContactDate, ContactSource),
        AnnexAList.Referrals => (ReferralDate, ReferralSource),
        AnnexAList.Assessments => (AssessmentStart, -1),
        AnnexAList.Section47 => (S47Date, -1),
        AnnexAList.ChildrenInNeed => (CinStart, -1),
        AnnexAList.ChildProtection => (CppStart, -1),
        AnnexAList.LookedAfter => (ClaStart, -1),
        AnnexAList.Adoption => (AdoptionDecision, -1),
        _ => (-1, -1),
    };

    /// <summary>"Case Status" and "case_status" both become "casestatus" (§1.1).</summary>
    public static string HeaderKey(string header)
    {
        Span<char> buffer = header.Length <= 256 ? stackalloc char[header.Length] : new char[header.Length];
        var n = 0;
        foreach (var c in header)
        {
            var lower = char.ToLowerInvariant(c);
            if (lower is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                buffer[n++] = lower;
            }
        }

        return new string(buffer[..n]);
    }
}
