using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Trellis.Core.Data;
using Trellis.Core.Demo;
using Trellis.Core.Plans;
using Trellis.Core.Reports;
using Trellis.Core.Rounds;
using Trellis.Testing;

namespace Trellis.Core.Tests.Reports;

/// <summary>The demo council on 22 November 2026 with two rounds: "2026/27 Q1" closed, "2026/27 Q2" open with updates.</summary>
internal sealed class ReportFixture : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    private ReportFixture(TestDatabase database, FakeTimeProvider clock) => (Database, Clock) = (database, clock);

    public TestDatabase Database { get; }

    public FakeTimeProvider Clock { get; }

    public int OrganisationId { get; private set; }

    public int PlanId { get; private set; }

    public int ClosedRoundId { get; private set; }

    public int OpenRoundId { get; private set; }

    /// <summary>The action the open round updates (area 1's first).</summary>
    public int UpdatedActionId { get; private set; }

    public static async Task<ReportFixture> CreateAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var fixture = new ReportFixture(database, new FakeTimeProvider(Now));
        await fixture.SeedAsync();
        return fixture;
    }

    public BoardReportBuilder Builder(TrellisDbContext db) => new(db, Clock);

    private async Task SeedAsync()
    {
        await using (var db = Database.CreateContext())
        {
            await new DemoDataSeeder(db, Clock).SeedAsync();
        }

        await using (var db = Database.CreateContext())
        {
            // The demo brings rounds and an improvement log of its own; these tests want only the ones below.
            db.Rounds.RemoveRange(db.Rounds);
            db.ImprovementLogEntries.RemoveRange(db.ImprovementLogEntries);
            await db.SaveChangesAsync();

            var plan = await db.Plans.Include(p => p.Areas).ThenInclude(a => a.Actions).SingleAsync();
            (OrganisationId, PlanId) = (plan.OrganisationId, plan.Id);

            var q1 = new Round
            {
                PlanId = plan.Id,
                Name = "2026/27 Q1",
                PeriodStart = new DateOnly(2026, 4, 1),
                PeriodEnd = new DateOnly(2026, 6, 30),
                OpenedAt = new DateTimeOffset(2026, 7, 1, 9, 0, 0, TimeSpan.Zero),
            };
            var q2 = new Round
            {
                PlanId = plan.Id,
                Name = "2026/27 Q2",
                PeriodStart = new DateOnly(2026, 7, 1),
                PeriodEnd = new DateOnly(2026, 9, 30),
                OpenedAt = new DateTimeOffset(2026, 10, 1, 9, 0, 0, TimeSpan.Zero),
            };
            db.Rounds.AddRange(q1, q2);
            await db.SaveChangesAsync();
            (ClosedRoundId, OpenRoundId) = (q1.Id, q2.Id);

            var action = plan.Areas.OrderBy(a => a.SortOrder).First().Actions.OrderBy(a => a.SortOrder).First();
            UpdatedActionId = action.Id;
            q2.ActionUpdates.Add(new ActionUpdate
            {
                ActionId = action.Id,
                Status = ActionStatus.InProgress,
                RagCode = "R",
                SuggestedRagCode = "A",
                RagReason = "Recruitment to the team has stalled <again>",
                Note = "Two of four posts filled & advertised again",
                UpdatedBy = "Sam Example",
                UpdatedAt = Now.AddDays(-3),
            });
            q2.Narratives.Add(new RoundNarrative { Heading = "Purpose of the report", Body = "This report updates **members** on the plan.\n\n- first point\n- second point", SortOrder = 0 });
            q2.SelfAssessment.Add(new SelfAssessmentEntry { AreaForImprovement = "Management oversight", WhatWeHaveDone = "Audits monthly", ImpactOnPractice = "Better supervision", SortOrder = 0 });
            plan.ImprovementLog.Add(new ImprovementLogEntry { WhatWeHaveDone = "Restructured the front door", Why = "Delays", When = "Q1 2026", WhenDate = new DateOnly(2026, 6, 30), SortOrder = 0 });
            plan.ImprovementLog.Add(new ImprovementLogEntry { WhatWeHaveDone = "Started a practice week", Why = "Learning", When = "Ongoing", SortOrder = 1 });
            plan.ImprovementLog.Add(new ImprovementLogEntry { WhatWeHaveDone = "Will launch a new portal", Why = "Future", When = "March 2027", WhenDate = new DateOnly(2027, 3, 31), SortOrder = 2 });
            await db.SaveChangesAsync();
        }

        // Close Q1 the way closing does: the snapshot is the report built then.
        await using (var db = Database.CreateContext())
        {
            var q1 = await db.Rounds.SingleAsync(r => r.Id == ClosedRoundId);
            q1.Status = RoundStatus.Closed;
            q1.ClosedAt = new DateTimeOffset(2026, 7, 20, 16, 0, 0, TimeSpan.Zero);
            await db.SaveChangesAsync();
            var report = await Builder(db).BuildAsync(PlanId, ClosedRoundId, CancellationToken.None);
            q1.SnapshotJson = ReportJson.Serialize(report);
            await db.SaveChangesAsync();
        }
    }

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}
