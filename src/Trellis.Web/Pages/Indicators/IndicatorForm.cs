using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Trellis.Core.Indicators;

namespace Trellis.Web.Pages.Indicators;

/// <summary>The fields of the add and edit indicator pages. Numbers are typed as text so a mistyped one gets a field error.</summary>
public sealed class IndicatorForm
{
    public string? Name { get; set; }
    public string? Key { get; set; }
    public string? Description { get; set; }
    public IndicatorUnit Unit { get; set; } = IndicatorUnit.Percent;
    public Polarity Polarity { get; set; } = Polarity.HigherIsBetter;
    public IndicatorFrequency Frequency { get; set; } = IndicatorFrequency.Monthly;
    public YearBasis YearBasis { get; set; } = YearBasis.Financial;
    public string? Source { get; set; }
    public int? OwnerId { get; set; }
    public string? TargetText { get; set; }

    /// <summary>The target as last shown back; saving needs it to match what is typed now.</summary>
    public string? CheckedTarget { get; set; }

    public string? Tolerance { get; set; }
    public ToleranceKind ToleranceKind { get; set; } = ToleranceKind.Points;
    public List<string> AreaNumbers { get; set; } = [];

    public bool NeedsCheck => (TargetText ?? string.Empty).Trim().Length > 0
        && !string.Equals((TargetText ?? string.Empty).Trim(), (CheckedTarget ?? string.Empty).Trim(), StringComparison.Ordinal);

    public static IndicatorForm Of(Indicator i) => new()
    {
        Name = i.Name,
        Key = i.Key,
        Description = i.Description,
        Unit = i.Unit,
        Polarity = i.Polarity,
        Frequency = i.Frequency,
        YearBasis = i.YearBasis,
        Source = i.Source,
        OwnerId = i.OwnerId,
        TargetText = i.TargetText,
        CheckedTarget = i.TargetText,
        Tolerance = i.Tolerance?.ToString("0.##", CultureInfo.InvariantCulture),
        ToleranceKind = i.ToleranceKind,
        AreaNumbers = i.AreaNumbers,
    };

    /// <summary>The input for the service; null when the tolerance is not a number (a field error says so).</summary>
    public IndicatorInput? ToInput(ModelStateDictionary state, string prefix)
    {
        decimal? tolerance = null;
        if (!string.IsNullOrWhiteSpace(Tolerance))
        {
            if (!decimal.TryParse(Tolerance.Trim().TrimEnd('%'), NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed))
            {
                state.AddModelError($"{prefix}.{nameof(Tolerance)}", "The amber tolerance must be a number, for example 5, or blank for the default");
                return null;
            }

            tolerance = parsed;
        }

        return new IndicatorInput(Key, Name, Description, Unit, Polarity, Frequency, YearBasis, Source, OwnerId, TargetText, ToleranceKind, tolerance, AreaNumbers);
    }
}
