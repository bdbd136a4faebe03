using Microsoft.AspNetCore.Mvc.ModelBinding;
using Trellis.Core.Plans;

namespace Trellis.Web.Pages.Themes;

/// <summary>The fields of the add and edit theme pages.</summary>
public sealed class ThemeForm
{
    public string? Key { get; set; }
    public string? Title { get; set; }

    public static ThemeForm From(Theme theme) => new() { Key = theme.Key, Title = theme.Title };

    public void Validate(ModelStateDictionary state, string prefix)
    {
        if (string.IsNullOrWhiteSpace(Key))
        {
            state.AddModelError($"{prefix}.{nameof(Key)}", "Enter the theme's key, for example A");
        }
        else if (Key.Trim().Length > Theme.KeyMaxLength)
        {
            state.AddModelError($"{prefix}.{nameof(Key)}", $"The key must be {Theme.KeyMaxLength} characters or fewer");
        }

        if (string.IsNullOrWhiteSpace(Title))
        {
            state.AddModelError($"{prefix}.{nameof(Title)}", "Enter the theme's title, for example Early help and protection");
        }
        else if (Title.Trim().Length > Theme.TitleMaxLength)
        {
            state.AddModelError($"{prefix}.{nameof(Title)}", $"The title must be {Theme.TitleMaxLength} characters or fewer");
        }
    }
}
