using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trellis.Core.Data;
using Trellis.Core.People;
using Trellis.Core.Plans;
using Trellis.Web.Tests.Infrastructure;

namespace Trellis.Web.Tests.Pages.SignOffs;

/// <summary>Sign-off over HTTP with the demo council: each role, uploads good and bad, downloads, and the forms that could bypass it.</summary>
public sealed partial class SignOffPagesTests : IDisposable
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

    private readonly TrellisWebFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private sealed record Target(int PlanId, int ActionId, int AreaId);

    /// <summary>An in-progress action with no pending request, owned by the person with these initials.</summary>
    private async Task<Target> ActionOwnedByAsync(string initials, string? notOwnedBy = null)
    {
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
        var action = await db.Actions.Where(a => a.Status == ActionStatus.InProgress && a.Owners.Any(o => o.Person!.Initials == initials)
                && (notOwnedBy == null || !a.Owners.Any(o => o.Person!.Initials == notOwnedBy)) && !db.SignOffRequests.Any(r => r.ActionId == a.Id && r.Decision == null))
            .OrderBy(a => a.Id).Select(a => new Target(a.Area.PlanId, a.Id, a.AreaId)).FirstAsync();
        return action;
    }

    /// <summary>Makes the reader (an elected member with no person yet) the senior lead of the area: a senior lead who is not a manager.</summary>
    private async Task MakeReaderSeniorLeadAsync(int areaId)
    {
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
        var user = await db.Users.SingleAsync(u => u.Email == TrellisWebFactory.Reader);
        var person = new Person { OrganisationId = user.OrganisationId, Initials = "HO", Name = "Hannah Osei" };
        db.People.Add(person);
        await db.SaveChangesAsync();
        user.PersonId = person.Id;
        db.AreaLeads.Add(new AreaLead { AreaId = areaId, Role = LeadRole.SeniorLead, PersonId = person.Id, SortOrder = 99 });
        await db.SaveChangesAsync();
    }

    private async Task<ActionStatus?> StatusAsync(int actionId)
    {
        using var scope = _factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<TrellisDbContext>().Actions.Where(a => a.Id == actionId).Select(a => a.Status).SingleAsync();
    }

    private async Task<int> RequestCountAsync(int actionId)
    {
        using var scope = _factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<TrellisDbContext>().SignOffRequests.CountAsync(r => r.ActionId == actionId);
    }

    private HttpClient Client(string who)
    {
        var client = _factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(TestSignInHandler.Header, who);
        return client;
    }

    private static async Task<string> TokenAsync(HttpClient client)
    {
        var page = await client.GetStringAsync("/my-actions");
        return TokenPattern().Match(page).Groups[1].Value;
    }

    /// <summary>Posts the sign-off form as a browser would: multipart, the antiforgery token, a note, links and any files.</summary>
    private static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, Target target, string? note, string? links, params (string Name, byte[] Content)[] files)
    {
        using var body = new MultipartFormDataContent
        {
            { new StringContent(await TokenAsync(client)), "__RequestVerificationToken" },
            { new StringContent(note ?? string.Empty), "Note" },
            { new StringContent(links ?? string.Empty), "Links" },
        };
        foreach (var (name, content) in files)
        {
            body.Add(new ByteArrayContent(content), "Files", name);
        }

        return await client.PostAsync($"/plans/{target.PlanId}/actions/{target.ActionId}/sign-off", body);
    }

    private static async Task<HttpResponseMessage> DecideAsync(HttpClient client, Target target, string decision, string reason) =>
        await client.PostAsync($"/plans/{target.PlanId}/actions/{target.ActionId}/sign-off/decision", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", await TokenAsync(client)),
            new("Decision", decision),
            new("Reason", reason),
        ]));

    private static async Task<IDocument> ParseAsync(HttpResponseMessage response) =>
        await BrowsingContext.New(Configuration.Default).OpenAsync(r => r.Content(response.Content.ReadAsStream()));

    private static List<string> Errors(IDocument page) => [.. page.QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.TextContent.Trim())];

    [Fact]
    public async Task Owner_submits_evidence_then_the_senior_lead_returns_it_with_a_reason_and_approves_the_second()
    {
        var target = await ActionOwnedByAsync("PL");
        await MakeReaderSeniorLeadAsync(target.AreaId);
        var owner = Client(TrellisWebFactory.Contributor);

        var submitted = await SubmitAsync(owner, target, "Audit of 60 contacts done", "https://intranet.castlebridge.example/audit", ("C:\\fakepath\\audit.pdf", Pdf));
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.Equal($"/plans/{target.PlanId}/actions/{target.ActionId}/sign-off", submitted.Headers.Location?.ToString());
        Assert.Equal(ActionStatus.InProgress, await StatusAsync(target.ActionId));

        // Awaiting sign-off wherever the status shows: the area page and the owner's list.
        var area = await ParseAsync(await owner.GetAsync($"/plans/{target.PlanId}/areas/{target.AreaId}"));
        Assert.Contains("Awaiting sign-off", area.QuerySelector($"#action-{target.ActionId}")!.TextContent, StringComparison.Ordinal);
        var mine = await ParseAsync(await owner.GetAsync("/my-actions"));
        Assert.Contains("Awaiting sign-off", mine.QuerySelector($"#action-{target.ActionId}")!.TextContent, StringComparison.Ordinal);

        // The contributor leads the area but is not its senior lead: no decision for them.
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.GetAsync($"/plans/{target.PlanId}/actions/{target.ActionId}/sign-off/decision")).StatusCode);

        var lead = Client(TrellisWebFactory.Reader);
        var queue = await ParseAsync(await lead.GetAsync($"/plans/{target.PlanId}/sign-offs"));
        var links = queue.QuerySelectorAll("main table a").Select(a => a.GetAttribute("href")).ToList();
        // Oldest first: the demo's waiting request in the same area, then this one.
        Assert.Equal($"/plans/{target.PlanId}/actions/{target.ActionId}/sign-off/decision", links[^1]);
        Assert.Equal(2, links.Count);

        var noReason = await DecideAsync(lead, target, "Returned", " ");
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(["Enter the reason for returning it, so the owner knows what more is needed"], Errors(await ParseAsync(noReason)));

        Assert.Equal(HttpStatusCode.Redirect, (await DecideAsync(lead, target, "Returned", "Attach the audit's findings by team")).StatusCode);
        Assert.Equal(ActionStatus.InProgress, await StatusAsync(target.ActionId));
        var history = await ParseAsync(await owner.GetAsync($"/plans/{target.PlanId}/actions/{target.ActionId}/sign-off"));
        Assert.Contains("Attach the audit's findings by team", history.QuerySelector("#sign-off-history")!.ParentElement!.TextContent, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(owner, target, "Findings by team added", null, ("findings.csv", Encoding.UTF8.GetBytes("Team,Met\nNorth,30\n")))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await DecideAsync(lead, target, "Approved", string.Empty)).StatusCode);
        Assert.Equal(ActionStatus.Complete, await StatusAsync(target.ActionId));
        Assert.Equal(2, await RequestCountAsync(target.ActionId));
        var done = await ParseAsync(await lead.GetAsync($"/plans/{target.PlanId}/actions/{target.ActionId}/sign-off"));
        Assert.Equal(["Approved", "Returned"], done.QuerySelectorAll(".govuk-summary-card__title-wrapper .govuk-tag").Select(t => t.TextContent.Trim()));
    }

    [Fact]
    public async Task A_contributor_who_does_not_own_the_action_sees_it_but_cannot_ask()
    {
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
        var target = await db.Actions.Where(a => a.Status == ActionStatus.InProgress && !a.Owners.Any(o => o.Person!.Initials == "PL")
                && !a.Area.Leads.Any(l => l.Person!.Initials == "PL"))
            .OrderBy(a => a.Id).Select(a => new Target(a.Area.PlanId, a.Id, a.AreaId)).FirstAsync();
        var client = Client(TrellisWebFactory.Contributor);
        var page = await ParseAsync(await client.GetAsync($"/plans/{target.PlanId}/actions/{target.ActionId}/sign-off"));
        Assert.Empty(page.QuerySelectorAll("main form"));
        Assert.Equal(HttpStatusCode.Forbidden, (await SubmitAsync(client, target, "Done", null)).StatusCode);
        Assert.Equal(0, await RequestCountAsync(target.ActionId));
    }

    [Fact]
    public async Task A_partner_asks_for_their_own_action_only()
    {
        var own = await ActionOwnedByAsync("ME");
        var partner = Client(TrellisWebFactory.Partner);
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(partner, own, "Police triage in place since 2 November", null)).StatusCode);
        Assert.Equal(1, await RequestCountAsync(own.ActionId));

        // Not theirs: not there at all.
        var other = await ActionOwnedByAsync("BN");
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/plans/{other.PlanId}/actions/{other.ActionId}/sign-off")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await SubmitAsync(partner, other, "Done", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/plans/{own.PlanId}/sign-offs")).StatusCode);
        Assert.Equal(0, await RequestCountAsync(other.ActionId));
    }

    [Fact]
    public async Task Bad_uploads_are_refused_naming_each_file_and_nothing_is_saved()
    {
        var target = await ActionOwnedByAsync("PL");
        var owner = Client(TrellisWebFactory.Contributor);
        var big = new byte[(10 * 1024 * 1024) + 1];
        Pdf.CopyTo(big, 0);
        var exe = new byte[] { 0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00 };
        var response = await SubmitAsync(owner, target, "Evidence attached", "ftp://files.example/audit",
            ("big.pdf", big), ("tool.exe", exe), ("report.pdf", exe), ("good.pdf", Pdf));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = Errors(await ParseAsync(response));
        Assert.Contains("The file big.pdf must be smaller than 10 MB", errors);
        Assert.Contains(errors, e => e.StartsWith("The file tool.exe must be a PDF", StringComparison.Ordinal));
        Assert.Contains("The file report.pdf is not a real PDF file: its content does not match its name", errors);
        Assert.Contains(errors, e => e.StartsWith("Link 1 must be a web address starting with https://", StringComparison.Ordinal));
        Assert.Equal(4, errors.Count);
        Assert.Equal(0, await RequestCountAsync(target.ActionId));

        var empty = await SubmitAsync(owner, target, " ", null);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(["Give some evidence that the action is complete: a note, a link or a file"], Errors(await ParseAsync(empty)));
    }

    [Fact]
    public async Task Evidence_downloads_as_an_attachment_only_to_those_who_can_see_the_action()
    {
        var target = await ActionOwnedByAsync("BN", notOwnedBy: "ME");
        var owner = Client(TrellisWebFactory.PlanManager);
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(owner, target, null, null, ("../../etc/Audit report.pdf", Pdf))).StatusCode);
        var page = await ParseAsync(await owner.GetAsync($"/plans/{target.PlanId}/actions/{target.ActionId}/sign-off"));
        var link = page.QuerySelectorAll("#sign-off-history ~ .govuk-summary-card a[download]").Single();
        Assert.Equal("Audit report.pdf", link.TextContent);
        var href = link.GetAttribute("href")!;

        var reader = Client(TrellisWebFactory.Reader);
        var download = await reader.GetAsync(href);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("Audit report.pdf", download.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());

        // The partner does not own this action; another action's route does not reach this file.
        Assert.Equal(HttpStatusCode.NotFound, (await Client(TrellisWebFactory.Partner).GetAsync(href)).StatusCode);
        var other = await ActionOwnedByAsync("BN");
        var fileId = href[(href.LastIndexOf('/') + 1)..];
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/plans/{other.PlanId}/actions/{other.ActionId}/sign-off/files/{fileId}")).StatusCode);
    }

    [Fact]
    public async Task Choosing_complete_on_the_owners_forms_points_to_sign_off_instead()
    {
        var target = await ActionOwnedByAsync("PL");
        var client = new PageClient(_factory);
        _factory.SignedInAs.Email = TrellisWebFactory.Contributor;
        var mine = await client.GetAsync("/my-actions");
        var index = mine.QuerySelectorAll("main form").ToList().FindIndex(f => f.QuerySelector("input[name='Form.ActionId']")?.GetAttribute("value") == target.ActionId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(index >= 0);
        var inline = await client.SubmitAsync(mine, new Dictionary<string, string> { ["Form.Status"] = "Complete", ["Form.RagCode"] = "" }, index);
        Assert.Equal(HttpStatusCode.BadRequest, inline.Status);
        Assert.Contains(inline.Errors, e => e.Contains("complete, ask for sign-off", StringComparison.Ordinal));

        int roundId;
        using (var scope = _factory.Services.CreateScope())
        {
            roundId = await scope.ServiceProvider.GetRequiredService<TrellisDbContext>().Rounds
                .Where(r => r.PlanId == target.PlanId && r.Status == Trellis.Core.Rounds.RoundStatus.Open).Select(r => r.Id).SingleAsync();
        }

        var form = await client.GetAsync($"/rounds/{roundId}/actions/{target.ActionId}");
        Assert.NotNull(form.QuerySelector($"#sign-off-link a[href='/plans/{target.PlanId}/actions/{target.ActionId}/sign-off']"));
        var round = await client.SubmitAsync(form, new Dictionary<string, string> { ["Form.Status"] = "Complete", ["Form.RagCode"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, round.Status);
        Assert.Contains(round.Errors, e => e.Contains("complete, ask for sign-off", StringComparison.Ordinal));
        Assert.Equal(ActionStatus.InProgress, await StatusAsync(target.ActionId));

        // A plan manager approves sign-offs, so may still set Complete directly (it is in the audit trail).
        _factory.SignedInAs.Email = TrellisWebFactory.PlanManager;
        var manager = await client.GetAsync($"/rounds/{roundId}/actions/{target.ActionId}");
        var saved = await client.SubmitAsync(manager, new Dictionary<string, string> { ["Form.Status"] = "Complete", ["Form.RagCode"] = "B" });
        Assert.True(saved.Status == HttpStatusCode.Redirect, saved.Body);
        Assert.Equal(ActionStatus.Complete, await StatusAsync(target.ActionId));
    }

    [Fact]
    public async Task The_demo_queue_is_not_empty_for_the_plan_manager()
    {
        using var scope = _factory.Services.CreateScope();
        var planId = await scope.ServiceProvider.GetRequiredService<TrellisDbContext>().Plans.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
        var queue = await ParseAsync(await Client(TrellisWebFactory.PlanManager).GetAsync($"/plans/{planId}/sign-offs"));
        Assert.Single(queue.QuerySelectorAll("main table tbody tr"));
        var contributor = await ParseAsync(await Client(TrellisWebFactory.Contributor).GetAsync($"/plans/{planId}/sign-offs"));
        Assert.NotNull(contributor.QuerySelector("#empty-queue"));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
