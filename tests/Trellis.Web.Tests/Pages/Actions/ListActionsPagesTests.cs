using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trellis.Core.Data;
using Trellis.Core.Dates;
using Trellis.Core.Plans;
using Trellis.Web.Tests.Infrastructure;

namespace Trellis.Web.Tests.Pages.Actions;

/// <summary>The filtered list of a plan's actions, checked against the demo plan in the database.</summary>
public sealed class ListActionsPagesTests : IDisposable
{
    private readonly TrellisWebFactory _factory = new();
    private readonly PageClient _client;

    public ListActionsPagesTests() => _client = new PageClient(_factory);

    public void Dispose() => _factory.Dispose();

    private static int Rows(AngleSharp.Dom.IDocument page) => page.QuerySelectorAll("main table tbody tr").Length;

    [Fact]
    public async Task Get_NoFilters_ListsEveryAction()
    {
        var page = await _client.GetAsync("/plans/1/actions");
        using var scope = _factory.Services.CreateScope();
        var total = await scope.ServiceProvider.GetRequiredService<TrellisDbContext>().Actions.CountAsync(a => a.Area.PlanId == 1);
        Assert.Equal(total, Rows(page));
        Assert.Equal($"Showing {total} of {total} actions.", page.QuerySelector("#showing")!.TextContent.Trim());
    }

    [Fact]
    public async Task Get_ByRagAndStatus_ListsOnlyThose()
    {
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
        var expected = await db.Actions.CountAsync(a => a.Area.PlanId == 1 && a.RagCode == "A" && a.Status == ActionStatus.InProgress);
        var page = await _client.GetAsync("/plans/1/actions?rag=A&status=InProgress");
        Assert.True(expected > 0);
        Assert.Equal(expected, Rows(page));
        Assert.All(page.QuerySelectorAll("main table tbody tr"), r => Assert.Equal("Amber", r.QuerySelector(".trellis-rag")!.TextContent.Trim()));
        Assert.Equal("A", page.QuerySelector("#Rag option[selected]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Get_Overdue_MatchesTheClock()
    {
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
        var today = _factory.Clock.Today();
        var expected = (await db.Actions.Where(a => a.Area.PlanId == 1).Select(a => new { a.Due.Date, a.Status }).ToListAsync())
            .Count(a => a.Date < today && a.Status is not (ActionStatus.Complete or ActionStatus.Dropped));
        var page = await _client.GetAsync("/plans/1/actions?when=overdue");
        Assert.Equal(expected, Rows(page));
        Assert.All(page.QuerySelectorAll("main table tbody tr"), r => Assert.Contains("Overdue", r.TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_ByOwner_ListsTheirActions()
    {
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
        var owner = await db.ActionOwners.Where(o => o.PersonId != null).GroupBy(o => o.PersonId).OrderByDescending(g => g.Count()).Select(g => new { Id = g.Key!.Value, Count = g.Select(o => o.ActionId).Distinct().Count() }).FirstAsync();
        var name = await db.People.Where(p => p.Id == owner.Id).Select(p => p.Name).FirstAsync();
        var page = await _client.GetAsync($"/plans/1/actions?owner={owner.Id}");
        Assert.Equal(owner.Count, Rows(page));
        Assert.All(page.QuerySelectorAll("main table tbody tr"), r => Assert.Contains(name!, r.TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_NothingMatches_SaysSo()
    {
        var page = await _client.GetAsync("/plans/1/actions?rag=B&status=NotStarted");
        Assert.Contains("No actions match these filters.", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_OverviewRagCount_LinksToTheFilteredList()
    {
        var overview = await _client.GetAsync("/plans/1");
        var link = overview.QuerySelector("a[href='/plans/1/actions?rag=R']")!;
        var count = int.Parse(link.TextContent.Split(' ')[0].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        var page = await _client.GetAsync("/plans/1/actions?rag=R");
        Assert.Equal(count, Rows(page));
    }

    [Fact]
    public async Task Get_UnknownPlan_IsNotFound() => await _client.GetAsync("/plans/424242/actions", System.Net.HttpStatusCode.NotFound);
}
