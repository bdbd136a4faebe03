namespace Trellis.Core.Dates;

/// <summary>How exact a due date is. The typed date is always the last day the precision allows.</summary>
public enum DuePrecision
{
    Day,
    Month,
    Quarter,
    Year,
    Tbc,
    Ongoing,
    None,
}

/// <summary>
/// A due date as written and as understood. Several dates in one cell give one
/// <see cref="Parts"/> entry each (they become milestones); the reading itself is then the latest of them.
/// </summary>
public sealed record DueDateReading(
    string Text,
    DateOnly? Date,
    DuePrecision Precision,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<DueDateReading> Parts)
{
    public static DueDateReading Empty { get; } = new(string.Empty, null, DuePrecision.None, [], []);

    public bool HasMilestones => Parts.Count > 1;
}

public sealed record DueDateReaderOptions
{
    /// <summary>Whether a bare "Q3 2019" means a financial quarter (the plan says so) rather than a calendar one.</summary>
    public bool BareQuartersAreFinancial { get; init; }

    public static DueDateReaderOptions Default { get; } = new();
}
