using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trellis.Core.Accounts;
using Trellis.Core.Data;
using Trellis.Core.Indicators;
using Trellis.Core.Plans;

namespace Trellis.Benchmarks;

/// <summary>
/// Times the indicator pages over real HTTP: a plan of 60 indicators x 60 monthly values x 20 teams (72,000 breakdown
/// rows) with comparators and dated targets is seeded into a SQLite file, the web app is started on it as a child
/// process on a loopback port, a reader of the plan signs in with a password as a board member would, and each page
/// is requested after a warm-up. A page that answers anything but 200 without a redirect (the sign-in page, say) prints
/// its status code instead of figures, so a broken sign-in can never be timed as a fast page.
/// </summary>
internal static class IndicatorPagesBenchmark
{
    private const int Indicators = 60;
    private const int Months = 60;
    private const int Teams = 20;
    private const int WarmUp = 3;
    private const int Requests = 20;
    private const string ReaderEmail = "bench.reader@castlebridge.example";
    private const string ReaderPassword = "Benchmark reader passphrase 7";

    public static async Task<int> RunAsync(ServiceProvider services, string folder)
    {
        var watch = Stopwatch.StartNew();
        var (planId, firstIndicatorId) = await SeedAsync(services);
        watch.Stop();
        SqliteConnection.ClearAllPools();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Seeded plan {planId}: {Indicators} indicators x {Months} monthly values x {Teams} teams ({Indicators * Months * Teams:N0} breakdown rows) in {watch.Elapsed.TotalSeconds:F1} s"));

        var port = FreePort();
        using var web = StartWeb(folder, port);
        try
        {
            using var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true };
            using var http = new HttpClient(handler) { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(2) };
            await WaitUntilUpAsync(http, web);
            await SignInAsync(http);

            Console.WriteLine($"{"PAGE",-32} {"STATUS",6} {"MEDIAN MS",10} {"P95 MS",8} {"BYTES",12}");
            foreach (var (label, path) in new[]
            {
                ("plan (harness check)", $"/plans/{planId}"),
                ("indicators list", $"/plans/{planId}/indicators"),
                ("one indicator", $"/indicators/{firstIndicatorId}"),
            })
            {
                Console.WriteLine(await MeasureAsync(http, label, path));
            }
        }
        finally
        {
            web.Kill(entireProcessTree: true);
            await web.WaitForExitAsync();
        }

