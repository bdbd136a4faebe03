using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Trellis.Core.AnnexA.Synthetic;

namespace Trellis.Cli;

/// <summary>
/// trellis annexa generate: synthetic Annex A lists for tests, demonstrations and benchmarks. A large
/// council's six-month workbook is about --children 110000; England about 33 times that.
/// </summary>
internal static class AnnexAGenerateCommand
{
    public static Command Command(TextWriter stdout, TextWriter stderr)
    {
        var children = new Option<int>("--children") { Description = "Children to simulate (110000 gives a large council's six months)", Required = true };
        var months = new Option<int>("--months") { Description = "Months the flow lists cover, 1-12 (Annex A: 6)", DefaultValueFactory = _ => 6 };
        var seed = new Option<int>("--seed") { Description = "The same seed gives the same files", DefaultValueFactory = _ => 1 };
        var output = new Option<string>("--out") { Description = "A .xlsx workbook, or a folder for one CSV per list", Required = true };
        var at = new Option<string?>("--at") { Description = "The extract date, YYYY-MM-DD (default: today)" };
        var drift = new Option<string?>("--drift") { Description = "none: the template exactly; typical: as councils' own extracts drift", DefaultValueFactory = _ => "none" };
        OneOf(drift, "none", "typical");
        var format = new Option<string?>("--format") { Description = "xlsx or csv (default: from --out, .xlsx is a workbook, anything else a folder)" };
        OneOf(format, "xlsx", "csv");
        var json = new Option<bool>("--json") { Description = "Print {path, format, rows} as JSON" };
        var generate = new Command("generate", "Write synthetic Annex A lists whose contacts, referrals, assessments, enquiries, plans and periods in care hang together")
        {
            children, months, seed, output, at, drift, format, json,
        };
        generate.SetAction(parse => Generate(
            parse.GetValue(children), parse.GetValue(months), parse.GetValue(seed), parse.GetValue(output)!, parse.GetValue(at),
            parse.GetValue(drift)!, parse.GetValue(format), parse.GetValue(json), stdout, stderr));
        return generate;
    }

    /// <summary>Like AcceptOnlyFromAmong, but the message names the option as well as the value.</summary>
    private static void OneOf(Option<string?> option, params string[] allowed) => option.Validators.Add(result =>
    {
        if (result.GetValueOrDefault<string?>() is { } value && !allowed.Contains(value, StringComparer.Ordinal))
        {
            result.AddError($"{option.Name}: '{value}' is not one of {string.Join(", ", allowed)}");
        }
    });

    private static int Generate(int children, int months, int seed, string output, string? at, string drift, string? format, bool json, TextWriter stdout, TextWriter stderr)
    {
        if (children < 1)
        {
            stderr.WriteLine("--children: give a number of children of 1 or more");
            return CliApp.Usage;
        }

        if (months is < 1 or > 12)
        {
            stderr.WriteLine("--months: give a number of months from 1 to 12");
            return CliApp.Usage;
        }

        DateOnly reference;
        if (at is null)
        {
            reference = DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().DateTime);
        }
        else if (!DateOnly.TryParseExact(at, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out reference))
        {
            stderr.WriteLine($"--at: '{at}' is not a date written YYYY-MM-DD, for example 2025-03-31");
            return CliApp.Usage;
        }

        var options = new AnnexAGeneratorOptions
        {
            Children = children,
            Months = months,
            Seed = seed,
            ReferenceDate = reference,
            Drift = drift == "typical" ? AnnexADrift.Typical : AnnexADrift.None,
        };
        var asWorkbook = (format ?? (output.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? "xlsx" : "csv")) == "xlsx";
        var watch = Stopwatch.StartNew();
        AnnexAGenerated generated;
        try
        {
            generated = asWorkbook ? AnnexASyntheticFiles.WriteWorkbook(options, output) : AnnexASyntheticFiles.WriteCsvFolder(options, output);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"{output}: could not write ({e.Message})");
            return CliApp.BadInput;
        }

        stderr.WriteLine($"Wrote {generated.Path} ({generated.Format}) in {watch.Elapsed.TotalSeconds:F1} s");
        foreach (var (list, rows) in generated.Rows)
        {
            stderr.WriteLine($"  List {(int)list,2} {list,-16} {rows,9:N0} rows");
        }

        if (json)
        {
            stdout.WriteLine(JsonSerializer.Serialize(new
            {
                path = generated.Path,
                format = generated.Format,
                referenceDate = reference.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                rows = generated.Rows.ToDictionary(r => $"list_{(int)r.Key}", r => r.Value),
            }, CliApp.Json));
        }

        return CliApp.Ok;
    }
}
