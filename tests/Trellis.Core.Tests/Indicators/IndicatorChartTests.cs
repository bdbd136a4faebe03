using System.Globalization;
using System.Xml.Linq;
using Trellis.Core.Indicators;
using Trellis.Core.Indicators.Charts;

namespace Trellis.Core.Tests.Indicators;

/// <summary>The SVG chart read back as XML: what a screen reader hears, what is drawn, and that printing in grey still tells lines apart.</summary>
public class IndicatorChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static ChartPoint Month(int index, decimal? value) =>
        new(PeriodWords.MonthYear(new DateOnly(2026, 1, 1).AddMonths(index)), new DateOnly(2026, 1, 1).AddMonths(index), value);

    private static ChartInput Assessments() => new()
    {
        Id = "assess45",
        Title = "Assessments completed within 45 working days",
        Points = [Month(0, 71m), Month(1, 74m), Month(2, null), Month(3, 75m), Month(4, 76m)],
        Targets = [new(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), 90m, null, "90%")],
        Comparators =
        [
            new("England", [Month(3, 80m), Month(4, 81m)]),
            new("Statistical neighbours", [new("2024/25", new DateOnly(2024, 4, 1), 83m)]),
        ],
    };

    private static XElement Parse(string svg) => XElement.Parse(svg);

    private static List<XElement> Series(XElement svg, string name) =>
        [.. svg.Descendants(Svg + "polyline").Where(p => (string?)p.Attribute("data-series") == name)];

    private static int PointCount(IEnumerable<XElement> polylines) =>
        polylines.Sum(p => p.Attribute("points")!.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);

    [Fact]
    public void Svg_HasRoleTitleAndDescriptionSayingTrendTargetAndComparators()
    {
        var svg = Parse(IndicatorChart.Svg(Assessments()));

        Assert.Equal("img", svg.Attribute("role")?.Value);
        Assert.Equal("assess45-title assess45-desc", svg.Attribute("aria-labelledby")?.Value);
        Assert.NotNull(svg.Attribute("viewBox"));
        Assert.Equal("Assessments completed within 45 working days, Jan 2026 to May 2026", svg.Element(Svg + "title")?.Value);
        Assert.Equal(
            "Our figure rose from 71% in Jan 2026 to 76% in May 2026. No figure for Mar 2026. Latest, May 2026: 76%, 14 points below the target of at least 90%. England: 81% in May 2026. Statistical neighbours: 83% (2024/25).",
            svg.Element(Svg + "desc")?.Value);
    }

    [Fact]
    public void Svg_OurLine_HasOnePointPerNumberAndAGapWhereAPeriodHasNone()
    {
        var svg = Parse(IndicatorChart.Svg(Assessments()));

        var ours = Series(svg, "ours");
        Assert.Equal(2, ours.Count);
        Assert.Equal(4, PointCount(ours));
        Assert.Equal(4, svg.Elements(Svg + "circle").Count()); // markers; the legend's own sits in its group
    }

    [Fact]
    public void Svg_Targets_RangeIsABandAndAFloorIsADashedLinePerSpan()
    {
        var input = Assessments() with
        {
            Targets =
            [
                new(new DateOnly(2026, 1, 1), new DateOnly(2026, 2, 28), 20m, 25m, "20-25%"),
                new(new DateOnly(2026, 3, 1), new DateOnly(2026, 12, 31), 85m, null, "85% by March 2027"),
            ],
        };

        var svg = Parse(IndicatorChart.Svg(input));

        var band = Assert.Single(svg.Descendants(Svg + "rect"), r => (string?)r.Attribute("data-target") == "band");
        var line = Assert.Single(svg.Descendants(Svg + "line"), r => (string?)r.Attribute("data-target") == "line");
        Assert.NotNull(line.Attribute("stroke-dasharray"));
        Assert.True(Decimal(band.Attribute("x")) + Decimal(band.Attribute("width")) <= Decimal(line.Attribute("x1")), "The band ends where the floor begins.");
        var legend = svg.Descendants(Svg + "text").Select(t => t.Value).ToList();
        Assert.Contains("Target range: 20-25%", legend);
        Assert.Contains("Target: 85% by March 2027", legend);
    }

    [Fact]
    public void Svg_Comparators_DifferByDashAndMarkerAndAreNamedInTheLegend()
    {
        var svg = Parse(IndicatorChart.Svg(Assessments()));

        var england = Series(svg, "comparator-1");
        Assert.Equal(2, PointCount(england));
        var neighbours = Assert.Single(svg.Descendants(Svg + "line"), l => (string?)l.Attribute("data-series") == "comparator-2");
        Assert.NotEqual(england[0].Attribute("stroke-dasharray")?.Value, neighbours.Attribute("stroke-dasharray")?.Value);
        Assert.Null(Series(svg, "ours")[0].Attribute("stroke-dasharray"));
        var plotted = svg.Elements().ToList();
        Assert.Equal(2, plotted.Count(e => e.Name == Svg + "rect" && e.Attribute("width")?.Value == "8")); // England's squares
        Assert.Single(plotted, e => e.Name == Svg + "polygon"); // the neighbours' triangle
        var legend = svg.Descendants(Svg + "g").Where(g => (string?)g.Attribute("data-legend") == "item").Select(g => g.Value).ToList();
        Assert.Equal(["Our figure", "Target: 90%", "England", "Statistical neighbours (2024/25): 83%"], legend);
    }

    [Fact]
    public void Svg_YAxis_HasThreeToFiveRoundLabelsInTheUnit()
    {
        var svg = Parse(IndicatorChart.Svg(Assessments()));

        var labels = svg.Descendants(Svg + "text").Where(t => (string?)t.Attribute("data-axis") == "y").Select(t => t.Value).ToList();
        Assert.InRange(labels.Count, 3, 5);
        Assert.Equal(["70%", "75%", "80%", "85%", "90%"], labels);
    }

    [Fact]
    public void Svg_SixtyMonths_LabelsAreThinnedApartAndTheLatestIsLabelled()
    {
        var input = new ChartInput
        {
            Id = "long",
            Title = "Contacts decided within 24 hours",
            Points = [.. Enumerable.Range(0, 60).Select(i => Month(i, 60m + (i % 7)))],
        };

        var svg = Parse(IndicatorChart.Svg(input));

        Assert.Equal(60, PointCount(Series(svg, "ours")));
        var labels = svg.Descendants(Svg + "text").Where(t => (string?)t.Attribute("data-axis") == "x")
            .Select(t => (X: Decimal(t.Attribute("x")), Text: t.Value)).OrderBy(l => l.X).ToList();
        Assert.InRange(labels.Count, 4, 12);
        Assert.Equal("Dec 2030", labels[^1].Text);
        Assert.All(labels.Zip(labels.Skip(1)), pair => Assert.True(pair.Second.X - pair.First.X > 60, $"{pair.First.Text} and {pair.Second.Text} are too close."));
    }

    [Fact]
    public void Svg_EncodesEveryPieceOfText()
    {
        var input = Assessments() with
        {
            Id = "x\"><script>",
            Title = "<script>alert(1)</script> & co",
            Comparators = [new("<script>bad</script>", [Month(4, 81m)])],
        };

        var text = IndicatorChart.Svg(input);
        var svg = Parse(text);

        Assert.DoesNotContain("<script", text, StringComparison.Ordinal);
        Assert.DoesNotContain(svg.Descendants(), e => e.Name.LocalName == "script");
        Assert.StartsWith("<script>alert(1)</script> & co", svg.Element(Svg + "title")!.Value, StringComparison.Ordinal);
        Assert.Contains(svg.Descendants(Svg + "text"), t => t.Value == "<script>bad</script>");
        Assert.Matches("^[A-Za-z0-9_-]+-title$", svg.Element(Svg + "title")!.Attribute("id")!.Value);
    }

    [Fact]
    public void Svg_SameInputGivesTheSameText_AndIdsFollowTheChartId()
    {
        var first = IndicatorChart.Svg(Assessments());

        Assert.Equal(first, IndicatorChart.Svg(Assessments()));
        var other = Parse(IndicatorChart.Svg(Assessments() with { Id = "other" }));
        Assert.Equal("other-title", other.Element(Svg + "title")!.Attribute("id")!.Value);
        Assert.Equal("other-desc", other.Element(Svg + "desc")!.Attribute("id")!.Value);
    }

    [Fact]
    public void Svg_NoNumbers_DrawsNothing()
    {
        Assert.Equal(string.Empty, IndicatorChart.Svg(Assessments() with { Points = [Month(0, null)] }));
    }

    [Fact]
    public void Sparkline_IsHiddenMarksTheLatestAndDrawsTheTarget()
    {
        var svg = Parse(IndicatorChart.Sparkline([Month(0, 71m), Month(1, null), Month(2, 76m), Month(3, 78m)], 90m));

        Assert.Equal("true", svg.Attribute("aria-hidden")?.Value);
        Assert.Equal(3, PointCount(Series(svg, "ours")));
        var latest = Assert.Single(svg.Descendants(Svg + "circle"));
        Assert.Equal("true", latest.Attribute("data-latest")?.Value);
        Assert.Equal("96", latest.Attribute("cx")?.Value);
        var target = Assert.Single(svg.Descendants(Svg + "line"));
        Assert.Equal("3", target.Attribute("y1")?.Value);
        Assert.Empty(Parse(IndicatorChart.Sparkline([Month(0, 71m), Month(1, 72m)])).Descendants(Svg + "line"));
    }

    private static decimal Decimal(XAttribute? attribute) => decimal.Parse(attribute!.Value, CultureInfo.InvariantCulture);
}
