using Trellis.Core.Dates;
using Trellis.Core.Import.Word;
using Trellis.Core.Indicators;
using Trellis.Testing;

namespace Trellis.Core.Tests.Indicators;

public class TargetReaderTests
{
    [Theory]
    // The seed committee report's Target column, and the list.
    [InlineData("90%", TargetKind.Value, "90", "90", true)]
    [InlineData("85%", TargetKind.Value, "85", "85", true)]
    [InlineData("20-25%", TargetKind.Range, "20", "25", true)]
    [InlineData("20 \u2013 25%", TargetKind.Range, "20", "25", true)]
    [InlineData("Between 20% and 25%", TargetKind.Range, "20", "25", true)]
    [InlineData("No higher than 15%", TargetKind.AtMost, null, "15", true)]
    [InlineData("No more than 16%", TargetKind.AtMost, null, "16", true)]
    [InlineData("<=4%", TargetKind.AtMost, null, "4", true)]
    [InlineData("\u2264 4%", TargetKind.AtMost, null, "4", true)]
    [InlineData(">=85%", TargetKind.AtLeast, "85", null, true)]
    [InlineData("At least 85%", TargetKind.AtLeast, "85", null, true)]
    [InlineData("85%+", TargetKind.AtLeast, "85", null, true)]
    [InlineData("Less than 10 days", TargetKind.AtMost, null, "10", false)]
    [InlineData("1,500", TargetKind.Value, "1500", "1500", false)]
    [InlineData("Target: 90%", TargetKind.Value, "90", "90", true)]
    [InlineData("No Target", TargetKind.None, null, null, false)]
    [InlineData("No target", TargetKind.None, null, null, false)]
    [InlineData("", TargetKind.None, null, null, false)]
    [InlineData("N/A", TargetKind.None, null, null, false)]
    [InlineData("Under review", TargetKind.UnderReview, null, null, false)]
    [InlineData("TBC", TargetKind.UnderReview, null, null, false)]
    [InlineData("As low as possible", TargetKind.Unreadable, null, null, false)]
    [InlineData("In line with statistical neighbours", TargetKind.Unreadable, null, null, false)]
    public void Read_UnderstandsTheWordsCouncilsUse(string text, TargetKind kind, string? min, string? max, bool percent)
    {
        var target = TargetReader.Read(text);

        Assert.Equal(kind, target.Kind);
        Assert.Equal(min is null ? null : decimal.Parse(min, System.Globalization.CultureInfo.InvariantCulture), target.Min);
        Assert.Equal(max is null ? null : decimal.Parse(max, System.Globalization.CultureInfo.InvariantCulture), target.Max);
        Assert.Equal(percent, target.IsPercent);
        Assert.Equal(text.Trim(), target.Text);
        Assert.Null(target.By);
    }

    [Fact]
    public void Read_ATargetWithADate_KeepsTheDateApart()
    {
        var target = TargetReader.Read("85% by March 2017");

        Assert.Equal(TargetKind.Value, target.Kind);
        Assert.Equal(85m, target.Min);
        Assert.Equal(new DateOnly(2017, 3, 31), target.By?.Date);
        Assert.Equal(DuePrecision.Month, target.By?.Precision);
    }

    [Fact]
    public void Read_AtMostByADate_KeepsBoth()
    {
        var target = TargetReader.Read("No more than 16% by the end of 2018");

        Assert.Equal(TargetKind.AtMost, target.Kind);
        Assert.Equal(16m, target.Max);
        Assert.Equal(new DateOnly(2018, 12, 31), target.By?.Date);
    }

    [Theory]
    [InlineData(Polarity.HigherIsBetter, "90", null)]
    [InlineData(Polarity.LowerIsBetter, null, "90")]
    [InlineData(Polarity.None, null, null)]
    [InlineData(Polarity.InRange, null, null)]
    public void Bounds_ABareValue_TakesItsSideFromThePolarity(Polarity polarity, string? min, string? max)
    {
        var (low, high) = TargetReader.Read("90%").Bounds(polarity);

        Assert.Equal(min is null ? null : decimal.Parse(min, System.Globalization.CultureInfo.InvariantCulture), low);
        Assert.Equal(max is null ? null : decimal.Parse(max, System.Globalization.CultureInfo.InvariantCulture), high);
    }

    [Theory]
    [InlineData("No higher than 15%", Polarity.LowerIsBetter)]
    [InlineData(">=85%", Polarity.HigherIsBetter)]
    [InlineData("20-25%", Polarity.InRange)]
    public void ImpliedPolarity_ComesFromTheWords(string text, Polarity polarity) =>
        Assert.Equal(polarity, TargetReader.Read(text).ImpliedPolarity);

    [Theory]
    [InlineData("90%")]
    [InlineData("Under review")]
    [InlineData("No target")]
    public void ImpliedPolarity_IsNoneWhenTheWordsDoNotSay(string text) =>
        Assert.Null(TargetReader.Read(text).ImpliedPolarity);
}

/// <summary>Every target the seed committee report writes, read from the Word document itself.</summary>
public class SeedTargetTests
{
    [SharedDataFact]
    public void EveryTargetInTheSeedReport_IsUnderstood()
    {
        using var stream = File.OpenRead(SharedData.Path("samples", "001_6c59dbafa3b02c79.docx"));
        var indicators = WordPlanReader.Read(stream, "001.docx").Document!.Indicators!;

        var targets = indicators.Where(i => i.Target is not null).Select(i => TargetReader.Read(i.Target!.Text)).ToList();

        Assert.True(targets.Count >= 12, $"only {targets.Count} targets found");
        Assert.DoesNotContain(targets, t => t.Kind == TargetKind.Unreadable);
        Assert.Contains(targets, t => t is { Kind: TargetKind.Range, Min: 20m, Max: 25m });
        Assert.Contains(targets, t => t is { Kind: TargetKind.AtMost, Max: 15m });
        Assert.Contains(targets, t => t is { Kind: TargetKind.AtMost, Max: 16m });
        Assert.Contains(targets, t => t is { Kind: TargetKind.Value, Min: 90m });
        Assert.Contains(targets, t => t.Kind == TargetKind.UnderReview);
        Assert.Contains(targets, t => t.Kind == TargetKind.None);
    }
}
