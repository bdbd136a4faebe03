using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Trellis.Core;
using Trellis.Core.Data;
using Trellis.Core.Indicators;

namespace Trellis.Cli.Tests;

public sealed class IndicatorCommandTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "trellis-cli-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    private IConfiguration Configuration() => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Trellis:DataDirectory"] = _dataDirectory,
        ["Trellis:DemoData"] = "true",
    }).Build();

    private async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApp.RunAsync(args, stdout, stderr, Configuration());
        return (code, stdout.ToString(), stderr.ToString());
    }

    private async Task<(int PlanId, string Key)> FirstIndicatorAsync()
    {
        await RunAsync("plans", "--json");
        await using var services = new ServiceCollection().AddTrellisCore(Configuration()).BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
        var plan = db.Plans.OrderBy(p => p.Id).First();
        var indicator = new Indicator { PlanId = plan.Id, Key = "cli1", Name = "Contacts decided in 24 hours", Unit = IndicatorUnit.Percent };
        db.Indicators.Add(indicator);
        await db.SaveChangesAsync();
        return (plan.Id, indicator.Key);
    }

    private string Write(string name, string text)
    {
        Directory.CreateDirectory(_dataDirectory);
        var path = Path.Combine(_dataDirectory, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task Import_Json_PrintsTheSummaryAloneOnStdout_DryRunStoresNothing_AndBadInputNamesThePlace()
    {
        var (planId, key) = await FirstIndicatorAsync();
        var file = Write("values.csv", $"Indicator,Period,Value\n{key},Sep 2026,47%\n{key},Oct 2026,52\n");
        var plan = planId.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var dry = await RunAsync("indicators", "import", file, "--plan", plan, "--dry-run", "--json");
        Assert.Equal(0, dry.Code);
        using (var json = JsonDocument.Parse(dry.Out))
        {
            Assert.Equal((2, false), (json.RootElement.GetProperty("added").GetInt32(), json.RootElement.GetProperty("stored").GetBoolean()));
        }

        var stored = await RunAsync("indicators", "import", file, "--plan", plan, "--json");
        Assert.Equal(0, stored.Code);
        using (var json = JsonDocument.Parse(stored.Out))
        {
            Assert.Equal((2, true), (json.RootElement.GetProperty("added").GetInt32(), json.RootElement.GetProperty("stored").GetBoolean()));
        }

        var again = await RunAsync("indicators", "import", file, "--plan", plan, "--json");
        using (var json = JsonDocument.Parse(again.Out))
        {
            Assert.Equal(2, json.RootElement.GetProperty("unchanged").GetInt32());
        }

        var bad = await RunAsync("indicators", "import", Write("bad.csv", $"Indicator,Period,Value\n{key},Sep 2026,abc\n"), "--plan", plan);
        Assert.Equal(1, bad.Code);
        Assert.Equal(string.Empty, bad.Out);
        Assert.Contains("bad.csv, row 2, column C: 'abc' is not a number", bad.Err, StringComparison.Ordinal);

        var usage = await RunAsync("indicators", "import", file);
        Assert.Equal(2, usage.Code);
    }
}
