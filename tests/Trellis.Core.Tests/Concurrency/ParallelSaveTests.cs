using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Trellis.Core.Audit;
using Trellis.Core.Concurrency;
using Trellis.Core.Data;
using Trellis.Core.Plans;
using Trellis.Core.Reports;
using Trellis.Core.Rounds;
using Trellis.Testing;

namespace Trellis.Core.Tests.Concurrency;

/// <summary>
/// Two people save the same record from the same version at the same moment, on each real engine, many times over:
/// exactly one save wins, the other is told it conflicts, and nothing the winner saved is overwritten or lost from the audit trail.
/// </summary>
public class ParallelSaveTests
{
    private const int Rounds = 20;

    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));

    private sealed class Actor(string name) : IAuditActor
    {
        public string? UserId => null;

        public string Name => name;
    }

    private static TrellisDbContext ContextAs(TestDatabase database, string who) => database.Provider == DatabaseProvider.Postgres
        ? new PostgresTrellisDbContext(new DbContextOptionsBuilder<PostgresTrellisDbContext>().UseNpgsql(database.ConnectionString).Options, new Actor(who), Clock)
        : new SqliteTrellisDbContext(new DbContextOptionsBuilder<SqliteTrellisDbContext>().UseSqlite(database.ConnectionString).Options, new Actor(who), Clock);

    private static async Task<(int OrgId, int PlanId, int AreaId, int ActionId, int OtherActionId)> SeedAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var org = new Organisation { Name = "Riverside" };
        db.Organisations.Add(org);
        await db.SaveChangesAsync();
        var plans = new PlanService(db);
        var plan = await plans.CreatePlanAsync(org.Id, new PlanInput("Plan", PlanStatus.Live, MonitoringCadence.Quarterly, null, null, true, []));
        var area = await plans.CreateAreaAsync(org.Id, plan.Id, new AreaInput("1", "Front door", null, null, null, null, null, [], [], [], [], [], null));
        var action = await plans.CreateActionAsync(org.Id, area!.Id, new ActionInput("1.1", "Start", "31 March 2027", null, ActionStatus.NotStarted, null, null));
        var other = await plans.CreateActionAsync(org.Id, area.Id, new ActionInput("1.2", "Other", "31 March 2027", null, ActionStatus.NotStarted, null, null));
        return (org.Id, plan.Id, area.Id, action!.Id, other!.Id);
    }

    private static ActionInput Edit(string text) => new("1.1", text, "31 March 2027", null, ActionStatus.InProgress, null, null);

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task UpdateAction_TwoSavesFromTheSameVersionAtOnce_ExactlyOneWins(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (orgId, _, _, actionId, _) = await SeedAsync(database);
        var winners = new List<string>();
        for (var i = 0; i < Rounds; i++)
        {
            Guid version;
            await using (var read = database.CreateContext())
            {
                version = await read.Actions.Where(a => a.Id == actionId).Select(a => a.Version).SingleAsync();
            }

            await using var alice = ContextAs(database, "Alice");
            await using var bob = ContextAs(database, "Bob");
            var results = await Task.WhenAll(
                Task.Run(() => new PlanService(alice).UpdateActionAsync(orgId, actionId, version, Edit($"Alice {i}"))),
                Task.Run(() => new PlanService(bob).UpdateActionAsync(orgId, actionId, version, Edit($"Bob {i}"))));

            Assert.Equal(1, results.Count(r => r == SaveResult.Saved));
            Assert.Equal(1, results.Count(r => r == SaveResult.Conflict));
            var winner = results[0] == SaveResult.Saved ? $"Alice {i}" : $"Bob {i}";
            winners.Add(winner);
            await using var check = database.CreateContext();
            var stored = await check.Actions.SingleAsync(a => a.Id == actionId);
            Assert.Equal(winner, stored.Text);
            Assert.NotEqual(version, stored.Version);

            // The loser, told of the conflict, can save over the winner only from the winner's version.
            Assert.Equal(SaveResult.Conflict, await new PlanService(check).UpdateActionAsync(orgId, actionId, version, Edit("Stale")));
        }

        // The trail holds every winning save, in order, each by the person who made it, and no losing one.
        await using var audit = database.CreateContext();
        var updates = await audit.AuditRecords.AsNoTracking()
            .Where(r => r.EntityType == nameof(PlanAction) && r.EntityId == actionId.ToString(System.Globalization.CultureInfo.InvariantCulture) && r.Operation == AuditOperation.Updated)
            .OrderBy(r => r.Sequence).ToListAsync();
        var texts = updates.Select(r => JsonDocument.Parse(r.After!).RootElement.TryGetProperty("Text", out var t) ? t.GetString() ?? string.Empty : string.Empty).ToList();
        Assert.Equal(winners, texts);
        Assert.Equal(winners.Select(w => w.Split(' ')[0]), updates.Select(r => r.ActorName));
        Assert.DoesNotContain(texts, t => t == "Stale");
        Assert.True((await new AuditService(audit).VerifyAsync()).Intact);

        var last = await LastSave.FindAsync(audit, nameof(PlanAction), actionId);
        Assert.Equal(winners[^1].Split(' ')[0], last!.ActorName);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task UpdateArea_TwoSavesFromTheSameVersionAtOnce_ExactlyOneWins(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (orgId, _, areaId, _, _) = await SeedAsync(database);
        for (var i = 0; i < Rounds; i++)
        {
            Guid version;
            await using (var read = database.CreateContext())
            {
                version = await read.Areas.Where(a => a.Id == areaId).Select(a => a.Version).SingleAsync();
            }

            AreaInput Titled(string title) => new("1", title, null, null, null, "SK", null, [], [], [], [], [], null);
            await using var alice = ContextAs(database, "Alice");
            await using var bob = ContextAs(database, "Bob");
            var results = await Task.WhenAll(
                Task.Run(() => new PlanService(alice).UpdateAreaAsync(orgId, areaId, version, Titled($"Alice {i}"))),
                Task.Run(() => new PlanService(bob).UpdateAreaAsync(orgId, areaId, version, Titled($"Bob {i}"))));

            Assert.Equal([SaveResult.Saved, SaveResult.Conflict], results.Order());
            await using var check = database.CreateContext();
            var stored = await check.Areas.Include(a => a.Leads).SingleAsync(a => a.Id == areaId);
            Assert.Equal(results[0] == SaveResult.Saved ? $"Alice {i}" : $"Bob {i}", stored.Title);

            // The loser's leads were not written either: whole or nothing.
            Assert.Single(stored.Leads);
        }
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task SaveActionUpdate_TwoFromTheSameVersionAtOnce_ExactlyOneWins_ButDifferentActionsBothSave(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (orgId, planId, _, actionId, otherId) = await SeedAsync(database);
        int roundId;
        await using (var db = database.CreateContext())
        {
            var opened = await Service(db).OpenAsync(orgId, planId, new RoundInput("2026/27 Q3", new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31), null));
            roundId = opened.Id!.Value;
        }

        for (var i = 0; i < Rounds; i++)
        {
            Guid version;
            await using (var read = database.CreateContext())
            {
                version = await read.Actions.Where(a => a.Id == actionId).Select(a => a.Version).SingleAsync();
            }

            await using var alice = ContextAs(database, "Alice");
            await using var bob = ContextAs(database, "Bob");
            var results = await Task.WhenAll(
                Task.Run(() => Service(alice).SaveActionUpdateAsync(orgId, roundId, actionId, new ActionUpdateInput(ActionStatus.InProgress, null, $"Alice {i}", null, "Alice", version))),
                Task.Run(() => Service(bob).SaveActionUpdateAsync(orgId, roundId, actionId, new ActionUpdateInput(ActionStatus.InProgress, null, $"Bob {i}", null, "Bob", version))));

            Assert.Equal([RoundSaveStatus.Saved, RoundSaveStatus.Conflict], results.Select(r => r.Status).Order());
            await using var check = database.CreateContext();
            var update = await check.ActionUpdates.SingleAsync(u => u.RoundId == roundId && u.ActionId == actionId);
            Assert.Equal(results[0].Status == RoundSaveStatus.Saved ? $"Alice {i}" : $"Bob {i}", update.Note);
        }

        // Two owners updating different actions of the same round at once do not conflict over the round.
        for (var i = 0; i < Rounds; i++)
        {
            await using var alice = ContextAs(database, "Alice");
            await using var bob = ContextAs(database, "Bob");
            var results = await Task.WhenAll(
                Task.Run(() => Service(alice).SaveActionUpdateAsync(orgId, roundId, actionId, new ActionUpdateInput(ActionStatus.InProgress, null, $"Mine {i}", null, "Alice"))),
                Task.Run(() => Service(bob).SaveActionUpdateAsync(orgId, roundId, otherId, new ActionUpdateInput(ActionStatus.InProgress, null, $"Other {i}", null, "Bob"))));
            Assert.All(results, r => Assert.Equal(RoundSaveStatus.Saved, r.Status));
        }
    }

    private static RoundService Service(TrellisDbContext db) => new(db, new BoardReportBuilder(db, Clock), Clock);
}
