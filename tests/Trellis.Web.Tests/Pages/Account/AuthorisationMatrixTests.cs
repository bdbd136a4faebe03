using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trellis.Core.Accounts;
using Trellis.Core.Data;
using Trellis.Web.Tests.Infrastructure;

namespace Trellis.Web.Tests.Pages.Account;

/// <summary>
/// Every page of the app, for every role of the demo council, another council's administrator and nobody at all.
/// The table below is the specification, written independently of the attributes on the pages; a page missing
/// from it fails the test, so a new page cannot arrive without deciding who may use it.
/// </summary>
public sealed class AuthorisationMatrixTests(AuthorisationMatrixTests.Fixture fixture) : IClassFixture<AuthorisationMatrixTests.Fixture>
{
    /// <summary>Who may open a page (GET).</summary>
    public enum Need
    {
        Anyone,
        SignedIn,
        ReadPlans,
        ManagePlans,
        Administer,
        View,
        Downloads,
        OwnAction,
        Manage,
    }

    private static readonly Dictionary<string, Need> Pages = new(StringComparer.Ordinal)
    {
        ["/"] = Need.SignedIn,
        ["my-actions"] = Need.SignedIn,
        ["account/api-tokens"] = Need.SignedIn,
        ["sign-in"] = Need.Anyone,
        ["sign-in/microsoft"] = Need.Anyone,
        ["sign-out"] = Need.Anyone,
        ["setup"] = Need.Anyone,
        ["forgot-password"] = Need.Anyone,
        ["reset-password"] = Need.Anyone,
        ["error/{code:int?}"] = Need.Anyone,
        ["plans"] = Need.SignedIn,
        ["plans/new"] = Need.Administer,
        ["people"] = Need.ReadPlans,
        ["people/new"] = Need.ManagePlans,
        ["people/{personId:int}"] = Need.ReadPlans,
        ["people/{personId:int}/edit"] = Need.ManagePlans,
        ["people/{personId:int}/delete"] = Need.ManagePlans,
        ["imports/new"] = Need.ManagePlans,
        ["reminders"] = Need.ManagePlans,
        ["accounts"] = Need.Administer,
        ["accounts/new"] = Need.Administer,
        ["accounts/{userId}"] = Need.Administer,
        ["accounts/{userId}/microsoft"] = Need.Administer,
        ["plans/{planId:int}"] = Need.View,
        ["plans/{planId:int}/edit"] = Need.Manage,
        ["plans/{planId:int}/delete"] = Need.Manage,
        ["plans/{planId:int}/inspection"] = Need.Manage,
        ["plans/{planId:int}/ratings/{scale}"] = Need.Manage,
        ["plans/{planId:int}/export.json"] = Need.Downloads,
        ["plans/{planId:int}/history"] = Need.View,
        ["plans/{planId:int}/actions"] = Need.View,
        ["plans/{planId:int}/actions/{actionId:int}/edit"] = Need.Manage,
        ["plans/{planId:int}/actions/{actionId:int}/delete"] = Need.Manage,
        ["plans/{planId:int}/actions/{actionId:int}/history"] = Need.View,
        ["plans/{planId:int}/actions/{actionId:int}/milestones/new"] = Need.Manage,
        ["plans/{planId:int}/actions/{actionId:int}/sign-off"] = Need.OwnAction,
        ["plans/{planId:int}/actions/{actionId:int}/sign-off/decision"] = Need.Manage,
        ["plans/{planId:int}/actions/{actionId:int}/sign-off/files/{fileId:int}"] = Need.OwnAction,
        ["plans/{planId:int}/sign-offs"] = Need.View,
        ["plans/{planId:int}/areas/new"] = Need.Manage,
        ["plans/{planId:int}/areas/{areaId:int}"] = Need.View,
        ["plans/{planId:int}/areas/{areaId:int}/edit"] = Need.Manage,
        ["plans/{planId:int}/areas/{areaId:int}/delete"] = Need.Manage,
        ["plans/{planId:int}/areas/{areaId:int}/history"] = Need.View,
        ["plans/{planId:int}/areas/{areaId:int}/actions/new"] = Need.Manage,
        ["plans/{planId:int}/themes/new"] = Need.Manage,
        ["plans/{planId:int}/themes/{themeId:int}/edit"] = Need.Manage,
        ["plans/{planId:int}/themes/{themeId:int}/delete"] = Need.Manage,
        ["plans/{planId:int}/milestones/{milestoneId:int}/edit"] = Need.Manage,
        ["plans/{planId:int}/milestones/{milestoneId:int}/delete"] = Need.Manage,
        ["plans/{planId:int}/people"] = Need.View,
        ["plans/{planId:int}/people/new"] = Need.Manage,
        ["plans/{planId:int}/indicators"] = Need.View,
        ["plans/{planId:int}/indicators/add"] = Need.Manage,
        ["plans/{planId:int}/indicators/import"] = Need.Manage,
        ["plans/{planId:int}/improvement-log"] = Need.View,
        ["plans/{planId:int}/improvement-log/new"] = Need.Manage,
        ["plans/{planId:int}/improvement-log/{entryId:int}/edit"] = Need.Manage,
        ["plans/{planId:int}/improvement-log/{entryId:int}/delete"] = Need.Manage,
        ["plans/{planId:int}/rounds"] = Need.View,
        ["plans/{planId:int}/rounds/open"] = Need.Manage,
        ["plans/{planId:int}/rounds/changes"] = Need.View,
        ["rounds/{roundId:int}"] = Need.View,
        ["rounds/{roundId:int}/close"] = Need.Manage,
        ["rounds/{roundId:int}/areas/{areaId:int}"] = Need.View,
        ["rounds/{roundId:int}/actions/{actionId:int}"] = Need.OwnAction,
        ["rounds/{roundId:int}/report/{handler?}"] = Need.Downloads,
        ["rounds/{roundId:int}/narrative"] = Need.View,
        ["rounds/{roundId:int}/narrative/new"] = Need.Manage,
        ["rounds/{roundId:int}/narrative/{sectionId:int}/edit"] = Need.Manage,
        ["rounds/{roundId:int}/narrative/{sectionId:int}/delete"] = Need.Manage,
        ["rounds/{roundId:int}/self-assessment"] = Need.View,
        ["rounds/{roundId:int}/self-assessment/new"] = Need.Manage,
        ["rounds/{roundId:int}/self-assessment/{entryId:int}/edit"] = Need.Manage,
        ["rounds/{roundId:int}/self-assessment/{entryId:int}/delete"] = Need.Manage,
        ["indicators/{indicatorId:int}"] = Need.View,
        ["indicators/{indicatorId:int}/edit"] = Need.Manage,
        ["indicators/{indicatorId:int}/delete"] = Need.Manage,
        ["indicators/{indicatorId:int}/history"] = Need.View,
        ["indicators/{indicatorId:int}/targets"] = Need.Manage,
        ["indicators/{indicatorId:int}/comparators/add"] = Need.Manage,
        ["indicators/{indicatorId:int}/comparators/{comparatorId:int}/edit"] = Need.Manage,
        ["indicators/{indicatorId:int}/comparators/{comparatorId:int}/delete"] = Need.Manage,
        ["indicators/{id:int}/values/add"] = Need.Manage,
        ["indicators/{id:int}/values/{valueId:int}/edit"] = Need.Manage,
        ["indicators/{id:int}/values/{valueId:int}/delete"] = Need.Manage,
    };

