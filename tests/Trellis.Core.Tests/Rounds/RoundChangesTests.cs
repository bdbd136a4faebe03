using Trellis.Core.Plans;
using Trellis.Core.Reports;
using Trellis.Core.Rounds;

namespace Trellis.Core.Tests.Rounds;

public class RoundChangesTests
{
    private static readonly IReadOnlyList<ReportRating> Scale = RagSuggester.Scale(RagRating.DefaultScale(RagScale.Progress), RagScale.Progress);
    private static readonly IReadOnlyList<ReportRating> Impact = RagSuggester.Scale(RagRating.DefaultScale(RagScale.Impact), RagScale.Impact);

    private static BoardReport Report(params ReportArea[] areas) => new()
    {
        CouncilName = "Riverside",
        PlanTitle = "Plan",
        Round = new ReportRound("2016/17 Q1", new DateOnly(2016, 4, 1), new DateOnly(2016, 6, 30), new DateOnly(2016, 7, 1), true),
        ProgressScale = Scale,
        ImpactScale = Impact,
        Areas = areas,
        PlanRollUp = new RollUp(0, 0, 0, [], []),
    };

    private static ReportArea Area(string number, string? progress, string? impact, params ReportAction[] actions) => new()
    {
        Number = number,
        Title = "Area " + number,
        ProgressRag = progress,
        ImpactRag = impact,
        Actions = actions,
        RollUp = new RollUp(0, 0, 0, [], []),
    };

    private static ReportAction Action(string @ref, string text, string? rag, ActionStatus? status = ActionStatus.InProgress, bool overdue = false) =>
        new() { Ref = @ref, Text = text, RagCode = rag, Status = status, IsOverdue = overdue, DueDate = new DateOnly(2016, 6, 30) };

    [Fact]
    public void NoPrevious_NoChanges() => Assert.Empty(RoundChanges.Compare(null, Report()));

    [Fact]
    public void Compare_FindsEveryKind_MatchingRepeatedRefsByText()
    {
        var before = Report(
            Area("1", "R", "R",
                Action("3.", "Audit cases", "R"),
                Action("3.", "Train staff", "G"),
                Action("4", "Review duty rota", "A"),
                Action("5", "Old action", "A"),
                Action("6", "Stop this", "A")),
            Area("2", "A", null, Action("1", "Gone with its area", "G")));
        var after = Report(
            Area("1", "A", "R",
                Action("3.", "Audit cases", "A"),
                Action("3.", "Train staff", "G", overdue: true),
                Action("4", "Review duty rota", "B", ActionStatus.Complete),
                Action("6", "Stop this", "A", ActionStatus.Dropped),
                Action("7", "Brand new", null)));

        var changes = RoundChanges.Compare(before, after);

        Assert.Contains(changes, c => c is { Kind: ChangeKind.AreaProgressUp, AreaNumber: "1", ActionRef: null, Description: "Progress Red to Amber" });
        Assert.Contains(changes, c => c is { Kind: ChangeKind.RagUp, ActionText: "Audit cases", Description: "Red to Amber" });
        Assert.DoesNotContain(changes, c => c.ActionText == "Train staff" && c.Kind is ChangeKind.RagUp or ChangeKind.RagDown);
        Assert.Contains(changes, c => c is { Kind: ChangeKind.NewlyOverdue, ActionText: "Train staff", Description: "Due 30 June 2016, now overdue" });
        Assert.Contains(changes, c => c is { Kind: ChangeKind.Completed, ActionText: "Review duty rota" });
        Assert.Contains(changes, c => c is { Kind: ChangeKind.RagUp, ActionText: "Review duty rota", Description: "Amber to Blue" });
        Assert.Contains(changes, c => c is { Kind: ChangeKind.Dropped, ActionText: "Old action" });
        Assert.Contains(changes, c => c is { Kind: ChangeKind.Dropped, ActionText: "Stop this" });
        Assert.Contains(changes, c => c is { Kind: ChangeKind.New, ActionText: "Brand new" });
        Assert.Contains(changes, c => c is { Kind: ChangeKind.Dropped, AreaNumber: "2", ActionText: "Gone with its area" });
        Assert.DoesNotContain(changes, c => c.Kind is ChangeKind.AreaImpactUp or ChangeKind.AreaImpactDown);
    }

    [Fact]
    public void RatingGoingDown_IsRagDown()
    {
        var changes = RoundChanges.Compare(Report(Area("1", "G", "G", Action("1", "a", "G"))), Report(Area("1", "G", "A", Action("1", "a", "R"))));
        Assert.Contains(changes, c => c is { Kind: ChangeKind.RagDown, Description: "Green to Red" });
        Assert.Contains(changes, c => c is { Kind: ChangeKind.AreaImpactDown, Description: "Impact Green to Amber" });
    }
}
