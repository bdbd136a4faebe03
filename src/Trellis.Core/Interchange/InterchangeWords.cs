using Trellis.Core.Dates;
using Trellis.Core.Indicators;
using Trellis.Core.Plans;

namespace Trellis.Core.Interchange;

/// <summary>
/// The words the interchange format uses for Trellis's enumerations, one list per enumeration. The reader, the
/// exporter, the importer and the JSON Schema test all use these, so a word cannot mean two things.
/// </summary>
public static class InterchangeWords
{
    public static WordMap<PlanStatus> PlanStatus { get; } = new(
        (Plans.PlanStatus.Draft, "draft"),
        (Plans.PlanStatus.Live, "live"),
        (Plans.PlanStatus.Closed, "closed"));

    public static WordMap<MonitoringCadence> Cadence { get; } = new(
        (MonitoringCadence.Monthly, "monthly"),
        (MonitoringCadence.Quarterly, "quarterly"),
        (MonitoringCadence.SixMonthly, "six-monthly"));

    public static WordMap<SourceKind> SourceKind { get; } = new(
        (Plans.SourceKind.InspectionRecommendation, "inspection-recommendation"),
        (Plans.SourceKind.ReportNarrative, "report-narrative"),
        (Plans.SourceKind.SelfAssessment, "self-assessment"),
        (Plans.SourceKind.Workshop, "workshop"),
        (Plans.SourceKind.Other, "other"));

    public static WordMap<DuePrecision> Precision { get; } = new(
        (DuePrecision.Day, "day"),
        (DuePrecision.Month, "month"),
        (DuePrecision.Quarter, "quarter"),
        (DuePrecision.Year, "year"),
        (DuePrecision.Tbc, "tbc"),
        (DuePrecision.Ongoing, "ongoing"),
        (DuePrecision.None, "none"));

    public static WordMap<ActionStatus> ActionStatus { get; } = new(
        (Plans.ActionStatus.NotStarted, "not-started"),
        (Plans.ActionStatus.InProgress, "in-progress"),
        (Plans.ActionStatus.Complete, "complete"),
        (Plans.ActionStatus.Dropped, "dropped"));

    public static WordMap<IndicatorUnit> Unit { get; } = new(
        (IndicatorUnit.Percent, "percent"),
        (IndicatorUnit.Count, "count"),
        (IndicatorUnit.RatePer10k, "rate-per-10k"),
        (IndicatorUnit.Days, "days"),
        (IndicatorUnit.Weeks, "weeks"),
        (IndicatorUnit.Ratio, "ratio"),
        (IndicatorUnit.Text, "text"));

    public static WordMap<Polarity> Polarity { get; } = new(
        (Indicators.Polarity.HigherIsBetter, "higher-is-better"),
        (Indicators.Polarity.LowerIsBetter, "lower-is-better"),
        (Indicators.Polarity.InRange, "in-range"),
        (Indicators.Polarity.None, "none"));

    public static WordMap<IndicatorFrequency> Frequency { get; } = new(
        (IndicatorFrequency.Monthly, "monthly"),
        (IndicatorFrequency.Quarterly, "quarterly"),
        (IndicatorFrequency.Annual, "annual"));

    public static WordMap<YearBasis> YearBasis { get; } = new(
        (Indicators.YearBasis.Financial, "financial"),
        (Indicators.YearBasis.Calendar, "calendar"));

    public static WordMap<ToleranceKind> ToleranceKind { get; } = new(
        (Indicators.ToleranceKind.Points, "points"),
        (Indicators.ToleranceKind.PercentOfTarget, "percent-of-target"));

    /// <summary>Ofsted's five words. A judgement may also carry a grade as written that is none of them.</summary>
    public static WordMap<Grade> Grade { get; } = new(
        (Plans.Grade.Outstanding, "Outstanding"),
        (Plans.Grade.Good, "Good"),
        (Plans.Grade.RequiresImprovement, "Requires improvement"),
        (Plans.Grade.Inadequate, "Inadequate"),
        (Plans.Grade.NotJudged, "Not judged"));
}

/// <summary>An enumeration's words in the interchange, both ways. Words are matched exactly: the format is written by programs.</summary>
public sealed class WordMap<TEnum>
    where TEnum : struct, Enum
{
    private readonly Dictionary<TEnum, string> _words = [];
    private readonly Dictionary<string, TEnum> _values = new(StringComparer.Ordinal);

    public WordMap(params (TEnum Value, string Word)[] pairs)
    {
        foreach (var (value, word) in pairs)
        {
            _words.Add(value, word);
            _values.Add(word, value);
        }

        Words = [.. pairs.Select(p => p.Word)];
    }

    /// <summary>Every word, in the enumeration's order.</summary>
    public IReadOnlyList<string> Words { get; }

    public string Word(TEnum value) => _words[value];

    public bool TryRead(string? word, out TEnum value) => _values.TryGetValue(word ?? string.Empty, out value);

    /// <summary>The allowed words for a message: "draft, live or closed".</summary>
    public string Describe() => Words.Count == 1 ? Words[0] : $"{string.Join(", ", Words.Take(Words.Count - 1))} or {Words[^1]}";
}
