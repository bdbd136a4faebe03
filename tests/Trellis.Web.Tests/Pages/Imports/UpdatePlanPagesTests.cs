using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trellis.Core.Data;
using Trellis.Core.Interchange;
using Trellis.Web.Tests.Infrastructure;

namespace Trellis.Web.Tests.Pages.Imports;

/// <summary>Importing a newer version of a plan into the plan: choose it on the review, check the update, apply it.</summary>
public sealed class UpdatePlanPagesTests : IDisposable
{
    private readonly TrellisWebFactory _factory = new();
    private readonly PageClient _client;

    public UpdatePlanPagesTests() => _client = new PageClient(_factory);

    public void Dispose() => _factory.Dispose();

    /// <summary>The next version of the small plan: 1.1 due later, 1.2 reworded, a new 1.3.</summary>
    private static PlanDocument NextVersion()
    {
        var plan = ImportPagesTests.SmallPlan();
        var area = plan.Areas[0];
        List<ActionDoc> actions =
        [
            area.Actions![0] with { Due = new DueDoc { Text = "30 June 2016" } },
            area.Actions[1] with { Text = "Audit all contacts" },
            new ActionDoc { Ref = "1.3", Text = "Train the duty team", Owners = [new OwnerDoc { Person = "p2" }] },
        ];
        return plan with { Areas = [area with { Actions = actions }, plan.Areas[1]] };
    }

    private async Task<string> UploadAsync(PlanDocument document)
    {
        var result = await _client.UploadAsync(await _client.GetAsync("/imports/new"), "Upload", "riverside.json", ImportPagesTests.Json(document));
        Assert.Equal(HttpStatusCode.Redirect, result.Status);
        return result.Location!;
    }

    /// <summary>The small plan imported, then action 1.2 reworded in Trellis.</summary>
    private async Task<int> ImportedPlanAsync()
    {
        var review = await UploadAsync(ImportPagesTests.SmallPlan());
        var confirmed = await _client.SubmitAsync(await _client.GetAsync(review), new Dictionary<string, string>(), formIndex: 0);
        var planId = int.Parse(confirmed.Location!["/plans/".Length..], System.Globalization.CultureInfo.InvariantCulture);

        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
        var action = await db.Actions.SingleAsync(a => a.Area.PlanId == planId && a.Ref == "1.2");
        action.Text = "Audit contacts every week";
        await db.SaveChangesAsync();
        return planId;
    }

    private async Task<string> ChooseUpdateAsync(string review, int planId)
    {
        var page = await _client.GetAsync(review);
        var radio = page.QuerySelector($"input[name=Target][value='{planId}']");
        Assert.NotNull(radio);
        Assert.Contains("Riverside improvement plan", page.QuerySelector($"label[for=Target-{planId}]")!.TextContent, StringComparison.Ordinal);
        var chosen = await _client.SubmitAsync(page, new Dictionary<string, string> { ["Target"] = planId.ToString(System.Globalization.CultureInfo.InvariantCulture) }, formIndex: 0);
        Assert.Equal(HttpStatusCode.Redirect, chosen.Status);
        Assert.Equal(review + "/update", chosen.Location);
        return chosen.Location!;
    }

