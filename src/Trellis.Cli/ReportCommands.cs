using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Trellis.Core.Data;
using Trellis.Core.Reports;

namespace Trellis.Cli;

/// <summary>trellis report: a round's board or committee report written to a file.</summary>
internal static class ReportCommands
{
    public sealed record ReportRequest(int PlanId, string Round, ReportFormat Format, ReportLayout Layout, string? OutFile, bool Json);

    private sealed record ReportJson(string File, long Bytes, string Round, string Format, string Layout);

    public static Command Command(TextWriter stdout, TextWriter stderr, IConfiguration? configuration)
    {
        var plan = new Argument<int>("plan") { Description = "The plan's id, as 'trellis plans' prints it" };
        var round = new Option<string>("--round")
        {
            Description = "The round: latest (the most recently opened), its name (\"2026/27 Q2\") or its id",
            DefaultValueFactory = _ => "latest",
        };
        var format = new Option<string>("--format") { Description = "docx, pdf, html or xlsx", DefaultValueFactory = _ => "docx" };
        format.AcceptOnlyFromAmong("docx", "pdf", "html", "xlsx");
        var layout = new Option<string>("--layout") { Description = "plan, table, exceptions or committee", DefaultValueFactory = _ => "plan" };
        layout.AcceptOnlyFromAmong("plan", "table", "exceptions", "committee");
        var output = new Option<string?>("--out") { Description = "Write to this file (default: the report's own file name, in the current folder)" };
        var json = new Option<bool>("--json") { Description = "Print {file, bytes, round, format, layout} as JSON" };
        var command = new Command("report", "Write a round's report for a board or committee") { plan, round, format, layout, output, json };
        command.SetAction((parse, ct) => ReportAsync(
            new ReportRequest(
                parse.GetValue(plan),
                parse.GetValue(round)!,
                Enum.Parse<ReportFormat>(parse.GetValue(format)!, ignoreCase: true),
                Enum.Parse<ReportLayout>(parse.GetValue(layout)!, ignoreCase: true),
                parse.GetValue(output),
                parse.GetValue(json)),
            stdout, stderr, configuration, ct));
        return command;
    }

    public static async Task<int> ReportAsync(ReportRequest request, TextWriter stdout, TextWriter stderr, IConfiguration? configuration, CancellationToken ct)
    {
        await using var services = CliApp.BuildServices(configuration);
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitialiseAsync(ct);
        var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();

        // The command line speaks for the installation, so the plan's own organisation is the one asking.
        var organisationId = await db.Plans.Where(p => p.Id == request.PlanId).Select(p => (int?)p.OrganisationId).FirstOrDefaultAsync(ct);
        if (organisationId is null)
        {
            await stderr.WriteLineAsync($"No plan with id {request.PlanId}. Run `trellis plans` to see the ids.");
            return CliApp.BadInput;
        }

        var roundName = await FindRoundNameAsync(db, request.PlanId, request.Round, ct);
        if (roundName is null)
        {
            var rounds = await db.Rounds.Where(r => r.PlanId == request.PlanId).OrderBy(r => r.PeriodStart).Select(r => r.Name).ToListAsync(ct);
            var known = rounds.Count == 0 ? "The plan has no rounds yet." : $"Its rounds: {string.Join(", ", rounds)}.";
            await stderr.WriteLineAsync($"--round {request.Round}: plan {request.PlanId} has no such round. {known}");
            return CliApp.BadInput;
        }

        ReportFile? file;
        try
        {
            file = await scope.ServiceProvider.GetRequiredService<ReportService>()
                .GenerateAsync(organisationId.Value, request.PlanId, request.Round, request.Format, request.Layout, ct);
        }
        catch (ReportUnavailableException e)
        {
            await stderr.WriteLineAsync(e.Message);
            return CliApp.BadInput;
        }

        if (file is null)
        {
            await stderr.WriteLineAsync($"--round {request.Round}: plan {request.PlanId} has no such round.");
            return CliApp.BadInput;
        }

        var path = request.OutFile ?? Path.Combine(Directory.GetCurrentDirectory(), Path.GetFileName(file.FileName));
        try
        {
            await File.WriteAllBytesAsync(path, file.Content, ct);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await stderr.WriteLineAsync($"{path}: cannot write the file: {e.Message}");
            return CliApp.BadInput;
        }

        if (request.Json)
        {
            var result = new ReportJson(path, file.Content.LongLength, roundName, Word(request.Format), Word(request.Layout));
            await stdout.WriteLineAsync(JsonSerializer.Serialize(result, CliApp.Json));
        }
        else if (request.OutFile is null)
        {
            await stdout.WriteLineAsync(path);
        }
        else
        {
            await stderr.WriteLineAsync($"Wrote the {Word(request.Layout)} report for {roundName} to {path} ({file.Content.LongLength.ToString("N0", CultureInfo.InvariantCulture)} bytes)");
        }

        return CliApp.Ok;
    }

    /// <summary>The round's name, found as <see cref="ReportService"/> finds it: "latest", a name, or an id.</summary>
    internal static async Task<string?> FindRoundNameAsync(TrellisDbContext db, int planId, string round, CancellationToken ct)
    {
        var rounds = db.Rounds.Where(r => r.PlanId == planId);
        var text = round.Trim();
        // SQLite cannot order by DateTimeOffset; a plan has a handful of rounds, so order them here.
        var all = await rounds.Select(r => new { r.Id, r.Name, r.OpenedAt }).ToListAsync(ct);
        if (string.Equals(text, "latest", StringComparison.OrdinalIgnoreCase))
        {
            return all.OrderByDescending(r => r.OpenedAt).ThenByDescending(r => r.Id).FirstOrDefault()?.Name;
        }

        var byName = all.FirstOrDefault(r => string.Equals(r.Name.Trim(), text, StringComparison.OrdinalIgnoreCase));
        if (byName is not null)
        {
            return byName.Name;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? all.FirstOrDefault(r => r.Id == id)?.Name : null;
    }

    private static string Word<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();
}
