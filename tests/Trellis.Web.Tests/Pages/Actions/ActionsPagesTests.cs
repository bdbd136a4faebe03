using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trellis.Core.Data;
using Trellis.Web.Tests.Infrastructure;

namespace Trellis.Web.Tests.Pages.Actions;

public class ActionsPagesTests : IDisposable
{
    private readonly TrellisWebFactory _factory = new();
    private readonly PageClient _client;

    public ActionsPagesTests() => _client = new PageClient(_factory);

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Get_Add_SuggestsTheNextRef()
    {
        var (planId, areaId) = await TestData.PlanWithAreaAsync(_factory);
        var page = await _client.GetAsync($"/plans/{planId}/areas/{areaId}/actions/new");
        Assert.Equal("1.1", page.QuerySelector("#Form_Ref")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Post_Add_EchoesTheDueDateAndOwners_ThenSaves()
    {
        var (planId, areaId) = await TestData.PlanWithAreaAsync(_factory);
        var form = await _client.GetAsync($"/plans/{planId}/areas/{areaId}/actions/new");
        var check = await _client.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Form.Ref"] = "1.1",
            ["Form.Text"] = "Review the duty team",
            ["Form.Due"] = "Q3 2026/27",
            ["Form.Owners"] = "SK/js/JH",
        });
        Assert.Equal(HttpStatusCode.OK, check.Status);
        Assert.Contains("by 31 Dec 2026", check.Document.QuerySelector("#understood-due")!.TextContent, StringComparison.Ordinal);
        var owners = check.Document.QuerySelector("#understood-owners")!.TextContent;
        Assert.Contains("SK", owners, StringComparison.Ordinal);
        Assert.Contains("JH: not in the key leads table", owners, StringComparison.Ordinal);
        await AssertNoActionsAsync();

        var saved = await _client.SubmitAsync(check.Document, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var area = await _client.GetAsync($"/plans/{planId}/areas/{areaId}");
        var row = area.QuerySelectorAll("tr").Single(r => r.TextContent.Contains("Review the duty team", StringComparison.Ordinal));
        Assert.Contains("Q3 2026/27", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("by 31 Dec 2026", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Sam Kaur", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Jo Stone", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("JH", row.QuerySelector(".trellis-unresolved")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_Add_DueChangedAfterCheck_ChecksAgain()
    {
        var (planId, areaId) = await TestData.PlanWithAreaAsync(_factory);
        var form = await _client.GetAsync($"/plans/{planId}/areas/{areaId}/actions/new");
        var check = await _client.SubmitAsync(form, new Dictionary<string, string> { ["Form.Text"] = "Act", ["Form.Due"] = "March 2027" });
        var again = await _client.SubmitAsync(check.Document, new Dictionary<string, string> { ["Form.Due"] = "31st April 2027" });
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Contains("'31st April 2027' is not a date; read as 30 April 2027", again.Document.QuerySelector("#understood-due")!.TextContent, StringComparison.Ordinal);
        await AssertNoActionsAsync();
    }

    [Fact]
    public async Task Post_Add_TextMissing_ShowsError()
    {
        var (planId, areaId) = await TestData.PlanWithAreaAsync(_factory);
        var form = await _client.GetAsync($"/plans/{planId}/areas/{areaId}/actions/new");
        var result = await _client.SubmitAsync(form, new Dictionary<string, string> { ["Form.Ref"] = "", ["Form.Text"] = "", ["Form.Due"] = "TBC" });
        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal(["Enter the action's reference, for example 1.3", "Enter what will be done"], result.Errors);
        Assert.Null(result.Document.QuerySelector("#understood"));
        await AssertNoActionsAsync();
    }

    [Fact]
    public async Task Post_Edit_ChangesStatusAndRag_WithoutAskingAgainWhenDueUnchanged()
    {
        var (planId, areaId, actionId) = await WithActionAsync();
        var form = await _client.GetAsync($"/plans/{planId}/actions/{actionId}/edit");
        var result = await _client.SubmitAsync(form, new Dictionary<string, string> { ["Form.Status"] = "Complete", ["Form.RagCode"] = "B" });
        Assert.Equal(HttpStatusCode.Redirect, result.Status);
        var area = await _client.GetAsync($"/plans/{planId}/areas/{areaId}");
        var row = area.QuerySelector($"#action-{actionId}")!;
        Assert.Contains("Complete", row.TextContent, StringComparison.Ordinal);
        Assert.Equal("Blue", row.QuerySelector(".govuk-tag.trellis-rag")!.TextContent.Trim());
    }

    [Fact]
    public async Task Post_Edit_AfterSomeoneElseSaved_IsRefusedWithConflict()
    {
        var (planId, _, actionId) = await WithActionAsync();
        var mine = await _client.GetAsync($"/plans/{planId}/actions/{actionId}/edit");
        var theirs = await _client.GetAsync($"/plans/{planId}/actions/{actionId}/edit");
        Assert.Equal(HttpStatusCode.Redirect, (await _client.SubmitAsync(theirs, new Dictionary<string, string> { ["Form.Text"] = "Their text" })).Status);

        var result = await _client.SubmitAsync(mine, new Dictionary<string, string> { ["Form.Text"] = "My text" });
        Assert.Equal(HttpStatusCode.Conflict, result.Status);
        Assert.Equal(["Someone else saved this action while you were editing it"], result.Errors);
        using var scope = _factory.Services.CreateScope();
        Assert.Equal("Their text", (await scope.ServiceProvider.GetRequiredService<TrellisDbContext>().Actions.SingleAsync(a => a.Id == actionId)).Text);
    }

    [Fact]
    public async Task Post_Delete_RemovesAction()
    {
        var (planId, areaId, actionId) = await WithActionAsync();
        var confirm = await _client.GetAsync($"/plans/{planId}/actions/{actionId}/delete");
        var result = await _client.SubmitAsync(confirm, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, result.Status);
        var area = await _client.GetAsync($"/plans/{planId}/areas/{areaId}");
        Assert.Null(area.QuerySelector($"#action-{actionId}"));
    }

    [Fact]
    public async Task Get_ActionOfAnotherPlan_IsNotFound()
    {
        var (_, _, actionId) = await WithActionAsync();
        var (otherPlan, _) = await TestData.PlanWithAreaAsync(_factory, "Other");
        await _client.GetAsync($"/plans/{otherPlan}/actions/{actionId}/edit", HttpStatusCode.NotFound);
        await _client.GetAsync($"/plans/{otherPlan}/actions/{actionId}/delete", HttpStatusCode.NotFound);
    }

    private async Task<(int PlanId, int AreaId, int ActionId)> WithActionAsync()
    {
        var (planId, areaId) = await TestData.PlanWithAreaAsync(_factory);
        var form = await _client.GetAsync($"/plans/{planId}/areas/{areaId}/actions/new");
        var check = await _client.SubmitAsync(form, new Dictionary<string, string> { ["Form.Text"] = "Review the duty team", ["Form.Due"] = "31 st March 2027", ["Form.Owners"] = "SK" });
        var saved = await _client.SubmitAsync(check.Document, new Dictionary<string, string>());
        var actionId = int.Parse(saved.Location!.Split("#action-")[1], System.Globalization.CultureInfo.InvariantCulture);
        return (planId, areaId, actionId);
    }

    private async Task AssertNoActionsAsync()
    {
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
        Assert.False(await db.Actions.AnyAsync(a => a.Text == "Review the duty team" || a.Text == "Act"));
    }
}
