using Trellis.Core.Import;
using Trellis.Core.Interchange;

namespace Trellis.Core.Tests.Import;

/// <summary>Changes made on the import review screen: each gives a document that still passes the format's rules.</summary>
public class PlanDocumentEditsTests
{
    private static PlanDocument Document() => new()
    {
        Organisation = new OrganisationDoc { Name = "Riverside Borough Council" },
        Plan = new PlanDoc { Title = "Improvement plan" },
        People = [new PersonDoc { Id = "p1", Initials = "SK", Name = "Sam Kaur" }, new PersonDoc { Id = "p2", Initials = "JS", Name = "Jo Stone" }],
        Areas =
        [
            new AreaDoc
            {
                Number = "1",
                Title = "Front door",
                Leads = [new OwnerDoc { Text = "JH" }],
                Warnings = ["'JH' does not match anyone in the key leads table"],
                Actions =
                [
                    new ActionDoc { Ref = "1.1", Text = "Review the rota", Owners = [new OwnerDoc { Text = "JH" }, new OwnerDoc { Person = "p1" }], Warnings = ["'JH' does not match anyone in the key leads table", "Ref '1.1' is also used"] },
                    new ActionDoc { Ref = "1.2", Text = "Audit contacts", Owners = [new OwnerDoc { Text = "Chair of PSCB" }] },
                ],
            },
            new AreaDoc { Number = "2", Title = "Early help", Actions = [new ActionDoc { Ref = "2.1", Text = "Publish the strategy" }] },
        ],
        Indicators = [new IndicatorDoc { Id = "k1", Name = "Contacts decided in a day", Areas = ["1", "2"] }],
        Unplaced = ["February 2016", "Introduction"],
    };

    [Fact]
    public void RemoveArea_IndicatorsStopNamingIt_AndTheDocumentIsValid()
    {
        var edited = PlanDocumentEdits.RemoveArea(Document(), 0);
        Assert.Equal(["2"], edited.Areas.Select(a => a.Number));
        Assert.Equal(["2"], edited.Indicators![0].Areas!);
        Assert.Empty(PlanDocumentValidator.Validate(edited));
    }

    [Fact]
    public void ReplaceArea_Renumbered_IndicatorsFollow()
    {
        var document = Document();
        var edited = PlanDocumentEdits.ReplaceArea(document, 0, document.Areas[0] with { Number = "1A" });
        Assert.Equal(["1A", "2"], edited.Indicators![0].Areas!);
        Assert.Empty(PlanDocumentValidator.Validate(edited));
    }

    [Fact]
    public void MatchOwner_ReplacesTheTextEverywhere_AndDropsOnlyItsWarnings()
    {
        var edited = PlanDocumentEdits.MatchOwner(Document(), "JH", "p2");
        Assert.Equal("p2", edited.Areas[0].Leads![0].Person);
        Assert.Equal(["p2", "p1"], edited.Areas[0].Actions![0].Owners!.Select(o => o.Person));
        Assert.Null(edited.Areas[0].Warnings);
        Assert.Equal(["Ref '1.1' is also used"], edited.Areas[0].Actions![0].Warnings!);
        Assert.Equal([("Chair of PSCB", 1)], PlanDocumentEdits.UnmatchedOwners(edited));
        Assert.Empty(PlanDocumentValidator.Validate(edited));
    }

    [Fact]
    public void ReadOwners_InitialsBecomePeople_AndOthersStayAsWrittenWithAWarning()
    {
        var (owners, warnings) = PlanDocumentEdits.ReadOwners(Document(), "SK/JH");
        Assert.Equal("p1", owners[0].Person);
        Assert.Equal("JH", owners[1].Text);
        Assert.Single(warnings);
        Assert.Equal("SK/JH", PlanDocumentEdits.WriteOwners(Document(), owners));
    }

    [Fact]
    public void PlaceInComments_MovesTheText()
    {
        var edited = PlanDocumentEdits.PlaceInComments(Document(), 1, 1, 0);
        Assert.Equal("Introduction", edited.Areas[1].Actions![0].Comments);
        Assert.Equal(["February 2016"], edited.Unplaced!);
        Assert.Null(PlanDocumentEdits.DismissUnplaced(edited, 0).Unplaced);
    }
}
