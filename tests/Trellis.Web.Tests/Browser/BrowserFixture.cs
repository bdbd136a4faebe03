using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Trellis.Testing;
using Trellis.Web.Tests.Infrastructure;

namespace Trellis.Web.Tests.Browser;

/// <summary>The app on real Kestrel (loopback, any free port) and Debian's headless Chromium driven by Playwright.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public TrellisWebFactory Factory { get; } = new();
    public string BaseUrl { get; private set; } = string.Empty;
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        Factory.StartServer();
        BaseUrl = Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var chromium = TestEnvironment.Chromium
            ?? throw new InvalidOperationException("Chromium is not installed (apt-get install chromium); browser tests are mandatory under CI");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await Factory.DisposeAsync();
    }

    /// <summary>Runs axe-core in the page and returns every WCAG 2.x A/AA violation as "rule: target".</summary>
    public static async Task<List<string>> AxeViolationsAsync(IPage page)
    {
        // TRELLIS_SCREENSHOTS=/some/folder keeps a full-page picture of every page checked, for looking at by hand.
        if (Environment.GetEnvironmentVariable("TRELLIS_SCREENSHOTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            var name = string.Concat(new Uri(page.Url).PathAndQuery.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_')).Trim('_');
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{System.Diagnostics.Stopwatch.GetTimestamp()}-{name}.png"), FullPage = true });
        }

        await page.AddScriptTagAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "axe.min.js") });
        var result = await page.EvaluateAsync<JsonElement>(
            "async () => await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'] } })");
        return [.. result.GetProperty("violations").EnumerateArray().SelectMany(v =>
            v.GetProperty("nodes").EnumerateArray().Select(n => $"{v.GetProperty("id").GetString()}: {n.GetProperty("target")[0]} ({v.GetProperty("help").GetString()})"))];
    }
}
