using System.Globalization;
using System.Text;
using Trellis.Core.AnnexA;
using Trellis.Indicators.AnnexA;
using Trellis.Testing;
using static Trellis.Core.Tests.AnnexA.AnnexATestFiles;

namespace Trellis.Core.Tests.AnnexA;

public sealed class AnnexAReaderTests
{
    [SharedDataFact]
    public void OfstedTemplate_FindsAllElevenLists_OnRowTwo_AndPassesOverTheGuidanceSheets()
    {
        var receiver = new RecordingReceiver();
        var log = AnnexAReader.Read(SharedData.Path("annexa", "annex_a_ofsted_template_2019.xlsx"), receiver);

        Assert.Equal(AnnexALists.All, receiver.Lists.Select(l => l.List));
        Assert.All(log.Found, f => Assert.Equal(2, f.HeaderRow));
        Assert.Equal(["Front_Sheet", "FAQ_and_changes", "Guidance", "Codes_used"], log.Skipped.Select(s => s.Sheet));
        Assert.Equal("annex_a_ofsted_template_2019.xlsx, sheet 'List_3'", receiver[AnnexAList.Referrals].Source);
        foreach (var list in AnnexALists.All)
        {
            // Every template header is matched, including those written with a trailing space.
            Assert.Equal(AnnexAColumns.For(list).Take(receiver[list].Headers.Count), receiver[list].Headers);
            Assert.True(receiver[list].Ended);
        }
    }

    [SharedDataFact]
    public void LiiaSample_ReadsDriftedHeaders_DateCells_AndErrors()
    {
        var receiver = new RecordingReceiver();
        var log = AnnexAReader.Read(SharedData.Path("annexa", "annex_a_sample_liia_tools.xlsx"), receiver);

        Assert.Equal(11, log.Found.Count);
        Assert.Empty(log.Skipped);
        var referrals = receiver[AnnexAList.Referrals];
        Assert.Equal("Age of Child (Years)", referrals.Headers[4]);
        Assert.Equal("Date of referral", referrals.Headers[5]);
        Assert.Equal(6, referrals.Rows.Count);
        Assert.Equal(2, referrals.Rows[0].Number);
        var date = referrals.Cell(0, "Date of referral");
        Assert.Equal(CellKind.Date, date.Kind);
        Assert.Equal(new DateOnly(2020, 9, 16), DateOnly.FromDayNumber(new DateOnly(1899, 12, 30).DayNumber + (int)date.Number));
        Assert.Equal("s) 8: Other", referrals.Cell(0, "Referral Source").Text);
        Assert.Equal(CellKind.Error, receiver[AnnexAList.ChildrenInNeed].Cell(0, "Allocated Team").Kind);
        Assert.Equal("LA In Touch", receiver[AnnexAList.CareLeavers].Headers[9]);
    }

    [Fact]
    public void DriftedWorkbook_RenamedSheets_TitleRows_Spellings_ExtraColumns_SparseRows()
    {
        var folder = TempFolder();
        var path = Workbook(Path.Combine(folder, "council annex a.xlsx"),
            ("Read me", [Headers("This workbook holds our Annex A"), null, Headers("Prepared by the performance team")]),
            ("Sec47 and ICPC",
            [
                Headers("Section 47 enquiries, April to September"),
                Row(),
                Headers("Child ID", "Sex", "Ethnicity", "DOB (dd/mm/yyyy)", "Age", "Disabled", "Sec47 Start Date", "ICPC deemed unnecessary (Y/N)", "ICPC Date", "Did the ICPC result in a CP Plan", "Local notes"),
                Row("C1", "a) Male", "WBRI", TestCell.Date(2015, 3, 1), 10, "No", TestCell.Date(2025, 4, 1), "No", TestCell.Date(2025, 4, 14), "Yes", "note"),
                Row(),
                Row(TestCell.InlineText("C2"), TestCell.Blank, TestCell.Blank, TestCell.Blank, TestCell.Blank, TestCell.Blank, "03/05/2025"),
            ]),
            ("Sheet7", [Headers("Child Unique ID", "Date of Contact", "Contact Source"), Row(12345, 45000, "Police")]));

        var receiver = new RecordingReceiver();
        var log = AnnexAReader.Read(path, receiver);

        Assert.Equal([AnnexAList.Section47, AnnexAList.Contacts], receiver.Lists.Select(l => l.List));
        var s47 = receiver[AnnexAList.Section47];
        Assert.Equal(
            ["Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)", "Does the Child have a Disability",
             "Strategy discussion initiating Section 47 Enquiry Start Date", "Was an Initial Child Protection Conference deemed unnecessary?",
             "Date of Initial Child Protection Conference", "Did the Initial Child Protection Conference Result in a Child Protection Plan", "Local notes"],
            s47.Headers);
        Assert.Equal(3, log.Found[0].HeaderRow);
        Assert.Equal([4, 6], s47.Rows.Select(r => r.Number));
        Assert.Equal("C2", s47.Cell(1, "Child Unique ID").Text);
        Assert.Equal(CellKind.Blank, s47.Cell(1, "Gender").Kind);
        Assert.Equal(CellKind.Text, s47.Cell(1, "Strategy discussion initiating Section 47 Enquiry Start Date").Kind);
        Assert.Equal(CellKind.Number, receiver[AnnexAList.Contacts].Cell(0, "Date of Contact").Kind);
        Assert.Equal("Read me", Assert.Single(log.Skipped).Sheet);
    }

