using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trellis.Core.Data;
using Trellis.Web.Tests.Infrastructure;

namespace Trellis.Web.Tests.Pages.Indicators;

/// <summary>The value form, the import with its preview, and the JSON API, over HTTP at 22 November 2026.</summary>
public class IndicatorValuePagesTests : IDisposable
{
    private readonly TrellisWebFactory _factory = new();
    private readonly PageClient _client;

    public IndicatorValuePagesTests() => _client = new PageClient(_factory);

    public void Dispose()
    {
        _factory.Dispose();
        GC.SuppressFinalize(this);
    }

    private sealed record Seeded(int PlanId, int Contacts, int Referrals);

    private async Task<Seeded> SeedAsync()
    {
        var (planId, _) = await TestData.PlanWithAreaAsync(_factory);
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
        var contacts = new Core.Indicators.Indicator { PlanId = planId, Key = "k1", Name = "No. of Contacts received in MASH", Unit = Core.Indicators.IndicatorUnit.Count };
        var referrals = new Core.Indicators.Indicator { PlanId = planId, Key = "k2", Name = "% Contacts progressing to a CSC referral", Unit = Core.Indicators.IndicatorUnit.Percent };
        db.Indicators.AddRange(contacts, referrals);
        await db.SaveChangesAsync();
        return new Seeded(planId, contacts.Id, referrals.Id);
    }

    private async Task<List<Core.Indicators.IndicatorValue>> ValuesAsync(int indicatorId)
    {
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
        var values = await db.IndicatorValues.AsNoTracking().Include(v => v.Breakdowns).Include(v => v.Revisions).Where(v => v.IndicatorId == indicatorId).ToListAsync();
        return [.. values.OrderBy(v => v.PeriodStart)];
    }

