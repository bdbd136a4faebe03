using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trellis.Core.Data;
using Trellis.Core.Dates;
using Trellis.Core.Indicators;
using Trellis.Core.Plans;
using Trellis.Web.Tests.Infrastructure;

namespace Trellis.Web.Tests.Pages.Indicators;

public class IndicatorsPagesTests : IDisposable
{
    private readonly TrellisWebFactory _factory = new();
    private readonly PageClient _client;

    public IndicatorsPagesTests() => _client = new PageClient(_factory);

    public void Dispose() => _factory.Dispose();

    // List

    [Fact]
    public async Task Get_List_NoIndicators_ShowsEmptyState()
    {
        var (planId, _) = await TestData.PlanWithAreaAsync(_factory);
        var page = await _client.GetAsync($"/plans/{planId}/indicators");
        Assert.Contains("This plan has no indicators yet", page.QuerySelector("#no-indicators")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"a[href='/plans/{planId}/indicators/add']"));
    }

    [Fact]
    public async Task Get_List_ShowsLatestValueRatingDistanceAndDirectionInWords()
    {
        var (planId, _) = await TestData.PlanWithAreaAsync(_factory);
        var id = await IndicatorAsync(planId, "Contacts decided within a day", "90%", Polarity.HigherIsBetter, ["1"], ("2026-08", 92m), ("2026-09", 84m));

        var page = await _client.GetAsync($"/plans/{planId}/indicators");

        var row = page.QuerySelector($"#indicator-{id}")!;
        var cells = row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal("Contacts decided within a day", cells[0]);
        Assert.StartsWith("84%", cells[1], StringComparison.Ordinal);
        Assert.Contains("Sep 2026", cells[1], StringComparison.Ordinal);
        Assert.Equal("90%", cells[2]);
        Assert.Equal("Red", row.QuerySelector(".govuk-tag")!.TextContent.Trim());
        Assert.Contains("6 points below the 90% target", cells[3], StringComparison.Ordinal);
        Assert.Contains("Worse than Aug 2026", cells[4], StringComparison.Ordinal);
        Assert.NotNull(row.QuerySelector("svg[aria-hidden='true'] polyline"));
        Assert.Equal("1", cells[6]);
    }

    [Fact]
    public async Task Get_List_FiltersByAreaRatingAndDirection()
    {
        var (planId, _) = await TestData.PlanWithAreaAsync(_factory);
        var worse = await IndicatorAsync(planId, "Contacts decided within a day", "90%", Polarity.HigherIsBetter, ["1"], ("2026-08", 92m), ("2026-09", 84m));
        var better = await IndicatorAsync(planId, "Re-referrals", "No higher than 20%", Polarity.LowerIsBetter, [], ("2026-08", 22m), ("2026-09", 18m));

        async Task<List<string>> Shown(string query) =>
            [.. (await _client.GetAsync($"/plans/{planId}/indicators?{query}")).QuerySelectorAll("#indicators tbody tr").Select(r => r.Id!)];

        Assert.Equal([$"indicator-{worse}", $"indicator-{better}"], await Shown(""));
        Assert.Equal([$"indicator-{better}"], await Shown("rag=green"));
        Assert.Equal([$"indicator-{worse}"], await Shown("direction=worse"));
        Assert.Equal([$"indicator-{worse}"], await Shown("area=1"));
        var none = await _client.GetAsync($"/plans/{planId}/indicators?rag=amber");
        Assert.Contains("No indicators match these filters", none.QuerySelector("#no-matches")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("amber", ((IHtmlSelectElement)none.QuerySelector("#rag")!).Value);
    }

    [Fact]
    public async Task Get_AnotherOrganisationsPlanAndIndicator_Are404()
    {
        var other = await TestData.AnotherOrganisationAsync(_factory);
        int planId, indicatorId;
        using (var scope = _factory.Services.CreateScope())
        {
            var plan = await scope.ServiceProvider.GetRequiredService<PlanService>()
                .CreatePlanAsync(other, new PlanInput("Theirs", PlanStatus.Live, MonitoringCadence.Quarterly, null, null, true, []));
            planId = plan.Id;
            indicatorId = (await scope.ServiceProvider.GetRequiredService<IndicatorService>().CreateAsync(other, planId, Input("Their indicator", "90%"))).Id!.Value;
        }

        await _client.GetAsync($"/plans/{planId}/indicators", HttpStatusCode.NotFound);
        await _client.GetAsync($"/plans/{planId}/indicators/add", HttpStatusCode.NotFound);
        await _client.GetAsync($"/indicators/{indicatorId}", HttpStatusCode.NotFound);
        await _client.GetAsync($"/indicators/{indicatorId}/edit", HttpStatusCode.NotFound);
        await _client.GetAsync($"/indicators/{indicatorId}/delete", HttpStatusCode.NotFound);
        await _client.GetAsync($"/indicators/{indicatorId}/targets", HttpStatusCode.NotFound);
        await _client.GetAsync($"/indicators/{indicatorId}/comparators/add", HttpStatusCode.NotFound);
    }

    // Definitions

    [Fact]
    public async Task Post_Add_NameMissing_ShowsError()
    {
        var (planId, _) = await TestData.PlanWithAreaAsync(_factory);
        var form = await _client.GetAsync($"/plans/{planId}/indicators/add");
        var result = await _client.SubmitAsync(form, new Dictionary<string, string> { ["Form.Name"] = " ", ["Form.Tolerance"] = "five" });

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Contains("The amber tolerance must be a number, for example 5, or blank for the default", result.Errors);
        Assert.Equal("#Form_Tolerance", result.Document.QuerySelector(".govuk-error-summary__list a")!.GetAttribute("href"));

        result = await _client.SubmitAsync(form, new Dictionary<string, string> { ["Form.Name"] = " " });
        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal(["Enter the indicator's name, for example Contacts decided within one working day"], result.Errors);
        Assert.NotNull(result.Document.QuerySelector("#Form_Name.govuk-input--error"));
        Assert.Equal(0, await CountAsync(db => db.Indicators.CountAsync(i => i.PlanId == planId)));
    }

    [Fact]
    public async Task Post_Add_ShowsTheTargetBackWithTheConflictThenSaves()
    {
        var (planId, _) = await TestData.PlanWithAreaAsync(_factory);
        var owner = await CountAsync(db => db.People.Where(p => p.Name == "Jo Stone").Select(p => p.Id).FirstAsync());
        var form = await _client.GetAsync($"/plans/{planId}/indicators/add");
        Assert.Contains("5 points for a percentage, otherwise 10% of the target", form.QuerySelector("#Form_Tolerance-hint")!.TextContent, StringComparison.Ordinal);
        var fields = new Dictionary<string, string>
        {
            ["Form.Name"] = "Re-referrals within 12 months",
            ["Form.Polarity"] = nameof(Polarity.HigherIsBetter),
            ["Form.TargetText"] = "No higher than 15%",
            ["Form.OwnerId"] = owner.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Form.AreaNumbers"] = "1",
            ["Form.Frequency"] = nameof(IndicatorFrequency.Quarterly),
        };

        var check = await _client.SubmitAsync(form, fields);

        Assert.Equal(HttpStatusCode.OK, check.Status);
        Assert.Contains("Read as: no higher than 15%, lower is better.", check.Document.QuerySelector("#understood-target")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("the polarity chosen is higher is better", check.Document.QuerySelector("#target-conflict")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(db => db.Indicators.CountAsync(i => i.PlanId == planId)));

        fields["Form.Polarity"] = nameof(Polarity.LowerIsBetter);
        var saved = await _client.SubmitAsync(check.Document, fields);

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var stored = await CountAsync(db => db.Indicators.SingleAsync(i => i.PlanId == planId));
        Assert.Equal($"/indicators/{stored.Id}", saved.Location);
        Assert.Equal(("k1", "Re-referrals within 12 months", "No higher than 15%"), (stored.Key, stored.Name, stored.TargetText));
        Assert.Equal((null, 15m), (stored.TargetMin, stored.TargetMax));
        Assert.Equal((Polarity.LowerIsBetter, IndicatorFrequency.Quarterly, owner), (stored.Polarity, stored.Frequency, stored.OwnerId!.Value));
        Assert.Equal(["1"], stored.AreaNumbers);
    }

    [Fact]
    public async Task Post_Add_KeyTakenInThisPlan_ShowsError()
    {
        var (planId, _) = await TestData.PlanWithAreaAsync(_factory);
        await IndicatorAsync(planId, "First", "90%", Polarity.HigherIsBetter, []);
        var form = await _client.GetAsync($"/plans/{planId}/indicators/add");
        var result = await _client.SubmitAsync(form, new Dictionary<string, string> { ["Form.Name"] = "Second", ["Form.Key"] = "K1" });

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal(["Another indicator in this plan already has the key K1: choose another, or leave it blank"], result.Errors);
        Assert.Equal("#Form_Key", result.Document.QuerySelector(".govuk-error-summary__list a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Post_Edit_SavesChangesAndKeepsTheKey()
    {
        var (planId, _) = await TestData.PlanWithAreaAsync(_factory);
        var id = await IndicatorAsync(planId, "Old name", "90%", Polarity.HigherIsBetter, ["1"]);
        var form = await _client.GetAsync($"/indicators/{id}/edit");
        Assert.Equal("Old name", ((IHtmlInputElement)form.QuerySelector("#Form_Name")!).Value);
        Assert.True(((IHtmlInputElement)form.QuerySelector("#Form_AreaNumbers")!).IsChecked);
        Assert.Contains("Read as: at least 90%, higher is better", form.QuerySelector("#target-read")!.TextContent, StringComparison.Ordinal);

        var result = await _client.SubmitAsync(form, new Dictionary<string, string> { ["Form.Name"] = "New name", ["Form.Tolerance"] = "3", ["Form.Key"] = "" });

        Assert.Equal(HttpStatusCode.Redirect, result.Status);
        var stored = await CountAsync(db => db.Indicators.SingleAsync(i => i.Id == id));
        Assert.Equal(("New name", 3m, "k1", 90m), (stored.Name, stored.Tolerance!.Value, stored.Key, stored.TargetMin!.Value));
    }

    [Fact]
    public async Task Post_Delete_RemovesTheIndicatorAndItsValues()
    {
        var (planId, _) = await TestData.PlanWithAreaAsync(_factory);
        var id = await IndicatorAsync(planId, "Going", "90%", Polarity.HigherIsBetter, [], ("2026-09", 80m));
        var page = await _client.GetAsync($"/indicators/{id}/delete");
        Assert.Contains("Going", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);

        var result = await _client.SubmitAsync(page, new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, result.Status);
        Assert.Equal($"/plans/{planId}/indicators", result.Location);
        Assert.Equal((0, 0), (await CountAsync(db => db.Indicators.CountAsync(i => i.PlanId == planId)), await CountAsync(db => db.IndicatorValues.CountAsync(v => v.IndicatorId == id))));
    }

    // The indicator page

    [Fact]
    public async Task Get_Indicator_ShowsJudgementChartPeriodsComparatorsBreakdownsAndHistory()
    {
        var (planId, areaId) = await TestData.PlanWithAreaAsync(_factory);
        var id = await IndicatorAsync(planId, "Contacts decided within a day", "90%", Polarity.HigherIsBetter, ["1"], ("2025-09", 80m), ("2026-08", 92m), ("2026-09", 84m));
        using (var scope = _factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
            var latest = await db.IndicatorValues.SingleAsync(v => v.IndicatorId == id && v.Period == "2026-09");
            latest.Note = "Two vacancies in the MASH";
            latest.Breakdowns.Add(new IndicatorBreakdown { Dimension = "Team", Category = "North", Value = 88m });
            latest.Breakdowns.Add(new IndicatorBreakdown { Dimension = "Team", Category = "South", Value = 79m });
            latest.Revisions.Add(new IndicatorValueRevision { Value = 83m, ReplacedAt = TrellisWebFactory.DefaultNow.AddDays(-3), ReplacedBy = "Imported from values.xlsx" });
            db.Comparators.Add(new Comparator { IndicatorId = id, Name = "England", Period = "2026-09", PeriodStart = new DateOnly(2026, 9, 1), Value = 86m });
            await db.SaveChangesAsync();
        }

        var page = await _client.GetAsync($"/indicators/{id}");

        Assert.Equal("Contacts decided within a day", page.QuerySelector("h1")!.TextContent.Trim());
        var judgement = page.QuerySelector("#judgement")!.TextContent;
        Assert.Contains("84% in Sep 2026", judgement, StringComparison.Ordinal);
        Assert.Equal("Red", page.QuerySelector("#judgement .govuk-tag")!.TextContent.Trim());
        Assert.Contains("off target by more than 5 points", judgement, StringComparison.Ordinal);
        Assert.Equal("6 points below the 90% target.", page.QuerySelector("#distance")!.TextContent.Trim());
        Assert.StartsWith("Worse than Aug 2026", page.QuerySelector("#since-previous")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.StartsWith("Better than Sep 2025", page.QuerySelector("#since-last-year")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector(".trellis-chart svg[role='img'] title"));

        var header = page.QuerySelectorAll("#periods thead th").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(["Period", "Value", "England", "As at", "Target", "Rating", "Note"], header.Take(7));
        var last = page.QuerySelector("#periods tbody tr:last-child")!.Children.Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["Sep 2026", "84%", "86%", "", "90%", "Red", "Two vacancies in the MASH"], last.Take(7));
        Assert.NotNull(page.QuerySelector($"#periods a[href^='/indicators/{id}/values/']"));

        Assert.Contains("North", page.QuerySelector("#breakdowns ~ table")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(page.QuerySelectorAll("caption"), c => c.TextContent.Trim() == "Team across periods");
        var history = page.QuerySelector("#history + table tbody tr")!.Children.Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["Sep 2026", "83%", "", "19 November 2026", "Imported from values.xlsx"], history);

        Assert.NotNull(page.QuerySelector($"a[href='/indicators/{id}/values/add']"));
        Assert.NotNull(page.QuerySelector($"a[href='/plans/{planId}/indicators/import']"));
        Assert.NotNull(page.QuerySelector($"a[href='/indicators/{id}/edit']"));
        Assert.NotNull(page.QuerySelector($"a[href='/indicators/{id}/targets']"));
        Assert.NotNull(page.QuerySelector($"a[href='/plans/{planId}/areas/{areaId}']"));
    }

    // Targets over time

    [Fact]
    public async Task Post_AddTarget_ReadsTheBoundsFromTheWordsAndRemoves()
    {
        var (planId, _) = await TestData.PlanWithAreaAsync(_factory);
        var id = await IndicatorAsync(planId, "Assessments in 45 days", "80%", Polarity.HigherIsBetter, [], ("2026-09", 84m));
        var page = await _client.GetAsync($"/indicators/{id}/targets");
        Assert.NotNull(page.QuerySelector("#no-targets"));

        var result = await _client.SubmitAsync(page, new Dictionary<string, string> { ["Form.Text"] = "85% by March 2027", ["Form.From"] = "1 April 2026", ["Form.To"] = "31 March 2027" });

        Assert.Equal(HttpStatusCode.Redirect, result.Status);
        var target = await CountAsync(db => db.IndicatorTargets.SingleAsync(t => t.IndicatorId == id));
        Assert.Equal(("85% by March 2027", new DateOnly(2026, 4, 1), new DateOnly(2027, 3, 31), 85m, (decimal?)null), (target.Text, target.From!.Value, target.To!.Value, target.Min!.Value, target.Max));
        var list = await _client.GetAsync($"/indicators/{id}/targets");
        Assert.Contains("1 April 2026", list.QuerySelector("#targets tbody tr")!.TextContent, StringComparison.Ordinal);
        var indicator = await _client.GetAsync($"/indicators/{id}");
        Assert.Equal("85% by March 2027", indicator.QuerySelector("#periods tbody tr:last-child")!.Children[3].TextContent.Trim());

        var removed = await _client.SubmitAsync(list, new Dictionary<string, string>(), formIndex: 0);
        Assert.Equal(HttpStatusCode.Redirect, removed.Status);
        Assert.Equal(0, await CountAsync(db => db.IndicatorTargets.CountAsync(t => t.IndicatorId == id)));
    }

    [Fact]
    public async Task Post_AddTarget_TextMissingAndDatesBackwards_ShowErrors()
    {
        var (planId, _) = await TestData.PlanWithAreaAsync(_factory);
        var id = await IndicatorAsync(planId, "Assessments in 45 days", "80%", Polarity.HigherIsBetter, []);
        var page = await _client.GetAsync($"/indicators/{id}/targets");

        var result = await _client.SubmitAsync(page, new Dictionary<string, string> { ["Form.Text"] = "", ["Form.From"] = "1 April 2027", ["Form.To"] = "31 March 2027" });

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal(["Enter the target as written, for example 85% by March 2027", "The end date must be the same as or after the start date"], result.Errors);
        var bad = await _client.SubmitAsync(page, new Dictionary<string, string> { ["Form.Text"] = "85%", ["Form.From"] = "31st April 2026" });
        Assert.Equal(["The start date must be a real date, for example 1 April 2026"], bad.Errors);
    }

    // Comparators

    [Fact]
    public async Task Post_AddComparator_StoresItWithItsPeriodStartThenEditsAndDeletes()
    {
        var (planId, _) = await TestData.PlanWithAreaAsync(_factory);
        var id = await IndicatorAsync(planId, "Re-referrals", "No higher than 20%", Polarity.LowerIsBetter, []);
        var form = await _client.GetAsync($"/indicators/{id}/comparators/add");

        var result = await _client.SubmitAsync(form, new Dictionary<string, string> { ["Form.NameChoice"] = "Statistical neighbours", ["Form.Period"] = "2025/26 Q2", ["Form.Value"] = "21.4", ["Form.Source"] = "LAIT" });

        Assert.Equal(HttpStatusCode.Redirect, result.Status);
        var stored = await CountAsync(db => db.Comparators.SingleAsync(c => c.IndicatorId == id));
        Assert.Equal(("Statistical neighbours", "2025/26 Q2", new DateOnly(2025, 7, 1), 21.4m, "LAIT"), (stored.Name, stored.Period, stored.PeriodStart!.Value, stored.Value!.Value, stored.Source));

        var edit = await _client.GetAsync($"/indicators/{id}/comparators/{stored.Id}/edit");
        var edited = await _client.SubmitAsync(edit, new Dictionary<string, string> { ["Form.NameChoice"] = "Other", ["Form.OtherName"] = "South East", ["Form.Period"] = "Latest published" });
        Assert.Equal(HttpStatusCode.Redirect, edited.Status);
        stored = await CountAsync(db => db.Comparators.SingleAsync(c => c.IndicatorId == id));
        Assert.Equal(("South East", "Latest published", (DateOnly?)null), (stored.Name, stored.Period, stored.PeriodStart));

        var delete = await _client.GetAsync($"/indicators/{id}/comparators/{stored.Id}/delete");
        Assert.Equal(HttpStatusCode.Redirect, (await _client.SubmitAsync(delete, new Dictionary<string, string>())).Status);
        Assert.Equal(0, await CountAsync(db => db.Comparators.CountAsync(c => c.IndicatorId == id)));
    }

    [Fact]
    public async Task Post_AddComparator_OtherWithoutNameAndValueNotANumber_ShowErrors()
    {
        var (planId, _) = await TestData.PlanWithAreaAsync(_factory);
        var id = await IndicatorAsync(planId, "Re-referrals", "No higher than 20%", Polarity.LowerIsBetter, []);
        var form = await _client.GetAsync($"/indicators/{id}/comparators/add");

        var result = await _client.SubmitAsync(form, new Dictionary<string, string> { ["Form.Period"] = "2025", ["Form.Value"] = "about 20" });
        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal(["Choose who the comparator is, or choose Other and type the name", "The value must be a number, for example 84.5"], result.Errors);

        var other = await _client.SubmitAsync(form, new Dictionary<string, string> { ["Form.NameChoice"] = "Other", ["Form.Period"] = "2025", ["Form.Value"] = "20" });
        Assert.Equal(["Enter who the comparator is, for example Statistical neighbours"], other.Errors);
        Assert.Equal("#Form_OtherName", other.Document.QuerySelector(".govuk-error-summary__list a")!.GetAttribute("href"));
    }

    // Linked to the plan

    [Fact]
    public async Task Get_AreaAndPlanOverview_ShowIndicatorsMovingTheWrongWay()
    {
        var (planId, areaId) = await TestData.PlanWithAreaAsync(_factory);
        var worse = await IndicatorAsync(planId, "Contacts decided within a day", "90%", Polarity.HigherIsBetter, ["1"], ("2026-08", 92m), ("2026-09", 84m));
        await IndicatorAsync(planId, "Re-referrals", "No higher than 20%", Polarity.LowerIsBetter, ["1"], ("2026-08", 22m), ("2026-09", 18m));

        var area = await _client.GetAsync($"/plans/{planId}/areas/{areaId}");
        var rows = area.QuerySelectorAll("#area-indicators tbody tr").ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal($"/indicators/{worse}", rows[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("Red", rows[0].QuerySelector(".govuk-tag")!.TextContent.Trim());
        Assert.Contains("Worse than Aug 2026", rows[0].TextContent, StringComparison.Ordinal);
        Assert.NotNull(rows[0].QuerySelector("svg polyline"));
        Assert.NotNull(area.QuerySelector($"a[href='/plans/{planId}/indicators?area=1']"));

        var overview = await _client.GetAsync($"/plans/{planId}");
        var wrongWay = overview.QuerySelector("#wrong-way ~ dl")!;
        Assert.Equal("1. Improve the front door", wrongWay.QuerySelector("dt")!.TextContent.Trim());
        var items = wrongWay.QuerySelectorAll("dd li").Select(l => l.TextContent.Trim()).ToList();
        Assert.Single(items);
        Assert.StartsWith("Contacts decided within a day: 84% in Sep 2026. Worse than Aug 2026", items[0], StringComparison.Ordinal);
        Assert.NotNull(overview.QuerySelector($"a[href='/plans/{planId}/indicators']"));
    }

    private static IndicatorInput Input(string name, string target, Polarity polarity = Polarity.HigherIsBetter, IReadOnlyList<string>? areas = null) =>
        new(null, name, null, IndicatorUnit.Percent, polarity, IndicatorFrequency.Monthly, YearBasis.Financial, null, null, target, ToleranceKind.Points, null, areas ?? []);

    private async Task<int> IndicatorAsync(int planId, string name, string target, Polarity polarity, IReadOnlyList<string> areas, params (string Period, decimal Value)[] values)
    {
        var organisationId = await TestData.OrganisationIdAsync(_factory);
        using var scope = _factory.Services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<IndicatorService>().CreateAsync(organisationId, planId, Input(name, target, polarity, areas));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
        var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
        foreach (var (period, value) in values)
        {
            Assert.True(Period.TryParse(period, out var parsed));
            db.IndicatorValues.Add(new IndicatorValue { IndicatorId = result.Id!.Value, Period = period, PeriodStart = parsed.Start, Value = value });
        }

        await db.SaveChangesAsync();
        return result.Id!.Value;
    }

    private async Task<T> CountAsync<T>(Func<TrellisDbContext, Task<T>> query)
    {
        using var scope = _factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<TrellisDbContext>());
    }
}
