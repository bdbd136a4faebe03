using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Trellis.Core.AnnexA;
using Trellis.Core.Data;
using Trellis.Indicators.AnnexA;

namespace Trellis.Cli;

/// <summary>
/// trellis annexa validate|compute: read an Annex A workbook, .csv file or folder of .csv files, report what was found,
/// and compute the indicators without storing anything. Rows pass through <see cref="AnnexAProtector"/> before the engine.
/// </summary>
internal static class AnnexACommands
{
    public static Command Command(TextWriter stdout, TextWriter stderr, IConfiguration? configuration)
    {
        var validatePath = new Argument<string>("path") { Description = "An Annex A .xlsx workbook, a .csv file, or a folder of .csv files (one list each)" };
        var validateJson = new Option<bool>("--json") { Description = "Print the validation report as JSON" };
        var validate = new Command("validate", "Find the lists in an Annex A file and report what cannot be read, naming the row and column (never a value)") { validatePath, validateJson };
        validate.SetAction((parse, ct) => Validate(parse.GetValue(validatePath)!, parse.GetValue(validateJson), stdout, stderr, ct));

        var computePath = new Argument<string?>("path") { Description = "An Annex A .xlsx workbook, a .csv file, or a folder of .csv files (not with --stored)", Arity = ArgumentArity.ZeroOrOne };
        var stored = new Option<bool>("--stored") { Description = "Compute from the organisation's held history instead of a file" };
        var computeOrganisation = AnnexAStoreCommands.Organisation();
        var at = new Option<string>("--at") { Description = "The reference date R, YYYY-MM-DD", Required = true };
        var window = new Option<string>("--window") { Description = "The window in months: 12 (default) or 6", DefaultValueFactory = _ => "12" };
        window.AcceptOnlyFromAmong("12", "6");
        var population = new Option<int?>("--population") { Description = "The 0-17 population (ONS mid-year) for rates per 10,000" };
        var computeJson = new Option<bool>("--json") { Description = "Print {file, referenceDate, windowMonths, windowStart, coverage, population, indicators[]} as JSON" };
        var compute = new Command("compute", "Compute the Annex A indicators at a date from a file (nothing is stored) or, with --stored, from the held history")
        { computePath, at, window, population, computeJson, stored, computeOrganisation };
        compute.SetAction((parse, ct) => Compute(
            new ComputeRequest(parse.GetValue(computePath) ?? string.Empty, parse.GetValue(at)!, int.Parse(parse.GetValue(window)!, CultureInfo.InvariantCulture), parse.GetValue(population), parse.GetValue(computeJson))
            {
                Stored = parse.GetValue(stored),
                Organisation = parse.GetValue(computeOrganisation),
            },
            stdout, stderr, configuration, ct));

        var annexa = new Command("annexa", "Ofsted Annex A lists: check a file, compute its indicators, keep their history, or generate synthetic lists") { validate, compute, AnnexAGenerateCommand.Command(stdout, stderr) };
        foreach (var command in AnnexAStoreCommands.Commands(stdout, stderr, configuration))
        {
            annexa.Subcommands.Add(command);
        }

        return annexa;
    }

    private static async Task<int> Validate(string path, bool json, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        AnnexAValidationReport report;
        try
        {
            report = AnnexAValidator.Validate(path, inner: null, ct);
        }
        catch (AnnexAReadException e)
        {
            await stderr.WriteLineAsync(e.Message);
            return CliApp.BadInput;
        }

        if (json)
        {
            await stdout.WriteLineAsync(JsonSerializer.Serialize(report, CliApp.Json));
        }
        else
        {
            await WriteReport(report, stdout);
        }

        if (!report.AnyListRead)
        {
            await stderr.WriteLineAsync($"'{Path.GetFileName(Path.TrimEndingDirectorySeparator(path))}': no Annex A list was found (no sheet or file has a list's headers)");
            return CliApp.BadInput;
        }

        return CliApp.Ok;
    }

    private static async Task WriteReport(AnnexAValidationReport report, TextWriter output)
    {
        foreach (var list in report.Lists)
        {
            await output.WriteLineAsync(list.Found
                ? $"{list.Title}: {AnnexAValidationReport.Source(list)}, header row {list.HeaderRow}, {list.Rows} rows"
                : $"{list.Title}: not found");
        }

        await output.WriteLineAsync();
        foreach (var message in report.Messages())
        {
            await output.WriteLineAsync(message);
        }

        await output.WriteLineAsync($"{report.Errors} errors, {report.Warnings} warnings");
    }

    internal sealed record ComputeRequest(string Path, string At, int WindowMonths, int? Population, bool Json)
    {
        public bool Stored { get; init; }

        public int? Organisation { get; init; }
    }

