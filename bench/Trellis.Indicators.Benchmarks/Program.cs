using System.Diagnostics;
using System.Globalization;
using Trellis.Indicators.AnnexA;

namespace Trellis.Indicators.Benchmarks;

/// <summary>
/// Times the Annex A engine on a generated England-sized set (about 4 million rows: a year of
/// national flows plus the open caseloads): ingestion through the builder from text cells as a
/// CSV reader would give them, one run at C1, and the monthly series. Prints figures; asserts
/// nothing. Run: <c>dotnet run -c Release --project bench/Trellis.Indicators.Benchmarks [-- scale]</c>
/// (scale 1 = England; 0.1 = a tenth).
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        var scale = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 1.0;
        var generator = new Generator(scale);
        Console.Error.WriteLine($"Generating at scale {scale}...");

        var process = Process.GetCurrentProcess();
        var before = GC.GetAllocatedBytesForCurrentThread();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var builder = new AnnexADataBuilder();
        var rows = generator.PushAll(builder);
        var data = builder.Build();
        var ingest = clock.Elapsed;
        var ingestCpu = Cpu(ref cpu);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        GC.Collect();
        var heap = GC.GetTotalMemory(forceFullCollection: true);

        clock.Restart();
        var first = AnnexAEngine.Compute(data, new AnnexAOptions { Population = 12_000_000 });
        var firstRun = clock.Elapsed;
        var firstCpu = Cpu(ref cpu);
        clock.Restart();
        var again = AnnexAEngine.Compute(data, new AnnexAOptions { Population = 12_000_000 });
        var warmRun = clock.Elapsed;
        var warmCpu = Cpu(ref cpu);
        clock.Restart();
        var series = AnnexAEngine.ComputeSeries(data, new AnnexAOptions { Population = 12_000_000 });
        var seriesRun = clock.Elapsed;
        var seriesCpu = Cpu(ref cpu);

        var peak = Process.GetCurrentProcess().PeakWorkingSet64;
        Console.WriteLine($"rows pushed            {rows,14:N0}");
        Console.WriteLine($"children               {data.ChildCount,14:N0}");
        Console.WriteLine($"ingest (push + build)  {ingest.TotalSeconds,14:N2} s wall {ingestCpu,8:N2} s CPU ({rows / ingestCpu,12:N0} rows per CPU second)");
        Console.WriteLine($"allocated while ingest {allocated / 1048576.0,14:N0} MB (generator rows are pre-made strings)");
        Console.WriteLine($"heap after build       {heap / 1048576.0,14:N0} MB");
        Console.WriteLine($"first run (prepares)   {firstRun.TotalSeconds,14:N2} s wall {firstCpu,8:N2} s CPU");
        Console.WriteLine($"second run             {warmRun.TotalSeconds,14:N2} s wall {warmCpu,8:N2} s CPU");
        Console.WriteLine($"series ({series.Count,2} month-ends) {seriesRun.TotalSeconds,14:N2} s wall {seriesCpu,8:N2} s CPU (both cores)");
        Console.WriteLine($"peak working set       {peak / 1048576.0,14:N0} MB");
        foreach (var indicator in again.Indicators)
        {
            Console.Error.WriteLine($"{indicator.Id,3} {indicator.Key,-36} {indicator.Value,10} {indicator.Numerator,12}/{indicator.Denominator,-10} {indicator.Status}");
        }

        return first.Indicators.Count == 25 ? 0 : 1;
    }

    // CPU seconds since the last call: the machine is shared, so wall time alone misleads.
    private static double Cpu(ref TimeSpan last)
    {
        var now = Process.GetCurrentProcess().TotalProcessorTime;
        var seconds = (now - last).TotalSeconds;
        last = now;
        return seconds;
    }
}

/// <summary>Deterministic synthetic Annex A rows; every cell a pre-made string so the generator allocates nothing per row.</summary>
internal sealed class Generator
{
    private static readonly DateOnly Start = new(2024, 4, 1);
    private readonly Random random = new(42);
    private readonly double scale;
    private readonly string[] ids;
    private readonly string[] isoDays;
    private readonly string[] ukDays;
    private readonly string[] teams;
    private readonly string[] workers;
    private readonly string[] sources = ["Police", "a) School", "Health", "LA services", "Individual"];
    private readonly string[] activities = ["F1 - Full time", "P2 - Part time", "G4 - NEET", "G5", "", "Not known"];

    public Generator(double scale)
    {
        this.scale = scale;
        ids = new string[Scaled(1_600_000)];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = (100000 + i).ToString(CultureInfo.InvariantCulture);
        }

