using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trellis.Core.Data;
using Trellis.Core.Plans;
using Trellis.Core.Rounds;
using Trellis.Web.Tests.Infrastructure;

namespace Trellis.Web.Tests.Pages.Committee;

public class CommitteePagesTests : IDisposable
{
    private const string Script = "<script>alert(1)</script>";
    private const string Image = "<img src=x onerror=alert(1)>";
    private const string JavaScriptLink = "javascript:alert(1)";

    private readonly TrellisWebFactory _factory = new();
    private readonly PageClient _client;

    public CommitteePagesTests() => _client = new PageClient(_factory);

    public void Dispose() => _factory.Dispose();

    // Narrative

    [Fact]
    public async Task Get_Narrative_ShowsSectionsNumberedWithFormattingRendered()
    {
        var (planId, roundId) = await PlanWithRoundAsync();
        await AddNarrativeAsync(roundId, "Purpose of the report", "This report covers **six months** of _safeguarding_ work.\n\n- Contacts rose\n- Caseloads fell\n\n1. First\n2. Second");
        await AddNarrativeAsync(roundId, "Recommendations", "Members are asked to note the report.");

        var page = await _client.GetAsync($"/rounds/{roundId}/narrative");

        Assert.Equal("Committee report narrative", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(["1. Purpose of the report", "2. Recommendations"], page.QuerySelectorAll("main h2").Select(h => h.TextContent.Trim()));
        var first = page.QuerySelector("main section")!;
        Assert.Equal("six months", first.QuerySelector("p strong")!.TextContent);
        Assert.Equal("safeguarding", first.QuerySelector("p em")!.TextContent);
        Assert.Equal(["Contacts rose", "Caseloads fell"], first.QuerySelectorAll("ul.govuk-list--bullet li").Select(l => l.TextContent));
        Assert.Equal(["First", "Second"], first.QuerySelectorAll("ol li").Select(l => l.TextContent));
        Assert.Equal($"/rounds/{roundId}", page.QuerySelector(".govuk-back-link")!.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector($"a[href='/rounds/{roundId}/self-assessment']"));
        Assert.NotNull(page.QuerySelector($"a[href='/plans/{planId}/improvement-log']"));
    }

    [Fact]
    public async Task Get_AddNarrative_HintExplainsTheFormatting()
    {
        var (_, roundId) = await PlanWithRoundAsync();
        var page = await _client.GetAsync($"/rounds/{roundId}/narrative/new");
        var hint = page.QuerySelector("#Form_Body-hint")!.TextContent;
        Assert.Contains("blank line between paragraphs", hint, StringComparison.Ordinal);
        Assert.Contains("**bold**", hint, StringComparison.Ordinal);
        Assert.Contains("_italic_", hint, StringComparison.Ordinal);
        Assert.Equal("Form_Body-hint", page.QuerySelector("#Form_Body")!.GetAttribute("aria-describedby"));
    }

    [Fact]
    public async Task Post_AddNarrative_SavesAndRedirectsToTheSection()
    {
        var (_, roundId) = await PlanWithRoundAsync();
        var form = await _client.GetAsync($"/rounds/{roundId}/narrative/new");
        var result = await _client.SubmitAsync(form, new Dictionary<string, string> { ["Form.Heading"] = " Workforce ", ["Form.Body"] = "Caseloads are stable." });

        Assert.Equal(HttpStatusCode.Redirect, result.Status);
        var section = await QueryAsync(db => db.RoundNarratives.SingleAsync(n => n.RoundId == roundId));
        Assert.Equal($"/rounds/{roundId}/narrative#section-{section.Id}", result.Location);
        Assert.Equal(("Workforce", "Caseloads are stable."), (section.Heading, section.Body));
    }

    [Fact]
    public async Task Post_AddNarrative_HeadingAndBodyMissing_ShowsErrors()
    {
        var (_, roundId) = await PlanWithRoundAsync();
        var form = await _client.GetAsync($"/rounds/{roundId}/narrative/new");
        var result = await _client.SubmitAsync(form, new Dictionary<string, string> { ["Form.Heading"] = " ", ["Form.Body"] = "" });

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal(["Enter a heading, for example Purpose and summary of the report", "Enter the text of the section"], result.Errors);
        Assert.NotNull(result.Document.QuerySelector("#Form_Heading.govuk-input--error"));
        Assert.Equal("#Form_Heading", result.Document.QuerySelector(".govuk-error-summary__list a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Post_AddNarrative_HeadingTooLong_ShowsErrorAndKeepsText()
    {
        var (_, roundId) = await PlanWithRoundAsync();
        var form = await _client.GetAsync($"/rounds/{roundId}/narrative/new");
        var result = await _client.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Form.Heading"] = new string('H', RoundNarrative.HeadingMaxLength + 1),
            ["Form.Body"] = "Kept as typed",
        });

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal([$"The heading must be {RoundNarrative.HeadingMaxLength} characters or fewer"], result.Errors);
        Assert.Equal("Kept as typed", ((IHtmlTextAreaElement)result.Document.QuerySelector("#Form_Body")!).Value);
    }

    [Fact]
    public async Task Post_EditNarrative_SavesChanges()
    {
        var (_, roundId) = await PlanWithRoundAsync();
        var id = await AddNarrativeAsync(roundId, "Old heading", "Old text");
        var form = await _client.GetAsync($"/rounds/{roundId}/narrative/{id}/edit");
        Assert.Equal("Old heading", ((IHtmlInputElement)form.QuerySelector("#Form_Heading")!).Value);

        var result = await _client.SubmitAsync(form, new Dictionary<string, string> { ["Form.Heading"] = "New heading" });

        Assert.Equal(HttpStatusCode.Redirect, result.Status);
        Assert.Equal("New heading", await QueryAsync(db => db.RoundNarratives.Where(n => n.Id == id).Select(n => n.Heading).SingleAsync()));
    }

    [Fact]
    public async Task Post_MoveNarrative_SwapsWithTheSectionAbove()
    {
        var (_, roundId) = await PlanWithRoundAsync();
        await AddNarrativeAsync(roundId, "First", "One");
        var second = await AddNarrativeAsync(roundId, "Second", "Two");
        var page = await _client.GetAsync($"/rounds/{roundId}/narrative");
        var moveUp = page.QuerySelectorAll("main form").Select((f, i) => (f, i)).Single(x => x.f.QuerySelector("button[value='Up']") is not null
            && x.f.QuerySelector("input[name='sectionId']")!.GetAttribute("value") == second.ToString(System.Globalization.CultureInfo.InvariantCulture)).i;

        var result = await _client.SubmitAsync(page, new Dictionary<string, string> { ["direction"] = "Up" }, moveUp);

        Assert.Equal(HttpStatusCode.Redirect, result.Status);
        var after = await _client.GetAsync($"/rounds/{roundId}/narrative");
        Assert.Equal(["1. Second", "2. First"], after.QuerySelectorAll("main h2").Select(h => h.TextContent.Trim()));
    }

    [Fact]
    public async Task Post_DeleteNarrative_RemovesTheSection()
    {
        var (_, roundId) = await PlanWithRoundAsync();
        var id = await AddNarrativeAsync(roundId, "Going", "Soon");
        var confirm = await _client.GetAsync($"/rounds/{roundId}/narrative/{id}/delete");
        Assert.Equal("Going", confirm.QuerySelector(".govuk-inset-text")!.TextContent.Trim());

        var result = await _client.SubmitAsync(confirm, new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, result.Status);
        Assert.Equal($"/rounds/{roundId}/narrative", result.Location);
        Assert.False(await QueryAsync(db => db.RoundNarratives.AnyAsync(n => n.Id == id)));
    }

    [Fact]
    public async Task Post_AddNarrative_RoundClosed_ShowsErrorAndSavesNothing()
    {
        var (_, roundId) = await PlanWithRoundAsync();
        var form = await _client.GetAsync($"/rounds/{roundId}/narrative/new");
        await CloseRoundAsync(roundId);

        var result = await _client.SubmitAsync(form, new Dictionary<string, string> { ["Form.Heading"] = "Late", ["Form.Body"] = "Too late" });

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal([CommitteeResult.RoundClosedMessage], result.Errors);
        Assert.False(await QueryAsync(db => db.RoundNarratives.AnyAsync(n => n.RoundId == roundId)));
        var list = await _client.GetAsync($"/rounds/{roundId}/narrative");
        Assert.Null(list.QuerySelector($"a[href='/rounds/{roundId}/narrative/new']"));
        Assert.Contains("This round is closed", list.QuerySelector(".govuk-inset-text")!.TextContent, StringComparison.Ordinal);
    }

    // Self-assessment

    [Fact]
    public async Task Post_AddSelfAssessment_ShowsInTheTable()
    {
        var (_, roundId) = await PlanWithRoundAsync();
        var form = await _client.GetAsync($"/rounds/{roundId}/self-assessment/new");
        var result = await _client.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Form.AreaForImprovement"] = "Timely threshold decisions at the front door",
            ["Form.WhatWeHaveDone"] = "- Refreshed the protocol\n- Daily meetings",
            ["Form.ImpactOnPractice"] = "More children are **seen** quickly.",
        });

        Assert.Equal(HttpStatusCode.Redirect, result.Status);
        var page = await _client.GetAsync($"/rounds/{roundId}/self-assessment");
        var cells = page.QuerySelectorAll("tbody tr td");
        Assert.Equal("Timely threshold decisions at the front door", cells[0].TextContent.Trim());
        Assert.Equal(["Refreshed the protocol", "Daily meetings"], cells[1].QuerySelectorAll("li").Select(l => l.TextContent));
        Assert.Equal("seen", cells[2].QuerySelector("strong")!.TextContent);
    }

