using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Trellis.Core.Data;
using Trellis.Core.People;
using Trellis.Core.Plans;
using Trellis.Core.Reports;
using Trellis.Core.Rounds;
using Trellis.Testing;

namespace Trellis.Core.Tests.Rounds;

/// <summary>Rounds on each real database engine, at 10 July 2016.</summary>
public class RoundServiceTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2016, 7, 10, 9, 0, 0, TimeSpan.Zero));

    private sealed record Seeded(int OrgId, int PlanId, int AreaId, int OverdueId, int FutureId, int OtherOrgId);

    private static RoundService Service(TrellisDbContext db) => new(db, new BoardReportBuilder(db, Clock), Clock);

    private static async Task<Seeded> SeedAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var org = new Organisation { Name = "Riverside" };
        var other = new Organisation { Name = "Elsewhere" };
        db.Organisations.AddRange(org, other);
        await db.SaveChangesAsync();
        var plans = new PlanService(db);
        var plan = await plans.CreatePlanAsync(org.Id, new PlanInput("Plan", PlanStatus.Live, MonitoringCadence.Quarterly, null, null, true, []));
        await new PersonService(db).CreateAsync(org.Id, plan.Id, new PersonInput("SK", "Sam Kaur", "Director", null, "sam.kaur@riverside.example"));
        var area = await plans.CreateAreaAsync(org.Id, plan.Id, new AreaInput("1", "Front door", null, null, null, null, null, [], [], [], [], [], null));
        var overdue = await plans.CreateActionAsync(org.Id, area!.Id, new ActionInput("1.1", "Audit cases", "30 June 2016", "SK", ActionStatus.InProgress, "G", null));
        var future = await plans.CreateActionAsync(org.Id, area.Id, new ActionInput("1.2", "Train staff", "31 March 2017", "JH", ActionStatus.NotStarted, null, null));
        await plans.CreateActionAsync(org.Id, area.Id, new ActionInput("1.3", "Done already", "1 May 2016", "SK", ActionStatus.Complete, "B", null));
        return new Seeded(org.Id, plan.Id, area.Id, overdue!.Id, future!.Id, other.Id);
    }

    [Theory]
    [InlineData(MonitoringCadence.Quarterly, "2016/17 Q2", "2016-07-01", "2016-09-30")]
    [InlineData(MonitoringCadence.SixMonthly, "2016/17 H1", "2016-04-01", "2016-09-30")]
    [InlineData(MonitoringCadence.Monthly, "2016-07", "2016-07-01", "2016-07-31")]
    public void NextRound_WithNoRounds_IsThePeriodHoldingToday(MonitoringCadence cadence, string name, string start, string end)
    {
        var next = RoundService.NextRound(new Plan { MonitoringCadence = cadence }, new DateOnly(2016, 7, 10));
        Assert.Equal(name, next.Name);
        Assert.Equal(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), next.PeriodStart);
        Assert.Equal(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), next.PeriodEnd);
    }

    [Fact]
    public void NextRound_FollowsTheLatestRound()
    {
        var plan = new Plan { MonitoringCadence = MonitoringCadence.Quarterly };
        plan.Rounds.Add(new Round { Name = "2016/17 Q4", PeriodStart = new DateOnly(2017, 1, 1), PeriodEnd = new DateOnly(2017, 3, 31) });
        Assert.Equal("2017/18 Q1", RoundService.NextRound(plan, new DateOnly(2016, 7, 10)).Name);
        var half = new Plan { MonitoringCadence = MonitoringCadence.SixMonthly };
        half.Rounds.Add(new Round { Name = "2016/17 H2", PeriodStart = new DateOnly(2016, 10, 1), PeriodEnd = new DateOnly(2017, 3, 31) });
        Assert.Equal("2017/18 H1", RoundService.NextRound(half, new DateOnly(2016, 7, 10)).Name);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Open_ValidatesNameDatesAndOneOpenRound(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var s = await SeedAsync(database);
        await using var db = database.CreateContext();
        var service = Service(db);
        var q1 = new RoundInput("2016/17 Q1", new DateOnly(2016, 4, 1), new DateOnly(2016, 6, 30), new DateOnly(2016, 7, 14));
        var opened = await service.OpenAsync(s.OrgId, s.PlanId, q1);
        Assert.Equal(RoundSaveStatus.Saved, opened.Status);

        var again = await service.OpenAsync(s.OrgId, s.PlanId, q1 with { PeriodEnd = new DateOnly(2016, 3, 1) });
        Assert.Equal(RoundSaveStatus.Invalid, again.Status);
        Assert.Contains(again.Errors, e => e.Field == "Name" && e.Message.Contains("already has a round called 2016/17 Q1", StringComparison.Ordinal));
        Assert.Contains(again.Errors, e => e.Field == "PeriodEnd");
        Assert.Contains(again.Errors, e => e.Message.Contains("still open", StringComparison.Ordinal));

        Assert.Equal(RoundSaveStatus.NotFound, (await service.OpenAsync(s.OtherOrgId, s.PlanId, q1 with { Name = "x" })).Status);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task SaveActionUpdate_DifferentFromSuggestion_NeedsAReason_ThenSetsTheLiveAction(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var s = await SeedAsync(database);
        int roundId;
        Guid before;
        await using (var db = database.CreateContext())
        {
            roundId = (await Service(db).OpenAsync(s.OrgId, s.PlanId, new RoundInput("2016/17 Q1", new DateOnly(2016, 4, 1), new DateOnly(2016, 6, 30), null))).Id!.Value;
            before = (await db.Actions.SingleAsync(a => a.Id == s.OverdueId)).Version;
            var refused = await Service(db).SaveActionUpdateAsync(s.OrgId, roundId, s.OverdueId, new ActionUpdateInput(ActionStatus.InProgress, "A", "Nearly there", null, "Sam"));
            Assert.Equal(RoundSaveStatus.Invalid, refused.Status);
            Assert.Equal("Explain why the rating differs from the suggested Red", Assert.Single(refused.Errors).Message);
            Assert.Equal("RagReason", refused.Errors[0].Field);
            var offScale = await Service(db).SaveActionUpdateAsync(s.OrgId, roundId, s.OverdueId, new ActionUpdateInput(ActionStatus.InProgress, "X", null, "why", null));
            Assert.Contains(offScale.Errors, e => e.Field == "RagCode");
            Assert.Equal(RoundSaveStatus.NotFound, (await Service(db).SaveActionUpdateAsync(s.OtherOrgId, roundId, s.OverdueId, new ActionUpdateInput(null, null, null, null, null))).Status);
        }

        await using (var db = database.CreateContext())
        {
            Assert.Empty(db.ActionUpdates);
            var saved = await Service(db).SaveActionUpdateAsync(s.OrgId, roundId, s.OverdueId, new ActionUpdateInput(ActionStatus.InProgress, "A", "Nearly there", "Agreed a new date with the board", "Sam"));
            Assert.Equal(RoundSaveStatus.Saved, saved.Status);
            var resaved = await Service(db).SaveActionUpdateAsync(s.OrgId, roundId, s.OverdueId, new ActionUpdateInput(ActionStatus.InProgress, "R", "Late", "ignored when it agrees", "Sam"));
            Assert.Equal(RoundSaveStatus.Saved, resaved.Status);
        }

        await using var read = database.CreateContext();
        var update = await read.ActionUpdates.SingleAsync();
        Assert.Equal(("R", "R", null, "Late"), (update.RagCode, update.SuggestedRagCode, update.RagReason, update.Note));
        var action = await read.Actions.SingleAsync(a => a.Id == s.OverdueId);
        Assert.Equal("R", action.RagCode);
        Assert.NotEqual(before, action.Version);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task SaveAreaRating_UpsertsTheRoundsMonitoring_AndSetsTheArea(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var s = await SeedAsync(database);
        await using (var db = database.CreateContext())
        {
            var roundId = (await Service(db).OpenAsync(s.OrgId, s.PlanId, new RoundInput("2016/17 Q1", new DateOnly(2016, 4, 1), new DateOnly(2016, 6, 30), null))).Id!.Value;
            var bad = await Service(db).SaveAreaRatingAsync(s.OrgId, roundId, s.AreaId, new AreaRatingInput("A", "B", null, null));
            Assert.Contains(bad.Errors, e => e.Field == "ImpactRag");
            Assert.Equal(RoundSaveStatus.Saved, (await Service(db).SaveAreaRatingAsync(s.OrgId, roundId, s.AreaId, new AreaRatingInput("R", "R", "first", null))).Status);
            Assert.Equal(RoundSaveStatus.Saved, (await Service(db).SaveAreaRatingAsync(s.OrgId, roundId, s.AreaId, new AreaRatingInput("A", "G", "- Contacts down\n- **Better**", "More audits"))).Status);
        }

        await using var read = database.CreateContext();
        var entry = await read.MonitoringEntries.SingleAsync();
        Assert.Equal(("2016/17 Q1", "A", "G", "More audits"), (entry.Period, entry.ProgressRag, entry.ImpactRag, entry.FurtherActions));
        Assert.NotNull(entry.RoundId);
        Assert.Equal("A", (await read.Areas.SingleAsync()).RagCode);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Outstanding_GroupsActionsWithoutAnUpdateByOwner(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var s = await SeedAsync(database);
        await using var db = database.CreateContext();
        var roundId = (await Service(db).OpenAsync(s.OrgId, s.PlanId, new RoundInput("2016/17 Q1", new DateOnly(2016, 4, 1), new DateOnly(2016, 6, 30), null))).Id!.Value;
        var owners = await Service(db).OutstandingAsync(s.OrgId, roundId);
        Assert.NotNull(owners);
        Assert.Equal(["JH", "Sam Kaur"], owners.Select(o => o.Name));
        Assert.Equal("sam.kaur@riverside.example", owners[1].Email);
        Assert.Equal(["1.1"], owners[1].Actions.Select(a => a.Ref));

        await Service(db).SaveActionUpdateAsync(s.OrgId, roundId, s.OverdueId, new ActionUpdateInput(ActionStatus.InProgress, "R", null, null, null));
        Assert.Equal(["JH"], (await Service(db).OutstandingAsync(s.OrgId, roundId))!.Select(o => o.Name));
        Assert.Null(await Service(db).OutstandingAsync(s.OtherOrgId, roundId));
    }

    /// <summary>Needs the real BoardReportBuilder (branch reporthtml).</summary>
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Close_FreezesTheReport_AndRefusesLaterChanges(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var s = await SeedAsync(database);
        await using var db = database.CreateContext();
        var service = Service(db);
        var roundId = (await service.OpenAsync(s.OrgId, s.PlanId, new RoundInput("2016/17 Q1", new DateOnly(2016, 4, 1), new DateOnly(2016, 6, 30), null))).Id!.Value;
        await service.SaveActionUpdateAsync(s.OrgId, roundId, s.OverdueId, new ActionUpdateInput(ActionStatus.InProgress, "R", "Late", null, null));
        var version = (await db.Rounds.SingleAsync()).Version;
        Assert.Equal(RoundSaveStatus.Conflict, (await service.CloseAsync(s.OrgId, roundId, Guid.NewGuid())).Status);
        Assert.Equal(RoundSaveStatus.NotFound, (await service.CloseAsync(s.OtherOrgId, roundId, version)).Status);
        Assert.Equal(RoundSaveStatus.Saved, (await service.CloseAsync(s.OrgId, roundId, version)).Status);

        var round = await db.Rounds.AsNoTracking().SingleAsync();
        Assert.Equal(RoundStatus.Closed, round.Status);
        Assert.NotNull(round.ClosedAt);
        var report = RoundSnapshot.Deserialize(round.SnapshotJson);
        Assert.Equal("2016/17 Q1", report!.Round.Name);
        Assert.Equal(RoundSaveStatus.Closed, (await service.SaveActionUpdateAsync(s.OrgId, roundId, s.OverdueId, new ActionUpdateInput(null, null, null, null, null))).Status);
        Assert.Equal(RoundSaveStatus.Closed, (await service.SaveAreaRatingAsync(s.OrgId, roundId, s.AreaId, new AreaRatingInput(null, null, null, null))).Status);
    }
}
