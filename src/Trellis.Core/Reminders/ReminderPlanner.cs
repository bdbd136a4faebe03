using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Trellis.Core.Data;
using Trellis.Core.Dates;
using Trellis.Core.Plans;
using Trellis.Core.Rounds;

namespace Trellis.Core.Reminders;

/// <summary>
/// Who is reminded of what on a day: for each person with an e-mail address, the open actions they own
/// in their organisation's plans (closed plans left out) that are overdue, due within
/// <see cref="ReminderOptions.DueWithinDays"/>, or without an update in their plan's open round.
/// Three queries, whatever the number of people.
/// </summary>
public sealed class ReminderPlanner(TrellisDbContext db, IOptions<ReminderOptions> options)
{
    public async Task<IReadOnlyList<ReminderDigest>> PlanAsync(DateOnly date, int? organisationId = null, CancellationToken ct = default)
    {
        var settings = options.Value;
        // A join rather than SelectMany over Owners: SQLite cannot run the APPLY that the latter needs.
        var owned =
            from o in db.ActionOwners.AsNoTracking()
            join a in db.Actions on o.ActionId equals a.Id
            where o.Person != null && o.Person.Email != null && o.Person.Email.Trim() != string.Empty
                && o.Person.OrganisationId == a.Area.Plan.OrganisationId
                && (a.Status == null || (a.Status != ActionStatus.Complete && a.Status != ActionStatus.Dropped))
                && a.Area.Plan.Status != PlanStatus.Closed
                && (organisationId == null || a.Area.Plan.OrganisationId == organisationId)
            select new OwnedAction(
                o.Person!.Id,
                o.Person.Name,
                o.Person.Initials,
                o.Person.JobTitle,
                o.Person.Email!,
                a.Area.Plan.OrganisationId,
                a.Area.Plan.Organisation.Name,
                a.Area.PlanId,
                a.Area.Plan.Title,
                a.AreaId,
                a.Area.Number,
                a.Area.SortOrder,
                a.Id,
                a.Ref,
                a.Text,
                a.SortOrder,
                a.Due.Text,
                a.Due.Date,
                a.Due.Precision);
        var rows = await owned.ToListAsync(ct);
        if (rows.Count == 0)
        {
            return [];
        }

        var planIds = rows.Select(r => r.PlanId).Distinct().ToList();
        var openRounds = (await db.Rounds.AsNoTracking()
                .Where(r => planIds.Contains(r.PlanId) && r.Status == RoundStatus.Open)
                .Select(r => new { r.Id, r.PlanId, r.Name, r.OpenedAt })
                .ToListAsync(ct))
            .GroupBy(r => r.PlanId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.OpenedAt).ThenByDescending(r => r.Id).First());
        var roundIds = openRounds.Values.Select(r => r.Id).ToList();
        var updated = (await db.ActionUpdates.AsNoTracking()
                .Where(u => roundIds.Contains(u.RoundId))
                .Select(u => new { u.RoundId, u.ActionId })
                .ToListAsync(ct))
            .Select(u => (u.RoundId, u.ActionId))
            .ToHashSet();

        var baseUrl = (settings.PublicUrl ?? string.Empty).TrimEnd('/');
        var soonUntil = date.AddDays(settings.DueWithinDays);
        var digests = new List<ReminderDigest>();
        foreach (var person in rows.GroupBy(r => r.PersonId))
        {
            var items = new List<ReminderItem>();
            foreach (var row in person.DistinctBy(r => r.ActionId).OrderBy(r => r.PlanTitle).ThenBy(r => r.PlanId).ThenBy(r => r.AreaSort).ThenBy(r => r.ActionSort))
            {
                var round = openRounds.GetValueOrDefault(row.PlanId);
                var noUpdateIn = round is not null && !updated.Contains((round.Id, row.ActionId)) ? round.Name : null;
                var link = round is not null
                    ? $"{baseUrl}/rounds/{round.Id}/actions/{row.ActionId}"
                    : $"{baseUrl}/plans/{row.PlanId}/areas/{row.AreaId}#action-{row.ActionId}";
                ReminderKind? kind = row.DueDate switch
                {
                    { } due when due < date => ReminderKind.Overdue,
                    { } due when due <= soonUntil => ReminderKind.DueSoon,
                    _ when noUpdateIn is not null => ReminderKind.NoUpdate,
                    _ => null,
                };
                if (kind is not { } k)
                {
                    continue;
                }

                items.Add(new ReminderItem(
                    k,
                    row.PlanId,
                    row.PlanTitle,
                    row.AreaNumber,
                    row.ActionId,
                    row.ActionRef,
                    row.ActionText,
                    row.DueText,
                    row.DueDate,
                    row.DuePrecision,
                    k == ReminderKind.Overdue ? date.DayNumber - row.DueDate!.Value.DayNumber : null,
                    k == ReminderKind.DueSoon ? row.DueDate!.Value.DayNumber - date.DayNumber : null,
                    noUpdateIn,
                    link));
            }

            if (items.Count == 0)
            {
                continue;
            }

            var first = person.First();
            digests.Add(new ReminderDigest(
                first.PersonId,
                first.Name ?? first.JobTitle ?? first.Initials ?? first.Email,
                first.Email.Trim(),
                first.OrganisationId,
                first.OrganisationName,
                date,
                [.. items.Where(i => i.Kind == ReminderKind.Overdue).OrderByDescending(i => i.DaysOverdue)],
                [.. items.Where(i => i.Kind == ReminderKind.DueSoon).OrderBy(i => i.DaysLeft)],
                [.. items.Where(i => i.Kind == ReminderKind.NoUpdate)]));
        }

        return [.. digests.OrderBy(d => d.OrganisationId).ThenBy(d => d.PersonName, StringComparer.OrdinalIgnoreCase).ThenBy(d => d.PersonId)];
    }

    private sealed record OwnedAction(
        int PersonId,
        string? Name,
        string? Initials,
        string? JobTitle,
        string Email,
        int OrganisationId,
        string OrganisationName,
        int PlanId,
        string PlanTitle,
        int AreaId,
        string AreaNumber,
        int AreaSort,
        int ActionId,
        string ActionRef,
        string ActionText,
        int ActionSort,
        string DueText,
        DateOnly? DueDate,
        DuePrecision DuePrecision);
}
