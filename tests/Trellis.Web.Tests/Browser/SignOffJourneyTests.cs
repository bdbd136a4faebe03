using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Trellis.Core.Data;
using Trellis.Core.Plans;
using Trellis.Testing;
using Trellis.Web.Tests.Infrastructure;

namespace Trellis.Web.Tests.Browser;

/// <summary>Sign-off in headless Chromium: the owner asks with a note and a file, another approver approves; axe on each page.</summary>
public sealed class SignOffJourneyTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task Ask_then_approve()
    {
        int planId;
        int actionId;
        using (var scope = app.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
            var action = await db.Actions.Where(a => a.Status == ActionStatus.InProgress && a.Owners.Any(o => o.Person!.Initials == "BN")
                    && !db.SignOffRequests.Any(r => r.ActionId == a.Id))
                .OrderBy(a => a.Id).Select(a => new { a.Id, a.Area.PlanId }).FirstAsync();
            (planId, actionId) = (action.PlanId, action.Id);
        }

        var failures = new List<string>();
        var page = await app.Browser.NewPageAsync(new() { BypassCSP = true });
        async Task Axe(string where) => failures.AddRange((await BrowserFixture.AxeViolationsAsync(page)).Select(v => $"{where}: {v}"));
        var before = app.Factory.SignedInAs.Email;
        try
        {
            app.Factory.SignedInAs.Email = TrellisWebFactory.PlanManager;
            await page.GotoAsync($"{app.BaseUrl}/plans/{planId}/actions/{actionId}/sign-off");
            await Axe("ask");
            await page.GetByRole(AriaRole.Button, new() { Name = "Ask for sign-off" }).ClickAsync();
            Assert.Contains("Give some evidence", await page.Locator(".govuk-error-summary").InnerTextAsync(), StringComparison.Ordinal);
            await Axe("ask with errors");
            await page.GetByLabel("What was done, and how you know it worked").FillAsync("Audit of 40 cases: all met the standard");
            await page.Locator("#Files").SetInputFilesAsync(new FilePayload { Name = "audit.csv", MimeType = "text/csv", Buffer = "Case,Met\n1,Yes\n"u8.ToArray() });
            await page.GetByRole(AriaRole.Button, new() { Name = "Ask for sign-off" }).ClickAsync();
            Assert.Equal("Awaiting sign-off", (await page.Locator("#status").InnerTextAsync()).Trim());
            Assert.Equal(1, await page.Locator("a[download]", new() { HasText = "audit.csv" }).CountAsync());
            await Axe("asked");

            app.Factory.SignedInAs.Email = TrellisWebFactory.Administrator;
            await page.GotoAsync($"{app.BaseUrl}/plans/{planId}/sign-offs");
            await Axe("queue");
            await page.Locator($"a[href='/plans/{planId}/actions/{actionId}/sign-off/decision']").ClickAsync();
            await Axe("decide");
            await page.GetByLabel("Approve: the action is complete").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Save decision" }).ClickAsync();
            Assert.Contains("signed off as complete", await page.Locator("#notice").InnerTextAsync(), StringComparison.Ordinal);
            await page.GotoAsync($"{app.BaseUrl}/plans/{planId}/actions/{actionId}/sign-off");
            Assert.Equal("Complete", (await page.Locator("#status").InnerTextAsync()).Trim());
            await Axe("approved");
        }
        finally
        {
            app.Factory.SignedInAs.Email = before;
        }

        Assert.Empty(failures);
    }
}
