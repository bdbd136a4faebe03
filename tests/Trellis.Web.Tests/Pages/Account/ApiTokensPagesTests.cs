using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trellis.Core.Accounts;
using Trellis.Core.Data;
using Trellis.Web.Tests.Infrastructure;

namespace Trellis.Web.Tests.Pages.Account;

/// <summary>Personal API tokens: the page that makes, lists and revokes them, and the JSON API that takes them.</summary>
public sealed class ApiTokensPagesTests : IDisposable
{
    private readonly TrellisWebFactory _factory = new();
    private readonly PageClient _client;

    public ApiTokensPagesTests()
    {
        _factory.SignedInAs.Email = TrellisWebFactory.PlanManager;
        _client = new PageClient(_factory);
    }

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Post_Create_ShowsTheTokenOnce_AndKeepsOnlyItsHash()
    {
        var page = await _client.GetAsync("/account/api-tokens");
        Assert.NotNull(page.QuerySelector("#no-tokens"));

        var result = await _client.SubmitAsync(page, new Dictionary<string, string> { ["Name"] = "Nightly figures", ["Days"] = "365" });
        Assert.Equal(HttpStatusCode.OK, result.Status);
        var token = result.Document.QuerySelector("#new-token code")!.TextContent.Trim();
        Assert.StartsWith("trl_", token, StringComparison.Ordinal);
        Assert.True(token.Length >= 40, token);

        var stored = await DbAsync(db => db.ApiTokens.AsNoTracking().SingleAsync());
        Assert.Equal(("Nightly figures", token[..12]), (stored.Name, stored.Prefix));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token))), stored.SecretHash);
        Assert.Equal(TrellisWebFactory.DefaultNow.AddDays(365), stored.ExpiresAt);

        var again = await _client.GetAsync("/account/api-tokens");
        Assert.DoesNotContain(token, again.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.Contains("Nightly figures", again.QuerySelector("#tokens")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await DbAsync(db => db.AuditRecords.CountAsync(r => r.After != null && r.After.Contains(stored.SecretHash))));
    }

    [Fact]
    public async Task Post_NoNameOrTooLong_ShowsErrors_AndMakesNothing()
    {
        var page = await _client.GetAsync("/account/api-tokens");
        var result = await _client.SubmitAsync(page, new Dictionary<string, string> { ["Name"] = " ", ["Days"] = "400" });

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal(["Enter a name for the token, for example Nightly indicator figures", "Select how long the token lasts"], result.Errors);
        Assert.Equal(0, await DbAsync(db => db.ApiTokens.CountAsync()));
    }

    [Fact]
    public async Task Post_Revoke_StopsTheToken_AndSomeoneElsesTokenIsNotFound()
    {
        var mine = await ApiTokens.CreateAsync(_factory, TrellisWebFactory.PlanManager, "Mine");
        await ApiTokens.CreateAsync(_factory, TrellisWebFactory.Contributor, "Priya's");
        var page = await _client.GetAsync("/account/api-tokens");
        var revoke = await _client.SubmitAsync(page, new Dictionary<string, string>(), formIndex: 1);
        Assert.Equal(HttpStatusCode.Redirect, revoke.Status);
        Assert.Contains("Revoked", (await _client.GetAsync("/account/api-tokens")).QuerySelector("#tokens")!.TextContent, StringComparison.Ordinal);

        var (status, problem) = await PostValueAsync(mine, await DemoIndicatorAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("This API token has been revoked", problem.GetProperty("detail").GetString());

        var others = await DbAsync(db => db.ApiTokens.Where(t => t.Name == "Priya's").Select(t => t.Id).SingleAsync());
        var stolen = await _client.Http.PostAsync($"/account/api-tokens?handler=Revoke&tokenId={others}", new FormUrlEncodedContent([new("__RequestVerificationToken", Token(page))]));
        Assert.Equal(HttpStatusCode.NotFound, stolen.StatusCode);
        Assert.Null(await DbAsync(db => db.ApiTokens.Where(t => t.Id == others).Select(t => t.RevokedAt).SingleAsync()));
    }

    [Fact]
    public async Task Api_PlanManagersToken_RecordsTheValue_AsThemViaTheToken_AndNotesTheUse()
    {
        var token = await ApiTokens.CreateAsync(_factory, TrellisWebFactory.PlanManager, "Nightly figures");
        var indicator = await DemoIndicatorAsync();
        _factory.Clock.Advance(TimeSpan.FromHours(2));

        var (status, body) = await PostValueAsync(token, indicator);
        Assert.True(status == HttpStatusCode.OK, body.ToString());
        Assert.Equal(1, body.GetProperty("added").GetInt32() + body.GetProperty("corrected").GetInt32());

        var audit = await DbAsync(db => db.AuditRecords.AsNoTracking().OrderByDescending(r => r.Sequence).FirstAsync());
        Assert.Equal("Bethan Nicholls via API token Nightly figures", audit.ActorName);
        Assert.Equal(TrellisWebFactory.DefaultNow.AddHours(2), await DbAsync(db => db.ApiTokens.Select(t => t.LastUsedAt).SingleAsync()));
    }

    [Fact]
    public async Task Api_ReadersToken_IsRefused403_AndStoresNothing()
    {
        var token = await ApiTokens.CreateAsync(_factory, TrellisWebFactory.Reader);
        var before = await DbAsync(db => db.IndicatorValues.CountAsync());

        var (status, problem) = await PostValueAsync(token, await DemoIndicatorAsync());
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("Your role in this plan does not allow recording values", problem.GetProperty("title").GetString());
        Assert.Equal(before, await DbAsync(db => db.IndicatorValues.CountAsync()));
    }

    [Fact]
    public async Task Api_AnotherCouncilsToken_FindsNoSuchIndicator()
    {
        using (var scope = _factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
            var other = new Trellis.Core.Plans.Organisation { Name = "Another council" };
            db.Organisations.Add(other);
            await db.SaveChangesAsync();
            Assert.True((await scope.ServiceProvider.GetRequiredService<AccountService>().CreateAsync(other.Id, new NewAccount("Other administrator", "admin@another.example", null, IsAdministrator: true))).Succeeded);
        }

        var token = await ApiTokens.CreateAsync(_factory, "admin@another.example");
        var (status, problem) = await PostValueAsync(token, await DemoIndicatorAsync());
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("There is no such indicator or plan", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Api_ExpiredUnknownOrNoToken_Answers401WithAProblem_AndTheCookieIsNotEnough()
    {
        var token = await ApiTokens.CreateAsync(_factory, TrellisWebFactory.PlanManager, days: 30);
        var indicator = await DemoIndicatorAsync();
        _factory.Clock.Advance(TimeSpan.FromDays(30));

        var (expired, problem) = await PostValueAsync(token, indicator);
        Assert.Equal(HttpStatusCode.Unauthorized, expired);
        Assert.Equal("This API token has expired", problem.GetProperty("detail").GetString());

        var (unknown, unknownProblem) = await PostValueAsync("trl_" + new string('a', 43), indicator);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown);
        Assert.Equal("This API token is not known", unknownProblem.GetProperty("detail").GetString());

        // Signed in (as the page tests are), but with no token: the API does not take the sign-in.
        using var signedIn = await _client.Http.PostAsJsonAsync($"/api/indicators/{indicator}/values", Body());
        Assert.Equal(HttpStatusCode.Unauthorized, signedIn.StatusCode);
        Assert.Equal("Not signed in to the API", JsonDocument.Parse(await signedIn.Content.ReadAsStringAsync()).RootElement.GetProperty("title").GetString());
        Assert.Null(await DbAsync(db => db.ApiTokens.Select(t => t.LastUsedAt).SingleAsync()));
    }

    private static object Body() => new { values = new[] { new { period = "Oct 2026", value = 42 } } };

    private async Task<(HttpStatusCode Status, JsonElement Body)> PostValueAsync(string token, int indicatorId)
    {
        using var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Add(TestSignInHandler.Header, TestSignInHandler.Anonymous);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.PostAsJsonAsync($"/api/indicators/{indicatorId}/values", Body());
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>A monthly count in the demo plan, where the demo roles hold their roles.</summary>
    private async Task<int> DemoIndicatorAsync()
    {
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
        var existing = await db.Indicators.Where(i => i.Key == "tok1").Select(i => (int?)i.Id).FirstOrDefaultAsync();
        if (existing is { } id)
        {
            return id;
        }

        var indicator = new Trellis.Core.Indicators.Indicator { PlanId = await db.Plans.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(), Key = "tok1", Name = "Contacts this month", Unit = Trellis.Core.Indicators.IndicatorUnit.Count };
        db.Indicators.Add(indicator);
        await db.SaveChangesAsync();
        return indicator.Id;
    }

    private static string Token(AngleSharp.Dom.IDocument page) =>
        page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

    private async Task<T> DbAsync<T>(Func<TrellisDbContext, Task<T>> query)
    {
        using var scope = _factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<TrellisDbContext>());
    }
}
