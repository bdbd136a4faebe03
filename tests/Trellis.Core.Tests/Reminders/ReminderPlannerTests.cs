using Trellis.Core.Data;
using Trellis.Core.Reminders;
using Trellis.Testing;

namespace Trellis.Core.Tests.Reminders;

/// <summary>Who is reminded of what, at chosen dates, on each real database engine.</summary>
public class ReminderPlannerTests
{
    private static readonly ReminderOptions Options = new() { DueWithinDays = 14, PublicUrl = "https://trellis.example.gov.uk/" };

    private static ReminderPlanner Planner(TrellisDbContext db, ReminderOptions? options = null) => new(db, Microsoft.Extensions.Options.Options.Create(options ?? Options));

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Plan_OneDigestPerPerson_GroupedUnderHeadings(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        ReminderData.Seeded seeded;
        await using (var seed = database.CreateContext())
        {
            seeded = await ReminderData.SeedAsync(seed);
        }

        await using var db = database.CreateContext();
        var digests = await Planner(db).PlanAsync(ReminderData.Today);

        // Bob has no address and Dan's only action is dropped: neither is in the list.
        Assert.Equal([seeded.AliceId, seeded.CarolId], digests.Select(d => d.PersonId).Order());
        var alice = Assert.Single(digests, d => d.PersonId == seeded.AliceId);
        Assert.Equal("alice@riverside.test", alice.Email);
        Assert.Equal("Riverside Borough Council", alice.OrganisationName);

        // Actions from both plans land in one digest; the closed plan's action does not.
        Assert.Equal(["1.1", "2.1"], alice.Overdue.Select(i => i.ActionRef));
        Assert.Equal([23, 1], alice.Overdue.Select(i => i.DaysOverdue));
        Assert.Equal("Improving help and protection", alice.Overdue[0].PlanTitle);
        Assert.Equal("Care leavers", alice.Overdue[1].PlanTitle);
        Assert.Equal("October 2026 (by 31 October 2026)", alice.Overdue[0].DueWords);
        Assert.Equal("23 days overdue", alice.Overdue[0].When);

        // Due in exactly 14 days is in; 15 days (1.3) is not; complete (1.4) never is.
        var soon = Assert.Single(alice.DueSoon);
        Assert.Equal("1.2", soon.ActionRef);
        Assert.Equal(14, soon.DaysLeft);
        Assert.Equal("on 7 December 2026", soon.DueWords);
        Assert.Equal("due in 14 days", soon.When);

        // Not due for months, but no update in the open round; 2.3 has one, so it is left out.
        var noUpdate = Assert.Single(alice.NoUpdate);
        Assert.Equal("2.2", noUpdate.ActionRef);
        Assert.Equal("2026/27 Q3", noUpdate.NoUpdateIn);
        Assert.Equal($"https://trellis.example.gov.uk/rounds/{seeded.RoundId}/actions/{noUpdate.ActionId}", noUpdate.Link);

        // Overdue and not updated: under Overdue only, with the round named.
        Assert.Equal("2026/27 Q3", alice.Overdue[1].NoUpdateIn);
        Assert.Null(alice.Overdue[0].NoUpdateIn);
        Assert.EndsWith($"#action-{alice.Overdue[0].ActionId}", alice.Overdue[0].Link, StringComparison.Ordinal);
        Assert.StartsWith($"https://trellis.example.gov.uk/plans/{seeded.PlanId}/areas/", alice.Overdue[0].Link, StringComparison.Ordinal);

        Assert.Equal("Trellis: 2 actions overdue, 1 due soon, 1 to update", alice.Subject);
        var carol = Assert.Single(digests, d => d.PersonId == seeded.CarolId);
        Assert.Equal("Trellis: 1 action overdue", carol.Subject);
        Assert.Equal("Northfield County Council", carol.OrganisationName);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Plan_ForOneOrganisation_LeavesOthersOut(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        ReminderData.Seeded seeded;
        await using (var seed = database.CreateContext())
        {
            seeded = await ReminderData.SeedAsync(seed);
        }

        await using var db = database.CreateContext();
        var digests = await Planner(db).PlanAsync(ReminderData.Today, seeded.OtherCouncilId);
        Assert.Equal(seeded.CarolId, Assert.Single(digests).PersonId);
    }

    [Fact]
    public async Task Plan_AWeekEarlier_CountsChange()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        ReminderData.Seeded seeded;
        await using (var seed = database.CreateContext())
        {
            seeded = await ReminderData.SeedAsync(seed);
        }

        await using var db = database.CreateContext();
        var digests = await Planner(db).PlanAsync(new DateOnly(2026, 11, 16));
        var alice = Assert.Single(digests, d => d.PersonId == seeded.AliceId);

        // On 16 November, 2.1 (22 November) is due in 6 days and 1.2/1.3 (7 and 8 December) are beyond 14 days.
        Assert.Equal(["1.1"], alice.Overdue.Select(i => i.ActionRef));
        Assert.Equal([16], alice.Overdue.Select(i => i.DaysOverdue));
        Assert.Equal(["2.1"], alice.DueSoon.Select(i => i.ActionRef));
        Assert.Equal("due in 6 days", alice.DueSoon[0].When);
        Assert.Equal(["2.2"], alice.NoUpdate.Select(i => i.ActionRef));
    }

    [Fact]
    public async Task Plan_NoOneWithAnAddress_NoDigests()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using (var seed = database.CreateContext())
        {
            await ReminderData.SeedAsync(seed);
            foreach (var person in seed.People)
            {
                person.Email = person.Email is null ? null : "   ";
            }

            await seed.SaveChangesAsync();
        }

        await using var db = database.CreateContext();
        Assert.Empty(await Planner(db).PlanAsync(ReminderData.Today));
    }
}
