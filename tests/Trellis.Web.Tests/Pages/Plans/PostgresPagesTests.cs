using System.Net;
using Trellis.Testing;
using Trellis.Web.Tests.Infrastructure;

namespace Trellis.Web.Tests.Pages.Plans;

/// <summary>The same app on PostgreSQL: migrated and seeded on start, pages read and write through it.</summary>
public sealed class PostgresPagesTests
{
    [PostgresFact]
    public async Task DemoPlan_OnPostgres_ShowsAndAcceptsAnAction()
    {
        await using var factory = new TrellisWebFactory { UsePostgres = true };
        var client = new PageClient(factory);
        var overview = await client.GetAsync("/plans/1");
        Assert.True(overview.QuerySelectorAll("#overdue + table tbody tr").Length > 0);

        var area = overview.QuerySelector("#areas ~ table a")!.GetAttribute("href")!;
        var form = await client.GetAsync(area + "/actions/new");
        var check = await client.SubmitAsync(form, new Dictionary<string, string> { ["Form.Text"] = "Run the audit on PostgreSQL", ["Form.Due"] = "Q3 2026/27" });
        var saved = await client.SubmitAsync(check.Document, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var page = await client.GetAsync(area);
        var row = page.QuerySelectorAll("tr").Single(r => r.TextContent.Contains("Run the audit on PostgreSQL", StringComparison.Ordinal));
        Assert.Contains("by 31 Dec 2026", row.TextContent, StringComparison.Ordinal);
    }
}