    [Fact]
    public async Task Review_OfANewerVersion_OffersToUpdateThePlan()
    {
        var planId = await ImportedPlanAsync();
        var page = await _client.GetAsync(await UploadAsync(NextVersion()));

        // Same title and imported before from a file of that title: "update" is chosen already, and importing it as a
        // new plan is flagged as making a second copy.
        Assert.NotNull(page.QuerySelector($"input[name=Target][value='{planId}'][checked]"));
        Assert.Null(page.QuerySelector("input[name=Target][value=new][checked]"));
        Assert.Contains("has the same title", page.QuerySelector("#target")!.ParentElement!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.Contains("second copy", page.QuerySelector("#confirm ~ .govuk-warning-text")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_OfAPlanThatOnlySharesATitle_StillCreatesANewPlanByDefault()
    {
        // A plan typed into Trellis with the same title, never imported, is one sign only: offered, not chosen.
        using (var scope = _factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
            var organisation = await db.Organisations.OrderBy(o => o.Id).FirstAsync();
            db.Plans.Add(new Trellis.Core.Plans.Plan { OrganisationId = organisation.Id, Title = "Riverside improvement plan" });
            await db.SaveChangesAsync();
        }

        var page = await _client.GetAsync(await UploadAsync(ImportPagesTests.SmallPlan()));
        Assert.NotNull(page.QuerySelector("input[name=Target][value=new][checked]"));
        Assert.Null(page.QuerySelector("#confirm ~ .govuk-warning-text"));
    }

    [Fact]
    public async Task Update_ShowsChangesAndConflicts_AndTakesTheFilesValueWhenChosen()
    {
        var planId = await ImportedPlanAsync();
        var update = await _client.GetAsync(await ChooseUpdateAsync(await UploadAsync(NextVersion()), planId));

        Assert.Equal("1", update.QuerySelector("#count-conflicts")!.TextContent.Trim());
        Assert.Contains("1 new", update.QuerySelector("#count-actions")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("30 June 2016", update.QuerySelector("#change-list")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Action 1.3: Train the duty team", update.QuerySelector("#area-matches")!.TextContent, StringComparison.Ordinal);
        var legend = update.QuerySelector("#conflicts ~ .govuk-form-group legend")!.TextContent;
        Assert.Contains("1.2", legend, StringComparison.Ordinal);
        Assert.NotNull(update.QuerySelector("input[name='Answers[0]'][value=trellis][checked]"));
        Assert.Contains("Audit contacts every week", update.QuerySelector("label[for=conflict-0-trellis]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Audit all contacts", update.QuerySelector("label[for=conflict-0-file]")!.TextContent, StringComparison.Ordinal);

        var applied = await _client.SubmitAsync(update, new Dictionary<string, string> { ["Answers[0]"] = "file" });
        Assert.Equal(HttpStatusCode.Redirect, applied.Status);
        Assert.Equal($"/plans/{planId}", applied.Location);
        Assert.StartsWith("Plan updated: 0 areas and 1 action added", (await _client.GetAsync(applied.Location!)).QuerySelector("#notice")!.TextContent.Trim(), StringComparison.Ordinal);

        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
        Assert.Equal(1, await db.Plans.CountAsync(p => p.Title == "Riverside improvement plan"));
        var texts = await db.Actions.Where(a => a.Area.PlanId == planId).OrderBy(a => a.Ref).Select(a => a.Ref + " " + a.Text + " " + a.Due.Text).ToListAsync();
        Assert.Equal(["1.1 Review the duty rota 30 June 2016", "1.2 Audit all contacts tbc with IT provider", "1.3 Train the duty team ", "2.1 Publish the early help strategy "], texts);
    }

    [Fact]
    public async Task Update_ByDefault_KeepsTrellissValue_AndOnlyOnce()
    {
        var planId = await ImportedPlanAsync();
        var update = await _client.GetAsync(await ChooseUpdateAsync(await UploadAsync(NextVersion()), planId));
        var results = await Task.WhenAll(
            _client.SubmitAsync(update, new Dictionary<string, string>()),
            _client.SubmitAsync(update, new Dictionary<string, string>()));
        Assert.All(results, r => Assert.Equal($"/plans/{planId}", r.Location));

        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
        Assert.Equal("Audit contacts every week", await db.Actions.Where(a => a.Area.PlanId == planId && a.Ref == "1.2").Select(a => a.Text).SingleAsync());
        Assert.Equal(1, await db.Actions.CountAsync(a => a.Area.PlanId == planId && a.Ref == "1.3"));
    }

    [Fact]
    public async Task Update_WithoutAChosenPlan_GoesBackToTheChoice()
    {
        var review = await UploadAsync(NextVersion());
        var response = await _client.Http.GetAsync(review + "/update");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(review + "#target", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task ChoosingAnotherCouncilsPlan_IsNotFound()
    {
        await ImportedPlanAsync();
        var review = await UploadAsync(NextVersion());
        var page = await _client.GetAsync(review);
        var result = await _client.SubmitAsync(page, new Dictionary<string, string> { ["Target"] = "999" }, formIndex: 0);
        Assert.Equal(HttpStatusCode.NotFound, result.Status);
    }
}
