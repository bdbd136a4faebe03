using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trellis.Core.Data;
using Trellis.Core.Dates;
using Trellis.Core.Plans;
using Trellis.Web.Tests.Infrastructure;

namespace Trellis.Web.Tests.Pages.Plans;

/// <summary>The demo plan's overview against what the database holds, at a fixed date.</summary>
public class PlanOverviewTests : IDisposable
{
    private readonly TrellisWebFactory _factory = new();
    private readonly PageClient _client;

    public PlanOverviewTests() => _client = new PageClient(_factory);

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Get_DemoPlan_CountsOverdueAndDueSoonFromTheClock()
    {
        var page = await _client.GetAsync("/plans/1");
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
        var today = _factory.Clock.Today();
        var actions = await db.Actions.Where(a => a.Area.PlanId == 1).Select(a => new { a.Due.Date, a.Status }).ToListAsync();
        var open = actions.Where(a => a.Status is not (ActionStatus.Complete or ActionStatus.Dropped)).ToList();
        var overdue = open.Count(a => a.Date < today);
        var soon = open.Count(a => a.Date >= today && a.Date <= today.AddDays(30));

        Assert.True(overdue > 0 && soon > 0, "the demo plan should show overdue and due-soon actions");
        Assert.Equal(overdue, page.QuerySelectorAll("#overdue + table tbody tr").Length);
        Assert.Equal(soon, page.QuerySelectorAll("#due-soon + table tbody tr").Length);
        Assert.Contains($"{actions.Count} actions", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_DemoPlan_ShowsInspectionLegendAndAreasByTheme()
    {
        var page = await _client.GetAsync("/plans/1");
        var judgements = page.QuerySelectorAll("#inspection ~ table")[0].QuerySelectorAll("tbody tr");
        Assert.True(judgements.Length >= 5);
        var legend = page.QuerySelectorAll("table").Single(t => t.QuerySelector("caption")?.TextContent.Trim() == "Progress of actions");
        Assert.Contains("Blue", legend.TextContent, StringComparison.Ordinal);
        Assert.Contains("(counts as complete)", legend.TextContent, StringComparison.Ordinal);
        Assert.Equal(3, page.QuerySelectorAll("#areas ~ h3").Length);
        var areaTables = page.QuerySelectorAll("table").Where(t => t.QuerySelector("caption")?.TextContent.StartsWith("Areas in", StringComparison.Ordinal) == true);
        Assert.Equal(9, areaTables.Sum(t => t.QuerySelectorAll("tbody tr").Length));
    }

    [Fact]
    public async Task Get_AtALaterDate_MoreActionsAreOverdue()
    {
        var before = (await _client.GetAsync("/plans/1")).QuerySelectorAll("#overdue + table tbody tr").Length;
        _factory.Clock.Advance(TimeSpan.FromDays(60));
        var after = (await _client.GetAsync("/plans/1")).QuerySelectorAll("#overdue + table tbody tr").Length;
        Assert.True(after > before, $"60 days later {after} overdue, before {before}");
    }
}
