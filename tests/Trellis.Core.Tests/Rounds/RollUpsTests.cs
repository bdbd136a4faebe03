using Trellis.Core.Plans;
using Trellis.Core.Reports;
using Trellis.Core.Rounds;

namespace Trellis.Core.Tests.Rounds;

public class RollUpsTests
{
    private static readonly IReadOnlyList<ReportRating> Scale = RagSuggester.Scale(RagRating.DefaultScale(RagScale.Progress), RagScale.Progress);

    private static ReportAction A(string? rag, ActionStatus? status = ActionStatus.InProgress, DateOnly? due = null) =>
        new() { Ref = "1", Text = "x", RagCode = rag, Status = status, DueDate = due };

    [Fact]
    public void Percentages_UseLargestRemainder_AndAddUpTo100()
    {
        Assert.Equal([34, 33, 33], RollUps.Percentages([1, 1, 1], 3));
        Assert.Equal([47, 35, 18], RollUps.Percentages([34, 25, 13], 72));
        Assert.Equal([0, 0], RollUps.Percentages([0, 0], 0));
    }

    [Fact]
    public void For_CountsByRatingInScaleOrder_ThenNotRated()
    {
        var asAt = new DateOnly(2016, 11, 1);
        var actions = Enumerable.Repeat(A("G", due: new DateOnly(2017, 3, 31)), 34)
            .Concat(Enumerable.Repeat(A("A", due: new DateOnly(2016, 10, 1)), 25))
            .Concat(Enumerable.Repeat(A("R", due: new DateOnly(2017, 4, 1)), 13))
            .Append(A(null, ActionStatus.Complete, new DateOnly(2016, 1, 1)));
        var r = RollUps.For(actions, Scale, asAt);
        Assert.Equal(73, r.Total);
        Assert.Equal(59, r.DueThisYear);
        Assert.Equal(25, r.Overdue);
        Assert.Equal(["R", "A", "G", "B", "none"], r.ByRag.Select(c => c.Key));
        Assert.Equal([13, 25, 34, 0, 1], r.ByRag.Select(c => c.Count));
        Assert.Equal(100, r.ByRag.Sum(c => c.Percent));
        Assert.Equal(100, r.ByStatus.Sum(c => c.Percent));
        Assert.Equal(72, r.ByStatus.Single(c => c.Key == "InProgress").Count);
    }

    [Fact]
    public void Sentence_UsesThePlansLabels()
    {
        var actions = Enumerable.Repeat(A("G"), 34).Concat(Enumerable.Repeat(A("A"), 25)).Concat(Enumerable.Repeat(A("R"), 13));
        var r = RollUps.For(actions, Scale, new DateOnly(2016, 11, 1));
        Assert.Equal("Of 72 actions, 13 (18%) are rated Red, 25 (35%) Amber and 34 (47%) Green. 0 are due this year and 0 are overdue.", RollUps.Sentence(r, Scale));
    }
}
