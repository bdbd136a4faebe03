using System.Text.RegularExpressions;
using Trellis.Indicators.AnnexA;

namespace Trellis.Indicators.Tests.AnnexA;

public partial class AnnexAEngineTests
{
    private static AnnexAData Contacts(params string[] dates)
    {
        var builder = new AnnexADataBuilder();
        TestRow.Push(builder, AnnexAList.Contacts, ["Child Unique ID", "Date of Contact"], dates.Select((d, i) => new[] { $"C{i}", d }));
        return builder.Build();
    }

    [Theory]
    [InlineData("2025-02-28", 12, "2024-02-29")]
    [InlineData("2024-09-30", 6, "2024-03-31")]
    [InlineData("2024-08-31", 6, "2024-02-29")]
    [InlineData("2024-08-30", 6, "2024-02-29")] // EDATE clamps: 30 Feb -> 29 Feb
    [InlineData("2024-05-15", 12, "2023-05-15")]
    [InlineData("2024-02-29", 12, "2023-02-28")]
    public void Window_start_follows_edate_and_whole_months(string r, int months, string s)
    {
        Assert.Equal(DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture), AnnexAEngine.WindowStart(DateOnly.Parse(r, System.Globalization.CultureInfo.InvariantCulture), months));
    }

    [Fact]
    public void Reference_date_defaults_to_the_end_of_coverage()
    {
        var results = AnnexAEngine.Compute(Contacts("2024-01-10", "2024-04-20"), new AnnexAOptions { Population = 20000 });
        Assert.Equal(new DateOnly(2024, 4, 20), results.ReferenceDate);
        Assert.Equal(new DateOnly(2023, 4, 20), results.WindowStart);
        // the 12-month window reaches before C0: approximate
        Assert.Equal(ResultStatus.Approximate, results.Indicators[0].Status);
        Assert.Equal(1.0m, results.Indicators[0].Value);
    }

    [Fact]
    public void Without_coverage_a_reference_date_is_required_and_everything_is_approximate()
    {
        var builder = new AnnexADataBuilder();
        TestRow.Push(builder, AnnexAList.LookedAfter, ["Child Unique ID", "Date Started to be Looked After", "Date Ceased to be Looked After"], [["A", "2020-01-01", ""]]);
        var data = builder.Build();
        var error = Assert.Throws<ArgumentException>(() => AnnexAEngine.Compute(data, new AnnexAOptions()));
        Assert.Contains("reference date", error.Message, StringComparison.Ordinal);

        var results = AnnexAEngine.Compute(data, new AnnexAOptions { ReferenceDate = new DateOnly(2024, 3, 31), Population = 10000 });
        Assert.Null(results.Coverage);
        var cla = results.Indicators.Single(i => i.Id == 18);
        Assert.Equal((ResultStatus.Approximate, 1.0m), (cla.Status, cla.Value));
        Assert.Empty(AnnexAEngine.ComputeSeries(data, new AnnexAOptions()));
    }

    [Theory]
    [InlineData(3, null)]
    [InlineData(12, 0)]
    [InlineData(12, -5)]
    public void Bad_options_are_refused_with_a_message(int window, int? population)
    {
        var error = Assert.Throws<ArgumentException>(() => AnnexAEngine.Compute(Contacts("2024-01-10"), new AnnexAOptions { WindowMonths = window, Population = population }));
        Assert.Contains(window == 3 ? "6 or 12" : "population", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_band_names_are_refused()
    {
        var options = new AnnexAOptions { BandPopulations = new Dictionary<string, int> { ["0-4"] = 100 } };
        var error = Assert.Throws<ArgumentException>(() => AnnexAEngine.Compute(Contacts("2024-01-10"), options));
        Assert.Contains("'0-4'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Series_runs_once_per_month_end_within_coverage_and_matches_single_runs()
    {
        var data = Contacts("2023-11-15", "2023-12-31", "2024-01-31", "2024-02-10", "2024-03-05", "2024-03-20");
        var options = new AnnexAOptions { WindowMonths = 6, Population = 10000 };
        var series = AnnexAEngine.ComputeSeries(data, options);

        Assert.Equal(
            [new DateOnly(2023, 11, 30), new DateOnly(2023, 12, 31), new DateOnly(2024, 1, 31), new DateOnly(2024, 2, 29)],
            series.Select(s => s.ReferenceDate));
        Assert.Equal([1m, 2m, 3m, 4m], series.Select(s => s.Indicators[0].Numerator));
        foreach (var run in series)
        {
            var single = AnnexAEngine.Compute(data, options with { ReferenceDate = run.ReferenceDate });
            Assert.Equal(single.Indicators.Select(i => (i.Value, i.Numerator, i.Status)), run.Indicators.Select(i => (i.Value, i.Numerator, i.Status)));
        }
    }

    [Fact]
    public void The_25_indicators_come_in_id_order_with_stable_kebab_keys()
    {
        var results = AnnexAEngine.Compute(Contacts("2024-01-10"), new AnnexAOptions());
        Assert.Equal(Enumerable.Range(1, 25), results.Indicators.Select(i => i.Id));
        Assert.All(results.Indicators, i => Assert.Matches(KebabKey(), i.Key));
        Assert.Equal(25, results.Indicators.Select(i => i.Key).Distinct().Count());
        Assert.Equal("contacts-per-10k", results.Indicators[0].Key);
        Assert.Equal("assessments-within-45-wd", results.Indicators[5].Key);
        Assert.Equal(IndicatorUnit.MeanDays, results.Indicators[24].Unit);
        Assert.Equal(Polarity.Higher, results.Indicators[5].Polarity);
    }

    [Fact]
    public void Groups_sum_to_the_totals()
    {
        var fixture = Fixture.Load(Path.Combine(AppContext.BaseDirectory, "Fixtures", "snapshot-child-protection.txt"));
        var results = AnnexAEngine.Compute(fixture.Build(), new AnnexAOptions { ReferenceDate = new DateOnly(2024, 11, 30), Population = 50000 });
        foreach (var indicator in results.Indicators.Where(i => i.Id is >= 13 and <= 16))
        {
            foreach (var dimension in Enum.GetValues<BreakdownDimension>())
            {
                var groups = indicator.Breakdowns.Where(b => b.Dimension == dimension).ToList();
                Assert.Equal(indicator.Numerator, groups.Sum(g => g.Numerator));
                Assert.Equal(indicator.Denominator, groups.Sum(g => g.Denominator));
            }
        }
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabKey();
}
