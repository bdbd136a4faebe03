using System.Data.Common;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using Trellis.Core.Audit;
using Trellis.Core.Data;
using Trellis.Core.Indicators;
using Trellis.Core.Plans;
using Trellis.Testing;

namespace Trellis.Core.Tests.Audit;

/// <summary>The audit trail on both engines: what a save records, that it is whole or nothing, and that tampering shows.</summary>
public sealed class AuditTrailTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 3, 14, 5, 6, TimeSpan.Zero);

    private sealed record Actor(string? UserId, string Name) : IAuditActor;

    private static readonly Actor Sarah = new("user-17", "Sarah Khan");

    /// <summary>A context that records changes as <paramref name="actor"/> at the fixed clock.</summary>
    internal static TrellisDbContext Context(TestDatabase database, IAuditActor? actor = null, TimeProvider? clock = null, params IInterceptor[] interceptors)
    {
        actor ??= Sarah;
        clock ??= new FakeTimeProvider(Now);
        return database.Provider == DatabaseProvider.Postgres
            ? new PostgresTrellisDbContext(new DbContextOptionsBuilder<PostgresTrellisDbContext>().UseNpgsql(database.ConnectionString).AddInterceptors(interceptors).Options, actor, clock)
            : new SqliteTrellisDbContext(new DbContextOptionsBuilder<SqliteTrellisDbContext>().UseSqlite(database.ConnectionString).AddInterceptors(interceptors).Options, actor, clock);
    }

    /// <summary>An organisation with one plan, one area, one action with a milestone, and one indicator.</summary>
    internal static async Task<(int PlanId, int AreaId, int ActionId, int MilestoneId, int IndicatorId)> SeedAsync(TrellisDbContext db, string organisation = "Northshire")
    {
        var plan = new Plan { Title = "Improving help for children", Organisation = new Organisation { Name = organisation } };
        var area = new Area { Number = "1", Title = "Improve the front door", Plan = plan };
        var action = new PlanAction { Ref = "1.1", Text = "Recruit four social workers", Area = area, Due = new Due { Text = "March 2026", Date = new DateOnly(2026, 3, 31), Precision = Trellis.Core.Dates.DuePrecision.Month } };
        var milestone = new Milestone { Text = "Advertise the posts", Action = action };
        action.Milestones.Add(milestone);
        area.Actions.Add(action);
        plan.Areas.Add(area);
        var indicator = new Indicator { Key = "k1", Name = "Contacts decided within a day" };
        plan.Indicators.Add(indicator);
        db.Plans.Add(plan);
        await db.SaveChangesAsync();
        return (plan.Id, area.Id, action.Id, milestone.Id, indicator.Id);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Save_CreateUpdateDelete_RecordedWithBeforeAfterActorAndPlan(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        int planId, actionId, milestoneId;
        await using (var db = Context(database))
        {
            (planId, _, actionId, milestoneId, _) = await SeedAsync(db);
        }

        await using (var db = Context(database, new Actor(null, "command line (ops)"), new FakeTimeProvider(Now.AddDays(1))))
        {
            var action = await db.Actions.SingleAsync(a => a.Id == actionId);
            action.Text = "Recruit five social workers";
            action.RagCode = "A";
            db.Milestones.Remove(await db.Milestones.SingleAsync(m => m.Id == milestoneId));
            await db.SaveChangesAsync();
        }

        await using var check = Context(database);
        var records = await check.AuditRecords.OrderBy(r => r.Sequence).ToListAsync();
        Assert.Equal(Enumerable.Range(1, records.Count).Select(i => (long)i), records.Select(r => r.Sequence));

        var created = records.Single(r => r.EntityType == nameof(PlanAction) && r.Operation == AuditOperation.Created);
        Assert.Equal(actionId.ToString(System.Globalization.CultureInfo.InvariantCulture), created.EntityId);
        Assert.Equal(planId, created.PlanId);
        Assert.Equal(nameof(Area), created.ParentType);
        Assert.Equal("Sarah Khan", created.ActorName);
        Assert.Equal("user-17", created.ActorUserId);
        Assert.Equal(Now, created.At);
        Assert.Null(created.Before);
        using (var after = JsonDocument.Parse(created.After!))
        {
            Assert.Equal("Recruit four social workers", after.RootElement.GetProperty("Text").GetString());
            Assert.Equal("2026-03-31", after.RootElement.GetProperty("Due.Date").GetString());
            Assert.Equal(actionId, after.RootElement.GetProperty("Id").GetInt32());
            Assert.False(after.RootElement.TryGetProperty("Version", out _));
        }

        var updated = records.Single(r => r.Operation == AuditOperation.Updated);
        Assert.Equal((nameof(PlanAction), planId, "command line (ops)", (string?)null, Now.AddDays(1)), (updated.EntityType, updated.PlanId, updated.ActorName, updated.ActorUserId, updated.At));
        Assert.Equal("""{"RagCode":null,"Text":"Recruit four social workers"}""", updated.Before);
        Assert.Equal("""{"RagCode":"A","Text":"Recruit five social workers"}""", updated.After);

        var deleted = records.Single(r => r.Operation == AuditOperation.Deleted);
        Assert.Equal((nameof(Milestone), planId, nameof(PlanAction), (int?)actionId), (deleted.EntityType, deleted.PlanId, deleted.ParentType, deleted.ParentId));
        Assert.Null(deleted.After);
        Assert.Contains("\"Text\":\"Advertise the posts\"", deleted.Before, StringComparison.Ordinal);

        var organisation = records.Single(r => r.EntityType == nameof(Organisation));
        Assert.Equal(organisation.OrganisationId, records.Single(r => r.EntityType == nameof(Indicator)).OrganisationId);
        Assert.NotNull(organisation.OrganisationId);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Save_AuditInsertFails_NeitherChangeNorRecordIsWritten(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = Context(database))
        {
            await SeedAsync(db);
        }

        long before;
        await using (var db = Context(database))
        {
            before = await db.AuditRecords.LongCountAsync();
        }

        await using (var failing = Context(database, interceptors: new FailAuditInsert()))
        {
            var plan = await failing.Plans.SingleAsync();
            plan.Title = "Renamed";
            var e = await Assert.ThrowsAsync<DbUpdateException>(() => failing.SaveChangesAsync());
            Assert.Equal("The audit table is unavailable", e.InnerException?.Message);
        }

        await using var check = Context(database);
        Assert.Equal("Improving help for children", await check.Plans.Select(p => p.Title).SingleAsync());
        Assert.Equal(before, await check.AuditRecords.LongCountAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Save_ChangeFails_WritesNoAuditRecord(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        int planId;
        await using (var db = Context(database))
        {
            (planId, _, _, _, _) = await SeedAsync(db);
        }

        long before;
        await using (var db = Context(database))
        {
            before = await db.AuditRecords.LongCountAsync();
            db.Indicators.Add(new Indicator { PlanId = planId, Key = "k2", Name = "Fine" });
            db.Indicators.Add(new Indicator { PlanId = planId, Key = "k1", Name = "Duplicate key" });
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        await using var check = Context(database);
        Assert.Equal(before, await check.AuditRecords.LongCountAsync());
        Assert.Equal(1, await check.Indicators.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Verify_UntouchedChain_IsIntactAndEachRecordLinksToTheOneBefore(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = Context(database);
        await SeedAsync(db);
        (await db.Plans.SingleAsync()).Title = "Second title";
        await db.SaveChangesAsync();

        var records = await db.AuditRecords.AsNoTracking().OrderBy(r => r.Sequence).ToListAsync();
        Assert.Equal(AuditHash.Genesis, records[0].PreviousHash);
        for (var i = 1; i < records.Count; i++)
        {
            Assert.Equal(records[i - 1].Hash, records[i].PreviousHash);
            Assert.Equal(AuditHash.Compute(records[i]), records[i].Hash);
        }

        var result = await new AuditService(db).VerifyAsync();
        Assert.True(result.Intact);
        Assert.Equal(records.Count, result.RecordsChecked);
        Assert.Equal(records[^1].Hash, result.HeadHash);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Verify_AfterJsonEditedBySql_ReportsThatRecord(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = Context(database);
        await SeedAsync(db);
        var target = await db.AuditRecords.Where(r => r.EntityType == nameof(PlanAction)).Select(r => r.Sequence).SingleAsync();
        await db.Database.ExecuteSqlAsync($"""UPDATE "AuditRecords" SET "After" = REPLACE("After", 'four', 'six') WHERE "Sequence" = {target}""");

        var result = await new AuditService(db).VerifyAsync();
        Assert.False(result.Intact);
        Assert.Equal(target, result.Problem!.Sequence);
        Assert.Equal(nameof(PlanAction), result.Problem.EntityType);
        Assert.Contains("altered", result.Problem.Reason, StringComparison.Ordinal);
        Assert.Equal(target - 1, result.RecordsChecked);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Verify_RecordDeleted_ReportsTheMissingSequence(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = Context(database);
        await SeedAsync(db);
        await db.Database.ExecuteSqlAsync($"""DELETE FROM "AuditRecords" WHERE "Sequence" = 3""");

        var result = await new AuditService(db).VerifyAsync();
        Assert.Equal(3, result.Problem!.Sequence);
        Assert.Contains("record 3 is missing", result.Problem.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Verify_RecordAlteredAndRehashed_ReportsTheNextRecordsBrokenLink(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = Context(database);
        await SeedAsync(db);
        var record = await db.AuditRecords.AsNoTracking().SingleAsync(r => r.Sequence == 2);
        record.ActorName = "Someone else";
        var forged = AuditHash.Compute(record);
        await db.Database.ExecuteSqlAsync($"""UPDATE "AuditRecords" SET "ActorName" = 'Someone else', "Hash" = {forged} WHERE "Sequence" = 2""");

        var result = await new AuditService(db).VerifyAsync();
        Assert.Equal(3, result.Problem!.Sequence);
        Assert.Contains("previous hash", result.Problem.Reason, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task Save_ManyContextsInParallelOnPostgres_OneUnbrokenChain()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        int planId;
        await using (var db = Context(database))
        {
            (planId, _, _, _, _) = await SeedAsync(db);
        }

        const int Writers = 6;
        const int SavesEach = 8;
        await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < SavesEach; i++)
            {
                await using var db = Context(database, new Actor($"writer-{w}", $"Writer {w}"));
                db.Indicators.Add(new Indicator { PlanId = planId, Key = $"w{w}-{i}", Name = $"Indicator {w}.{i}" });
                await db.SaveChangesAsync();
            }
        })));

        await using var check = Context(database);
        var result = await new AuditService(check).VerifyAsync();
        Assert.True(result.Intact, result.Problem?.Reason);
        Assert.Equal(Writers * SavesEach, await check.AuditRecords.CountAsync(r => r.EntityType == nameof(Indicator) && r.ActorName.StartsWith("Writer")));
        Assert.Equal(await check.AuditRecords.LongCountAsync(), result.HeadSequence);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task History_PlanAndAction_NewestFirstInWords(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        int planId, actionId;
        await using (var db = Context(database))
        {
            (planId, _, actionId, _, _) = await SeedAsync(db);
            await SeedAsync(db, "Another council");
            var edited = await db.Actions.SingleAsync(a => a.Id == actionId);
            edited.Due = new Due { Text = "June 2026", Date = new DateOnly(2026, 6, 30), Precision = Trellis.Core.Dates.DuePrecision.Month };
            await db.SaveChangesAsync();
        }

        await using var check = Context(database);
        var organisationId = await check.Plans.Where(p => p.Id == planId).Select(p => p.OrganisationId).SingleAsync();
        var service = new AuditService(check);
        var plan = await service.HistoryAsync(new AuditFilter(organisationId, planId), 1);
        Assert.Equal(["Action", "Area", "Indicator", "Milestone", "Plan"], plan.Entries.Where(e => e.Operation == AuditOperation.Created).Select(e => e.What.Split(':')[0]).Order(StringComparer.Ordinal));
        Assert.Equal(6, plan.Total);
        Assert.True(plan.Entries.Zip(plan.Entries.Skip(1)).All(p => p.First.Sequence > p.Second.Sequence));

        var action = await service.HistoryAsync(new AuditFilter(organisationId, EntityType: nameof(PlanAction), EntityId: actionId), 1);
        Assert.Equal(3, action.Total); // the action, its milestone, the change
        var change = action.Entries[0];
        Assert.Equal((AuditOperation.Updated, "Sarah Khan"), (change.Operation, change.ActorName));
        Assert.Contains(new AuditChange("Due date", "31 March 2026", "30 June 2026"), change.Changes);
        Assert.Contains(new AuditChange("Due", "March 2026", "June 2026"), change.Changes);
        Assert.Equal("Milestone: Advertise the posts", action.Entries[1].What);

        var elsewhere = await service.HistoryAsync(new AuditFilter(organisationId + 1000, planId), 1);
        Assert.Equal(0, elsewhere.Total);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Export_CsvAndJson_CarryEveryFieldOfThePlansRecords(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = Context(database);
        var (planId, _, _, _, _) = await SeedAsync(db);
        await SeedAsync(db, "Another council");
        var expected = await db.AuditRecords.AsNoTracking().Where(r => r.PlanId == planId).OrderBy(r => r.Sequence).ToListAsync();
        var service = new AuditService(db);

        using var json = new MemoryStream();
        await service.ExportAsync(new AuditFilter(PlanId: planId), AuditExportFormat.Json, json);
        using var document = JsonDocument.Parse(json.ToArray());
        Assert.Equal(expected.Select(r => r.Hash), document.RootElement.EnumerateArray().Select(e => e.GetProperty("hash").GetString()));
        Assert.Equal(expected[0].After, document.RootElement[0].GetProperty("after").GetString());

        using var csv = new MemoryStream();
        await service.ExportAsync(new AuditFilter(PlanId: planId), AuditExportFormat.Csv, csv);
        var lines = System.Text.Encoding.UTF8.GetString(csv.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(expected.Count + 1, lines.Length);
        Assert.StartsWith("sequence,at,organisation_id,", lines[0], StringComparison.Ordinal);
        Assert.EndsWith("," + expected[^1].Hash, lines[^1].TrimEnd('\r'), StringComparison.Ordinal);
        Assert.Contains("\"{\"\"", lines[1], StringComparison.Ordinal);
    }

    /// <summary>Makes the audit append fail after the change itself was written.</summary>
    private sealed class FailAuditInsert : DbCommandInterceptor
    {
        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
            command.CommandText.Contains("INSERT INTO \"AuditRecords\"", StringComparison.Ordinal)
                ? throw new InvalidOperationException("The audit table is unavailable")
                : base.ReaderExecutingAsync(command, eventData, result, cancellationToken);

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            command.CommandText.Contains("INSERT INTO \"AuditRecords\"", StringComparison.Ordinal)
                ? throw new InvalidOperationException("The audit table is unavailable")
                : base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }
}
