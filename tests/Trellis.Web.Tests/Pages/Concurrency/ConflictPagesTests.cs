using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trellis.Core.Data;
using Trellis.Core.Rounds;
using Trellis.Web.Tests.Infrastructure;

namespace Trellis.Web.Tests.Pages.Concurrency;

/// <summary>
/// Two people save the same record at once over HTTP: one is saved, the other gets the conflict page with both versions,
/// and chooses. Never a silent overwrite.
/// </summary>
public class ConflictPagesTests : IDisposable
{
    private const string Bethan = "Bethan Nicholls";
    private const string Rebecca = "Rebecca Adeyemi";

    private readonly TrellisWebFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private PageClient As(string email)
    {
        var client = new PageClient(_factory);
        client.Http.DefaultRequestHeaders.Add(TestSignInHandler.Header, email);
        return client;
    }

    private static int FormIndex(IDocument page, string id) =>
        page.QuerySelectorAll("main form").ToList().FindIndex(f => f.Id == id);

    private static string Text(IDocument page, string selector) => page.QuerySelector(selector)?.TextContent ?? string.Empty;

    private async Task<T> DbAsync<T>(Func<TrellisDbContext, Task<T>> read)
    {
        using var scope = _factory.Services.CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<TrellisDbContext>());
    }

    private async Task<(int PlanId, int AreaId, int ActionId)> DemoActionAsync() => await DbAsync(async db =>
    {
        var action = await db.Actions.OrderBy(a => a.Area.PlanId).ThenBy(a => a.Area.SortOrder).ThenBy(a => a.SortOrder)
            .Select(a => new { a.Area.PlanId, a.AreaId, a.Id }).FirstAsync();
        return (action.PlanId, action.AreaId, action.Id);
    });

    [Fact]
    public async Task EditAction_TwoSavesInParallel_OneSaved_OtherSeesBothVersions_ThenChooses()
    {
        var (planId, areaId, actionId) = await DemoActionAsync();
        var url = $"/plans/{planId}/actions/{actionId}/edit";
        var bethan = As(TrellisWebFactory.PlanManager);
        var rebecca = As(TrellisWebFactory.Administrator);
        var late = As(TrellisWebFactory.Administrator);
        var (bethanForm, rebeccaForm, lateForm) = (await bethan.GetAsync(url), await rebecca.GetAsync(url), await late.GetAsync(url));

        var results = await Task.WhenAll(
            bethan.SubmitAsync(bethanForm, new Dictionary<string, string> { ["Form.Text"] = "Bethan's wording", ["Form.Comments"] = "From Bethan" }),
            rebecca.SubmitAsync(rebeccaForm, new Dictionary<string, string> { ["Form.Text"] = "Rebecca's wording" }));

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Conflict], results.Select(r => r.Status).Order());
        var bethanWon = results[0].Status == HttpStatusCode.Redirect;
        var (winner, loser) = bethanWon ? (results[0], results[1]) : (results[1], results[0]);
        var (winnerText, loserText, winnerName) = bethanWon ? ("Bethan's wording", "Rebecca's wording", Bethan) : ("Rebecca's wording", "Bethan's wording", Rebecca);
        Assert.Equal($"/plans/{planId}/areas/{areaId}#action-{actionId}", winner.Location);
        Assert.Equal(winnerText, await DbAsync(db => db.Actions.Where(a => a.Id == actionId).Select(a => a.Text).SingleAsync()));

        // The conflict page: the error summary, who saved theirs, both versions with the differing fields named in words.
        var conflict = loser.Document;
        Assert.Equal(["Someone else saved this action while you were editing it"], loser.Errors);
        Assert.Contains($"saved by {winnerName} on 22 November 2026", Text(conflict, "#conflict-saved-by"), StringComparison.Ordinal);
        Assert.Contains(winnerText, Text(conflict, "#conflict-theirs"), StringComparison.Ordinal);
        Assert.Contains(loserText, Text(conflict, "#conflict-yours"), StringComparison.Ordinal);
        Assert.Contains("action", Text(conflict, "#conflict-differs"), StringComparison.Ordinal);
        Assert.Contains("Different", conflict.QuerySelector("#conflict-yours .trellis-conflict--differs")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Different", string.Concat(conflict.QuerySelectorAll("#conflict-yours .govuk-summary-list__row:not(.trellis-conflict--differs)").Select(r => r.TextContent)), StringComparison.Ordinal);

        // The merged form holds theirs, with mine under the field that differs.
        Assert.Equal(winnerText, conflict.QuerySelector("#edit-form #Form_Text")!.TextContent);
        Assert.Contains(loserText, Text(conflict, "#Form_Text-yours"), StringComparison.Ordinal);
        Assert.Null(conflict.QuerySelector("#Form_Ref-yours"));

        // "Keep theirs" saves nothing and goes back to the area.
        Assert.Equal($"/plans/{planId}/areas/{areaId}#action-{actionId}", conflict.QuerySelector("#conflict-keep-theirs")!.GetAttribute("href"));

        // "Save mine over theirs" carries their version: it saves mine now.
        var loserClient = bethanWon ? rebecca : bethan;
        var mine = await loserClient.SubmitAsync(conflict, new Dictionary<string, string>(), FormIndex(conflict, "conflict-mine-form"));
        Assert.Equal(HttpStatusCode.Redirect, mine.Status);
        Assert.Equal(loserText, await DbAsync(db => db.Actions.Where(a => a.Id == actionId).Select(a => a.Text).SingleAsync()));

        // A third person who opened the page before all this is still caught, and sees the latest save as theirs.
        var stale = await late.SubmitAsync(lateForm, new Dictionary<string, string> { ["Form.Text"] = "Late wording" });
        Assert.Equal(HttpStatusCode.Conflict, stale.Status);
        Assert.Contains(loserText, Text(stale.Document, "#conflict-theirs"), StringComparison.Ordinal);
        Assert.Equal(loserText, await DbAsync(db => db.Actions.Where(a => a.Id == actionId).Select(a => a.Text).SingleAsync()));

        // Combining: the merged form (their version, read at their version) saves what is typed into it.
        var merged = await late.SubmitAsync(stale.Document, new Dictionary<string, string> { ["Form.Text"] = loserText + " and the late note" }, FormIndex(stale.Document, "edit-form"));
        Assert.Equal(HttpStatusCode.Redirect, merged.Status);
        Assert.Equal(loserText + " and the late note", await DbAsync(db => db.Actions.Where(a => a.Id == actionId).Select(a => a.Text).SingleAsync()));

        // The trail holds every save, each by its author, and nothing of the refused ones.
        var trail = await DbAsync(db => db.AuditRecords.AsNoTracking()
            .Where(r => r.EntityType == "PlanAction" && r.EntityId == actionId.ToString(System.Globalization.CultureInfo.InvariantCulture) && r.After != null && r.After.Contains("wording"))
            .OrderBy(r => r.Sequence).Select(r => new { r.ActorName, r.After }).ToListAsync());
        Assert.Equal(3, trail.Count);
        Assert.Contains(winnerText, trail[0].After!, StringComparison.Ordinal);
        Assert.Equal(winnerName, trail[0].ActorName);
        Assert.Equal(bethanWon ? Rebecca : Bethan, trail[1].ActorName);
        Assert.Equal(Rebecca, trail[2].ActorName);
        Assert.DoesNotContain(trail, t => t.After!.Contains("Late wording\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EditAction_KeepTheirs_LeavesTheirVersion()
    {
        var (planId, areaId, actionId) = await DemoActionAsync();
        var url = $"/plans/{planId}/actions/{actionId}/edit";
        var bethan = As(TrellisWebFactory.PlanManager);
        var rebecca = As(TrellisWebFactory.Administrator);
        var (bethanForm, rebeccaForm) = (await bethan.GetAsync(url), await rebecca.GetAsync(url));
        Assert.Equal(HttpStatusCode.Redirect, (await bethan.SubmitAsync(bethanForm, new Dictionary<string, string> { ["Form.Text"] = "Theirs" })).Status);
        var conflict = await rebecca.SubmitAsync(rebeccaForm, new Dictionary<string, string> { ["Form.Text"] = "Mine" });
        Assert.Equal(HttpStatusCode.Conflict, conflict.Status);

        var keep = conflict.Document.QuerySelector("#conflict-keep-theirs")!.GetAttribute("href")!;
        var area = await rebecca.GetAsync(keep.Split('#')[0]);
        Assert.Contains("Theirs", area.QuerySelector($"#action-{actionId}")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Theirs", await DbAsync(db => db.Actions.Where(a => a.Id == actionId).Select(a => a.Text).SingleAsync()));
        Assert.Equal($"/plans/{planId}/areas/{areaId}", keep.Split('#')[0]);
    }

    [Fact]
    public async Task EditArea_TwoSavesInParallel_OneSaved_OtherSeesBothVersions_AndCanSaveMine()
    {
        var (planId, areaId, _) = await DemoActionAsync();
        var url = $"/plans/{planId}/areas/{areaId}/edit";
        var bethan = As(TrellisWebFactory.PlanManager);
        var rebecca = As(TrellisWebFactory.Administrator);
        var (bethanForm, rebeccaForm) = (await bethan.GetAsync(url), await rebecca.GetAsync(url));
        var results = await Task.WhenAll(
            bethan.SubmitAsync(bethanForm, new Dictionary<string, string> { ["Form.Partners"] = "Police\nHealth" }),
            rebecca.SubmitAsync(rebeccaForm, new Dictionary<string, string> { ["Form.Partners"] = "Schools" }));

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Conflict], results.Select(r => r.Status).Order());
        var bethanWon = results[0].Status == HttpStatusCode.Redirect;
        var loser = bethanWon ? results[1] : results[0];
        Assert.Equal(["Someone else saved this area while you were editing it"], loser.Errors);
        Assert.Contains("partners", Text(loser.Document, "#conflict-differs"), StringComparison.Ordinal);
        Assert.NotNull(loser.Document.QuerySelector("#Form_Partners-yours"));
        Assert.Null(loser.Document.QuerySelector("#Form_Title-yours"));

        var mine = await (bethanWon ? rebecca : bethan).SubmitAsync(loser.Document, new Dictionary<string, string>(), FormIndex(loser.Document, "conflict-mine-form"));
        Assert.Equal(HttpStatusCode.Redirect, mine.Status);
        var partners = await DbAsync(db => db.Areas.Where(a => a.Id == areaId).Select(a => a.Partners).SingleAsync());
        Assert.Equal(bethanWon ? ["Schools"] : ["Police", "Health"], partners);
    }

    [Fact]
    public async Task RoundUpdate_TwoSavesInParallel_OneSaved_OtherSeesBothVersions_AndCanSaveMine()
    {
        var (roundId, actionId) = await DbAsync(async db =>
        {
            var round = await db.Rounds.Where(r => r.Status == RoundStatus.Open).Select(r => new { r.Id, r.PlanId }).FirstAsync();
            var action = await db.Actions.Where(a => a.Area.PlanId == round.PlanId).OrderBy(a => a.Area.SortOrder).ThenBy(a => a.SortOrder).Select(a => a.Id).FirstAsync();
            return (round.Id, action);
        });
        var url = $"/rounds/{roundId}/actions/{actionId}";
        var bethan = As(TrellisWebFactory.PlanManager);
        var rebecca = As(TrellisWebFactory.Administrator);
        var late = As(TrellisWebFactory.Administrator);
        var (bethanForm, rebeccaForm, lateForm) = (await bethan.GetAsync(url), await rebecca.GetAsync(url), await late.GetAsync(url));
        var fields = (string note) => new Dictionary<string, string> { ["Form.Status"] = "InProgress", ["Form.RagCode"] = string.Empty, ["Form.Note"] = note };

        var results = await Task.WhenAll(bethan.SubmitAsync(bethanForm, fields("Bethan's update")), rebecca.SubmitAsync(rebeccaForm, fields("Rebecca's update")));

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Conflict], results.Select(r => r.Status).Order());
        var bethanWon = results[0].Status == HttpStatusCode.Redirect;
        var loser = bethanWon ? results[1] : results[0];
        var (winnerNote, loserNote) = bethanWon ? ("Bethan's update", "Rebecca's update") : ("Rebecca's update", "Bethan's update");
        Assert.Equal(["Someone else saved an update to this action while you were writing yours"], loser.Errors);
        Assert.Contains(winnerNote, Text(loser.Document, "#conflict-theirs"), StringComparison.Ordinal);
        Assert.Contains(loserNote, Text(loser.Document, "#conflict-yours"), StringComparison.Ordinal);
        Assert.Contains($"saved by {(bethanWon ? Bethan : Rebecca)}", Text(loser.Document, "#conflict-saved-by"), StringComparison.Ordinal);
        Assert.Equal(winnerNote, loser.Document.QuerySelector("#update-form #Form_Note")!.TextContent);
        Assert.Contains(loserNote, Text(loser.Document, "#Form_Note-yours"), StringComparison.Ordinal);

        var mine = await (bethanWon ? rebecca : bethan).SubmitAsync(loser.Document, new Dictionary<string, string>(), FormIndex(loser.Document, "conflict-mine-form"));
        Assert.Equal(HttpStatusCode.Redirect, mine.Status);
        Assert.Equal(loserNote, await DbAsync(db => db.ActionUpdates.Where(u => u.RoundId == roundId && u.ActionId == actionId).Select(u => u.Note).SingleAsync()));

        var stale = await late.SubmitAsync(lateForm, fields("Late update"));
        Assert.Equal(HttpStatusCode.Conflict, stale.Status);
        Assert.Equal(loserNote, await DbAsync(db => db.ActionUpdates.Where(u => u.RoundId == roundId && u.ActionId == actionId).Select(u => u.Note).SingleAsync()));
    }

    [Fact]
    public async Task MyActions_StaleUpdate_ShowsTheConflictInThatActionsCard_ThenSavesMine()
    {
        var owner = As(TrellisWebFactory.Contributor);
        var firstTab = await owner.GetAsync("/my-actions");
        var secondTab = await owner.GetAsync("/my-actions");
        var form = firstTab.QuerySelectorAll("main form")[0];
        var actionId = int.Parse(form.QuerySelector("input[name='Form.ActionId']")!.GetAttribute("value")!, System.Globalization.CultureInfo.InvariantCulture);
        var fields = (string note) => new Dictionary<string, string> { ["Form.Status"] = "InProgress", ["Form.RagCode"] = string.Empty, ["Form.RagReason"] = string.Empty, ["Form.Note"] = note };

        Assert.Equal(HttpStatusCode.Redirect, (await owner.SubmitAsync(firstTab, fields("From the first tab"))).Status);
        var conflict = await owner.SubmitAsync(secondTab, fields("From the second tab"));

        Assert.Equal(HttpStatusCode.Conflict, conflict.Status);
        Assert.Equal(["Someone else saved an update to this action while you were writing yours"], conflict.Errors);
        var card = conflict.Document.QuerySelector($"#action-{actionId}")!;
        Assert.Contains("From the first tab", card.QuerySelector($"#conflict-theirs-{actionId}")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("From the second tab", card.QuerySelector($"#conflict-yours-{actionId}")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("From the first tab", card.QuerySelector($"#Note-{actionId}")!.TextContent);

        var mine = await owner.SubmitAsync(conflict.Document, new Dictionary<string, string>(), FormIndex(conflict.Document, $"conflict-mine-form-{actionId}"));
        Assert.Equal(HttpStatusCode.Redirect, mine.Status);
        Assert.Equal("From the second tab", await DbAsync(db => db.ActionUpdates.Where(u => u.ActionId == actionId && u.Note != null).OrderByDescending(u => u.Id).Select(u => u.Note).FirstAsync()));
    }
}
