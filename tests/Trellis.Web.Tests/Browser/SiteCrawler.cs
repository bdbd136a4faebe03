using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Trellis.Web.Tests.Browser;

/// <summary>
/// Walks the pages an account can reach by following the links on them, from a few starting pages, as someone clicking
/// through would. Pages of the same shape (the same route with other ids) are visited a few times, not all of them, so a
/// plan with a hundred actions does not mean a hundred visits to the same page; pages named as starts are always visited.
/// </summary>
public static partial class SiteCrawler
{
    /// <summary>Where a crawl of the whole app begins: the home page and the organisation's own lists.</summary>
    public static readonly string[] Starts = ["/", "/my-actions", "/plans", "/people", "/accounts", "/reminders", "/imports/new"];

    /// <summary>Records every content-policy violation the page reports, in window.__csp; add it before the page loads.</summary>
    public const string ViolationRecorder = """
        window.__csp = [];
        document.addEventListener('securitypolicyviolation', e =>
            window.__csp.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' (' + (e.sample || '') + ') at line ' + e.lineNumber));
        """;

    public static async Task<int> CrawlAsync(IPage page, string baseUrl, IEnumerable<string> starts, Func<string, IResponse?, Task> visit, int perShape = 2, int max = 600)
    {
        var origin = new Uri(baseUrl);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var shapes = new Dictionary<string, int>(StringComparer.Ordinal);
        var queue = new Queue<string>();
        foreach (var start in starts)
        {
            if (seen.Add(Key(start)))
            {
                queue.Enqueue(start);
                shapes[Shape(start)] = shapes.GetValueOrDefault(Shape(start)) + 1;
            }
        }

        var visited = 0;
        while (queue.Count > 0 && visited < max)
        {
            var path = queue.Dequeue();
            IResponse? response;
            try
            {
                response = await page.GotoAsync(baseUrl.TrimEnd('/') + path);
            }
            catch (PlaywrightException e) when (e.Message.Contains("Download is starting", StringComparison.Ordinal) || e.Message.Contains("ERR_ABORTED", StringComparison.Ordinal))
            {
                continue;
            }

            visited++;
            await visit(path, response);
            var links = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('a[href]')].map(a => a.href)");
            foreach (var link in links)
            {
                if (!Uri.TryCreate(link, UriKind.Absolute, out var uri) || uri.Authority != origin.Authority || Skip(uri))
                {
                    continue;
                }

                var target = uri.PathAndQuery;
                var shape = Shape(target);
                if (shapes.GetValueOrDefault(shape) < perShape && seen.Add(Key(target)))
                {
                    shapes[shape] = shapes.GetValueOrDefault(shape) + 1;
                    queue.Enqueue(target);
                }
            }
        }

        return visited;
    }

    /// <summary>Waits a moment for violation events queued during loading, then returns those recorded so far.</summary>
    public static async Task<string[]> ViolationsAsync(IPage page) =>
        await page.EvaluateAsync<string[]>("() => new Promise(r => setTimeout(() => r(window.__csp || []), 20))");

    // Signing out would end the crawl; downloads are files, not pages; the error pages are reached on purpose elsewhere.
    private static bool Skip(Uri uri) =>
        uri.AbsolutePath is "/sign-out" or "/sign-in" || uri.AbsolutePath.StartsWith("/error", StringComparison.Ordinal)
        || uri.AbsolutePath.EndsWith(".json", StringComparison.Ordinal) || uri.Query.Contains("handler=download", StringComparison.OrdinalIgnoreCase)
        || uri.AbsolutePath.StartsWith("/lib/", StringComparison.Ordinal) || uri.AbsolutePath.StartsWith("/css/", StringComparison.Ordinal);

    // The report's web page differs by layout (its query); other queries only filter or sort the same page.
    private static string Key(string pathAndQuery)
    {
        var query = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        var path = query < 0 ? pathAndQuery : pathAndQuery[..query];
        return path.Contains("/report/", StringComparison.Ordinal) ? pathAndQuery : path;
    }

    private static string Shape(string pathAndQuery) => Digits().Replace(Key(pathAndQuery), "{n}");

    [GeneratedRegex("[0-9]+")]
    private static partial Regex Digits();
}
