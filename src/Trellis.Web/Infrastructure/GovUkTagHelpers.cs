using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Trellis.Web.Infrastructure;

// A few GOV.UK Design System components as tag helpers, shaped like the Design System's macros.
// All text passes through the HTML encoder; nothing here writes user text raw.

internal static class GovUk
{
    public static string IdFor(string name) => TagBuilder.CreateSanitizedId(name, "_");

    public static string? FirstError(ViewContext context, string name) =>
        context.ViewData.ModelState.TryGetValue(name, out var entry) && entry.Errors.Count > 0
            ? entry.Errors[0].ErrorMessage
            : null;

    public static string? AttemptedOrModelValue(ViewContext context, ModelExpression? expression, string name)
    {
        if (context.ViewData.ModelState.TryGetValue(name, out var entry) && entry.AttemptedValue is not null)
        {
            return entry.AttemptedValue;
        }

        return expression?.Model switch
        {
            null => null,
            DateOnly d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
            var m => m.ToString(),
        };
    }

    public static string Encode(string? text) => HtmlEncoder.Default.Encode(text ?? string.Empty);

    public static string ErrorMessage(string id, string? error) => error is null
        ? string.Empty
        : $"<p id=\"{id}-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> {Encode(error)}</p>";

    public static string Hint(string id, string? hint) => hint is null
        ? string.Empty
        : $"<div id=\"{id}-hint\" class=\"govuk-hint\">{Encode(hint)}</div>";

    public static string Yours(string id, string? yours) => yours is null
        ? string.Empty
        : $"<div id=\"{id}-yours\" class=\"govuk-inset-text trellis-yours\"><span class=\"govuk-!-font-weight-bold\">Your version:</span> {Encode(yours.Length == 0 ? "(blank)" : yours)}</div>";

    public static string DescribedBy(string id, string? hint, string? error)
    {
        var ids = new List<string>();
        if (hint is not null)
        {
            ids.Add(id + "-hint");
        }

        if (error is not null)
        {
            ids.Add(id + "-error");
        }

        return ids.Count == 0 ? string.Empty : $" aria-describedby=\"{string.Join(' ', ids)}\"";
    }
}

