using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Trellis.Core.AnnexA;
using Trellis.Core.AnnexA.Store;
using Trellis.Core.Data;
using Trellis.Indicators.AnnexA;

namespace Trellis.Cli;

/// <summary>
/// trellis annexa load|uploads|refresh|purge, and compute --stored: the organisation's Annex A store. Loading without
/// --accept only previews what would be new, held or replaced; nothing is stored before the explicit accept.
/// </summary>
internal static class AnnexAStoreCommands
{
    public static IEnumerable<Command> Commands(TextWriter stdout, TextWriter stderr, IConfiguration? configuration)
    {
        var path = new Argument<string>("path") { Description = "An Annex A .xlsx workbook, a .csv file, or a folder of .csv files" };
        var accept = new Option<bool>("--accept") { Description = "Store the protected rows (without it, only preview the counts)" };
        var coversFrom = new Option<string?>("--covers-from") { Description = "The first day the extract covers, YYYY-MM-DD (default: its earliest contact, referral or S47 date)" };
        var extractDate = new Option<string?>("--extract-date") { Description = "The extract's date, YYYY-MM-DD (default: its latest contact, referral or S47 date)" };
        var loadJson = new Option<bool>("--json") { Description = "Print the summary as JSON on stdout" };
        var loadOrganisation = Organisation();
        var load = new Command("load", "Preview, or with --accept store, an Annex A file in the organisation's history (ids hashed, dates of birth to the month, postcodes to the sector)")
        { path, accept, coversFrom, extractDate, loadJson, loadOrganisation };
        load.SetAction((parse, ct) => LoadAsync(
            new LoadRequest(parse.GetValue(path)!, parse.GetValue(accept), parse.GetValue(coversFrom), parse.GetValue(extractDate), parse.GetValue(loadJson), parse.GetValue(loadOrganisation)),
            stdout, stderr, configuration, ct));

        var uploadsJson = new Option<bool>("--json") { Description = "Print the uploads as JSON" };
        var uploadsOrganisation = Organisation();
        var uploads = new Command("uploads", "List the accepted Annex A uploads and the span of history held") { uploadsJson, uploadsOrganisation };
        uploads.SetAction((parse, ct) => UploadsAsync(parse.GetValue(uploadsJson), parse.GetValue(uploadsOrganisation), stdout, stderr, configuration, ct));

        var plan = new Option<int>("--plan") { Description = "The plan's id", Required = true };
        var refresh = new Command("refresh", "Recompute the plan's indicators that are linked to an Annex A measure from the held history") { plan };
        refresh.SetAction((parse, ct) => RefreshAsync(parse.GetValue(plan), stdout, stderr, configuration, ct));

        var dryRun = new Option<bool>("--dry-run") { Description = "Count what would be deleted; delete nothing" };
        var purgeOrganisation = Organisation();
        var purge = new Command("purge", $"Delete held rows not seen in an extract for the retention period ({AnnexACaseData.RetentionSetting}, default {AnnexACaseData.DefaultRetentionMonths} months)") { dryRun, purgeOrganisation };
        purge.SetAction((parse, ct) => PurgeAsync(parse.GetValue(dryRun), parse.GetValue(purgeOrganisation), stdout, stderr, configuration, ct));
        return [load, uploads, refresh, purge];
    }

    public static Option<int?> Organisation() => new("--organisation") { Description = "The organisation's id (default: the installation's only organisation)" };

    internal sealed record LoadRequest(string Path, bool Accept, string? CoversFrom, string? ExtractDate, bool Json, int? Organisation);

