using Trellis.Indicators.AnnexA;

namespace Trellis.Indicators.Tests.AnnexA;

public class AnnexAHistoryTests
{
    private static readonly string[] ReferralHeaders = ["Child Unique ID", "Date of referral", "Referral Source", "Referral NFA?", "Number of Referrals in Last 12 Months"];

    /// <summary>One referral per child per month from the first month to the last, children A and B referred twice 10 months apart.</summary>
    private static AnnexAData Referrals(DateOnly first, DateOnly last)
    {
        var rows = new List<string[]>();
        var i = 0;
        for (var d = first; d <= last; d = d.AddMonths(1))
        {
            rows.Add([$"C{i++}", d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "1A", "No", ""]);
        }

        rows.Add(["Z", last.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "1A", "No", ""]);
        rows.Add(["A", last.AddMonths(-11).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "1A", "No", ""]);
        rows.Add(["A", last.AddMonths(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "1A", "No", ""]);
        var builder = new AnnexADataBuilder();
        TestRow.Push(builder, AnnexAList.Referrals, ReferralHeaders, rows);
        return builder.Build();
    }

    [Fact]
    public void ReReferrals_WithSixMonthsHeld_AreApproximateAndSayHowMuchIsNeeded()
    {
        var r = new DateOnly(2025, 3, 31);
        var data = Referrals(new DateOnly(2024, 10, 1), r);

        var result = AnnexAEngine.Compute(data, new AnnexAOptions { ReferenceDate = r, WindowMonths = 6, HeldFrom = new DateOnly(2024, 10, 1) }).Indicators.Single(x => x.Id == 4);

        Assert.Equal(ResultStatus.Approximate, result.Status);
        Assert.Equal("approximate: only 6 months held (from 1 Oct 2024), needs 18", result.Reason);
    }

    [Fact]
    public void ReReferrals_WithEighteenMonthsHeld_AreExact()
    {
        var r = new DateOnly(2025, 3, 31);
        var data = Referrals(new DateOnly(2023, 10, 1), r);

        var results = AnnexAEngine.Compute(data, new AnnexAOptions { ReferenceDate = r, WindowMonths = 6, HeldFrom = new DateOnly(2023, 10, 1) });
        var reReferral = results.Indicators.Single(x => x.Id == 4);

        Assert.Equal(ResultStatus.Ok, reReferral.Status);
        Assert.Equal("exact: history held from 1 Oct 2023", reReferral.Reason);
        Assert.Equal(1m, reReferral.Numerator); // A's second referral, 10 months after the first (before the window)
    }

    [Fact]
    public void WithoutHeldFrom_TheContractsStatusIsUnchanged()
    {
        var r = new DateOnly(2025, 3, 31);
        var data = Referrals(new DateOnly(2024, 10, 1), r);

        var result = AnnexAEngine.Compute(data, new AnnexAOptions { ReferenceDate = r, WindowMonths = 6 }).Indicators.Single(x => x.Id == 4);

        Assert.Equal(ResultStatus.Ok, result.Status);
        Assert.Null(result.Reason);
    }

    [Fact]
    public void OtherPeriodIndicators_NeedOnlyTheirWindow()
    {
        var r = new DateOnly(2025, 3, 31);
        var data = Referrals(new DateOnly(2024, 10, 1), r);

        var results = AnnexAEngine.Compute(data, new AnnexAOptions { ReferenceDate = r, WindowMonths = 6, HeldFrom = new DateOnly(2024, 10, 1) });
        Assert.Equal(ResultStatus.Ok, results.Indicators.Single(x => x.Id == 5).Status);

        var year = AnnexAEngine.Compute(data, new AnnexAOptions { ReferenceDate = r, WindowMonths = 12, HeldFrom = new DateOnly(2024, 10, 1) });
        Assert.Equal("approximate: only 6 months held (from 1 Oct 2024), needs 12", year.Indicators.Single(x => x.Id == 5).Reason);
    }

    [Fact]
    public void RowKeys_MatchTheBuildersDuplicateRule()
    {
        var keys = new AnnexARowKeys(AnnexAList.Referrals, ["Child Unique ID", "Date of Referral", "Referral Source", "Extra"]);

        var a = keys.Key(new TestRow(["123.0", "31/03/2025", "a) 1A: Individual", "x"]), out var day);
        var b = keys.Key(new TestRow(["=123", "@45747", "1a: individual", "y"]), out _);

        Assert.Equal("123|2025-03-31|1a: individual", a);
        Assert.Equal(a, b);
        Assert.Equal(new DateOnly(2025, 3, 31).DayNumber, day);
        Assert.Null(keys.Key(new TestRow(["", "31/03/2025", "1A"]), out _));
        Assert.Null(keys.Key(new TestRow(["!#N/A", "31/03/2025", "1A"]), out _));
        Assert.Equal("9|?soon|", keys.Key(new TestRow(["9", "soon", ""]), out _));
        Assert.Equal([0, -1, -1, -1, 1, 2, -1, -1], keys.ColumnIndexes);
        Assert.False(AnnexARowKeys.IsUsed(AnnexAList.EarlyHelp));
    }
}
