using Microsoft.Playwright;
using Trellis.Testing;
using Trellis.Web.Tests.Pages.Imports;

namespace Trellis.Web.Tests.Browser;

/// <summary>Importing a plan as a new user would: upload, review, change an action, import, land on the plan.</summary>
public sealed class ImportJourneyTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    /// <summary>The real Word sample when ../shared is beside the clone; otherwise a small plan file written here.</summary>
    private static string PlanFile()
    {
        if (SharedData.Directory is not null && Directory.GetFiles(SharedData.Path("samples"), "000_*.docx").FirstOrDefault() is { } sample)
        {
            return sample;
        }

        var path = Path.Combine(Path.GetTempPath(), "trellis-tests", "riverside.json");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, ImportPagesTests.Json(ImportPagesTests.SmallPlan()));
        return path;
    }

    [BrowserFact]
    public async Task ImportAPlan_ReviewChangeAndConfirm_LandsOnTheNewPlan()
    {
        var failures = new List<string>();
        var page = await app.Browser.NewPageAsync(new() { BypassCSP = true });
        await page.GotoAsync(app.BaseUrl + "/plans");
        await page.GetByRole(AriaRole.Link, new() { Name = "Import a plan" }).ClickAsync();
        failures.AddRange((await BrowserFixture.AxeViolationsAsync(page)).Select(v => "upload: " + v));

        // Nothing chosen: the error summary, focused, and still accessible.
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload and check" }).ClickAsync();
        Assert.Equal("Select a plan file", (await page.Locator(".govuk-error-summary__list").InnerTextAsync()).Trim());
        failures.AddRange((await BrowserFixture.AxeViolationsAsync(page)).Select(v => "upload with errors: " + v));

        await page.GetByLabel("Upload a file").SetInputFilesAsync(PlanFile());
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload and check" }).ClickAsync();
        Assert.Equal("Check the plan before you import it", (await page.Locator("h1").InnerTextAsync()).Trim());
        var areas = (await page.Locator("#count-areas").InnerTextAsync()).Trim();
        var actions = (await page.Locator("#count-actions").InnerTextAsync()).Trim();
        failures.AddRange((await BrowserFixture.AxeViolationsAsync(page)).Select(v => "review: " + v));

        await page.Locator("#area-1-action-1").GetByRole(AriaRole.Link).ClickAsync();
        Assert.Equal("Change action", (await page.Locator("h1").InnerTextAsync()).Trim());
        failures.AddRange((await BrowserFixture.AxeViolationsAsync(page)).Select(v => "edit action: " + v));
        await page.GetByLabel("Action", new() { Exact = true }).FillAsync("Agree the new duty rota with the team managers");
        await page.GetByLabel("Target date").FillAsync("Q3 2026/27");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();

        var row = await page.Locator("#area-1-action-1").InnerTextAsync();
        Assert.Contains("Agree the new duty rota with the team managers", row, StringComparison.Ordinal);
        Assert.Contains("by 31 Dec 2026", row, StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Link, new() { Name = "Change area 1" }).ClickAsync();
        failures.AddRange((await BrowserFixture.AxeViolationsAsync(page)).Select(v => "edit area: " + v));
        await page.GoBackAsync();

        if (await page.GetByRole(AriaRole.Link, new() { Name = "Match owners to people" }).CountAsync() > 0)
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "Match owners to people" }).ClickAsync();
            failures.AddRange((await BrowserFixture.AxeViolationsAsync(page)).Select(v => "owners: " + v));
            await page.GoBackAsync();
        }

        if (await page.Locator("#unplaced-list a").CountAsync() > 0)
        {
            await page.Locator("#unplaced-list a").First.ClickAsync();
            failures.AddRange((await BrowserFixture.AxeViolationsAsync(page)).Select(v => "unplaced: " + v));
            await page.GoBackAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Import this plan" }).ClickAsync();
        Assert.Matches("/plans/[0-9]+$", page.Url);
        Assert.Equal($"Plan imported: {areas} areas, {actions} actions", (await page.Locator("#notice").InnerTextAsync()).Trim());
        failures.AddRange((await BrowserFixture.AxeViolationsAsync(page)).Select(v => "plan: " + v));
        await page.GetByRole(AriaRole.Link, new() { Name = "All actions" }).ClickAsync();
        Assert.Contains("Agree the new duty rota with the team managers", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(failures);
    }

    [BrowserFact]
    public async Task ImportANewerVersion_UpdatesTheSamePlan()
    {
        var path = Path.Combine(Path.GetTempPath(), "trellis-tests", "lakeside.json");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var plan = ImportPagesTests.SmallPlan() with { Plan = new Core.Interchange.PlanDoc { Title = "Lakeside improvement plan" } };
        await File.WriteAllBytesAsync(path, ImportPagesTests.Json(plan));

        var failures = new List<string>();
        var page = await app.Browser.NewPageAsync(new() { BypassCSP = true });
        await page.GotoAsync(app.BaseUrl + "/imports/new");
        await page.GetByLabel("Upload a file").SetInputFilesAsync(path);
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload and check" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Import this plan" }).ClickAsync();
        var planUrl = page.Url;

        await page.GotoAsync(app.BaseUrl + "/imports/new");
        await page.GetByLabel("Upload a file").SetInputFilesAsync(path);
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload and check" }).ClickAsync();
        await page.GetByLabel("Yes, update \"Lakeside improvement plan\"").CheckAsync();
        failures.AddRange((await BrowserFixture.AxeViolationsAsync(page)).Select(v => "review with a choice: " + v));
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        Assert.StartsWith("Check the update", (await page.Locator("h1").InnerTextAsync()).Trim(), StringComparison.Ordinal);
        failures.AddRange((await BrowserFixture.AxeViolationsAsync(page)).Select(v => "update: " + v));
        await page.GetByRole(AriaRole.Button, new() { Name = "Update the plan" }).ClickAsync();

        Assert.Equal(planUrl, page.Url);
        Assert.StartsWith("Plan updated", (await page.Locator("#notice").InnerTextAsync()).Trim(), StringComparison.Ordinal);
        Assert.Empty(failures);
    }

    [BrowserFact]
    public async Task ImportASpreadsheet_ChecksTheColumnsFirst()
    {
        var path = Path.Combine(Path.GetTempPath(), "trellis-tests", "front-door.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, "Area for improvement,Ref,Action,Lead officer,By when,Extra\nImprove the front door,1.1,Review the duty rota,Sam Kaur,June 2016,Started in May\n");

        var page = await app.Browser.NewPageAsync(new() { BypassCSP = true });
        await page.GotoAsync(app.BaseUrl + "/imports/new");
        await page.GetByLabel("Upload a file").SetInputFilesAsync(path);
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload and check" }).ClickAsync();
        Assert.Equal("Check the columns", (await page.Locator("h1").InnerTextAsync()).Trim());
        var failures = (await BrowserFixture.AxeViolationsAsync(page)).Select(v => "columns: " + v).ToList();

        await page.GetByLabel("What column F holds").SelectOptionAsync(new SelectOptionValue { Label = "Comments or progress update" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Read the plan with these columns" }).ClickAsync();
        Assert.Equal("Check the plan before you import it", (await page.Locator("h1").InnerTextAsync()).Trim());
        Assert.Contains("Comments: Started in May", await page.Locator("#area-1-action-1").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(failures);
    }
}
