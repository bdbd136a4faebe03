using Microsoft.EntityFrameworkCore;
using Trellis.Core.Data;
using Trellis.Core.Plans;
using Trellis.Core.Rounds;
using Trellis.Testing;

namespace Trellis.Core.Tests.Rounds;

/// <summary>The written parts of a committee report, on each real database engine.</summary>
public class CommitteeContentServiceTests
{
    private static async Task<(int OrgId, int PlanId, int RoundId)> SeedAsync(TestDatabase database, string organisation = "Riverside Borough Council")
    {
        await using var db = database.CreateContext();
        var org = new Organisation { Name = organisation };
        db.Organisations.Add(org);
        await db.SaveChangesAsync();
        var plan = await new PlanService(db).CreatePlanAsync(org.Id, new PlanInput("Plan", PlanStatus.Live, MonitoringCadence.Quarterly, null, null, true, []));
        var round = new Round { PlanId = plan.Id, Name = "2026/27 Q3", PeriodStart = new DateOnly(2026, 10, 1), PeriodEnd = new DateOnly(2026, 12, 31), OpenedAt = DateTimeOffset.UnixEpoch };
        db.Rounds.Add(round);
        await db.SaveChangesAsync();
        return (org.Id, plan.Id, round.Id);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Narrative_AddUpdateMoveDelete(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (orgId, _, roundId) = await SeedAsync(database);
        await using var db = database.CreateContext();
        var service = new CommitteeContentService(db);

        var first = await service.AddNarrativeAsync(orgId, roundId, new NarrativeInput(" Purpose ", " The report covers six months. "));
        var second = await service.AddNarrativeAsync(orgId, roundId, new NarrativeInput("Recommendations", "Note the report."));
        Assert.True(first.Succeeded && second.Succeeded);
        Assert.True((await service.UpdateNarrativeAsync(orgId, first.Id!.Value, new NarrativeInput("Purpose and summary", "Six months."))).Succeeded);
        Assert.True((await service.MoveNarrativeAsync(orgId, second.Id!.Value, MoveDirection.Up)).Succeeded);

        // Already at the top: nothing moves, and that is not an error.
        Assert.True((await service.MoveNarrativeAsync(orgId, second.Id!.Value, MoveDirection.Up)).Succeeded);

        await using (var read = database.CreateContext())
        {
            var sections = await read.RoundNarratives.Where(n => n.RoundId == roundId).OrderBy(n => n.SortOrder).ToListAsync();
            Assert.Equal(["Recommendations", "Purpose and summary"], sections.Select(s => s.Heading));
            Assert.Equal("Six months.", sections[1].Body);
        }

        Assert.True((await service.DeleteNarrativeAsync(orgId, first.Id!.Value)).Succeeded);
        await using var after = database.CreateContext();
        Assert.Equal(1, await after.RoundNarratives.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task SelfAssessment_AddUpdateMoveDelete(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (orgId, _, roundId) = await SeedAsync(database);
        await using var db = database.CreateContext();
        var service = new CommitteeContentService(db);

        var first = await service.AddSelfAssessmentAsync(orgId, roundId, new SelfAssessmentInput("MASH timeliness", "New rota", "Decisions within a day"));
        var second = await service.AddSelfAssessmentAsync(orgId, roundId, new SelfAssessmentInput("Supervision", "Monthly audits", null));
        var third = await service.AddSelfAssessmentAsync(orgId, roundId, new SelfAssessmentInput("Plans", "Templates", "Clearer plans"));
        Assert.True(first.Succeeded && second.Succeeded && third.Succeeded);
        Assert.Equal(CommitteeOutcome.Invalid, (await service.UpdateSelfAssessmentAsync(orgId, first.Id!.Value, new SelfAssessmentInput(" ", "x", null))).Outcome);
        Assert.True((await service.UpdateSelfAssessmentAsync(orgId, first.Id!.Value, new SelfAssessmentInput("Front door timeliness", "New rota", "Decisions within a day"))).Succeeded);
        Assert.True((await service.MoveSelfAssessmentAsync(orgId, first.Id!.Value, MoveDirection.Down)).Succeeded);
        Assert.True((await service.DeleteSelfAssessmentAsync(orgId, third.Id!.Value)).Succeeded);

        await using var read = database.CreateContext();
        var rows = await read.SelfAssessmentEntries.Where(s => s.RoundId == roundId).OrderBy(s => s.SortOrder).ToListAsync();
        Assert.Equal(["Supervision", "Front door timeliness"], rows.Select(r => r.AreaForImprovement));
        Assert.Equal(string.Empty, rows[0].ImpactOnPractice);
    }

    [Fact]
    public async Task Narrative_Invalid_NamesTheFields()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (orgId, _, roundId) = await SeedAsync(database);
        await using var db = database.CreateContext();

        var result = await new CommitteeContentService(db).AddNarrativeAsync(orgId, roundId,
            new NarrativeInput(new string('x', RoundNarrative.HeadingMaxLength + 1), " "));

        Assert.Equal(CommitteeOutcome.Invalid, result.Outcome);
        Assert.Equal(["Heading", "Body"], result.Errors.Select(e => e.Field));
        Assert.Equal($"The heading must be {RoundNarrative.HeadingMaxLength} characters or fewer", result.Errors[0].Message);
    }

    [Fact]
    public async Task ClosedRound_RefusesNarrativeAndSelfAssessmentChanges_ButNotTheLog()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (orgId, planId, roundId) = await SeedAsync(database);
        await using var db = database.CreateContext();
        var service = new CommitteeContentService(db);
        var section = await service.AddNarrativeAsync(orgId, roundId, new NarrativeInput("Heading", "Body"));
        var row = await service.AddSelfAssessmentAsync(orgId, roundId, new SelfAssessmentInput("Area", "Done", null));
        var round = await db.Rounds.SingleAsync(r => r.Id == roundId);
        round.Status = RoundStatus.Closed;
        await db.SaveChangesAsync();

        var refused = new[]
        {
            await service.AddNarrativeAsync(orgId, roundId, new NarrativeInput("New", "New")),
            await service.UpdateNarrativeAsync(orgId, section.Id!.Value, new NarrativeInput("Changed", "Changed")),
            await service.MoveNarrativeAsync(orgId, section.Id!.Value, MoveDirection.Down),
            await service.DeleteNarrativeAsync(orgId, section.Id!.Value),
            await service.AddSelfAssessmentAsync(orgId, roundId, new SelfAssessmentInput("New", "New", null)),
            await service.UpdateSelfAssessmentAsync(orgId, row.Id!.Value, new SelfAssessmentInput("Changed", "Changed", null)),
            await service.DeleteSelfAssessmentAsync(orgId, row.Id!.Value),
        };

        Assert.All(refused, r => Assert.Equal(CommitteeOutcome.RoundClosed, r.Outcome));
        Assert.All(refused, r => Assert.Equal(CommitteeResult.RoundClosedMessage, Assert.Single(r.Errors).Message));
        Assert.True((await service.AddImprovementLogAsync(orgId, planId, new ImprovementLogInput("Still fine", null, "Q3 2026"))).Succeeded);
    }

    [Fact]
    public async Task AnotherOrganisationsIds_AreNotFound()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (orgId, planId, roundId) = await SeedAsync(database);
        var (otherOrg, _, _) = await SeedAsync(database, "Another council");
        await using var db = database.CreateContext();
        var service = new CommitteeContentService(db);
        var section = await service.AddNarrativeAsync(orgId, roundId, new NarrativeInput("Heading", "Body"));
        var row = await service.AddSelfAssessmentAsync(orgId, roundId, new SelfAssessmentInput("Area", "Done", null));
        var log = await service.AddImprovementLogAsync(orgId, planId, new ImprovementLogInput("Done", null, null));

        var results = new[]
        {
            await service.AddNarrativeAsync(otherOrg, roundId, new NarrativeInput("X", "Y")),
            await service.UpdateNarrativeAsync(otherOrg, section.Id!.Value, new NarrativeInput("X", "Y")),
            await service.MoveNarrativeAsync(otherOrg, section.Id!.Value, MoveDirection.Down),
            await service.DeleteNarrativeAsync(otherOrg, section.Id!.Value),
            await service.AddSelfAssessmentAsync(otherOrg, roundId, new SelfAssessmentInput("X", "Y", null)),
            await service.UpdateSelfAssessmentAsync(otherOrg, row.Id!.Value, new SelfAssessmentInput("X", "Y", null)),
            await service.MoveSelfAssessmentAsync(otherOrg, row.Id!.Value, MoveDirection.Up),
            await service.DeleteSelfAssessmentAsync(otherOrg, row.Id!.Value),
            await service.AddImprovementLogAsync(otherOrg, planId, new ImprovementLogInput("X", null, null)),
            await service.UpdateImprovementLogAsync(otherOrg, log.Id!.Value, new ImprovementLogInput("X", null, null)),
            await service.DeleteImprovementLogAsync(otherOrg, log.Id!.Value),
        };

        Assert.All(results, r => Assert.Equal(CommitteeOutcome.NotFound, r.Outcome));
    }