    // The pages of one pending import are checked by their own tests (they need an upload to exist).
    private static bool IsImportReview(string route) => route.StartsWith("imports/{importId", StringComparison.Ordinal);

    private static bool Allows(string role, Need need) => (role, need) switch
    {
        (_, Need.Anyone) => true,
        (TrellisWebFactory.Administrator, _) => true,
        (_, Need.SignedIn) => true,
        (TrellisWebFactory.PlanManager, not Need.Administer) => true,
        (TrellisWebFactory.Contributor or TrellisWebFactory.Reader, Need.ReadPlans or Need.View or Need.Downloads or Need.OwnAction) => true,
        // The partner's own action: the fixture's action is one the police lead owns.
        (TrellisWebFactory.Partner, Need.OwnAction) => true,
        _ => false,
    };

    public static TheoryData<string> Roles => [TrellisWebFactory.Administrator, TrellisWebFactory.PlanManager, TrellisWebFactory.Contributor, TrellisWebFactory.Reader, TrellisWebFactory.Partner];

    [Fact]
    public void Every_page_is_in_the_table()
    {
        var missing = fixture.Routes.Where(r => !IsImportReview(r) && !Pages.ContainsKey(r)).ToList();
        Assert.True(missing.Count == 0, "Pages with no row in the authorisation table: " + string.Join(", ", missing));
        Assert.True(fixture.Routes.Count > 60, $"Only {fixture.Routes.Count} pages were found");
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Each_role_opens_exactly_the_pages_it_may(string role)
    {
        var wrong = new List<string>();
        foreach (var route in fixture.Routes.Where(r => !IsImportReview(r) && Pages.ContainsKey(r)))
        {
            var url = fixture.Url(route);
            var status = await fixture.GetAsync(url, role);
            var allowed = Allows(role, Pages[route]);
            var refused = status is HttpStatusCode.Forbidden or HttpStatusCode.NotFound;
            if (allowed == refused || status == HttpStatusCode.InternalServerError)
            {
                wrong.Add($"{url}: {(int)status} ({(allowed ? "should be allowed" : "should be refused")})");
            }
        }

        Assert.True(wrong.Count == 0, $"{role}:\n" + string.Join("\n", wrong));
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task A_refused_page_refuses_a_post_too_and_changes_nothing(string role)
    {
        var before = await fixture.AuditCountAsync();
        var wrong = new List<string>();
        foreach (var route in fixture.Routes.Where(r => !IsImportReview(r) && Pages.ContainsKey(r) && !Allows(role, Pages[r])))
        {
            var url = fixture.Url(route);
            var status = await fixture.PostAsync(url, role);
            if (status is not (HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed))
            {
                wrong.Add($"POST {url}: {(int)status}");
            }
        }

        Assert.True(wrong.Count == 0, $"{role}:\n" + string.Join("\n", wrong));
        Assert.Equal(before, await fixture.AuditCountAsync());
    }

    [Fact]
    public async Task Nobody_signed_in_is_sent_to_sign_in_from_every_page_but_the_open_ones()
    {
        var wrong = new List<string>();
        foreach (var route in fixture.Routes.Where(r => !IsImportReview(r) && Pages.ContainsKey(r) && Pages[r] != Need.Anyone))
        {
            var url = fixture.Url(route);
            var response = await fixture.RawGetAsync(url, TestSignInHandler.Anonymous);
            if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.ToString().Contains("/sign-in", StringComparison.Ordinal) != true)
            {
                wrong.Add($"{url}: {(int)response.StatusCode} {response.Headers.Location}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public async Task Another_councils_administrator_finds_none_of_these_ids()
    {
        var wrong = new List<string>();
        foreach (var route in fixture.Routes.Where(r => !IsImportReview(r) && r.Contains('{', StringComparison.Ordinal) && Pages.TryGetValue(r, out var need) && need != Need.Anyone))
        {
            var url = fixture.Url(route);
            var status = await fixture.GetAsync(url, Fixture.OtherAdministrator);
            if (status != HttpStatusCode.NotFound)
            {
                wrong.Add($"GET {url}: {(int)status}");
            }

            var post = await fixture.PostAsync(url, Fixture.OtherAdministrator);
            if (post is not (HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed))
            {
                wrong.Add($"POST {url}: {(int)post}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    public sealed class Fixture : IAsyncLifetime
    {
        public const string OtherAdministrator = "admin@another-council.example";

        private readonly Dictionary<string, string> _ids = new(StringComparer.Ordinal);
        private readonly Dictionary<string, (HttpClient Client, string Token)> _clients = new(StringComparer.Ordinal);

        public TrellisWebFactory Factory { get; } = new();

        public List<string> Routes { get; private set; } = [];

        public async Task InitializeAsync()
        {
            Factory.SignedInAs.Email = null;
            using var scope = Factory.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
            var plan = await db.Plans.OrderBy(p => p.Id).FirstAsync();
            var police = await db.People.FirstAsync(p => p.Initials == "ME");
            var action = await db.Actions.Where(a => a.Area.PlanId == plan.Id && a.Owners.Any(o => o.PersonId == police.Id)).OrderBy(a => a.Id).FirstAsync();
            var round = await db.Rounds.Where(r => r.PlanId == plan.Id).OrderByDescending(r => r.Id).FirstAsync();
            var indicator = await db.Indicators.Where(i => i.PlanId == plan.Id).OrderBy(i => i.Id).FirstAsync();
            _ids["planId"] = plan.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            _ids["actionId"] = action.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            _ids["areaId"] = action.AreaId.ToString(System.Globalization.CultureInfo.InvariantCulture);
            _ids["roundId"] = round.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            _ids["indicatorId"] = _ids["id"] = indicator.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            _ids["personId"] = police.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            _ids["themeId"] = Id(await db.Themes.Where(t => t.PlanId == plan.Id).Select(t => (int?)t.Id).FirstOrDefaultAsync());
            _ids["milestoneId"] = Id(await db.Milestones.Where(m => m.Action.Area.PlanId == plan.Id).Select(m => (int?)m.Id).FirstOrDefaultAsync());
            // One of everything a route can name, in this plan and this round, so that every page has a real id.
            var comparator = new Trellis.Core.Indicators.Comparator { IndicatorId = indicator.Id, Name = "England", Period = "2025/26", Value = 50 };
            var section = new Trellis.Core.Rounds.RoundNarrative { RoundId = round.Id, Heading = "Summary", Body = "Progress this quarter" };
            var row = new Trellis.Core.Rounds.SelfAssessmentEntry { RoundId = round.Id, AreaForImprovement = "Front door", WhatWeHaveDone = "Triage", ImpactOnPractice = "Faster" };
            db.AddRange(comparator, section, row);
            await db.SaveChangesAsync();
            _ids["comparatorId"] = Id(comparator.Id);

            // A decided sign-off request with a file, so the evidence download has a real id (the fixture's action is area 1's,
            // whose senior lead has no account: only plan managers and administrators decide its sign-offs).
            var signOff = new Trellis.Core.SignOffs.SignOffRequest
            {
                ActionId = action.Id,
                RequestedByUserId = "someone",
                RequestedByName = "Someone",
                RequestedAt = Factory.Clock.GetUtcNow(),
                DecidedAt = Factory.Clock.GetUtcNow(),
                DecidedByName = "Bethan Nicholls",
                Decision = Trellis.Core.SignOffs.SignOffDecision.Returned,
                Reason = "Needs the audit",
                Files = [new() { ActionId = action.Id, FileName = "notes.txt", ContentType = "text/plain", Size = 5, Content = "notes"u8.ToArray() }],
            };
            db.SignOffRequests.Add(signOff);
            await db.SaveChangesAsync();
            _ids["fileId"] = Id(signOff.Files[0].Id);
            _ids["valueId"] = Id(await db.IndicatorValues.Where(v => v.IndicatorId == indicator.Id).Select(v => (int?)v.Id).FirstOrDefaultAsync());
            _ids["sectionId"] = Id(section.Id);
            _ids["entryId"] = Id(await db.ImprovementLogEntries.Where(e => e.PlanId == plan.Id).Select(e => (int?)e.Id).FirstOrDefaultAsync());
            _ids["selfAssessmentId"] = Id(row.Id);
            _ids["userId"] = (await db.Users.FirstAsync(u => u.Email == TrellisWebFactory.Contributor)).Id;
            _ids["scale"] = "progress";
            _ids["code"] = "404";
            _ids["handler"] = "html";

            var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
            var other = new Trellis.Core.Plans.Organisation { Name = "Another council" };
            db.Organisations.Add(other);
            await db.SaveChangesAsync();
            var created = await accounts.CreateAsync(other.Id, new NewAccount("Other administrator", OtherAdministrator, null, IsAdministrator: true));
            Assert.True(created.Succeeded);

            var endpoints = Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
            Routes = [.. endpoints.Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.CompiledPageActionDescriptor>() is not null || e.Metadata.OfType<PageActionDescriptor>().Any())
                .Select(e => e.RoutePattern.RawText ?? string.Empty)
                .Select(r => r.Length == 0 ? "/" : r.TrimStart('/'))
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal)];
        }

        private static string Id(int? id) => (id ?? 999999).ToString(System.Globalization.CultureInfo.InvariantCulture);

        public string Url(string route) =>
            route == "/" ? "/" : route == "reset-password" ? "/reset-password?user=someone&token=a-link-token" : "/" + Regex.Replace(route, @"\{(\w+)(:[^}]*)?\??\}", m =>
                m.Groups[1].Value == "entryId" && route.Contains("self-assessment", StringComparison.Ordinal) ? _ids["selfAssessmentId"] : _ids[m.Groups[1].Value]);

        public async Task<HttpStatusCode> GetAsync(string url, string who) => (await RawGetAsync(url, who)).StatusCode;

        public async Task<HttpResponseMessage> RawGetAsync(string url, string who)
        {
            var (client, _) = await ClientAsync(who);
            return await client.GetAsync(url);
        }

        /// <summary>A post with a valid anti-forgery token for the account, so what answers is the access check, not the token check.</summary>
        public async Task<HttpStatusCode> PostAsync(string url, string who)
        {
            var (client, token) = await ClientAsync(who);
            var response = await client.PostAsync(url, new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
            return response.StatusCode;
        }

        public async Task<int> AuditCountAsync()
        {
            using var scope = Factory.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<TrellisDbContext>().AuditRecords.CountAsync();
        }

        private async Task<(HttpClient, string)> ClientAsync(string who)
        {
            if (_clients.TryGetValue(who, out var known))
            {
                return known;
            }

            var client = Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            client.DefaultRequestHeaders.Add(TestSignInHandler.Header, who);
            var token = string.Empty;
            if (who != TestSignInHandler.Anonymous)
            {
                var page = await client.GetStringAsync("/my-actions");
                token = Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
                Assert.False(string.IsNullOrEmpty(token), $"No anti-forgery token on /my-actions for {who}");
            }

            _clients[who] = (client, token);
            return (client, token);
        }

        public Task DisposeAsync()
        {
            foreach (var (client, _) in _clients.Values)
            {
                client.Dispose();
            }

            Factory.Dispose();
            return Task.CompletedTask;
        }
    }
}
