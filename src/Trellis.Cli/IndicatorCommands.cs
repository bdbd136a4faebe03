using System.CommandLine;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Trellis.Core.Data;
using Trellis.Core.Indicators;

namespace Trellis.Cli;

/// <summary>trellis indicators import: a table of indicator values (.csv or .xlsx, long or wide) into a plan, all or nothing.</summary>
internal static class IndicatorCommands
{
    public static Command Command(TextWriter stdout, TextWriter stderr, IConfiguration? configuration)
    {
        var file = new Argument<string>("file") { Description = "The values table, for example values.xlsx or values.csv" };
        var plan = new Option<int>("--plan") { Description = "The plan's id, as 'trellis plans' prints it", Required = true };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check the file and say what would change; store nothing" };
        var json = new Option<bool>("--json") { Description = "Print {added, corrected, unchanged, stored} as JSON" };
        var import = new Command("import", "Import indicator values into a plan: new values are added, changed ones corrected (the old value kept)") { file, plan, dryRun, json };
        import.SetAction((parse, ct) => ImportAsync(parse.GetValue(file)!, parse.GetValue(plan), parse.GetValue(dryRun), parse.GetValue(json), stdout, stderr, configuration, ct));
        return new Command("indicators", "Indicator values") { import };
    }

    private static async Task<int> ImportAsync(string path, int planId, bool dryRun, bool json, TextWriter stdout, TextWriter stderr, IConfiguration? configuration, CancellationToken ct)
    {
        if (!IndicatorValueTable.CanRead(path))
        {
            await stderr.WriteLineAsync($"{path}: Trellis reads indicator values from .csv and .xlsx files");
            return CliApp.BadInput;
        }

        if (!File.Exists(path))
        {
            await stderr.WriteLineAsync($"{path}: no such file");
            return CliApp.BadInput;
        }

        ValueTableRead table;
        await using (var stream = File.OpenRead(path))
        {
            table = await IndicatorValueTable.ReadFileAsync(stream, path, ct);
        }

        foreach (var note in table.Notes)
        {
            await stderr.WriteLineAsync(note);
        }

        if (!table.Succeeded)
        {
            await Problems(stderr, table.Problems);
            return CliApp.BadInput;
        }

        await using var services = CliApp.BuildServices(configuration);
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitialiseAsync(ct);
        var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();

        // The command line speaks for the installation, so a plan of any organisation can be filled.
        var organisationId = await db.Plans.Where(p => p.Id == planId).Select(p => (int?)p.OrganisationId).FirstOrDefaultAsync(ct);
        if (organisationId is null)
        {
            await stderr.WriteLineAsync($"No plan with id {planId}");
            return CliApp.BadInput;
        }

        var result = await scope.ServiceProvider.GetRequiredService<IndicatorValueService>()
            .RecordForPlanAsync(organisationId.Value, planId, table.Items, IndicatorValueService.ImportSource(Path.GetFileName(path)), dryRun, ct);
        if (!result.Succeeded)
        {
            await Problems(stderr, result.Problems);
            return CliApp.BadInput;
        }

        if (json)
        {
            await stdout.WriteLineAsync(JsonSerializer.Serialize(new { added = result.Added, corrected = result.Corrected, unchanged = result.Unchanged, stored = result.Stored }, CliApp.Json));
        }

        foreach (var change in result.Changes.Where(c => c.Kind == ValueChangeKind.Corrected))
        {
            await stderr.WriteLineAsync($"{change.IndicatorName}, {PeriodWords.Display(change.Period)}{(change.Comparator is null ? "" : $" ({change.Comparator})")}: {change.Old} -> {change.New}");
        }

        await stderr.WriteLineAsync($"{(dryRun ? "Would add" : "Added")} {result.Added}, {(dryRun ? "correct" : "corrected")} {result.Corrected}, {result.Unchanged} unchanged{(dryRun ? "; nothing was stored (--dry-run)" : string.Empty)}");
        return CliApp.Ok;
    }

    private static async Task Problems(TextWriter stderr, IEnumerable<ValueProblem> problems)
    {
        foreach (var problem in problems)
        {
            await stderr.WriteLineAsync(problem.ToString());
        }

        await stderr.WriteLineAsync("Nothing was imported.");
    }
}
