using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using Trellis.Core.Plans;
using Trellis.Web.Tests.Infrastructure;

namespace Trellis.Web.Tests.Pages.Milestones;

// These tests check that a typed date is echoed back and kept as written, not which date it is
// understood as: that is the due-date reader's business, tested with the reader.
public class MilestonesPagesTests : IDisposable
{
    private readonly TrellisWebFactory _factory = new();
    private readonly PageClient _client;

    public MilestonesPagesTests() => _client = new PageClient(_factory);

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Get_Add_ShowsTheActionAndForm()
    {
        var (planId, areaId, actionId, _) = await ActionWithMilestoneAsync();
        var page = await _client.GetAsync($"/plans/{planId}/actions/{actionId}/milestones/new");
        Assert.Equal("Action 1.1", page.QuerySelector(".govuk-caption-l")!.TextContent.Trim());
        Assert.Equal("Audit contacts at the front door", page.QuerySelector(".govuk-inset-text")!.TextContent.Trim());
        Assert.Equal($"/plans/{planId}/areas/{areaId}#action-{actionId}", page.QuerySelector(".govuk-back-link")!.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector("label[for='Form_Text']"));
        Assert.NotNull(page.QuerySelector("label[for='Form_Due']"));
        Assert.NotNull(page.QuerySelector("select#Form_Status"));
        Assert.Null(page.QuerySelector(".govuk-notification-banner"));
    }