    [Fact]
    public async Task Post_AddSelfAssessment_FieldsMissing_ShowsErrors()
    {
        var (_, roundId) = await PlanWithRoundAsync();
        var form = await _client.GetAsync($"/rounds/{roundId}/self-assessment/new");
        var result = await _client.SubmitAsync(form, new Dictionary<string, string> { ["Form.AreaForImprovement"] = "", ["Form.WhatWeHaveDone"] = "" });

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal(["Enter the area of improvement identified", "Enter what you have done to improve"], result.Errors);
        Assert.NotNull(result.Document.QuerySelector("#Form_WhatWeHaveDone.govuk-textarea--error"));
    }

    [Fact]
    public async Task Post_EditMoveDeleteSelfAssessment_Work()
    {
        var (_, roundId) = await PlanWithRoundAsync();
        var first = await AddSelfAssessmentAsync(roundId, "First area");
        var second = await AddSelfAssessmentAsync(roundId, "Second area");

        var edit = await _client.GetAsync($"/rounds/{roundId}/self-assessment/{first}/edit");
        Assert.Equal(HttpStatusCode.Redirect, (await _client.SubmitAsync(edit, new Dictionary<string, string> { ["Form.AreaForImprovement"] = "First area, edited" })).Status);

        var list = await _client.GetAsync($"/rounds/{roundId}/self-assessment");
        var moveDown = list.QuerySelectorAll("main form").Select((f, i) => (f, i)).Single(x => x.f.QuerySelector("button[value='Down']") is not null).i;
        Assert.Equal(HttpStatusCode.Redirect, (await _client.SubmitAsync(list, new Dictionary<string, string> { ["direction"] = "Down" }, moveDown)).Status);
        var moved = await _client.GetAsync($"/rounds/{roundId}/self-assessment");
        Assert.Equal(["Second area", "First area, edited"], moved.QuerySelectorAll("tbody tr").Select(r => r.QuerySelector("td")!.TextContent.Trim()));

        var delete = await _client.GetAsync($"/rounds/{roundId}/self-assessment/{second}/delete");
        Assert.Equal(HttpStatusCode.Redirect, (await _client.SubmitAsync(delete, new Dictionary<string, string>())).Status);
        Assert.Equal([first], await QueryAsync(db => db.SelfAssessmentEntries.Where(s => s.RoundId == roundId).Select(s => s.Id).ToListAsync()));
    }

