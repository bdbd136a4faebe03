using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Trellis.AnnexA.CrossCheck;
using Trellis.Core.AnnexA;
using Trellis.Core.AnnexA.Synthetic;
using Trellis.Indicators.AnnexA;

namespace Trellis.Benchmarks;

/// <summary>
/// <c>-- --annexa [--out FILE]</c>: (a) a large council's six-month workbook read, validated and computed;
/// (b) an England-sized CSV set computed by Trellis (CSV reader + engine) and by DuckDB (read_csv +
/// annexa-indicators.sql) in this process, each from files on disk to all results, best of 3, after
/// checking that both give the same figures. Generated files are cached (TRELLIS_BENCH_CACHE, default
/// /tmp/trellis-annexa-bench) so later runs time only the reading and computing.
/// </summary>
internal static class AnnexABenchmark
{
    private const int LargeCouncilChildren = 110_000;
    private const int EnglandTimes = 33;
    private static int Runs = 3;
    private const int Window = 6;

    // Large council ≈ 3% of England's ≈ 11.76 million children (README §2.1, §4).
    private const int LargeCouncilPopulation = 350_000;
    private const int EnglandPopulation = 11_760_000;
    private static readonly DateOnly Extract = new(2025, 3, 31);
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static int Run(string[] args)
    {
        var outIndex = Array.IndexOf(args, "--out");
        var outPath = outIndex >= 0 && outIndex + 1 < args.Length ? args[outIndex + 1] : null;

        // --times K sizes the "England" set at K large councils (33 by default) and --runs R times each side R times
        // (3 by default): smaller, quicker runs while working on either side; the published figures use the defaults.
        var times = Option(args, "--times", EnglandTimes);
        Runs = Option(args, "--runs", 3);
        var cache = Environment.GetEnvironmentVariable("TRELLIS_BENCH_CACHE") is { Length: > 0 } c ? c : Path.Combine(Path.GetTempPath(), "trellis-annexa-bench");
        Directory.CreateDirectory(cache);

        var workbook = Path.Combine(cache, $"large-council-{LargeCouncilChildren}-seed1-{Extract:yyyyMMdd}.xlsx");
        var workbookRows = Cached(workbook, () => AnnexASyntheticFiles.WriteWorkbook(Options(LargeCouncilChildren), workbook));
        var england = Path.Combine(cache, $"england-{LargeCouncilChildren * times}-seed1-{Extract:yyyyMMdd}");
        var englandRows = Cached(england, () => AnnexASyntheticFiles.WriteCsvFolder(Options(LargeCouncilChildren * times), england));
        var population = times == EnglandTimes ? EnglandPopulation : LargeCouncilPopulation * times;

        var large = Measure("Trellis xlsx read + validate + compute", () =>
        {
            var builder = new AnnexADataBuilder();
            AnnexAValidator.Validate(workbook, builder);
            return AnnexAEngine.Compute(builder.Build(), new AnnexAOptions { ReferenceDate = Extract, WindowMonths = Window, Population = LargeCouncilPopulation });
        });

        var trellis = Measure("Trellis CSV read + compute", () =>
        {
            var builder = new AnnexADataBuilder();
            AnnexAReader.Read(england, builder);
            return AnnexAEngine.Compute(builder.Build(), new AnnexAOptions { ReferenceDate = Extract, WindowMonths = Window, Population = population });
        });
        var duck = Measure("DuckDB read_csv + SQL", () => AnnexADuckDb.Compute(england, Extract, Window, population));

        var differences = AnnexACrossCompare.Differences(trellis.Result, duck.Result, population);
        if (differences.Count > 0)
        {
            Console.Error.WriteLine($"Trellis and DuckDB disagree on {differences.Count} figures; no times are reported:");
            foreach (var difference in differences.Take(30))
            {
                Console.Error.WriteLine("  " + difference);
            }

            return 1;
        }

        Console.Error.WriteLine("Trellis and DuckDB agree on every indicator's N, D and value, and on every team's.");
        var ratio = trellis.BestMs / duck.BestMs;
        Console.WriteLine($"{"CASE",-44} {"ROWS",11} {"BEST MS",10} {"RUNS MS",26} {"PEAK WS MB",11} {"ALLOC MB",9} {"x DUCKDB",9}");
        Console.WriteLine(Line("(a) large council .xlsx, " + large.Name, workbookRows.Values.Sum(), large, null));
        Console.WriteLine(Line($"(b) {times} councils CSV, " + trellis.Name, englandRows.Values.Sum(), trellis, ratio));
        Console.WriteLine(Line($"(b) {times} councils CSV, " + duck.Name, englandRows.Values.Sum(), duck, 1));

        if (outPath is not null)
        {
            var json = new
            {
                machine = new { Environment.ProcessorCount, runtime = Environment.Version.ToString(), gcServer = System.Runtime.GCSettings.IsServerGC },
                extract = Extract.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                windowMonths = Window,
                largeCouncil = new { children = LargeCouncilChildren, file = workbook, rows = workbookRows, timing = Summary(large) },
                england = new
                {
                    children = LargeCouncilChildren * times,
                    population,
                    folder = england,
                    rows = englandRows,
                    trellis = Summary(trellis),
                    duckdb = Summary(duck),
                    ratioToDuckDb = Math.Round(ratio, 2),
                },
            };
            File.WriteAllText(outPath, JsonSerializer.Serialize(json, Indented));
            Console.Error.WriteLine($"Wrote {outPath}");
        }

        return 0;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : fallback;
    }

