using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Trellis.Core.Data;
using Trellis.Core.Import;
using Trellis.Core.Import.Sheets;
using Trellis.Core.Interchange;
using Trellis.Core.Plans;

namespace Trellis.Cli;

/// <summary>trellis export and trellis import: plans in and out as plan interchange documents.</summary>
internal static class PlanCommands
{
    private static readonly UTF8Encoding Utf8WithoutMark = new(encoderShouldEmitUTF8Identifier: false);

    /// <param name="File">The plan file.</param>
    /// <param name="DryRun">Check the file and store nothing.</param>
    /// <param name="Json">Print JSON on stdout.</param>
    /// <param name="Mapping">For a spreadsheet: a JSON file of column roles ({"0":"AreaNumber","3":"Due"}) to read it with; remembered for its layout when the plan is stored.</param>
    /// <param name="Remembered">For a spreadsheet: read it with the mapping last stored for its layout, when there is one.</param>
    /// <param name="Into">Update this existing plan instead of adding a new one.</param>
    public sealed record ImportRequest(string File, bool DryRun, bool Json, string? Mapping = null, bool Remembered = false, int? Into = null);

    public static async Task<int> ExportAsync(int planId, string? outFile, TextWriter stdout, TextWriter stderr, IConfiguration? configuration, CancellationToken ct)
    {
        await using var services = CliApp.BuildServices(configuration);
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitialiseAsync(ct);
        var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();

        // The command line speaks for the installation, so a plan of any organisation can be exported.
        var organisationId = await db.Plans.Where(p => p.Id == planId).Select(p => (int?)p.OrganisationId).FirstOrDefaultAsync(ct);
        var document = organisationId is { } id ? await scope.ServiceProvider.GetRequiredService<PlanExporter>().ExportAsync(id, planId, ct) : null;
        if (document is null)
        {
            await stderr.WriteLineAsync($"No plan with id {planId}");
            return CliApp.BadInput;
        }

        var json = PlanJson.Write(document);
        if (outFile is null)
        {
            await stdout.WriteLineAsync(json);
            return CliApp.Ok;
        }

        try
        {
            await File.WriteAllTextAsync(outFile, json + "\n", Utf8WithoutMark, ct);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await stderr.WriteLineAsync($"{outFile}: cannot write the file: {e.Message}");
            return CliApp.BadInput;
        }

        await stderr.WriteLineAsync($"Wrote plan {planId} to {outFile}");
        return CliApp.Ok;
    }

    public static async Task<int> ImportAsync(ImportRequest request, TextWriter stdout, TextWriter stderr, IConfiguration? configuration, CancellationToken ct)
    {
        await using var services = CliApp.BuildServices(configuration);
        var readers = services.GetRequiredService<PlanFileReaders>();
        var reader = readers.For(request.File);
        if (reader is null)
        {
            var extension = Path.GetExtension(request.File);
            var kind = extension.Length == 0 ? "a file without an extension" : $"'{extension}' files";
            await stderr.WriteLineAsync($"{request.File}: Trellis cannot import {kind}. {readers.Supported()}");
            return CliApp.BadInput;
        }

        if (!File.Exists(request.File))
        {
            await stderr.WriteLineAsync($"{request.File}: no such file");
            return CliApp.BadInput;
        }

        var isSheet = reader is XlsxPlanFileReader or CsvPlanFileReader;
        if (!isSheet && (request.Mapping is not null || request.Remembered))
        {
            await stderr.WriteLineAsync($"{request.File}: --mapping and --remembered are for spreadsheets (.xlsx, .csv) only");
            return CliApp.BadInput;
        }

        ColumnMapping? mapping = null;
        string? signature = null;
        if (isSheet && (request.Mapping is not null || request.Remembered))
        {
            (mapping, signature, var problem) = await ChooseMappingAsync(services, request, ct);
            if (problem is not null)
            {
                await stderr.WriteLineAsync(problem);
                return CliApp.BadInput;
            }
        }

        PlanReadResult read;
        await using (var stream = File.OpenRead(request.File))
        {
            read = mapping is null ? await reader.ReadAsync(stream, request.File, ct) : await SpreadsheetPlanReader.ReadAsync(stream, request.File, mapping, ct);
        }

        if (!read.Succeeded)
        {
            await ReportAsync(stderr, request.File, read.Problems);
            return CliApp.BadInput;
        }

        var document = read.Document!;
        if (request.Into is { } planId)
        {
            await using var updateScope = services.CreateAsyncScope();
            return await UpdateAsync(updateScope.ServiceProvider, request, planId, document, stdout, stderr, ct);
        }

        if (request.DryRun)
        {
            if (request.Json)
            {
                await stdout.WriteLineAsync(PlanJson.Write(document));
            }

            await stderr.WriteLineAsync($"{request.File}: {Describe(document)}; nothing stored (dry run)");
            return CliApp.Ok;
        }

        await using var scope = services.CreateAsyncScope();
        var code = await StoreAsync(scope.ServiceProvider, request, document, stdout, stderr, ct);
        if (code == CliApp.Ok && request.Mapping is not null && mapping is not null && signature is not null)
        {
            var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
            var organisationId = await db.Organisations.OrderBy(o => o.Id).Select(o => o.Id).FirstAsync(ct);
            await scope.ServiceProvider.GetRequiredService<ImportLayoutService>().SaveAsync(organisationId, signature, mapping, ct);
            await stderr.WriteLineAsync($"{request.File}: the column mapping is remembered for this layout");
        }

        return code;
    }

