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
/// A cell with a single date has no parts.
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
    /// <summary>
    /// Whether a bare "Q3 2019" means a financial quarter (the plan says so) rather than a calendar one. When it does, the
    /// year is the one the financial year starts in: "Q3 2019" is Q3 of 2019/20, ending 31 December 2019.
    /// </summary>
    public bool BareQuartersAreFinancial { get; init; }

    public static DueDateReaderOptions Default { get; } = new();
}