    private static AnnexAGeneratorOptions Options(int children) => new() { Children = children, Seed = 1, Months = 6, ReferenceDate = Extract };

    /// <summary>Rows per list of a generated file, generating it (and its row counts beside it) the first time.</summary>
    private static Dictionary<string, int> Cached(string path, Func<AnnexAGenerated> generate)
    {
        var counts = path + ".rows.json";
        if (File.Exists(counts) && (File.Exists(path) || Directory.Exists(path)))
        {
            Console.Error.WriteLine($"Using {path}");
            return JsonSerializer.Deserialize<Dictionary<string, int>>(File.ReadAllText(counts))!;
        }

        Console.Error.WriteLine($"Generating {path} ...");
        var watch = Stopwatch.StartNew();
        var rows = generate().Rows.ToDictionary(r => $"list_{(int)r.Key}", r => r.Value);
        Console.Error.WriteLine($"  {rows.Values.Sum():N0} rows in {watch.Elapsed.TotalSeconds:F1} s");
        File.WriteAllText(counts, JsonSerializer.Serialize(rows));
        return rows;
    }

    private sealed record Measurement<T>(string Name, T Result, List<double> RunsMs, double PeakWorkingSetMb, double AllocatedMbPerRun)
    {
        public double BestMs => RunsMs.Min();
    }

    private static Measurement<T> Measure<T>(string name, Func<T> run)
    {
        Console.Error.WriteLine($"Timing {name} ...");
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var times = new List<double>();
        var allocated = new List<double>();
        T result = default!;
        using var sampler = new PeakSampler();
        for (var i = 0; i < Runs; i++)
        {
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var watch = Stopwatch.StartNew();
            result = run();
            watch.Stop();
            times.Add(watch.Elapsed.TotalMilliseconds);
            allocated.Add((GC.GetTotalAllocatedBytes(precise: true) - before) / 1048576.0);
            Console.Error.WriteLine($"  run {i + 1}: {watch.Elapsed.TotalMilliseconds:F0} ms");
        }

        return new Measurement<T>(name, result, times, sampler.PeakMb, allocated.Average());
    }

    private static object Summary<T>(Measurement<T> m) => new
    {
        bestMs = Math.Round(m.BestMs, 1),
        runsMs = m.RunsMs.Select(t => Math.Round(t, 1)),
        peakWorkingSetMb = Math.Round(m.PeakWorkingSetMb, 1),
        managedAllocatedMbPerRun = Math.Round(m.AllocatedMbPerRun, 1),
    };

    private static string Line<T>(string label, int rows, Measurement<T> m, double? ratio) => string.Create(CultureInfo.InvariantCulture,
        $"{label,-44} {rows,11:N0} {m.BestMs,10:F0} {string.Join(" / ", m.RunsMs.Select(t => t.ToString("F0", CultureInfo.InvariantCulture))),26} {m.PeakWorkingSetMb,11:F0} {m.AllocatedMbPerRun,9:F0} {(ratio is { } r ? r.ToString("F2", CultureInfo.InvariantCulture) : "-"),9}");

    /// <summary>The process's working set sampled every 20 ms: native memory (DuckDB's) included, unlike GC figures.</summary>
    private sealed class PeakSampler : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Thread _thread;
        private long _peak;

        public PeakSampler()
        {
            _thread = new Thread(() =>
            {
                using var process = Process.GetCurrentProcess();
                while (!_stop.IsCancellationRequested)
                {
                    process.Refresh();
                    _peak = Math.Max(_peak, process.WorkingSet64);
                    Thread.Sleep(20);
                }
            })
            {
                IsBackground = true,
            };
            _thread.Start();
        }

        public double PeakMb => Interlocked.Read(ref _peak) / 1048576.0;

        public void Dispose()
        {
            _stop.Cancel();
            _thread.Join();
            _stop.Dispose();
        }
    }
}