    /// <summary>The mapping to read a spreadsheet with: the --mapping file, else the one remembered for its layout (null: the proposed one).</summary>
    private static async Task<(ColumnMapping? Mapping, string? Signature, string? Problem)> ChooseMappingAsync(IServiceProvider services, ImportRequest request, CancellationToken ct)
    {
        SheetAnalysis analysis;
        await using (var stream = File.OpenRead(request.File))
        {
            analysis = await SpreadsheetPlanReader.AnalyseAsync(stream, request.File, ct);
        }

        if (!analysis.Succeeded || analysis.PlanSheet is null)
        {
            return (null, null, null);
        }

        var signature = analysis.PlanSheet.Signature;
        if (request.Mapping is { } path)
        {
            var mapping = File.Exists(path) ? ColumnMapping.FromJson(await File.ReadAllTextAsync(path, ct)) : null;
            return mapping is null
                ? (null, null, $"{path}: not a column mapping; write one as JSON, for example {{\"0\":\"AreaNumber\",\"1\":\"AreaTitle\",\"2\":\"ActionText\",\"3\":\"Due\"}}")
                : (mapping, signature, null);
        }

        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitialiseAsync(ct);
        var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
        var organisation = await db.Organisations.OrderBy(o => o.Id).Select(o => (int?)o.Id).FirstOrDefaultAsync(ct);
        var remembered = organisation is { } id ? await scope.ServiceProvider.GetRequiredService<ImportLayoutService>().FindAsync(id, signature, ct) : null;
        return (remembered, signature, null);
    }

    /// <summary>Stores the document in the first organisation, creating it (from the document) in the same transaction when there is none.</summary>
    private static async Task<int> StoreAsync(IServiceProvider services, ImportRequest request, PlanDocument document, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        await services.GetRequiredService<DatabaseInitializer>().InitialiseAsync(ct);
        var db = services.GetRequiredService<TrellisDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var organisation = await db.Organisations.OrderBy(o => o.Id).FirstOrDefaultAsync(ct)
            ?? await services.GetRequiredService<OrganisationService>().CreateFirstAsync(document.Organisation.Name, ct)
            ?? throw new InvalidOperationException("No organisation was found, yet one could not be created");

        var result = await services.GetRequiredService<PlanImporter>().ImportAsync(organisation.Id, document, Path.GetFileName(request.File), ct);
        if (!result.Succeeded)
        {
            await ReportAsync(stderr, request.File, result.Problems);
            return CliApp.BadInput;
        }

        await transaction.CommitAsync(ct);
        if (request.Json)
        {
            var summary = new ImportSummary(result.PlanId!.Value, result.Areas, result.Actions, result.People);
            await stdout.WriteLineAsync(JsonSerializer.Serialize(summary, CliApp.Json));
        }
        else
        {
            await stdout.WriteLineAsync(result.PlanId!.Value.ToString(CultureInfo.InvariantCulture));
        }

        await stderr.WriteLineAsync(
            $"Imported '{document.Plan.Title}' into {organisation.Name} as plan {result.PlanId}: "
            + $"{Count(result.Areas, "area")}, {Count(result.Actions, "action")}, {Count(result.People, "person", "people")} ({result.PeopleCreated} new)");
        return CliApp.Ok;
    }

