using Microsoft.Extensions.DependencyInjection;
using Trellis.Core.Data;
using Trellis.Core.People;
using Trellis.Core.Plans;

namespace Trellis.Web.Tests.Infrastructure;

/// <summary>Builds small plans through the real services, for tests that need their own data.</summary>
public static class TestData
{
    public static async Task<int> OrganisationIdAsync(TrellisWebFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
        return db.Organisations.OrderBy(o => o.Id).Select(o => o.Id).First();
    }

    /// <summary>A second council in the same installation, for checking that its ids answer 404.</summary>
    public static async Task<int> AnotherOrganisationAsync(TrellisWebFactory factory)
    {
        await OrganisationIdAsync(factory);
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
        var other = new Organisation { Name = "Another council" };
        db.Organisations.Add(other);
        await db.SaveChangesAsync();
        return other.Id;
    }

    /// <summary>For a factory without the demo council: an administrator of the first organisation, and requests signed in as them.</summary>
    public static async Task SignInAsAdministratorAsync(TrellisWebFactory factory)
    {
        var organisationId = await OrganisationIdAsync(factory);
        using var scope = factory.Services.CreateScope();
        var accounts = scope.ServiceProvider.GetRequiredService<Trellis.Core.Accounts.AccountService>();
        const string email = "test.administrator@council.example";
        var created = await accounts.CreateAsync(organisationId, new Trellis.Core.Accounts.NewAccount("Test Administrator", email, null, IsAdministrator: true));
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Message)));
        factory.SignedInAs.Email = email;
    }

    public static async Task<(int PlanId, int AreaId)> PlanWithAreaAsync(TrellisWebFactory factory, string title = "Test plan")
    {
        var organisationId = await OrganisationIdAsync(factory);
        using var scope = factory.Services.CreateScope();
        var plans = scope.ServiceProvider.GetRequiredService<PlanService>();
        var people = scope.ServiceProvider.GetRequiredService<PersonService>();
        var plan = await plans.CreatePlanAsync(organisationId, new PlanInput(title, PlanStatus.Live, MonitoringCadence.Quarterly, null, null, true, ["Improvement Board"]));
        await people.CreateAsync(organisationId, plan.Id, new PersonInput("SK", "Sam Kaur", "Director of Children's Social Care", null, null));
        await people.CreateAsync(organisationId, plan.Id, new PersonInput("JS", "Jo Stone", "Early Help Commissioner", null, null));
        var area = await plans.CreateAreaAsync(organisationId, plan.Id, new AreaInput("1", "Improve the front door", null, SourceKind.InspectionRecommendation, "Recommendation 1",
            "SK", null, [], ["Police"], [], ["Contacts are decided within a day"], ["95% of contacts decided within one working day"], "A"));
        return (plan.Id, area!.Id);
    }
}
