using Microsoft.AspNetCore.Mvc.ModelBinding;
using Trellis.Core.Plans;

namespace Trellis.Web.Pages.Actions;

/// <summary>The fields of the add and edit action pages.</summary>
public sealed class ActionForm
{
    public string? Ref { get; set; }
    public string? Text { get; set; }
    public string? Due { get; set; }
    public string? Owners { get; set; }
    public ActionStatus? Status { get; set; }
    public string? RagCode { get; set; }
    public string? Comments { get; set; }

    /// <summary>The due date and owners as last echoed back; saving needs them to match what is typed now.</summary>
    public string? CheckedDue { get; set; }

    public string? CheckedOwners { get; set; }

    public bool NeedsCheck => !string.Equals((Due ?? string.Empty).Trim(), (CheckedDue ?? string.Empty).Trim(), StringComparison.Ordinal)
        || !string.Equals((Owners ?? string.Empty).Trim(), (CheckedOwners ?? string.Empty).Trim(), StringComparison.Ordinal);

    public void Validate(ModelStateDictionary state, string prefix)
    {
        if (string.IsNullOrWhiteSpace(Ref))
        {
            state.AddModelError($"{prefix}.{nameof(Ref)}", "Enter the action's reference, for example 1.3");
        }
        else if (Ref.Trim().Length > PlanAction.RefMaxLength)
        {
            state.AddModelError($"{prefix}.{nameof(Ref)}", $"The reference must be {PlanAction.RefMaxLength} characters or fewer");
        }

        if (string.IsNullOrWhiteSpace(Text))
        {
            state.AddModelError($"{prefix}.{nameof(Text)}", "Enter what will be done");
        }
        else if (Text.Trim().Length > PlanAction.TextMaxLength)
        {
            state.AddModelError($"{prefix}.{nameof(Text)}", $"The action must be {PlanAction.TextMaxLength} characters or fewer");
        }

        if (Due?.Trim().Length > Core.Plans.Due.TextMaxLength)
        {
            state.AddModelError($"{prefix}.{nameof(Due)}", $"The target date must be {Core.Plans.Due.TextMaxLength} characters or fewer");
        }

        if (Comments?.Trim().Length > PlanAction.CommentsMaxLength)
        {
            state.AddModelError($"{prefix}.{nameof(Comments)}", $"Comments must be {PlanAction.CommentsMaxLength} characters or fewer");
        }
    }

    public ActionInput ToInput() => new(Ref!, Text!, Due, Owners, Status, RagCode, Comments);
}
