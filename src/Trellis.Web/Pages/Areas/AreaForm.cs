using Microsoft.AspNetCore.Mvc.ModelBinding;
using Trellis.Core.Plans;

namespace Trellis.Web.Pages.Areas;

/// <summary>The fields of the add and edit area pages. Lists are typed one item per line.</summary>
public sealed class AreaForm
{
    public string? Number { get; set; }
    public string? Title { get; set; }
    public int? ThemeId { get; set; }
    public SourceKind? SourceKind { get; set; }
    public string? SourceReference { get; set; }
    public string? Leads { get; set; }
    public string? SeniorLeads { get; set; }
    public string? LinkedPlans { get; set; }
    public string? Partners { get; set; }
    public string? Objectives { get; set; }
    public string? Outcomes { get; set; }
    public string? MeasuresOfSuccess { get; set; }
    public string? RagCode { get; set; }

    public void Validate(ModelStateDictionary state, string prefix)
    {
        if (string.IsNullOrWhiteSpace(Number))
        {
            state.AddModelError($"{prefix}.{nameof(Number)}", "Enter the area's number, for example 3");
        }
        else if (Number.Trim().Length > Area.NumberMaxLength)
        {
            state.AddModelError($"{prefix}.{nameof(Number)}", $"The number must be {Area.NumberMaxLength} characters or fewer");
        }

        if (string.IsNullOrWhiteSpace(Title))
        {
            state.AddModelError($"{prefix}.{nameof(Title)}", "Enter the area for improvement, usually the inspection's recommendation");
        }
        else if (Title.Trim().Length > Area.TitleMaxLength)
        {
            state.AddModelError($"{prefix}.{nameof(Title)}", $"The area for improvement must be {Area.TitleMaxLength} characters or fewer");
        }

        if (SourceReference?.Trim().Length > Area.SourceReferenceMaxLength)
        {
            state.AddModelError($"{prefix}.{nameof(SourceReference)}", $"The source reference must be {Area.SourceReferenceMaxLength} characters or fewer");
        }
    }
}
