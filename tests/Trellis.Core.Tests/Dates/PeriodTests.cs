using System.Globalization;
using Trellis.Core.Dates;

namespace Trellis.Core.Tests.Dates;

public class PeriodTests
{
    [Theory]
    [InlineData("2019-01", "2019-01-01", "2019-01-31")]
    [InlineData("2016-02", "2016-02-01", "2016-02-29")]
    [InlineData("2019-12", "2019-12-01", "2019-12-31")]
    [InlineData("2019-Q1", "2019-01-01", "2019-03-31")]
    [InlineData("2019-Q3", "2019-07-01", "2019-09-30")]
    [InlineData("2019-Q4", "2019-10-01", "2019-12-31")]
    [InlineData("2019/20 Q1", "2019-04-01", "2019-06-30")]
    [InlineData("2019/20 Q3", "2019-10-01", "2019-12-31")]
    [InlineData("2019/20 Q4", "2020-01-01", "2020-03-31")]
    [InlineData("1999/00 Q4", "2000-01-01", "2000-03-31")]
    [InlineData("2019/20", "2019-04-01", "2020-03-31")]
    [InlineData("2018/19", "2018-04-01", "2019-03-31")]
    [InlineData("2019", "2019-01-01", "2019-12-31")]
    [InlineData(" 2016/17 ", "2016-04-01", "2017-03-31")]
    public void TryParse_InterchangePeriods_GivesFirstAndLastDay(string text, string start, string end)
    {
        Assert.True(Period.TryParse(text, out var period));

        Assert.Equal(text.Trim(), period.Text);
        Assert.Equal(Iso(start), period.Start);
        Assert.Equal(Iso(end), period.End);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("2019-13")]
    [InlineData("2019-00")]
    [InlineData("2019-1")]
    [InlineData("2019-Q5")]
    [InlineData("2019-Q0")]
    [InlineData("2019/21")]
    [InlineData("2019/20 Q5")]
    [InlineData("2019/20Q3")]
    [InlineData("Q3 2019/20")]
    [InlineData("19/20")]
    [InlineData("2019-01-31")]
    [InlineData("March 2019")]
    [InlineData("0000")]
    [InlineData("\u0662\u0660\u0661\u0669")]
    public void TryParse_AnythingElse_IsRejected(string? text)
    {
        Assert.False(Period.TryParse(text, out var period));
        Assert.Equal(default, period);
    }

    [Theory]
    [InlineData("2016-05-10", "2016/17 Q1")]
    [InlineData("2016-04-01", "2016/17 Q1")]
    [InlineData("2016-06-30", "2016/17 Q1")]
    [InlineData("2016-07-01", "2016/17 Q2")]
    [InlineData("2016-12-31", "2016/17 Q3")]
    [InlineData("2017-01-01", "2016/17 Q4")]
    [InlineData("2017-03-31", "2016/17 Q4")]
    [InlineData("1999-12-31", "1999/00 Q3")]
    [InlineData("2000-02-01", "1999/00 Q4")]
    public void FinancialQuarterName_NamesTheQuarterTheDateFallsIn(string date, string expected)
    {
        Assert.Equal(expected, Period.FinancialQuarterName(Iso(date)));
    }

    [Fact]
    public void FinancialQuarterName_RoundTripsThroughTryParse()
    {
        for (var date = new DateOnly(2015, 1, 1); date < new DateOnly(2021, 1, 1); date = date.AddDays(1))
        {
            Assert.True(Period.TryParse(Period.FinancialQuarterName(date), out var period));
            Assert.True(period.Contains(date), $"{date} is not in {period.Text}");
        }
    }

    private static DateOnly Iso(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
