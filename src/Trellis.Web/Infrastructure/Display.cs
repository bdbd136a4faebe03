using System.Globalization;
using Trellis.Core.Dates;
using Trellis.Core.Plans;

namespace Trellis.Web.Infrastructure;

/// <summary>How dates, statuses and grades read on a page.</summary>
public static class Display
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static string Date(DateOnly? date) => date?.ToString("d MMMM yyyy", English) ?? string.Empty;

    // Invariant month abbreviations ("Sep", not ICU's "Sept"), as councils write them.
    public static string ShortDate(DateOnly? date) => date?.ToString("d MMM yyyy", CultureInfo.InvariantCulture) ?? string.Empty;

    /// <summary>"by 28 Feb 2017" with how exact the source was: the understood half of "February 2017, by 28 Feb 2017".</summary>
    public static string Understood(DateOnly? date, DuePrecision precision) => precision switch
    {
        DuePrecision.Tbc => "to be confirmed",
        DuePrecision.Ongoing => "ongoing",
        DuePrecision.None when date is null => "no date",
        DuePrecision.Day => $"on {ShortDate(date)}",
        _ => $"by {ShortDate(date)}",
    };

    public static string Precision(DuePrecision precision) => precision switch
    {
        DuePrecision.Day => "an exact day",
        DuePrecision.Month => "a month",
        DuePrecision.Quarter => "a quarter",
        DuePrecision.Year => "a year",
        DuePrecision.Tbc => "to be confirmed",
        DuePrecision.Ongoing => "ongoing",
        _ => "not a date",
    };

    public static string Status(ActionStatus? status) => status switch
    {
        ActionStatus.NotStarted => "Not started",
        ActionStatus.InProgress => "In progress",
        ActionStatus.Complete => "Complete",
        ActionStatus.Dropped => "Dropped",
        _ => "No status",
    };

    public static string Grade(Grade? grade, string? asWritten) => asWritten ?? grade switch
    {
        Core.Plans.Grade.Outstanding => "Outstanding",
        Core.Plans.Grade.Good => "Good",
        Core.Plans.Grade.RequiresImprovement => "Requires improvement",
        Core.Plans.Grade.Inadequate => "Inadequate",
        Core.Plans.Grade.NotJudged => "Not judged",
        _ => "Not recorded",
    };

    public static string PlanStatus(PlanStatus status) => status switch
    {
        Core.Plans.PlanStatus.Draft => "Draft",
        Core.Plans.PlanStatus.Live => "Live",
        _ => "Closed",
    };

    public static string Cadence(MonitoringCadence cadence) => cadence switch
    {
        MonitoringCadence.Monthly => "Monthly",
        MonitoringCadence.Quarterly => "Quarterly",
        _ => "Six-monthly",
    };

    public static string Source(SourceKind? kind) => kind switch
    {
        SourceKind.InspectionRecommendation => "Inspection recommendation",
        SourceKind.ReportNarrative => "Inspection report narrative",
        SourceKind.SelfAssessment => "Self-assessment",
        SourceKind.Workshop => "Workshop",
        SourceKind.Other => "Other",
        _ => "Not recorded",
    };

    public static string Percent(int part, int whole) => whole == 0 ? "0%" : $"{Math.Round(100m * part / whole, MidpointRounding.AwayFromZero)}%";
}
