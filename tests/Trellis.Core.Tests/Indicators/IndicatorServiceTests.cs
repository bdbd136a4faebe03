using Microsoft.EntityFrameworkCore;
using Trellis.Core.Data;
using Trellis.Core.Indicators;
using Trellis.Core.People;
using Trellis.Core.Plans;
using Trellis.Testing;

namespace Trellis.Core.Tests.Indicators;

/// <summary>The write side of indicator definitions, dated targets and comparators, on each real database engine.</summary>
public class IndicatorServiceTests
{
    private static IndicatorInput Input(string name, string? key = null, string? target = "90%", Polarity polarity = Polarity.HigherIsBetter, int? owner = null, IReadOnlyList<string>? areas = null) =>
        new(key, name, null, IndicatorUnit.Percent, polarity, IndicatorFrequency.Quarterly, YearBasis.Financial, "CIN census", owner, target, ToleranceKind.PercentOfTarget, 10m, areas ?? []);

    private static async Task<(int OrgId, int PlanId, int PersonId)> SeedAsync(TestDatabase database, string organisation = "Riverside Borough Council")
    {
        await using var db = database.CreateContext();
        var org = new Organisation { Name = organisation };
        db.Organisations.Add(org);
        await db.SaveChangesAsync();
        var plans = new PlanService(db);
        var plan = await plans.CreatePlanAsync(org.Id, new PlanInput("Plan", PlanStatus.Live, MonitoringCadence.Quarterly, null, null, true, []));
        await new PersonService(db).CreateAsync(org.Id, plan.Id, new PersonInput("SK", "Sam Kaur", "Director", null, null));
        await plans.CreateAreaAsync(org.Id, plan.Id, new AreaInput("1", "Front door", null, SourceKind.InspectionRecommendation, null, null, null, [], [], [], [], [], null));
        await plans.CreateAreaAsync(org.Id, plan.Id, new AreaInput("2", "Care leavers", null, SourceKind.InspectionRecommendation, null, null, null, [], [], [], [], [], null));
        var person = await db.People.Where(p => p.OrganisationId == org.Id).Select(p => p.Id).SingleAsync();
        return (org.Id, plan.Id, person);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Create_StoresTheDefinitionWithTheNextKeyAndBoundsFromTheWords(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (orgId, planId, personId) = await SeedAsync(database);
        await using (var db = database.CreateContext())
        {
            var service = new IndicatorService(db);
            Assert.True((await service.CreateAsync(orgId, planId, Input("First", key: "k7"))).Succeeded);
            var second = await service.CreateAsync(orgId, planId, Input(" Re-referrals ", target: "No more than 16%", polarity: Polarity.None, owner: personId, areas: ["2", "1", "2"]));
            Assert.True(second.Succeeded);
        }

        await using var read = database.CreateContext();
        var stored = (await read.Indicators.Include(i => i.Owner).Where(i => i.PlanId == planId).ToListAsync()).OrderBy(i => i.SortOrder).ToList();
        Assert.Equal(["k7", "k8"], stored.Select(i => i.Key));
        var re = stored[1];
        Assert.Equal(("Re-referrals", "No more than 16%", (decimal?)null, 16m), (re.Name, re.TargetText, re.TargetMin, re.TargetMax!.Value));
        Assert.Equal(("Sam Kaur", ToleranceKind.PercentOfTarget, 10m, "CIN census"), (re.Owner!.Name, re.ToleranceKind, re.Tolerance!.Value, re.Source));
        Assert.Equal(["2", "1"], re.AreaNumbers);
        Assert.Equal(IndicatorFrequency.Quarterly, re.Frequency);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Create_RefusesATakenKeyAnUnknownAreaAndAnotherCouncilsOwner(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (orgId, planId, _) = await SeedAsync(database);
        var (_, otherPlan, otherPerson) = await SeedAsync(database, "Another council");
        await using var db = database.CreateContext();
        var service = new IndicatorService(db);
        await service.CreateAsync(orgId, planId, Input("First"));

        var result = await service.CreateAsync(orgId, planId, Input("", key: "K1", owner: otherPerson, areas: ["9"]) with { Tolerance = -1 });

        Assert.Equal(IndicatorOutcome.Invalid, result.Outcome);
        Assert.Equal(["Name", "Key", "Tolerance", "OwnerId", "AreaNumbers"], result.Errors.Select(e => e.Field));
        Assert.Equal(IndicatorOutcome.NotFound, (await service.CreateAsync(orgId, otherPlan, Input("Theirs"))).Outcome);
        Assert.Equal(1, await db.Indicators.CountAsync(i => i.PlanId == planId));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task TargetsAndComparators_AreAddedChangedAndRemovedOnlyInTheirOrganisation(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (orgId, planId, _) = await SeedAsync(database);
        var (otherOrg, _, _) = await SeedAsync(database, "Another council");
        await using var db = database.CreateContext();
        var service = new IndicatorService(db);
        var id = (await service.CreateAsync(orgId, planId, Input("Assessments in 45 days"))).Id!.Value;

        var target = await service.AddTargetAsync(orgId, id, new TargetInput("20-25%", new DateOnly(2026, 4, 1), null, null, null));
        var typed = await service.AddTargetAsync(orgId, id, new TargetInput("About 85%", null, new DateOnly(2026, 3, 31), 84m, 86m));
        Assert.True(target.Succeeded && typed.Succeeded);
        Assert.Equal(IndicatorOutcome.NotFound, (await service.AddTargetAsync(otherOrg, id, new TargetInput("90%", null, null, null, null))).Outcome);
        Assert.Equal(["Max"], (await service.AddTargetAsync(orgId, id, new TargetInput("90%", null, null, 90m, 80m))).Errors.Select(e => e.Field));

        var comparator = await service.AddComparatorAsync(orgId, id, new ComparatorInput("England", "2025-Q3", 84.5m, null));
        Assert.True(comparator.Succeeded);
        Assert.Equal(IndicatorOutcome.NotFound, (await service.DeleteComparatorAsync(otherOrg, id, comparator.Id!.Value)).Outcome);
        Assert.True((await service.UpdateComparatorAsync(orgId, id, comparator.Id!.Value, new ComparatorInput("London", "As at March", 80m, "LAIT"))).Succeeded);

        await using (var read = database.CreateContext())
        {
            var targets = (await read.IndicatorTargets.Where(t => t.IndicatorId == id).ToListAsync()).OrderBy(t => t.Id).ToList();
            Assert.Equal((20m, 25m), (targets[0].Min!.Value, targets[0].Max!.Value));
            Assert.Equal((84m, 86m), (targets[1].Min!.Value, targets[1].Max!.Value));
            var stored = await read.Comparators.SingleAsync(c => c.IndicatorId == id);
            Assert.Equal(("London", "As at March", (DateOnly?)null, 80m), (stored.Name, stored.Period, stored.PeriodStart, stored.Value!.Value));
        }

        Assert.True((await service.RemoveTargetAsync(orgId, id, target.Id!.Value)).Succeeded);
        Assert.True((await service.DeleteAsync(orgId, id)).Succeeded);
        Assert.Equal(0, await db.IndicatorTargets.CountAsync());
        Assert.Equal(0, await db.Comparators.CountAsync());
    }

    [Fact]
    public void NextKey_IsOneMoreThanTheHighestInUse() =>
        Assert.Equal(["k1", "k4", "k3"], new[] { IndicatorService.NextKey([]), IndicatorService.NextKey(["k1", "K3", "contacts"]), IndicatorService.NextKey(["k2", "k0x"]) });

    [Fact]
    public void TargetWords_SayHowATargetIsReadAndWhenItDisagreesWithThePolarity()
    {
        var reading = TargetReader.Read("No higher than 15%");
        Assert.Equal("no higher than 15%, lower is better", TargetWords.Describe(reading, Polarity.LowerIsBetter, IndicatorUnit.Percent));
        Assert.Null(TargetWords.Conflict(reading, Polarity.LowerIsBetter));
        Assert.NotNull(TargetWords.Conflict(reading, Polarity.HigherIsBetter));
        Assert.Equal("at least 85%, higher is better (from the polarity chosen), by 31 March 2017",
            TargetWords.Describe(TargetReader.Read("85% by March 2017"), Polarity.HigherIsBetter, IndicatorUnit.Percent));
        Assert.StartsWith("a target still to be set", TargetWords.Describe(TargetReader.Read("Under review"), Polarity.None, IndicatorUnit.Percent), StringComparison.Ordinal);
    }
}