/// <summary>The GOV.UK error summary, listing every model error with a link to its field.</summary>
[HtmlTargetElement("govuk-error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ErrorSummaryTagHelper : TagHelper
{
    [ViewContext, HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var state = ViewContext.ViewData.ModelState;
        if (state.IsValid)
        {
            output.SuppressOutput();
            return;
        }

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "govuk-error-summary");
        output.Attributes.SetAttribute("data-module", "govuk-error-summary");
        var items = new System.Text.StringBuilder();
        var order = new FieldOrder(ViewContext.ViewData.Model?.GetType());
        foreach (var (key, entry) in state.OrderBy(e => order.Of(e.Key)))
        {
            foreach (var error in entry!.Errors)
            {
                var href = key.Length == 0 ? "#main-content" : "#" + GovUk.IdFor(key);
                items.Append($"<li><a href=\"{href}\">{GovUk.Encode(error.ErrorMessage)}</a></li>");
            }
        }

        output.Content.SetHtmlContent(
            "<div role=\"alert\"><h2 class=\"govuk-error-summary__title\">There is a problem</h2>" +
            $"<div class=\"govuk-error-summary__body\"><ul class=\"govuk-list govuk-error-summary__list\">{items}</ul></div></div>");
    }
}

/// <summary>Label, hint, error message and input (or textarea) for one bound property.</summary>
[HtmlTargetElement("govuk-input", TagStructure = TagStructure.WithoutEndTag)]
[HtmlTargetElement("govuk-textarea", TagStructure = TagStructure.WithoutEndTag)]
public sealed class InputTagHelper : TagHelper
{
    [ViewContext, HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    [HtmlAttributeName("for")]
    public ModelExpression For { get; set; } = null!;

    public string Label { get; set; } = string.Empty;
    public string? Hint { get; set; }
    public bool LabelIsPageHeading { get; set; }
    public string? InputClass { get; set; }
    public string? Type { get; set; }
    public string? Autocomplete { get; set; }
    public int Rows { get; set; } = 5;
    public bool Spellcheck { get; set; } = true;

    /// <summary>After a lost save, your value shown under the field (which holds theirs) so you can copy it; null otherwise.</summary>
    /// <remarks>An object, not a string, so that a null from the page stays null (Razor renders a string attribute's null as "").</remarks>
    public object? Yours { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = For.Name;
        var id = GovUk.IdFor(name);
        var error = GovUk.FirstError(ViewContext, name);
        // A password is never sent back to the browser, not even after an error.
        var value = Type == "password" ? null : GovUk.AttemptedOrModelValue(ViewContext, For, name);
        var isTextarea = string.Equals(context.TagName, "govuk-textarea", StringComparison.Ordinal);

        var label = $"<label class=\"govuk-label{(LabelIsPageHeading ? " govuk-label--l" : " govuk-label--s")}\" for=\"{id}\">{GovUk.Encode(Label)}</label>";
        if (LabelIsPageHeading)
        {
            label = $"<h1 class=\"govuk-label-wrapper\">{label}</h1>";
        }

        var described = GovUk.DescribedBy(id, Hint, error);
        var autocomplete = Autocomplete is null ? string.Empty : $" autocomplete=\"{GovUk.Encode(Autocomplete)}\"";
        string control;
        if (isTextarea)
        {
            control = $"<textarea class=\"govuk-textarea{(error is null ? "" : " govuk-textarea--error")}\" id=\"{id}\" name=\"{name}\" rows=\"{Rows}\"{described}>{GovUk.Encode(value)}</textarea>";
        }
        else
        {
            var spell = Spellcheck ? string.Empty : " spellcheck=\"false\"";
            control = $"<input class=\"govuk-input{(InputClass is null ? "" : " " + InputClass)}{(error is null ? "" : " govuk-input--error")}\" id=\"{id}\" name=\"{name}\" type=\"{Type ?? "text"}\" value=\"{GovUk.Encode(value)}\"{described}{autocomplete}{spell}>";
        }

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", error is null ? "govuk-form-group" : "govuk-form-group govuk-form-group--error");
        output.Content.SetHtmlContent(label + GovUk.Hint(id, Hint) + GovUk.ErrorMessage(id, error) + control + GovUk.Yours(id, Yours?.ToString()));
    }
}

/// <summary>A GOV.UK select for one bound property.</summary>
[HtmlTargetElement("govuk-select", TagStructure = TagStructure.WithoutEndTag)]
public sealed class SelectTagHelper : TagHelper
{
    [ViewContext, HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    [HtmlAttributeName("for")]
    public ModelExpression For { get; set; } = null!;

    public string Label { get; set; } = string.Empty;
    public string? Hint { get; set; }
    public IEnumerable<SelectListItem> Items { get; set; } = [];

    /// <summary>After a lost save, your choice shown under the field (which holds theirs); null otherwise.</summary>
    public object? Yours { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = For.Name;
        var id = GovUk.IdFor(name);
        var error = GovUk.FirstError(ViewContext, name);
        var value = GovUk.AttemptedOrModelValue(ViewContext, For, name) ?? string.Empty;
        var options = new System.Text.StringBuilder();
        foreach (var item in Items)
        {
            var selected = string.Equals(item.Value, value, StringComparison.Ordinal) ? " selected" : string.Empty;
            options.Append($"<option value=\"{GovUk.Encode(item.Value)}\"{selected}>{GovUk.Encode(item.Text)}</option>");
        }

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", error is null ? "govuk-form-group" : "govuk-form-group govuk-form-group--error");
        output.Content.SetHtmlContent(
            $"<label class=\"govuk-label govuk-label--s\" for=\"{id}\">{GovUk.Encode(Label)}</label>" +
            GovUk.Hint(id, Hint) + GovUk.ErrorMessage(id, error) +
            $"<select class=\"govuk-select{(error is null ? "" : " govuk-select--error")}\" id=\"{id}\" name=\"{name}\"{GovUk.DescribedBy(id, Hint, error)}>{options}</select>" +
            GovUk.Yours(id, Yours?.ToString() is { } yours ? Items.FirstOrDefault(i => string.Equals(i.Value, yours, StringComparison.Ordinal))?.Text ?? yours : null));
    }
}

/// <summary>A rating as a GOV.UK tag whose text is the plan's own label: never colour alone.</summary>
[HtmlTargetElement("rag-tag", TagStructure = TagStructure.WithoutEndTag)]
public sealed class RagTagTagHelper : TagHelper
{
    public RagLabel? Rating { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (Rating is null)
        {
            output.TagName = "span";
            output.TagMode = TagMode.StartTagAndEndTag;
            output.Attributes.SetAttribute("class", "govuk-body-s govuk-!-margin-0");
            output.Content.SetContent("Not rated");
            return;
        }

        output.TagName = "strong";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", $"govuk-tag trellis-rag trellis-rag--{Rating.Colour.ToString().ToLowerInvariant()}");
        if (Rating.Meaning is not null)
        {
            output.Attributes.SetAttribute("title", Rating.Meaning);
        }

        output.Content.SetContent(Rating.Label);
    }
}

/// <summary>
/// The order fields are declared in the page model, so the error summary lists errors in the order
/// the fields appear on the page (ModelState itself does not keep insertion order).
/// </summary>
internal sealed class FieldOrder(Type? model)
{
    public long Of(string key)
    {
        var type = model;
        var position = 0L;
        foreach (var segment in key.Split('.'))
        {
            // "Rows[3]" is property Rows, item 3.
            var bracket = segment.IndexOf('[', StringComparison.Ordinal);
            var part = bracket < 0 ? segment : segment[..bracket];
            var item = bracket < 0 ? 0 : int.TryParse(segment[(bracket + 1)..^1], out var n) ? n : 0;
            var properties = type?.GetProperties().OrderBy(p => p.MetadataToken).ToList();
            var index = properties?.FindIndex(p => string.Equals(p.Name, part, StringComparison.OrdinalIgnoreCase)) ?? -1;
            if (index < 0)
            {
                return key.Length == 0 ? -1 : int.MaxValue;
            }

            position = (position * 100) + index;
            type = properties![index].PropertyType;
            if (bracket >= 0)
            {
                position = (position * 100) + item;
                type = type.IsGenericType ? type.GetGenericArguments()[0] : type.GetElementType();
            }
        }

        return position;
    }
}
