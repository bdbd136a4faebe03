using Microsoft.EntityFrameworkCore;
using Trellis.Core.Data;
using Trellis.Core.Indicators;
using Trellis.Core.Plans;
using Trellis.Core.Reports;
using Trellis.Testing;

namespace Trellis.Core.Tests.Reports;

public class BoardReportBuilderTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Build_ATargetOnlyInWords_IsJudgedFromTheWords(DatabaseProvider provider)
    {
        await using var fixture = await ReportFixture.CreateAsync(provider);
        await using (var edit = fixture.Database.CreateContext())
        {
            var indicator = await edit.Indicators.Include(i => i.Values).Include(i => i.Targets).Where(i => i.PlanId == fixture.PlanId).OrderBy(i => i.SortOrder).FirstAsync();
            (indicator.TargetMin, indicator.TargetMax, indicator.TargetText, indicator.Polarity, indicator.Unit) = (null, null, "No more than 16%", Polarity.None, IndicatorUnit.Percent);

            // Only the standing target in words: the demo's dated targets would win over it.
            indicator.Targets.Clear();
            foreach (var value in indicator.Values)
            {
                value.Value = 30m;
            }

            await edit.SaveChangesAsync();
        }

        await using var db = fixture.Database.CreateContext();
        var report = await fixture.Builder(db).BuildAsync(fixture.PlanId, fixture.OpenRoundId, CancellationToken.None);

        // "No more than 16%" says both the ceiling and that lower is better, though nobody typed either.
        var judged = report.Indicators.First(i => i.TargetText == "No more than 16%");
        Assert.Equal(RagColour.Red, judged.Rag);
        Assert.Contains("16%", judged.Assessment, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Build_ADatedTarget_GivesTheChartATargetSpanPerRunOfPeriods(DatabaseProvider provider)
    {
        await using var fixture = await ReportFixture.CreateAsync(provider);
        DateOnly switchOver;
        await using (var edit = fixture.Database.CreateContext())
        {
            var indicator = await edit.Indicators.Include(i => i.Values).Include(i => i.Targets).Where(i => i.PlanId == fixture.PlanId).OrderBy(i => i.SortOrder).FirstAsync();
            var starts = indicator.Values.Select(v => v.PeriodStart).Order().ToList();
            Assert.True(starts.Count >= 2, "The fixture's first indicator needs two values.");
            switchOver = starts[^1];
            (indicator.TargetMin, indicator.TargetMax, indicator.TargetText, indicator.Polarity) = (80m, null, "80%", Polarity.HigherIsBetter);

            // Only this test's targets: the demo's own dated targets would win over the standing 80%.
            indicator.Targets.Clear();
            indicator.Targets.Add(new IndicatorTarget { Text = "90%", Min = 90m, From = switchOver });
            await edit.SaveChangesAsync();
        }

        await using var db = fixture.Database.CreateContext();
        var report = await fixture.Builder(db).BuildAsync(fixture.PlanId, fixture.OpenRoundId, CancellationToken.None);

        var charted = report.Indicators[0];
        Assert.All(charted.Values, v => Assert.NotNull(v.Start));
        Assert.Equal(
            [new ReportTargetSpan(charted.Values[0].Start!.Value, charted.Values[^2].Start!.Value, 80m, null, "80%"), new ReportTargetSpan(switchOver, switchOver, 90m, null, "90%")],
            charted.TargetSpans);
        Assert.Equal(charted.TargetSpans, ReportJson.Deserialize(ReportJson.Serialize(report)).Indicators[0].TargetSpans);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Build_OpenRound_HasThePlanAndTheRoundsUpdates(DatabaseProvider provider)
    {
        await using var fixture = await ReportFixture.CreateAsync(provider);
        await using var db = fixture.Database.CreateContext();

        var report = await fixture.Builder(db).BuildAsync(fixture.PlanId, fixture.OpenRoundId, CancellationToken.None);

        Assert.Equal("Castlebridge Borough Council", report.CouncilName);
        Assert.Equal(new ReportRound("2026/27 Q2", new DateOnly(2026, 7, 1), new DateOnly(2026, 9, 30), new DateOnly(2026, 11, 22), false), report.Round);
        Assert.Equal("2026/27 Q1", report.PreviousRoundName);
        Assert.NotNull(report.Inspection);
        Assert.Contains(report.Inspection.Judgements, j => j.Grade.StartsWith("Requires improvement", StringComparison.Ordinal));
        Assert.All(report.Inspection.Judgements, j => Assert.False(string.IsNullOrWhiteSpace(j.Grade)));
        Assert.Equal(["R", "A", "G", "B"], report.ProgressScale.Select(r => r.Code));
        Assert.Equal(["R", "A", "G"], report.ImpactScale.Select(r => r.Code));
        Assert.NotEmpty(report.KeyLeads);
        Assert.All(report.KeyLeads, k => Assert.False(string.IsNullOrWhiteSpace(k.Name)));
        Assert.NotEmpty(report.Themes);
        Assert.Equal(report.Areas.Select(a => a.Number).Order(StringComparer.Ordinal), report.Areas.Select(a => a.Number));
        Assert.All(report.Areas, a => Assert.Contains(a.ThemeKey, report.Themes.Select(t => t.Key)));

        var area = report.Areas[0];
        Assert.NotEmpty(area.Leads);
        Assert.NotEmpty(area.Outcomes);
        Assert.NotNull(area.ProgressRag);
        Assert.NotNull(area.Commentary);
        Assert.NotEmpty(area.IndicatorKeys);
        Assert.All(area.IndicatorKeys, k => Assert.Contains(report.Indicators, i => i.Key == k && i.AreaNumbers.Contains(area.Number)));

        var updated = area.Actions[0];
        Assert.Equal(ActionStatus.InProgress, updated.Status);
        Assert.Equal("R", updated.RagCode);
        Assert.Equal("A", updated.SuggestedRagCode);
        Assert.Equal("Recruitment to the team has stalled <again>", updated.RagReason);
        Assert.Equal("Two of four posts filled & advertised again", updated.UpdateNote);

        var all = report.Areas.SelectMany(a => a.Actions).ToList();
        Assert.All(all, a => Assert.Equal(
            a.DueDate is { } d && d < report.Round.AsAt && a.Status is not (ActionStatus.Complete or ActionStatus.Dropped),
            a.IsOverdue));
        Assert.Contains(all, a => a.IsOverdue);

        Assert.All(report.Indicators, i => Assert.InRange(i.Values.Count, 1, BoardReportBuilder.RecentPeriods));
        Assert.All(report.Indicators.Where(i => i.Unit == IndicatorUnit.Percent).SelectMany(i => i.Values), v => Assert.EndsWith("%", v.Display, StringComparison.Ordinal));
        Assert.Contains(report.Indicators, i => i.Assessment is not null && i.Rag is not null);

        Assert.Equal("Purpose of the report", Assert.Single(report.Narratives).Heading);
        Assert.Equal("Management oversight", Assert.Single(report.SelfAssessment).AreaForImprovement);
        Assert.Equal(["Restructured the front door", "Started a practice week"], report.ImprovementLog.Select(e => e.WhatWeHaveDone));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Build_ClosedRound_SpeaksAsAtTheClosingDate(DatabaseProvider provider)
    {
        await using var fixture = await ReportFixture.CreateAsync(provider);
        await using var db = fixture.Database.CreateContext();

        var report = await fixture.Builder(db).BuildAsync(fixture.PlanId, fixture.ClosedRoundId, CancellationToken.None);

        Assert.True(report.Round.IsFinal);
        Assert.Equal(new DateOnly(2026, 7, 20), report.Round.AsAt);
        Assert.Null(report.PreviousRoundName);
        Assert.Empty(report.Narratives);
        Assert.Null(report.Areas[0].Actions[0].UpdateNote);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ReportJson_RoundTripsExactly(DatabaseProvider provider)
    {
        await using var fixture = await ReportFixture.CreateAsync(provider);
        await using var db = fixture.Database.CreateContext();
        var report = await fixture.Builder(db).BuildAsync(fixture.PlanId, fixture.OpenRoundId, CancellationToken.None);

        var json = ReportJson.Serialize(report);

        Assert.Equal(json, ReportJson.Serialize(ReportJson.Deserialize(json)));
        Assert.Contains("\"councilName\":\"Castlebridge Borough Council\"", json, StringComparison.Ordinal);
        Assert.Contains("\"status\":\"InProgress\"", json, StringComparison.Ordinal);
    }
}