    /// <summary>
    /// Imports the file into an existing plan. The command line cannot ask, so Trellis keeps its value on every conflict;
    /// each one kept is listed so the user can change it by hand or use the web review instead.
    /// </summary>
    private static async Task<int> UpdateAsync(IServiceProvider services, ImportRequest request, int planId, PlanDocument document, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        await services.GetRequiredService<DatabaseInitializer>().InitialiseAsync(ct);
        var updater = services.GetRequiredService<PlanUpdater>();
        var preview = await updater.PreviewAsync(planId, document, ct);
        if (!preview.Succeeded)
        {
            await ReportAsync(stderr, request.File, preview.Problems);
            return CliApp.BadInput;
        }

        foreach (var warning in preview.Warnings)
        {
            await stderr.WriteLineAsync($"{request.File}: {warning}");
        }

        if (request.DryRun)
        {
            await stdout.WriteLineAsync(JsonSerializer.Serialize(preview, CliApp.Json));
            await stderr.WriteLineAsync($"{request.File}: {DescribePreview(preview)}; nothing stored (dry run)");
            return CliApp.Ok;
        }

        var result = await updater.ApplyAsync(planId, document, new HashSet<string>(StringComparer.Ordinal), Path.GetFileName(request.File), ct);
        if (!result.Succeeded)
        {
            await ReportAsync(stderr, request.File, result.Problems);
            return CliApp.BadInput;
        }

        if (request.Json)
        {
            await stdout.WriteLineAsync(JsonSerializer.Serialize(UpdateSummary.From(result), CliApp.Json));
        }
        else
        {
            await stdout.WriteLineAsync(planId.ToString(CultureInfo.InvariantCulture));
        }

        await stderr.WriteLineAsync(
            $"Updated plan {planId} '{preview.PlanTitle}' from {request.File}: "
            + $"{Count(result.AreasAdded, "area")} added, {result.AreasUpdated} updated; "
            + $"{Count(result.ActionsAdded, "action")} added, {result.ActionsUpdated} updated; "
            + $"{Count(result.ChangesApplied, "change")} taken from the file; "
            + $"{Count(result.ConflictsKeptTrellis, "conflict")} kept Trellis's value");
        foreach (var conflict in preview.Conflicts)
        {
            await stderr.WriteLineAsync($"  kept Trellis's value: {conflict.Place}, {conflict.Field}: '{conflict.Trellis ?? "(empty)"}' (the file says '{conflict.File ?? "(empty)"}')");
        }

        return CliApp.Ok;
    }

    private static string DescribePreview(UpdatePreview preview)
    {
        var newAreas = preview.Areas.Count(a => a.Kind == MatchKind.New);
        var newActions = preview.Areas.Sum(a => a.Actions.Count(x => x.Kind == MatchKind.New));
        return $"into plan {preview.PlanId} '{preview.PlanTitle}' would add {Count(newAreas, "area")} and {Count(newActions, "action")}, "
            + $"take {Count(preview.Changes.Count, "change")} from the file and keep Trellis's value in {Count(preview.Conflicts.Count, "conflict")}";
    }

    private static async Task ReportAsync(TextWriter stderr, string file, IEnumerable<InterchangeProblem> problems)
    {
        foreach (var problem in problems)
        {
            // Word and spreadsheet problems name their place in the message; JSON ones carry a $.path.
            await stderr.WriteLineAsync(problem.Path.Length == 0 ? $"{file}: {problem.Message}" : $"{file}: {problem.Path}: {problem.Message}");
        }
    }

    private static string Describe(PlanDocument document) =>
        $"'{document.Plan.Title}' is a sound plan document: {Count(document.Areas.Count, "area")}, "
        + $"{Count(document.Areas.Sum(a => a.Actions?.Count ?? 0), "action")}, {Count(document.People?.Count ?? 0, "person", "people")}";

    private static string Count(int count, string one, string? many = null) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? one : many ?? one + "s")}");

    private sealed record ImportSummary(int PlanId, int Areas, int Actions, int People);

    private sealed record UpdateSummary(
        int PlanId,
        int AreasAdded,
        int AreasUpdated,
        int ActionsAdded,
        int ActionsUpdated,
        int ChangesApplied,
        int ConflictsKeptTrellis,
        int MonitoringAdded,
        int IndicatorsAdded,
        int IndicatorValuesAdded,
        int KeyLeadsAdded)
    {
        public static UpdateSummary From(ImportResult result) => new(
            result.PlanId!.Value, result.AreasAdded, result.AreasUpdated, result.ActionsAdded, result.ActionsUpdated, result.ChangesApplied,
            result.ConflictsKeptTrellis, result.MonitoringAdded, result.IndicatorsAdded, result.IndicatorValuesAdded, result.KeyLeadsAdded);
    }
}
