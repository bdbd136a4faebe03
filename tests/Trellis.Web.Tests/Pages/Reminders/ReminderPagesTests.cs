using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Trellis.Core.Data;
using Trellis.Core.Reminders;
using Trellis.Testing;
using Trellis.Web.Tests.Infrastructure;

namespace Trellis.Web.Tests.Pages.Reminders;

/// <summary>The app with reminders configured: extra settings on top of the usual test factory.</summary>
public sealed class ReminderWebFactory(IReadOnlyDictionary<string, string> settings) : TrellisWebFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}

public sealed class ReminderPagesTests : IDisposable
{
    private readonly TrellisWebFactory _factory = new() { DemoData = false };
    private readonly PageClient _client;

    public ReminderPagesTests()
    {
        _client = new PageClient(_factory);
        _factory.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
    }

    public void Dispose() => _factory.Dispose();

    private async Task<ReminderData.Seeded> SeedAsync()
    {
        using var scope = _factory.Services.CreateScope();
        var seeded = await ReminderData.SeedAsync(scope.ServiceProvider.GetRequiredService<TrellisDbContext>());
        await TestData.SignInAsAdministratorAsync(_factory);
        return seeded;
    }

    [Fact]
    public async Task Get_Reminders_ListsWhoWouldReceiveWhatToday_ForThisCouncilOnly()
    {
        var seeded = await SeedAsync();
        var page = await _client.GetAsync("/reminders");
        Assert.Equal("Reminder e-mails", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("Today, 23 November 2026", page.QuerySelector("#today")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector(".govuk-inset-text"));

        // Carol belongs to another council; Bob has no address.
        var rows = page.QuerySelectorAll("tr[id^='person-']").ToList();
        var alice = Assert.Single(rows);
        Assert.Equal($"person-{seeded.AliceId}", alice.Id);
        Assert.Equal(["2", "1", "1", "Trellis: 2 actions overdue, 1 due soon, 1 to update"], alice.QuerySelectorAll("td").Select(c => c.TextContent.Trim()));
        var details = page.QuerySelector("details")!.TextContent;
        Assert.Contains("Audit strategy meetings & report <findings>", details, StringComparison.Ordinal);
        Assert.Contains("October 2026 (by 31 October 2026), 23 days overdue", details, StringComparison.Ordinal);
        Assert.DoesNotContain("Carol", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("No reminder e-mails have been sent yet.", page.QuerySelector("#deliveries + p")!.TextContent.Trim());
    }

    [Fact]
    public async Task Get_Reminders_ShowsSentAndFailedDeliveries()
    {
        var seeded = await SeedAsync();
        using (var scope = _factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
            db.ReminderDeliveries.AddRange(
                new ReminderDelivery { PersonId = seeded.AliceId, OrganisationId = seeded.CouncilId, DigestDate = new DateOnly(2026, 11, 22), Status = DeliveryStatus.Sent, Attempts = 1, ItemCount = 3, Subject = "Trellis: 3 actions overdue", ClaimedAt = new DateTimeOffset(2026, 11, 22, 7, 0, 0, TimeSpan.Zero), SentAt = new DateTimeOffset(2026, 11, 22, 7, 1, 0, TimeSpan.Zero) },
                new ReminderDelivery { PersonId = seeded.AliceId, OrganisationId = seeded.CouncilId, DigestDate = new DateOnly(2026, 11, 23), Status = DeliveryStatus.Failed, Attempts = 2, ItemCount = 4, Subject = "Trellis: 2 actions overdue", ClaimedAt = new DateTimeOffset(2026, 11, 23, 7, 0, 0, TimeSpan.Zero), FailedAt = new DateTimeOffset(2026, 11, 23, 7, 2, 0, TimeSpan.Zero), Error = "The mail server refused the message (554)" },
                new ReminderDelivery { PersonId = seeded.CarolId, OrganisationId = seeded.OtherCouncilId, DigestDate = new DateOnly(2026, 11, 23), Status = DeliveryStatus.Sent, Attempts = 1, ItemCount = 1, Subject = "Trellis: 1 action overdue", ClaimedAt = new DateTimeOffset(2026, 11, 23, 7, 0, 0, TimeSpan.Zero) });
            await db.SaveChangesAsync();
        }

        var page = await _client.GetAsync("/reminders");
        var rows = page.QuerySelectorAll("#deliveries + table tbody tr").Select(r => r.Children.Select(c => c.TextContent.Trim()).ToArray()).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal("23 November 2026", rows[0][0]);
        Assert.StartsWith("Failed", rows[0][2], StringComparison.Ordinal);
        Assert.Contains("23 November 2026 at 7:02am, attempt 2 of 5: The mail server refused the message (554)", rows[0][2], StringComparison.Ordinal);
        Assert.Equal("22 November 2026", rows[1][0]);
        Assert.StartsWith("Sent", rows[1][2], StringComparison.Ordinal);
        Assert.Contains("22 November 2026 at 7:01am", rows[1][2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Home_LinksToReminders()
    {
        await SeedAsync();
        var page = await _client.GetAsync("/");
        Assert.NotNull(page.QuerySelector("a[href='/reminders']"));
    }
}
