namespace Trellis.Core.Indicators;

public enum IndicatorUnit
{
    Percent,
    Count,
    RatePer10k,
    Days,
    Weeks,
    Ratio,
    Text,
}

public enum Polarity
{
    HigherIsBetter,
    LowerIsBetter,
    InRange,
    None,
}

/// <summary>A performance indicator that evidences areas' measures of success.</summary>
public class Indicator
{
    public const int KeyMaxLength = 50;
    public const int NameMaxLength = 300;
    public const int TargetTextMaxLength = 200;

    public int Id { get; set; }
    public int PlanId { get; set; }

    /// <summary>The id the plan's interchange document uses ("k1").</summary>
    public string Key { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;
    public string? Description { get; set; }
    public IndicatorUnit Unit { get; set; } = IndicatorUnit.Percent;
    public Polarity Polarity { get; set; } = Polarity.None;

    /// <summary>The target as written ("20-25%", "No higher than 15%").</summary>
    public string? TargetText { get; set; }

    public decimal? TargetMin { get; set; }
    public decimal? TargetMax { get; set; }
    public int SortOrder { get; set; }

    /// <summary>Numbers of the areas whose measures of success this indicator evidences.</summary>
    public List<string> AreaNumbers { get; set; } = [];

    public List<IndicatorValue> Values { get; set; } = [];
    public List<Comparator> Comparators { get; set; } = [];
}

/// <summary>An indicator's value for one period ("2019-01", "2019/20 Q3").</summary>
public class IndicatorValue
{
    public const int PeriodMaxLength = 20;
    public const int TextMaxLength = 100;
    public const int NoteMaxLength = 2000;

    public int Id { get; set; }
    public int IndicatorId { get; set; }
    public string Period { get; set; } = string.Empty;

    /// <summary>First day of the period, for ordering and charts.</summary>
    public DateOnly PeriodStart { get; set; }

    public decimal? Value { get; set; }

    /// <summary>A value that is not a number as written ("TBC").</summary>
    public string? Text { get; set; }

    public DateOnly? AsAt { get; set; }
    public string? Note { get; set; }
}

/// <summary>A benchmark beside our value: statistical neighbours, London, England.</summary>
public class Comparator
{
    public const int NameMaxLength = 200;
    public const int PeriodMaxLength = 20;
    public const int SourceMaxLength = 500;

    public int Id { get; set; }
    public int IndicatorId { get; set; }
    public string Name { get; set; } = string.Empty;
    public string Period { get; set; } = string.Empty;
    public decimal? Value { get; set; }
    public string? Source { get; set; }
}