        return 0;
    }

    private static async Task<(int PlanId, int IndicatorId)> SeedAsync(ServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitialiseAsync(CancellationToken.None);
        var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var organisationId = await db.Organisations.OrderBy(o => o.Id).Select(o => o.Id).FirstAsync();
        var owner = await db.People.Where(p => p.OrganisationId == organisationId).OrderBy(p => p.Id).Select(p => (int?)p.Id).FirstOrDefaultAsync();
        var today = DateOnly.FromDateTime(scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        var lastMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        var yearStart = new DateOnly(today.Month >= 4 ? today.Year : today.Year - 1, 4, 1);

        var plan = new Plan { OrganisationId = organisationId, Title = "Indicators benchmark plan", Status = PlanStatus.Live, QuartersAreFinancial = true };
        plan.RagRatings.AddRange(RagRating.DefaultScale(RagScale.Progress));
        plan.RagRatings.AddRange(RagRating.DefaultScale(RagScale.Impact));
        plan.Areas.Add(new Area { Number = "1", Title = "Help and protection" });
        var random = new Random(7);
        for (var i = 1; i <= Indicators; i++)
        {
            var indicator = new Indicator
            {
                Key = string.Create(CultureInfo.InvariantCulture, $"k{i}"),
                Name = string.Create(CultureInfo.InvariantCulture, $"Indicator {i}: children seen within timescale by their social worker"),
                Unit = IndicatorUnit.Percent,
                Polarity = i % 3 == 0 ? Polarity.LowerIsBetter : Polarity.HigherIsBetter,
                TargetText = i % 3 == 0 ? "No higher than 20%" : "85%",
                TargetMin = i % 3 == 0 ? null : 85m,
                TargetMax = i % 3 == 0 ? 20m : null,
                Tolerance = i % 4 == 0 ? 3m : null,
                Source = "Case management system monthly extract",
                OwnerId = owner,
                SortOrder = i,
                AreaNumbers = ["1"],
            };
            if (i % 10 == 1)
            {
                indicator.Targets.Add(new IndicatorTarget { Text = "80%", Min = 80m, To = yearStart.AddDays(-1) });
                indicator.Targets.Add(new IndicatorTarget { Text = "85% by March " + (yearStart.Year + 1).ToString(CultureInfo.InvariantCulture), Min = 85m, From = yearStart, To = yearStart.AddYears(1).AddDays(-1) });
            }

            for (var m = 0; m < Months; m++)
            {
                var month = lastMonth.AddMonths(m - Months + 1);
                var whole = 60 + (25.0 * m / Months) + ((random.NextDouble() * 6) - 3);
                var value = new IndicatorValue
                {
                    Period = month.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                    PeriodStart = month,
                    Value = Math.Round((decimal)whole, 1),
                    AsAt = month.AddMonths(1).AddDays(-1),
                    Source = "Imported from the monthly extract",
                };
                for (var t = 1; t <= Teams; t++)
                {
                    value.Breakdowns.Add(new IndicatorBreakdown
                    {
                        Dimension = "Team",
                        Category = string.Create(CultureInfo.InvariantCulture, $"Team {t:D2}"),
                        Value = Math.Round((decimal)Math.Clamp(whole + ((random.NextDouble() * 10) - 5), 0, 100), 1),
                    });
                }

                indicator.Values.Add(value);
            }

            for (var back = 1; back <= 5; back++)
            {
                var year = PeriodWords.PeriodOf(yearStart.AddYears(-back), IndicatorFrequency.Annual, YearBasis.Financial);
                foreach (var (name, level) in new[] { ("Statistical neighbours", 82m), ("South East", 80m), ("England", 79m) })
                {
                    indicator.Comparators.Add(new Comparator { Name = name, Period = year.Text, PeriodStart = year.Start, Value = level - back, Source = "Children in need census" });
                }
            }

            plan.Indicators.Add(indicator);
        }

        db.Plans.Add(plan);
        await db.SaveChangesAsync();

        // A board member who reads the plan: the pages are timed as they are built for a signed-in reader.
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        var reader = await accounts.CreateAsync(organisationId, new NewAccount("Benchmark Reader", ReaderEmail, ReaderPassword, IsAdministrator: false));
        if (reader.User is null)
        {
            throw new InvalidOperationException("The benchmark reader was not created: " + string.Join("; ", reader.Errors.Select(e => e.Message)));
        }

        if (!await accounts.SetRoleAsync(organisationId, reader.User.Id, plan.Id, PlanRole.Reader))
        {
            throw new InvalidOperationException("The benchmark reader was not given the reader role");
        }

        return (plan.Id, plan.Indicators.OrderBy(x => x.SortOrder).First().Id);
    }

    /// <summary>Signs in through the real sign-in form (antiforgery token and all); the cookie stays in the client's handler.</summary>
    private static async Task SignInAsync(HttpClient http)
    {
        var form = await http.GetStringAsync(new Uri("/sign-in", UriKind.Relative));
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"");
        if (!token.Success)
        {
            throw new InvalidOperationException("The sign-in page has no antiforgery token");
        }

        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = ReaderEmail,
            ["Password"] = ReaderPassword,
            ["__RequestVerificationToken"] = token.Groups[1].Value,
        });
        using var response = await http.PostAsync(new Uri("/sign-in", UriKind.Relative), content);
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString.Contains("sign-in", StringComparison.OrdinalIgnoreCase) == true)
        {
            throw new InvalidOperationException($"Signing in as the benchmark reader failed: {(int)response.StatusCode} {response.Headers.Location}");
        }
    }

    /// <summary>
    /// The web app as it runs in production: its own process and Kestrel, started from its Release build. A child
    /// process keeps the benchmark's own allocations and seeding out of the server's figures, and needs no test host.
    /// </summary>
    private static Process StartWeb(string folder, int port)
    {
        var dll = Path.Combine(RepositoryRoot(), "src", "Trellis.Web", "bin", "Release", "net10.0", "Trellis.Web.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"Build the web app first: dotnet build -c Release src/Trellis.Web ({dll} is missing)", dll);
        }

        var start = new ProcessStartInfo("dotnet", [dll, "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["TRELLIS_DATA_DIR"] = folder;
        start.Environment["Trellis__DataDirectory"] = folder;
        start.Environment["Trellis__DemoData"] = "false";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start) ?? throw new InvalidOperationException("The web app did not start");

        // Drained so a chatty server never blocks on a full pipe; only errors reach the console.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine("web: " + e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitUntilUpAsync(HttpClient http, Process web)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (web.HasExited)
            {
                throw new InvalidOperationException($"The web app exited with code {web.ExitCode} before it answered");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("The web app did not answer /healthz within a minute");
    }

    private static async Task<string> MeasureAsync(HttpClient http, string label, string path)
    {
        var uri = new Uri(path, UriKind.Relative);
        var (status, bytes) = await GetAsync(http, uri);
        if (status != HttpStatusCode.OK)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{label,-32} {(int)status,6} not measured: {path} answered {(int)status} {status}");
        }

        for (var i = 1; i < WarmUp; i++)
        {
            await GetAsync(http, uri);
        }

        var times = new List<double>();
        for (var i = 0; i < Requests; i++)
        {
            var watch = Stopwatch.StartNew();
            (_, bytes) = await GetAsync(http, uri);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        var median = times.Count % 2 == 1 ? times[times.Count / 2] : (times[(times.Count / 2) - 1] + times[times.Count / 2]) / 2;
        var p95 = times[(int)Math.Ceiling(times.Count * 0.95) - 1];
        return string.Create(CultureInfo.InvariantCulture, $"{label,-32} {(int)status,6} {median,10:F1} {p95,8:F1} {bytes,12:N0}");
    }

    /// <summary>The whole body is read, so the time includes sending the page, not just its first bytes.</summary>
    private static async Task<(HttpStatusCode Status, long Bytes)> GetAsync(HttpClient http, Uri uri)
    {
        using var response = await http.GetAsync(uri);
        var body = await response.Content.ReadAsByteArrayAsync();
        return (response.StatusCode, body.LongLength);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Trellis.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("Trellis.slnx not found above " + AppContext.BaseDirectory);
    }
}
