using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Trellis.Core.Audit;
using Trellis.Core.Data;

namespace Trellis.Cli;

/// <summary>trellis audit verify | export: check the audit trail's hash chain, or write it to a file.</summary>
internal static class AuditCommands
{
    private sealed record VerifyJson(bool Intact, long RecordsChecked, long? HeadSequence, string HeadHash, ProblemJson? Problem);

    private sealed record ProblemJson(long Sequence, string? EntityType, string? EntityId, string? At, string Reason);

    private sealed record ExportJson(string File, string Format, int? PlanId);

    public static Command Command(TextWriter stdout, TextWriter stderr, IConfiguration? configuration)
    {
        var verifyJson = new Option<bool>("--json") { Description = "Print {intact, recordsChecked, headSequence, headHash, problem} as JSON" };
        var verify = new Command("verify", "Walk the audit trail's hash chain and name the first record that was altered or removed") { verifyJson };
        verify.SetAction((parse, ct) => VerifyAsync(parse.GetValue(verifyJson), stdout, stderr, configuration, ct));

        var plan = new Option<int?>("--plan") { Description = "Only this plan's records (its id, as 'trellis plans' prints it)" };
        var format = new Option<string>("--format") { Description = "csv or json", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "json");
        var output = new Option<string>("--out") { Description = "Write to this file", Required = true };
        var export = new Command("export", "Write audit records, oldest first, with every field and hash") { plan, format, output };
        export.SetAction((parse, ct) => ExportAsync(
            parse.GetValue(plan), Enum.Parse<AuditExportFormat>(parse.GetValue(format)!, ignoreCase: true), parse.GetValue(output)!, stdout, stderr, configuration, ct));

        return new Command("audit", "The audit trail: who changed what, and when") { verify, export };
    }

    public static async Task<int> VerifyAsync(bool json, TextWriter stdout, TextWriter stderr, IConfiguration? configuration, CancellationToken ct)
    {
        await using var services = CliApp.BuildServices(configuration);
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitialiseAsync(ct);
        var result = await scope.ServiceProvider.GetRequiredService<AuditService>().VerifyAsync(ct);
        var problem = result.Problem;
        if (json)
        {
            await stdout.WriteLineAsync(JsonSerializer.Serialize(
                new VerifyJson(result.Intact, result.RecordsChecked, result.HeadSequence, result.HeadHash,
                    problem is null ? null : new ProblemJson(problem.Sequence, problem.EntityType, problem.EntityId, problem.At?.ToString("O", CultureInfo.InvariantCulture), problem.Reason)),
                CliApp.Json));
        }

        if (problem is null)
        {
            var message = $"The audit trail is intact: {result.RecordsChecked.ToString("N0", CultureInfo.InvariantCulture)} records; the head is record {result.HeadSequence?.ToString(CultureInfo.InvariantCulture) ?? "(none)"} with hash {result.HeadHash}";
            await (json ? stderr : stdout).WriteLineAsync(message);
            return CliApp.Ok;
        }

        var what = problem.EntityType is null ? string.Empty : $" ({problem.EntityType} {problem.EntityId}, {AuditWords.When(problem.At!.Value)})";
        await stderr.WriteLineAsync($"The audit trail is broken at record {problem.Sequence}{what}: {problem.Reason}. The {result.RecordsChecked.ToString("N0", CultureInfo.InvariantCulture)} records before it are intact.");
        return CliApp.BadInput;
    }

    public static async Task<int> ExportAsync(int? planId, AuditExportFormat format, string outFile, TextWriter stdout, TextWriter stderr, IConfiguration? configuration, CancellationToken ct)
    {
        await using var services = CliApp.BuildServices(configuration);
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitialiseAsync(ct);
        var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
        if (planId is { } id && !await db.Plans.AnyAsync(p => p.Id == id, ct))
        {
            await stderr.WriteLineAsync($"--plan {id}: no plan has that id. Run `trellis plans` to see the ids.");
            return CliApp.BadInput;
        }

        // Written beside the target and moved into place, so a failed export leaves no half-written file.
        var path = Path.GetFullPath(outFile);
        var partial = path + ".partial";
        try
        {
            await using (var file = File.Create(partial))
            {
                await scope.ServiceProvider.GetRequiredService<AuditService>().ExportAsync(new AuditFilter(PlanId: planId), format, file, ct);
            }

            File.Move(partial, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.Delete(partial);
            await stderr.WriteLineAsync($"{outFile}: cannot write the file: {e.Message}");
            return CliApp.BadInput;
        }

        await stderr.WriteLineAsync($"Wrote the audit trail{(planId is null ? string.Empty : $" of plan {planId}")} to {path} ({new FileInfo(path).Length.ToString("N0", CultureInfo.InvariantCulture)} bytes)");
        return CliApp.Ok;
    }
}
