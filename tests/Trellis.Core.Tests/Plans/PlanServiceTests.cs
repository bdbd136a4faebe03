using Microsoft.EntityFrameworkCore;
using Trellis.Core.Data;
using Trellis.Core.People;
using Trellis.Core.Plans;
using Trellis.Testing;

namespace Trellis.Core.Tests.Plans;

/// <summary>The write side of plans, on each real database engine.</summary>
public class PlanServiceTests
{
    private static async Task<(int OrgId, int PlanId, int AreaId)> SeedAsync(TestDatabase database, string organisation = "Riverside Borough Council")
    {
        await using var db = database.CreateContext();
        var org = new Organisation { Name = organisation };
        db.Organisations.Add(org);
        await db.SaveChangesAsync();
        var plans = new PlanService(db);
        var people = new PersonService(db);
        var plan = await plans.CreatePlanAsync(org.Id, new PlanInput("Plan", PlanStatus.Live, MonitoringCadence.Quarterly, null, null, true, ["Improvement Board"]));
        await people.CreateAsync(org.Id, plan.Id, new PersonInput("SK", "Sam Kaur", "Director", null, null));
        await people.CreateAsync(org.Id, plan.Id, new PersonInput("JSt", "Jo Stirling", "HR Business Partner", null, null));
        var area = await plans.CreateAreaAsync(org.Id, plan.Id, new AreaInput("1", "Front door", null, SourceKind.InspectionRecommendation, null,
            "SK", "Chair of the Safeguarding Partnership", ["CSC Business Plan"], ["Police", "Health"], [], ["Outcome"], ["Measure"], "A"));
        return (org.Id, plan.Id, area!.Id);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task CreateAction_StoresEverythingAndReadsItBack(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (orgId, planId, areaId) = await SeedAsync(database);
        await using (var db = database.CreateContext())
        {
            var action = await new PlanService(db).CreateActionAsync(orgId, areaId,
                new ActionInput("1.1", "Review the duty team", "31 st March 2027", "SK/jst/JH", ActionStatus.InProgress, "G", "Started"));
            Assert.NotNull(action);
        }

        await using var read = database.CreateContext();
        var stored = await read.Actions.Include(a => a.Owners).ThenInclude(o => o.Person).SingleAsync();
        Assert.Equal("1.1", stored.Ref);
        Assert.Equal("31 st March 2027", stored.Due.Text);
        Assert.Equal(ActionStatus.InProgress, stored.Status);
        Assert.Equal("G", stored.RagCode);
        Assert.Equal(3, stored.Owners.Count);
        var owners = stored.Owners.OrderBy(o => o.SortOrder).ToList();
        Assert.Equal("Sam Kaur", owners[0].Person!.Name);
        Assert.Equal("Jo Stirling", owners[1].Person!.Name);
        Assert.Null(owners[2].PersonId);
        Assert.Equal("JH", owners[2].Text);
        Assert.Contains(stored.Warnings, w => w.Contains("JH", StringComparison.Ordinal));

        var area = await read.Areas.Include(a => a.Leads).SingleAsync();
        Assert.Equal(["Police", "Health"], area.Partners);
        Assert.Equal(2, area.Leads.Count);
        Assert.Equal("Chair of the Safeguarding Partnership", area.Leads.Single(l => l.Role == LeadRole.SeniorLead).Text);
        var ratings = await read.RagRatings.Where(r => r.PlanId == planId && r.Scale == RagScale.Progress).OrderBy(r => r.SortOrder).ToListAsync();
        Assert.Equal(["R", "A", "G", "B"], ratings.Select(r => r.Code));
        Assert.True(ratings.Single(r => r.Code == "B").IsComplete);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task UpdateAction_FromAStaleVersion_IsRefused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (orgId, _, areaId) = await SeedAsync(database);
        Guid opened;
        int actionId;
        await using (var db = database.CreateContext())
        {
            var action = await new PlanService(db).CreateActionAsync(orgId, areaId, new ActionInput("1.1", "First", null, null, null, null, null));
            (opened, actionId) = (action!.Version, action.Id);
        }

        await using (var first = database.CreateContext())
        {
            Assert.Equal(SaveResult.Saved, await new PlanService(first).UpdateActionAsync(orgId, actionId, opened, new ActionInput("1.1", "First edit", null, null, null, null, null)));
        }

        await using (var second = database.CreateContext())
        {
            Assert.Equal(SaveResult.Conflict, await new PlanService(second).UpdateActionAsync(orgId, actionId, opened, new ActionInput("1.1", "Second edit", null, null, null, null, null)));
        }

        await using var read = database.CreateContext();
        Assert.Equal("First edit", (await read.Actions.SingleAsync()).Text);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AnotherOrganisationsIds_AreNotFound(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (_, planId, areaId) = await SeedAsync(database);
        var (otherOrg, _, _) = await SeedAsync(database, "Another Council");
        await using var db = database.CreateContext();
        var service = new PlanService(db);
        Assert.False(await service.UpdatePlanAsync(otherOrg, planId, new PlanInput("Taken", PlanStatus.Live, MonitoringCadence.Quarterly, null, null, true, [])));
        Assert.Null(await service.CreateAreaAsync(otherOrg, planId, new AreaInput("9", "x", null, null, null, null, null, [], [], [], [], [], null)));
        Assert.Null(await service.CreateActionAsync(otherOrg, areaId, new ActionInput("1", "x", null, null, null, null, null)));
        Assert.False(await service.DeleteAreaAsync(otherOrg, areaId));
        Assert.False(await service.DeletePlanAsync(otherOrg, planId));
        Assert.Equal("Plan", (await db.Plans.SingleAsync(p => p.Id == planId)).Title);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task DeletePerson_KeepsTheirNameOnWhatTheyOwned(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (orgId, _, areaId) = await SeedAsync(database);
        await using (var db = database.CreateContext())
        {
            await new PlanService(db).CreateActionAsync(orgId, areaId, new ActionInput("1.1", "Act", null, "SK", null, null, null));
            var sam = await db.People.SingleAsync(p => p.Initials == "SK");
            Assert.True(await new PersonService(db).DeleteAsync(orgId, sam.Id));
        }

        await using var read = database.CreateContext();
        var owner = await read.ActionOwners.SingleAsync();
        Assert.Null(owner.PersonId);
        Assert.Equal("Sam Kaur", owner.Text);
        var lead = await read.AreaLeads.SingleAsync(l => l.Role == LeadRole.Lead);
        Assert.Equal("Sam Kaur", lead.Text);
        Assert.DoesNotContain(await read.People.ToListAsync(), p => p.Initials == "SK");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task DeletePlan_RemovesEverythingItHolds(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (orgId, planId, areaId) = await SeedAsync(database);
        await using (var db = database.CreateContext())
        {
            var service = new PlanService(db);
            var action = await service.CreateActionAsync(orgId, areaId, new ActionInput("1.1", "Act", null, "SK", null, null, null));
            await service.CreateMilestoneAsync(orgId, action!.Id, new MilestoneInput("Draft ready", "TBC", null));
            Assert.True(await service.DeletePlanAsync(orgId, planId));
        }

        await using var read = database.CreateContext();
        Assert.Empty(await read.Areas.ToListAsync());
        Assert.Empty(await read.Actions.ToListAsync());
        Assert.Empty(await read.Milestones.ToListAsync());
        Assert.Empty(await read.ActionOwners.ToListAsync());
        Assert.Empty(await read.RagRatings.ToListAsync());
        Assert.Equal(2, await read.People.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task CreateAction_RepeatedRef_IsKeptWithAWarning(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (orgId, _, areaId) = await SeedAsync(database);
        await using var db = database.CreateContext();
        var service = new PlanService(db);
        var first = await service.CreateActionAsync(orgId, areaId, new ActionInput("3", "Implement revised arrangements", null, null, null, null, null));
        var second = await service.CreateActionAsync(orgId, areaId, new ActionInput("3", "Implement the MASH development plan", null, null, null, null, null));
        Assert.Empty(first!.Warnings);
        Assert.Equal("3", second!.Ref);
        Assert.Equal(["Ref '3' is also used by another action in area 1; kept as written"], second.Warnings);
    }
}
