using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Trellis.Testing;

namespace Trellis.Cli.Tests;

public sealed class AnnexACommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "trellis-annexa-cli", Guid.NewGuid().ToString("N"));

    public AnnexACommandTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Trellis:DataDirectory"] = Path.Combine(_folder, "data"),
        }).Build();
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApp.RunAsync(args, stdout, stderr, configuration);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private string Lists()
    {
        var lists = Path.Combine(_folder, "lists");
        Directory.CreateDirectory(lists);
        File.WriteAllText(Path.Combine(lists, "a.csv"),
            "Child Unique ID,Date of Birth,Date of Referral,Referral Source,Referral NFA?,Allocated Team,Allocated Worker\n"
            + "C-1001,14/02/2015,01/04/2025,a) 1A: Individual,No,Team A,Worker A\n"
            + "C-1002,03/03/2016,15/05/2025,Police,Yes,Team A,Worker A\n"
            + "C-1001,14/02/2015,01/09/2025,Police,No,Team B,Worker B\n"
            + "C-1003,21/07/2012,31/09/2025,Police,No,Team B,Worker B\n"
            + ",01/01/2010,02/09/2025,Police,No,Team B,Worker B\n");
        File.WriteAllText(Path.Combine(lists, "b.csv"),
            "Child Unique ID,Date of Contact,Contact Source\nC-1001,20/03/2025,Police\nC-1004,01/06/2025,Schools\n");
        return lists;
    }

    [Fact]
    public async Task Validate_Json_IsAloneOnStdout_AndNamesPlacesNotValues()
    {
        var (code, stdout, stderr) = await RunAsync("annexa", "validate", Lists(), "--json");

        Assert.Equal(CliApp.Ok, code);
        Assert.Equal(string.Empty, stderr);
        using var json = JsonDocument.Parse(stdout);
        var lists = json.RootElement.GetProperty("lists");
        Assert.Equal(11, lists.GetArrayLength());
        var referrals = lists.EnumerateArray().Single(l => l.GetProperty("list").GetString() == "referrals");
        Assert.True(referrals.GetProperty("found").GetBoolean());
        Assert.Equal("a.csv", referrals.GetProperty("file").GetString());
        Assert.Equal(5, referrals.GetProperty("rows").GetInt32());
        Assert.Equal(1, referrals.GetProperty("blankIdRows").GetInt32());
        Assert.Equal(1, json.RootElement.GetProperty("errors").GetInt32());
        Assert.DoesNotContain("C-100", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("31/09/2025", stdout, StringComparison.Ordinal);
        Assert.Contains("a.csv, row 5, column 'Date of Referral': not a date (expected dd/mm/yyyy)", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_Text_ListsWhatWasFound()
    {
        var (code, stdout, _) = await RunAsync("annexa", "validate", Lists());

        Assert.Equal(CliApp.Ok, code);
        Assert.Contains("List 3: Referrals: a.csv, header row 1, 5 rows", stdout, StringComparison.Ordinal);
        Assert.Contains("List 7: Child protection: not found", stdout, StringComparison.Ordinal);
        Assert.Contains("a.csv, row 6, column 'Child Unique ID': blank; the row is left out of every indicator", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_NoListOrUnreadableFile_ExitsOne_NamingTheFile()
    {
        var notes = await RunAsync("annexa", "validate", Write("notes.csv", "Note,Author\nhello,me\n"));
        Assert.Equal(CliApp.BadInput, notes.Code);
        Assert.Contains("'notes.csv': no Annex A list was found", notes.Err, StringComparison.Ordinal);

        var broken = await RunAsync("annexa", "validate", Write("broken.xlsx", "not a zip"));
        Assert.Equal(CliApp.BadInput, broken.Code);
        Assert.Contains("broken.xlsx", broken.Err, StringComparison.Ordinal);
        Assert.Equal(string.Empty, broken.Out);

        var missing = await RunAsync("annexa", "validate", Path.Combine(_folder, "nothing-here.xlsx"));
        Assert.Equal(CliApp.BadInput, missing.Code);
        Assert.Contains("nothing-here.xlsx", missing.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compute_Json_EveryIndicator_WithNumeratorsAndStatus()
    {
        var (code, stdout, stderr) = await RunAsync("annexa", "compute", Lists(), "--at", "2025-09-30", "--population", "10000", "--json");

        Assert.Equal(CliApp.Ok, code);
        Assert.Contains("list 3 (5 rows)", stderr, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal("2025-09-30", json.RootElement.GetProperty("referenceDate").GetString());
        Assert.Equal(12, json.RootElement.GetProperty("windowMonths").GetInt32());
        var indicators = json.RootElement.GetProperty("indicators").EnumerateArray().ToList();
        Assert.Equal(25, indicators.Count);
        // Referrals in the window with a readable date and an id: 01/04, 15/05, 01/09 (31/09 is not a date; the blank id is dropped).
        var referrals = indicators.Single(i => i.GetProperty("id").GetInt32() == 3);
        Assert.Equal(3m, referrals.GetProperty("numerator").GetDecimal());
        Assert.Equal(3.0m, referrals.GetProperty("value").GetDecimal());
        var nfa = indicators.Single(i => i.GetProperty("id").GetInt32() == 5);
        Assert.Equal((1m, 3m), (nfa.GetProperty("numerator").GetDecimal(), nfa.GetProperty("denominator").GetDecimal()));
        var cpp = indicators.Single(i => i.GetProperty("id").GetInt32() == 12);
        Assert.Equal("null", cpp.GetProperty("status").GetString());
        Assert.DoesNotContain("C-100", stdout + stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compute_WrongUsage_ExitsTwo()
    {
        Assert.Equal(CliApp.Usage, (await RunAsync("annexa", "compute", Lists(), "--at", "30/09/2025")).Code);
        Assert.Equal(CliApp.Usage, (await RunAsync("annexa", "compute", Lists(), "--at", "2025-09-30", "--window", "3")).Code);
        Assert.Equal(CliApp.Usage, (await RunAsync("annexa", "compute", Lists())).Code);
    }

    [SharedDataFact]
    public async Task Compute_SampleWorkbook_Text()
    {
        var (code, stdout, _) = await RunAsync("annexa", "compute", SharedData.Path("annexa", "annex_a_sample_liia_tools.xlsx"), "--at", "2021-03-31", "--window", "6");

        Assert.Equal(CliApp.Ok, code);
        Assert.StartsWith("Annex A indicators at 2021-03-31, window 6 months", stdout, StringComparison.Ordinal);
        Assert.Contains("25. ", stdout, StringComparison.Ordinal);
    }
}
