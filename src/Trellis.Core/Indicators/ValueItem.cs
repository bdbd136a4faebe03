namespace Trellis.Core.Indicators;

/// <summary>
/// One value to record, as it arrived: from the form, a row or cell of an imported table, or an item of an API call.
/// Text fields are as written and read by <see cref="ValueReading"/>; the API may give a number or words directly.
/// </summary>
public sealed record ValueItem
{
    /// <summary>Where the item came from, for messages: "values.xlsx, sheet Data, row 7", "$.values[2]".</summary>
    public required string Place { get; init; }

    /// <summary>Where one field came from ("period" -> "values.xlsx, sheet Data, row 7, column B"); the item's place when null.</summary>
    public Func<string, string>? Places { get; init; }

    /// <summary>The indicator's key or name, when the caller has not named the indicator by id.</summary>
    public string? Indicator { get; init; }

    public string? Period { get; init; }

    /// <summary>The figure as written: "47%", "1630 (av)", "TBC".</summary>
    public string? ValueText { get; init; }

    /// <summary>The figure as a number already (the API).</summary>
    public decimal? Value { get; init; }

    /// <summary>Words instead of a number, given as such (the API).</summary>
    public string? Text { get; init; }

    public string? AsAtText { get; init; }
    public DateOnly? AsAt { get; init; }
    public string? Note { get; init; }

    /// <summary>A comparator's name ("England"): the figure is the comparator's for the period, not ours.</summary>
    public string? Comparator { get; init; }

    /// <summary>One row of a long table that gives one part of the value ("Team", "North").</summary>
    public string? Dimension { get; init; }

    public string? Category { get; init; }

    /// <summary>Parts of the value given with it (the form, the API).</summary>
    public IReadOnlyList<BreakdownItem>? Breakdowns { get; init; }

    public string PlaceOf(string field) => Places?.Invoke(field) ?? Place;
}

/// <summary>One part of a value: "Team", "North", "84" (or a number given as one).</summary>
public sealed record BreakdownItem(string? Dimension, string? Category, string? ValueText, decimal? Value = null, string? Text = null);

/// <summary>What is wrong with an item, and where: the field is the item's ("period", "value", "breakdowns[0].category").</summary>
public sealed record ValueProblem(string Place, string Field, string Message)
{
    public override string ToString() => Place.Length == 0 ? Message : $"{Place}: {Message}";
}

public enum ValueChangeKind
{
    Added,
    Corrected,
    Unchanged,
}

/// <summary>What recording an item does (or would do) to an indicator's value or comparator for one period.</summary>
public sealed record ValueChange(int IndicatorId, string IndicatorKey, string IndicatorName, string Period, string? Comparator, ValueChangeKind Kind, string? Old, string New);

/// <summary>What a batch of values did, or would do; nothing is stored when there is any problem.</summary>
public sealed record ValueBatchResult(IReadOnlyList<ValueChange> Changes, IReadOnlyList<ValueProblem> Problems, bool Stored)
{
    public static readonly ValueBatchResult NotFound = new([], [], false) { Found = false };

    /// <summary>False when the plan, indicator or value does not exist for the organisation.</summary>
    public bool Found { get; init; } = true;

    public bool Succeeded => Found && Problems.Count == 0;

    public int Added => Changes.Count(c => c.Kind == ValueChangeKind.Added);

    public int Corrected => Changes.Count(c => c.Kind == ValueChangeKind.Corrected);

    public int Unchanged => Changes.Count(c => c.Kind == ValueChangeKind.Unchanged);
}
