using System.Globalization;
using Trellis.Core.Owners;

namespace Trellis.Core.Tests.Owners;

public class OwnerReaderTests
{
    /// <summary>The key leads of the Lewisham plan (shared/expected/000_ea5cf699ba5c1d76.plan.json), numbered as there.</summary>
    private static readonly KnownPerson[] Lewisham =
    [
        new(1, "BQ", "Barry Quirk", "Chief Executive"),
        new(2, "SW", "Sara Williams", "Executive Director for Children and Young People"),
        new(3, "SK", "Stephen Kitchman", "Director of Children's Social Care"),
        new(4, "WT", "Warwick Tomsett", "Head of Targeted Services and Joint Commissioning"),
        new(5, "PA", "Paul Aladenika", "Principal Policy Officer"),
        new(6, "EC", "Eileen Collier", "Service Manager Quality Assurance"),
        new(7, "PK", "Paul King", "Service Manger Referral and Assessment"),
        new(8, "NS", "Naeema Sarkar", "Service Manager Family Social Work"),
        new(9, "TB", "Tina Benjamin", "Service Manager Looked After Children"),
        new(10, "AW", "Ann Wallace", "Service Manager Children with Complex Needs"),
        new(11, "NP", "Nathan Pritchard", "Service Manager Early Intervention"),
        new(12, "DD", "Duncan Dewhurst", "Head of Service IT"),
        new(13, "JSt", "Jackie Stirling", "Human Resources Business Partner"),
        new(14, "JS", "Jonathan Stevens", "Early Help Commissioner"),
        new(15, "MB", "Maame Baryeh", "Business Support Hub Manager"),
        new(16, "YA", "Yasemin Aray", "Lewisham Safeguarding Children Board Business Manager"),
        new(17, "AF", "DCI Andy Furphy", "Serious and Acquisitive Crime, Metropolitan Police"),
        new(18, "BN", "Barrie Neale", "Head of Service Governance Support"),
    ];

    /// <summary>The City of London plan's leads (002): initials and job titles only, some in mixed case.</summary>
    private static readonly KnownPerson[] City =
    [
        new(1, "NH", null, "Acting Director, Community and Children's Services"),
        new(3, "RG", null, "Early Help and Children's Social Care Service Manager"),
        new(6, "SK", null, "Independent Reviewing Officer"),
        new(8, "RdP", null, "User Engagement Lead"),
        new(9, "SG", null, "Senior Commissioning Manager"),
        new(10, "MP", null, "Commissioning Manager"),
        new(11, "SGill", null, "Senior Performance Analyst"),
    ];

