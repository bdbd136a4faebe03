using System.Net;
using System.Text;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trellis.Core.Data;
using Trellis.Core.Import;
using Trellis.Core.Interchange;
using Trellis.Testing;
using Trellis.Web.Tests.Infrastructure;

namespace Trellis.Web.Tests.Pages.Imports;

/// <summary>Upload, review, change, confirm and discard an imported plan, over HTTP like a browser without JavaScript.</summary>
public sealed class ImportPagesTests : IDisposable
{
    private readonly TrellisWebFactory _factory = new();
    private readonly PageClient _client;

    public ImportPagesTests() => _client = new PageClient(_factory);

    public void Dispose() => _factory.Dispose();

    /// <summary>A small plan with a key leads table, an owner nobody defined ("JH"), a doubtful date and stray text.</summary>
    public static PlanDocument SmallPlan() => new()
    {
        Organisation = new OrganisationDoc { Name = "Riverside Borough Council" },
        Plan = new PlanDoc { Title = "Riverside improvement plan" },
        People =
        [
            new PersonDoc { Id = "p1", Initials = "SK", Name = "Sam Kaur", JobTitle = "Director of Children's Social Care" },
            new PersonDoc { Id = "p2", Initials = "JS", Name = "Jo Stone" },
        ],
        Themes = [new ThemeDoc { Key = "A", Title = "Help and protection" }],
        Areas =
        [
            new AreaDoc
            {
                Number = "1",
                Theme = "A",
                Title = "Improve the front door",
                Leads = [new OwnerDoc { Person = "p1" }],
                Actions =
                [
                    new ActionDoc { Ref = "1.1", Text = "Review the duty rota", Owners = [new OwnerDoc { Person = "p1" }], Due = new DueDoc { Text = "31 st March 2016" }, Rag = "G" },
                    new ActionDoc
                    {
                        Ref = "1.2",
                        Text = "Audit contacts",
                        Owners = [new OwnerDoc { Text = "JH" }],
                        Due = new DueDoc { Text = "tbc with IT provider" },
                        Warnings = ["'JH' does not match anyone in the key leads table"],
                    },
                ],
            },
            new AreaDoc
            {
                Number = "2",
                Title = "Strengthen early help",
                Actions = [new ActionDoc { Ref = "2.1", Text = "Publish the early help strategy", Owners = [new OwnerDoc { Text = "JH" }] }],
            },
        ],
        Unplaced = ["Note: the board meets quarterly"],
    };

    public static byte[] Json(PlanDocument document) => Encoding.UTF8.GetBytes(PlanJson.Write(document));

    private async Task<string> UploadAsync(string name, byte[] content)
    {
        var page = await _client.GetAsync("/imports/new");
        var result = await _client.UploadAsync(page, "Upload", name, content);
        Assert.True(result.Status == HttpStatusCode.Redirect, $"upload answered {(int)result.Status}: {string.Join("; ", result.Errors)}");
        Assert.StartsWith("/imports/", result.Location, StringComparison.Ordinal);
        return result.Location!;
    }

    private async Task<int> PendingCountAsync()
    {
        using var scope = _factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<TrellisDbContext>().PendingImports.CountAsync();
    }

    private static string Count(IDocument page, string id) => page.QuerySelector("#" + id)!.TextContent.Trim();