    private static async Task<int> Compute(ComputeRequest request, TextWriter stdout, TextWriter stderr, IConfiguration? configuration, CancellationToken ct)
    {
        if (!DateOnly.TryParseExact(request.At, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var referenceDate))
        {
            await stderr.WriteLineAsync($"--at: '{request.At}' is not a date in the form YYYY-MM-DD");
            return CliApp.Usage;
        }

        if (request.Population is <= 0)
        {
            await stderr.WriteLineAsync("--population: give the 0-17 population as a whole number above 0");
            return CliApp.Usage;
        }

        if (request.Stored != (request.Path.Length == 0))
        {
            await stderr.WriteLineAsync(request.Stored ? "compute --stored reads the held history: give no path" : "compute: give a file or folder, or --stored");
            return CliApp.Usage;
        }

        if (request.Stored)
        {
            return await AnnexAStoreCommands.ComputeStoredAsync(request, referenceDate, request.Organisation, stdout, stderr, configuration, ct);
        }

        configuration ??= new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .Build();
        var options = configuration.GetSection(TrellisOptions.Section).Get<TrellisOptions>() ?? new TrellisOptions();
        var key = AnnexAHashKey.Resolve(configuration, options.ResolveDataDirectory());

        var builder = new AnnexADataBuilder();
        AnnexAValidationReport report;
        try
        {
            report = AnnexAValidator.Validate(request.Path, new AnnexAProtector(builder, key), ct);
        }
        catch (AnnexAReadException e)
        {
            await stderr.WriteLineAsync(e.Message);
            return CliApp.BadInput;
        }

        if (!report.AnyListRead)
        {
            await stderr.WriteLineAsync($"'{Path.GetFileName(Path.TrimEndingDirectorySeparator(request.Path))}': no Annex A list was found (no sheet or file has a list's headers)");
            return CliApp.BadInput;
        }

        await stderr.WriteLineAsync($"Read {string.Join(", ", report.Lists.Where(l => l.Found).Select(l => $"list {(int)l.List} ({l.Rows} rows)"))}; {report.Errors} errors, {report.Warnings} warnings ('trellis annexa validate' lists them)");
        var results = AnnexAEngine.Compute(builder.Build(), new AnnexAOptions { ReferenceDate = referenceDate, WindowMonths = request.WindowMonths, Population = request.Population });
        return await WriteResults(ComputeJson.From(Path.GetFileName(Path.TrimEndingDirectorySeparator(request.Path)), request.Population, results), request.Json, stdout);
    }

    internal static async Task<int> WriteResults(ComputeJson output, bool json, TextWriter stdout)
    {
        if (json)
        {
            await stdout.WriteLineAsync(JsonSerializer.Serialize(output, CliApp.Json));
            return CliApp.Ok;
        }

        await stdout.WriteLineAsync($"Annex A indicators at {output.ReferenceDate}, window {output.WindowMonths} months from {output.WindowStart}"
            + (output.Coverage is null ? ", no dated rows" : $", data covering {output.Coverage.From} to {output.Coverage.To}"));
        foreach (var indicator in output.Indicators)
        {
            var value = indicator.Value is null ? "-" : $"{indicator.Value.Value.ToString(CultureInfo.InvariantCulture)}{Unit(indicator.Unit)}";
            await stdout.WriteLineAsync($"{indicator.Id,2}. {indicator.Name}: {value} ({indicator.Numerator.ToString(CultureInfo.InvariantCulture)} / {indicator.Denominator.ToString(CultureInfo.InvariantCulture)}) {indicator.Status}"
                + (indicator.Reason is null ? string.Empty : $": {indicator.Reason}") + $" [{indicator.Fidelity}]");
        }

        return CliApp.Ok;
    }

    private static string Unit(IndicatorUnit unit) => unit switch
    {
        IndicatorUnit.Percent => "%",
        IndicatorUnit.RatePer10000 => " per 10,000",
        _ => " days",
    };

    /// <summary>The JSON of 'annexa compute --json': a stable shape, described in docs/annexa-reading.md.</summary>
    internal sealed record ComputeJson(string File, string ReferenceDate, int WindowMonths, string WindowStart, CoverageJson? Coverage, int? Population, IReadOnlyList<IndicatorJson> Indicators)
    {
        public static ComputeJson From(string file, int? population, AnnexAResults results) => new(
            file,
            Iso(results.ReferenceDate),
            results.WindowMonths,
            Iso(results.WindowStart),
            results.Coverage is null ? null : new CoverageJson(Iso(results.Coverage.C0), Iso(results.Coverage.C1)),
            population,
            [.. results.Indicators.Select(i => new IndicatorJson(i.Id, i.Key, i.Name, i.Unit, i.Polarity, i.Value, i.Numerator, i.Denominator, i.Status, i.Status == ResultStatus.Approximate, i.Reason, i.Fidelity))]);

        private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    internal sealed record CoverageJson(string From, string To);

    internal sealed record IndicatorJson(int Id, string Key, string Name, IndicatorUnit Unit, Polarity Polarity, decimal? Value, decimal Numerator, decimal Denominator, ResultStatus Status, bool Approximate, string? Reason, string Fidelity);
}
