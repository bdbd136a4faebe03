using Trellis.Core.Data;
using Trellis.Core.Dates;
using Trellis.Core.People;
using Trellis.Core.Plans;
using Trellis.Core.Rounds;

namespace Trellis.Testing;

/// <summary>
/// Owners and actions for reminder tests, around <see cref="Today"/> (Monday 23 November 2026) with 14 days' notice.
/// Alice (two plans) gets one digest: 2 overdue, 1 due soon, 1 without an update. Carol (another council) gets 1 overdue.
/// Bob has no e-mail address; Dan owns only a dropped action; neither gets anything.
/// </summary>
public static class ReminderData
{
    public static readonly DateOnly Today = new(2026, 11, 23);

    public sealed record Seeded(int CouncilId, int OtherCouncilId, int AliceId, int BobId, int CarolId, int DanId, int PlanId, int SecondPlanId, int RoundId, IReadOnlyList<int> ExtraPeople);

    public static async Task<Seeded> SeedAsync(TrellisDbContext db, int extraPeople = 0)
    {
        ArgumentNullException.ThrowIfNull(db);
        var council = new Organisation { Name = "Riverside Borough Council" };
        var other = new Organisation { Name = "Northfield County Council" };
        var alice = new Person { Name = "Alice Ashworth", Initials = "AA", Email = "alice@riverside.test" };
        var bob = new Person { Name = "Bob Barker", Initials = "BB" };
        var dan = new Person { Name = "Dan Dale", Initials = "DD", Email = "dan@riverside.test" };
        var carol = new Person { Name = "Carol Cole", Initials = "CC", Email = "carol@northfield.test" };
        council.People.AddRange([alice, bob, dan]);
        other.People.Add(carol);
        var extras = Enumerable.Range(1, extraPeople)
            .Select(i => new Person { Name = $"Extra Person {i:D3}", Email = $"extra{i:D3}@riverside.test" }).ToList();
        council.People.AddRange(extras);

        var first = new Plan { Title = "Improving help and protection", Status = PlanStatus.Live, Organisation = council };
        var firstArea = new Area { Number = "1", Title = "Strategy meetings", SortOrder = 1 };
        first.Areas.Add(firstArea);
        firstArea.Actions.AddRange([
            Action("1.1", "Audit strategy meetings & report <findings>", "October 2026", new DateOnly(2026, 10, 31), DuePrecision.Month, null, alice, bob),
            Action("1.2", "Refresh the threshold document", "7 December 2026", new DateOnly(2026, 12, 7), DuePrecision.Day, ActionStatus.InProgress, alice),
            Action("1.3", "Train the front door team", "8 December 2026", new DateOnly(2026, 12, 8), DuePrecision.Day, ActionStatus.NotStarted, alice),
            Action("1.4", "Publish the new escalation policy", "September 2026", new DateOnly(2026, 9, 30), DuePrecision.Month, ActionStatus.Complete, alice),
            Action("1.5", "Write the supervision policy", "June 2026", new DateOnly(2026, 6, 30), DuePrecision.Month, ActionStatus.Dropped, dan),
        ]);
        var sort = 10;
        foreach (var extra in extras)
        {
            firstArea.Actions.Add(Action($"1.{sort}", $"Extra action {sort}", "November 2026", new DateOnly(2026, 11, 1), DuePrecision.Month, null, extra));
            sort++;
        }

        var second = new Plan { Title = "Care leavers", Status = PlanStatus.Live, Organisation = council };
        var secondArea = new Area { Number = "2", Title = "Pathway plans", SortOrder = 1 };
        second.Areas.Add(secondArea);
        var updated = Action("2.3", "Review every pathway plan", "March 2027", new DateOnly(2027, 3, 31), DuePrecision.Month, ActionStatus.InProgress, alice);
        secondArea.Actions.AddRange([
            Action("2.1", "Agree the local offer", "22 November 2026", new DateOnly(2026, 11, 22), DuePrecision.Day, ActionStatus.InProgress, alice),
            Action("2.2", "Set up the care leavers' forum", "Q4 2026/27", new DateOnly(2027, 3, 31), DuePrecision.Quarter, null, alice),
            updated,
        ]);

        var closed = new Plan { Title = "Old plan", Status = PlanStatus.Closed, Organisation = council };
        var closedArea = new Area { Number = "9", Title = "Closed", SortOrder = 1 };
        closed.Areas.Add(closedArea);
        closedArea.Actions.Add(Action("9.1", "Left behind in a closed plan", "2025", new DateOnly(2025, 12, 31), DuePrecision.Year, null, alice));

        var northfield = new Plan { Title = "Northfield plan", Status = PlanStatus.Live, Organisation = other };
        var northArea = new Area { Number = "1", Title = "Front door", SortOrder = 1 };
        northfield.Areas.Add(northArea);
        northArea.Actions.Add(Action("1.1", "Staff the MASH", "October 2026", new DateOnly(2026, 10, 31), DuePrecision.Month, null, carol));

        db.AddRange(council, other, first, second, closed, northfield);
        await db.SaveChangesAsync();

        var round = new Round
        {
            PlanId = second.Id,
            Name = "2026/27 Q3",
            PeriodStart = new DateOnly(2026, 10, 1),
            PeriodEnd = new DateOnly(2026, 12, 31),
            OpenedAt = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero),
        };
        db.Rounds.Add(round);
        await db.SaveChangesAsync();
        db.ActionUpdates.Add(new ActionUpdate { RoundId = round.Id, ActionId = updated.Id, Status = ActionStatus.InProgress, UpdatedAt = round.OpenedAt });
        await db.SaveChangesAsync();

        return new Seeded(council.Id, other.Id, alice.Id, bob.Id, carol.Id, dan.Id, first.Id, second.Id, round.Id, [.. extras.Select(e => e.Id)]);
    }

    private static PlanAction Action(string reference, string text, string dueText, DateOnly due, DuePrecision precision, ActionStatus? status, params Person[] owners) => new()
    {
        Ref = reference,
        Text = text,
        Due = new Due { Text = dueText, Date = due, Precision = precision },
        Status = status,
        SortOrder = int.Parse(reference.Split('.')[1], System.Globalization.CultureInfo.InvariantCulture),
        Owners = [.. owners.Select((o, i) => new ActionOwner { Person = o, SortOrder = i })],
    };
}