    // Improvement log

    [Fact]
    public async Task Get_ImprovementLog_OrdersByWhenThenAsAdded_UndatedLast()
    {
        var (planId, _) = await PlanWithRoundAsync();
        await AddLogAsync(planId, "Ongoing work", "Ongoing");
        await AddLogAsync(planId, "Second in 2019", "Started Jan 2019");
        await AddLogAsync(planId, "First in 2018", "Q3 2018");
        await AddLogAsync(planId, "Also Dec 2018", "Dec 2018");

        var page = await _client.GetAsync($"/plans/{planId}/improvement-log");

        Assert.Equal(["First in 2018", "Also Dec 2018", "Second in 2019", "Ongoing work"],
            page.QuerySelectorAll("tbody tr").Select(r => r.QuerySelector("td")!.TextContent.Trim()));
        var dates = await QueryAsync(db => db.ImprovementLogEntries.Where(l => l.PlanId == planId).OrderBy(l => l.SortOrder).Select(l => l.WhenDate).ToListAsync());
        Assert.Equal([null, new DateOnly(2019, 1, 31), new DateOnly(2018, 12, 31), new DateOnly(2018, 12, 31)], dates);
    }

    [Fact]
    public async Task Get_ViewPlan_LinksToTheImprovementLog()
    {
        var (planId, _) = await PlanWithRoundAsync();
        var page = await _client.GetAsync($"/plans/{planId}");
        Assert.NotNull(page.QuerySelector($"a[href='/plans/{planId}/improvement-log']"));
    }

