using System.Net;
using Trellis.Web.Tests.Infrastructure;

namespace Trellis.Web.Tests.Pages.Areas;

public class AreasPagesTests : IDisposable
{
    private readonly TrellisWebFactory _factory = new();
    private readonly PageClient _client;

    public AreasPagesTests() => _client = new PageClient(_factory);

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Get_View_ShowsEveryField()
    {
        var (planId, areaId) = await TestData.PlanWithAreaAsync(_factory);
        var page = await _client.GetAsync($"/plans/{planId}/areas/{areaId}");
        var main = page.QuerySelector("main")!.TextContent;
        Assert.Contains("1. Improve the front door", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Sam Kaur", main, StringComparison.Ordinal);
        Assert.Contains("Police", main, StringComparison.Ordinal);
        Assert.Contains("Contacts are decided within a day", main, StringComparison.Ordinal);
        Assert.Contains("95% of contacts decided within one working day", main, StringComparison.Ordinal);
        Assert.Contains("Inspection recommendation: Recommendation 1", main, StringComparison.Ordinal);
        Assert.Equal("Amber", page.QuerySelector(".trellis-rag")!.TextContent.Trim());
    }

    [Fact]
    public async Task Post_Add_CreatesAreaWithLeadsResolved()
    {
        var (planId, _) = await TestData.PlanWithAreaAsync(_factory);
        var form = await _client.GetAsync($"/plans/{planId}/areas/new");
        var result = await _client.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Form.Number"] = "2",
            ["Form.Title"] = "Strengthen early help",
            ["Form.Leads"] = "JS/Chair of PSCB",
            ["Form.Partners"] = "Health\n- Schools\n",
            ["Form.MeasuresOfSuccess"] = "Fewer re-referrals",
        });
        Assert.Equal(HttpStatusCode.Redirect, result.Status);
        var page = await _client.GetAsync(result.Location!);
        var leads = page.QuerySelectorAll(".govuk-summary-list__row")[0].TextContent;
        Assert.Contains("Jo Stone", leads, StringComparison.Ordinal);
        Assert.Contains("Chair of PSCB", leads, StringComparison.Ordinal);
        Assert.Contains("(not in key leads)", leads, StringComparison.Ordinal);
        Assert.Equal(["Health", "Schools"], page.QuerySelectorAll(".govuk-summary-list__row").Single(r => r.TextContent.Contains("Partners", StringComparison.Ordinal)).QuerySelectorAll("li").Select(li => li.TextContent.Trim()));
    }

    [Fact]
    public async Task Post_Add_NumberAndTitleMissing_ShowsErrors()
    {
        var (planId, _) = await TestData.PlanWithAreaAsync(_factory);
        var form = await _client.GetAsync($"/plans/{planId}/areas/new");
        var result = await _client.SubmitAsync(form, new Dictionary<string, string> { ["Form.Number"] = "", ["Form.Title"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal(["Enter the area's number, for example 3", "Enter the area for improvement, usually the inspection's recommendation"], result.Errors);
    }

    [Fact]
    public async Task Post_Edit_ChangesTitleAndKeepsLeads()
    {
        var (planId, areaId) = await TestData.PlanWithAreaAsync(_factory);
        var form = await _client.GetAsync($"/plans/{planId}/areas/{areaId}/edit");
        Assert.Equal("SK", form.QuerySelector("#Form_Leads")!.GetAttribute("value"));
        var result = await _client.SubmitAsync(form, new Dictionary<string, string> { ["Form.Title"] = "Improve the front door and MASH" });
        Assert.Equal(HttpStatusCode.Redirect, result.Status);
        var page = await _client.GetAsync($"/plans/{planId}/areas/{areaId}");
        Assert.Contains("Improve the front door and MASH", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Sam Kaur", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_Edit_TitleTooLong_ShowsError()
    {
        var (planId, areaId) = await TestData.PlanWithAreaAsync(_factory);
        var form = await _client.GetAsync($"/plans/{planId}/areas/{areaId}/edit");
        var result = await _client.SubmitAsync(form, new Dictionary<string, string> { ["Form.Title"] = new string('a', 2001) });
        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal(["The area for improvement must be 2000 characters or fewer"], result.Errors);
    }

    [Fact]
    public async Task Post_Delete_RemovesArea()
    {
        var (planId, areaId) = await TestData.PlanWithAreaAsync(_factory);
        var confirm = await _client.GetAsync($"/plans/{planId}/areas/{areaId}/delete");
        var result = await _client.SubmitAsync(confirm, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, result.Status);
        await _client.GetAsync($"/plans/{planId}/areas/{areaId}", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Get_AreaUnderAnotherPlan_IsNotFound()
    {
        var (_, areaId) = await TestData.PlanWithAreaAsync(_factory);
        var (otherPlan, _) = await TestData.PlanWithAreaAsync(_factory, "Other");
        await _client.GetAsync($"/plans/{otherPlan}/areas/{areaId}", HttpStatusCode.NotFound);
        await _client.GetAsync($"/plans/{otherPlan}/areas/{areaId}/edit", HttpStatusCode.NotFound);
        await _client.GetAsync($"/plans/{otherPlan}/areas/{areaId}/delete", HttpStatusCode.NotFound);
    }
}
