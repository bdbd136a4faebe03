using System.Net;
using Trellis.Web.Tests.Infrastructure;

namespace Trellis.Web.Tests.Pages.Plans;

public class PlansPagesTests : IDisposable
{
    private readonly TrellisWebFactory _factory = new();
    private readonly PageClient _client;

    public PlansPagesTests() => _client = new PageClient(_factory);

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Get_Home_LinksToPlans()
    {
        var page = await _client.GetAsync("/");
        Assert.NotNull(page.QuerySelector("a[href='/plans']"));
    }

    [Fact]
    public async Task Get_List_ShowsEachPlanWithItsCounts()
    {
        var (planId, _) = await TestData.PlanWithAreaAsync(_factory, "Front door plan");
        var page = await _client.GetAsync("/plans");
        var row = page.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector($"a[href='/plans/{planId}']") is not null);
        Assert.Contains("Front door plan", row.TextContent);
        Assert.Equal("1", row.QuerySelectorAll("td")[1].TextContent.Trim());
    }

    [Fact]
    public async Task Post_Add_CreatesPlanAndRedirectsToIt()
    {
        var form = await _client.GetAsync("/plans/new");
        var result = await _client.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Form.Title"] = "Improvement plan 2026",
            ["Form.Status"] = "Live",
            ["Form.PeriodStart"] = "1 April 2026",
            ["Form.PeriodEnd"] = "31 March 2027",
            ["Form.Governance"] = "Improvement Board\nScrutiny Committee",
        });
        Assert.Equal(HttpStatusCode.Redirect, result.Status);
        var overview = await _client.GetAsync(result.Location!);
        Assert.Equal("Improvement plan 2026", overview.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Scrutiny Committee", overview.QuerySelector("main")!.TextContent);
        Assert.Contains("1 April 2026 to 31 March 2027", overview.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task Post_Add_TitleMissing_ShowsError()
    {
        var form = await _client.GetAsync("/plans/new");
        var result = await _client.SubmitAsync(form, new Dictionary<string, string> { ["Form.Title"] = "  " });
        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal(["Enter a title for the plan"], result.Errors);
        Assert.Equal("#Form_Title", result.Document.QuerySelector(".govuk-error-summary__list a")!.GetAttribute("href"));
        Assert.NotNull(result.Document.QuerySelector("#Form_Title.govuk-input--error"));
        Assert.StartsWith("Error:", result.Document.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_Add_EndBeforeStartAndNotADate_ShowsBothErrors()
    {
        var form = await _client.GetAsync("/plans/new");
        var result = await _client.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Form.Title"] = "Plan",
            ["Form.PeriodStart"] = "31st April 2026",
            ["Form.PeriodEnd"] = "soon",
        });
        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Contains("The start date must be a real date, for example 1 April 2026", result.Errors);
        Assert.Contains("The end date must be a real date, for example 1 April 2026", result.Errors);
    }

    [Fact]
    public async Task Post_Edit_ChangesTitle()
    {
        var (planId, _) = await TestData.PlanWithAreaAsync(_factory);
        var form = await _client.GetAsync($"/plans/{planId}/edit");
        Assert.Equal("Test plan", ((AngleSharp.Html.Dom.IHtmlInputElement)form.QuerySelector("#Form_Title")!).Value);
        var result = await _client.SubmitAsync(form, new Dictionary<string, string> { ["Form.Title"] = "Renamed plan" });
        Assert.Equal(HttpStatusCode.Redirect, result.Status);
        var overview = await _client.GetAsync($"/plans/{planId}");
        Assert.Equal("Renamed plan", overview.QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task Post_Edit_TitleTooLong_ShowsError()
    {
        var (planId, _) = await TestData.PlanWithAreaAsync(_factory);
        var form = await _client.GetAsync($"/plans/{planId}/edit");
        var result = await _client.SubmitAsync(form, new Dictionary<string, string> { ["Form.Title"] = new string('x', 301) });
        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal(["The title must be 300 characters or fewer"], result.Errors);
    }

    [Fact]
    public async Task Post_Delete_RemovesPlan()
    {
        var (planId, _) = await TestData.PlanWithAreaAsync(_factory);
        var confirm = await _client.GetAsync($"/plans/{planId}/delete");
        Assert.Contains("1 areas", confirm.QuerySelector(".govuk-warning-text")!.TextContent);
        var result = await _client.SubmitAsync(confirm, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, result.Status);
        await _client.GetAsync($"/plans/{planId}", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Get_UnknownPlan_IsNotFound()
    {
        await _client.GetAsync("/plans/999999", HttpStatusCode.NotFound);
        await _client.GetAsync("/plans/999999/edit", HttpStatusCode.NotFound);
        await _client.GetAsync("/plans/999999/delete", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Get_Export_DownloadsTheWholePlanAsInterchangeJson()
    {
        var (planId, _) = await TestData.PlanWithAreaAsync(_factory, "Front door plan");
        var response = await _client.Http.GetAsync($"/plans/{planId}/export.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("front-door-plan.plan.json", response.Content.Headers.ContentDisposition!.FileName);
        var read = Trellis.Core.Interchange.PlanJson.Read(await response.Content.ReadAsStringAsync(), "export");
        Assert.Empty(read.Problems);
        Assert.Equal("Front door plan", read.Document!.Plan.Title);
        Assert.Equal("Improve the front door", Assert.Single(read.Document.Areas).Title);
        await _client.GetAsync("/plans/999999/export.json", HttpStatusCode.NotFound);
    }
}