    private static async Task<int> LoadAsync(LoadRequest request, TextWriter stdout, TextWriter stderr, IConfiguration? configuration, CancellationToken ct)
    {
        if (!TryDate(request.CoversFrom, out var from) || !TryDate(request.ExtractDate, out var extract))
        {
            await stderr.WriteLineAsync("--covers-from and --extract-date take a date in the form YYYY-MM-DD");
            return CliApp.Usage;
        }

        configuration ??= Configuration();
        await using var services = CliApp.BuildServices(configuration);
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitialiseAsync(ct);
        var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
        var organisationId = await OrganisationAsync(db, request.Organisation, stderr, ct);
        if (organisationId is null)
        {
            return CliApp.Usage;
        }

        var key = AnnexAHashKey.Resolve(configuration, Options(configuration).ResolveDataDirectory());
        var store = scope.ServiceProvider.GetRequiredService<AnnexAStore>();
        var dates = new AnnexAExtractDates(from, extract);
        AnnexALoadResult result;
        try
        {
            result = request.Accept
                ? await store.AcceptAsync(organisationId.Value, request.Path, key, $"command line ({Environment.UserName})", dates, ct)
                : await store.PreviewAsync(organisationId.Value, request.Path, key, dates, ct);
        }
        catch (AnnexAReadException e)
        {
            await stderr.WriteLineAsync(e.Message);
            return CliApp.BadInput;
        }

        // The validation report names places only (file, sheet, row, column), never values.
        foreach (var message in result.Report.Messages())
        {
            await stderr.WriteLineAsync(message);
        }

        await stderr.WriteLineAsync($"{result.Report.Errors} errors, {result.Report.Warnings} warnings");
        var refreshed = new List<AnnexARefreshResult>();
        if (result.Stored)
        {
            var plans = await db.Plans.Where(p => p.OrganisationId == organisationId).Select(p => p.Id).ToListAsync(ct);
            foreach (var planId in plans)
            {
                refreshed.Add(await scope.ServiceProvider.GetRequiredService<AnnexAPlanFeed>().RefreshAsync(organisationId.Value, planId, ct));
            }
        }

        var json = new LoadJson(result.FileName, result.Sha256, result.Stored, result.UploadId, result.AlreadyLoadedAs, Iso(result.CoverageFrom), Iso(result.CoverageTo), Iso(result.ExtractDate)!,
            result.New, result.AlreadyHeld, result.Replaced,
            [.. result.Lists.Select(l => new LoadListJson((int)l.List, l.List.Title(), l.Read, l.New, l.AlreadyHeld, l.Replaced, l.NotStored))],
            refreshed.Sum(r => r.Added), refreshed.Sum(r => r.Corrected));
        if (request.Json)
        {
            await stdout.WriteLineAsync(JsonSerializer.Serialize(json, CliApp.Json));
        }
        else
        {
            var verb = result.AlreadyLoadedAs is { } earlier ? $"already loaded as upload {earlier}; nothing added"
                : result.Stored ? $"accepted as upload {result.UploadId}" : "preview only; nothing stored (add --accept to store)";
            await stdout.WriteLineAsync($"{result.FileName}: {verb}");
            foreach (var list in json.Lists)
            {
                await stdout.WriteLineAsync($"{list.Title}: {list.Read} read, {list.New} new, {list.AlreadyHeld} already held, {list.Replaced} replaced, {list.NotStored} not stored");
            }

            if (result.Stored)
            {
                await stdout.WriteLineAsync($"Plan indicators fed: {json.ValuesAdded} values added, {json.ValuesCorrected} corrected");
            }
        }

        return CliApp.Ok;
    }

    private static async Task<int> UploadsAsync(bool json, int? organisation, TextWriter stdout, TextWriter stderr, IConfiguration? configuration, CancellationToken ct)
    {
        await using var services = CliApp.BuildServices(configuration);
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitialiseAsync(ct);
        var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
        var organisationId = await OrganisationAsync(db, organisation, stderr, ct);
        if (organisationId is null)
        {
            return CliApp.Usage;
        }

        var uploads = await db.AnnexAUploads.AsNoTracking().Include(u => u.Lists).Where(u => u.OrganisationId == organisationId).OrderBy(u => u.Id).ToListAsync(ct);
        var (from, to) = AnnexAStore.Span(uploads);
        var rows = await db.AnnexACaseRows.CountAsync(r => r.OrganisationId == organisationId, ct);
        var output = new UploadsJson(Iso(from), Iso(to), rows, [.. uploads.Select(u => new UploadJson(u.Id, u.FileName, u.Sha256, u.SizeBytes, Iso(u.ExtractDate)!, Iso(u.CoverageFrom), Iso(u.CoverageTo),
            u.UploadedBy, u.UploadedAt, u.Lists.Sum(l => l.New), u.Lists.Sum(l => l.AlreadyHeld), u.Lists.Sum(l => l.Replaced)))]);
        if (json)
        {
            await stdout.WriteLineAsync(JsonSerializer.Serialize(output, CliApp.Json));
            return CliApp.Ok;
        }

        await stdout.WriteLineAsync(from is null ? "No Annex A history held" : $"History held from {output.HeldFrom} to {output.HeldTo}, {rows} rows");
        foreach (var u in output.Uploads)
        {
            await stdout.WriteLineAsync($"{u.Id}. {u.FileName}, extract {u.ExtractDate}, uploaded {u.UploadedAt:yyyy-MM-dd HH:mm} by {u.UploadedBy}: {u.New} new, {u.AlreadyHeld} already held, {u.Replaced} replaced");
        }

        return CliApp.Ok;
    }

    /// <summary>trellis annexa compute --stored: the indicators from the held history, each saying whether it is exact.</summary>
    public static async Task<int> ComputeStoredAsync(AnnexACommands.ComputeRequest request, DateOnly referenceDate, int? organisation, TextWriter stdout, TextWriter stderr, IConfiguration? configuration, CancellationToken ct)
    {
        await using var services = CliApp.BuildServices(configuration);
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitialiseAsync(ct);
        var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
        var organisationId = await OrganisationAsync(db, organisation, stderr, ct);
        if (organisationId is null)
        {
            return CliApp.Usage;
        }

        var held = await scope.ServiceProvider.GetRequiredService<AnnexAStore>().LoadHeldAsync(organisationId.Value, ct);
        if (held.Latest is null)
        {
            await stderr.WriteLineAsync("No Annex A history is held: load a file with 'trellis annexa load PATH --accept' first");
            return CliApp.BadInput;
        }

        var population = request.Population ?? await db.AnnexASettings.Where(s => s.OrganisationId == organisationId).Select(s => s.Population).FirstOrDefaultAsync(ct);
        await stderr.WriteLineAsync($"Held: {held.Rows} rows from {held.Data.Lists.Count} lists; history from {Iso(held.HeldFrom) ?? "-"} to {Iso(held.HeldTo) ?? "-"}");
        var results = AnnexAEngine.Compute(held.Data, new AnnexAOptions { ReferenceDate = referenceDate, WindowMonths = request.WindowMonths, Population = population, HeldFrom = held.HeldFrom, HeldTo = held.HeldTo });
        return await AnnexACommands.WriteResults(AnnexACommands.ComputeJson.From("stored history", population, results), request.Json, stdout);
    }

