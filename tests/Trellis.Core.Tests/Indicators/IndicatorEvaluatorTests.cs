using System.Globalization;
using Trellis.Core.Indicators;
using Trellis.Core.Plans;

namespace Trellis.Core.Tests.Indicators;

public class IndicatorEvaluatorTests
{
    private static PeriodValue Month(int year, int month, decimal? value, string? text = null) =>
        new($"{year:D4}-{month:D2}", new DateOnly(year, month, 1), value, text);

    private static IndicatorFacts Percent(string target, Polarity polarity = Polarity.None, decimal? tolerance = null, ToleranceKind kind = ToleranceKind.Points) =>
        new() { Unit = IndicatorUnit.Percent, Polarity = polarity, TargetText = target, Tolerance = tolerance, ToleranceKind = kind };

    [Theory]
    [InlineData(87, RagColour.Amber, "3 points below the 90% target")]
    [InlineData(80, RagColour.Red, "10 points below the 90% target")]
    [InlineData(90, RagColour.Green, "on the 90% target")]
    [InlineData(91, RagColour.Green, "1 point above the 90% target")]
    public void BareTarget_HigherIsBetter_RatesAndSaysTheDistance(decimal latest, RagColour rag, string distance)
    {
        var judgement = IndicatorEvaluator.Evaluate(Percent("90%", Polarity.HigherIsBetter), [Month(2026, 9, 44), Month(2026, 10, latest)]);

        Assert.Equal(rag, judgement.Rag);
        Assert.Equal(distance, judgement.Distance);
    }

    [Fact]
    public void NoMoreThan_ReadsAsACeilingWithoutATypedPolarity()
    {
        var judgement = IndicatorEvaluator.Evaluate(Percent("No more than 16%"), [Month(2019, 4, 14), Month(2019, 5, 15)]);

        Assert.Equal(Polarity.LowerIsBetter, judgement.Target!.Polarity);
        Assert.Equal(RagColour.Green, judgement.Rag);
        Assert.Equal("1 point below the 16% target", judgement.Distance);
        Assert.Equal(Direction.Worse, judgement.SincePrevious!.Direction);
        Assert.True(judgement.IsWorsening);
        Assert.Equal("Worse than Apr 2019 (the previous period): up 1 point from 14%.", judgement.SincePrevious.Words);
    }

    [Theory]
    [InlineData(18, RagColour.Amber, "2 points below the 20–25% target range")]
    [InlineData(22, RagColour.Green, "within the 20–25% target range")]
    [InlineData(31, RagColour.Red, "6 points above the 20–25% target range")]
    public void Range_IsJudgedOnEitherSide(decimal latest, RagColour rag, string distance)
    {
        var judgement = IndicatorEvaluator.Evaluate(Percent("20-25%"), [Month(2019, 5, latest)]);

        Assert.Equal(rag, judgement.Rag);
        Assert.Equal(distance, judgement.Distance);
    }

    [Fact]
    public void Range_MovingTowardsTheBand_IsBetter()
    {
        var judgement = IndicatorEvaluator.Evaluate(Percent("20-25%"), [Month(2019, 4, 15), Month(2019, 5, 18)]);

        Assert.Equal(Direction.Better, judgement.SincePrevious!.Direction);
    }

    [Theory]
    [InlineData("", ToleranceKind.Points, "85", RagColour.Amber)] // default: 5 points for a percentage
    [InlineData("", ToleranceKind.Points, "84.9", RagColour.Red)]
    [InlineData("2", ToleranceKind.Points, "87", RagColour.Red)]
    [InlineData("2", ToleranceKind.Points, "88", RagColour.Amber)]
    [InlineData("10", ToleranceKind.PercentOfTarget, "81", RagColour.Amber)] // 10% of 90 is 9 points
    [InlineData("10", ToleranceKind.PercentOfTarget, "80.9", RagColour.Red)]
    [InlineData("0", ToleranceKind.Points, "89.9", RagColour.Red)]
    public void Tolerance_SetsTheAmberBand(string tolerance, ToleranceKind kind, string latest, RagColour expected)
    {
        var facts = Percent("90%", Polarity.HigherIsBetter, tolerance.Length == 0 ? null : decimal.Parse(tolerance, CultureInfo.InvariantCulture), kind);

        Assert.Equal(expected, IndicatorEvaluator.Evaluate(facts, [Month(2026, 10, decimal.Parse(latest, CultureInfo.InvariantCulture))]).Rag);
    }

    [Fact]
    public void NonPercentDefaultTolerance_IsTenPercentOfTarget()
    {
        var facts = new IndicatorFacts { Unit = IndicatorUnit.Days, Polarity = Polarity.LowerIsBetter, TargetText = "No more than 20" };

        Assert.Equal(RagColour.Amber, IndicatorEvaluator.Evaluate(facts, [Month(2026, 10, 22)]).Rag);
        Assert.Equal(RagColour.Red, IndicatorEvaluator.Evaluate(facts, [Month(2026, 10, 22.5m)]).Rag);
        Assert.Equal("Red: off target by more than 2 days", IndicatorEvaluator.Evaluate(facts, [Month(2026, 10, 22.5m)]).RagWords);
        Assert.Equal("off target by more than 2 days", IndicatorEvaluator.Evaluate(facts, [Month(2026, 10, 22.5m)]).RagReason);
    }

