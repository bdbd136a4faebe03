namespace Trellis.Indicators.AnnexA;

public enum IndicatorUnit
{
    Percent,
    RatePer10000,
    MeanDays,
}

/// <summary>Which direction is better, in the contract's reading.</summary>
public enum Polarity
{
    Higher,
    Lower,
    Neutral,
}

public enum ResultStatus
{
    Ok,

    /// <summary>Computed, but the window or reference date reaches outside the data's coverage.</summary>
    Approximate,

    /// <summary>No value: <see cref="IndicatorResult.Reason"/> says why.</summary>
    Null,
}

public enum BreakdownDimension
{
    Team,
    Worker,
    AgeBand,
}

/// <summary>Options for one run. <see cref="WindowMonths"/> is 12 or 6.</summary>
public sealed record AnnexAOptions
{
    /// <summary>R; defaults to the coverage's last date (C1).</summary>
    public DateOnly? ReferenceDate { get; init; }

    public int WindowMonths { get; init; } = 12;

    /// <summary>ONS mid-year 0-17 population; rates are null without it.</summary>
    public int? Population { get; init; }

    /// <summary>Population per age band, keyed by the band names of <see cref="AnnexAAgeBands.All"/>.</summary>
    public IReadOnlyDictionary<string, int>? BandPopulations { get; init; }

    /// <summary>
    /// For a caller that accumulates extracts (the Annex A store): the first day from which its history is continuous.
    /// When given, every result with a value says in <see cref="IndicatorResult.Reason"/> whether it is exact with the
    /// history held, and re-referrals (4) are exact only when referrals are held from a year before the window.
    /// </summary>
    public DateOnly? HeldFrom { get; init; }

    /// <summary>With <see cref="HeldFrom"/>: the latest extract's date (default: the data's last flow date, C1).</summary>
    public DateOnly? HeldTo { get; init; }
}

/// <summary>The earliest and latest readable date of the flow lists (contacts, referrals, S47).</summary>
public sealed record AnnexACoverage(DateOnly C0, DateOnly C1);

public sealed record AnnexAResults(
    DateOnly ReferenceDate,
    int WindowMonths,
    DateOnly WindowStart,
    AnnexACoverage? Coverage,
    IReadOnlyList<IndicatorResult> Indicators);

public sealed record IndicatorResult
{
    public required int Id { get; init; }

    /// <summary>Stable kebab-case key, e.g. "assessments-within-45-wd".</summary>
    public required string Key { get; init; }

    public required string Name { get; init; }

    public required IndicatorUnit Unit { get; init; }

    public required Polarity Polarity { get; init; }

    /// <summary>Rounded to 1 dp, half away from zero; null when <see cref="Status"/> is Null.</summary>
    public decimal? Value { get; init; }

    /// <summary>Rows or children counted; for means the sum of days.</summary>
    public decimal Numerator { get; init; }

    /// <summary>Rows or children in the denominator; the population for rates (0 when not supplied).</summary>
    public decimal Denominator { get; init; }

    public ResultStatus Status { get; init; }

    public string? Reason { get; init; }

    public required string Fidelity { get; init; }

    public IReadOnlyList<BreakdownResult> Breakdowns { get; init; } = [];
}

public sealed record BreakdownResult(
    BreakdownDimension Dimension,
    string Group,
    decimal? Value,
    decimal Numerator,
    decimal Denominator,
    ResultStatus Status,
    string? Reason);

/// <summary>The age bands of breakdowns (DEFINITIONS §6), in order.</summary>
public static class AnnexAAgeBands
{
    public const string Unborn = "Unborn";
    public const string Unknown = "Unknown";

    public static IReadOnlyList<string> All { get; } = [Unborn, "Under 1", "1-4", "5-9", "10-15", "16-17", "18+", Unknown];

    /// <summary>Band index for an age in whole years (negative = unborn); 7 = Unknown.</summary>
    internal static int Index(int age) => age switch
    {
        < 0 => 0,
        0 => 1,
        <= 4 => 2,
        <= 9 => 3,
        <= 15 => 4,
        <= 17 => 5,
        _ => 6,
    };
}
