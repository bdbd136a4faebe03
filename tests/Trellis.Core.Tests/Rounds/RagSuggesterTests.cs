using Trellis.Core.Plans;
using Trellis.Core.Reports;
using Trellis.Core.Rounds;

namespace Trellis.Core.Tests.Rounds;

public class RagSuggesterTests
{
    // Codes deliberately unlike the colours: the suggester must find ratings by colour.
    private static readonly IReadOnlyList<ReportRating> Scale =
    [
        new("1", "Off track", null, RagColour.Red, false),
        new("2", "At risk", null, RagColour.Amber, false),
        new("3", "On track", null, RagColour.Green, false),
        new("4", "Done", null, RagColour.Blue, true),
    ];

    private static readonly DateOnly Today = new(2016, 7, 10);

    [Fact]
    public void Overdue_AndNotComplete_SuggestsRed_WithReason()
    {
        var s = RagSuggester.Explain(ActionStatus.InProgress, new DateOnly(2016, 6, 30), Today, 14, Scale);
        Assert.Equal("1", s!.Code);
        Assert.Equal("Due 30 June 2016 and not complete: the plan's rules suggest Off track", s.Reason);
    }

    [Theory]
    [InlineData(ActionStatus.NotStarted, 2016, 7, 24, "2")]
    [InlineData(null, 2016, 7, 10, "2")]
    [InlineData(ActionStatus.NotStarted, 2016, 7, 25, null)]
    [InlineData(ActionStatus.InProgress, 2016, 7, 20, null)]
    public void DueSoon_AndNotStarted_SuggestsAmber(ActionStatus? status, int y, int m, int d, string? expected) =>
        Assert.Equal(expected, RagSuggester.Suggest(status, new DateOnly(y, m, d), Today, 14, Scale));

    [Fact]
    public void Complete_SuggestsTheCompleteRating_OrGreenWithoutOne()
    {
        Assert.Equal("4", RagSuggester.Suggest(ActionStatus.Complete, new DateOnly(2016, 1, 1), Today, 14, Scale));
        Assert.Equal("3", RagSuggester.Suggest(ActionStatus.Complete, null, Today, 14, [.. Scale.Take(3)]));
    }

    [Fact]
    public void Dropped_OrNoDate_SuggestsNothing()
    {
        Assert.Null(RagSuggester.Suggest(ActionStatus.Dropped, new DateOnly(2016, 1, 1), Today, 14, Scale));
        Assert.Null(RagSuggester.Suggest(ActionStatus.NotStarted, null, Today, 14, Scale));
    }
}
