using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trellis.Core.Data;
using Trellis.Web.Tests.Infrastructure;

namespace Trellis.Web.Tests.Pages.MyActions;

public sealed class MyActionsPagesTests : IDisposable
{
    private readonly TrellisWebFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private async Task<List<int>> OwnedOpenActionsAsync(string initials)
    {
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
        return await db.Actions.Where(a => a.Owners.Any(o => o.Person!.Initials == initials)
                && a.Status != Trellis.Core.Plans.ActionStatus.Complete && a.Status != Trellis.Core.Plans.ActionStatus.Dropped)
            .Select(a => a.Id).ToListAsync();
    }

    [Fact]
    public async Task Get_ListsExactlyTheOwnersOpenActions_OverdueFirst()
    {
        _factory.SignedInAs.Email = TrellisWebFactory.Partner;
        var expected = await OwnedOpenActionsAsync("ME");
        Assert.NotEmpty(expected);
        var page = await new PageClient(_factory).GetAsync("/my-actions");
        var cards = page.QuerySelectorAll("main .govuk-summary-card").ToList();
        Assert.Equal(expected.Order(), cards.Select(c => int.Parse(c.Id!["action-".Length..], System.Globalization.CultureInfo.InvariantCulture)).Order());

        var overdue = cards.Select(c => c.QuerySelector(".govuk-tag--red") is not null).ToList();
        Assert.Equal(overdue.OrderByDescending(o => o), overdue);

        // A partner is not offered the area page, which they cannot open.
        Assert.Empty(page.QuerySelectorAll("main a[href*='/areas/']"));
    }

    [Fact]
    public async Task Post_InlineUpdate_SavesIntoTheOpenRound_AsThePartner()
    {
        _factory.SignedInAs.Email = TrellisWebFactory.Partner;
        var client = new PageClient(_factory);
        var page = await client.GetAsync("/my-actions");
        var forms = page.QuerySelectorAll("main form").ToList();
        Assert.NotEmpty(forms);
        var actionId = int.Parse(forms[0].QuerySelector("input[name='Form.ActionId']")!.GetAttribute("value")!, System.Globalization.CultureInfo.InvariantCulture);
        var result = await client.SubmitAsync(page, new Dictionary<string, string> { ["Form.Note"] = "Joint triage with the police started on 2 November", ["Form.RagCode"] = "" }, 0);
        Assert.True(result.Status == HttpStatusCode.Redirect, result.Body);
        Assert.Equal($"/my-actions#action-{actionId}", result.Location);

        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
        var open = await db.Rounds.Where(r => r.Status == Trellis.Core.Rounds.RoundStatus.Open).Select(r => r.Id).ToListAsync();
        var update = await db.ActionUpdates.Where(u => u.ActionId == actionId && open.Contains(u.RoundId)).SingleAsync();
        Assert.Equal("Joint triage with the police started on 2 November", update.Note);
        Assert.Equal("Mark Ellery", update.UpdatedBy);
    }

    [Fact]
    public async Task Post_SomeoneElsesAction_IsRefused()
    {
        _factory.SignedInAs.Email = TrellisWebFactory.Partner;
        var client = new PageClient(_factory);
        var page = await client.GetAsync("/my-actions");
        var mine = await OwnedOpenActionsAsync("ME");
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
        var other = await db.Actions.Where(a => !a.Owners.Any(o => o.Person!.Initials == "ME")).Select(a => a.Id).FirstAsync();
        var result = await client.SubmitAsync(page, new Dictionary<string, string> { ["Form.ActionId"] = other.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Form.Note"] = "Not mine" }, 0);
        Assert.Equal(HttpStatusCode.Forbidden, result.Status);
        Assert.DoesNotContain(other, mine);
        Assert.False(await db.ActionUpdates.AnyAsync(u => u.ActionId == other && u.Note == "Not mine"));
    }

    [Fact]
    public async Task Get_AccountNotLinkedToAPerson_SaysSo()
    {
        _factory.SignedInAs.Email = TrellisWebFactory.Reader;
        var page = await new PageClient(_factory).GetAsync("/my-actions");
        Assert.Contains("not linked to anyone", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }
}
