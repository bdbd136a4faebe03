using Trellis.Indicators.AnnexA;

namespace Trellis.Indicators.Tests.AnnexA;

public class AnnexADataBuilderTests
{
    private static readonly AnnexAOptions AtR = new() { ReferenceDate = new DateOnly(2024, 5, 31), WindowMonths = 6, Population = 10000 };

    [Fact]
    public void A_list_in_two_files_appends_and_duplicates_across_them_keep_the_first()
    {
        var builder = new AnnexADataBuilder();
        string[] headers = ["Child Unique ID", "Date of Contact", "Contact Source"];
        TestRow.Push(builder, AnnexAList.Contacts, headers, [["A", "2024-01-05", "Police"], ["B", "2024-02-05", "School"]], "jan.csv");
        TestRow.Push(builder, AnnexAList.Contacts, ["Contact Source", "Date of Contact", "Child Unique ID"], [["Police", "05/01/2024", "A"], ["Health", "2024-03-05", "C"]], "feb.csv");
        var data = builder.Build();

        var report = data.Report(AnnexAList.Contacts)!;
        Assert.Equal(3, report.RowsKept);
        Assert.Equal(1, report.DuplicateRows);
        Assert.Equal(["jan.csv", "feb.csv"], report.Sources);
        Assert.Equal(3, data.ChildCount);
        var contacts = AnnexAEngine.Compute(data, AtR).Indicators[0];
        Assert.Equal(3m, contacts.Numerator);
        Assert.Equal(3.0m, contacts.Value);
    }

    [Fact]
    public void Date_and_number_cells_are_excel_serials_and_ids_from_numbers_lose_the_fraction()
    {
        var builder = new AnnexADataBuilder();
        TestRow.Push(builder, AnnexAList.Contacts, ["Child Unique ID", "Date of Contact"], [["=1001", "@45352.5"], ["1001.0", "=45353"], ["\"  1001 \"", "45354"]]);
        var data = builder.Build();
        Assert.Equal(1, data.ChildCount);
        Assert.Equal("1001", data.ChildId(0));
        var results = AnnexAEngine.Compute(data, AtR);
        Assert.Equal(new AnnexACoverage(new DateOnly(2024, 3, 1), new DateOnly(2024, 3, 3)), results.Coverage);
        Assert.Equal(3m, results.Indicators[0].Numerator);
    }

    [Fact]
    public void Unreadable_values_are_counted_with_the_first_place_they_occur()
    {
        var builder = new AnnexADataBuilder();
        TestRow.Push(
            builder,
            AnnexAList.Referrals,
            ["Child Unique ID", "Date of referral", "Referral NFA?"],
            [["A", "2024-01-05", "Yes"], ["B", "31/02/2024", "Yes"], ["C", "!#N/A", "Perhaps"], ["!#N/A", "2024-01-05", "No"], ["", "2024-01-05", "No"]],
            "referrals.csv");
        var report = builder.Build().Report(AnnexAList.Referrals)!;

        Assert.Equal(3, report.RowsKept);
        Assert.Equal(1, report.UnreadableIdRows);
        Assert.Equal(1, report.BlankIdRows);
        var dates = report.Unreadable.Single(u => u.Column == "Date of referral");
        Assert.Equal((2, "referrals.csv", 3, "31/02/2024"), (dates.Count, dates.FirstSource, dates.FirstRow, dates.FirstText));
        Assert.Equal(1, report.Unreadable.Single(u => u.Column == "Referral NFA?").Count);
        Assert.Contains("Allocated Team", report.MissingColumns);
    }

    [Fact]
    public void Unreadable_key_values_compare_by_their_text()
    {
        var builder = new AnnexADataBuilder();
        TestRow.Push(builder, AnnexAList.Assessments, ["Child Unique ID", "Continuous Assessment Start Date"], [["A", "soon"], ["A", "soon"], ["A", "later"], ["A", ""], ["A", ""]]);
        var report = builder.Build().Report(AnnexAList.Assessments)!;
        Assert.Equal(3, report.RowsKept);
        Assert.Equal(2, report.DuplicateRows);
    }

    [Fact]
    public void Leftmost_matching_header_wins()
    {
        var builder = new AnnexADataBuilder();
        TestRow.Push(builder, AnnexAList.Contacts, ["Child Unique ID", "Date-of-Contact", "date of contact"], [["A", "2024-05-01", "2020-01-01"]]);
        var results = AnnexAEngine.Compute(builder.Build(), AtR);
        Assert.Equal(new DateOnly(2024, 5, 1), results.Coverage!.C0);
    }

    [Fact]
    public void A_missing_list_or_column_makes_its_indicators_null_with_the_name()
    {
        var builder = new AnnexADataBuilder();
        TestRow.Push(builder, AnnexAList.Referrals, ["Child Unique ID", "Date of referral", "Referral NFA?"], [["A", "2024-01-05", "Yes"]]);
        var results = AnnexAEngine.Compute(builder.Build(), AtR);
        var byId = results.Indicators.ToDictionary(i => i.Id);

        Assert.Equal((ResultStatus.Null, "missing: List 1: Contacts"), (byId[1].Status, byId[1].Reason));
        Assert.Equal("missing: List 1: Contacts", byId[2].Reason);
        Assert.Equal("missing: Number of Referrals in Last 12 Months", byId[4].Reason);
        Assert.Null(byId[4].Value);
        Assert.Equal(ResultStatus.Approximate, byId[5].Status); // R is after the only referral, C1
        Assert.Equal(100.0m, byId[5].Value);
        Assert.Equal("missing: List 7: Child protection", byId[12].Reason);
    }

    [Fact]
    public void A_column_missing_from_one_of_two_files_counts_as_missing()
    {
        var builder = new AnnexADataBuilder();
        TestRow.Push(builder, AnnexAList.Referrals, ["Child Unique ID", "Date of referral", "Referral NFA?"], [["A", "2024-01-05", "Yes"]], "one.csv");
        TestRow.Push(builder, AnnexAList.Referrals, ["Child Unique ID", "Date of referral"], [["B", "2024-01-06"]], "two.csv");
        var data = builder.Build();
        Assert.Contains("Referral NFA?", data.Report(AnnexAList.Referrals)!.MissingColumns);
        Assert.Equal("missing: Referral NFA?", AnnexAEngine.Compute(data, AtR).Indicators[4].Reason);
    }

    [Fact]
    public void Lists_no_indicator_uses_are_skipped_and_the_builder_closes_on_build()
    {
        var builder = new AnnexADataBuilder();
        Assert.Null(builder.BeginList(AnnexAList.EarlyHelp, ["Child Unique ID"], "eh.csv"));
        var data = builder.Build();
        Assert.False(data.HasList(AnnexAList.EarlyHelp));
        Assert.Empty(data.Lists);
        Assert.Throws<InvalidOperationException>(() => builder.BeginList(AnnexAList.Contacts, ["Child Unique ID"], "c.csv"));
    }
}
