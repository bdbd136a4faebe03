using Trellis.Core.AnnexA;
using Trellis.Indicators.AnnexA;
using Trellis.Testing;
using static Trellis.Core.Tests.AnnexA.AnnexATestFiles;

namespace Trellis.Core.Tests.AnnexA;

public sealed class AnnexAValidationTests
{
    private static readonly string[] ReferralHeaders =
        ["Child Unique ID", "Gender", "Date of Birth", "Date of Referral", "Referral Source", "Referral NFA?", "Number of Referrals in Last 12 Months", "Allocated Team", "Case notes"];

    [Fact]
    public void BadRows_AreReported_NamingPlace_NeverValue_AndReadingGoesOn()
    {
        var path = Workbook(Path.Combine(TempFolder(), "drift.xlsx"),
            ("Referrals data",
            [
                Headers("Referrals extract"),
                Headers(ReferralHeaders),
                Row("SECRET-ID-1", "a) Male", TestCell.Date(2014, 6, 9), TestCell.Date(2025, 4, 1), "a) 1A: Individual", "No", 0, "Team A", "Lives at 1 Privet Drive"),
                Row("SECRET-ID-2", "b) Female", "09/06/2014", "31/02/2025", "Carrier pigeon", "Y", "two", "Team A"),
                Row(TestCell.Blank, "Female", TestCell.Blank, "2025-04-03", "1A", "n", 1, "Team B"),
                Row("SECRET-ID-1", "M", TestCell.Blank, 45748, "a) 1A: Individual", "no", 0, "Team B"),
                Row("SECRET-ID-3", "F", TestCell.Error("#N/A"), TestCell.Blank, "Police", "Yes", 0, "Team B"),
            ]));

        var report = AnnexAValidator.Validate(path);

        var referrals = report.Lists.Single(l => l.List == AnnexAList.Referrals);
        Assert.True(referrals.Found);
        Assert.Equal(("drift.xlsx", "Referrals data", 2), (referrals.File, referrals.Sheet, referrals.HeaderRow));
        Assert.Equal(5, referrals.Rows);
        Assert.Equal(1, referrals.BlankIdRows);
        Assert.Equal(1, referrals.DuplicateRows);
        Assert.Equal(["Case notes"], referrals.UnknownColumns);
        Assert.Contains(referrals.MissingColumns, m => m.Column == "Allocated Worker" && m.Indicators.Count == 0);
        Assert.Equal(10, report.Lists.Count(l => !l.Found));

        var messages = report.Messages().ToList();
        Assert.Contains("drift.xlsx, sheet 'Referrals data', row 4, column 'Date of Referral': not a date (expected dd/mm/yyyy)", messages);
        Assert.Contains("drift.xlsx, sheet 'Referrals data', row 4, column 'Referral Source': not one of the template's codes for this column", messages);
        Assert.Contains("drift.xlsx, sheet 'Referrals data', row 4, column 'Number of Referrals in Last 12 Months': not a whole number of 0 or more", messages);
        Assert.Contains("drift.xlsx, sheet 'Referrals data', row 5, column 'Child Unique ID': blank; the row is left out of every indicator", messages);
        Assert.Contains("drift.xlsx, sheet 'Referrals data', row 6: same 'Child Unique ID', 'Date of Referral', 'Referral Source' as row 3; only the first is counted", messages);
        Assert.Contains("drift.xlsx, sheet 'Referrals data', row 7, column 'Date of Birth': holds a spreadsheet error; read as unreadable", messages);
        Assert.Contains("drift.xlsx, sheet 'Referrals data', row 7, column 'Date of Referral': blank, but it is the row's key date", messages);
        Assert.Contains("drift.xlsx, sheet 'Referrals data', header row 2: column 'Case notes' is not one of List 3: Referrals's template columns; it is not used", messages);
        Assert.Contains("List 7: Child protection: not found in 'drift.xlsx'", messages);

        // Codes with and without their prefixes, Y/N, and text dates in both orders are all accepted: no other findings on rows 3, 5, 6.
        Assert.DoesNotContain(messages, m => m.Contains("row 3,", StringComparison.Ordinal) || m.Contains("row 5, column 'Referral", StringComparison.Ordinal) || m.Contains("row 5, column 'Gender'", StringComparison.Ordinal));
        foreach (var value in new[] { "SECRET-ID", "Privet", "31/02/2025", "Carrier", "two", "09/06/2014", "Team A", "Team B", "45748" })
        {
            Assert.DoesNotContain(messages, m => m.Contains(value, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public void RowFindings_AreCappedPerColumn_ThenCounted()
    {
        var folder = TempFolder();
        var lines = new List<string> { "Child Unique ID,Date of Contact,Contact Source" };
        lines.AddRange(Enumerable.Range(1, 35).Select(i => $"{i},not a date,Police"));
        File.WriteAllLines(Path.Combine(folder, "contacts.csv"), lines);

        var report = AnnexAValidator.Validate(folder);

        var column = report.Lists.Single(l => l.List == AnnexAList.Contacts).Columns.Single(c => c.Column == "Date of Contact");
        Assert.Equal(35, column.Warnings);
        Assert.Equal(AnnexAValidator.RowsListedPerColumn, column.Listed.Count);
        Assert.Equal(15, column.NotListed);
        Assert.Contains("contacts.csv, column 'Date of Contact': 15 more rows with problems (the first 20 are listed)", report.Messages());
        // Plus one for each missing template column no indicator needs (Gender, Ethnicity, Date of Birth, Age).
        Assert.Equal(35 + 4, report.Warnings);
        Assert.Equal(0, report.Errors);
    }

    [Fact]
    public void MissingKeyColumn_SaysWhichIndicatorsItStops()
    {
        var path = Path.Combine(TempFolder(), "s47.csv");
        File.WriteAllText(path, "Child Unique ID,Strategy discussion initiating Section 47 Enquiry Start Date,Date of ICPC\n1,01/04/2025,10/04/2025\n");

        var report = AnnexAValidator.Validate(path);

        var missing = report.Lists.Single(l => l.List == AnnexAList.Section47).MissingColumns.Single(m => m.Column == "Did the Initial Child Protection Conference Result in a Child Protection Plan");
        Assert.Equal("11: Initial child protection conferences resulting in a plan", Assert.Single(missing.Indicators));
        Assert.Contains(report.Messages(), m => m.StartsWith("s47.csv, header row 1: no column 'Did the Initial Child Protection Conference Result in a Child Protection Plan'; without it these indicators cannot be computed: 11:", StringComparison.Ordinal));
    }

    [SharedDataFact]
    public void SampleWorkbook_ReadsEveryList_AndReportsItsKnownDrift()
    {
        var report = AnnexAValidator.Validate(SharedData.Path("annexa", "annex_a_sample_liia_tools.xlsx"));

        Assert.True(report.AnyListRead);
        Assert.All(report.Lists, l => Assert.True(l.Found));
        var cin = report.Lists.Single(l => l.List == AnnexAList.ChildrenInNeed);
        Assert.Contains(cin.Columns, c => c.Column == "Allocated Team" && c.Listed.All(i => i.Kind == "spreadsheet-error"));
        // "CS Assessment Updated" is not one of the template's answers.
        Assert.Contains(report.Lists.Single(l => l.List == AnnexAList.Assessments).Columns, c => c.Column.StartsWith("Was the child assessed", StringComparison.Ordinal) && c.Listed.All(i => i.Kind == "unknown-code"));
        Assert.Equal(0, report.Lists.Sum(l => l.BlankIdRows));
    }

    [Theory]
    [InlineData("Contact Source", "a) 1A: Individual")]
    [InlineData("Contact Source", "1A: Individual")]
    [InlineData("Contact Source", "1A")]
    [InlineData("Contact Source", "a) Individual")]
    [InlineData("Referral Source", "q) 6: Police")]
    [InlineData("Ethnicity", "WBRI")]
    [InlineData("Ethnicity", "a) WBRI")]
    [InlineData("Ethnicity", "White British")]
    [InlineData("Ethnicity", "a) White")]
    [InlineData("Referral NFA?", "Y")]
    [InlineData("Child's Legal Status", "C2: FCO")]
    [InlineData("Child's Legal Status", "C2")]
    [InlineData("Placement Type", "zz) T4: Temporary placement - seven days or less")]
    [InlineData("Primary Need Code", "N1 - Abuse or Neglect")]
    [InlineData("Activity Status", "F5: Full time in apprenticeship")]
    [InlineData("Case status", "c) Child in need plan")]
    [InlineData("LA of Placement", "Anything at all")]
    public void Codes_AcceptedForms(string column, string value) => Assert.True(AnnexACodes.IsKnown(column, value));

    [Theory]
    [InlineData("Contact Source", "Carrier pigeon")]
    [InlineData("Ethnicity", "Martian")]
    [InlineData("Referral NFA?", "Maybe")]
    [InlineData("Child's Legal Status", "Z9")]
    public void Codes_Unknown(string column, string value) => Assert.False(AnnexACodes.IsKnown(column, value));
}
