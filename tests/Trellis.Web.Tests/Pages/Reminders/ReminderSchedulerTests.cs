using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Trellis.Core.Data;
using Trellis.Core.Reminders;
using Trellis.Testing;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Tests.Pages.Reminders;

/// <summary>The daily send in the web app, driven by a fake clock that moves on by minutes and days.</summary>
public sealed class ReminderSchedulerTests
{
    private static Dictionary<string, string> Settings(TestSmtpServer smtp, bool enabled = true) => new()
    {
        ["Trellis:Reminders:Enabled"] = enabled ? "true" : "false",
        ["Trellis:Reminders:SendAtHour"] = "12",
        ["Trellis:Reminders:PublicUrl"] = "https://trellis.example.gov.uk",
        ["Trellis:Smtp:Host"] = smtp.Host,
        ["Trellis:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Trellis:Smtp:Security"] = "none",
        ["Trellis:Smtp:From"] = "trellis@riverside.test",
    };

    private static int[] PerDay(TestSmtpServer smtp, string email, params string[] days) =>
        [.. days.Select(day => smtp.Received.Count(m => m.To.Contains(email) && m.Message.Headers["X-Trellis-Digest"]!.EndsWith(day, StringComparison.Ordinal)))];

    /// <summary>Moves the fake clock on a minute at a time (letting the scheduler's loop catch up) until the condition holds.</summary>
    private static async Task AdvanceUntilAsync(ReminderWebFactory factory, Func<bool> condition, TimeSpan limit)
    {
        for (var moved = TimeSpan.Zero; !condition(); moved += TimeSpan.FromMinutes(1))
        {
            Assert.True(moved < limit, $"Nothing happened within {limit} of fake time");
            factory.Clock.Advance(TimeSpan.FromMinutes(1));
            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task Scheduler_SendsOnceADayAfterTheHour()
    {
        await using var smtp = new TestSmtpServer();
        using var factory = new ReminderWebFactory(Settings(smtp)) { DemoData = false };
        using (var scope = factory.Services.CreateScope())
        {
            await ReminderData.SeedAsync(scope.ServiceProvider.GetRequiredService<TrellisDbContext>());
        }

        Assert.Contains(factory.Services.GetServices<IHostedService>(), s => s is ReminderScheduler);

        // 10:00 on 22 November: before the hour, nothing goes.
        await Task.Delay(200);
        Assert.Empty(smtp.Received);

        await AdvanceUntilAsync(factory, () => smtp.Received.Count == 2, TimeSpan.FromHours(3));
        Assert.True(factory.Clock.GetUtcNow().Hour >= 12);

        // The rest of the day: more looks, no more e-mails.
        factory.Clock.Advance(TimeSpan.FromHours(2));
        await AdvanceUntilAsync(factory, () => factory.Clock.GetUtcNow().Hour >= 16, TimeSpan.FromHours(4));
        Assert.Equal(2, smtp.Received.Count);

        // The next day, after the hour: one more each.
        factory.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 11, 0, 0, TimeSpan.Zero));
        await AdvanceUntilAsync(factory, () => smtp.Received.Count == 4, TimeSpan.FromHours(3));
        Assert.Equal([1, 1], PerDay(smtp, "alice@riverside.test", "2026-11-22", "2026-11-23"));
        Assert.Equal([1, 1], PerDay(smtp, "carol@northfield.test", "2026-11-22", "2026-11-23"));

        using var read = factory.Services.CreateScope();
        var deliveries = await read.ServiceProvider.GetRequiredService<TrellisDbContext>().ReminderDeliveries.ToListAsync();
        Assert.Equal(4, deliveries.Count);
        Assert.All(deliveries, d => Assert.Equal(DeliveryStatus.Sent, d.Status));
    }

    [Fact]
    public async Task Scheduler_NotRegistered_WhenDisabled()
    {
        await using var smtp = new TestSmtpServer();
        using var factory = new ReminderWebFactory(Settings(smtp, enabled: false)) { DemoData = false };
        Assert.DoesNotContain(factory.Services.GetServices<IHostedService>(), s => s is ReminderScheduler);
    }

    [Fact]
    public void Start_EnabledWithoutSmtpHost_FailsNamingTheSetting()
    {
        using var factory = new ReminderWebFactory(new Dictionary<string, string>
        {
            ["Trellis:Reminders:Enabled"] = "true",
            ["Trellis:Reminders:PublicUrl"] = "https://trellis.example.gov.uk",
            ["Trellis:Smtp:From"] = "trellis@riverside.test",
        })
        { DemoData = false };
        var error = Assert.ThrowsAny<Exception>(() => factory.Services);
        Assert.Contains("Trellis:Smtp:Host is empty", error.ToString(), StringComparison.Ordinal);
    }
}