    /// <summary>
    /// Expected owners in order, separated by "|": a number is a resolved person's id, anything else is the text of an
    /// unresolved owner.
    /// </summary>
    [Theory]
    // Initials, with every separator plans use.
    [InlineData("SK/JS", "3|14")]
    [InlineData("sk / js", "3|14")]
    [InlineData("BN SW", "18|2")]
    [InlineData("BN/sw", "18|2")]
    [InlineData("SW/SK", "2|3")]
    [InlineData("SK, JS", "3|14")]
    [InlineData("SK & BN", "3|18")]
    [InlineData("SK &amp; BN", "3|18")]
    [InlineData("SK and BN", "3|18")]
    [InlineData("SK + BN", "3|18")]
    [InlineData("SK; JS", "3|14")]
    [InlineData("SK\nJS", "3|14")]
    [InlineData("SK/SW/DD", "3|2|12")]
    [InlineData("JSt", "13")]
    [InlineData("JST", "13")]
    [InlineData("js", "14")]
    // Initials nobody defined stay as written.
    [InlineData("TB/JSt/JH", "9|13|JH")]
    [InlineData("JH", "JH")]
    [InlineData("YA/GS", "16|GS")]
    [InlineData("GS/SK/AF", "GS|3|17")]
    [InlineData("JH MB", "JH|15")]
    [InlineData("LSCB", "LSCB")]
    // Full names.
    [InlineData("Paul King", "7")]
    [InlineData("paul  KING", "7")]
    [InlineData("Stephen Kitchman/Nathan Pritchard", "3|11")]
    [InlineData("Stephen Kitchman and Nathan Pritchard", "3|11")]
    [InlineData("Paul King & SK", "7|3")]
    [InlineData("Stephen Kitchman, Geeta Subramaniam, Eileen Collier", "3|Geeta Subramaniam|6")]
    [InlineData("Joy Howick and Siobhan Wallace", "Joy Howick|Siobhan Wallace")]
    [InlineData("Paul King, JH", "7|JH")]
    [InlineData("Paul King, Jane Hill", "7|Jane Hill")]
    // Titles are ignored when the rest of the name matches exactly.
    [InlineData("DCI Andy Furphy", "17")]
    [InlineData("Andy Furphy", "17")]
    [InlineData("Dr Paul King", "7")]
    [InlineData("Cllr. Barrie Neale", "18")]
    [InlineData("Paul Kingsley", "Paul Kingsley")]
    // A surname one letter out, for exactly one lead with the same first name, resolves (with a warning, below).
    [InlineData("Stephen Kitchman/Barrie Neal", "3|18")]
    [InlineData("Ann Walace", "10")]
    [InlineData("Barry Neale", "Barry Neale")]
    [InlineData("B Neale", "B Neale")]
    [InlineData("Paul Kin", "Paul Kin")]
    // A remark in brackets describes the owner.
    [InlineData("Andy Furphy (AF)", "17")]
    [InlineData("Barrie Neale (BN), Sara Williams (SW)", "18|2")]
    [InlineData("SK (lead)/JS", "3|14")]
    // Job titles.
    [InlineData("Chief Executive", "1")]
    [InlineData("chief executive", "1")]
    [InlineData("Head of Targeted Services and Joint Commissioning", "4")]
    [InlineData("Serious and Acquisitive Crime, Metropolitan Police", "17")]
    [InlineData("Director of Children\u2019s Social Care", "3")]
    [InlineData("SK/Head of Service IT", "3|12")]
    // A lead written as name, then what they do: one owner.
    [InlineData("Paul King, Service Manager Referral and Assessment", "7")]
    [InlineData("Paul King, Service Manger Referral and Assessment", "7")]
    [InlineData("PK - Service Manager", "7")]
    [InlineData("Andy Furphy, Serious and Acquisitive Crime, Metropolitan Police", "17")]
    // Roles and teams nobody in the table holds stay whole.
    [InlineData("Chair of PSCB", "Chair of PSCB")]
    [InlineData("Children's Social Care Departmental Management Team", "Children's Social Care Departmental Management Team")]
    [InlineData("Head of Safeguarding and Quality Assurance", "Head of Safeguarding and Quality Assurance")]
    [InlineData("Head of Service / Team Managers", "Head of Service / Team Managers")]
    [InlineData("JH and Head of Service", "JH and Head of Service")]
    [InlineData("SK and Head of Safeguarding and Quality Assurance", "3|Head of Safeguarding and Quality Assurance")]
    // Duplicates.
    [InlineData("SK/SK", "3")]
    [InlineData("SK/Stephen Kitchman", "3")]
    [InlineData("JH/SK/jh", "JH|3")]
    public void Read_LewishamOwners_ResolvesAsExpected(string text, string expected)
    {
        Assert.Equal(expected, Describe(OwnerReader.Read(text, Lewisham)));
    }