        // Days from 1990-01-01 to 2035-12-31.
        var first = new DateOnly(1990, 1, 1);
        var count = new DateOnly(2035, 12, 31).DayNumber - first.DayNumber + 1;
        isoDays = new string[count];
        ukDays = new string[count];
        for (var i = 0; i < count; i++)
        {
            var d = first.AddDays(i);
            isoDays[i] = d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            ukDays[i] = d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        }

        teams = Enumerable.Range(1, 300).Select(i => $"Team {i}").ToArray();
        workers = Enumerable.Range(1, 6000).Select(i => $"Worker {i}").ToArray();
    }

    private int Scaled(int n) => Math.Max(10, (int)(n * scale));

    private string Id() => ids[random.Next(ids.Length)];

    private string Day(DateOnly d, bool uk = false) => (uk ? ukDays : isoDays)[d.DayNumber - new DateOnly(1990, 1, 1).DayNumber];

    private DateOnly InYear() => Start.AddDays(random.Next(365));

    private string Dob() => Day(new DateOnly(2004, 1, 1).AddDays(random.Next(365 * 21)));

    private string Team() => random.Next(20) == 0 ? string.Empty : teams[random.Next(teams.Length)];

    private string Worker() => random.Next(20) == 0 ? string.Empty : workers[random.Next(workers.Length)];

    private string YesNo(int yesPercent) => random.Next(100) < yesPercent ? "Yes" : "No";

    public long PushAll(IAnnexAReceiver receiver)
    {
        long rows = 0;
        rows += Push(receiver, AnnexAList.Contacts, Scaled(2_000_000), ["Child Unique ID", "Date of Birth", "Date of Contact", "Contact Source"], cells =>
        {
            cells[0] = Id();
            cells[1] = Dob();
            cells[2] = Day(InYear(), uk: true);
            cells[3] = sources[random.Next(sources.Length)];
        });
        rows += Push(receiver, AnnexAList.Referrals, Scaled(640_000), ["Child Unique ID", "Date of Birth", "Date of referral", "Referral Source", "Referral NFA?", "Number of Referrals in Last 12 Months", "Allocated Team", "Allocated Worker"], cells =>
        {
            cells[0] = Id();
            cells[1] = Dob();
            cells[2] = Day(InYear());
            cells[3] = sources[random.Next(sources.Length)];
            cells[4] = YesNo(7);
            cells[5] = random.Next(4).ToString(CultureInfo.InvariantCulture);
            cells[6] = Team();
            cells[7] = Worker();
        });
        rows += Push(receiver, AnnexAList.Assessments, Scaled(650_000), ["Child Unique ID", "Date of Birth", "Continuous Assessment Start Date", "Child Seen During Continuous Assessment", "Continuous Assessment Date of Authorisation", "Allocated Team", "Allocated Worker"], cells =>
        {
            var start = InYear();
            cells[0] = Id();
            cells[1] = Dob();
            cells[2] = Day(start);
            cells[3] = YesNo(90);
            cells[4] = random.Next(10) == 0 ? string.Empty : Day(start.AddDays(random.Next(80)));
            cells[5] = Team();
            cells[6] = Worker();
        });
        rows += Push(receiver, AnnexAList.Section47, Scaled(230_000), ["Child Unique ID", "Date of Birth", "Strategy discussion initiating Section 47 Enquiry Start Date", "Was an Initial Child Protection Conference deemed unnecessary?", "Date of Initial Child Protection Conference", "Did the Initial Child Protection Conference Result in a Child Protection Plan", "Allocated Team", "Allocated Worker"], cells =>
        {
            var start = InYear();
            var held = random.Next(3) == 0;
            cells[0] = Id();
            cells[1] = Dob();
            cells[2] = Day(start);
            cells[3] = held ? "No" : "Yes";
            cells[4] = held ? Day(start.AddDays(random.Next(30))) : string.Empty;
            cells[5] = held ? YesNo(85) : string.Empty;
            cells[6] = Team();
            cells[7] = Worker();
        });
        rows += Push(receiver, AnnexAList.ChildrenInNeed, Scaled(400_000), ["Child Unique ID", "Date of Birth", "CIN Start Date", "CIN Closure Date", "Date Child Was Last Seen", "Case status", "Allocated Team", "Allocated Worker"], cells =>
        {
            var start = Start.AddDays(-random.Next(1500));
            cells[0] = Id();
            cells[1] = Dob();
            cells[2] = Day(start);
            cells[3] = random.Next(3) == 0 ? Day(start.AddDays(random.Next(300))) : string.Empty;
            cells[4] = Day(Start.AddDays(300 + random.Next(64)));
            cells[5] = "abcde"[random.Next(5)].ToString() + ") x";
            cells[6] = Team();
            cells[7] = Worker();
        });
        rows += Push(receiver, AnnexAList.ChildProtection, Scaled(110_000), ["Child Unique ID", "Date of Birth", "Child Protection Plan Start Date", "Child Protection Plan End Date", "Date of the Last Statutory Visit", "Date of latest review conference", "Number of Previous Child Protection Plans", "Allocated Team", "Allocated Worker"], cells =>
        {
            var start = Start.AddDays(-random.Next(900));
            cells[0] = Id();
            cells[1] = Dob();
            cells[2] = Day(start);
            cells[3] = random.Next(2) == 0 ? Day(start.AddDays(random.Next(800))) : string.Empty;
            cells[4] = Day(Start.AddDays(330 + random.Next(34)));
            cells[5] = random.Next(5) == 0 ? string.Empty : Day(Start.AddDays(150 + random.Next(214)));
            cells[6] = random.Next(3).ToString(CultureInfo.InvariantCulture);
            cells[7] = Team();
            cells[8] = Worker();
        });
        rows += Push(receiver, AnnexAList.LookedAfter, Scaled(120_000), ["Child Unique ID", "Date of Birth", "Date Started to be Looked After", "Date Ceased to be Looked After", "Number of Placements in the Last 12 months", "Start Date of Most Recent Placement", "Date of Last Health Assessment", "Allocated Team", "Allocated Worker"], cells =>
        {
            var start = Start.AddDays(-random.Next(3000));
            cells[0] = Id();
            cells[1] = Dob();
            cells[2] = Day(start);
            cells[3] = random.Next(4) == 0 ? Day(start.AddDays(random.Next(3000))) : string.Empty;
            cells[4] = random.Next(5).ToString(CultureInfo.InvariantCulture);
            cells[5] = Day(start.AddDays(random.Next(1000)));
            cells[6] = Day(Start.AddDays(random.Next(364)));
            cells[7] = Team();
            cells[8] = Worker();
        });
        rows += Push(receiver, AnnexAList.CareLeavers, Scaled(45_000), ["Child Unique ID", "Date of Birth", "Activity Status", "Suitability of Accommodation", "Allocated Team", "Allocated Worker"], cells =>
        {
            cells[0] = Id();
            cells[1] = Dob();
            cells[2] = activities[random.Next(activities.Length)];
            cells[3] = random.Next(10) == 0 ? "Unsuitable" : "Suitable";
            cells[4] = Team();
            cells[5] = Worker();
        });
        rows += Push(receiver, AnnexAList.Adoption, Scaled(5_000), ["Child Unique ID", "Date of Birth", "Date the Child Entered Care", "Date of Decision that Child Should be Placed for Adoption", "Date of Placement Order", "Date of Matching Child and Prospective Adopters", "Date Placed for Adoption", "Date of Adoption Order", "Date the child was placed for fostering in FFA or concurrent planning placement"], cells =>
        {
            var entered = Start.AddDays(-700 - random.Next(500));
            cells[0] = Id();
            cells[1] = Dob();
            cells[2] = Day(entered);
            cells[3] = Day(entered.AddDays(100 + random.Next(100)));
            cells[4] = Day(entered.AddDays(200 + random.Next(100)));
            cells[5] = Day(entered.AddDays(300 + random.Next(150)));
            cells[6] = Day(entered.AddDays(450 + random.Next(100)));
            cells[7] = random.Next(3) == 0 ? string.Empty : Day(InYear());
            cells[8] = random.Next(10) == 0 ? Day(entered.AddDays(50)) : string.Empty;
        });
        return rows;
    }

    private static int Push(IAnnexAReceiver receiver, AnnexAList list, int count, string[] headers, Action<string[]> fill)
    {
        var clock = Stopwatch.StartNew();
        var sink = receiver.BeginList(list, headers, $"{list}.csv")!;
        var row = new TextRow(headers.Length);
        for (var i = 0; i < count; i++)
        {
            fill(row.Cells);
            sink.Row(i + 2, row);
        }

        sink.End();
        Console.Error.WriteLine($"  {list,-16} {count,10:N0} rows {clock.Elapsed.TotalSeconds,6:N2} s");
        return count;
    }

    /// <summary>A reused row of text cells, as a CSV reader would pass them.</summary>
    private sealed class TextRow(int width) : IAnnexARow
    {
        public string[] Cells { get; } = new string[width];

        public int Count => Cells.Length;

        public CellKind Kind(int column) => Cells[column].Length == 0 ? CellKind.Blank : CellKind.Text;

        public ReadOnlySpan<char> Text(int column) => Cells[column];

        public double Number(int column) => 0;
    }
}
