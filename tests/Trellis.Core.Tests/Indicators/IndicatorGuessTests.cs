using Trellis.Core.Indicators;

namespace Trellis.Core.Tests.Indicators;

/// <summary>An imported indicator whose file gives no unit or frequency: the seed board report's own rows.</summary>
public class IndicatorGuessTests
{
    [Theory]
    [InlineData("% Contacts progressing to a CSC referral", "20-25%", IndicatorUnit.Percent)]
    [InlineData("Decision made on Contacts in 24 hours", "90%", IndicatorUnit.Percent)]
    [InlineData("No. of open CiN cases ( Excludes CPP and LAC )", "No Target", IndicatorUnit.Count)]
    [InlineData("Rate of CiN per 10K population", "Under review", IndicatorUnit.RatePer10k)]
    [InlineData("Care Applications Rate per 10,000", null, IndicatorUnit.RatePer10k)]
    [InlineData("No. of Contacts received in MASH", "No Target", IndicatorUnit.Count)]
    public void Unit_ComesFromTheNameAndTarget(string name, string? target, IndicatorUnit expected) =>
        Assert.Equal(expected, IndicatorGuess.Unit(name, target));

    [Theory]
    [InlineData(new[] { "2018/19 Q2", "2018/19 Q3", "2019-04", "2019-05" }, IndicatorFrequency.Monthly, YearBasis.Financial)]
    [InlineData(new[] { "2015/16", "2016/17", "2018/19" }, IndicatorFrequency.Annual, YearBasis.Financial)]
    [InlineData(new[] { "2018/19 Q2", "2019/20 Q1" }, IndicatorFrequency.Quarterly, YearBasis.Financial)]
    [InlineData(new[] { "2019-Q1", "2019-Q2" }, IndicatorFrequency.Quarterly, YearBasis.Calendar)]
    [InlineData(new[] { "2018", "2019" }, IndicatorFrequency.Annual, YearBasis.Calendar)]
    [InlineData(new string[0], IndicatorFrequency.Monthly, YearBasis.Financial)]
    public void Frequency_ComesFromTheLatestPeriod(string[] periods, IndicatorFrequency frequency, YearBasis basis) =>
        Assert.Equal((frequency, basis), IndicatorGuess.Frequency(periods));
}
