using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Trellis.Core;
using Trellis.Core.Data;
using Trellis.Core.Dates;

namespace Trellis.Cli;

/// <summary>
/// The trellis command line. Machine-readable output (--json) alone goes to stdout; messages go
/// to stderr. Exit codes: 0 success, 1 bad input (the message names the place), 2 wrong usage.
/// </summary>
public static class CliApp
{
    public const int Ok = 0;
    public const int BadInput = 1;
    public const int Usage = 2;

    internal static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, IConfiguration? configuration = null)
    {
        var root = new RootCommand("Trellis: improvement plans for children's services");

        var plansJson = new Option<bool>("--json") { Description = "Print the plans as JSON" };
        var plans = new Command("plans", "List the plans and their ids") { plansJson };
        plans.SetAction((parse, ct) => ListPlansAsync(parse.GetValue(plansJson), stdout, stderr, configuration, ct));
        root.Subcommands.Add(plans);

        var dueText = new Argument<string>("text") { Description = "A target date as written, for example \"Q3 2026/27\"" };
        var dueJson = new Option<bool>("--json") { Description = "Print {text, date, precision, warnings} as JSON" };
        var financial = new Option<bool>("--financial-quarters") { Description = "Read a bare \"Q3 2026\" as a financial quarter" };
        var due = new Command("due", "Show how Trellis understands a target date") { dueText, dueJson, financial };
        due.SetAction(parse => Due(parse.GetValue(dueText)!, parse.GetValue(dueJson), parse.GetValue(financial), stdout));
        root.Subcommands.Add(due);

        root.Subcommands.Add(ExportCommand(stdout, stderr, configuration));
        root.Subcommands.Add(ImportCommand(stdout, stderr, configuration));
        root.Subcommands.Add(ReportCommands.Command(stdout, stderr, configuration));
        root.Subcommands.Add(IndicatorCommands.Command(stdout, stderr, configuration));
        root.Subcommands.Add(AnnexAGenerateCommand.Command(stdout, stderr));

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                await stderr.WriteLineAsync(error.Message);
            }

            await stderr.WriteLineAsync("Run 'trellis --help' for usage.");
            return Usage;
        }

        return await parsed.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr });
    }

    private static Command ExportCommand(TextWriter stdout, TextWriter stderr, IConfiguration? configuration)
    {
        var plan = new Argument<int>("plan") { Description = "The plan's id, as 'trellis plans' prints it" };
        var format = new Option<string>("--format") { Description = "The file format: json (the plan interchange)", Required = true };
        format.AcceptOnlyFromAmong("json");
        var output = new Option<string?>("--out") { Description = "Write to this file instead of stdout" };
        var export = new Command("export", "Write a plan, with everything it holds, as a plan interchange document") { plan, format, output };
        export.SetAction((parse, ct) => PlanCommands.ExportAsync(parse.GetValue(plan), parse.GetValue(output), stdout, stderr, configuration, ct));
        return export;
    }

    private static Command ImportCommand(TextWriter stdout, TextWriter stderr, IConfiguration? configuration)
    {
        var file = new Argument<string>("file") { Description = "The plan file to import, for example plan.json" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check the file and store nothing" };
        var json = new Option<bool>("--json")
        {
            Description = "Print JSON on stdout: the checked document with --dry-run, otherwise {planId, areas, actions, people} (with --into, what the update did)",
        };
        var into = new Option<int?>("--into")
        {
            Description = "Update this existing plan (its id, as 'trellis plans' prints it) instead of adding a new one; "
                + "Trellis keeps its own value wherever both changed a field. With --dry-run, print what would change as JSON",
        };
        var mapping = new Option<string?>("--mapping")
        {
            Description = "For .xlsx/.csv: a JSON file of column roles, {\"0\":\"AreaNumber\",\"3\":\"Due\"}, used instead of the proposed one and remembered for the layout",
        };
        var remembered = new Option<bool>("--remembered") { Description = "For .xlsx/.csv: use the column mapping remembered for the file's layout" };
        var import = new Command("import", "Check a plan file and store it as a new plan of the installation's first organisation, or into an existing plan") { file, dryRun, json, into, mapping, remembered };
        import.SetAction((parse, ct) => PlanCommands.ImportAsync(
            new PlanCommands.ImportRequest(parse.GetValue(file)!, parse.GetValue(dryRun), parse.GetValue(json), parse.GetValue(mapping), parse.GetValue(remembered), parse.GetValue(into)),
            stdout, stderr, configuration, ct));
        return import;
    }

    private static int Due(string text, bool json, bool financialQuarters, TextWriter stdout)
    {
        var reading = DueDateReader.Read(text, new DueDateReaderOptions { BareQuartersAreFinancial = financialQuarters });
        if (json)
        {
            stdout.WriteLine(JsonSerializer.Serialize(DueJson.From(reading), Json));
            return Ok;
        }

        stdout.WriteLine($"Text:      {reading.Text}");
        stdout.WriteLine($"Date:      {reading.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "(none)"}");
        stdout.WriteLine($"Precision: {reading.Precision.ToString().ToLowerInvariant()}");
        foreach (var part in reading.Parts)
        {
            stdout.WriteLine($"Milestone: {part.Text} -> {part.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "(none)"} ({part.Precision.ToString().ToLowerInvariant()})");
        }

        foreach (var warning in reading.Warnings)
        {
            stdout.WriteLine($"Warning:   {warning}");
        }

        return Ok;
    }

    private static async Task<int> ListPlansAsync(bool json, TextWriter stdout, TextWriter stderr, IConfiguration? configuration, CancellationToken ct)
    {
        await using var services = BuildServices(configuration);
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitialiseAsync(ct);
        var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
        var rows = await db.Plans.AsNoTracking()
            .OrderBy(p => p.OrganisationId).ThenBy(p => p.Id)
            .Select(p => new PlanRow(p.Id, p.Title, p.Status, p.Organisation.Name, p.Areas.Count, p.Areas.SelectMany(a => a.Actions).Count()))
            .ToListAsync(ct);
        if (json)
        {
            await stdout.WriteLineAsync(JsonSerializer.Serialize(rows, Json));
            return Ok;
        }

        if (rows.Count == 0)
        {
            await stderr.WriteLineAsync("There are no plans yet.");
            return Ok;
        }

        await stdout.WriteLineAsync($"{"ID",-5} {"STATUS",-7} {"AREAS",5} {"ACTIONS",7}  TITLE (ORGANISATION)");
        foreach (var row in rows)
        {
            await stdout.WriteLineAsync($"{row.Id,-5} {row.Status.ToString().ToLowerInvariant(),-7} {row.Areas,5} {row.Actions,7}  {row.Title} ({row.Organisation})");
        }

        return Ok;
    }

    /// <summary>The same registration as the web app, reading the same settings (TRELLIS_DATA_DIR, Trellis__*, ConnectionStrings__Trellis).</summary>
    internal static ServiceProvider BuildServices(IConfiguration? configuration)
    {
        configuration ??= new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        services.AddTrellisCore(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    private sealed record PlanRow(int Id, string Title, Core.Plans.PlanStatus Status, string Organisation, int Areas, int Actions);

    private sealed record DueJson(string Text, string? Date, DuePrecision Precision, IReadOnlyList<string> Warnings, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<DueJson>? Milestones)
    {
        public static DueJson From(DueDateReading reading) => new(
            reading.Text,
            reading.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            reading.Precision,
            reading.Warnings,
            reading.HasMilestones ? [.. reading.Parts.Select(From)] : null);
    }
}