    [Fact]
    public void SameListTwice_SecondIsNotRead_AndSaysWhy()
    {
        var path = Workbook(Path.Combine(TempFolder(), "twice.xlsx"),
            ("A", [Headers("Child Unique ID", "Date of referral", "Referral Source"), Row("1", "01/01/2025", "Police")]),
            ("B", [Headers("Child Unique ID", "Date of referral", "Referral Source"), Row("2", "01/01/2025", "Police")]));

        var receiver = new RecordingReceiver();
        var log = AnnexAReader.Read(path, receiver);

        Assert.Single(receiver.Lists);
        Assert.Contains("already read from twice.xlsx, sheet 'A'", Assert.Single(log.Skipped).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void CsvFolder_FindsListsWhateverTheFilesAreCalled()
    {
        var folder = TempFolder();
        File.WriteAllText(Path.Combine(folder, "export_001.csv"), "\uFEFFChild Unique ID,Date of Referral,Referral Source,Referral NFA?\r\n1,01/04/2025,\"a) 1A: Individual\",No\r\n");
        File.WriteAllText(Path.Combine(folder, "export_002.csv"), "Run on 1 Oct\n\nChild Unique ID,CP Plan Start Date,CP Plan End Date,Number of Previous CP Plans\n7,2025-05-01,,0\n");
        File.WriteAllText(Path.Combine(folder, "notes.csv"), "Note,Author\nnothing here,me\n");

        var receiver = new RecordingReceiver();
        var log = AnnexAReader.Read(folder, receiver);

        Assert.Equal([AnnexAList.Referrals, AnnexAList.ChildProtection], receiver.Lists.Select(l => l.List));
        Assert.Equal("Child Unique ID", receiver[AnnexAList.Referrals].Headers[0]);
        Assert.Equal("a) 1A: Individual", receiver[AnnexAList.Referrals].Cell(0, "Referral Source").Text);
        Assert.Equal(["Child Unique ID", "Child Protection Plan Start Date", "Child Protection Plan End Date", "Number of Previous Child Protection Plans"], receiver[AnnexAList.ChildProtection].Headers);
        Assert.Equal(4, receiver[AnnexAList.ChildProtection].Rows[0].Number);
        Assert.Equal("export_002.csv", receiver[AnnexAList.ChildProtection].Source);
        Assert.Equal("notes.csv", Assert.Single(log.Skipped).File);
    }

    [Fact]
    public void Csv_QuotedFields_DoubledQuotes_EmbeddedNewlines_LineEndings()
    {
        var path = Path.Combine(TempFolder(), "contacts.csv");
        File.WriteAllText(path, "Child Unique ID,Date of Contact,Contact Source,Notes\r\n\"00123\",\"01/04/2025\",\"Police, local\",\"said \"\"hello\"\"\r\nthen left\"\n" + "456,02/04/2025,,\r\n" + "789,,\"\",last");

        var receiver = new RecordingReceiver();
        AnnexAReader.Read(path, receiver);

        var contacts = receiver[AnnexAList.Contacts];
        Assert.Equal(3, contacts.Rows.Count);
        Assert.Equal("00123", contacts.Cell(0, "Child Unique ID").Text);
        Assert.Equal("Police, local", contacts.Cell(0, "Contact Source").Text);
        Assert.Equal("said \"hello\"\r\nthen left", contacts.Cell(0, "Notes").Text);
        Assert.Equal([2, 3, 4], contacts.Rows.Select(r => r.Number));
        Assert.Equal(CellKind.Blank, contacts.Cell(1, "Contact Source").Kind);
        Assert.Equal(CellKind.Blank, contacts.Cell(2, "Contact Source").Kind);
        Assert.Equal("last", contacts.Cell(2, "Notes").Text);
    }

    [Fact]
    public void Csv_ParserHandlesBlocksLargerThanItsBuffer()
    {
        var text = new StringBuilder("Child Unique ID,Date of Contact,Contact Source\n");
        var longField = new string('x', 100_000);
        text.Append(CultureInfo.InvariantCulture, $"1,01/04/2025,\"{longField}\"\"{longField}\"\n");
        for (var i = 0; i < 20_000; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{i},01/04/2025,Police\r\n");
        }

        var path = Path.Combine(TempFolder(), "big.csv");
        File.WriteAllText(path, text.ToString());
        var receiver = new RecordingReceiver();
        AnnexAReader.Read(path, receiver);

        var contacts = receiver[AnnexAList.Contacts];
        Assert.Equal(20_001, contacts.Rows.Count);
        Assert.Equal(longField + "\"" + longField, contacts.Cell(0, "Contact Source").Text);
        Assert.Equal("19999", contacts.Cell(20_000, "Child Unique ID").Text);
    }

    [Theory]
    [InlineData(AnnexAList.Referrals, "Date of Referral", "Date of referral")]
    [InlineData(AnnexAList.Referrals, " DATE  OF REFERRAL ", "Date of referral")]
    [InlineData(AnnexAList.ChildProtection, "Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months", "Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)")]
    [InlineData(AnnexAList.LookedAfter, "Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N))", "Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)")]
    [InlineData(AnnexAList.Section47, "Number of Sec47 Enquiries in the last 12 months", "Number of Section 47 Enquiries in the last 12 months")]
    [InlineData(AnnexAList.ChildProtection, "CP Plan Start Date", "Child Protection Plan Start Date")]
    [InlineData(AnnexAList.ChildProtection, "Date of Last Statutory Visit", "Date of the Last Statutory Visit")]
    [InlineData(AnnexAList.Assessments, "Was the child assessed as requiring LA children's social care support", "Was the child assessed as requiring LA children’s social care support")]
    [InlineData(AnnexAList.Contacts, "Age", "Age of Child (Years)")]
    [InlineData(AnnexAList.Adopters, "Disability", "Disability")]
    [InlineData(AnnexAList.Assessments, "Disability", "Does the Child have a Disability")]
    [InlineData(AnnexAList.ChildrenInNeed, "Case Status", "Case status")]
    public void Match_DriftedSpellings(AnnexAList list, string header, string expected) =>
        Assert.Equal(expected, AnnexAHeaders.Match(list, header));

    [Theory]
    [InlineData(AnnexAList.Contacts, "Date of referral")]
    [InlineData(AnnexAList.Referrals, "Local notes")]
    [InlineData(AnnexAList.Referrals, "")]
    public void Match_OtherHeaders_AreNotTemplateColumns(AnnexAList list, string header) => Assert.Null(AnnexAHeaders.Match(list, header));

    [Fact]
    public void Identify_CodeListAndGuidanceHeaders_AreNotLists()
    {
        Assert.Null(AnnexAHeaders.Identify(["Gender", "", "Ethnicity", "", "Contact / Referral Source", "Referral NFA?", "Does the Child have a Disability", "Child Seen During Continuous Assessment", "Placement Type", "Child's Legal Status"]));
        Assert.Null(AnnexAHeaders.Identify(["List Number/Title", "Field Heading", "Detailed Guidance"]));
        Assert.Equal(AnnexAList.Contacts, AnnexAHeaders.Identify(["Child Unique ID", "Gender", "Date of Contact"]));
        Assert.Equal(AnnexAList.Referrals, AnnexAHeaders.Identify(["Child Unique ID", "Gender", "Date of Contact", "Date of referral", "Referral Source"]));
        Assert.Equal(AnnexAList.Adopters, AnnexAHeaders.Identify(["Individual adopter identifier", "Family identifier", "Date enquiry received"]));
    }

    [Fact]
    public void NotAWorkbook_SaysSoNamingTheFile()
    {
        var path = Path.Combine(TempFolder(), "lists.xlsx");
        File.WriteAllText(path, "Child Unique ID,Date of Contact\n");

        var error = Assert.Throws<AnnexAReadException>(() => AnnexAReader.Read(path, new RecordingReceiver()));
        Assert.Contains("lists.xlsx", error.Message, StringComparison.Ordinal);
    }
}
