using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trellis.Core.Data;
using Trellis.Core.Plans;
using Trellis.Core.Rounds;
using Trellis.Web.Tests.Infrastructure;

namespace Trellis.Web.Tests.Pages.Rounds;

/// <summary>The round pages over HTTP, at 22 November 2026 (financial quarter 2026/27 Q3).</summary>
public class RoundsPagesTests : IDisposable
{
    private readonly TrellisWebFactory _factory = new();
    private readonly PageClient _client;

    public RoundsPagesTests() => _client = new PageClient(_factory);

    public void Dispose()
    {
        _factory.Dispose();
        GC.SuppressFinalize(this);
    }

    private sealed record Seeded(int PlanId, int AreaId, int OverdueId, int LaterId);

    private async Task<Seeded> SeedAsync()
    {
        var (planId, areaId) = await TestData.PlanWithAreaAsync(_factory);
        var orgId = await TestData.OrganisationIdAsync(_factory);
        using var scope = _factory.Services.CreateScope();
        var plans = scope.ServiceProvider.GetRequiredService<PlanService>();
        var overdue = await plans.CreateActionAsync(orgId, areaId, new ActionInput("1.1", "Audit the duty team's cases", "1 November 2026", "SK", ActionStatus.InProgress, "G", null));
        var later = await plans.CreateActionAsync(orgId, areaId, new ActionInput("1.2", "Train the MASH staff", "31 March 2027", "JS", ActionStatus.NotStarted, null, null));
        return new Seeded(planId, areaId, overdue!.Id, later!.Id);
    }

