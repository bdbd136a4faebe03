using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace Trellis.Cli.Tests;

/// <summary>trellis report. The happy paths lay a real report out, so they need the report service's renderers.</summary>
[Collection(CurrentDirectoryCollection.Name)]
public sealed class ReportCommandTests : IDisposable
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

    private async Task<string> DemoPlanIdAsync()
    {
        var (_, stdout, _) = await RunAsync("plans", "--json");
        using var json = JsonDocument.Parse(stdout);
        return json.RootElement[0].GetProperty("id").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    [Theory]
    [InlineData("report")]
    [InlineData("report", "1", "--format", "odt")]
    [InlineData("report", "1", "--layout", "poster")]
    [InlineData("report", "one")]
    [InlineData("report", "1", "--nope")]
    public async Task Report_WrongUsage_ExitsWith2(params string[] args)
    {
        var (code, stdout, stderr) = await RunAsync(args);
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("trellis --help", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_UnknownPlan_ExitsWith1AndSaysHowToFindTheIds()
    {
        var (code, stdout, stderr) = await RunAsync("report", "7007");
        Assert.Equal(1, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Equal("No plan with id 7007. Run `trellis plans` to see the ids.", stderr.Trim());
    }

    [Fact]
    public async Task Report_UnknownRound_ExitsWith1AndNamesIt()
    {
        var plan = await DemoPlanIdAsync();
        var (code, stdout, stderr) = await RunAsync("report", plan, "--round", "1999/00 Q9");
        Assert.Equal(1, code);
        Assert.Equal(string.Empty, stdout);
        Assert.StartsWith($"--round 1999/00 Q9: plan {plan} has no such round. Its rounds: ", stderr.Trim(), StringComparison.Ordinal);
    }

    // Needs ReportService (branch reporthtml).
    [Fact]
    public async Task Report_Json_WritesTheFileAndDescribesIt()
    {
        var plan = await DemoPlanIdAsync();
        var file = Path.Combine(_dataDirectory, "board.html");
        var (code, stdout, stderr) = await RunAsync("report", plan, "--format", "html", "--layout", "committee", "--out", file, "--json");

        Assert.True(code == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal(file, json.RootElement.GetProperty("file").GetString());
        Assert.Equal(new FileInfo(file).Length, json.RootElement.GetProperty("bytes").GetInt64());
        Assert.Equal("html", json.RootElement.GetProperty("format").GetString());
        Assert.Equal("committee", json.RootElement.GetProperty("layout").GetString());
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("round").GetString()));
    }

    // Needs ReportService (branch reporthtml).
    [Fact]
    public async Task Report_Defaults_WriteADocxNamedByTheReportInTheCurrentFolder_AndPrintItsPath()
    {
        var plan = await DemoPlanIdAsync();
        var folder = Path.Combine(_dataDirectory, "out");
        Directory.CreateDirectory(folder);
        var previous = Directory.GetCurrentDirectory();
        Directory.SetCurrentDirectory(folder);
        try
        {
            var (code, stdout, stderr) = await RunAsync("report", plan);

            Assert.True(code == 0, stderr);
            var path = stdout.Trim();
            Assert.Equal(folder, Path.GetDirectoryName(path));
            Assert.EndsWith(".docx", path, StringComparison.OrdinalIgnoreCase);
            Assert.Equal("PK"u8.ToArray(), (await File.ReadAllBytesAsync(path))[..2]);
        }
        finally
        {
            Directory.SetCurrentDirectory(previous);
        }
    }
}

/// <summary>Tests that change the process's current folder run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CurrentDirectoryCollection
{
    public const string Name = "Current directory";
}
