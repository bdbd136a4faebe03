using Trellis.Core.Indicators;

namespace Trellis.Web.Pages.Indicators;

/// <summary>The fields of the add and edit comparator pages: a usual name chosen, or another typed.</summary>
public sealed class ComparatorForm
{
    public const string Other = "Other";

    public static readonly IReadOnlyList<string> UsualNames = ["Statistical neighbours", "London", "England", "Top quartile"];

    public string? NameChoice { get; set; }
    public string? OtherName { get; set; }
    public string? Period { get; set; }
    public string? Value { get; set; }
    public string? Source { get; set; }

    public string? Name => NameChoice == Other ? OtherName : NameChoice;

    public static ComparatorForm Of(Comparator c) => new()
    {
        NameChoice = UsualNames.Contains(c.Name) ? c.Name : Other,
        OtherName = UsualNames.Contains(c.Name) ? null : c.Name,
        Period = c.Period,
        Value = c.Value?.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture),
        Source = c.Source,
    };

    /// <summary>The form's field for one of the service's: the name is typed in "Other" or chosen.</summary>
    public string FieldFor(string field) => field == nameof(ComparatorInput.Name) ? (NameChoice == Other ? nameof(OtherName) : nameof(NameChoice)) : field;
}
