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

/// <summary>How often a value is reported.</summary>
public enum IndicatorFrequency
{
    Monthly,
    Quarterly,
    Annual,
}

/// <summary>Whether quarters and years are the financial year (April to March) or the calendar year.</summary>
public enum YearBasis
{
    Financial,
    Calendar,
}

/// <summary>How the amber band beside a target is measured.</summary>
public enum ToleranceKind
{
    /// <summary>In the indicator's own units: percentage points for a percentage, days for days.</summary>
    Points,

    /// <summary>A percentage of the target: 10 means within 10% of the target is amber.</summary>
    PercentOfTarget,
}

/// <summary>A performance indicator that evidences areas' measures of success.</summary>
public class Indicator
{
    public const int KeyMaxLength = 50;
    public const int NameMaxLength = 300;
    public const int TargetTextMaxLength = 200;
    public const int DescriptionMaxLength = 4000;
    public const int SourceMaxLength = 500;

    public int Id { get; set; }
    public int PlanId { get; set; }

    /// <summary>The id the plan's interchange document uses ("k1").</summary>
    public string Key { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;
    public string? Description { get; set; }
    public IndicatorUnit Unit { get; set; } = IndicatorUnit.Percent;
    public Polarity Polarity { get; set; } = Polarity.None;

    public IndicatorFrequency Frequency { get; set; } = IndicatorFrequency.Monthly;
    public YearBasis YearBasis { get; set; } = YearBasis.Financial;

    /// <summary>Where the figures come from ("Liquid Logic monthly extract", "CIN census").</summary>
    public string? Source { get; set; }

    /// <summary>The officer who answers for the figures.</summary>
    public int? OwnerId { get; set; }

    public People.Person? Owner { get; set; }

    /// <summary>The standing target as written ("20-25%", "No higher than 15%"): it applies to every period no dated target covers.</summary>
    public string? TargetText { get; set; }

    public decimal? TargetMin { get; set; }
    public decimal? TargetMax { get; set; }

    /// <summary>Targets for a span of periods ("85% by March 2017" from April 2016); they win over the standing target.</summary>
    public List<IndicatorTarget> Targets { get; set; } = [];

    public ToleranceKind ToleranceKind { get; set; } = ToleranceKind.Points;

    /// <summary>How far off target still counts as Amber; null uses the default (5 points for a percentage, otherwise 10% of the target).</summary>
    public decimal? Tolerance { get; set; }

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
    public const int SourceMaxLength = 300;

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

    /// <summary>How the value arrived: "Entered on the form", "Imported from values.xlsx", "API".</summary>
    public string? Source { get; set; }

    public DateTimeOffset? RecordedAt { get; set; }

    /// <summary>The same value split by team, age band and so on.</summary>
    public List<IndicatorBreakdown> Breakdowns { get; set; } = [];

    /// <summary>Earlier values for this period that a correction replaced, oldest first.</summary>
    public List<IndicatorValueRevision> Revisions { get; set; } = [];
}

/// <summary>A target that applies to the periods starting between <see cref="From"/> and <see cref="To"/> (either open).</summary>
public class IndicatorTarget
{
    public int Id { get; set; }
    public int IndicatorId { get; set; }

    /// <summary>The target as written.</summary>
    public string Text { get; set; } = string.Empty;

    public decimal? Min { get; set; }
    public decimal? Max { get; set; }

    /// <summary>The first day of the first period it applies to; null from the beginning.</summary>
    public DateOnly? From { get; set; }

    /// <summary>The last day it applies to; null with no end.</summary>
    public DateOnly? To { get; set; }
}

/// <summary>One part of a value: "Team" "North" 84, "Age band" "10 to 15" 12.</summary>
public class IndicatorBreakdown
{
    public const int DimensionMaxLength = 100;
    public const int CategoryMaxLength = 200;

    public int Id { get; set; }
    public int IndicatorValueId { get; set; }
    public string Dimension { get; set; } = string.Empty;
    public string Category { get; set; } = string.Empty;
    public decimal? Value { get; set; }
    public string? Text { get; set; }
}

/// <summary>A value as it stood before a correction replaced it.</summary>
public class IndicatorValueRevision
{
    public int Id { get; set; }
    public int IndicatorValueId { get; set; }
    public decimal? Value { get; set; }
    public string? Text { get; set; }
    public DateOnly? AsAt { get; set; }
    public string? Note { get; set; }
    public string? Source { get; set; }
    public DateTimeOffset? RecordedAt { get; set; }

    /// <summary>When the correction replaced it, and how the correction arrived.</summary>
    public DateTimeOffset ReplacedAt { get; set; }

    public string? ReplacedBy { get; set; }
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

    /// <summary>First day of the period when it reads as one, so a comparator can sit beside our value on a chart.</summary>
    public DateOnly? PeriodStart { get; set; }
}
