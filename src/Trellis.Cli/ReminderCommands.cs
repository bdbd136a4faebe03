using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Trellis.Core.Data;
using Trellis.Core.Dates;
using Trellis.Core.Reminders;

namespace Trellis.Cli;

/// <summary>trellis reminders send|list: the daily digests by e-mail, each person's at most once a day.</summary>
internal static class ReminderCommands
{
    public static Command Command(TextWriter stdout, TextWriter stderr, IConfiguration? configuration)
    {
        var at = new Option<string?>("--at") { Description = "The day to send for, YYYY-MM-DD (default: today in the UK)" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the digests; send nothing and claim nothing" };
        var json = new Option<bool>("--json") { Description = "Print JSON: the digests with --dry-run, otherwise {date, sent, failed, skipped, items}" };
        var send = new Command("send", "Send each person their digest of overdue, due-soon and not-updated actions (once a day; failed ones are retried)") { at, dryRun, json };
        send.SetAction((parse, ct) => SendAsync(parse.GetValue(at), parse.GetValue(dryRun), parse.GetValue(json), stdout, stderr, configuration, ct));

        var listJson = new Option<bool>("--json") { Description = "Print the deliveries as JSON" };
        var list = new Command("list", "List the digests sent or tried, newest day first") { listJson };
        list.SetAction((parse, ct) => ListAsync(parse.GetValue(listJson), stdout, stderr, configuration, ct));
        return new Command("reminders", "Reminder e-mails to action owners") { send, list };
    }

    private static async Task<int> SendAsync(string? at, bool dryRun, bool json, TextWriter stdout, TextWriter stderr, IConfiguration? configuration, CancellationToken ct)
    {
        DateOnly? date = null;
        if (at is not null)
        {
            if (!DateOnly.TryParseExact(at, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                await stderr.WriteLineAsync($"--at: '{at}' is not a date; write it as YYYY-MM-DD, for example 2026-11-23");
                await stderr.WriteLineAsync("Run 'trellis --help' for usage.");
                return CliApp.Usage;
            }

            date = parsed;
        }

        await using var services = CliApp.BuildServices(configuration);
        var reminderOptions = services.GetRequiredService<IOptions<ReminderOptions>>().Value;
        var problems = reminderOptions.Problems().ToList();
        if (!dryRun)
        {
            problems.AddRange(services.GetRequiredService<IOptions<SmtpOptions>>().Value.Problems());
        }

        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                await stderr.WriteLineAsync($"Settings: {problem}");
            }

            return CliApp.BadInput;
        }

        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitialiseAsync(ct);
        var day = date ?? scope.ServiceProvider.GetRequiredService<TimeProvider>().Today();
        if (dryRun)
        {
            var digests = await scope.ServiceProvider.GetRequiredService<ReminderPlanner>().PlanAsync(day, ct: ct);
            if (json)
            {
                await stdout.WriteLineAsync(JsonSerializer.Serialize(digests.Select(d => new DigestJson(d)), CliApp.Json));
            }
            else
            {
                await stderr.WriteLineAsync($"Dry run for {DateText.Long(day)}: {digests.Count} digest(s); nothing sent or claimed.");
                foreach (var digest in digests)
                {
                    await stdout.WriteLineAsync($"To: {digest.PersonName} <{digest.Email}>");
                    await stdout.WriteLineAsync($"Subject: {digest.Subject}");
                    await stdout.WriteLineAsync();
                    await stdout.WriteLineAsync(ReminderMessage.Text(digest, reminderOptions));
                }
            }

            return CliApp.Ok;
        }

        var result = await scope.ServiceProvider.GetRequiredService<ReminderSender>().SendAsync(day, ct);
        if (json)
        {
            await stdout.WriteLineAsync(JsonSerializer.Serialize(result, CliApp.Json));
        }
        else
        {
            foreach (var item in result.Items)
            {
                await stdout.WriteLineAsync($"{item.Outcome,-8} {item.PersonName} <{item.Email}>  {item.Subject}{(item.Error is null ? string.Empty : "  (" + item.Error + ")")}");
            }
        }

        await stderr.WriteLineAsync($"{DateText.Long(day)}: {result.Sent} sent, {result.Failed} failed, {result.Skipped} already sent or being sent elsewhere.");
        if (result.Failed > 0)
        {
            await stderr.WriteLineAsync("Run 'trellis reminders send' again later to retry the failed ones.");
            return CliApp.BadInput;
        }

        return CliApp.Ok;
    }

    private static async Task<int> ListAsync(bool json, TextWriter stdout, TextWriter stderr, IConfiguration? configuration, CancellationToken ct)
    {
        await using var services = CliApp.BuildServices(configuration);
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitialiseAsync(ct);
        var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
        var rows = await db.ReminderDeliveries.AsNoTracking()
            .OrderByDescending(d => d.DigestDate).ThenBy(d => d.Id)
            .Select(d => new DeliveryJson(d.DigestDate, d.PersonId, d.Person.Name ?? d.Person.JobTitle ?? d.Person.Initials, d.Person.Email, d.Status, d.Attempts, d.ItemCount, d.Subject, d.SentAt, d.FailedAt, d.Error))
            .ToListAsync(ct);
        if (json)
        {
            await stdout.WriteLineAsync(JsonSerializer.Serialize(rows, CliApp.Json));
            return CliApp.Ok;
        }

        if (rows.Count == 0)
        {
            await stderr.WriteLineAsync("No reminders have been sent yet.");
            return CliApp.Ok;
        }

        await stdout.WriteLineAsync($"{"DATE",-10} {"STATUS",-7} {"TRIES",5}  PERSON  SUBJECT");
        foreach (var row in rows)
        {
            await stdout.WriteLineAsync($"{row.Date:yyyy-MM-dd} {row.Status.ToString().ToLowerInvariant(),-7} {row.Attempts,5}  {row.Person} <{row.Email}>  {row.Subject}{(row.Error is null ? string.Empty : "  (" + row.Error + ")")}");
        }

        return CliApp.Ok;
    }

    private sealed record DeliveryJson(DateOnly Date, int PersonId, string? Person, string? Email, DeliveryStatus Status, int Attempts, int Items, string Subject, DateTimeOffset? SentAt, DateTimeOffset? FailedAt, string? Error);

    private sealed record DigestJson(int PersonId, string Person, string Email, string Organisation, DateOnly Date, string Subject, IReadOnlyList<ReminderItem> Overdue, IReadOnlyList<ReminderItem> DueSoon, IReadOnlyList<ReminderItem> NoUpdate)
    {
        public DigestJson(ReminderDigest d)
            : this(d.PersonId, d.PersonName, d.Email, d.OrganisationName, d.Date, d.Subject, d.Overdue, d.DueSoon, d.NoUpdate)
        {
        }
    }
}
