using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trellis.Core.Data;
using Trellis.Core.Dates;
using Trellis.Core.People;
using Trellis.Core.Plans;
using Trellis.Web.Tests.Infrastructure;

namespace Trellis.Web.Tests.Pages.People;

public class PeoplePagesTests : IDisposable
{
    private readonly TrellisWebFactory _factory = new();
    private readonly PageClient _client;

    public PeoplePagesTests() => _client = new PageClient(_factory);

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Get_List_ShowsEveryoneWithTheirActionsAndPlans()
    {
        var (_, areaId) = await TestData.PlanWithAreaAsync(_factory);
        await ActionAsync(areaId, "1.1", "Audit contacts", "SK", "A");
        var samId = await PersonIdAsync("Sam Kaur");
        var page = await _client.GetAsync("/people");
        Assert.Equal("People", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("a.govuk-button[href='/people/new']"));
        Assert.Equal("true", page.QuerySelector(".govuk-service-navigation__item--active a")?.GetAttribute("aria-current"));
        var row = page.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector($"th a[href='/people/{samId}']") is not null);
        Assert.Equal("Sam Kaur", row.QuerySelector("th")!.TextContent.Trim());
        Assert.Equal(["SK", "Director of Children's Social Care", "", "1", "Test plan"], row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()));
    }

    [Fact]
    public async Task Get_List_LeavesOutAnotherOrganisationsPeople()
    {
        await TestData.PlanWithAreaAsync(_factory);
        await AnotherOrganisationsPersonAsync();
        var page = await _client.GetAsync("/people");
        var names = page.QuerySelectorAll("tbody th").Select(h => h.TextContent.Trim()).ToList();
        Assert.Contains("Sam Kaur", names);
        Assert.DoesNotContain("Tariq Price", names);
    }

    [Fact]
    public async Task Get_Add_ShowsForm()
    {
        var page = await _client.GetAsync("/people/new");
        Assert.Equal("Add a person", page.QuerySelector("h1")!.TextContent.Trim());
        foreach (var field in new[] { "Initials", "Name", "JobTitle", "Agency", "Email" })
        {
            Assert.NotNull(page.QuerySelector($"label[for='Form_{field}']"));
        }

        Assert.Equal("email", page.QuerySelector("#Form_Email")!.GetAttribute("type"));
        Assert.Equal("/people", page.QuerySelector(".govuk-back-link")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Post_Add_CreatesPersonAndListsThem()
    {
        var form = await _client.GetAsync("/people/new");
        var result = await _client.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Form.Initials"] = "PS",
            ["Form.Name"] = " Priya Shah ",
            ["Form.JobTitle"] = "Detective Inspector",
            ["Form.Agency"] = "Metropolitan Police",
            ["Form.Email"] = "priya.shah@example.org",
        });
        Assert.Equal(HttpStatusCode.Redirect, result.Status);
        Assert.Equal("/people", result.Location);
        var list = await _client.GetAsync("/people");
        var row = list.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent.Trim() == "Priya Shah");
        Assert.Equal(["PS", "Detective Inspector", "Metropolitan Police", "0", "No plans"], row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()));
        var person = await _client.GetAsync(row.QuerySelector("th a")!.GetAttribute("href")!);
        Assert.NotNull(person.QuerySelector("a[href='mailto:priya.shah@example.org']"));
    }

    [Fact]
    public async Task Post_Add_InitialsAndNameMissing_ShowsError()
    {
        var form = await _client.GetAsync("/people/new");
        var result = await _client.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Form.Initials"] = " ",
            ["Form.Name"] = "",
            ["Form.JobTitle"] = "Head of Service",
        });
        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal(["Enter the person's initials or name"], result.Errors);
        Assert.Equal("#Form_Initials", result.Document.QuerySelector(".govuk-error-summary__list a")!.GetAttribute("href"));
        Assert.Equal("Head of Service", ((IHtmlInputElement)result.Document.QuerySelector("#Form_JobTitle")!).Value);
    }

    [Fact]
    public async Task Post_Add_EmailNotAnEmailAddress_ShowsError()
    {
        var form = await _client.GetAsync("/people/new");
        var result = await _client.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Form.Name"] = "Priya Shah",
            ["Form.Email"] = "priya.shah.example.org",
        });
        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal(["Enter an email address in the correct format, like name@example.com"], result.Errors);
    }

    [Fact]
    public async Task Post_Add_InitialsAndNameTooLong_ShowsErrors()
    {
        var form = await _client.GetAsync("/people/new");
        var result = await _client.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Form.Initials"] = new string('P', Person.InitialsMaxLength + 1),
            ["Form.Name"] = new string('n', Person.NameMaxLength + 1),
        });
        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal(["Initials must be 10 characters or fewer", "The name must be 200 characters or fewer"], result.Errors);
    }

    [Fact]
    public async Task Get_View_ShowsDetailsAndTheAreasTheyLead()
    {
        var (planId, areaId) = await TestData.PlanWithAreaAsync(_factory);
        var samId = await PersonIdAsync("Sam Kaur");
        var page = await _client.GetAsync($"/people/{samId}");
        Assert.Equal("Sam Kaur", page.QuerySelector("h1")!.TextContent.Trim());
        var details = page.QuerySelector(".govuk-summary-list")!.TextContent;
        Assert.Contains("SK", details, StringComparison.Ordinal);
        Assert.Contains("Director of Children's Social Care", details, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($".govuk-summary-list a[href='/plans/{planId}/people']"));
        Assert.Equal("They do not own any actions.", page.QuerySelector("#actions + p")!.TextContent.Trim());
        var area = page.QuerySelector("#areas + table tbody tr")!;
        Assert.Equal("1. Improve the front door", area.QuerySelector($"a[href='/plans/{planId}/areas/{areaId}']")!.TextContent.Trim());
        Assert.Equal("Lead", area.QuerySelectorAll("td")[2].TextContent.Trim());
        Assert.Contains(page.QuerySelectorAll("a"), a => a.TextContent.Trim() == "Edit details of Sam Kaur");
    }

    [Fact]
    public async Task Get_View_ListsActionsAcrossPlansOverdueFirstWithEachPlansRatings()
    {
        var (_, areaId) = await TestData.PlanWithAreaAsync(_factory);
        var samId = await PersonIdAsync("Sam Kaur");
        var (secondPlanId, secondAreaId) = await SecondPlanLedByAsync(samId);
        var later = await ActionAsync(areaId, "1.1", "Audit contacts", "SK", "A", ("March 2027", new DateOnly(2027, 3, 31)));
        var overdue = await ActionAsync(areaId, "1.2", "Review thresholds", "SK", "R", ("31st January 2026", new DateOnly(2026, 1, 31)));
        var undated = await ActionAsync(secondAreaId, "1.1", "Joint audit with the police", "SK", "A");
        await ActionAsync(areaId, "1.3", "Someone else's action", "JS", "G");

        var page = await _client.GetAsync($"/people/{samId}");
        var rows = page.QuerySelectorAll("#actions + table tbody tr");
        Assert.Equal(["Review thresholds", "Audit contacts", "Joint audit with the police"], rows.Select(r => r.QuerySelectorAll("td")[2].QuerySelector("a")!.TextContent.Trim()));
        Assert.Equal(["Red", "Amber", "At risk"], rows.Select(r => r.QuerySelector(".govuk-tag.trellis-rag")!.TextContent.Trim()));
        Assert.Equal(["Test plan", "Test plan", "Second plan"], rows.Select(r => r.QuerySelectorAll("td")[0].TextContent.Trim()));
        Assert.Contains("31st January 2026", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Equal("Overdue", rows[0].QuerySelector(".govuk-tag--red")!.TextContent.Trim());
        Assert.Null(rows[1].QuerySelector(".govuk-tag--red"));
        Assert.NotNull(rows[1].QuerySelector($"a[href$='/areas/{areaId}#action-{later}']"));
        Assert.NotNull(rows[0].QuerySelector($"a[href$='/areas/{areaId}#action-{overdue}']"));
        Assert.NotNull(rows[2].QuerySelector($"a[href='/plans/{secondPlanId}/areas/{secondAreaId}#action-{undated}']"));
        Assert.Contains(page.QuerySelectorAll("#areas + table tbody tr"), r => r.TextContent.Contains("Senior lead", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_Edit_ShowsDetailsAndLinksToDelete()
    {
        await TestData.PlanWithAreaAsync(_factory);
        var samId = await PersonIdAsync("Sam Kaur");
        var page = await _client.GetAsync($"/people/{samId}/edit");
        Assert.Equal("SK", ((IHtmlInputElement)page.QuerySelector("#Form_Initials")!).Value);
        Assert.Equal("Sam Kaur", ((IHtmlInputElement)page.QuerySelector("#Form_Name")!).Value);
        Assert.NotNull(page.QuerySelector($"a[href='/people/{samId}/delete']"));
    }

    [Fact]
    public async Task Post_Edit_ChangesDetails()
    {
        await TestData.PlanWithAreaAsync(_factory);
        var samId = await PersonIdAsync("Sam Kaur");
        var form = await _client.GetAsync($"/people/{samId}/edit");
        var result = await _client.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Form.Initials"] = "sk",
            ["Form.JobTitle"] = "Director of Children's Services",
            ["Form.Email"] = "sam.kaur@example.gov.uk",
        });
        Assert.Equal(HttpStatusCode.Redirect, result.Status);
        Assert.Equal($"/people/{samId}", result.Location);
        var page = await _client.GetAsync($"/people/{samId}");
        var details = page.QuerySelector(".govuk-summary-list")!.TextContent;
        Assert.Contains("Director of Children's Services", details, StringComparison.Ordinal);
        Assert.Contains("sam.kaur@example.gov.uk", details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_Edit_InitialsUsedByAnotherKeyLead_ShowsError()
    {
        await TestData.PlanWithAreaAsync(_factory);
        var joId = await PersonIdAsync("Jo Stone");
        var form = await _client.GetAsync($"/people/{joId}/edit");
        var result = await _client.SubmitAsync(form, new Dictionary<string, string> { ["Form.Initials"] = "sk" });
        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal(["Enter different initials: Sam Kaur already uses SK in the key leads of Test plan"], result.Errors);
    }

    [Fact]
    public async Task Get_Delete_ExplainsTheirNameStaysAsText()
    {
        var (_, areaId) = await TestData.PlanWithAreaAsync(_factory);
        await ActionAsync(areaId, "1.1", "Audit contacts", "SK", "A");
        var samId = await PersonIdAsync("Sam Kaur");
        var page = await _client.GetAsync($"/people/{samId}/delete");
        Assert.Equal("Are you sure you want to delete Sam Kaur?", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("The 1 action they own and the 1 area they lead keep their name, ‘Sam Kaur’, as text", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Test plan"], page.QuerySelectorAll("main ul.govuk-list li").Select(li => li.TextContent.Trim()));
    }

    [Fact]
    public async Task Post_Delete_KeepsTheirNameOnActionsAsText()
    {
        var (planId, areaId) = await TestData.PlanWithAreaAsync(_factory);
        var actionId = await ActionAsync(areaId, "1.1", "Audit contacts", "SK", "A");
        var samId = await PersonIdAsync("Sam Kaur");
        var confirm = await _client.GetAsync($"/people/{samId}/delete");
        var result = await _client.SubmitAsync(confirm, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, result.Status);
        Assert.Equal("/people", result.Location);
        await _client.GetAsync($"/people/{samId}", HttpStatusCode.NotFound);
        var area = await _client.GetAsync($"/plans/{planId}/areas/{areaId}");
        Assert.Equal("Sam Kaur", area.QuerySelector($"#action-{actionId} .trellis-unresolved")!.TextContent.Trim());
        Assert.DoesNotContain("Sam Kaur", (await _client.GetAsync("/people")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_UnknownPerson_IsNotFound()
    {
        await _client.GetAsync("/people/999999", HttpStatusCode.NotFound);
        await _client.GetAsync("/people/999999/edit", HttpStatusCode.NotFound);
        await _client.GetAsync("/people/999999/delete", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AnotherOrganisationsPerson_IsNotFound()
    {
        await TestData.PlanWithAreaAsync(_factory);
        var samId = await PersonIdAsync("Sam Kaur");
        var theirs = await AnotherOrganisationsPersonAsync();
        await _client.GetAsync($"/people/{theirs}", HttpStatusCode.NotFound);
        await _client.GetAsync($"/people/{theirs}/edit", HttpStatusCode.NotFound);
        await _client.GetAsync($"/people/{theirs}/delete", HttpStatusCode.NotFound);

        // Our own forms, with valid antiforgery tokens, posted at their person.
        var edit = await _client.GetAsync($"/people/{samId}/edit");
        var posted = await _client.SubmitAsync(edit, new Dictionary<string, string>(), action: $"http://localhost/people/{theirs}/edit");
        Assert.Equal(HttpStatusCode.NotFound, posted.Status);
        var delete = await _client.GetAsync($"/people/{samId}/delete");
        posted = await _client.SubmitAsync(delete, new Dictionary<string, string>(), action: $"http://localhost/people/{theirs}/delete");
        Assert.Equal(HttpStatusCode.NotFound, posted.Status);
    }

    private async Task<int> PersonIdAsync(string name)
    {
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
        return await db.People.Where(p => p.Name == name).Select(p => p.Id).SingleAsync();
    }

    /// <summary>An action owned by <paramref name="owners"/>; a due date, when given, is stored as if already read.</summary>
    private async Task<int> ActionAsync(int areaId, string reference, string text, string owners, string rag, (string Text, DateOnly Date)? due = null)
    {
        var organisationId = await TestData.OrganisationIdAsync(_factory);
        using var scope = _factory.Services.CreateScope();
        var plans = scope.ServiceProvider.GetRequiredService<PlanService>();
        var action = await plans.CreateActionAsync(organisationId, areaId, new ActionInput(reference, text, due?.Text, owners, ActionStatus.InProgress, rag, null));
        if (due is { } d)
        {
            // Stored as already read, so the ordering does not depend on the due-date reader's rules.
            var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
            var saved = await db.Actions.SingleAsync(a => a.Id == action!.Id);
            saved.Due = new Due { Text = d.Text, Date = d.Date, Precision = DuePrecision.Day };
            await db.SaveChangesAsync();
        }

        return action!.Id;
    }

    /// <summary>A second plan with Sam as its key lead and senior lead, whose scale calls Amber "At risk".</summary>
    private async Task<(int PlanId, int AreaId)> SecondPlanLedByAsync(int personId)
    {
        var organisationId = await TestData.OrganisationIdAsync(_factory);
        using var scope = _factory.Services.CreateScope();
        var plans = scope.ServiceProvider.GetRequiredService<PlanService>();
        var plan = await plans.CreatePlanAsync(organisationId, new PlanInput("Second plan", PlanStatus.Live, MonitoringCadence.Quarterly, null, null, true, []));
        await scope.ServiceProvider.GetRequiredService<PersonService>().AddToPlanAsync(organisationId, plan.Id, personId);
        var area = await plans.CreateAreaAsync(organisationId, plan.Id, new AreaInput("1", "Joint working with partners", null, null, null, null, "SK", [], [], [], [], [], null));
        var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
        var amber = await db.RagRatings.SingleAsync(r => r.PlanId == plan.Id && r.Scale == RagScale.Progress && r.Code == "A");
        amber.Label = "At risk";
        await db.SaveChangesAsync();
        return (plan.Id, area!.Id);
    }

    private async Task<int> AnotherOrganisationsPersonAsync()
    {
        var otherId = await TestData.AnotherOrganisationAsync(_factory);
        using var scope = _factory.Services.CreateScope();
        var person = await scope.ServiceProvider.GetRequiredService<PersonService>()
            .CreateAsync(otherId, null, new PersonInput("TP", "Tariq Price", "Head of Service", null, null));
        return person!.Id;
    }
}