    [Fact]
    public async Task PlansList_LinksToImport()
    {
        var page = await _client.GetAsync("/plans");
        Assert.NotNull(page.QuerySelector("a[href='/imports/new']"));
        var upload = await _client.GetAsync("/imports/new");
        Assert.Contains(".docx", upload.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("multipart/form-data", upload.QuerySelector("main form")!.GetAttribute("enctype"));
    }

    [Fact]
    public async Task Upload_SmallPlan_ReviewShowsEverythingToBeCreated()
    {
        var review = await _client.GetAsync(await UploadAsync("riverside.json", Json(SmallPlan())));

        Assert.Equal("2", Count(review, "count-areas"));
        Assert.Equal("3", Count(review, "count-actions"));
        Assert.Contains("2 new to Trellis", Count(review, "count-people"), StringComparison.Ordinal);
        Assert.Contains("2 matched to a person", Count(review, "count-owners"), StringComparison.Ordinal);
        Assert.Contains("2 not matched", Count(review, "count-owners"), StringComparison.Ordinal);
        Assert.Equal("1", Count(review, "count-warnings"));
        Assert.Equal("1", Count(review, "count-unplaced"));

        var audit = review.QuerySelector("#area-1-action-2")!.TextContent;
        Assert.Contains("JH", audit, StringComparison.Ordinal);
        Assert.Contains("Not matched", audit, StringComparison.Ordinal);
        Assert.Contains("'JH' does not match anyone", audit, StringComparison.Ordinal);
        Assert.Contains("to be confirmed", audit, StringComparison.Ordinal);
        var rota = review.QuerySelector("#area-1-action-1")!.TextContent;
        Assert.Contains("31 st March 2016", rota, StringComparison.Ordinal);
        Assert.Contains("on 31 Mar 2016", rota, StringComparison.Ordinal);
        Assert.Contains("Green", rota, StringComparison.Ordinal);
        Assert.Contains("Note: the board meets quarterly", review.QuerySelector("#unplaced-list")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("A: Help and protection", review.QuerySelector("#area-1")!.ParentElement!.TextContent, StringComparison.Ordinal);
    }

    [SharedDataFact]
    public async Task Upload_WordSample_ReviewsNineAreasAndSixtyOneActions()
    {
        var file = Directory.GetFiles(SharedData.Path("samples"), "000_*.docx").Single();
        var review = await _client.GetAsync(await UploadAsync(Path.GetFileName(file), await File.ReadAllBytesAsync(file)));

        Assert.Equal("9", Count(review, "count-areas"));
        Assert.Equal("61", Count(review, "count-actions"));
        Assert.Equal(9, review.QuerySelectorAll("section.trellis-import-area").Length);
        Assert.Equal(61, review.QuerySelectorAll("table.trellis-import-actions tbody tr").Length);
        Assert.True(int.Parse(Count(review, "count-unplaced"), System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.True(review.QuerySelectorAll("#unplaced-list li").Length > 0);
        Assert.NotNull(review.QuerySelector("a[href$='/owners']"));
    }

    [Theory]
    [InlineData("plan.json", "", "plan.json is empty")]
    [InlineData("plan.txt", "some text", "plan.txt is not a file Trellis can import")]
    [InlineData("plan.docx", "PK\u0003\u0004 this is not really a Word document", "plan.docx could not")]
    [InlineData("plan.json", "{ \"format\": \"trellis.plan\", ", "plan.json could not be imported")]
    [InlineData("plan.json", "{ \"format\": \"trellis.plan\", \"version\": 1, \"organisation\": { \"name\": \"X\" }, \"plan\": { \"title\": \"\" }, \"areas\": [], \"colour\": 1 }", "plan.json could not be imported")]
    public async Task Upload_BadFile_ShowsErrorAndStoresNothing(string name, string content, string error)
    {
        var page = await _client.GetAsync("/imports/new");
        var result = await _client.UploadAsync(page, "Upload", name, Encoding.UTF8.GetBytes(content));

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Contains(result.Errors, e => e.StartsWith(error, StringComparison.Ordinal));
        Assert.Equal("#Upload", result.Document.QuerySelector(".govuk-error-summary__list a")!.GetAttribute("href"));
        Assert.NotNull(result.Document.QuerySelector("#Upload-error"));
        Assert.Equal(0, await PendingCountAsync());
    }

    [Fact]
    public async Task Upload_JsonWithProblems_ListsEachProblemWithItsPlace()
    {
        var page = await _client.GetAsync("/imports/new");
        var json = "{ \"format\": \"trellis.plan\", \"version\": 1, \"organisation\": { \"name\": \"X\" }, \"plan\": { \"title\": \"\" }, \"areas\": [], \"colour\": 1 }";
        var result = await _client.UploadAsync(page, "Upload", "plan.json", Encoding.UTF8.GetBytes(json));

        var problems = result.Document.QuerySelectorAll("[aria-labelledby=problems] li").Select(li => li.TextContent).ToList();
        Assert.Contains(problems, p => p.Contains("$.plan.title", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("colour", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Upload_NoFile_AsksForOne()
    {
        var page = await _client.GetAsync("/imports/new");
        var result = await _client.SubmitAsync(page, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal(["Select a plan file"], result.Errors);
    }

    [Fact]
    public async Task Upload_LargerThanTheLimit_ShowsErrorNot413()
    {
        var page = await _client.GetAsync("/imports/new");
        var result = await _client.UploadAsync(page, "Upload", "huge.docx", new byte[PendingImport.MaxFileBytes + 1]);

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal(["huge.docx must be smaller than 50 MB"], result.Errors);
        Assert.Equal(0, await PendingCountAsync());
    }

    [Fact]
    public async Task Upload_RequestBodyOverTheLimit_ShowsErrorWithoutReadingIt()
    {
        var page = await _client.GetAsync("/imports/new");
        var result = await _client.UploadAsync(page, "Upload", "huge.json", new byte[PendingImport.MaxFileBytes + (2 * 1024 * 1024)]);

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal(["The selected file must be smaller than 50 MB"], result.Errors);
        Assert.Equal(0, await PendingCountAsync());
    }

    [Fact]
    public async Task Upload_WithoutAntiforgeryToken_IsRefused()
    {
        using var body = new MultipartFormDataContent { { new ByteArrayContent(Json(SmallPlan())), "Upload", "plan.json" } };
        var response = await _client.Http.PostAsync("/imports/new", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("This form had expired", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await PendingCountAsync());
    }

    [Fact]
    public async Task EditAction_NewTextAndDate_ShowOnTheReviewReadAgain()
    {
        var review = await UploadAsync("riverside.json", Json(SmallPlan()));
        var edit = await _client.GetAsync(review + "/areas/0/actions/1");
        Assert.Equal("Audit contacts", edit.QuerySelector("#Text")!.TextContent);
        Assert.Equal("JH", ((AngleSharp.Html.Dom.IHtmlInputElement)edit.QuerySelector("#Owners")!).Value);

        var saved = await _client.SubmitAsync(edit, new Dictionary<string, string> { ["Text"] = "Audit every contact", ["Due"] = "Q3 2026/27", ["Status"] = "in-progress" });
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);

        var row = (await _client.GetAsync(review)).QuerySelector("#area-1-action-2")!.TextContent;
        Assert.Contains("Audit every contact", row, StringComparison.Ordinal);
        Assert.Contains("by 31 Dec 2026", row, StringComparison.Ordinal);
        Assert.Contains("In progress", row, StringComparison.Ordinal);
        Assert.Contains("'JH' does not match anyone", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditAction_OwnersRetyped_AreMatchedAndTheWarningCanBeTicked()
    {
        var review = await UploadAsync("riverside.json", Json(SmallPlan()));
        var edit = await _client.GetAsync(review + "/areas/0/actions/1");
        var saved = await _client.SubmitAsync(edit, new Dictionary<string, string> { ["Owners"] = "JS", ["Keep"] = string.Empty });
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);

        var page = await _client.GetAsync(review);
        var row = page.QuerySelector("#area-1-action-2")!.TextContent;
        Assert.Contains("JS (Jo Stone)", row, StringComparison.Ordinal);
        Assert.DoesNotContain("does not match", row, StringComparison.Ordinal);
        Assert.Equal("0", Count(page, "count-warnings"));
    }

    [Fact]
    public async Task EditAction_RefAndTextBlank_ShowsErrors()
    {
        var review = await UploadAsync("riverside.json", Json(SmallPlan()));
        var edit = await _client.GetAsync(review + "/areas/0/actions/0");
        var result = await _client.SubmitAsync(edit, new Dictionary<string, string> { ["Ref"] = " ", ["Text"] = string.Empty });

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal(["Enter the action's reference, for example 1.3", "Enter what will be done"], result.Errors);
        Assert.Equal("#Ref", result.Document.QuerySelector(".govuk-error-summary__list a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task EditArea_RagCodeNotOnScale_IsRefusedByTheDocumentRules()
    {
        var review = await UploadAsync("riverside.json", Json(SmallPlan()));
        var edit = await _client.GetAsync(review + "/areas/0/actions/0");
        var result = await _client.SubmitAsync(edit, new Dictionary<string, string> { ["Rag"] = "Purple" });

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Contains(result.Errors, e => e.Contains("'Purple' is not a rating", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EditArea_NumberTitleAndTheme_Change()
    {
        var review = await UploadAsync("riverside.json", Json(SmallPlan()));
        var edit = await _client.GetAsync(review + "/areas/1");
        var saved = await _client.SubmitAsync(edit, new Dictionary<string, string> { ["Number"] = "2A", ["Title"] = "Make early help count", ["Theme"] = "A" });
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);

        var heading = (await _client.GetAsync(review)).QuerySelector("#area-2")!.TextContent;
        Assert.Equal("Area 2A: Make early help count", heading.Trim());

        var clash = await _client.SubmitAsync(await _client.GetAsync(review + "/areas/1"), new Dictionary<string, string> { ["Number"] = "1" });
        Assert.Equal(HttpStatusCode.BadRequest, clash.Status);
        Assert.Equal(["Another area is already numbered 1"], clash.Errors);
    }

    [Fact]
    public async Task RemoveArea_LeavesItOutOfTheImport()
    {
        var review = await UploadAsync("riverside.json", Json(SmallPlan()));
        var edit = await _client.GetAsync(review + "/areas/1");
        var removed = await _client.SubmitAsync(edit, new Dictionary<string, string>(), formIndex: 1);
        Assert.Equal(HttpStatusCode.Redirect, removed.Status);

        var page = await _client.GetAsync(review);
        Assert.Equal("1", Count(page, "count-areas"));
        Assert.Equal("2", Count(page, "count-actions"));
        Assert.DoesNotContain("Strengthen early help", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RemoveAction_LeavesItOutOfTheImport()
    {
        var review = await UploadAsync("riverside.json", Json(SmallPlan()));
        var removed = await _client.SubmitAsync(await _client.GetAsync(review + "/areas/0/actions/0"), new Dictionary<string, string>(), formIndex: 1);
        Assert.Equal(HttpStatusCode.Redirect, removed.Status);
        Assert.Equal("2", Count(await _client.GetAsync(review), "count-actions"));
    }

    [Fact]
    public async Task EditAction_FormOpenedBeforeAnotherWasRemoved_ChangesNothing()
    {
        var review = await UploadAsync("riverside.json", Json(SmallPlan()));
        var stale = await _client.GetAsync(review + "/areas/0/actions/0");
        await _client.SubmitAsync(await _client.GetAsync(review + "/areas/0/actions/0"), new Dictionary<string, string>(), formIndex: 1);

        // Position 0 now holds action 1.2; the old form for 1.1 must not overwrite it.
        var result = await _client.SubmitAsync(stale, new Dictionary<string, string> { ["Text"] = "Changed in an old tab" });
        Assert.Equal(HttpStatusCode.Redirect, result.Status);
        var page = await _client.GetAsync(review);
        Assert.Contains("Audit contacts", page.QuerySelector("#area-1-action-1")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Changed in an old tab", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MatchOwners_MapsTheTextEverywhereItIsUsed()
    {
        var review = await UploadAsync("riverside.json", Json(SmallPlan()));
        var owners = await _client.GetAsync(review + "/owners");
        Assert.Equal("‘JH’", owners.QuerySelector("label[for='Matches_0__Person']")!.TextContent);
        Assert.Contains("Used 2 times", owners.QuerySelector("#Matches_0__Person-hint")!.TextContent, StringComparison.Ordinal);

        var saved = await _client.SubmitAsync(owners, new Dictionary<string, string> { ["Matches[0].Person"] = "p2" });
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);

        var page = await _client.GetAsync(review);
        Assert.Contains("0 not matched", Count(page, "count-owners"), StringComparison.Ordinal);
        Assert.Equal("0", Count(page, "count-warnings"));
        Assert.Contains("JS (Jo Stone)", page.QuerySelector("#area-2-action-1")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MatchOwners_PersonNotInThePlan_ShowsError()
    {
        var review = await UploadAsync("riverside.json", Json(SmallPlan()));
        var result = await _client.SubmitAsync(await _client.GetAsync(review + "/owners"), new Dictionary<string, string> { ["Matches[0].Person"] = "p99" });
        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal(["Select a person from the list for 'JH'"], result.Errors);
    }

    [Fact]
    public async Task UnplacedText_MovesIntoAnActionsComments()
    {
        var review = await UploadAsync("riverside.json", Json(SmallPlan()));
        var place = await _client.GetAsync(review + "/unplaced/0");
        var saved = await _client.SubmitAsync(place, new Dictionary<string, string> { ["Target"] = "1:0" });
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);

        var page = await _client.GetAsync(review);
        Assert.Equal("0", Count(page, "count-unplaced"));
        Assert.Contains("Comments: Note: the board meets quarterly", page.QuerySelector("#area-2-action-1")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnplacedText_Removed_IsGone()
    {
        var review = await UploadAsync("riverside.json", Json(SmallPlan()));
        var saved = await _client.SubmitAsync(await _client.GetAsync(review + "/unplaced/0"), new Dictionary<string, string> { ["Target"] = "remove" });
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal("0", Count(await _client.GetAsync(review), "count-unplaced"));
        await _client.GetAsync(review + "/unplaced/0", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Confirm_StoresThePlan_OnceOnly()
    {
        var review = await UploadAsync("riverside.json", Json(SmallPlan()));
        var page = await _client.GetAsync(review);
        var confirmed = await _client.SubmitAsync(page, new Dictionary<string, string>(), formIndex: 0);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.Status);
        Assert.Matches("^/plans/[0-9]+$", confirmed.Location);

        var plan = await _client.GetAsync(confirmed.Location!);
        Assert.Equal("Plan imported: 2 areas, 3 actions", plan.QuerySelector("#notice")!.TextContent.Trim());
        Assert.Equal("Riverside improvement plan", plan.QuerySelector("h1")!.TextContent.Trim());

        // The back button and a second press lead to the same plan.
        var again = await _client.SubmitAsync(page, new Dictionary<string, string>(), formIndex: 0);
        Assert.Equal(HttpStatusCode.Redirect, again.Status);
        Assert.Equal(confirmed.Location, again.Location);
        var back = await _client.Http.GetAsync(review);
        Assert.Equal(confirmed.Location, back.Headers.Location?.ToString());

        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
        var stored = await db.Plans.Where(p => p.Title == "Riverside improvement plan").Select(p => new { Areas = p.Areas.Count, Actions = p.Areas.SelectMany(a => a.Actions).Count() }).SingleAsync();
        Assert.Equal(2, stored.Areas);
        Assert.Equal(3, stored.Actions);
        Assert.Equal(string.Empty, await db.PendingImports.Select(p => p.DocumentJson).SingleAsync());
    }

    [Fact]
    public async Task Confirm_PressedTwiceAtOnce_StoresOnePlan()
    {
        var review = await UploadAsync("riverside.json", Json(SmallPlan()));
        var page = await _client.GetAsync(review);
        var results = await Task.WhenAll(
            _client.SubmitAsync(page, new Dictionary<string, string>(), formIndex: 0),
            _client.SubmitAsync(page, new Dictionary<string, string>(), formIndex: 0));

        Assert.All(results, r => Assert.Equal(HttpStatusCode.Redirect, r.Status));
        Assert.Equal(results[0].Location, results[1].Location);
        using var scope = _factory.Services.CreateScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<TrellisDbContext>().Plans.CountAsync(p => p.Title == "Riverside improvement plan"));
    }

    [Fact]
    public async Task Discard_ForgetsTheImport()
    {
        var review = await UploadAsync("riverside.json", Json(SmallPlan()));
        var discarded = await _client.SubmitAsync(await _client.GetAsync(review), new Dictionary<string, string>(), formIndex: 1);
        Assert.Equal(HttpStatusCode.Redirect, discarded.Status);
        Assert.Equal("/plans", discarded.Location);
        Assert.Contains("Import discarded", (await _client.GetAsync("/plans")).QuerySelector("#notice")!.TextContent, StringComparison.Ordinal);
        await _client.GetAsync(review, HttpStatusCode.NotFound);
        Assert.Equal(0, await PendingCountAsync());
    }

    [Fact]
    public async Task AnotherCouncilsImport_IsNotFound()
    {
        var other = await TestData.AnotherOrganisationAsync(_factory);
        Guid id;
        using (var scope = _factory.Services.CreateScope())
        {
            id = await scope.ServiceProvider.GetRequiredService<PendingImportService>().CreateAsync(other, "theirs.json", SmallPlan(), null);
        }

        await _client.GetAsync($"/imports/{id}", HttpStatusCode.NotFound);
        await _client.GetAsync($"/imports/{id}/areas/0", HttpStatusCode.NotFound);
        await _client.GetAsync($"/imports/{id}/areas/0/actions/0", HttpStatusCode.NotFound);
        await _client.GetAsync($"/imports/{id}/owners", HttpStatusCode.NotFound);
        var confirm = await _client.Http.PostAsync($"/imports/{id}?handler=Confirm", new FormUrlEncodedContent([]));
        Assert.NotEqual(HttpStatusCode.Redirect, confirm.StatusCode);
        using var check = _factory.Services.CreateScope();
        Assert.Equal(0, await check.ServiceProvider.GetRequiredService<TrellisDbContext>().Plans.CountAsync(p => p.Title == "Riverside improvement plan"));
    }

    [Fact]
    public async Task PendingImports_OlderThanAWeek_AreDeletedWhenTheNextIsUploaded()
    {
        await UploadAsync("old.json", Json(SmallPlan()));
        _factory.Clock.Advance(PendingImport.KeptFor + TimeSpan.FromMinutes(1));
        await UploadAsync("new.json", Json(SmallPlan()));

        using var scope = _factory.Services.CreateScope();
        Assert.Equal(["new.json"], await scope.ServiceProvider.GetRequiredService<TrellisDbContext>().PendingImports.Select(p => p.SourceName).ToListAsync());
    }

    [Fact]
    public async Task DemoPlanExport_RoundTripsThroughTheReview()
    {
        var export = await _client.Http.GetByteArrayAsync("/plans/1/export.json");
        var review = await _client.GetAsync(await UploadAsync("castlebridge.json", export));
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
        Assert.Equal((await db.Areas.CountAsync(a => a.PlanId == 1)).ToString(System.Globalization.CultureInfo.InvariantCulture), Count(review, "count-areas"));
        Assert.Equal((await db.Actions.CountAsync(a => a.Area.PlanId == 1)).ToString(System.Globalization.CultureInfo.InvariantCulture), Count(review, "count-actions"));
        Assert.Contains("0 new to Trellis", Count(review, "count-people"), StringComparison.Ordinal);
    }
}

/// <summary>The same journey on PostgreSQL.</summary>
public sealed class PostgresImportPagesTests
{
    [PostgresFact]
    public async Task UploadEditConfirm_OnPostgres_StoresOnePlan()
    {
        await using var factory = new TrellisWebFactory { UsePostgres = true };
        var client = new PageClient(factory);
        var upload = await client.UploadAsync(await client.GetAsync("/imports/new"), "Upload", "riverside.json", ImportPagesTests.Json(ImportPagesTests.SmallPlan()));
        Assert.Equal(HttpStatusCode.Redirect, upload.Status);
        var review = upload.Location!;

        var owners = await client.SubmitAsync(await client.GetAsync(review + "/owners"), new Dictionary<string, string> { ["Matches[0].Person"] = "p1" });
        Assert.Equal(HttpStatusCode.Redirect, owners.Status);
        var page = await client.GetAsync(review);
        var results = await Task.WhenAll(
            client.SubmitAsync(page, new Dictionary<string, string>(), formIndex: 0),
            client.SubmitAsync(page, new Dictionary<string, string>(), formIndex: 0));
        Assert.All(results, r => Assert.Equal(HttpStatusCode.Redirect, r.Status));
        Assert.Equal(results[0].Location, results[1].Location);

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
        var plan = await db.Plans.Where(p => p.Title == "Riverside improvement plan")
            .Select(p => new { Actions = p.Areas.SelectMany(a => a.Actions).Count(), Unmatched = p.Areas.SelectMany(a => a.Actions).SelectMany(a => a.Owners).Count(o => o.PersonId == null) })
            .SingleAsync();
        Assert.Equal(3, plan.Actions);
        Assert.Equal(0, plan.Unmatched);
    }

    [PostgresFact]
    public async Task SpreadsheetColumnsThenUpdate_OnPostgres_RemembersAndUpdatesTheSamePlan()
    {
        const string csv = "Area for improvement,Ref,Action,Lead officer,By when,Extra\nImprove the front door,1.1,Review the duty rota,Sam Kaur,June 2016,Started in May\n";
        await using var factory = new TrellisWebFactory { UsePostgres = true };
        var client = new PageClient(factory);

        var upload = await client.UploadAsync(await client.GetAsync("/imports/new"), "Upload", "front-door.csv", Encoding.UTF8.GetBytes(csv));
        Assert.EndsWith("/columns", upload.Location, StringComparison.Ordinal);
        var saved = await client.SubmitAsync(await client.GetAsync(upload.Location!), new Dictionary<string, string> { ["Roles[5]"] = "Comments" });
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var confirmed = await client.SubmitAsync(await client.GetAsync(saved.Location!), new Dictionary<string, string>(), formIndex: 0);
        Assert.Matches("^/plans/[0-9]+$", confirmed.Location);
        var planId = confirmed.Location!["/plans/".Length..];

        var again = await client.UploadAsync(await client.GetAsync("/imports/new"), "Upload", "front-door.csv", Encoding.UTF8.GetBytes(csv.Replace("June 2016", "July 2016", StringComparison.Ordinal)));
        var columns = await client.GetAsync(again.Location!);
        Assert.NotNull(columns.QuerySelector("#remembered"));
        var review = await client.SubmitAsync(columns, new Dictionary<string, string>());
        var reviewPage = await client.GetAsync(review.Location!);
        var chosen = await client.SubmitAsync(reviewPage, new Dictionary<string, string> { ["Target"] = planId }, formIndex: 0);
        Assert.EndsWith("/update", chosen.Location, StringComparison.Ordinal);
        var update = await client.GetAsync(chosen.Location!);
        Assert.Contains("July 2016", update.QuerySelector("#change-list")!.TextContent, StringComparison.Ordinal);
        var applied = await client.SubmitAsync(update, new Dictionary<string, string>());
        Assert.Equal(confirmed.Location, applied.Location);

        var id = int.Parse(planId, System.Globalization.CultureInfo.InvariantCulture);
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
        Assert.Equal(["Review the duty rota July 2016 Started in May"], await db.Actions.Where(a => a.Area.PlanId == id).Select(a => a.Text + " " + a.Due.Text + " " + a.Comments).ToListAsync());
    }
}
