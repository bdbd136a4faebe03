using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Trellis.Core.Data;
using Trellis.Core.Reminders;
using Trellis.Testing;

namespace Trellis.Cli.Tests;

/// <summary>trellis reminders send|list, in process, and as two real processes racing on one PostgreSQL database.</summary>
public sealed class ReminderCommandTests
{
    private static Dictionary<string, string?> Settings(TestDatabase database, TestSmtpServer? smtp) => new()
    {
        ["Trellis:Database"] = database.Provider.ToString(),
        ["ConnectionStrings:Trellis"] = database.ConnectionString,
        ["Trellis:DemoData"] = "false",
        ["Trellis:Reminders:PublicUrl"] = "https://trellis.example.gov.uk",
        ["Trellis:Smtp:Host"] = smtp?.Host,
        ["Trellis:Smtp:Port"] = smtp?.Port.ToString(CultureInfo.InvariantCulture),
        ["Trellis:Smtp:Security"] = "none",
        ["Trellis:Smtp:From"] = "trellis@riverside.test",
    };

    private static async Task<(int Code, string Out, string Err)> RunAsync(Dictionary<string, string?> settings, params string[] args)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApp.RunAsync(args, stdout, stderr, configuration);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static async Task<TestDatabase> SeededAsync(DatabaseProvider provider, int extraPeople = 0)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        await ReminderData.SeedAsync(db, extraPeople);
        return database;
    }

    [Theory]
    [InlineData("reminders", "send", "--at", "23/11/2026")]
    [InlineData("reminders", "send", "--at", "2026-02-30")]
    [InlineData("reminders", "send", "--nope")]
    [InlineData("reminders", "shout")]
    public async Task Send_WrongUsage_ExitsWith2(params string[] args)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (code, stdout, stderr) = await RunAsync(Settings(database, null), args);
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("trellis --help", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_WithoutMailServer_ExitsWith1NamingTheSetting()
    {
        await using var database = await SeededAsync(DatabaseProvider.Sqlite);
        var (code, stdout, stderr) = await RunAsync(Settings(database, null), "reminders", "send", "--at", "2026-11-23");
        Assert.Equal(1, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("Settings: Trellis:Smtp:Host is empty", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_DryRun_PrintsDigestsAndClaimsNothing()
    {
        await using var database = await SeededAsync(DatabaseProvider.Sqlite);
        await using var smtp = new TestSmtpServer();
        var (code, stdout, _) = await RunAsync(Settings(database, smtp), "reminders", "send", "--at", "2026-11-23", "--dry-run", "--json");
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(stdout);
        var digests = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(["alice@riverside.test", "carol@northfield.test"], digests.Select(d => d.GetProperty("email").GetString()).Order(StringComparer.Ordinal));
        var alice = digests.Single(d => d.GetProperty("email").GetString() == "alice@riverside.test");
        Assert.Equal("Trellis: 2 actions overdue, 1 due soon, 1 to update", alice.GetProperty("subject").GetString());
        Assert.Equal(23, alice.GetProperty("overdue")[0].GetProperty("daysOverdue").GetInt32());

        Assert.Empty(smtp.Received);
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.ReminderDeliveries.CountAsync());
    }

    [Fact]
    public async Task Send_ThenList_ShowsTheDeliveries()
    {
        await using var database = await SeededAsync(DatabaseProvider.Sqlite);
        await using var smtp = new TestSmtpServer();
        var settings = Settings(database, smtp);
        var (code, stdout, stderr) = await RunAsync(settings, "reminders", "send", "--at", "2026-11-23", "--json");
        Assert.Equal(0, code);
        using (var json = JsonDocument.Parse(stdout))
        {
            Assert.Equal(2, json.RootElement.GetProperty("sent").GetInt32());
        }

        Assert.Contains("2 sent, 0 failed, 0 already sent", stderr, StringComparison.Ordinal);
        var again = await RunAsync(settings, "reminders", "send", "--at", "2026-11-23");
        Assert.Equal(0, again.Code);
        Assert.Contains("0 sent, 0 failed, 2 already sent", again.Err, StringComparison.Ordinal);
        Assert.Equal(2, smtp.Received.Count);

        var (listCode, listOut, _) = await RunAsync(settings, "reminders", "list", "--json");
        Assert.Equal(0, listCode);
        using var list = JsonDocument.Parse(listOut);
        Assert.Equal(["sent", "sent"], list.RootElement.EnumerateArray().Select(d => d.GetProperty("status").GetString()));
        Assert.Equal(["2026-11-23", "2026-11-23"], list.RootElement.EnumerateArray().Select(d => d.GetProperty("date").GetString()));
    }

    [PostgresFact]
    public async Task Send_TwoProcessesAtOnce_EachPersonGetsOneDigest()
    {
        await using var database = await SeededAsync(DatabaseProvider.Postgres, extraPeople: 40);
        await using var smtp = new TestSmtpServer();
        var cli = Path.Combine(AppContext.BaseDirectory, "trellis.dll");
        Assert.True(File.Exists(cli), $"{cli} was not built");

        var runs = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => RunProcessAsync(cli, database, smtp)));
        Assert.All(runs, r => Assert.True(r.Code == 0, $"exit {r.Code}: {r.Err}"));
        var sent = runs.Sum(r => JsonDocument.Parse(r.Out).RootElement.GetProperty("sent").GetInt32());
        var skipped = runs.Sum(r => JsonDocument.Parse(r.Out).RootElement.GetProperty("skipped").GetInt32());

        // 42 people with something to hear about: Alice, Carol and the 40 extras.
        Assert.Equal(42, sent);
        Assert.Equal(42, skipped);
        Assert.Equal(42, smtp.Received.Count);
        Assert.Equal(42, smtp.Received.Select(m => m.To.Single()).Distinct(StringComparer.Ordinal).Count());

        await using var db = database.CreateContext();
        var deliveries = await db.ReminderDeliveries.ToListAsync();
        Assert.Equal(42, deliveries.Count);
        Assert.All(deliveries, d => Assert.Equal(DeliveryStatus.Sent, d.Status));
    }

    private static async Task<(int Code, string Out, string Err)> RunProcessAsync(string cli, TestDatabase database, TestSmtpServer smtp)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { cli, "reminders", "send", "--at", "2026-11-23", "--json" })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in Settings(database, smtp))
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
