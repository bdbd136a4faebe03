using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace Trellis.Cli.Tests;

public sealed class AnnexAStoreCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "trellis-annexa-store-cli", Guid.NewGuid().ToString("N"));

    public AnnexAStoreCommandTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Trellis:DataDirectory"] = Path.Combine(_folder, "data"),
            ["Trellis:DemoData"] = "true",
        }).Build();
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApp.RunAsync(args, stdout, stderr, configuration);
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Referrals and contacts with bad rows: an unreadable date, an unknown code, a blank id, a repeated row.</summary>
    private string Lists()
    {
        var lists = Path.Combine(_folder, "lists");
        Directory.CreateDirectory(lists);
        File.WriteAllText(Path.Combine(lists, "a.csv"),
            "Child Unique ID,Date of Birth,Date of Referral,Referral Source,Referral NFA?,Allocated Team,Allocated Worker\n"
            + "ZX-88231,14/02/2015,01/04/2025,a) 1A: Individual,No,Team A,Worker A\n"
            + "ZX-88232,03/03/2016,15/05/2025,Police,Yes,Team A,Worker A\n"
            + "ZX-88231,14/02/2015,01/09/2025,Police,No,Team B,Worker B\n"
            + "ZX-88233,21/07/2012,31/09/2025,Martians,No,Team B,Worker B\n"
            + ",01/01/2010,02/09/2025,Police,No,Team B,Worker B\n"
            + "ZX-88232,03/03/2016,15/05/2025,Police,Yes,Team A,Worker A\n");
        File.WriteAllText(Path.Combine(lists, "b.csv"),
            "Child Unique ID,Date of Contact,Contact Source\nZX-88231,20/03/2025,Police\nZX-88234,01/06/2025,Schools\n");
        return lists;
    }

    [Fact]
    public async Task Load_WithoutAccept_PreviewsAndStoresNothing_WithAccept_Stores_AndTheSameFileAgainAddsNothing()
    {
        var lists = Lists();

        var preview = await RunAsync("annexa", "load", lists, "--json");
        Assert.Equal(CliApp.Ok, preview.Code);
        var previewJson = JsonDocument.Parse(preview.Out).RootElement;
        Assert.False(previewJson.GetProperty("stored").GetBoolean());
        Assert.Equal(6, previewJson.GetProperty("new").GetInt32()); // 4 referrals (blank id and repeat not stored) + 2 contacts
        var none = await RunAsync("annexa", "uploads", "--json");
        Assert.Equal(0, JsonDocument.Parse(none.Out).RootElement.GetProperty("rows").GetInt32());

        var accepted = await RunAsync("annexa", "load", lists, "--accept", "--json");
        Assert.Equal(CliApp.Ok, accepted.Code);
        var acceptedJson = JsonDocument.Parse(accepted.Out).RootElement;
        Assert.True(acceptedJson.GetProperty("stored").GetBoolean());
        var referrals = acceptedJson.GetProperty("lists").EnumerateArray().Single(l => l.GetProperty("list").GetInt32() == 3);
        Assert.Equal((6, 4, 2), (referrals.GetProperty("read").GetInt32(), referrals.GetProperty("new").GetInt32(), referrals.GetProperty("notStored").GetInt32()));

        var again = await RunAsync("annexa", "load", lists, "--accept", "--json");
        var againJson = JsonDocument.Parse(again.Out).RootElement;
        Assert.False(againJson.GetProperty("stored").GetBoolean());
        Assert.Equal(acceptedJson.GetProperty("uploadId").GetInt32(), againJson.GetProperty("alreadyLoadedAs").GetInt32());

        var uploads = JsonDocument.Parse((await RunAsync("annexa", "uploads", "--json")).Out).RootElement;
        Assert.Equal(6, uploads.GetProperty("rows").GetInt32());
        Assert.Equal("2025-03-20", uploads.GetProperty("heldFrom").GetString());
        Assert.Single(uploads.GetProperty("uploads").EnumerateArray());
    }

    [Fact]
    public async Task Load_WithBadRows_NoIdOrDateFromTheFileReachesTheOutput()
    {
        var (code, stdout, stderr) = await RunAsync("annexa", "load", Lists(), "--accept");

        Assert.Equal(CliApp.Ok, code);
        Assert.Contains("row", stderr, StringComparison.Ordinal); // the findings are reported, by place
        foreach (var value in new[] { "ZX-8823", "14/02/2015", "03/03/2016", "21/07/2012", "31/09/2025", "01/04/2025", "Martians", "20/03/2025" })
        {
            Assert.DoesNotContain(value, stdout, StringComparison.Ordinal);
            Assert.DoesNotContain(value, stderr, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ComputeStored_SaysWhetherEachResultIsExact_AndPurgeDryRunDeletesNothing()
    {
        var missing = await RunAsync("annexa", "compute", "--stored", "--at", "2025-09-30");
        Assert.Equal(CliApp.BadInput, missing.Code);
        Assert.Contains("No Annex A history", missing.Err, StringComparison.Ordinal);

        await RunAsync("annexa", "load", Lists(), "--accept", "--covers-from", "2025-03-01", "--extract-date", "2025-09-30");
        var (code, stdout, _) = await RunAsync("annexa", "compute", "--stored", "--at", "2025-09-30", "--window", "6", "--json");

        Assert.Equal(CliApp.Ok, code);
        var indicators = JsonDocument.Parse(stdout).RootElement.GetProperty("indicators").EnumerateArray().ToList();
        var nfa = indicators.Single(i => i.GetProperty("key").GetString() == "referrals-nfa");
        Assert.Equal("exact: history held from 1 Mar 2025", nfa.GetProperty("reason").GetString());
        var year = await RunAsync("annexa", "compute", "--stored", "--at", "2025-09-30", "--window", "12", "--json");
        var nfaYear = JsonDocument.Parse(year.Out).RootElement.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("key").GetString() == "referrals-nfa");
        Assert.Equal("approximate: only 7 months held (from 1 Mar 2025), needs 12", nfaYear.GetProperty("reason").GetString());

        var purge = await RunAsync("annexa", "purge", "--dry-run");
        Assert.Equal(CliApp.Ok, purge.Code);
        Assert.StartsWith("Would delete 0 rows", purge.Out, StringComparison.Ordinal);

        Assert.Equal(CliApp.Usage, (await RunAsync("annexa", "compute", "--at", "2025-09-30")).Code);
        Assert.Equal(CliApp.Usage, (await RunAsync("annexa", "load", Lists(), "--extract-date", "30/09/2025")).Code);
    }
}