    [Theory]
    [InlineData("RdP", "8")]
    [InlineData("rdp/SK", "8|6")]
    [InlineData("SGill", "11")]
    [InlineData("SG/SGill", "9|11")]
    [InlineData("SG SGill", "9|11")]
    [InlineData("RG and MP", "3|10")]
    [InlineData("Independent Reviewing Officer", "6")]
    [InlineData("Acting Director, Community and Children's Services", "1")]
    [InlineData("Commissioning Manager/Senior Commissioning Manager", "10|9")]
    public void Read_CityOwners_MatchesMixedCaseInitialsAndJobTitles(string text, string expected)
    {
        Assert.Equal(expected, Describe(OwnerReader.Read(text, City)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  \n ")]
    public void Read_Empty_GivesNoOwners(string? text)
    {
        Assert.Empty(OwnerReader.Read(text, Lewisham));
    }

    [Fact]
    public void Read_Resolved_KeepsThePieceAsWrittenWithoutWarning()
    {
        var owners = OwnerReader.Read("BN/sw", Lewisham);

        Assert.Equal([new OwnerReading("BN", 18, null), new OwnerReading("sw", 2, null)], owners);
        Assert.All(owners, o => Assert.True(o.IsResolved));
    }

    [Fact]
    public void Read_UnknownInitials_WarnsWithoutGuessing()
    {
        var owners = OwnerReader.Read("TB/JSt/JH", Lewisham);

        Assert.Equal(new OwnerReading("JH", null, "'JH' does not match anyone in the key leads table"), owners[2]);
        Assert.False(owners[2].IsResolved);
    }

    [Fact]
    public void Read_Role_IsOneUnresolvedOwnerWithTheWholeText()
    {
        var owners = OwnerReader.Read("  Chair of PSCB ", Lewisham);

        Assert.Equal([new OwnerReading("Chair of PSCB", null, "'Chair of PSCB' does not match anyone in the key leads table")], owners);
    }

    [Fact]
    public void Read_NameThenJobTitle_KeepsTheWholeTextOnTheOneOwner()
    {
        var owners = OwnerReader.Read("Paul King, Service Manager Referral and Assessment", Lewisham);

        Assert.Equal([new OwnerReading("Paul King, Service Manager Referral and Assessment", 7, null)], owners);
    }

    [Fact]
    public void Read_InitialsSharedByTwoLeads_IsNotGuessed()
    {
        KnownPerson[] people = [new(1, "JS", "Jonathan Stevens"), new(2, "JS", "Jane Smith"), new(3, "SK", "Stephen Kitchman")];

        var owners = OwnerReader.Read("JS/SK", people);

        Assert.Equal(
            [new OwnerReading("JS", null, "'JS' matches more than one person in the key leads table"), new OwnerReading("SK", 3, null)],
            owners);
    }

    [Fact]
    public void Read_NoKeyLeads_LeavesEveryOwnerUnresolved()
    {
        var owners = OwnerReader.Read("SK/JS", []);

        Assert.Equal(["SK", "JS"], owners.Select(o => o.Text));
        Assert.All(owners, o => Assert.NotNull(o.Warning));
    }

    [Fact]
    public void Read_MisspeltSurname_ResolvesWithAWarningToCheck()
    {
        var owners = OwnerReader.Read("Stephen Kitchman/Barrie Neal", Lewisham);

        Assert.Equal(
            [
                new OwnerReading("Stephen Kitchman", 3, null),
                new OwnerReading("Barrie Neal", 18, "'Barrie Neal' is read as Barrie Neale, as the key leads table spells it"),
            ],
            owners);
    }

    [Fact]
    public void Read_MisspeltSurnameNearTwoLeads_IsNotGuessed()
    {
        KnownPerson[] people = [new(1, "JSi", "Jo Smith"), new(2, "JSy", "Jo Smyth")];

        Assert.Equal("Jo Smeth", Describe(OwnerReader.Read("Jo Smeth", people)));
        Assert.Equal("1", Describe(OwnerReader.Read("Jo Smith", people)));
    }

    [Theory]
    [InlineData("Dr")]
    [InlineData("Dr Rowe")]
    [InlineData("Dr D Rowe")]
    public void Read_TitleWithPartOfAName_IsNotGuessed(string text)
    {
        var owners = OwnerReader.Read(text, [new KnownPerson(1, "DDR", "Dr David Rowe")]);

        Assert.Equal(text, Describe(owners));
    }

    private static string Describe(IReadOnlyList<OwnerReading> owners) =>
        string.Join('|', owners.Select(o => o.PersonId?.ToString(CultureInfo.InvariantCulture) ?? o.Text));
}