    [Fact]
    public async Task Post_AddImprovementLog_WhatMissingAndWhenTooLong_ShowsErrors()
    {
        var (planId, _) = await PlanWithRoundAsync();
        var form = await _client.GetAsync($"/plans/{planId}/improvement-log/new");
        var result = await _client.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Form.WhatWeHaveDone"] = " ",
            ["Form.When"] = new string('Q', ImprovementLogEntry.WhenMaxLength + 1),
        });

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal(["Enter what you have done", $"When must be {ImprovementLogEntry.WhenMaxLength} characters or fewer"], result.Errors);
    }

    [Fact]
    public async Task Post_EditAndDeleteImprovementLog_Work()
    {
        var (planId, _) = await PlanWithRoundAsync();
        var id = await AddLogAsync(planId, "Draft", "TBC");
        var edit = await _client.GetAsync($"/plans/{planId}/improvement-log/{id}/edit");
        var saved = await _client.SubmitAsync(edit, new Dictionary<string, string> { ["Form.When"] = "Q3 2026" });
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal(new DateOnly(2026, 12, 31), await QueryAsync(db => db.ImprovementLogEntries.Where(l => l.Id == id).Select(l => l.WhenDate).SingleAsync()));

        var delete = await _client.GetAsync($"/plans/{planId}/improvement-log/{id}/delete");
        var deleted = await _client.SubmitAsync(delete, new Dictionary<string, string>());
        Assert.Equal($"/plans/{planId}/improvement-log", deleted.Location);
        Assert.False(await QueryAsync(db => db.ImprovementLogEntries.AnyAsync(l => l.Id == id)));
    }

    // Another council's ids, and typed markup

    [Fact]
    public async Task AnotherOrganisationsIds_AreNotFound()
    {
        await PlanWithRoundAsync();
        var (planId, roundId, sectionId, entryId, logId) = await AnotherCouncilsContentAsync();

        foreach (var url in new[]
        {
            $"/rounds/{roundId}/narrative", $"/rounds/{roundId}/narrative/new", $"/rounds/{roundId}/narrative/{sectionId}/edit", $"/rounds/{roundId}/narrative/{sectionId}/delete",
            $"/rounds/{roundId}/self-assessment", $"/rounds/{roundId}/self-assessment/new", $"/rounds/{roundId}/self-assessment/{entryId}/edit", $"/rounds/{roundId}/self-assessment/{entryId}/delete",
            $"/plans/{planId}/improvement-log", $"/plans/{planId}/improvement-log/new", $"/plans/{planId}/improvement-log/{logId}/edit", $"/plans/{planId}/improvement-log/{logId}/delete",
        })
        {
            await _client.GetAsync(url, HttpStatusCode.NotFound);
        }

        // A post with a valid token from our own page, aimed at the other council's round, changes nothing.
        var (_, ownRound) = await PlanWithRoundAsync("Own plan");
        var form = await _client.GetAsync($"/rounds/{ownRound}/narrative/new");
        var result = await _client.SubmitAsync(form, new Dictionary<string, string> { ["Form.Heading"] = "X", ["Form.Body"] = "Y" }, action: $"/rounds/{roundId}/narrative/new");
        Assert.Equal(HttpStatusCode.NotFound, result.Status);
        Assert.Equal(1, await QueryAsync(db => db.RoundNarratives.CountAsync(n => n.RoundId == roundId)));
    }

    [Fact]
    public async Task TypedMarkup_IsShownOnlyEncoded_InEveryField()
    {
        var (planId, roundId) = await PlanWithRoundAsync();
        var nasty = $"{Script} {Image} {JavaScriptLink} **{Script}** _{Image}_\n\n- {Script}\n1. {Image}";
        var oneLine = $"{Script} {Image} {JavaScriptLink}";
        await AddNarrativeAsync(roundId, oneLine, nasty);
        await AddSelfAssessmentAsync(roundId, nasty, nasty, nasty);
        await AddLogAsync(planId, nasty, oneLine[..Math.Min(oneLine.Length, ImprovementLogEntry.WhenMaxLength)], nasty);

        var ids = await QueryAsync(async db => (
            await db.RoundNarratives.Where(n => n.RoundId == roundId).Select(n => n.Id).SingleAsync(),
            await db.SelfAssessmentEntries.Where(s => s.RoundId == roundId).Select(s => s.Id).SingleAsync(),
            await db.ImprovementLogEntries.Where(l => l.PlanId == planId).Select(l => l.Id).SingleAsync()));
        foreach (var url in new[]
        {
            $"/rounds/{roundId}/narrative", $"/rounds/{roundId}/narrative/{ids.Item1}/edit", $"/rounds/{roundId}/narrative/{ids.Item1}/delete",
            $"/rounds/{roundId}/self-assessment", $"/rounds/{roundId}/self-assessment/{ids.Item2}/edit", $"/rounds/{roundId}/self-assessment/{ids.Item2}/delete",
            $"/plans/{planId}/improvement-log", $"/plans/{planId}/improvement-log/{ids.Item3}/edit", $"/plans/{planId}/improvement-log/{ids.Item3}/delete",
        })
        {
            var html = await _client.Http.GetStringAsync(url);
            Assert.DoesNotContain("<script>alert", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<img src=x", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("href=\"javascript:", html, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
            Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);
            Assert.Contains("javascript:alert(1)", html, StringComparison.Ordinal);
        }
    }

    // Helpers: the round is made directly, as the rounds pages are another piece of work.

    private async Task<(int PlanId, int RoundId)> PlanWithRoundAsync(string title = "Test plan")
    {
        var (planId, _) = await TestData.PlanWithAreaAsync(_factory, title);
        var roundId = await QueryAsync(async db =>
        {
            var round = new Round
            {
                PlanId = planId,
                Name = "2026/27 Q3",
                PeriodStart = new DateOnly(2026, 10, 1),
                PeriodEnd = new DateOnly(2026, 12, 31),
                OpenedAt = TrellisWebFactory.DefaultNow,
            };
            db.Rounds.Add(round);
            await db.SaveChangesAsync();
            return round.Id;
        });
        return (planId, roundId);
    }

    private async Task<(int PlanId, int RoundId, int SectionId, int EntryId, int LogId)> AnotherCouncilsContentAsync()
    {
        var other = await TestData.AnotherOrganisationAsync(_factory);
        using var scope = _factory.Services.CreateScope();
        var plans = scope.ServiceProvider.GetRequiredService<PlanService>();
        var content = scope.ServiceProvider.GetRequiredService<CommitteeContentService>();
        var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
        var plan = await plans.CreatePlanAsync(other, new PlanInput("Their plan", PlanStatus.Live, MonitoringCadence.Quarterly, null, null, true, []));
        var round = new Round { PlanId = plan.Id, Name = "2026/27 Q3", PeriodStart = new DateOnly(2026, 10, 1), PeriodEnd = new DateOnly(2026, 12, 31), OpenedAt = TrellisWebFactory.DefaultNow };
        db.Rounds.Add(round);
        await db.SaveChangesAsync();
        var section = await content.AddNarrativeAsync(other, round.Id, new NarrativeInput("Theirs", "Theirs"));
        var entry = await content.AddSelfAssessmentAsync(other, round.Id, new SelfAssessmentInput("Theirs", "Theirs", null));
        var log = await content.AddImprovementLogAsync(other, plan.Id, new ImprovementLogInput("Theirs", null, "Q3 2026"));
        return (plan.Id, round.Id, section.Id!.Value, entry.Id!.Value, log.Id!.Value);
    }

    private async Task<int> AddNarrativeAsync(int roundId, string heading, string body) =>
        await WithContentAsync(async (content, organisationId) => (await content.AddNarrativeAsync(organisationId, roundId, new NarrativeInput(heading, body))).Id!.Value);

    private async Task<int> AddSelfAssessmentAsync(int roundId, string area, string done = "Done", string impact = "Impact") =>
        await WithContentAsync(async (content, organisationId) => (await content.AddSelfAssessmentAsync(organisationId, roundId, new SelfAssessmentInput(area, done, impact))).Id!.Value);

    private async Task<int> AddLogAsync(int planId, string what, string when, string why = "Because") =>
        await WithContentAsync(async (content, organisationId) => (await content.AddImprovementLogAsync(organisationId, planId, new ImprovementLogInput(what, why, when))).Id!.Value);

    private async Task CloseRoundAsync(int roundId) =>
        await QueryAsync(async db =>
        {
            var round = await db.Rounds.SingleAsync(r => r.Id == roundId);
            round.Status = RoundStatus.Closed;
            round.ClosedAt = TrellisWebFactory.DefaultNow;
            await db.SaveChangesAsync();
            return 0;
        });

    private async Task<T> WithContentAsync<T>(Func<CommitteeContentService, int, Task<T>> work)
    {
        var organisationId = await TestData.OrganisationIdAsync(_factory);
        using var scope = _factory.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<CommitteeContentService>(), organisationId);
    }

    private async Task<T> QueryAsync<T>(Func<TrellisDbContext, Task<T>> query)
    {
        using var scope = _factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<TrellisDbContext>());
    }
}
