using Trellis.Core.Interchange;

namespace Trellis.Core.Tests.Interchange;

/// <summary>How two versions' areas or actions pair up, and the words that say how.</summary>
public class PlanMatcherTests
{
    private static List<(int Left, int Right, string How)> Match(PlanMatcher.Item[] left, PlanMatcher.Item[] right) =>
        [.. PlanMatcher.Match(left, right, "ref", "text").OrderBy(p => p.Right).Select(p => (p.Left, p.Right, p.How))];

    [Fact]
    public void SameRefAndText_AfterCasePunctuationAndSpacing()
    {
        var pairs = Match([new("1.1.", "Review the  duty team.")], [new(" 1.1", "review the duty-team")]);

        Assert.Equal([(0, 0, "by ref 1.1 and text")], pairs);
    }

    [Fact]
    public void RepeatedRefs_ArePairedByText_NotByPosition()
    {
        PlanMatcher.Item[] trellis = [new("3", "Train the MASH staff"), new("3", "Publish the threshold document")];
        PlanMatcher.Item[] file = [new("3", "Publish the threshold document for partners"), new("3", "Train all the MASH staff")];

        var pairs = Match(trellis, file);

        Assert.Equal([1, 0], pairs.Select(p => p.Left));
        Assert.All(pairs, p => Assert.StartsWith("by ref 3 and similar text", p.How, StringComparison.Ordinal));
    }

    [Fact]
    public void RepeatedRefs_WithUnrelatedTexts_AreNotGuessed()
    {
        var pairs = Match([new("3", "Train the MASH staff"), new("3", "Publish the thresholds")], [new("3", "Commission an audit"), new("3", "Recruit managers")]);

        Assert.Empty(pairs);
    }

    [Fact]
    public void RefUsedOnce_MatchesWhateverTheText()
    {
        var pairs = Match([new("1.2", "Audit contacts")], [new("1.2", "Carry out a thematic audit of re-referrals")]);

        Assert.Equal([(0, 0, "by ref 1.2")], pairs);
    }

    [Fact]
    public void Renumbered_IsMatchedByText_BeforeAnotherItemTakesItsNumber()
    {
        var pairs = Match([new("2", "Quality of assessments"), new("3", "Care leavers")], [new("2", "Early help"), new("3", "Quality of assessments")]);

        Assert.Equal([(0, 1, "by text (ref 2 is now 3)")], pairs);
    }

    [Fact]
    public void LightlyEditedText_UnderAnotherNumber_IsMatchedBySimilarity_AndAnEditTooFarIsNot()
    {
        var pairs = Match(
            [new("4", "Improve the timeliness of initial child protection conferences"), new("5", "Reduce agency staffing")],
            [new("A", "Improve the timeliness of initial child protection conference"), new("B", "Stabilise the workforce")]);

        var pair = Assert.Single(pairs);
        Assert.Equal((0, 0), (pair.Left, pair.Right));
        Assert.StartsWith("by similar text (9", pair.How, StringComparison.Ordinal);
    }
}
