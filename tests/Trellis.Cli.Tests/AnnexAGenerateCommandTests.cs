using System.Text.Json;

namespace Trellis.Cli.Tests;

public sealed class AnnexAGenerateCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "trellis-cli-annexa", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApp.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Generate_CsvFolder_JsonAloneOnStdout_SameSeedSameFiles()
    {
        var first = Path.Combine(_folder, "a");
        var (code, stdout, stderr) = await RunAsync("annexa", "generate", "--children", "500", "--seed", "4", "--at", "2025-03-31", "--out", first, "--json");
        Assert.Equal(CliApp.Ok, code);
        Assert.Contains("Wrote", stderr, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal("csv", json.RootElement.GetProperty("format").GetString());
        var contacts = json.RootElement.GetProperty("rows").GetProperty("list_1").GetInt32();
        Assert.True(contacts > 0);
        Assert.Equal(contacts + 1, File.ReadAllLines(Path.Combine(first, "list_1_contacts.csv")).Length);
        Assert.Equal(11, Directory.GetFiles(first, "list_*.csv").Length);

        var second = Path.Combine(_folder, "b");
        Assert.Equal(CliApp.Ok, (await RunAsync("annexa", "generate", "--children", "500", "--seed", "4", "--at", "2025-03-31", "--out", second)).Code);
        Assert.Equal(File.ReadAllText(Path.Combine(first, "list_6_children_in_need.csv")), File.ReadAllText(Path.Combine(second, "list_6_children_in_need.csv")));
    }

    [Fact]
    public async Task Generate_XlsxFromExtension_WithDrift()
    {
        var path = Path.Combine(_folder, "annexa.xlsx");
        Directory.CreateDirectory(_folder);
        var (code, _, _) = await RunAsync("annexa", "generate", "--children", "300", "--at", "2025-03-31", "--drift", "typical", "--out", path);
        Assert.Equal(CliApp.Ok, code);
        var bytes = await File.ReadAllBytesAsync(path);
        Assert.Equal((byte)'P', bytes[0]); // a zip package
        Assert.Equal((byte)'K', bytes[1]);
    }

    [Theory]
    [InlineData("--children", "0")]
    [InlineData("--months", "13")]
    [InlineData("--at", "31/03/2025")]
    [InlineData("--drift", "wild")]
    public async Task Generate_WrongUsage_Exit2NamingTheOption(string option, string value)
    {
        string[] args = ["annexa", "generate", "--children", "10", "--out", Path.Combine(_folder, "x"), option, value];
        var (code, stdout, stderr) = await RunAsync(args);
        Assert.Equal(CliApp.Usage, code);
        Assert.Empty(stdout);
        Assert.Contains(option.TrimStart('-'), stderr, StringComparison.Ordinal);
    }
}