    [Fact]
    public async Task Post_Add_ShowsTheDueDateBackThenSaves()
    {
        var (planId, areaId, actionId, _) = await ActionWithMilestoneAsync();
        var form = await _client.GetAsync($"/plans/{planId}/actions/{actionId}/milestones/new");
        var check = await _client.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Form.Text"] = "Dip sample of 20 strategy discussions",
            ["Form.Due"] = "End January 2027",
            ["Form.Status"] = "InProgress",
        });
        Assert.Equal(HttpStatusCode.OK, check.Status);
        Assert.Equal("Check before saving", check.Document.QuerySelector(".govuk-notification-banner__title")!.TextContent.Trim());
        Assert.Contains("‘End January 2027’", check.Document.QuerySelector("#understood-due")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("End January 2027", ((IHtmlInputElement)check.Document.QuerySelector("#Form_Due")!).Value);
        Assert.Equal("Save milestone", check.Document.QuerySelector("main form button")!.TextContent.Trim());

        var saved = await _client.SubmitAsync(check.Document, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal($"/plans/{planId}/areas/{areaId}#action-{actionId}", saved.Location);
        var area = await _client.GetAsync($"/plans/{planId}/areas/{areaId}");
        var row = area.QuerySelector($"#action-{actionId}")!;
        Assert.Contains("Dip sample of 20 strategy discussions", row.TextContent, StringComparison.Ordinal);

        var edit = row.QuerySelectorAll("a").Single(a => a.TextContent.Contains("milestone Dip sample", StringComparison.Ordinal)).GetAttribute("href")!;
        var reopened = await _client.GetAsync(edit);
        Assert.Equal("End January 2027", ((IHtmlInputElement)reopened.QuerySelector("#Form_Due")!).Value);
        Assert.Equal("InProgress", ((IHtmlSelectElement)reopened.QuerySelector("#Form_Status")!).Value);
    }

    [Fact]
    public async Task Post_Add_TextMissing_ShowsError()
    {
        var (planId, _, actionId, _) = await ActionWithMilestoneAsync();
        var form = await _client.GetAsync($"/plans/{planId}/actions/{actionId}/milestones/new");
        var result = await _client.SubmitAsync(form, new Dictionary<string, string> { ["Form.Text"] = " ", ["Form.Due"] = "March 2027" });
        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal(["Enter the milestone, for example Audit of 20 strategy discussions"], result.Errors);
        Assert.Null(result.Document.QuerySelector(".govuk-notification-banner"));
        Assert.Equal("March 2027", ((IHtmlInputElement)result.Document.QuerySelector("#Form_Due")!).Value);
    }

    [Fact]
    public async Task Post_Add_TextAndDueTooLong_ShowsErrors()
    {
        var (planId, _, actionId, _) = await ActionWithMilestoneAsync();
        var form = await _client.GetAsync($"/plans/{planId}/actions/{actionId}/milestones/new");
        var result = await _client.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Form.Text"] = new string('x', Milestone.TextMaxLength + 1),
            ["Form.Due"] = new string('9', Due.TextMaxLength + 1),
        });
        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal(["The milestone must be 2000 characters or fewer", "The target date must be 500 characters or fewer"], result.Errors);
    }

    [Fact]
    public async Task Get_Edit_ShowsMilestoneAndLinksToDelete()
    {
        var (planId, areaId, actionId, milestoneId) = await ActionWithMilestoneAsync();
        var page = await _client.GetAsync($"/plans/{planId}/milestones/{milestoneId}/edit");
        Assert.Equal("Edit milestone", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("Audit 20 contacts", ((IHtmlTextAreaElement)page.QuerySelector("#Form_Text")!).Value);
        Assert.Equal("January 2027", ((IHtmlInputElement)page.QuerySelector("#Form_Due")!).Value);
        Assert.Equal($"/plans/{planId}/areas/{areaId}#action-{actionId}", page.QuerySelector(".govuk-back-link")!.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector($"a[href='/plans/{planId}/milestones/{milestoneId}/delete']"));
    }

    [Fact]
    public async Task Post_Edit_DueUnchanged_SavesAtOnce()
    {
        var (planId, areaId, actionId, milestoneId) = await ActionWithMilestoneAsync();
        var form = await _client.GetAsync($"/plans/{planId}/milestones/{milestoneId}/edit");
        var result = await _client.SubmitAsync(form, new Dictionary<string, string> { ["Form.Text"] = "Audit 30 contacts", ["Form.Status"] = "Complete" });
        Assert.Equal(HttpStatusCode.Redirect, result.Status);
        Assert.Equal($"/plans/{planId}/areas/{areaId}#action-{actionId}", result.Location);
        var area = await _client.GetAsync($"/plans/{planId}/areas/{areaId}");
        var row = area.QuerySelector($"#action-{actionId}")!.TextContent;
        Assert.Contains("Audit 30 contacts", row, StringComparison.Ordinal);
        Assert.Contains("complete", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_Edit_DueChanged_ShowsItBackBeforeSaving()
    {
        var (planId, _, _, milestoneId) = await ActionWithMilestoneAsync();
        var form = await _client.GetAsync($"/plans/{planId}/milestones/{milestoneId}/edit");
        var check = await _client.SubmitAsync(form, new Dictionary<string, string> { ["Form.Due"] = "Q4 2026/27" });
        Assert.Equal(HttpStatusCode.OK, check.Status);
        Assert.Contains("‘Q4 2026/27’", check.Document.QuerySelector("#understood-due")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Save changes", check.Document.QuerySelector("main form button")!.TextContent.Trim());

        var saved = await _client.SubmitAsync(check.Document, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var reopened = await _client.GetAsync($"/plans/{planId}/milestones/{milestoneId}/edit");
        Assert.Equal("Q4 2026/27", ((IHtmlInputElement)reopened.QuerySelector("#Form_Due")!).Value);
    }

    [Fact]
    public async Task Post_Edit_TextMissing_ShowsError()
    {
        var (planId, _, _, milestoneId) = await ActionWithMilestoneAsync();
        var form = await _client.GetAsync($"/plans/{planId}/milestones/{milestoneId}/edit");
        var result = await _client.SubmitAsync(form, new Dictionary<string, string> { ["Form.Text"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal(["Enter the milestone, for example Audit of 20 strategy discussions"], result.Errors);
        Assert.Equal("Action 1.1", result.Document.QuerySelector(".govuk-caption-l")!.TextContent.Trim());
    }

    [Fact]
    public async Task Get_Delete_ShowsTheMilestone()
    {
        var (planId, _, _, milestoneId) = await ActionWithMilestoneAsync();
        var page = await _client.GetAsync($"/plans/{planId}/milestones/{milestoneId}/delete");
        Assert.Equal("Are you sure you want to delete this milestone?", page.QuerySelector("h1")!.TextContent.Trim());
        var details = page.QuerySelector(".govuk-summary-list")!.TextContent;
        Assert.Contains("Audit 20 contacts", details, StringComparison.Ordinal);
        Assert.Contains("January 2027", details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_Delete_RemovesMilestone()
    {
        var (planId, areaId, actionId, milestoneId) = await ActionWithMilestoneAsync();
        var confirm = await _client.GetAsync($"/plans/{planId}/milestones/{milestoneId}/delete");
        var result = await _client.SubmitAsync(confirm, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, result.Status);
        Assert.Equal($"/plans/{planId}/areas/{areaId}#action-{actionId}", result.Location);
        var area = await _client.GetAsync($"/plans/{planId}/areas/{areaId}");
        Assert.DoesNotContain("Audit 20 contacts", area.QuerySelector($"#action-{actionId}")!.TextContent, StringComparison.Ordinal);
        await _client.GetAsync($"/plans/{planId}/milestones/{milestoneId}/edit", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Get_UnknownActionOrMilestone_IsNotFound()
    {
        var (planId, _, actionId, milestoneId) = await ActionWithMilestoneAsync();
        await _client.GetAsync($"/plans/{planId}/actions/999999/milestones/new", HttpStatusCode.NotFound);
        await _client.GetAsync($"/plans/{planId}/milestones/999999/edit", HttpStatusCode.NotFound);
        await _client.GetAsync($"/plans/{planId}/milestones/999999/delete", HttpStatusCode.NotFound);
        var (otherPlanId, _) = await TestData.PlanWithAreaAsync(_factory, "Another plan");
        await _client.GetAsync($"/plans/{otherPlanId}/actions/{actionId}/milestones/new", HttpStatusCode.NotFound);
        await _client.GetAsync($"/plans/{otherPlanId}/milestones/{milestoneId}/edit", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AnotherOrganisationsMilestone_IsNotFound()
    {
        var (planId, _, actionId, milestoneId) = await ActionWithMilestoneAsync();
        var (theirPlanId, theirActionId, theirMilestoneId) = await AnotherOrganisationsMilestoneAsync();
        await _client.GetAsync($"/plans/{theirPlanId}/actions/{theirActionId}/milestones/new", HttpStatusCode.NotFound);
        await _client.GetAsync($"/plans/{theirPlanId}/milestones/{theirMilestoneId}/edit", HttpStatusCode.NotFound);
        await _client.GetAsync($"/plans/{theirPlanId}/milestones/{theirMilestoneId}/delete", HttpStatusCode.NotFound);

        // Our own forms, with valid antiforgery tokens, posted at their milestone.
        var add = await _client.GetAsync($"/plans/{planId}/actions/{actionId}/milestones/new");
        var fields = new Dictionary<string, string> { ["Form.Text"] = "Taken over", ["Form.Due"] = "", ["Form.CheckedDue"] = "" };
        var posted = await _client.SubmitAsync(add, fields, action: $"http://localhost/plans/{theirPlanId}/actions/{theirActionId}/milestones/new");
        Assert.Equal(HttpStatusCode.NotFound, posted.Status);
        posted = await _client.SubmitAsync(add, fields, action: $"http://localhost/plans/{theirPlanId}/milestones/{theirMilestoneId}/edit");
        Assert.Equal(HttpStatusCode.NotFound, posted.Status);
        var delete = await _client.GetAsync($"/plans/{planId}/milestones/{milestoneId}/delete");
        posted = await _client.SubmitAsync(delete, new Dictionary<string, string>(), action: $"http://localhost/plans/{theirPlanId}/milestones/{theirMilestoneId}/delete");
        Assert.Equal(HttpStatusCode.NotFound, posted.Status);
    }

    private async Task<(int PlanId, int AreaId, int ActionId, int MilestoneId)> ActionWithMilestoneAsync()
    {
        var (planId, areaId) = await TestData.PlanWithAreaAsync(_factory);
        var organisationId = await TestData.OrganisationIdAsync(_factory);
        var (actionId, milestoneId) = await AddActionWithMilestoneAsync(organisationId, areaId);
        return (planId, areaId, actionId, milestoneId);
    }

    private async Task<(int PlanId, int ActionId, int MilestoneId)> AnotherOrganisationsMilestoneAsync()
    {
        var otherId = await TestData.AnotherOrganisationAsync(_factory);
        using var scope = _factory.Services.CreateScope();
        var plans = scope.ServiceProvider.GetRequiredService<PlanService>();
        var plan = await plans.CreatePlanAsync(otherId, new PlanInput("Their plan", PlanStatus.Live, MonitoringCadence.Quarterly, null, null, true, []));
        var area = await plans.CreateAreaAsync(otherId, plan.Id, new AreaInput("1", "Their area", null, null, null, null, null, [], [], [], [], [], null));
        var (actionId, milestoneId) = await AddActionWithMilestoneAsync(otherId, area!.Id);
        return (plan.Id, actionId, milestoneId);
    }

    private async Task<(int ActionId, int MilestoneId)> AddActionWithMilestoneAsync(int organisationId, int areaId)
    {
        using var scope = _factory.Services.CreateScope();
        var plans = scope.ServiceProvider.GetRequiredService<PlanService>();
        var action = await plans.CreateActionAsync(organisationId, areaId,
            new ActionInput("1.1", "Audit contacts at the front door", "March 2027", "SK", ActionStatus.InProgress, "A", null));
        var milestone = await plans.CreateMilestoneAsync(organisationId, action!.Id, new MilestoneInput("Audit 20 contacts", "January 2027", null));
        return (action.Id, milestone!.Id);
    }
}
