namespace Trellis.Indicators.AnnexA;

/// <summary>The eleven lists of Ofsted's Annex A, numbered as Ofsted numbers them.</summary>
public enum AnnexAList
{
    Contacts = 1,
    EarlyHelp = 2,
    Referrals = 3,
    Assessments = 4,
    Section47 = 5,
    ChildrenInNeed = 6,
    ChildProtection = 7,
    LookedAfter = 8,
    CareLeavers = 9,
    Adoption = 10,
    Adopters = 11,
}

public static class AnnexALists
{
    public static IReadOnlyList<AnnexAList> All { get; } = Enum.GetValues<AnnexAList>();

    /// <summary>"List 3: Referrals", as officers and the template name them.</summary>
    public static string Title(this AnnexAList list) => $"List {(int)list}: {Name(list)}";

    public static string Name(this AnnexAList list) => list switch
    {
        AnnexAList.Contacts => "Contacts",
        AnnexAList.EarlyHelp => "Early help",
        AnnexAList.Referrals => "Referrals",
        AnnexAList.Assessments => "Assessments",
        AnnexAList.Section47 => "Section 47 enquiries and initial child protection conferences",
        AnnexAList.ChildrenInNeed => "Children in need",
        AnnexAList.ChildProtection => "Child protection",
        AnnexAList.LookedAfter => "Children in care",
        AnnexAList.CareLeavers => "Care leavers",
        AnnexAList.Adoption => "Adoption",
        AnnexAList.Adopters => "Adopters",
        _ => throw new ArgumentOutOfRangeException(nameof(list)),
    };
}
