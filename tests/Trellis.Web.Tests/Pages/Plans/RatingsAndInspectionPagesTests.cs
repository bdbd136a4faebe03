using System.Net;
using Trellis.Web.Tests.Infrastructure;

namespace Trellis.Web.Tests.Pages.Plans;

public class RatingsAndInspectionPagesTests : IDisposable
{
    private readonly TrellisWebFactory _factory = new();
    private readonly PageClient _client;

    public RatingsAndInspectionPagesTests() => _client = new PageClient(_factory);

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Get_Ratings_ShowsTheScaleAndBlankRows()
    {
        var (planId, _) = await TestData.PlanWithAreaAsync(_factory);
        var page = await _client.GetAsync($"/plans/{planId}/ratings/progress");
        Assert.Equal("R", page.QuerySelector("#Rows_0__Code")!.GetAttribute("value"));
        Assert.Equal(4 + 2, page.QuerySelectorAll("fieldset").Length);
        Assert.NotNull(page.QuerySelector("#Rows_3__Complete[checked]"));
    }

    [Fact]
    public async Task Post_Ratings_RenamesALabelAndItShowsOnTheArea()
    {
        var (planId, areaId) = await TestData.PlanWithAreaAsync(_factory);
        var form = await _client.GetAsync($"/plans/{planId}/ratings/progress");
        var result = await _client.SubmitAsync(form, new Dictionary<string, string> { ["Rows[1].Label"] = "Some risk", ["Rows[1].Meaning"] = "Some delay; the lead can recover it" });
        Assert.Equal(HttpStatusCode.Redirect, result.Status);
        var area = await _client.GetAsync($"/plans/{planId}/areas/{areaId}");
        Assert.Equal("Some risk", area.QuerySelector(".trellis-rag")!.TextContent.Trim());
        var overview = await _client.GetAsync($"/plans/{planId}");
        Assert.Contains("Some delay; the lead can recover it", overview.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_Ratings_DroppingACodeInUse_ShowsError()
    {
        var (planId, _) = await TestData.PlanWithAreaAsync(_factory);
        var form = await _client.GetAsync($"/plans/{planId}/ratings/progress");
        var result = await _client.SubmitAsync(form, new Dictionary<string, string> { ["Rows[1].Code"] = "", ["Rows[1].Label"] = "", ["Rows[1].Meaning"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal(["Keep A: the plan still uses that rating"], result.Errors);
    }

    [Fact]
    public async Task Post_Ratings_DuplicateCodeAndMissingLabel_ShowErrors()
    {
        var (planId, _) = await TestData.PlanWithAreaAsync(_factory);
        var form = await _client.GetAsync($"/plans/{planId}/ratings/impact");
        var result = await _client.SubmitAsync(form, new Dictionary<string, string> { ["Rows[3].Code"] = "G", ["Rows[3].Label"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal(["The code for rating 4 is already used by another rating", "Enter a label for rating 4, for example Green"], result.Errors);
    }

    [Fact]
    public async Task Get_Ratings_UnknownScale_IsNotFound()
    {
        var (planId, _) = await TestData.PlanWithAreaAsync(_factory);
        await _client.GetAsync($"/plans/{planId}/ratings/colour", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Post_Inspection_RecordsJudgementsShownOnTheOverview()
    {
        var (planId, _) = await TestData.PlanWithAreaAsync(_factory);
        var form = await _client.GetAsync($"/plans/{planId}/inspection");
        var result = await _client.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Framework"] = "ILACS",
            ["Start"] = "26 October 2025",
            ["End"] = "6 November 2025",
            ["Published"] = "19 December 2025",
            ["Judgements[0].Area"] = "Overall effectiveness",
            ["Judgements[0].Grade"] = "RequiresImprovement",
            ["Judgements[1].Area"] = "The experiences and progress of care leavers",
            ["Judgements[1].Grade"] = "Good",
        });
        Assert.Equal(HttpStatusCode.Redirect, result.Status);
        var overview = await _client.GetAsync($"/plans/{planId}");
        var rows = overview.QuerySelectorAll("#inspection ~ table")[0].QuerySelectorAll("tbody tr").Select(r => r.TextContent.Trim().Replace("\n", " ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains("Requires improvement", rows[0], StringComparison.Ordinal);
        Assert.Contains("26 October 2025 to 6 November 2025", overview.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_Inspection_GradeMissingAndEndBeforeStart_ShowErrors()
    {
        var (planId, _) = await TestData.PlanWithAreaAsync(_factory);
        var form = await _client.GetAsync($"/plans/{planId}/inspection");
        var result = await _client.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Start"] = "6 November 2025",
            ["End"] = "26 October 2025",
            ["Judgements[0].Area"] = "Overall effectiveness",
        });
        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal(["The last day of the inspection must be on or after the first day", "Choose the grade for judgement 1"], result.Errors);
    }
}
