using Microsoft.AspNetCore.Mvc.ModelBinding;
using Trellis.Core.Plans;

namespace Trellis.Web.Pages.Milestones;

/// <summary>The fields of the add and edit milestone pages.</summary>
public sealed class MilestoneForm
{
    public string? Text { get; set; }
    public string? Due { get; set; }
    public ActionStatus? Status { get; set; }

    /// <summary>The due date as last echoed back; saving needs it to match what is typed now.</summary>
    public string? CheckedDue { get; set; }

    public bool NeedsCheck => !string.Equals((Due ?? string.Empty).Trim(), (CheckedDue ?? string.Empty).Trim(), StringComparison.Ordinal);

    public void Validate(ModelStateDictionary state, string prefix)
    {
        if (string.IsNullOrWhiteSpace(Text))
        {
            state.AddModelError($"{prefix}.{nameof(Text)}", "Enter the milestone, for example Audit of 20 strategy discussions");
        }
        else if (Text.Trim().Length > Milestone.TextMaxLength)
        {
            state.AddModelError($"{prefix}.{nameof(Text)}", $"The milestone must be {Milestone.TextMaxLength} characters or fewer");
        }

        if (Due?.Trim().Length > Core.Plans.Due.TextMaxLength)
        {
            state.AddModelError($"{prefix}.{nameof(Due)}", $"The target date must be {Core.Plans.Due.TextMaxLength} characters or fewer");
        }
    }

    public MilestoneInput ToInput() => new(Text!, Due, Status);
}
