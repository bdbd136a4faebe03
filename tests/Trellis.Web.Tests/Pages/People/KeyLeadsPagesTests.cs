using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trellis.Core.Data;
using Trellis.Core.People;
using Trellis.Core.Plans;
using Trellis.Web.Tests.Infrastructure;

namespace Trellis.Web.Tests.Pages.People;

public class KeyLeadsPagesTests : IDisposable
{
    private readonly TrellisWebFactory _factory = new();
    private readonly PageClient _client;

    public KeyLeadsPagesTests() => _client = new PageClient(_factory);

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Get_KeyLeads_ShowsTheTableInThePlansOrder()
    {
        var (planId, areaId) = await TestData.PlanWithAreaAsync(_factory);
        var organisationId = await TestData.OrganisationIdAsync(_factory);
        using (var scope = _factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<PlanService>().CreateActionAsync(organisationId, areaId,
                new ActionInput("1.1", "Audit contacts", null, "SK", null, null, null));
        }

        var samId = await PersonIdAsync("Sam Kaur");
        var page = await _client.GetAsync($"/plans/{planId}/people");
        Assert.Equal("Key leads", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("Key leads for Test plan", page.QuerySelector("#key-leads caption")!.TextContent.Trim());
        Assert.Equal(["Job title", "Name", "Initials", "Actions owned in this plan"], page.QuerySelectorAll("#key-leads thead th").Select(h => h.TextContent.Trim()));
        var rows = page.QuerySelectorAll("#key-leads tbody tr")
            .Select(r => r.Children.Select(c => c.TextContent.Trim()).ToArray()).ToList();
        Assert.Equal(["Director of Children's Social Care", "Sam Kaur", "SK", "1"], rows[0]);
        Assert.Equal(["Early Help Commissioner", "Jo Stone", "JS", "0"], rows[1]);
        Assert.NotNull(page.QuerySelector($"#key-leads a[href='/people/{samId}']"));
        Assert.NotNull(page.QuerySelector($"a.govuk-button[href='/plans/{planId}/people/new']"));
    }

    [Fact]
    public async Task Get_KeyLeads_OffersOnlyPeopleNotYetInThePlan()
    {
        var (planId, _) = await TestData.PlanWithAreaAsync(_factory);
        await NewPersonAsync("PS", "Priya Shah", "Detective Inspector");
        var page = await _client.GetAsync($"/plans/{planId}/people");
        var options = page.QuerySelectorAll("#PersonId option").Select(o => o.TextContent.Trim()).ToList();
        Assert.Equal("Choose a person", options[0]);
        Assert.Contains("Priya Shah (PS), Detective Inspector", options);
        Assert.DoesNotContain(options, o => o.StartsWith("Sam Kaur", StringComparison.Ordinal) || o.StartsWith("Jo Stone", StringComparison.Ordinal));
        Assert.NotNull(page.QuerySelector("label[for='PersonId']"));
    }

    [Fact]
    public async Task Post_AddExisting_AddsThemToTheKeyLeads()
    {
        var (planId, _) = await TestData.PlanWithAreaAsync(_factory);
        var priyaId = await NewPersonAsync("PS", "Priya Shah", "Detective Inspector");
        var page = await _client.GetAsync($"/plans/{planId}/people");
        var result = await AddExistingAsync(page, planId, priyaId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(HttpStatusCode.Redirect, result.Status);
        Assert.Equal($"/plans/{planId}/people#key-leads", result.Location);
        var after = await _client.GetAsync($"/plans/{planId}/people");
        Assert.Equal("Priya Shah", after.QuerySelectorAll("#key-leads tbody tr")[^1].QuerySelector("th")!.TextContent.Trim());
        Assert.DoesNotContain(after.QuerySelectorAll("#PersonId option"), o => o.GetAttribute("value") == priyaId.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Post_AddExisting_NoPersonChosen_ShowsError()
    {
        var (planId, _) = await TestData.PlanWithAreaAsync(_factory);
        await NewPersonAsync("PS", "Priya Shah", null);
        var page = await _client.GetAsync($"/plans/{planId}/people");
        var result = await AddExistingAsync(page, planId, "");
        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal(["Select the person to add to the key leads"], result.Errors);
        Assert.Equal("#PersonId", result.Document.QuerySelector(".govuk-error-summary__list a")!.GetAttribute("href"));
        Assert.Equal(2, result.Document.QuerySelectorAll("#key-leads tbody tr").Length);
    }

    [Fact]
    public async Task Post_AddExisting_InitialsAlreadyUsed_ShowsError()
    {
        var (planId, _) = await TestData.PlanWithAreaAsync(_factory);
        var jackId = await NewPersonAsync("js", "Jack Smith", "Head of Service");
        var page = await _client.GetAsync($"/plans/{planId}/people");
        var result = await AddExistingAsync(page, planId, jackId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal(["Change Jack Smith's initials before adding them: Jo Stone already uses JS in these key leads"], result.Errors);
    }

    [Fact]
    public async Task Get_AddKeyLead_ShowsFormForThePlan()
    {
        var (planId, _) = await TestData.PlanWithAreaAsync(_factory);
        var page = await _client.GetAsync($"/plans/{planId}/people/new");
        Assert.Equal("Add a key lead", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("Test plan", page.QuerySelector(".govuk-caption-l")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("label[for='Form_Initials']"));
        Assert.Equal($"/plans/{planId}/people", page.QuerySelector(".govuk-back-link")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Post_AddKeyLead_AddsThemToThePlanAndOrganisation()
    {
        var (planId, _) = await TestData.PlanWithAreaAsync(_factory);
        var form = await _client.GetAsync($"/plans/{planId}/people/new");
        var result = await _client.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Form.Initials"] = "PS",
            ["Form.Name"] = "Priya Shah",
            ["Form.JobTitle"] = "Detective Inspector",
            ["Form.Agency"] = "Metropolitan Police",
        });
        Assert.Equal(HttpStatusCode.Redirect, result.Status);
        Assert.Equal($"/plans/{planId}/people#key-leads", result.Location);
        var keyLeads = await _client.GetAsync($"/plans/{planId}/people");
        var last = keyLeads.QuerySelectorAll("#key-leads tbody tr")[^1];
        Assert.Equal("Priya Shah", last.QuerySelector("th")!.TextContent.Trim());
        Assert.Contains("Metropolitan Police", last.TextContent, StringComparison.Ordinal);
        var people = await _client.GetAsync("/people");
        Assert.Contains(people.QuerySelectorAll("tbody th"), h => h.TextContent.Trim() == "Priya Shah");
    }

    [Fact]
    public async Task Post_AddKeyLead_InitialsAlreadyUsed_ShowsError()
    {
        var (planId, _) = await TestData.PlanWithAreaAsync(_factory);
        var form = await _client.GetAsync($"/plans/{planId}/people/new");
        var result = await _client.SubmitAsync(form, new Dictionary<string, string> { ["Form.Initials"] = "sk", ["Form.Name"] = "Sunita Khan" });
        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal(["Enter different initials: Sam Kaur already uses SK in the key leads of Test plan"], result.Errors);
        Assert.Equal("Sunita Khan", ((IHtmlInputElement)result.Document.QuerySelector("#Form_Name")!).Value);
    }

    [Fact]
    public async Task Post_AddKeyLead_InitialsAndNameMissing_ShowsError()
    {
        var (planId, _) = await TestData.PlanWithAreaAsync(_factory);
        var form = await _client.GetAsync($"/plans/{planId}/people/new");
        var result = await _client.SubmitAsync(form, new Dictionary<string, string> { ["Form.JobTitle"] = "Head of Service" });
        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal(["Enter the person's initials or name"], result.Errors);
        Assert.Equal("Test plan", result.Document.QuerySelector(".govuk-caption-l")!.TextContent.Trim());
    }

    [Fact]
    public async Task Get_UnknownPlan_IsNotFound()
    {
        await _client.GetAsync("/plans/999999/people", HttpStatusCode.NotFound);
        await _client.GetAsync("/plans/999999/people/new", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AnotherOrganisationsPlanOrPerson_IsNotFound()
    {
        var (planId, _) = await TestData.PlanWithAreaAsync(_factory);
        await NewPersonAsync("PS", "Priya Shah", null);
        var (theirPlanId, theirPersonId) = await AnotherOrganisationsPlanAsync();
        await _client.GetAsync($"/plans/{theirPlanId}/people", HttpStatusCode.NotFound);
        await _client.GetAsync($"/plans/{theirPlanId}/people/new", HttpStatusCode.NotFound);

        // Our own forms, with valid antiforgery tokens, posted at their plan and person.
        var page = await _client.GetAsync($"/plans/{planId}/people");
        var theirs = theirPersonId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var posted = await AddExistingAsync(page, planId, theirs);
        Assert.Equal(HttpStatusCode.NotFound, posted.Status);
        posted = await AddExistingAsync(page, theirPlanId, theirs);
        Assert.Equal(HttpStatusCode.NotFound, posted.Status);
        var add = await _client.GetAsync($"/plans/{planId}/people/new");
        posted = await _client.SubmitAsync(add, new Dictionary<string, string> { ["Form.Name"] = "Taken over" }, action: $"http://localhost/plans/{theirPlanId}/people/new");
        Assert.Equal(HttpStatusCode.NotFound, posted.Status);
        var keyLeads = await _client.GetAsync($"/plans/{planId}/people");
        Assert.Equal(2, keyLeads.QuerySelectorAll("#key-leads tbody tr").Length);
    }

    /// <summary>
    /// Posts the "add someone already in Trellis" form. The URL is passed absolute because PageClient
    /// turns a relative action with a query string into a file URI and escapes the "?".
    /// </summary>
    private async Task<FormResult> AddExistingAsync(AngleSharp.Dom.IDocument page, int planId, string personId)
    {
        var form = page.QuerySelector("main form")!;
        Assert.EndsWith("/people?handler=AddExisting", form.GetAttribute("action"), StringComparison.Ordinal);
        return await _client.SubmitAsync(page, new Dictionary<string, string> { ["PersonId"] = personId },
            action: $"http://localhost/plans/{planId}/people?handler=AddExisting");
    }

    private async Task<int> PersonIdAsync(string name)
    {
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
        return await db.People.Where(p => p.Name == name).Select(p => p.Id).SingleAsync();
    }

    /// <summary>Someone in the organisation but in no plan's key leads.</summary>
    private async Task<int> NewPersonAsync(string initials, string name, string? jobTitle)
    {
        var organisationId = await TestData.OrganisationIdAsync(_factory);
        using var scope = _factory.Services.CreateScope();
        var person = await scope.ServiceProvider.GetRequiredService<PersonService>()
            .CreateAsync(organisationId, null, new PersonInput(initials, name, jobTitle, null, null));
        return person!.Id;
    }

    private async Task<(int PlanId, int PersonId)> AnotherOrganisationsPlanAsync()
    {
        var otherId = await TestData.AnotherOrganisationAsync(_factory);
        using var scope = _factory.Services.CreateScope();
        var plan = await scope.ServiceProvider.GetRequiredService<PlanService>()
            .CreatePlanAsync(otherId, new PlanInput("Their plan", PlanStatus.Live, MonitoringCadence.Quarterly, null, null, true, []));
        var person = await scope.ServiceProvider.GetRequiredService<PersonService>()
            .CreateAsync(otherId, plan.Id, new PersonInput("TP", "Tariq Price", "Head of Service", null, null));
        return (plan.Id, person!.Id);
    }
}
