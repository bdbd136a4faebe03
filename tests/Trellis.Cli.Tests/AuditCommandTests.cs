using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace Trellis.Cli.Tests;

/// <summary>trellis audit verify | export, over the demo installation's SQLite database.</summary>
public sealed class AuditCommandTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "trellis-cli-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    private async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Trellis:DataDirectory"] = _dataDirectory,
            ["Trellis:DemoData"] = "true",
        }).Build();
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApp.RunAsync(args, stdout, stderr, configuration);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private async Task SqlAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_dataDirectory, "trellis.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task Verify_UntouchedDemo_Exits0AndSaysIntact()
    {
        var (code, stdout, stderr) = await RunAsync("audit", "verify", "--json");
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(stdout);
        Assert.True(json.RootElement.GetProperty("intact").GetBoolean());
        var checkedCount = json.RootElement.GetProperty("recordsChecked").GetInt64();
        Assert.True(checkedCount > 100, $"the demo plan should leave hundreds of records, found {checkedCount}");
        Assert.Equal(checkedCount, json.RootElement.GetProperty("headSequence").GetInt64());
        Assert.Contains("The audit trail is intact", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_RecordEditedBySql_Exits1NamingTheRecord()
    {
        await RunAsync("plans");
        await SqlAsync("""UPDATE "AuditRecords" SET "After" = replace("After", 'a', 'b') WHERE "Sequence" = 7""");

        var (code, stdout, stderr) = await RunAsync("audit", "verify");
        Assert.Equal(1, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("The audit trail is broken at record 7 (", stderr, StringComparison.Ordinal);
        Assert.Contains("the record was altered", stderr, StringComparison.Ordinal);

        var (jsonCode, jsonOut, _) = await RunAsync("audit", "verify", "--json");
        Assert.Equal(1, jsonCode);
        using var json = JsonDocument.Parse(jsonOut);
        Assert.False(json.RootElement.GetProperty("intact").GetBoolean());
        Assert.Equal(7, json.RootElement.GetProperty("problem").GetProperty("sequence").GetInt64());
        Assert.Equal(6, json.RootElement.GetProperty("recordsChecked").GetInt64());
    }

    [Fact]
    public async Task Verify_RecordDeleted_Exits1NamingTheMissingRecord()
    {
        await RunAsync("plans");
        await SqlAsync("""DELETE FROM "AuditRecords" WHERE "Sequence" = 12""");

        var (code, _, stderr) = await RunAsync("audit", "verify");
        Assert.Equal(1, code);
        Assert.Contains("broken at record 12: record 12 is missing", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_PlanAsJson_WritesOnlyThatPlansRecordsByTheCommandLineUser()
    {
        var (_, plans, _) = await RunAsync("plans", "--json");
        int planId;
        using (var list = JsonDocument.Parse(plans))
        {
            planId = list.RootElement[0].GetProperty("id").GetInt32();
        }

        var file = Path.Combine(_dataDirectory, "audit.json");
        var (code, stdout, stderr) = await RunAsync("audit", "export", "--plan", planId.ToString(System.Globalization.CultureInfo.InvariantCulture), "--format", "json", "--out", file);
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains(file, stderr, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(file));
        var records = json.RootElement.EnumerateArray().ToList();
        Assert.NotEmpty(records);
        Assert.All(records, r => Assert.Equal(planId, r.GetProperty("planId").GetInt32()));
        Assert.Contains(records, r => r.GetProperty("entityType").GetString() == "PlanAction" && r.GetProperty("operation").GetString() == "created");
        // The demo plan was seeded by this command line's first run, so it speaks for the operating-system user.
        Assert.All(records, r => Assert.Equal($"command line ({Environment.UserName})", r.GetProperty("actorName").GetString()));
        Assert.False(File.Exists(file + ".partial"));
    }

    [Fact]
    public async Task Export_Csv_HasAHeaderAndOneLinePerRecord()
    {
        var file = Path.Combine(_dataDirectory, "audit.csv");
        var (code, _, _) = await RunAsync("audit", "export", "--out", file);
        Assert.Equal(0, code);
        var (_, verify, _) = await RunAsync("audit", "verify", "--json");
        using var json = JsonDocument.Parse(verify);
        var text = await File.ReadAllTextAsync(file);
        Assert.StartsWith("sequence,at,organisation_id,actor_user_id,actor_name,entity_type,entity_id,plan_id,parent_type,parent_id,operation,before,after,previous_hash,hash\n", text, StringComparison.Ordinal);
        Assert.EndsWith("," + json.RootElement.GetProperty("headHash").GetString() + "\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_UnknownPlan_Exits1AndWritesNothing()
    {
        var file = Path.Combine(_dataDirectory, "audit.csv");
        var (code, stdout, stderr) = await RunAsync("audit", "export", "--plan", "9999", "--out", file);
        Assert.Equal(1, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("--plan 9999: no plan has that id", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(file));
    }

    [Theory]
    [InlineData("audit", "export")]
    [InlineData("audit", "export", "--out", "x.csv", "--format", "xml")]
    [InlineData("audit", "verify", "--nope")]
    [InlineData("audit")]
    public async Task Audit_WrongUsage_ExitsWith2(params string[] args)
    {
        var (code, stdout, stderr) = await RunAsync(args);
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("trellis --help", stderr, StringComparison.Ordinal);
    }
}
