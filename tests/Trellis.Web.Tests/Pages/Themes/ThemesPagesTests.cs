using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using Trellis.Core.Plans;
using Trellis.Web.Tests.Infrastructure;

namespace Trellis.Web.Tests.Pages.Themes;

public class ThemesPagesTests : IDisposable
{
    private readonly TrellisWebFactory _factory = new();
    private readonly PageClient _client;

    public ThemesPagesTests() => _client = new PageClient(_factory);

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Get_Add_ShowsFormForThePlan()
    {
        var (planId, _) = await TestData.PlanWithAreaAsync(_factory);
        var page = await _client.GetAsync($"/plans/{planId}/themes/new");
        Assert.Equal("Add a theme", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("Test plan", page.QuerySelector(".govuk-caption-l")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("label[for='Form_Key']"));
        Assert.NotNull(page.QuerySelector("label[for='Form_Title']"));
        Assert.Equal($"/plans/{planId}#areas", page.QuerySelector(".govuk-back-link")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Post_Add_CreatesThemeAndRedirectsToPlan()
    {
        var (planId, _) = await TestData.PlanWithAreaAsync(_factory);
        var form = await _client.GetAsync($"/plans/{planId}/themes/new");
        var result = await _client.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Form.Key"] = " B ",
            ["Form.Title"] = "Children looked after",
        });
        Assert.Equal(HttpStatusCode.Redirect, result.Status);
        Assert.Equal($"/plans/{planId}#areas", result.Location);
        var overview = await _client.GetAsync($"/plans/{planId}");
        Assert.Contains(overview.QuerySelectorAll("h3"), h => h.TextContent.Trim().StartsWith("B. Children looked after", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Post_Add_KeyAndTitleMissing_ShowsErrors()
    {
        var (planId, _) = await TestData.PlanWithAreaAsync(_factory);
        var form = await _client.GetAsync($"/plans/{planId}/themes/new");
        var result = await _client.SubmitAsync(form, new Dictionary<string, string> { ["Form.Key"] = "", ["Form.Title"] = " " });
        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal(["Enter the theme's key, for example A", "Enter the theme's title, for example Early help and protection"], result.Errors);
        Assert.NotNull(result.Document.QuerySelector("#Form_Key.govuk-input--error"));
    }

    [Fact]
    public async Task Post_Add_KeyTooLong_ShowsError()
    {
        var (planId, _) = await TestData.PlanWithAreaAsync(_factory);
        var form = await _client.GetAsync($"/plans/{planId}/themes/new");
        var result = await _client.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Form.Key"] = new string('A', Theme.KeyMaxLength + 1),
            ["Form.Title"] = "Children looked after",
        });
        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal(["The key must be 20 characters or fewer"], result.Errors);
        Assert.Equal("Children looked after", ((IHtmlInputElement)result.Document.QuerySelector("#Form_Title")!).Value);
    }

    [Fact]
    public async Task Get_Edit_ShowsThemeAndLinksToDelete()
    {
        var (planId, themeId) = await PlanWithThemeAsync();
        var page = await _client.GetAsync($"/plans/{planId}/themes/{themeId}/edit");
        Assert.Equal("A", ((IHtmlInputElement)page.QuerySelector("#Form_Key")!).Value);
        Assert.Equal("Early help and protection", ((IHtmlInputElement)page.QuerySelector("#Form_Title")!).Value);
        Assert.NotNull(page.QuerySelector($"a[href='/plans/{planId}/themes/{themeId}/delete']"));
    }

    [Fact]
    public async Task Post_Edit_ChangesTitle()
    {
        var (planId, themeId) = await PlanWithThemeAsync();
        var form = await _client.GetAsync($"/plans/{planId}/themes/{themeId}/edit");
        var result = await _client.SubmitAsync(form, new Dictionary<string, string> { ["Form.Title"] = "Early help" });
        Assert.Equal(HttpStatusCode.Redirect, result.Status);
        Assert.Equal($"/plans/{planId}#areas", result.Location);
        var overview = await _client.GetAsync($"/plans/{planId}");
        var heading = overview.QuerySelectorAll("h3").Single(h => h.QuerySelector($"a[href='/plans/{planId}/themes/{themeId}/edit']") is not null);
        Assert.StartsWith("A. Early help", heading.TextContent.Trim(), StringComparison.Ordinal);
        Assert.DoesNotContain("protection", heading.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_Edit_TitleMissing_ShowsError()
    {
        var (planId, themeId) = await PlanWithThemeAsync();
        var form = await _client.GetAsync($"/plans/{planId}/themes/{themeId}/edit");
        var result = await _client.SubmitAsync(form, new Dictionary<string, string> { ["Form.Title"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal(["Enter the theme's title, for example Early help and protection"], result.Errors);
        Assert.Equal("Test plan", result.Document.QuerySelector(".govuk-caption-l")!.TextContent.Trim());
    }

    [Fact]
    public async Task Get_Delete_SaysItsAreasStayInThePlan()
    {
        var (planId, themeId) = await PlanWithThemeAsync();
        var page = await _client.GetAsync($"/plans/{planId}/themes/{themeId}/delete");
        Assert.Contains("‘A. Early help and protection’", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Its 1 area stays in the plan", page.QuerySelector(".govuk-inset-text")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_Delete_RemovesThemeAndKeepsItsAreas()
    {
        var (planId, themeId) = await PlanWithThemeAsync();
        var confirm = await _client.GetAsync($"/plans/{planId}/themes/{themeId}/delete");
        var result = await _client.SubmitAsync(confirm, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, result.Status);
        Assert.Equal($"/plans/{planId}#areas", result.Location);
        var overview = await _client.GetAsync($"/plans/{planId}");
        Assert.DoesNotContain(overview.QuerySelectorAll("h3"), h => h.TextContent.Contains("Early help and protection", StringComparison.Ordinal));
        Assert.Contains("Strengthen early help", overview.QuerySelector("#areas ~ table")!.TextContent, StringComparison.Ordinal);
        await _client.GetAsync($"/plans/{planId}/themes/{themeId}/edit", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Get_UnknownPlanOrTheme_IsNotFound()
    {
        var (planId, themeId) = await PlanWithThemeAsync();
        await _client.GetAsync("/plans/999999/themes/new", HttpStatusCode.NotFound);
        await _client.GetAsync($"/plans/{planId}/themes/999999/edit", HttpStatusCode.NotFound);
        await _client.GetAsync($"/plans/{planId}/themes/999999/delete", HttpStatusCode.NotFound);
        var (otherPlanId, _) = await TestData.PlanWithAreaAsync(_factory, "Another plan");
        await _client.GetAsync($"/plans/{otherPlanId}/themes/{themeId}/edit", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AnotherOrganisationsTheme_IsNotFound()
    {
        var (planId, themeId) = await PlanWithThemeAsync();
        var (theirPlanId, theirThemeId) = await AnotherOrganisationsThemeAsync();
        await _client.GetAsync($"/plans/{theirPlanId}/themes/new", HttpStatusCode.NotFound);
        await _client.GetAsync($"/plans/{theirPlanId}/themes/{theirThemeId}/edit", HttpStatusCode.NotFound);
        await _client.GetAsync($"/plans/{theirPlanId}/themes/{theirThemeId}/delete", HttpStatusCode.NotFound);

        // Our own forms, with valid antiforgery tokens, posted at their theme.
        var edit = await _client.GetAsync($"/plans/{planId}/themes/{themeId}/edit");
        var posted = await _client.SubmitAsync(edit, new Dictionary<string, string>(), action: $"http://localhost/plans/{theirPlanId}/themes/{theirThemeId}/edit");
        Assert.Equal(HttpStatusCode.NotFound, posted.Status);
        var delete = await _client.GetAsync($"/plans/{planId}/themes/{themeId}/delete");
        posted = await _client.SubmitAsync(delete, new Dictionary<string, string>(), action: $"http://localhost/plans/{theirPlanId}/themes/{theirThemeId}/delete");
        Assert.Equal(HttpStatusCode.NotFound, posted.Status);
        posted = await _client.SubmitAsync(edit, new Dictionary<string, string>(), action: $"http://localhost/plans/{theirPlanId}/themes/new");
        Assert.Equal(HttpStatusCode.NotFound, posted.Status);
    }

    private async Task<(int PlanId, int ThemeId)> PlanWithThemeAsync()
    {
        var (planId, _) = await TestData.PlanWithAreaAsync(_factory);
        var organisationId = await TestData.OrganisationIdAsync(_factory);
        return (planId, await AddThemeWithAreaAsync(organisationId, planId));
    }

    private async Task<(int PlanId, int ThemeId)> AnotherOrganisationsThemeAsync()
    {
        var otherId = await TestData.AnotherOrganisationAsync(_factory);
        using var scope = _factory.Services.CreateScope();
        var plan = await scope.ServiceProvider.GetRequiredService<PlanService>()
            .CreatePlanAsync(otherId, new PlanInput("Their plan", PlanStatus.Live, MonitoringCadence.Quarterly, null, null, true, []));
        return (plan.Id, await AddThemeWithAreaAsync(otherId, plan.Id));
    }

    private async Task<int> AddThemeWithAreaAsync(int organisationId, int planId)
    {
        using var scope = _factory.Services.CreateScope();
        var plans = scope.ServiceProvider.GetRequiredService<PlanService>();
        var theme = await plans.CreateThemeAsync(organisationId, planId, new ThemeInput("A", "Early help and protection"));
        await plans.CreateAreaAsync(organisationId, planId, new AreaInput("2", "Strengthen early help", theme!.Id, null, null, null, null, [], [], [], [], [], null));
        return theme.Id;
    }
}
