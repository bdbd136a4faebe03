using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Trellis.Core.Plans;

namespace Trellis.Web.Pages.Plans;

/// <summary>The fields of the add and edit plan pages.</summary>
public sealed class PlanForm
{
    public string? Title { get; set; }
    public PlanStatus Status { get; set; } = PlanStatus.Draft;
    public MonitoringCadence Cadence { get; set; } = MonitoringCadence.Quarterly;
    public string? PeriodStart { get; set; }
    public string? PeriodEnd { get; set; }
    public bool QuartersAreFinancial { get; set; } = true;
    public string? Governance { get; set; }
    public string? DueSoonDays { get; set; } = Plan.DefaultDueSoonDays.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static IEnumerable<SelectListItem> Statuses =>
        Enum.GetValues<PlanStatus>().Select(s => new SelectListItem(Infrastructure.Display.PlanStatus(s), s.ToString()));

    public static IEnumerable<SelectListItem> Cadences =>
        Enum.GetValues<MonitoringCadence>().Select(c => new SelectListItem(Infrastructure.Display.Cadence(c), c.ToString()));

    public static IEnumerable<SelectListItem> QuarterKinds =>
    [
        new("Financial (Q1 is April to June)", "true"),
        new("Calendar (Q1 is January to March)", "false"),
    ];

    public static PlanForm From(Plan plan) => new()
    {
        Title = plan.Title,
        Status = plan.Status,
        Cadence = plan.MonitoringCadence,
        PeriodStart = Infrastructure.Display.Date(plan.PeriodStart),
        PeriodEnd = Infrastructure.Display.Date(plan.PeriodEnd),
        QuartersAreFinancial = plan.QuartersAreFinancial,
        Governance = string.Join('\n', plan.Governance),
        DueSoonDays = plan.DueSoonDays.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>The days typed, when they are a whole number in range; validation reports anything else.</summary>
    public int? DueSoonDaysValue =>
        int.TryParse(DueSoonDays?.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var days) && days <= Plan.MaxDueSoonDays
            ? days
            : null;

    public void Validate(ModelStateDictionary state, string prefix)
    {
        if (string.IsNullOrWhiteSpace(Title))
        {
            state.AddModelError($"{prefix}.{nameof(Title)}", "Enter a title for the plan");
        }
        else if (Title.Trim().Length > Plan.TitleMaxLength)
        {
            state.AddModelError($"{prefix}.{nameof(Title)}", $"The title must be {Plan.TitleMaxLength} characters or fewer");
        }

        if (string.IsNullOrWhiteSpace(DueSoonDays))
        {
            state.AddModelError($"{prefix}.{nameof(DueSoonDays)}", $"Enter the number of days before the due date to suggest Amber, for example {Plan.DefaultDueSoonDays}");
        }
        else if (DueSoonDaysValue is null)
        {
            state.AddModelError($"{prefix}.{nameof(DueSoonDays)}", $"The number of days must be a whole number from 0 to {Plan.MaxDueSoonDays}");
        }
    }
}