    [Fact]
    public async Task Get_Add_OffersTheLastWholeMonth()
    {
        var s = await SeedAsync();
        var page = await _client.GetAsync($"/indicators/{s.Referrals}/values/add");
        Assert.Equal("Oct 2026", page.QuerySelector("#Form_Period")!.GetAttribute("value"));
        await _client.GetAsync("/indicators/999999/values/add", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Post_Add_BadValueAndDate_ReRendersWith400AndTheErrorSummary()
    {
        var s = await SeedAsync();
        var page = await _client.GetAsync($"/indicators/{s.Referrals}/values/add");
        var result = await _client.SubmitAsync(page, new Dictionary<string, string>
        {
            ["Form.Value"] = "abc",
            ["Form.AsAtDay"] = "31",
            ["Form.AsAtMonth"] = "2",
            ["Form.AsAtYear"] = "2026",
            ["Form.Breakdowns"] = "Team North",
        });
        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal(
            [
                "The date the value is correct as at must be a real date, for example 5 11 2026",
                "Line 1 of the breakdown: write what it is split by, the part and its value, for example Team, North, 84",
            ],
            result.Errors);
        Assert.Equal("abc", result.Document.QuerySelector("#Form_Value")!.GetAttribute("value"));

        var again = await _client.SubmitAsync(result.Document, new Dictionary<string, string> { ["Form.AsAtDay"] = "", ["Form.AsAtMonth"] = "", ["Form.AsAtYear"] = "", ["Form.Breakdowns"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, again.Status);
        Assert.Equal(["'abc' is not a number: enter a number, for example 47, or words such as TBC when there is no number yet"], again.Errors);
        Assert.Equal("#Form_Value", again.Document.QuerySelector(".govuk-error-summary__list a")!.GetAttribute("href"));
        Assert.Empty(await ValuesAsync(s.Referrals));
    }

    [Fact]
    public async Task Post_Add_ThenTheSamePeriodAgain_IsACorrection_AndEditAndDeleteWork()
    {
        var s = await SeedAsync();
        var page = await _client.GetAsync($"/indicators/{s.Referrals}/values/add");
        var added = await _client.SubmitAsync(page, new Dictionary<string, string>
        {
            ["Form.Value"] = "47%",
            ["Form.AsAtDay"] = "5",
            ["Form.AsAtMonth"] = "11",
            ["Form.AsAtYear"] = "2026",
            ["Form.Breakdowns"] = "Team, North, 50\nTeam, South, 44",
        });
        Assert.Equal(HttpStatusCode.Redirect, added.Status);
        Assert.Equal($"/indicators/{s.Referrals}", added.Location);

        var correction = await _client.SubmitAsync(await _client.GetAsync($"/indicators/{s.Referrals}/values/add"), new Dictionary<string, string> { ["Form.Period"] = "October 2026", ["Form.Value"] = "48" });
        Assert.Equal(HttpStatusCode.Redirect, correction.Status);
        var value = Assert.Single(await ValuesAsync(s.Referrals));
        Assert.Equal(("2026-10", 48m, new DateOnly(2026, 11, 5), 2), (value.Period, value.Value!.Value, value.AsAt!.Value, value.Breakdowns.Count));
        Assert.Equal(47m, Assert.Single(value.Revisions).Value);

        var edit = await _client.GetAsync($"/indicators/{s.Referrals}/values/{value.Id}/edit");
        Assert.Equal("48%", edit.QuerySelector("#Form_Value")!.GetAttribute("value"));
        var edited = await _client.SubmitAsync(edit, new Dictionary<string, string> { ["Form.Value"] = "TBC", ["Form.Breakdowns"] = "" });
        Assert.Equal(HttpStatusCode.Redirect, edited.Status);
        value = Assert.Single(await ValuesAsync(s.Referrals));
        Assert.Equal((null, "TBC", 0, 2), (value.Value, value.Text, value.Breakdowns.Count, value.Revisions.Count));

        var confirm = await _client.GetAsync($"/indicators/{s.Referrals}/values/{value.Id}/delete");
        Assert.Contains("TBC", confirm.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var deleted = await _client.SubmitAsync(confirm, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, deleted.Status);
        Assert.Empty(await ValuesAsync(s.Referrals));
        await _client.GetAsync($"/indicators/{s.Contacts}/values/{value.Id}/delete", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Import_PastedWide_PreviewsThenConfirmStores_AndAgainIsUnchanged()
    {
        var s = await SeedAsync();
        await _client.SubmitAsync(await _client.GetAsync($"/indicators/{s.Referrals}/values/add"), new Dictionary<string, string> { ["Form.Period"] = "Feb 2019", ["Form.Value"] = "16%" });
        const string table = "Indicator\tJan 19\tFeb 19\tTarget\nk1\t1383\t1304\tNo Target\n% Contacts progressing to a CSC referral\t18%\t17%\t20-25%\n";
        var form = await _client.GetAsync($"/plans/{s.PlanId}/indicators/import");
        var preview = await _client.SubmitAsync(form, new Dictionary<string, string> { ["Pasted"] = table });
        Assert.Equal(HttpStatusCode.OK, preview.Status);
        Assert.Equal("3 new, 1 corrected, 0 unchanged. Nothing is stored until you confirm.", preview.Document.QuerySelector("#summary")!.TextContent);
        Assert.Contains("16% to 17%", preview.Document.QuerySelector($"#indicator-{s.Referrals}")!.TextContent, StringComparison.Ordinal);
        Assert.Single(await ValuesAsync(s.Referrals));

        var stored = await _client.SubmitAsync(preview.Document, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, stored.Status);
        Assert.Equal([("2019-01", 1383m), ("2019-02", 1304m)], (await ValuesAsync(s.Contacts)).Select(v => (v.Period, v.Value!.Value)));
        Assert.Equal(16m, Assert.Single((await ValuesAsync(s.Referrals))[1].Revisions).Value);

        var again = await _client.SubmitAsync(await _client.GetAsync($"/plans/{s.PlanId}/indicators/import"), new Dictionary<string, string> { ["Pasted"] = table });
        Assert.Equal("0 new, 0 corrected, 4 unchanged. Nothing is stored until you confirm.", again.Document.QuerySelector("#summary")!.TextContent);
    }

    [Fact]
    public async Task Import_ValuesChangedSincePreview_ShowsTheNewPreviewAndStoresNothing()
    {
        var s = await SeedAsync();
        var preview = await _client.SubmitAsync(await _client.GetAsync($"/plans/{s.PlanId}/indicators/import"), new Dictionary<string, string> { ["Pasted"] = "Indicator,Period,Value\nk1,2026-09,10\n" });
        await _client.SubmitAsync(await _client.GetAsync($"/indicators/{s.Contacts}/values/add"), new Dictionary<string, string> { ["Form.Period"] = "Sep 2026", ["Form.Value"] = "9" });
        var result = await _client.SubmitAsync(preview.Document, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.NotNull(result.Document.QuerySelector("#changed"));
        Assert.Equal(9m, Assert.Single(await ValuesAsync(s.Contacts)).Value);
    }

    [Fact]
    public async Task Import_UploadedCsvWithABadCell_NamesFileRowAndColumn_With400()
    {
        var s = await SeedAsync();
        var form = await _client.GetAsync($"/plans/{s.PlanId}/indicators/import");
        var result = await _client.UploadAsync(form, "Upload", "values.csv", "Indicator,Period,Value\nk1,Sep 2026,12\nUnknown one,Sep 2026,4\nk2,Sep 2026,abc\n"u8.ToArray());
        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal(
            [
                "values.csv, row 3, column A: 'Unknown one' is not an indicator of this plan: use an indicator's key or its name as the plan writes it",
                "values.csv, row 4, column C: 'abc' is not a number: enter a number, for example 47, or words such as TBC when there is no number yet",
            ],
            result.Errors);
        Assert.Empty(await ValuesAsync(s.Contacts));
    }

    [Fact]
    public async Task Api_Indicator_StoresAllAndSummarises_ThenBadInputNamesThePathAndStoresNothing()
    {
        var s = await SeedAsync();
        await ApiTokens.UseAsync(_client.Http, _factory, TrellisWebFactory.Administrator);
        var ok = await _client.Http.PostAsJsonAsync($"/api/indicators/{s.Referrals}/values", new
        {
            values = new object[]
            {
                new { period = "2026-10", value = 84.5, asAt = "2026-11-05", note = "Provisional", breakdowns = new[] { new { dimension = "Team", category = "North", value = 80 } } },
                new { period = "2026-09", text = "TBC" },
            },
        });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        using (var json = JsonDocument.Parse(await ok.Content.ReadAsStringAsync()))
        {
            Assert.Equal((2, 0, 0), (json.RootElement.GetProperty("added").GetInt32(), json.RootElement.GetProperty("corrected").GetInt32(), json.RootElement.GetProperty("unchanged").GetInt32()));
        }

        var bad = await _client.Http.PostAsJsonAsync($"/api/indicators/{s.Referrals}/values", new
        {
            values = new object[] { new { period = "2026-10", value = 90 }, new { period = "2026-11", value = 1 }, new { period = "someday", value = 2 } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        using (var json = JsonDocument.Parse(await bad.Content.ReadAsStringAsync()))
        {
            Assert.Equal("'someday' is not a period: write it like Sep 2026", json.RootElement.GetProperty("errors").GetProperty("$.values[2].period")[0].GetString());
        }

        var wrongType = await _client.Http.PostAsync($"/api/indicators/{s.Referrals}/values", new StringContent("{\"values\":[{\"period\":\"2026-10\",\"value\":\"lots\"}]}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        Assert.Contains("$.values[0].value", await wrongType.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var values = await ValuesAsync(s.Referrals);
        Assert.Equal([("2026-09", null, "TBC"), ("2026-10", 84.5m, null)], values.Select(v => (v.Period, v.Value, v.Text)));
        Assert.Equal(("Team", "North", 80m), (values[1].Breakdowns[0].Dimension, values[1].Breakdowns[0].Category, values[1].Breakdowns[0].Value!.Value));
        var missing = await _client.Http.PostAsJsonAsync("/api/indicators/999999/values", new { values = new[] { new { period = "2026-10", value = 1 } } });
        Assert.True(HttpStatusCode.NotFound == missing.StatusCode, await missing.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Api_Plan_MatchesIndicatorsByKeyOrName_AndCorrects()
    {
        var s = await SeedAsync();
        await ApiTokens.UseAsync(_client.Http, _factory, TrellisWebFactory.Administrator);
        var body = new { values = new object[] { new { indicator = "k1", period = "2026/27 Q2", value = 10 }, new { indicator = "no. of contacts RECEIVED in mash", period = "Oct 2026", value = 11 } } };
        Assert.Equal(HttpStatusCode.OK, (await _client.Http.PostAsJsonAsync($"/api/plans/{s.PlanId}/indicator-values", body)).StatusCode);
        var again = await _client.Http.PostAsJsonAsync($"/api/plans/{s.PlanId}/indicator-values", new { values = new[] { new { indicator = "k1", period = "2026-10", value = 12 } } });
        using var json = JsonDocument.Parse(await again.Content.ReadAsStringAsync());
        Assert.Equal(1, json.RootElement.GetProperty("corrected").GetInt32());
        var unknown = await _client.Http.PostAsJsonAsync($"/api/plans/{s.PlanId}/indicator-values", new { values = new[] { new { indicator = "nope", period = "2026-10", value = 12 } } });
        Assert.Contains("$.values[0].indicator", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.Http.PostAsJsonAsync("/api/plans/999999/indicator-values", body)).StatusCode);
        Assert.Equal([("2026/27 Q2", 10m), ("2026-10", 12m)], (await ValuesAsync(s.Contacts)).OrderBy(v => v.Period.Length).ThenBy(v => v.Period).Reverse().Select(v => (v.Period, v.Value!.Value)));
    }
}