    [Theory]
    [InlineData("Q3 2018", true, "2018-12-31")]
    [InlineData("Q3 2018", false, "2018-09-30")]
    [InlineData("Started Jan 2019", true, "2019-01-31")]
    [InlineData("Dec 2018", true, "2018-12-31")]
    [InlineData("Q3 & Q4 2018/19", true, "2019-03-31")]
    [InlineData("Ongoing", true, null)]
    [InlineData("TBC", true, null)]
    [InlineData("", true, null)]
    public void ReadWhen_DatesWhatItCan(string when, bool financial, string? expected)
    {
        Assert.Equal(expected is null ? null : DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), CommitteeContentService.ReadWhen(when, financial));
    }

    [Fact]
    public async Task ImprovementLog_UpdateRereadsTheDate()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (orgId, planId, _) = await SeedAsync(database);
        await using var db = database.CreateContext();
        var service = new CommitteeContentService(db);
        var log = await service.AddImprovementLogAsync(orgId, planId, new ImprovementLogInput("Revised supervision", "Reflective practice", "Ongoing"));
        Assert.Null((await db.ImprovementLogEntries.SingleAsync()).WhenDate);

        await service.UpdateImprovementLogAsync(orgId, log.Id!.Value, new ImprovementLogInput("Revised supervision", "Reflective practice", "Started Jan 2027"));

        await using var read = database.CreateContext();
        var entry = await read.ImprovementLogEntries.SingleAsync();
        Assert.Equal(("Started Jan 2027", new DateOnly(2027, 1, 31)), (entry.When, entry.WhenDate));
    }
}