    [Theory]
    [InlineData("No target", "Not rated: no target")]
    [InlineData("Under review", "Not rated: the target is under review")]
    [InlineData("90%", "Not rated: the target does not say which way is better")]
    public void WithoutAJudgeableTarget_SaysWhyItIsNotRated(string target, string words)
    {
        var judgement = IndicatorEvaluator.Evaluate(Percent(target), [Month(2026, 10, 50)]);

        Assert.Null(judgement.Rag);
        Assert.Equal(words, judgement.RagWords);
    }

    [Fact]
    public void DatedTargets_ApplyToTheirPeriods_AndTheStandingTargetElsewhere()
    {
        var facts = Percent("80%", Polarity.HigherIsBetter) with
        {
            Targets =
            [
                new DatedTarget("85% by March 2017", null, null, new DateOnly(2016, 4, 1), new DateOnly(2017, 3, 31)),
                new DatedTarget("90%", null, null, new DateOnly(2017, 4, 1), null),
            ],
        };

        Assert.Equal("80%", IndicatorEvaluator.TargetFor(facts, new DateOnly(2016, 3, 1))!.Text);
        Assert.Equal(85m, IndicatorEvaluator.TargetFor(facts, new DateOnly(2016, 10, 1))!.Min);
        Assert.Equal(90m, IndicatorEvaluator.TargetFor(facts, new DateOnly(2018, 1, 1))!.Min);
        Assert.Equal(RagColour.Green, IndicatorEvaluator.Evaluate(facts, [Month(2016, 10, 86)]).Rag);
        Assert.Equal(RagColour.Amber, IndicatorEvaluator.Evaluate(facts, [Month(2017, 10, 86)]).Rag);
    }

    [Fact]
    public void SamePeriodLastYear_IsComparedAsWellAsThePreviousPeriod()
    {
        var judgement = IndicatorEvaluator.Evaluate(Percent("90%", Polarity.HigherIsBetter), [Month(2025, 10, 70), Month(2026, 9, 80), Month(2026, 10, 78)]);

        Assert.Equal(Direction.Worse, judgement.SincePrevious!.Direction);
        Assert.Equal(Direction.Better, judgement.SinceLastYear!.Direction);
        Assert.Equal("Better than Oct 2025 (a year earlier): up 8 points from 70%.", judgement.SinceLastYear.Words);
        Assert.Equal(
            "12 points below the 90% target. Worse than Sep 2026 (the previous period): down 2 points from 80%. Better than Oct 2025 (a year earlier): up 8 points from 70%.",
            judgement.Summary);
    }

    [Fact]
    public void NoPolarity_SaysUpOrDownWithoutJudging()
    {
        var facts = new IndicatorFacts { Unit = IndicatorUnit.Count, TargetText = "No Target" };
        var judgement = IndicatorEvaluator.Evaluate(facts, [Month(2019, 4, 1219), Month(2019, 5, 1537)]);

        Assert.Equal(Direction.Up, judgement.SincePrevious!.Direction);
        Assert.Equal("Up 318 on Apr 2019 (the previous period), from 1,219.", judgement.SincePrevious.Words);
        Assert.False(judgement.IsWorsening);
    }

    [Fact]
    public void LatestWithoutANumber_IsNotRated()
    {
        var judgement = IndicatorEvaluator.Evaluate(Percent("90%", Polarity.HigherIsBetter), [Month(2026, 9, 80), Month(2026, 10, null, "TBC")]);

        Assert.Null(judgement.Rag);
        Assert.Equal("TBC", judgement.Latest!.Text);
        Assert.Null(judgement.SincePrevious);
    }

    [Fact]
    public void AsAt_IgnoresLaterValues()
    {
        var judgement = IndicatorEvaluator.Evaluate(Percent("90%", Polarity.HigherIsBetter), [Month(2026, 9, 80), Month(2026, 10, 95)], new DateOnly(2026, 9, 30));

        Assert.Equal("2026-09", judgement.Latest!.Period);
    }

    [Fact]
    public void Display_FormatsByUnit()
    {
        Assert.Equal("47%", IndicatorEvaluator.Display(47m, null, IndicatorUnit.Percent));
        Assert.Equal("1,383", IndicatorEvaluator.Display(1383m, null, IndicatorUnit.Count));
        Assert.Equal("54.0", IndicatorEvaluator.Display(54m, null, IndicatorUnit.RatePer10k));
        Assert.Equal("28 weeks", IndicatorEvaluator.Display(28m, null, IndicatorUnit.Weeks));
        Assert.Equal("TBC", IndicatorEvaluator.Display(null, "TBC", IndicatorUnit.Percent));
    }

    [Theory]
    [InlineData("2026-09", "Sep 2026")]
    [InlineData("2026-Q3", "Jul to Sep 2026")]
    [InlineData("2026/27 Q2", "2026/27 Q2")]
    [InlineData("Q2", "Q2")]
    public void PeriodWords_ReadAsPeopleSayThem(string period, string words) => Assert.Equal(words, PeriodWords.Display(period));

    [Theory]
    [InlineData(IndicatorFrequency.Monthly, YearBasis.Financial, "2026-11")]
    [InlineData(IndicatorFrequency.Quarterly, YearBasis.Financial, "2026/27 Q3")]
    [InlineData(IndicatorFrequency.Quarterly, YearBasis.Calendar, "2026-Q4")]
    [InlineData(IndicatorFrequency.Annual, YearBasis.Financial, "2026/27")]
    [InlineData(IndicatorFrequency.Annual, YearBasis.Calendar, "2026")]
    public void PeriodOf_NamesThePeriodHoldingADate(IndicatorFrequency frequency, YearBasis basis, string expected) =>
        Assert.Equal(expected, PeriodWords.PeriodOf(new DateOnly(2026, 11, 23), frequency, basis).Text);
}