    private async Task<int> OpenRoundAsync(int planId)
    {
        var form = await _client.GetAsync($"/plans/{planId}/rounds/open");
        var result = await _client.SubmitAsync(form, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, result.Status);
        return int.Parse(result.Location!.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task CloseDirectlyAsync(int roundId)
    {
        // Closing through the service needs the report builder; these tests only need a closed round.
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
        var round = await db.Rounds.SingleAsync(r => r.Id == roundId);
        round.Status = RoundStatus.Closed;
        round.ClosedAt = _factory.Clock.GetUtcNow();
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Get_List_NoRounds_OffersToOpenOne_AndThePlanLinksHere()
    {
        var s = await SeedAsync();
        var plan = await _client.GetAsync($"/plans/{s.PlanId}");
        Assert.NotNull(plan.QuerySelector($"a[href='/plans/{s.PlanId}/rounds']"));
        var page = await _client.GetAsync($"/plans/{s.PlanId}/rounds");
        Assert.Contains("No rounds yet.", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"a[href='/plans/{s.PlanId}/rounds/open']"));
    }

    [Fact]
    public async Task Post_Open_PrefilledWithTheQuarter_OpensIt()
    {
        var s = await SeedAsync();
        var form = await _client.GetAsync($"/plans/{s.PlanId}/rounds/open");
        Assert.Equal("2026/27 Q3", form.QuerySelector("#Form_Name")!.GetAttribute("value"));
        Assert.Equal("1 October 2026", form.QuerySelector("#Form_PeriodStart")!.GetAttribute("value"));
        Assert.Equal("31 December 2026", form.QuerySelector("#Form_PeriodEnd")!.GetAttribute("value"));
        var roundId = await OpenRoundAsync(s.PlanId);

        var list = await _client.GetAsync($"/plans/{s.PlanId}/rounds");
        var row = list.QuerySelector("tbody tr")!.TextContent;
        Assert.Contains("2026/27 Q3", row, StringComparison.Ordinal);
        Assert.Contains("Open", row, StringComparison.Ordinal);
        Assert.Contains("0 of 2", row, StringComparison.Ordinal);
        Assert.Null(list.QuerySelector($"a[href='/plans/{s.PlanId}/rounds/open']"));
        Assert.Equal("0 of 2", (await _client.GetAsync($"/rounds/{roundId}")).QuerySelector("#updates-received")!.TextContent.Trim());
    }

    [Fact]
    public async Task Post_Open_EndBeforeStart_AndAnotherOpen_ShowsErrors()
    {
        var s = await SeedAsync();
        await OpenRoundAsync(s.PlanId);
        var form = await _client.GetAsync($"/plans/{s.PlanId}/rounds/open");
        var result = await _client.SubmitAsync(form, new Dictionary<string, string> { ["Form.Name"] = "Extra", ["Form.PeriodEnd"] = "1 September 2026" });
        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Contains("The end of the period must be on or after its start", result.Errors);
        Assert.Contains("Round 2026/27 Q3 is still open: close it before opening another", result.Errors);

        var blank = await _client.SubmitAsync(form, new Dictionary<string, string> { ["Form.Name"] = "", ["Form.PeriodStart"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, blank.Status);
        Assert.Contains("Enter the start of the period, for example 1 April 2026", blank.Errors);
        Assert.Contains("Enter a name for the round, for example 2026/27 Q3", blank.Errors);
    }

    [Fact]
    public async Task Post_UpdateAction_RatingDiffersFromSuggestion_NeedsAReason()
    {
        var s = await SeedAsync();
        var roundId = await OpenRoundAsync(s.PlanId);
        var form = await _client.GetAsync($"/rounds/{roundId}/actions/{s.OverdueId}");
        Assert.Contains("Suggested rating: Red", form.QuerySelector("#suggestion")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Due 1 November 2026 and not complete", form.QuerySelector("#suggestion")!.TextContent, StringComparison.Ordinal);

        var refused = await _client.SubmitAsync(form, new Dictionary<string, string> { ["Form.RagCode"] = "A", ["Form.Note"] = "Half the audits done" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal(["Explain why the rating differs from the suggested Red"], refused.Errors);

        var saved = await _client.SubmitAsync(refused.Document, new Dictionary<string, string> { ["Form.RagCode"] = "A", ["Form.RagReason"] = "The board agreed a new date" });
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal($"/rounds/{roundId}#area-{s.AreaId}", saved.Location);

        var dashboard = await _client.GetAsync($"/rounds/{roundId}");
        var row = dashboard.QuerySelector($"#action-{s.OverdueId}")!.TextContent;
        Assert.Contains("Amber", row, StringComparison.Ordinal);
        Assert.Contains("Differs from the suggested Red: The board agreed a new date", row, StringComparison.Ordinal);
        Assert.Contains("Half the audits done", row, StringComparison.Ordinal);
        Assert.Contains("Awaiting update", dashboard.QuerySelector($"#action-{s.LaterId}")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("1 of 2", dashboard.QuerySelector("#updates-received")!.TextContent.Trim());

        var area = await _client.GetAsync($"/plans/{s.PlanId}/areas/{s.AreaId}");
        Assert.Equal("Amber", area.QuerySelector($"#action-{s.OverdueId} .trellis-rag")!.TextContent.Trim());
    }

    [Fact]
    public async Task Get_Dashboard_FiltersAndAsksOwnersForUpdates()
    {
        var s = await SeedAsync();
        var roundId = await OpenRoundAsync(s.PlanId);
        var overdue = await _client.GetAsync($"/rounds/{roundId}?show=overdue");
        Assert.NotNull(overdue.QuerySelector($"#action-{s.OverdueId}"));
        Assert.Null(overdue.QuerySelector($"#action-{s.LaterId}"));
        Assert.NotNull(overdue.QuerySelector("#show-overdue[checked]"));

        var all = await _client.GetAsync($"/rounds/{roundId}");
        var ask = all.QuerySelectorAll("#ask-owners + p + ul li").Select(li => li.TextContent).ToList();
        Assert.Equal(2, ask.Count);
        var mailto = all.QuerySelectorAll("a[href^='mailto:']").Select(a => Uri.UnescapeDataString(a.GetAttribute("href")!)).ToList();
        Assert.Contains(mailto, m => m.Contains("1.1 (area 1): Audit the duty team's cases (due 1 November 2026)", StringComparison.Ordinal)
            && m.Contains("by 14 January 2027", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Post_RateArea_SavesBothRatingsAndCommentary()
    {
        var s = await SeedAsync();
        var roundId = await OpenRoundAsync(s.PlanId);
        var form = await _client.GetAsync($"/rounds/{roundId}/areas/{s.AreaId}");
        Assert.Equal(4 + 1, form.QuerySelectorAll("input[name='Form.ProgressRag']").Length);
        var result = await _client.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Form.ProgressRag"] = "G",
            ["Form.ImpactRag"] = "A",
            ["Form.Commentary"] = "- Contacts decided within a day: 93%",
            ["Form.FurtherActions"] = "Audit **weekend** cover",
        });
        Assert.Equal(HttpStatusCode.Redirect, result.Status);
        var dashboard = await _client.GetAsync($"/rounds/{roundId}");
        var line = dashboard.QuerySelector($"#area-{s.AreaId} + p")!.TextContent;
        Assert.Contains("progress Green", line, StringComparison.Ordinal);
        Assert.Contains("impact Amber", line, StringComparison.Ordinal);
        var area = await _client.GetAsync($"/plans/{s.PlanId}/areas/{s.AreaId}");
        Assert.Contains("2026/27 Q3", area.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Overall progress: Green", area.QuerySelector("main p")!.TextContent.Replace("\n", " ", StringComparison.Ordinal).Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Close_ListsWhatIsMissing()
    {
        var s = await SeedAsync();
        var roundId = await OpenRoundAsync(s.PlanId);
        var page = await _client.GetAsync($"/rounds/{roundId}/close");
        Assert.Equal(2, page.QuerySelectorAll("#actions-missing li").Length);
        Assert.Equal(["1. Improve the front door"], page.QuerySelectorAll("#areas-missing li").Select(li => li.TextContent.Trim()));
        Assert.Contains("Closing freezes", page.QuerySelector(".govuk-warning-text")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClosedRound_FormsAnswerWithAMessage_NotACrash()
    {
        var s = await SeedAsync();
        var roundId = await OpenRoundAsync(s.PlanId);
        var form = await _client.GetAsync($"/rounds/{roundId}/actions/{s.OverdueId}");
        var areaForm = await _client.GetAsync($"/rounds/{roundId}/areas/{s.AreaId}");
        await CloseDirectlyAsync(roundId);

        var refused = await _client.SubmitAsync(form, new Dictionary<string, string> { ["Form.RagCode"] = "R" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal(["This round is closed, so its updates can no longer be changed"], refused.Errors);
        var refusedArea = await _client.SubmitAsync(areaForm, new Dictionary<string, string> { ["Form.ProgressRag"] = "R" });
        Assert.Equal(["This round is closed, so its ratings can no longer be changed"], refusedArea.Errors);

        var dashboard = await _client.GetAsync($"/rounds/{roundId}");
        Assert.NotNull(dashboard.QuerySelector("#closed-message"));
        Assert.Empty(dashboard.QuerySelectorAll($"a[href^='/rounds/{roundId}/actions/']"));
        Assert.Null(dashboard.QuerySelector($"a[href='/rounds/{roundId}/close']"));
        Assert.NotNull((await _client.GetAsync($"/rounds/{roundId}/actions/{s.OverdueId}")).QuerySelector("#closed-message"));
    }

    [Fact]
    public async Task AnotherCouncilsRound_IsNotFound()
    {
        var s = await SeedAsync();
        var roundId = await OpenRoundAsync(s.PlanId);
        var other = await TestData.AnotherOrganisationAsync(_factory);
        using (var scope = _factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
            var plan = await db.Plans.SingleAsync(p => p.Id == s.PlanId);
            plan.OrganisationId = other;
            await db.SaveChangesAsync();
        }

        await _client.GetAsync($"/rounds/{roundId}", HttpStatusCode.NotFound);
        await _client.GetAsync($"/rounds/{roundId}/actions/{s.OverdueId}", HttpStatusCode.NotFound);
        await _client.GetAsync($"/plans/{s.PlanId}/rounds", HttpStatusCode.NotFound);
        await _client.GetAsync($"/plans/{s.PlanId}/rounds/changes", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Get_PlanAndArea_ShowTheRollUp()
    {
        var s = await SeedAsync();
        var plan = await _client.GetAsync($"/plans/{s.PlanId}");
        var sentence = plan.QuerySelector(".trellis-rollup__sentence")!.TextContent;
        Assert.Equal("Of 2 actions, 1 (50%) is rated Green (on track, or completed) and 1 (50%) not rated. 2 are due this year and 1 is overdue.", sentence);
        var area = await _client.GetAsync($"/plans/{s.PlanId}/areas/{s.AreaId}");
        Assert.NotNull(area.QuerySelector(".trellis-rollup"));
    }

    [Fact]
    public async Task Post_Close_FreezesTheRound_AndTheListShowsItClosed()
    {
        var s = await SeedAsync();
        var roundId = await OpenRoundAsync(s.PlanId);
        var confirm = await _client.GetAsync($"/rounds/{roundId}/close");
        var result = await _client.SubmitAsync(confirm, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, result.Status);
        Assert.Equal($"/rounds/{roundId}", result.Location);
        Assert.NotNull((await _client.GetAsync($"/rounds/{roundId}")).QuerySelector("#closed-message"));
        Assert.Contains("Closed", (await _client.GetAsync($"/plans/{s.PlanId}/rounds")).QuerySelector("tbody tr")!.TextContent, StringComparison.Ordinal);

        var again = await _client.SubmitAsync(confirm, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.BadRequest, again.Status);
        Assert.Equal(["This round is already closed"], again.Errors);
    }

    [Fact]
    public async Task Post_Close_AfterSomeoneSavedAnUpdate_IsAConflict()
    {
        var s = await SeedAsync();
        var roundId = await OpenRoundAsync(s.PlanId);
        var confirm = await _client.GetAsync($"/rounds/{roundId}/close");
        var form = await _client.GetAsync($"/rounds/{roundId}/actions/{s.OverdueId}");
        await _client.SubmitAsync(form, new Dictionary<string, string> { ["Form.RagCode"] = "R" });
        var result = await _client.SubmitAsync(confirm, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Conflict, result.Status);
        Assert.Single(result.Errors);
    }

    [Fact]
    public async Task Get_Changes_BetweenAClosedRoundAndTheOpenOne()
    {
        var s = await SeedAsync();
        var first = await OpenRoundAsync(s.PlanId);
        var update = await _client.GetAsync($"/rounds/{first}/actions/{s.OverdueId}");
        Assert.Equal(HttpStatusCode.Redirect, (await _client.SubmitAsync(update, new Dictionary<string, string> { ["Form.RagCode"] = "R" })).Status);
        await _client.SubmitAsync(await _client.GetAsync($"/rounds/{first}/close"), new Dictionary<string, string>());
        var second = await OpenRoundAsync(s.PlanId);
        var next = await _client.GetAsync($"/rounds/{second}/actions/{s.OverdueId}");
        var saved = await _client.SubmitAsync(next, new Dictionary<string, string> { ["Form.RagCode"] = "A", ["Form.RagReason"] = "New date agreed" });
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);

        var page = await _client.GetAsync($"/plans/{s.PlanId}/rounds/changes");
        Assert.Contains("From 2026/27 Q3 to 2026/27 Q4", page.QuerySelector("main h2")!.TextContent, StringComparison.Ordinal);
        var up = page.QuerySelectorAll("#change-counts tr").Single(r => r.TextContent.Contains("Rating up", StringComparison.Ordinal));
        Assert.Contains("1", up.QuerySelector("td")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(page.QuerySelectorAll("main li").Select(li => li.TextContent), t => t.Contains("Action 1.1", StringComparison.Ordinal) && t.Contains("Red to Amber", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Post_EditPlan_DueSoonDays_ChangesWhenAmberIsSuggested()
    {
        var s = await SeedAsync();
        var roundId = await OpenRoundAsync(s.PlanId);
        var before = await _client.GetAsync($"/rounds/{roundId}/actions/{s.LaterId}");
        Assert.Contains("suggest no rating", before.QuerySelector("#suggestion")!.TextContent, StringComparison.Ordinal);

        var form = await _client.GetAsync($"/plans/{s.PlanId}/edit");
        Assert.Equal("14", form.QuerySelector("#Form_DueSoonDays")!.GetAttribute("value"));
        var bad = await _client.SubmitAsync(form, new Dictionary<string, string> { ["Form.DueSoonDays"] = "two weeks" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Equal(["The number of days must be a whole number from 0 to 365"], bad.Errors);
        var saved = await _client.SubmitAsync(form, new Dictionary<string, string> { ["Form.DueSoonDays"] = "200" });
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);

        var after = await _client.GetAsync($"/rounds/{roundId}/actions/{s.LaterId}");
        Assert.Contains("Due 31 March 2027 and not started: the plan's rules suggest Amber", after.QuerySelector("#suggestion")!.TextContent, StringComparison.Ordinal);
    }
}
