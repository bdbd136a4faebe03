using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Trellis.Core.Data;
using Trellis.Testing;

namespace Trellis.Web.Tests.Browser;

/// <summary>The conflict page in real headless Chromium: both versions, accessible, stacked on a narrow screen, and "Save mine over theirs".</summary>
public sealed class ConflictJourneyTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task EditAction_SavedByAnotherTab_ShowsTheConflictPage_WithNoWcagViolations_ThenSavesMine()
    {
        int planId, actionId;
        using (var scope = app.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
            var action = await db.Actions.OrderBy(a => a.Area.PlanId).ThenBy(a => a.Area.SortOrder).ThenBy(a => a.SortOrder).Skip(1)
                .Select(a => new { a.Area.PlanId, a.Id }).FirstAsync();
            (planId, actionId) = (action.PlanId, action.Id);
        }

        var url = $"{app.BaseUrl}/plans/{planId}/actions/{actionId}/edit";
        var mine = await app.Browser.NewPageAsync(new() { BypassCSP = true });
        var theirs = await app.Browser.NewPageAsync(new() { BypassCSP = true });
        await mine.GotoAsync(url);
        await theirs.GotoAsync(url);
        await theirs.GetByLabel("Action", new() { Exact = true }).FillAsync("Their wording from the other tab");
        await theirs.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();

        await mine.GetByLabel("Action", new() { Exact = true }).FillAsync("My wording from this tab");
        var response = await mine.RunAndWaitForResponseAsync(
            () => mine.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync(),
            r => r.Request.Method == "POST" && r.Url.EndsWith("/edit", StringComparison.Ordinal));
        Assert.Equal(409, response.Status);
        await mine.WaitForLoadStateAsync(LoadState.Load);
        Assert.Contains("Someone else saved this action", await mine.Locator(".govuk-error-summary").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Their wording from the other tab", await mine.Locator("#conflict-theirs").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("My wording from this tab", await mine.Locator("#conflict-yours").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(await BrowserFixture.AxeViolationsAsync(mine));

        // Side by side on a wide screen, one above the other on a narrow one.
        await mine.SetViewportSizeAsync(1200, 900);
        var wideTheirs = await mine.Locator("#conflict-theirs").BoundingBoxAsync();
        var wideYours = await mine.Locator("#conflict-yours").BoundingBoxAsync();
        Assert.True(wideYours!.X > wideTheirs!.X + wideTheirs.Width - 1, "side by side when wide");
        await mine.SetViewportSizeAsync(360, 800);
        var narrowTheirs = await mine.Locator("#conflict-theirs").BoundingBoxAsync();
        var narrowYours = await mine.Locator("#conflict-yours").BoundingBoxAsync();
        Assert.True(narrowYours!.Y >= narrowTheirs!.Y + narrowTheirs.Height, "stacked when narrow");
        Assert.Empty(await BrowserFixture.AxeViolationsAsync(mine));

        await mine.GetByRole(AriaRole.Button, new() { Name = "Save mine over theirs" }).ClickAsync();
        Assert.Contains("My wording from this tab", await mine.Locator($"#action-{actionId}").InnerTextAsync(), StringComparison.Ordinal);
    }
}
