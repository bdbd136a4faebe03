namespace Trellis.Indicators.AnnexA;

/// <summary>
/// Accumulates one indicator's N and D in total and per team, worker and age band as rows are
/// counted, so groups always sum to the totals (§6) and no per-row objects are made.
/// </summary>
internal sealed class Tally
{
    private const string Unallocated = "Unallocated";

    private readonly AnnexAEngine.RunContext run;
    private readonly IndicatorDefinition def;
    private readonly ListTable table;
    private readonly int[]? teams;
    private readonly int[]? workers;
    private readonly int[] births;
    private readonly long[] teamN = [];
    private readonly long[] teamD = [];
    private readonly long[] workerN = [];
    private readonly long[] workerD = [];
    private readonly long[] bandN = new long[8];
    private readonly long[] bandD = new long[8];
    private long n;
    private long d;

    public Tally(AnnexAEngine.RunContext run, IndicatorDefinition def, ListTable table)
    {
        this.run = run;
        this.def = def;
        this.table = table;
        births = run.Prepared.BirthMonths(table.List);
        if (table.HasTeams)
        {
            teams = table.Col(AnnexAFields.Team);
            workers = table.Col(AnnexAFields.Worker);
            teamN = new long[run.Data.Teams.Length];
            teamD = new long[run.Data.Teams.Length];
            workerN = new long[run.Data.Workers.Length];
            workerD = new long[run.Data.Workers.Length];
        }
    }

    /// <summary>A row in D, adding <paramref name="value"/> to N (1 or 0, or days for means).</summary>
    public void Add(int row, long value)
    {
        n += value;
        d++;
        if (teams is not null)
        {
            var team = teams[row];
            teamN[team] += value;
            teamD[team]++;
            var worker = workers![row];
            workerN[worker] += value;
            workerD[worker]++;
        }

        var band = run.Band(births[row]);
        bandN[band] += value;
        bandD[band]++;
    }

    /// <summary>A child counted without a single row (indicator 2): age band only.</summary>
    public void AddChild(int birthMonth, long value)
    {
        n += value;
        d++;
        var band = run.Band(birthMonth);
        bandN[band] += value;
        bandD[band]++;
    }

    public IndicatorResult Result(IndicatorResult shape, ResultStatus status)
    {
        var total = Figure(n, def.Unit == IndicatorUnit.RatePer10000 ? run.Options.Population : d, status, "population not supplied");
        var breakdowns = new List<BreakdownResult>();
        AddNames(breakdowns, BreakdownDimension.Team, run.Prepared.Groups(table.List).Teams, run.Data.Teams, teamN, teamD, status);
        AddNames(breakdowns, BreakdownDimension.Worker, run.Prepared.Groups(table.List).Workers, run.Data.Workers, workerN, workerD, status);
        for (var band = 0; band < AnnexAAgeBands.All.Count; band++)
        {
            var name = AnnexAAgeBands.All[band];
            long? denominator = bandD[band];
            if (def.Unit == IndicatorUnit.RatePer10000)
            {
                denominator = run.Options.BandPopulations is { } populations && populations.TryGetValue(name, out var p) ? p : null;
            }

            var f = Figure(bandN[band], denominator, status, "band population not supplied");
            breakdowns.Add(new BreakdownResult(BreakdownDimension.AgeBand, name, f.Value, f.N, f.D, f.Status, f.Reason));
        }

        return shape with
        {
            Value = total.Value,
            Numerator = total.N,
            Denominator = total.D,
            Status = total.Status,
            Reason = total.Reason,
            Breakdowns = breakdowns,
        };
    }

    private void AddNames(List<BreakdownResult> into, BreakdownDimension dimension, int[] ids, string[] names, long[] groupN, long[] groupD, ResultStatus status)
    {
        if (teams is null)
        {
            into.Add(new BreakdownResult(dimension, "All", null, n, Denominator(d), ResultStatus.Null, "no team column"));
            return;
        }

        var column = dimension == BreakdownDimension.Team ? AnnexAFields.Team : AnnexAFields.Worker;
        if (!table.Present[column])
        {
            into.Add(new BreakdownResult(dimension, Unallocated, null, n, Denominator(d), ResultStatus.Null, $"missing: {table.Specs[column].Column}"));
            return;
        }

        foreach (var id in ids)
        {
            var name = id == 0 ? Unallocated : names[id];
            var f = Figure(groupN[id], def.Unit == IndicatorUnit.RatePer10000 ? null : groupD[id], status, "no population for group");
            into.Add(new BreakdownResult(dimension, name, f.Value, f.N, f.D, f.Status, f.Reason));
        }
    }

    private decimal Denominator(long rows) => def.Unit == IndicatorUnit.RatePer10000 ? run.Options.Population ?? 0 : rows;

    /// <summary>Value, N, D, status and reason for one total or group (§4, §5).</summary>
    private (decimal? Value, decimal N, decimal D, ResultStatus Status, string? Reason) Figure(long numerator, long? denominator, ResultStatus status, string noPopulation)
    {
        if (denominator is not { } den)
        {
            return (null, numerator, 0, ResultStatus.Null, noPopulation);
        }

        if (den == 0)
        {
            return (null, numerator, 0, ResultStatus.Null, "denominator 0");
        }

        var scale = def.Unit switch
        {
            IndicatorUnit.Percent => 100m,
            IndicatorUnit.RatePer10000 => 10000m,
            _ => 1m,
        };
        var value = Math.Round(scale * numerator / den, 1, MidpointRounding.AwayFromZero);
        return (value, numerator, den, status, null);
    }
}
