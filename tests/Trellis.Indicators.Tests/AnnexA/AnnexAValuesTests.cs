using System.Globalization;
using Trellis.Indicators.AnnexA;

namespace Trellis.Indicators.Tests.AnnexA;

public class AnnexAValuesTests
{
    private static int Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture).DayNumber;

    [Theory]
    [InlineData("2024-03-01", "2024-03-01")]
    [InlineData("1/3/2024", "2024-03-01")]
    [InlineData("01/03/2024", "2024-03-01")]
    [InlineData("29/02/2024 00:00:00", "2024-02-29")]
    [InlineData("2024-02-29T13:45:00", "2024-02-29")]
    [InlineData("2024-02-29 9:30 am", "2024-02-29")]
    [InlineData("45352", "2024-03-01")]
    [InlineData("45352.75", "2024-03-01")]
    [InlineData("1900-01-01", "1900-01-01")]
    [InlineData("31/12/2099", "2099-12-31")]
    public void Dates_read_as_the_contract_says(string text, string expected)
    {
        Assert.Equal(Day(expected), AnnexAValues.ParseDate(text));
    }

    [Theory]
    [InlineData("31/02/2024")] // impossible
    [InlineData("29/02/2023")]
    [InlineData("2024-13-01")]
    [InlineData("1899-12-31")] // outside 1900-2099
    [InlineData("01/01/2100")]
    [InlineData("1/3/24")] // two-digit year
    [InlineData("03-01-2024")]
    [InlineData("March 2024")]
    [InlineData("#N/A")]
    [InlineData("2024-03-01 later")]
    [InlineData("-5")]
    public void Unreadable_dates(string text)
    {
        Assert.Equal(AnnexAValues.Unreadable, AnnexAValues.ParseDate(text));
    }

    [Fact]
    public void Blank_is_not_unreadable()
    {
        Assert.Equal(AnnexAValues.Blank, AnnexAValues.ParseDate(string.Empty));
        Assert.Equal(AnnexAValues.Blank, AnnexAValues.ParseCount(string.Empty));
    }

    [Theory]
    [InlineData("0", 0)]
    [InlineData("3", 3)]
    [InlineData("3.0", 3)]
    [InlineData("3.000", 3)]
    [InlineData("3.5", AnnexAValues.Unreadable)]
    [InlineData("3.", AnnexAValues.Unreadable)]
    [InlineData("-1", AnnexAValues.Unreadable)]
    [InlineData("three", AnnexAValues.Unreadable)]
    public void Counts(string text, int expected)
    {
        Assert.Equal(expected, AnnexAValues.ParseCount(text));
    }

    [Theory]
    [InlineData(FieldKind.YesNo, "Yes", AnnexACode.Yes)]
    [InlineData(FieldKind.YesNo, "a) Y", AnnexACode.Yes)]
    [InlineData(FieldKind.YesNo, "NO", AnnexACode.No)]
    [InlineData(FieldKind.YesNo, "Unknown", AnnexACode.Unreadable)]
    [InlineData(FieldKind.YesNoUnknown, "unknown", AnnexACode.Unknown)]
    [InlineData(FieldKind.CaseStatus, "a) Looked after child", AnnexACode.StatusA)]
    [InlineData(FieldKind.CaseStatus, "e) anything after the letter", AnnexACode.StatusE)]
    [InlineData(FieldKind.CaseStatus, "Open Assessment", AnnexACode.StatusD)]
    [InlineData(FieldKind.CaseStatus, "Open", AnnexACode.Unreadable)]
    [InlineData(FieldKind.Activity, "F5 - Other", AnnexACode.Eet)]
    [InlineData(FieldKind.Activity, "p1", AnnexACode.Eet)]
    [InlineData(FieldKind.Activity, "G4 Not in EET", AnnexACode.Neet)]
    [InlineData(FieldKind.Activity, "G3", AnnexACode.Unreadable)]
    [InlineData(FieldKind.Activity, "F6", AnnexACode.Unreadable)]
    [InlineData(FieldKind.Suitability, "b) Unsuitable", AnnexACode.Unsuitable)]
    [InlineData(FieldKind.Suitability, "fine", AnnexACode.Unreadable)]
    internal void Codes(FieldKind kind, string text, AnnexACode expected)
    {
        Assert.Equal(expected, AnnexAValues.ParseCode(kind, text, new char[64]));
    }

    [Theory]
    [InlineData("  a\u00A0 b \t c  ", "a b c")]
    [InlineData("\u00A0", "")]
    public void Text_is_trimmed_and_white_space_collapsed(string text, string expected)
    {
        var into = new char[text.Length];
        Assert.Equal(expected, new string(into, 0, AnnexAValues.Normalise(text, into)));
    }

    [Theory]
    [InlineData("123.0", "123")]
    [InlineData("00123.00", "00123")]
    [InlineData("123.5", "123.5")]
    [InlineData("AB.0", "AB.0")]
    public void Ids_lose_a_zero_fraction_only(string id, string expected)
    {
        var span = id.ToCharArray();
        Assert.Equal(expected, new string(span, 0, AnnexAValues.TrimIntegralFraction(span)));
    }
}
