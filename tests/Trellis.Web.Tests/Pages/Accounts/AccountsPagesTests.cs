using System.Net;
using Trellis.Web.Tests.Infrastructure;

namespace Trellis.Web.Tests.Pages.Accounts;

public sealed class AccountsPagesTests : IDisposable
{
    private readonly TrellisWebFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task AddAnAccount_GiveItARole_AndItCanThenOpenThatPlanOnly()
    {
        var admin = new PageClient(_factory);
        var list = await admin.GetAsync("/accounts");
        Assert.Equal(5, list.QuerySelectorAll("main tbody tr").Length);

        var form = await admin.GetAsync("/accounts/new");
        var added = await admin.SubmitAsync(form, new Dictionary<string, string> { ["DisplayName"] = "Dana Reed", ["Email"] = "dana.reed@castlebridge.example" });
        Assert.Equal(HttpStatusCode.Redirect, added.Status);
        var rolesUrl = added.Location!;

        var planId = (await TestData.PlanWithAreaAsync(_factory, "Second plan")).PlanId;
        var demoPlanId = planId - 1;

        var roles = await admin.GetAsync(rolesUrl);
        var saved = await admin.SubmitAsync(roles, new Dictionary<string, string> { [$"Roles[{planId}]"] = "Reader" });
        Assert.Equal("/accounts", saved.Location);

        var dana = new PageClient(_factory);
        dana.Http.DefaultRequestHeaders.Add(TestSignInHandler.Header, "dana.reed@castlebridge.example");
        await dana.GetAsync($"/plans/{planId}");
        await dana.GetAsync($"/plans/{demoPlanId}", HttpStatusCode.NotFound);
        await dana.GetAsync($"/plans/{planId}/edit", HttpStatusCode.Forbidden);
        var plans = await dana.GetAsync("/plans");
        Assert.Single(plans.QuerySelectorAll("main tbody tr"));
    }

    [Fact]
    public async Task Post_DuplicateOrBadEmail_ShowsErrors()
    {
        var admin = new PageClient(_factory);
        var form = await admin.GetAsync("/accounts/new");
        var duplicate = await admin.SubmitAsync(form, new Dictionary<string, string> { ["DisplayName"] = "Someone", ["Email"] = TrellisWebFactory.Reader });
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.Status);
        Assert.Equal(["An account with this email address already exists"], duplicate.Errors);

        var bad = await admin.SubmitAsync(form, new Dictionary<string, string> { ["DisplayName"] = "", ["Email"] = "not an address" });
        Assert.Equal(["Enter the person's name", "Enter an email address in the correct format, like name@council.gov.uk"], bad.Errors);
    }
}
