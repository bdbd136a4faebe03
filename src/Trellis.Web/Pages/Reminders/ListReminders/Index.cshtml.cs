using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Trellis.Core.Data;
using Trellis.Core.Dates;
using Trellis.Core.Reminders;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.Reminders.ListReminders;

/// <summary>Who would be reminded of what today, and the digests sent or tried. Later filtered to the signed-in person.</summary>
[OrganisationAccess(OrganisationPermission.ManagePlans)]
public class ListRemindersModel(TrellisDbContext db, CurrentOrganisation organisation, ReminderPlanner planner, IOptions<ReminderOptions> options, TimeProvider clock) : TrellisPageModel
{
    public const int DeliveriesShown = 200;

    private static readonly TimeZoneInfo London = FindLondon();

    public sealed record DeliveryRow(DateOnly Date, int PersonId, string Person, DeliveryStatus Status, int Attempts, int Items, string Subject, DateTimeOffset? SentAt, DateTimeOffset? FailedAt, string? Error);

    public DateOnly Today { get; private set; }

    public ReminderOptions Settings => options.Value;

    public IReadOnlyList<ReminderDigest> Digests { get; private set; } = [];

    public IReadOnlyList<DeliveryRow> Deliveries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = clock.Today();
        Digests = await planner.PlanAsync(Today, organisation.Id, ct);
        Deliveries = await db.ReminderDeliveries.AsNoTracking()
            .Where(d => d.OrganisationId == organisation.Id)
            .OrderByDescending(d => d.DigestDate).ThenByDescending(d => d.Id)
            .Take(DeliveriesShown)
            .Select(d => new DeliveryRow(d.DigestDate, d.PersonId, d.Person.Name ?? d.Person.JobTitle ?? d.Person.Initials ?? "(unnamed)", d.Status, d.Attempts, d.ItemCount, d.Subject, d.SentAt, d.FailedAt, d.Error))
            .ToListAsync(ct);
    }

    /// <summary>"23 November 2026 at 7:30am", in UK time.</summary>
    public static string When(DateTimeOffset? moment)
    {
        if (moment is not { } at)
        {
            return string.Empty;
        }

        var local = TimeZoneInfo.ConvertTime(at, London);
        return DateText.Long(DateOnly.FromDateTime(local.DateTime)) + " at " + local.ToString("h:mmtt", CultureInfo.InvariantCulture).ToLowerInvariant();
    }

    private static TimeZoneInfo FindLondon()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}