    private static async Task<int> RefreshAsync(int planId, TextWriter stdout, TextWriter stderr, IConfiguration? configuration, CancellationToken ct)
    {
        await using var services = CliApp.BuildServices(configuration);
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitialiseAsync(ct);
        var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
        var organisationId = await db.Plans.Where(p => p.Id == planId).Select(p => (int?)p.OrganisationId).FirstOrDefaultAsync(ct);
        if (organisationId is null)
        {
            await stderr.WriteLineAsync($"No plan with id {planId}");
            return CliApp.BadInput;
        }

        var result = await scope.ServiceProvider.GetRequiredService<AnnexAPlanFeed>().RefreshAsync(organisationId.Value, planId, ct);
        foreach (var problem in result.Problems)
        {
            await stderr.WriteLineAsync(problem);
        }

        await stdout.WriteLineAsync($"{result.Indicators} linked indicators: {result.Added} values added, {result.Corrected} corrected, {result.Unchanged} unchanged");
        return result.Problems.Count == 0 ? CliApp.Ok : CliApp.BadInput;
    }

    private static async Task<int> PurgeAsync(bool dryRun, int? organisation, TextWriter stdout, TextWriter stderr, IConfiguration? configuration, CancellationToken ct)
    {
        configuration ??= Configuration();
        var months = configuration.GetValue<int?>(AnnexACaseData.RetentionSetting) ?? AnnexACaseData.DefaultRetentionMonths;
        if (months < 1)
        {
            await stderr.WriteLineAsync($"{AnnexACaseData.RetentionSetting} must be at least 1 month");
            return CliApp.Usage;
        }

        await using var services = CliApp.BuildServices(configuration);
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitialiseAsync(ct);
        var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
        var organisationId = await OrganisationAsync(db, organisation, stderr, ct);
        if (organisationId is null)
        {
            return CliApp.Usage;
        }

        var result = await scope.ServiceProvider.GetRequiredService<AnnexACaseData>().PurgeAsync(organisationId.Value, months, dryRun, ct);
        await stdout.WriteLineAsync($"{(dryRun ? "Would delete" : "Deleted")} {result.Rows} rows last seen in an extract before {Iso(result.Cutoff)} (retention {months} months)");
        return CliApp.Ok;
    }

    private static async Task<int?> OrganisationAsync(TrellisDbContext db, int? given, TextWriter stderr, CancellationToken ct)
    {
        if (given is { } id)
        {
            if (await db.Organisations.AnyAsync(o => o.Id == id, ct))
            {
                return id;
            }

            await stderr.WriteLineAsync($"--organisation: no organisation with id {id}");
            return null;
        }

        var ids = await db.Organisations.OrderBy(o => o.Id).Select(o => o.Id).Take(2).ToListAsync(ct);
        if (ids.Count == 1)
        {
            return ids[0];
        }

        await stderr.WriteLineAsync(ids.Count == 0 ? "There is no organisation yet" : "This installation holds several organisations: give --organisation ID");
        return null;
    }

    private static bool TryDate(string? text, out DateOnly? date)
    {
        date = null;
        if (text is null)
        {
            return true;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            date = parsed;
            return true;
        }

        return false;
    }

    private static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static IConfiguration Configuration() => new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
        .AddEnvironmentVariables()
        .Build();

    private static TrellisOptions Options(IConfiguration configuration) => configuration.GetSection(TrellisOptions.Section).Get<TrellisOptions>() ?? new TrellisOptions();

    internal sealed record LoadJson(string File, string Sha256, bool Stored, int? UploadId, int? AlreadyLoadedAs, string? CoverageFrom, string? CoverageTo, string ExtractDate,
        int New, int AlreadyHeld, int Replaced, IReadOnlyList<LoadListJson> Lists, int ValuesAdded, int ValuesCorrected);

    internal sealed record LoadListJson(int List, string Title, int Read, int New, int AlreadyHeld, int Replaced, int NotStored);

    internal sealed record UploadsJson(string? HeldFrom, string? HeldTo, int Rows, IReadOnlyList<UploadJson> Uploads);

    internal sealed record UploadJson(int Id, string FileName, string Sha256, long SizeBytes, string ExtractDate, string? CoverageFrom, string? CoverageTo, string UploadedBy, DateTimeOffset UploadedAt,
        int New, int AlreadyHeld, int Replaced);
}
