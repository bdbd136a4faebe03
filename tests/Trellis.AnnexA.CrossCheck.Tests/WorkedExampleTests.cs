using Trellis.Core.AnnexA.Synthetic;
using Trellis.Indicators.AnnexA;

namespace Trellis.AnnexA.CrossCheck.Tests;

/// <summary>The DuckDB SQL against DEFINITIONS §7's worked examples, computed by hand there.</summary>
public sealed class WorkedExampleTests : IDisposable
{
    private static readonly DateOnly R = new(2024, 5, 31);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "trellis-annexa-worked", Guid.NewGuid().ToString("N"));

    public WorkedExampleTests()
    {
        Directory.CreateDirectory(_folder);
        foreach (var list in AnnexALists.All)
        {
            Write(list);
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void E1_Assessments()
    {
        Write(AnnexAList.Assessments,
            "A1,2024-02-23,Yes,2024-04-30",
            "A2,2024-02-23,a) Yes,01/05/2024",
            "A3,2024-04-10,No,2024-04-10",
            "A4,2024-01-02,Yes,",
            "A5,,Yes,2024-04-15",
            "A6,2023-10-02,Unknown,2023-11-30",
            "A7,2024-03-01,,2024-03-28",
            "A8,2024-05-20,Unknown,45440");
        var figures = AnnexADuckDb.Compute(_folder, R, 6, population: null);
        Assert.Equal((4L, 5L, 80.0m), Overall(figures, "6"));
        Assert.Equal((3L, 5L, 60.0m), Overall(figures, "7"));
    }

    [Fact]
    public void E2_ChildProtection()
    {
        Write(AnnexAList.ChildProtection,
            "T1,2024-04-02,,2024-05-24,,0",
            "T2,2023-06-01,,2024-05-16,2023-11-30,2",
            "T3,2024-01-10,,2024-05-15,2024-04-03,1",
            "T4,2023-09-01,,,,0",
            "T5,2022-03-01,2024-03-01,,,0",
            "T6,2023-12-15,2024-05-31,,,0",
            "T7,,,,,0");
        var figures = AnnexADuckDb.Compute(_folder, R, 6, population: 25_000);
        Assert.Equal((4L, 25_000L, 1.6m), Overall(figures, "12"));
        Assert.Equal((2L, 4L, 50.0m), Overall(figures, "15"));
        Assert.Equal((3L, 4L, 75.0m), Overall(figures, "16"));
        Assert.Equal((1L, 3L, 33.3m), Overall(figures, "13"));
        Assert.Equal((1L, 2L, 50.0m), Overall(figures, "14"));
    }

    [Fact]
    public void E3_ContactsAndReferrals()
    {
        Write(AnnexAList.Contacts,
            "X1,2024-01-05,Police",
            "X1,2024-01-05,Police",
            "X1,2024-03-10,School",
            "X2,2024-02-01,Police",
            "X3,,Police",
            "X4,2023-11-30,Health",
            "X5,2024-05-31,Police");
        Write(AnnexAList.Referrals,
            "X1,2024-01-06,No,1,Duty A",
            "X1,2024-04-20,No,1,Duty A",
            "X2,2024-02-02,No,1,Duty A",
            "X6,2024-03-15,,,",
            "X8,2024-05-31,Yes,0,Duty B",
            "X7,,No,0,Duty B");
        var figures = AnnexADuckDb.Compute(_folder, R, 6, population: 40_000);
        Assert.Equal((4L, 40_000L, 1.0m), Overall(figures, "1"));
        Assert.Equal((2L, 3L, 66.7m), Overall(figures, "2"));
        Assert.Equal((5L, 40_000L, 1.3m), Overall(figures, "3"));
        Assert.Equal((2L, 5L, 40.0m), Overall(figures, "4"));
        Assert.Equal((1L, 4L, 25.0m), Overall(figures, "5"));
        var duty = figures.Where(f => f.Indicator == "5").ToDictionary(f => f.Group, f => (f.N, f.D, f.Value));
        Assert.Equal((0L, (long?)3L, (decimal?)0.0m), duty["team:Duty A"]);
        Assert.Equal((1L, (long?)1L, (decimal?)100.0m), duty["team:Duty B"]);
        Assert.False(duty.ContainsKey("team:Unallocated")); // D = 0 there: no facts
    }

    [Fact]
    public void Dates_SerialNumbersTextAndImpossibleDates()
    {
        // 45440 is 2024-05-28 as an Excel serial; 30/02/2024 cannot be read and excludes its row.
        Write(AnnexAList.Section47,
            "S1,45432,No,45440,Yes",
            "S2,2024-05-01,No,30/02/2024,Yes",
            "S3,1/5/2024 00:00,No,22/5/2024,No");
        var figures = AnnexADuckDb.Compute(_folder, R, 6, population: 10_000);
        Assert.Equal((3L, 10_000L, 3.0m), Overall(figures, "8"));
        Assert.Equal((2L, 2L, 100.0m), Overall(figures, "9"));

        // S1: 2024-05-20 to 2024-05-28 is 5 working days (27 May is a bank holiday); S3: 1 to 22 May is 14.
        Assert.Equal((2L, 2L, 100.0m), Overall(figures, "10"));
        Assert.Equal((1L, 2L, 50.0m), Overall(figures, "11"));
    }

    private static (long N, long D, decimal Value) Overall(IReadOnlyList<DuckDbFigure> figures, string id)
    {
        var figure = Assert.Single(figures, f => f.Indicator == id && f.Group == "all");
        return (figure.N, figure.D ?? -1, figure.Value ?? -1);
    }

    /// <summary>A list's CSV: the template's headers, and rows giving the columns the examples use.</summary>
    private void Write(AnnexAList list, params string[] rows)
    {
        string[] used = list switch
        {
            AnnexAList.Contacts => ["Child Unique ID", "Date of Contact", "Contact Source"],
            AnnexAList.Referrals => ["Child Unique ID", "Date of referral", "Referral NFA?", "Number of Referrals in Last 12 Months", "Allocated Team"],
            AnnexAList.Assessments => ["Child Unique ID", "Continuous Assessment Start Date", "Child Seen During Continuous Assessment", "Continuous Assessment Date of Authorisation"],
            AnnexAList.Section47 => ["Child Unique ID", "Strategy discussion initiating Section 47 Enquiry Start Date", "Was an Initial Child Protection Conference deemed unnecessary?", "Date of Initial Child Protection Conference", "Did the Initial Child Protection Conference Result in a Child Protection Plan"],
            AnnexAList.ChildProtection => ["Child Unique ID", "Child Protection Plan Start Date", "Child Protection Plan End Date", "Date of the Last Statutory Visit", "Date of latest review conference", "Number of Previous Child Protection Plans"],
            _ => ["Child Unique ID"],
        };
        var headers = AnnexAColumns.For(list);
        var lines = new List<string> { string.Join(',', headers.Select(h => h.Contains(',', StringComparison.Ordinal) ? $"\"{h}\"" : h)) };
        foreach (var row in rows)
        {
            var values = row.Split(',');
            var cells = new string[headers.Count];
            for (var i = 0; i < used.Length; i++)
            {
                cells[headers.ToList().IndexOf(used[i])] = values[i];
            }

            lines.Add(string.Join(',', cells.Select(c => c ?? "")));
        }

        File.WriteAllLines(Path.Combine(_folder, AnnexASyntheticFiles.CsvFileName(list)), lines);
    }
}
