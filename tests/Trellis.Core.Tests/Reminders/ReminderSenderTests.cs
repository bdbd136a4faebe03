using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Trellis.Core.Data;
using Trellis.Core.Reminders;
using Trellis.Testing;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace Trellis.Core.Tests.Reminders;

/// <summary>Digests through real SMTP (our own test server) and a real database: once per person per day.</summary>
public class ReminderSenderTests
{
    private static readonly ReminderOptions Reminders = new() { Enabled = true, DueWithinDays = 14, PublicUrl = "https://trellis.example.gov.uk" };

    private static ReminderSender Sender(TrellisDbContext db, TestSmtpServer smtp, FakeTimeProvider clock)
    {
        var smtpOptions = new SmtpOptions { Host = smtp.Host, Port = smtp.Port, Security = SmtpSecurity.None, From = "trellis@riverside.test" };
        return new ReminderSender(
            db,
            new ReminderPlanner(db, MsOptions.Create(Reminders)),
            new ReminderMailer(MsOptions.Create(smtpOptions)),
            MsOptions.Create(smtpOptions),
            MsOptions.Create(Reminders),
            clock,
            NullLogger<ReminderSender>.Instance);
    }

    private static FakeTimeProvider Clock() => new(new DateTimeOffset(2026, 11, 23, 7, 30, 0, TimeSpan.Zero));

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Send_Twice_OneEmailPerPerson(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var smtp = new TestSmtpServer();
        ReminderData.Seeded seeded;
        await using (var seed = database.CreateContext())
        {
            seeded = await ReminderData.SeedAsync(seed);
        }

        var clock = Clock();
        await using (var db = database.CreateContext())
        {
            var first = await Sender(db, smtp, clock).SendAsync(ReminderData.Today);
            Assert.Equal((2, 0, 0), (first.Sent, first.Failed, first.Skipped));
        }

        await using (var db = database.CreateContext())
        {
            var second = await Sender(db, smtp, clock).SendAsync(ReminderData.Today);
            Assert.Equal((0, 0, 2), (second.Sent, second.Failed, second.Skipped));
        }

        Assert.Equal(["alice@riverside.test", "carol@northfield.test"], smtp.Received.SelectMany(m => m.To).Order(StringComparer.Ordinal));
        var alice = Assert.Single(smtp.Received, m => m.To.Contains("alice@riverside.test")).Message;
        Assert.Equal("Trellis: 2 actions overdue, 1 due soon, 1 to update", alice.Subject);
        Assert.Equal("trellis@riverside.test", alice.From.Mailboxes.Single().Address);
        Assert.Equal("Trellis for Riverside Borough Council", alice.From.Mailboxes.Single().Name);
        Assert.Contains("Overdue", alice.TextBody, StringComparison.Ordinal);
        Assert.Contains("Improving help and protection, area 1, action 1.1:", alice.TextBody, StringComparison.Ordinal);
        Assert.Contains("Target date: October 2026 (by 31 October 2026) - 23 days overdue", alice.TextBody, StringComparison.Ordinal);
        Assert.Contains("Due in the next 14 days", alice.TextBody, StringComparison.Ordinal);
        Assert.Contains("No update in the open monitoring round", alice.TextBody, StringComparison.Ordinal);
        Assert.Contains($"https://trellis.example.gov.uk/rounds/{seeded.RoundId}/actions/", alice.TextBody, StringComparison.Ordinal);

        // The HTML part encodes the action's text and carries the links.
        Assert.Contains("Audit strategy meetings &amp; report &lt;findings&gt;", alice.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<findings>", alice.HtmlBody, StringComparison.Ordinal);
        Assert.Contains($"href=\"https://trellis.example.gov.uk/rounds/{seeded.RoundId}/actions/", alice.HtmlBody, StringComparison.Ordinal);

        await using var read = database.CreateContext();
        var deliveries = await read.ReminderDeliveries.OrderBy(d => d.PersonId).ToListAsync();
        Assert.Equal([seeded.AliceId, seeded.CarolId], deliveries.Select(d => d.PersonId));
        Assert.All(deliveries, d => Assert.Equal(DeliveryStatus.Sent, d.Status));
        Assert.All(deliveries, d => Assert.Equal(1, d.Attempts));
        Assert.All(deliveries, d => Assert.Equal(clock.GetUtcNow(), d.SentAt));
        Assert.Equal(4, deliveries[0].ItemCount);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Send_SmtpRefuses_MarksFailed_ThenALaterRunSendsOnce(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var smtp = new TestSmtpServer { RejectData = true };
        await using (var seed = database.CreateContext())
        {
            await ReminderData.SeedAsync(seed);
        }

        var clock = Clock();
        await using (var db = database.CreateContext())
        {
            var failed = await Sender(db, smtp, clock).SendAsync(ReminderData.Today);
            Assert.Equal((0, 2, 0), (failed.Sent, failed.Failed, failed.Skipped));
        }

        await using (var read = database.CreateContext())
        {
            var deliveries = await read.ReminderDeliveries.ToListAsync();
            Assert.All(deliveries, d => Assert.Equal(DeliveryStatus.Failed, d.Status));
            Assert.All(deliveries, d => Assert.Contains("554", d.Error, StringComparison.Ordinal));

            // The error is the server's, never the digest's content.
            Assert.All(deliveries, d => Assert.DoesNotContain("strategy", d.Error, StringComparison.OrdinalIgnoreCase));
        }

        Assert.Empty(smtp.Received);
        smtp.RejectData = false;
        clock.Advance(TimeSpan.FromHours(1));
        await using (var db = database.CreateContext())
        {
            var retried = await Sender(db, smtp, clock).SendAsync(ReminderData.Today);
            Assert.Equal((2, 0, 0), (retried.Sent, retried.Failed, retried.Skipped));
        }

        await using (var db = database.CreateContext())
        {
            var again = await Sender(db, smtp, clock).SendAsync(ReminderData.Today);
            Assert.Equal((0, 0, 2), (again.Sent, again.Failed, again.Skipped));
        }

        Assert.Equal(2, smtp.Received.Count);
        Assert.Equal(2, smtp.Received.Select(m => m.To.Single()).Distinct().Count());
        await using var after = database.CreateContext();
        Assert.All(await after.ReminderDeliveries.ToListAsync(), d =>
        {
            Assert.Equal(DeliveryStatus.Sent, d.Status);
            Assert.Equal(2, d.Attempts);
            Assert.Null(d.Error);
        });
    }

    [Fact]
    public async Task Send_NextDay_SendsAgain()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var smtp = new TestSmtpServer();
        await using (var seed = database.CreateContext())
        {
            await ReminderData.SeedAsync(seed);
        }

        var clock = Clock();
        await using (var db = database.CreateContext())
        {
            await Sender(db, smtp, clock).SendAsync(ReminderData.Today);
            await Sender(db, smtp, clock).SendAsync(ReminderData.Today.AddDays(1));
        }

        // The unit is the digest for a person and a day: tomorrow's repeats what is still overdue.
        Assert.Equal(4, smtp.Received.Count);
        Assert.Equal(2, smtp.Received.Count(m => m.To.Contains("alice@riverside.test")));
    }

    [PostgresFact]
    public async Task Send_TwoSendersRacing_OneEmailPerPerson()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var smtp = new TestSmtpServer();
        ReminderData.Seeded seeded;
        await using (var seed = database.CreateContext())
        {
            seeded = await ReminderData.SeedAsync(seed, extraPeople: 30);
        }

        var clock = Clock();
        await using var first = database.CreateContext();
        await using var second = database.CreateContext();
        var results = await Task.WhenAll(
            Task.Run(() => Sender(first, smtp, clock).SendAsync(ReminderData.Today)),
            Task.Run(() => Sender(second, smtp, clock).SendAsync(ReminderData.Today)));

        Assert.Equal(32, results.Sum(r => r.Sent));
        Assert.Equal(32, results.Sum(r => r.Skipped));
        Assert.Equal(32, smtp.Received.Count);
        Assert.Equal(32, smtp.Received.Select(m => m.To.Single()).Distinct().Count());
        Assert.Equal(32, seeded.ExtraPeople.Count + 2);
    }
}
