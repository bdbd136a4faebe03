using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using Trellis.Core.Data;

namespace Trellis.Core.Reminders;

/// <summary>What one run did: digests sent, failed, and skipped because another run (or process) had them.</summary>
public sealed record ReminderRunResult(DateOnly Date, int Sent, int Failed, int Skipped, IReadOnlyList<ReminderRunItem> Items);

public sealed record ReminderRunItem(int PersonId, string PersonName, string Email, string Subject, string Outcome, string? Error);

/// <summary>
/// Sends each person's digest for a day exactly once, across runs and processes. The unit is the digest
/// (person, day): an action that stays overdue is in tomorrow's digest again, by design.
/// <list type="number">
/// <item>Claim: insert a <see cref="ReminderDelivery"/> row (unique on person and day) and commit. A racing
/// sender's insert fails on the index, and it skips that person.</item>
/// <item>Send through SMTP, after the claim is committed.</item>
/// <item>Mark it Sent, or Failed with the server's error. A later run on the same day takes a failed claim
/// back with a conditional update (status still Failed, attempts unchanged), so only one process retries it.</item>
/// </list>
/// A process that stops between sending and marking leaves the claim as Claimed; it is never retried,
/// because the e-mail may have gone: at most once beats twice. The reminders page shows such rows.
/// </summary>
public sealed partial class ReminderSender(
    TrellisDbContext db,
    ReminderPlanner planner,
    ReminderMailer mailer,
    IOptions<SmtpOptions> smtp,
    IOptions<ReminderOptions> reminders,
    TimeProvider clock,
    ILogger<ReminderSender> logger)
{
    public async Task<ReminderRunResult> SendAsync(DateOnly date, CancellationToken ct = default)
    {
        var digests = await planner.PlanAsync(date, ct: ct);
        var items = new List<ReminderRunItem>();
        foreach (var digest in digests)
        {
            var claim = await ClaimAsync(digest, ct);
            if (claim is null)
            {
                items.Add(new ReminderRunItem(digest.PersonId, digest.PersonName, digest.Email, digest.Subject, "skipped", null));
                continue;
            }

            string? error = null;
            try
            {
                await mailer.SendAsync(ReminderMessage.Compose(digest, smtp.Value, reminders.Value), ct);
            }
            catch (Exception e) when (e is IOException or SocketException or CommandException or ProtocolException or ServiceNotConnectedException
                or ServiceNotAuthenticatedException or MailKit.Security.AuthenticationException or MailKit.Security.SslHandshakeException
                or ParseException or TimeoutException or OperationCanceledException)
            {
                error = Describe(e);
                LogFailed(logger, digest.PersonId, date, error);
            }

            // Marked whatever the caller's token says: the claim must not be left open because the host is stopping.
            await MarkAsync(claim.Value, error, CancellationToken.None);
            items.Add(new ReminderRunItem(digest.PersonId, digest.PersonName, digest.Email, digest.Subject, error is null ? "sent" : "failed", error));
            ct.ThrowIfCancellationRequested();
        }

        return new ReminderRunResult(date, items.Count(i => i.Outcome == "sent"), items.Count(i => i.Outcome == "failed"), items.Count(i => i.Outcome == "skipped"), items);
    }

    /// <returns>The delivery's id when this run owns it; null when another run has it (sending, sent, or out of attempts).</returns>
    private async Task<int?> ClaimAsync(ReminderDigest digest, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var delivery = new ReminderDelivery
        {
            PersonId = digest.PersonId,
            OrganisationId = digest.OrganisationId,
            DigestDate = digest.Date,
            Status = DeliveryStatus.Claimed,
            Attempts = 1,
            ItemCount = digest.ItemCount,
            Subject = Truncate(digest.Subject, ReminderDelivery.SubjectMaxLength),
            ClaimedAt = now,
        };
        db.ReminderDeliveries.Add(delivery);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return delivery.Id;
        }
        catch (DbUpdateException e) when (IsUniqueViolation(e))
        {
            db.Entry(delivery).State = EntityState.Detached;
        }

        var existing = await db.ReminderDeliveries.AsNoTracking()
            .Where(d => d.PersonId == digest.PersonId && d.DigestDate == digest.Date)
            .Select(d => new { d.Id, d.Status, d.Attempts })
            .SingleAsync(ct);
        if (existing.Status != DeliveryStatus.Failed || existing.Attempts >= ReminderDelivery.MaxAttempts)
        {
            return null;
        }

        // Only one process can move it from this exact failed state back to Claimed.
        var taken = await db.ReminderDeliveries
            .Where(d => d.Id == existing.Id && d.Status == DeliveryStatus.Failed && d.Attempts == existing.Attempts)
            .ExecuteUpdateAsync(
                s => s.SetProperty(d => d.Status, DeliveryStatus.Claimed)
                    .SetProperty(d => d.Attempts, existing.Attempts + 1)
                    .SetProperty(d => d.ClaimedAt, now)
                    .SetProperty(d => d.ItemCount, digest.ItemCount)
                    .SetProperty(d => d.Subject, Truncate(digest.Subject, ReminderDelivery.SubjectMaxLength)),
                ct);
        return taken == 1 ? existing.Id : null;
    }

    private async Task MarkAsync(int deliveryId, string? error, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var query = db.ReminderDeliveries.Where(d => d.Id == deliveryId && d.Status == DeliveryStatus.Claimed);
        if (error is null)
        {
            await query.ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DeliveryStatus.Sent).SetProperty(d => d.SentAt, now).SetProperty(d => d.Error, (string?)null), ct);
        }
        else
        {
            await query.ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DeliveryStatus.Failed).SetProperty(d => d.FailedAt, now).SetProperty(d => d.Error, error), ct);
        }
    }

    /// <summary>The kind of failure and the server's reply; never the message, which holds case text.</summary>
    private static string Describe(Exception e)
    {
        var text = e switch
        {
            SmtpCommandException command => $"The mail server refused the message ({(int)command.StatusCode} {command.ErrorCode}): {command.Message}",
            SmtpProtocolException => $"The mail server broke the conversation: {e.Message}",
            SocketException or IOException => $"Could not reach the mail server: {e.Message}",
            OperationCanceledException or TimeoutException => "The mail server did not answer in time",
            _ => $"{e.GetType().Name}: {e.Message}",
        };
        return Truncate(text, ReminderDelivery.ErrorMaxLength);
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];

    private static bool IsUniqueViolation(DbUpdateException e) => e.InnerException switch
    {
        Npgsql.PostgresException pg => pg.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.SqliteExtendedErrorCode == 2067,
        _ => false,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "The reminder digest for person {PersonId} on {Date} failed: {Error}")]
    private static partial void LogFailed(ILogger logger, int personId, DateOnly date, string error);
}
