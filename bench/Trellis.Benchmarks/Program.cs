using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Trellis.Core;
using Trellis.Core.Data;
using Trellis.Core.Plans;
using Trellis.Core.Reports;
using Trellis.Core.Rounds;

namespace Trellis.Benchmarks;

/// <summary>
/// Times report generation: the demo council's plan and a generated plan of 20 areas of 15 actions, each with a
/// round open, laid out in every format and layout. Run with <c>dotnet run -c Release --project bench/Trellis.Benchmarks</c>;
/// add <c>-- --indicators</c> to time the indicator pages over HTTP instead (<see cref="IndicatorPagesBenchmark"/>),
/// or <c>-- --annexa</c> for Annex A against DuckDB (<see cref="AnnexABenchmark"/>).
/// </summary>
internal static class Program
{
    private const int Areas = 20;
    private const int ActionsPerArea = 15;
    private const int Runs = 5;

    public static async Task<int> Main(string[] args)
    {
        if (args.Contains("--annexa", StringComparer.Ordinal))
        {
            return AnnexABenchmark.Run(args);
        }

        var folder = Path.Combine(Path.GetTempPath(), "trellis-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            await using var services = BuildServices(folder);
            if (args.Contains("--indicators", StringComparer.Ordinal))
            {
                return await IndicatorPagesBenchmark.RunAsync(services, folder);
            }

            var plans = await SeedAsync(services);
            await Console.Error.WriteLineAsync($"Database: {Path.Combine(folder, "trellis.db")}");

            Console.WriteLine($"{"PLAN",-28} {"FORMAT",-6} {"LAYOUT",-11} {"MEDIAN MS",10} {"BYTES",12} {"PEAK WS MB",11} {"ALLOC MB/RUN",13}");
            foreach (var (planId, organisationId, label) in plans)
            {
                foreach (var format in Enum.GetValues<ReportFormat>())
                {
                    foreach (var layout in Enum.GetValues<ReportLayout>())
                    {
                        Console.WriteLine(await MeasureAsync(services, planId, organisationId, label, format, layout));
                    }
                }
            }

            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static ServiceProvider BuildServices(string folder)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Trellis:DataDirectory"] = folder,
            ["Trellis:DemoData"] = "true",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddTrellisCore(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    /// <summary>The demo council (seeded on first start, rounds included) and a large generated plan beside it.</summary>
    private static async Task<List<(int PlanId, int OrganisationId, string Label)>> SeedAsync(ServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitialiseAsync(CancellationToken.None);
        var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var demo = await db.Plans.OrderBy(p => p.Id).Select(p => new { p.Id, p.OrganisationId, p.Areas.Count }).FirstAsync();

        var plan = await GeneratePlanAsync(db, demo.OrganisationId, clock);
        return
        [
            (demo.Id, demo.OrganisationId, $"demo ({demo.Count} areas)"),
            (plan, demo.OrganisationId, $"generated ({Areas}x{ActionsPerArea})"),
        ];
    }

    private static async Task<int> GeneratePlanAsync(TrellisDbContext db, int organisationId, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var plan = new Plan
        {
            OrganisationId = organisationId,
            Title = "Benchmark plan",
            Status = PlanStatus.Live,
            MonitoringCadence = MonitoringCadence.Quarterly,
            QuartersAreFinancial = true,
            PeriodStart = today.AddMonths(-9),
            PeriodEnd = today.AddMonths(9),
            Governance = ["Children's Improvement Board", "Children and Young People Select Committee"],
        };
        plan.RagRatings.AddRange(RagRating.DefaultScale(RagScale.Progress));
        plan.RagRatings.AddRange(RagRating.DefaultScale(RagScale.Impact));
        string?[] ratings = ["R", "A", "G", "G", "B", null];
        ActionStatus?[] statuses = [ActionStatus.InProgress, ActionStatus.InProgress, ActionStatus.InProgress, ActionStatus.NotStarted, ActionStatus.Complete, null];
        for (var a = 1; a <= Areas; a++)
        {
            var area = new Area
            {
                Number = a.ToString(CultureInfo.InvariantCulture),
                Title = $"Area {a}: improve the consistency and timeliness of practice so that children get the right help at the right time",
                RagCode = ratings[a % 3],
                SortOrder = a,
                Outcomes = ["Children get the right help first time, without waiting."],
                MeasuresOfSuccess = ["At least 90% of contacts have a decision within one working day."],
            };
            for (var n = 1; n <= ActionsPerArea; n++)
            {
                var due = today.AddDays(((a * ActionsPerArea) + n) % 240 - 120);
                area.Actions.Add(new PlanAction
                {
                    Ref = $"{a}.{n}",
                    Text = $"Action {a}.{n}: agree with partners, write down and put into practice a clear way of working, then audit how well it is followed",
                    Due = new Due { Text = due.ToString("d MMMM yyyy", CultureInfo.InvariantCulture), Date = due, Precision = Trellis.Core.Dates.DuePrecision.Day },
                    Status = statuses[n % statuses.Length],
                    RagCode = ratings[n % ratings.Length],
                    Comments = n % 4 == 0 ? "Slipped while we waited for the case management system change; new date agreed with the senior lead." : null,
                    SortOrder = n,
                });
            }

            plan.Areas.Add(area);
        }

        db.Plans.Add(plan);
        await db.SaveChangesAsync();

        var quarterStart = new DateOnly(today.Year, (((today.Month - 1) / 3) * 3) + 1, 1);
        var round = new Round
        {
            PlanId = plan.Id,
            Name = "Benchmark round",
            PeriodStart = quarterStart,
            PeriodEnd = quarterStart.AddMonths(3).AddDays(-1),
            OpenedAt = now,
        };
        var actions = plan.Areas.SelectMany(a => a.Actions).ToList();
        for (var i = 0; i < actions.Count; i += 2)
        {
            round.ActionUpdates.Add(new ActionUpdate
            {
                ActionId = actions[i].Id,
                Status = actions[i].Status,
                RagCode = actions[i].RagCode,
                SuggestedRagCode = actions[i].RagCode,
                Note = "Progress as planned; the next audit is booked.",
                UpdatedBy = "Benchmark",
                UpdatedAt = now,
            });
        }

        round.Narratives.Add(new RoundNarrative { Heading = "Purpose of the report", Body = "This report summarises progress.\n\n- **First** point\n- Second point" });
        round.SelfAssessment.Add(new SelfAssessmentEntry { AreaForImprovement = "Timely decisions", WhatWeHaveDone = "- Rota\n- Audits", ImpactOnPractice = "More children seen quickly." });
        db.Rounds.Add(round);
        await db.SaveChangesAsync();
        return plan.Id;
    }

    private static async Task<string> MeasureAsync(ServiceProvider services, int planId, int organisationId, string label, ReportFormat format, ReportLayout layout)
    {
        var prefix = $"{label,-28} {format.ToString().ToLowerInvariant(),-6} {layout.ToString().ToLowerInvariant(),-11}";
        try
        {
            await GenerateAsync(services, planId, organisationId, format, layout);
            var times = new List<double>();
            var allocations = new List<long>();
            long bytes = 0;
            long peak = 0;
            for (var i = 0; i < Runs; i++)
            {
                var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
                var watch = Stopwatch.StartNew();
                bytes = await GenerateAsync(services, planId, organisationId, format, layout);
                watch.Stop();
                allocations.Add(GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore);
                times.Add(watch.Elapsed.TotalMilliseconds);
                using var process = Process.GetCurrentProcess();
                peak = Math.Max(peak, process.PeakWorkingSet64);
            }

            return string.Create(CultureInfo.InvariantCulture,
                $"{prefix} {Median(times),10:F1} {bytes,12:N0} {peak / 1048576.0,11:F1} {Median([.. allocations.Select(a => (double)a)]) / 1048576.0,13:F1}");
        }
        catch (ReportUnavailableException e)
        {
            return $"{prefix} unavailable: {e.Message}";
        }
        catch (NotImplementedException e)
        {
            return $"{prefix} not implemented yet: {e.Message}";
        }
    }

    private static async Task<long> GenerateAsync(ServiceProvider services, int planId, int organisationId, ReportFormat format, ReportLayout layout)
    {
        // A fresh scope per run, as a request or a command would have: nothing cached in the DbContext between runs.
        await using var scope = services.CreateAsyncScope();
        var reports = scope.ServiceProvider.GetService<ReportService>()
            ?? throw new NotImplementedException("ReportService is not registered (it arrives with the report work)");
        var file = await reports.GenerateAsync(organisationId, planId, "latest", format, layout, CancellationToken.None)
            ?? throw new InvalidOperationException($"Plan {planId} has no round to report");
        return file.Content.LongLength;
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values.Count % 2 == 1 ? values[values.Count / 2] : (values[(values.Count / 2) - 1] + values[values.Count / 2]) / 2;
    }
}
