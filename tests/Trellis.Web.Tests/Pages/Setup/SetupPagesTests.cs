using System.Net;
using Trellis.Web.Tests.Infrastructure;

namespace Trellis.Web.Tests.Pages.Setup;

/// <summary>A real installation (demo data off) starts empty and asks for the council's name.</summary>
public sealed class SetupPagesTests : IDisposable
{
    private readonly TrellisWebFactory _factory = new() { DemoData = false };
    private readonly PageClient _client;

    public SetupPagesTests() => _client = new PageClient(_factory);

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Get_AnyPage_WithNoOrganisation_LeadsToSetup()
    {
        var response = await _client.Http.GetAsync("/plans");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/setup", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Post_Name_CreatesTheCouncilShownInTheHeader()
    {
        var form = await _client.GetAsync("/setup");
        var result = await _client.SubmitAsync(form, new Dictionary<string, string> { ["Name"] = "Riverside Borough Council" });
        Assert.Equal(HttpStatusCode.Redirect, result.Status);
        var plans = await _client.GetAsync("/plans");
        Assert.Equal("Riverside Borough Council", plans.QuerySelector(".govuk-generic-header a")!.TextContent.Trim());
        Assert.Empty(plans.QuerySelectorAll("main tbody tr"));
        var again = await _client.Http.GetAsync("/setup");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
    }

    [Fact]
    public async Task Post_NameMissing_ShowsError()
    {
        var form = await _client.GetAsync("/setup");
        var result = await _client.SubmitAsync(form, new Dictionary<string, string> { ["Name"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal(["Enter your council's name"], result.Errors);
    }
}
