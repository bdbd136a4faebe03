using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trellis.Core.Data;
using Trellis.Core.Indicators;
using Trellis.Core.Plans;
using Trellis.Testing;
using Trellis.Web.Tests.Infrastructure;

namespace Trellis.Web.Tests.Pages.History;

public sealed class HistoryPagesTests : IDisposable
{
    private readonly TrellisWebFactory _factory = new();
    private readonly PageClient _client;

    public HistoryPagesTests() => _client = new PageClient(_factory);

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Get_ActionHistory_AfterAnEdit_ShowsTheChangeInWordsNewestFirst()
    {
        var (planId, _, actionId) = await WithActionAsync(_factory, _client);
        var form = await _client.GetAsync($"/plans/{planId}/actions/{actionId}/edit");
        Assert.Equal(HttpStatusCode.Redirect, (await _client.SubmitAsync(form, new Dictionary<string, string> { ["Form.Status"] = "Complete", ["Form.RagCode"] = "B" })).Status);

        var page = await _client.GetAsync($"/plans/{planId}/actions/{actionId}/history");
        var rows = page.QuerySelectorAll("#history tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => Squash(c.TextContent)).ToList()).ToList();
        var changed = rows.FindIndex(r => r[2] == "Changed: Action");
        // The change is recorded as the signed-in person's (the tests act as the demo council's administrator).
        Assert.Equal(["22 November 2026 at 10:00", "Rebecca Adeyemi"], rows[changed][..2]);
        Assert.Contains("Status: (blank) → Complete", rows[changed][3], StringComparison.Ordinal);
        Assert.Contains("RAG rating: (blank) → B", rows[changed][3], StringComparison.Ordinal);
        // Saving the form replaces the owners, so the same save deletes and adds an owner.
        Assert.Contains(rows, r => r[2] == "Deleted: Action owner");
        Assert.Contains(rows, r => r[2] == "Added: Action owner");
        var addedIndex = rows.FindIndex(r => r[2] == "Added: Action: 1.1");
        Assert.True(changed < addedIndex, "newest first");
        var added = rows[addedIndex];
        Assert.Contains("Action: Review the duty team", added[3], StringComparison.Ordinal);
        Assert.Contains("Due date: 31 March 2027", added[3], StringComparison.Ordinal);
        Assert.Equal("Back to the action", page.QuerySelector(".govuk-back-link")!.TextContent);
    }

    [Fact]
    public async Task Get_PlanHistory_ListsItsAreasAndActions_AndDownloadsTheSameAsCsv()
    {
        var (planId, _, _) = await WithActionAsync(_factory, _client);
        var page = await _client.GetAsync($"/plans/{planId}/history");
        var whats = page.QuerySelectorAll("#history tbody tr td:nth-child(3)").Select(c => Squash(c.TextContent)).ToList();
        AssertAnyRow(whats, "Added: Plan: Test plan");
        Assert.Contains("Added: Area: 1", whats);
        Assert.Contains("Added: Action: 1.1", whats);
        Assert.Contains($"{whats.Count} changes", page.QuerySelector("caption")!.TextContent, StringComparison.Ordinal);

        var link = page.QuerySelectorAll("a").Single(a => a.TextContent == "Download history (CSV)").GetAttribute("href")!;
        var response = await _client.Http.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"plan-{planId}-history.csv", response.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(whats.Count + 1, lines.Length);
        Assert.All(lines.Skip(1), l => Assert.Contains($",{planId},", l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_AreaAndIndicatorHistory_ShowTheirOwnChanges()
    {
        var (planId, areaId, _) = await WithActionAsync(_factory, _client);
        int indicatorId;
        using (var scope = _factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
            var indicator = new Indicator { PlanId = planId, Key = "h1", Name = "Re-referrals" };
            db.Indicators.Add(indicator);
            await db.SaveChangesAsync();
            indicator.Name = "Re-referrals within 12 months";
            (await db.Areas.SingleAsync(a => a.Id == areaId)).Title = "Improve the front door quickly";
            await db.SaveChangesAsync();
            indicatorId = indicator.Id;
        }

        var area = await _client.GetAsync($"/plans/{planId}/areas/{areaId}/history");
        var areaRows = area.QuerySelectorAll("#history tbody tr").Select(r => Squash(r.TextContent)).ToList();
        AssertAnyRow(areaRows, "Area for improvement: Improve the front door → Improve the front door quickly");
        Assert.Contains(areaRows, r => r.Contains("Added: Action", StringComparison.Ordinal));
        Assert.DoesNotContain(areaRows, r => r.Contains("Re-referrals", StringComparison.Ordinal));

        var indicatorPage = await _client.GetAsync($"/indicators/{indicatorId}/history");
        Assert.Equal("Re-referrals within 12 months", Squash(indicatorPage.QuerySelector("h1")!.TextContent));
        var indicatorRows = indicatorPage.QuerySelectorAll("#history tbody tr").Select(r => Squash(r.TextContent)).ToList();
        Assert.Equal(2, indicatorRows.Count);
        Assert.Contains("Name: Re-referrals → Re-referrals within 12 months", indicatorRows[0], StringComparison.Ordinal);
        Assert.Contains("Added: Indicator: h1", indicatorRows[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_PlanHistory_ManyChanges_IsPagedNewestFirst()
    {
        var (planId, _) = await TestData.PlanWithAreaAsync(_factory);
        using (var scope = _factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
            var plan = await db.Plans.SingleAsync(p => p.Id == planId);
            for (var i = 1; i <= 30; i++)
            {
                plan.Title = $"Title {i}";
                await db.SaveChangesAsync();
            }
        }

        var first = await _client.GetAsync($"/plans/{planId}/history");
        var firstRows = first.QuerySelectorAll("#history tbody tr").Select(r => Squash(r.TextContent)).ToList();
        Assert.Equal(25, firstRows.Count);
        AssertAnyRow([firstRows[0]], "Title: Title 29 → Title 30");
        Assert.Contains("Title: Title 5 → Title 6", firstRows[^1], StringComparison.Ordinal);
        Assert.Equal("1", first.QuerySelector(".govuk-pagination__item--current")!.TextContent.Trim());
        var next = first.QuerySelector(".govuk-pagination__next a")!.GetAttribute("href")!;
        Assert.Equal($"/plans/{planId}/history?page=2", next);

        var second = await _client.GetAsync(next);
        var secondRows = second.QuerySelectorAll("#history tbody tr").Select(r => Squash(r.TextContent)).ToList();
        Assert.Contains("Title: Title 4 → Title 5", secondRows[0], StringComparison.Ordinal);
        Assert.Contains("Added: Plan: Test plan", secondRows[^1], StringComparison.Ordinal);
        Assert.NotNull(second.QuerySelector(".govuk-pagination__prev a"));
        Assert.Null(second.QuerySelector(".govuk-pagination__next a"));
    }

    [Fact]
    public async Task Get_AnotherOrganisationsIds_AreNotFound()
    {
        var otherId = await TestData.AnotherOrganisationAsync(_factory);
        int planId, areaId, actionId, indicatorId;
        using (var scope = _factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
            var plan = new Plan { OrganisationId = otherId, Title = "Their plan" };
            var area = new Area { Plan = plan, Number = "1", Title = "Theirs" };
            var action = new PlanAction { Area = area, Ref = "1.1", Text = "Their action" };
            area.Actions.Add(action);
            plan.Areas.Add(area);
            var indicator = new Indicator { Key = "t1", Name = "Their indicator" };
            plan.Indicators.Add(indicator);
            db.Plans.Add(plan);
            await db.SaveChangesAsync();
            (planId, areaId, actionId, indicatorId) = (plan.Id, area.Id, action.Id, indicator.Id);
        }

        foreach (var url in new[]
        {
            $"/plans/{planId}/history", $"/plans/{planId}/history?handler=csv", $"/plans/{planId}/areas/{areaId}/history",
            $"/plans/{planId}/actions/{actionId}/history", $"/indicators/{indicatorId}/history", $"/indicators/{indicatorId}/history?handler=csv",
        })
        {
            await _client.GetAsync(url, HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task Get_PlanHistory_UserTextIsEncoded()
    {
        var (planId, _) = await TestData.PlanWithAreaAsync(_factory);
        using (var scope = _factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
            (await db.Plans.SingleAsync(p => p.Id == planId)).Title = "<script>alert('x')</script>";
            await db.SaveChangesAsync();
        }

        var response = await _client.Http.GetStringAsync($"/plans/{planId}/history");
        Assert.DoesNotContain("<script>alert", response, StringComparison.Ordinal);
        var page = await _client.GetAsync($"/plans/{planId}/history");
        AssertAnyRow([Squash(page.QuerySelector("#history tbody tr")!.TextContent)], "Title: Test plan → <script>alert('x')</script>");
    }

    [Fact]
    public async Task Get_PlanAreaActionAndIndicatorPages_LinkToTheirHistory()
    {
        var (planId, areaId, actionId) = await WithActionAsync(_factory, _client);
        int indicatorId;
        using (var scope = _factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
            var indicator = new Indicator { PlanId = planId, Key = "l1", Name = "Linked" };
            db.Indicators.Add(indicator);
            await db.SaveChangesAsync();
            indicatorId = indicator.Id;
        }

        foreach (var (page, history) in new[]
        {
            ($"/plans/{planId}", $"/plans/{planId}/history"),
            ($"/plans/{planId}/areas/{areaId}", $"/plans/{planId}/areas/{areaId}/history"),
            ($"/plans/{planId}/actions/{actionId}/edit", $"/plans/{planId}/actions/{actionId}/history"),
            ($"/indicators/{indicatorId}", $"/indicators/{indicatorId}/history"),
        })
        {
            var document = await _client.GetAsync(page);
            Assert.True(document.QuerySelector($"main a[href='{history}']") is not null, $"{page} should link to {history}");
            await _client.GetAsync(history);
        }
    }

    [PostgresFact]
    public async Task Get_ActionHistory_OnPostgres_ShowsTheEdit()
    {
        await using var factory = new TrellisWebFactory { UsePostgres = true };
        var client = new PageClient(factory);
        var (planId, _, actionId) = await WithActionAsync(factory, client);
        var form = await client.GetAsync($"/plans/{planId}/actions/{actionId}/edit");
        await client.SubmitAsync(form, new Dictionary<string, string> { ["Form.Text"] = "Review the duty team weekly" });

        var page = await client.GetAsync($"/plans/{planId}/actions/{actionId}/history");
        AssertAnyRow([.. page.QuerySelectorAll("#history tbody tr").Select(r => Squash(r.TextContent))], "Action: Review the duty team → Review the duty team weekly");
    }

    private static async Task<(int PlanId, int AreaId, int ActionId)> WithActionAsync(TrellisWebFactory factory, PageClient client)
    {
        var (planId, areaId) = await TestData.PlanWithAreaAsync(factory);
        var form = await client.GetAsync($"/plans/{planId}/areas/{areaId}/actions/new");
        var check = await client.SubmitAsync(form, new Dictionary<string, string> { ["Form.Text"] = "Review the duty team", ["Form.Due"] = "31 st March 2027", ["Form.Owners"] = "SK" });
        var saved = await client.SubmitAsync(check.Document, new Dictionary<string, string>());
        var actionId = int.Parse(saved.Location!.Split("#action-")[1], System.Globalization.CultureInfo.InvariantCulture);
        return (planId, areaId, actionId);
    }

    private static void AssertAnyRow(IReadOnlyList<string> rows, string expected) =>
        Assert.True(rows.Any(r => r.Contains(expected, StringComparison.Ordinal)), $"No row contains \"{expected}\":\n{string.Join("\n", rows)}");

    /// <summary>The text as a sighted reader sees it: spaces collapsed, and the arrow's words for screen readers left out.</summary>
    private static string Squash(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Replace("→ changed to ", "→ ", StringComparison.Ordinal);
}
