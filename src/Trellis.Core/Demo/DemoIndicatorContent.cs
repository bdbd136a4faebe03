using Trellis.Core.Indicators;

namespace Trellis.Core.Demo;

/// <summary>
/// The demo plan's performance indicators. Targets are written in the council's words; the values are invented
/// trends (with deterministic noise), and so are the comparators for the last three financial years. Contacts are
/// amber by their 3-point tolerance and the agency rate slipped last month, whatever the noise does.
/// </summary>
internal static class DemoIndicatorContent
{
    private const string StatisticalNeighbours = "Statistical neighbours";
    private const string Region = "South East";
    private const string England = "England";

    private static readonly BreakdownSeed Teams = new("Team", [("North", 2.5), ("South", -1.5), ("East", -4), ("West", 1)]);

    private static readonly BreakdownSeed AgeBands = new("Age band", [("Under 1", -3), ("1 to 4", 1), ("5 to 9", 2), ("10 to 15", 0.5), ("16 and over", -2)]);

    public static readonly IReadOnlyList<IndicatorSeed> Indicators =
    [
        new IndicatorSeed
        {
            Key = "k1",
            Owner = "PL",
            Tolerance = 3m,
            Targets = [new("85%", 85m, null, -1, -1), new("90%", 90m, null, 0, null)],
            Latest = 88.2,
            Breakdown = Teams,
            Name = "Contacts with a decision within one working day",
            Description = "Contacts to the front door where a manager recorded a decision by the end of the next working day.",
            Unit = IndicatorUnit.Percent,
            Polarity = Polarity.HigherIsBetter,
            TargetText = "90%",
            TargetMin = 90m,
            Areas = ["1"],
            From = 71,
            To = 88,
            Noise = 3,
        },
        new IndicatorSeed
        {
            Key = "k2",
            Owner = "GO",
            Breakdown = Teams,
            CorrectedPeriodsAgo = [2],
            Name = "Single assessments completed within 45 working days",
            Unit = IndicatorUnit.Percent,
            Polarity = Polarity.HigherIsBetter,
            TargetText = ">=85%",
            TargetMin = 85m,
            Areas = ["2"],
            From = 70,
            To = 83,
            Noise = 3,
            Comparators = [new(StatisticalNeighbours, 83.4m), new(Region, 84.9m), new(England, 82.0m), new("Top quartile", 88.9m)],
            ComparatorSource = "Children in need census",
        },
        new IndicatorSeed
        {
            Key = "k3",
            Owner = "HF",
            Breakdown = AgeBands,
            Name = "Children becoming subject of a child protection plan for a second or subsequent time",
            Description = "Rolling twelve months.",
            Unit = IndicatorUnit.Percent,
            Polarity = Polarity.LowerIsBetter,
            TargetText = "No higher than 20%",
            TargetMax = 20m,
            Areas = ["3"],
            From = 27,
            To = 21,
            Noise = 2.5,
            Comparators = [new(StatisticalNeighbours, 22.6m), new(Region, 23.9m), new(England, 23.6m)],
            ComparatorSource = "Children in need census",
        },
        new IndicatorSeed
        {
            Key = "k4",
            Owner = "CD",
            Name = "Care leavers aged 19-21 in education, employment or training",
            Unit = IndicatorUnit.Percent,
            Polarity = Polarity.HigherIsBetter,
            TargetText = "In line with statistical neighbours (62%)",
            TargetMin = 62m,
            Areas = ["6"],
            From = 48,
            To = 57,
            Noise = 2.5,
            Comparators = [new(StatisticalNeighbours, 62.0m), new(Region, 59.8m), new(England, 56.0m)],
            ComparatorSource = "Children looked after return (SSDA903)",
        },
        new IndicatorSeed
        {
            Key = "k5",
            Owner = "PL",
            CorrectedPeriodsAgo = [4],
            Name = "Re-referrals within 12 months",
            Description = "Referrals within 12 months of a previous referral for the same child.",
            Unit = IndicatorUnit.Percent,
            Polarity = Polarity.InRange,
            TargetText = "20-25%",
            TargetMin = 20m,
            TargetMax = 25m,
            Areas = ["1", "2"],
            From = 29.5,
            To = 23.5,
            Noise = 2,
            Comparators = [new(StatisticalNeighbours, 21.3m), new(Region, 22.0m), new(England, 22.4m)],
            ComparatorSource = "Children in need census",
        },
        new IndicatorSeed
        {
            Key = "k6",
            Owner = "SW",
            Frequency = IndicatorFrequency.Annual,
            Source = "Children looked after return (SSDA903)",
            Name = "Children looked after with 3 or more placements in the year",
            Unit = IndicatorUnit.Percent,
            Polarity = Polarity.LowerIsBetter,
            TargetText = "<=10%",
            TargetMax = 10m,
            Areas = ["5"],
            From = 12.5,
            To = 9.8,
            Noise = 1,
            Comparators = [new(StatisticalNeighbours, 9.4m), new(Region, 10.1m), new(England, 10.0m)],
            ComparatorSource = "Children looked after return (SSDA903)",
        },
        new IndicatorSeed
        {
            Key = "k7",
            Owner = "HF",
            ToleranceKind = ToleranceKind.PercentOfTarget,
            Tolerance = 10m,
            Targets = [new("85% by {march}", 85m, null, 0, 0)],
            Name = "Initial child protection conferences within 15 working days",
            Description = "Of the strategy discussion that started the enquiry.",
            Unit = IndicatorUnit.Percent,
            Polarity = Polarity.HigherIsBetter,
            TargetText = "At least 80%",
            TargetMin = 80m,
            Areas = ["3"],
            From = 62,
            To = 81,
            Noise = 4,
            Comparators = [new(StatisticalNeighbours, 78.5m), new(Region, 79.1m), new(England, 78.0m)],
            ComparatorSource = "Children in need census",
        },
        new IndicatorSeed
        {
            Key = "k8",
            Owner = "AR",
            Frequency = IndicatorFrequency.Quarterly,
            Source = "Workforce quarterly return from HR",
            Name = "Social worker caseload (average)",
            Description = "Children per case-holding social worker, excluding newly qualified staff in the academy.",
            Unit = IndicatorUnit.Count,
            Polarity = Polarity.LowerIsBetter,
            TargetText = "No target",
            Areas = ["9"],
            From = 23.6,
            To = 19.2,
            Noise = 0.8,
            Comparators = [new(StatisticalNeighbours, 16.9m), new(Region, 16.5m), new(England, 15.8m)],
            ComparatorSource = "Children's social work workforce census",
        },
        new IndicatorSeed
        {
            Key = "k9",
            Owner = "JSt",
            Slip = 1.6,
            Name = "Agency social worker rate",
            Unit = IndicatorUnit.Percent,
            Polarity = Polarity.LowerIsBetter,
            TargetText = "No higher than 15%",
            TargetMax = 15m,
            Areas = ["9"],
            From = 31,
            To = 22,
            Noise = 1.5,
            Comparators = [new(StatisticalNeighbours, 18.7m), new(Region, 21.2m), new(England, 17.6m)],
            ComparatorSource = "Children's social work workforce census",
        },
        new IndicatorSeed
        {
            Key = "k10",
            Owner = "BN",
            Tolerance = 2m,
            Breakdown = Teams,
            Name = "Children seen within timescale",
            Description = "Children on a child protection plan visited within 10 working days of the last visit.",
            Unit = IndicatorUnit.Percent,
            Polarity = Polarity.HigherIsBetter,
            TargetText = "95%",
            TargetMin = 95m,
            Areas = ["3", "8"],
            From = 84,
            To = 93,
            Noise = 2.5,
        },
    ];
}
