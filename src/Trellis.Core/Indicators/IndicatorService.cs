using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Trellis.Core.Data;
using Trellis.Core.Dates;
using Trellis.Core.Rounds;

namespace Trellis.Core.Indicators;

/// <summary>An indicator's definition as typed. A blank key gets the plan's next free one ("k4").</summary>
public sealed record IndicatorInput(
    string? Key,
    string? Name,
    string? Description,
    IndicatorUnit Unit,
    Polarity Polarity,
    IndicatorFrequency Frequency,
    YearBasis YearBasis,
    string? Source,
    int? OwnerId,
    string? TargetText,
    ToleranceKind ToleranceKind,
    decimal? Tolerance,
    IReadOnlyList<string> AreaNumbers);

/// <summary>A dated target as typed; <see cref="Min"/> and <see cref="Max"/> come from the words when both are blank.</summary>
public sealed record TargetInput(string? Text, DateOnly? From, DateOnly? To, decimal? Min, decimal? Max);

/// <summary>A comparator as typed; its period is the interchange form ("2025-Q3", "2024/25") or words kept as written.</summary>
public sealed record ComparatorInput(string? Name, string? Period, decimal? Value, string? Source);

public enum IndicatorOutcome
{
    Saved,
    NotFound,
    Invalid,
}

/// <summary>What a change came to; <see cref="Id"/> is the row saved, <see cref="Errors"/> say what to fix, by input field name.</summary>
public sealed record IndicatorResult(IndicatorOutcome Outcome, int? Id, IReadOnlyList<FieldError> Errors)
{
    public bool Succeeded => Outcome == IndicatorOutcome.Saved;

    internal static IndicatorResult NotFound { get; } = new(IndicatorOutcome.NotFound, null, []);

    internal static IndicatorResult Saved(int id) => new(IndicatorOutcome.Saved, id, []);

    internal static IndicatorResult Invalid(List<FieldError> errors) => new(IndicatorOutcome.Invalid, null, errors);
}

/// <summary>
/// The write side of indicator definitions, their dated targets and comparators. Every method takes the caller's
/// organisation: another organisation's plans and indicators are not found.
/// </summary>
public sealed class IndicatorService(TrellisDbContext db)
{
    public async Task<IndicatorResult> CreateAsync(int organisationId, int planId, IndicatorInput input, CancellationToken ct = default)
    {
        if (!await db.Plans.AnyAsync(p => p.Id == planId && p.OrganisationId == organisationId, ct))
        {
            return IndicatorResult.NotFound;
        }

        var errors = await ValidateAsync(organisationId, planId, null, input, ct);
        if (errors.Count > 0)
        {
            return IndicatorResult.Invalid(errors);
        }

        var keys = await db.Indicators.Where(i => i.PlanId == planId).Select(i => i.Key).ToListAsync(ct);
        var order = await db.Indicators.Where(i => i.PlanId == planId).Select(i => (int?)i.SortOrder).MaxAsync(ct) ?? -1;
        var indicator = new Indicator { PlanId = planId, SortOrder = order + 1 };
        Apply(indicator, input, keys);
        db.Indicators.Add(indicator);
        await db.SaveChangesAsync(ct);
        return IndicatorResult.Saved(indicator.Id);
    }

    public async Task<IndicatorResult> UpdateAsync(int organisationId, int indicatorId, IndicatorInput input, CancellationToken ct = default)
    {
        var indicator = await FindAsync(organisationId, indicatorId, ct);
        if (indicator is null)
        {
            return IndicatorResult.NotFound;
        }

        var errors = await ValidateAsync(organisationId, indicator.PlanId, indicator.Id, input, ct);
        if (errors.Count > 0)
        {
            return IndicatorResult.Invalid(errors);
        }

        var keys = await db.Indicators.Where(i => i.PlanId == indicator.PlanId && i.Id != indicatorId).Select(i => i.Key).ToListAsync(ct);
        Apply(indicator, input, keys);
        await db.SaveChangesAsync(ct);
        return IndicatorResult.Saved(indicator.Id);
    }

    /// <summary>Deletes the indicator with its values, breakdowns, corrections, targets and comparators.</summary>
    public async Task<IndicatorResult> DeleteAsync(int organisationId, int indicatorId, CancellationToken ct = default)
    {
        var indicator = await FindAsync(organisationId, indicatorId, ct);
        if (indicator is null)
        {
            return IndicatorResult.NotFound;
        }

        db.Indicators.Remove(indicator);
        await db.SaveChangesAsync(ct);
        return IndicatorResult.Saved(indicatorId);
    }

    public async Task<IndicatorResult> AddTargetAsync(int organisationId, int indicatorId, TargetInput input, CancellationToken ct = default)
    {
        var indicator = await FindAsync(organisationId, indicatorId, ct);
        if (indicator is null)
        {
            return IndicatorResult.NotFound;
        }

        var errors = new List<FieldError>();
        Text(errors, nameof(TargetInput.Text), input.Text, Indicator.TargetTextMaxLength, "Enter the target as written, for example 85% by March 2027", "The target");
        if (input.From is { } from && input.To is { } to && to < from)
        {
            errors.Add(new FieldError(nameof(TargetInput.To), "The end date must be the same as or after the start date"));
        }

        if (input.Min is { } min && input.Max is { } max && max < min)
        {
            errors.Add(new FieldError(nameof(TargetInput.Max), "The highest value must be the same as or more than the lowest"));
        }

        if (errors.Count > 0)
        {
            return IndicatorResult.Invalid(errors);
        }

        var text = input.Text!.Trim();
        var (low, high) = input.Min is null && input.Max is null
            ? TargetWords.Bounds(TargetReader.Read(text), indicator.Polarity)
            : (input.Min, input.Max);
        var target = new IndicatorTarget { IndicatorId = indicatorId, Text = text, From = input.From, To = input.To, Min = low, Max = high };
        db.IndicatorTargets.Add(target);
        await db.SaveChangesAsync(ct);
        return IndicatorResult.Saved(target.Id);
    }

    public async Task<IndicatorResult> RemoveTargetAsync(int organisationId, int indicatorId, int targetId, CancellationToken ct = default)
    {
        var target = await db.IndicatorTargets
            .Where(t => t.Id == targetId && t.IndicatorId == indicatorId && db.Indicators.Any(i => i.Id == indicatorId && db.Plans.Any(p => p.Id == i.PlanId && p.OrganisationId == organisationId)))
            .FirstOrDefaultAsync(ct);
        if (target is null)
        {
            return IndicatorResult.NotFound;
        }

        db.IndicatorTargets.Remove(target);
        await db.SaveChangesAsync(ct);
        return IndicatorResult.Saved(targetId);
    }

    public async Task<IndicatorResult> AddComparatorAsync(int organisationId, int indicatorId, ComparatorInput input, CancellationToken ct = default)
    {
        if (await FindAsync(organisationId, indicatorId, ct) is null)
        {
            return IndicatorResult.NotFound;
        }

        var errors = Validate(input);
        if (errors.Count > 0)
        {
            return IndicatorResult.Invalid(errors);
        }

        var comparator = new Comparator { IndicatorId = indicatorId };
        Apply(comparator, input);
        db.Comparators.Add(comparator);
        await db.SaveChangesAsync(ct);
        return IndicatorResult.Saved(comparator.Id);
    }

    public async Task<IndicatorResult> UpdateComparatorAsync(int organisationId, int indicatorId, int comparatorId, ComparatorInput input, CancellationToken ct = default)
    {
        var comparator = await FindComparatorAsync(organisationId, indicatorId, comparatorId, ct);
        if (comparator is null)
        {
            return IndicatorResult.NotFound;
        }

        var errors = Validate(input);
        if (errors.Count > 0)
        {
            return IndicatorResult.Invalid(errors);
        }

        Apply(comparator, input);
        await db.SaveChangesAsync(ct);
        return IndicatorResult.Saved(comparator.Id);
    }

    public async Task<IndicatorResult> DeleteComparatorAsync(int organisationId, int indicatorId, int comparatorId, CancellationToken ct = default)
    {
        var comparator = await FindComparatorAsync(organisationId, indicatorId, comparatorId, ct);
        if (comparator is null)
        {
            return IndicatorResult.NotFound;
        }

        db.Comparators.Remove(comparator);
        await db.SaveChangesAsync(ct);
        return IndicatorResult.Saved(comparatorId);
    }

    /// <summary>The plan's next free key: one more than the highest "k" number in use.</summary>
    public static string NextKey(IEnumerable<string> keys)
    {
        var used = keys.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var highest = used.Select(k => k.Length > 1 && (k[0] is 'k' or 'K') && int.TryParse(k[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)
            .DefaultIfEmpty(0).Max();
        var next = highest + 1;
        while (used.Contains(Key(next)))
        {
            next++;
        }

        return Key(next);

        static string Key(int n) => string.Create(CultureInfo.InvariantCulture, $"k{n}");
    }

    private Task<Indicator?> FindAsync(int organisationId, int indicatorId, CancellationToken ct) =>
        db.Indicators.FirstOrDefaultAsync(i => i.Id == indicatorId && db.Plans.Any(p => p.Id == i.PlanId && p.OrganisationId == organisationId), ct);

    private Task<Comparator?> FindComparatorAsync(int organisationId, int indicatorId, int comparatorId, CancellationToken ct) =>
        db.Comparators.FirstOrDefaultAsync(c => c.Id == comparatorId && c.IndicatorId == indicatorId
            && db.Indicators.Any(i => i.Id == indicatorId && db.Plans.Any(p => p.Id == i.PlanId && p.OrganisationId == organisationId)), ct);

    private async Task<List<FieldError>> ValidateAsync(int organisationId, int planId, int? indicatorId, IndicatorInput input, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        Text(errors, nameof(IndicatorInput.Name), input.Name, Indicator.NameMaxLength, "Enter the indicator's name, for example Contacts decided within one working day", "The name");
        Optional(errors, nameof(IndicatorInput.Description), input.Description, Indicator.DescriptionMaxLength, "The description");
        Optional(errors, nameof(IndicatorInput.Source), input.Source, Indicator.SourceMaxLength, "The source");
        Optional(errors, nameof(IndicatorInput.TargetText), input.TargetText, Indicator.TargetTextMaxLength, "The target");
        if (input.Key?.Trim() is { Length: > 0 } key)
        {
            if (key.Length > Indicator.KeyMaxLength)
            {
                errors.Add(new FieldError(nameof(IndicatorInput.Key), $"The key must be {Indicator.KeyMaxLength} characters or fewer"));
            }
            else
            {
                // Compared in memory: the same key in another case is the same key to people reading a plan file.
                var keys = await db.Indicators.Where(i => i.PlanId == planId && i.Id != (indicatorId ?? 0)).Select(i => i.Key).ToListAsync(ct);
                if (keys.Contains(key, StringComparer.OrdinalIgnoreCase))
                {
                    errors.Add(new FieldError(nameof(IndicatorInput.Key), $"Another indicator in this plan already has the key {key}: choose another, or leave it blank"));
                }
            }
        }

        if (input.Tolerance is < 0)
        {
            errors.Add(new FieldError(nameof(IndicatorInput.Tolerance), "The amber tolerance must be 0 or more"));
        }
        else if (input.Tolerance is > 100 && input.ToleranceKind == ToleranceKind.PercentOfTarget)
        {
            errors.Add(new FieldError(nameof(IndicatorInput.Tolerance), "A tolerance as a percent of the target must be 100 or less"));
        }

        if (input.OwnerId is { } owner && !await db.People.AnyAsync(p => p.Id == owner && p.OrganisationId == organisationId, ct))
        {
            errors.Add(new FieldError(nameof(IndicatorInput.OwnerId), "Choose the owner from the list"));
        }

        var areas = await db.Areas.Where(a => a.PlanId == planId).Select(a => a.Number).ToListAsync(ct);
        if (input.AreaNumbers.FirstOrDefault(n => !areas.Contains(n)) is { } unknown)
        {
            errors.Add(new FieldError(nameof(IndicatorInput.AreaNumbers), $"Area {unknown} is not in this plan: choose from the list"));
        }

        return errors;
    }

    private static List<FieldError> Validate(ComparatorInput input)
    {
        var errors = new List<FieldError>();
        Text(errors, nameof(ComparatorInput.Name), input.Name, Comparator.NameMaxLength, "Enter who the comparator is, for example Statistical neighbours", "The comparator's name");
        Text(errors, nameof(ComparatorInput.Period), input.Period, Comparator.PeriodMaxLength, "Enter the period, for example 2025-Q3 or 2024/25", "The period");
        if (input.Value is null)
        {
            errors.Add(new FieldError(nameof(ComparatorInput.Value), "Enter the comparator's value, for example 84.5"));
        }

        Optional(errors, nameof(ComparatorInput.Source), input.Source, Comparator.SourceMaxLength, "The source");
        return errors;
    }

    private static void Apply(Indicator indicator, IndicatorInput input, IReadOnlyCollection<string> otherKeys)
    {
        indicator.Key = input.Key?.Trim() is { Length: > 0 } key ? key
            : indicator.Key.Length > 0 && !otherKeys.Contains(indicator.Key, StringComparer.OrdinalIgnoreCase) ? indicator.Key
            : NextKey(otherKeys);
        indicator.Name = input.Name!.Trim();
        indicator.Description = Blank(input.Description);
        indicator.Unit = input.Unit;
        indicator.Polarity = input.Polarity;
        indicator.Frequency = input.Frequency;
        indicator.YearBasis = input.YearBasis;
        indicator.Source = Blank(input.Source);
        indicator.OwnerId = input.OwnerId;
        indicator.TargetText = Blank(input.TargetText);
        (indicator.TargetMin, indicator.TargetMax) = indicator.TargetText is null ? (null, null) : TargetWords.Bounds(TargetReader.Read(indicator.TargetText), input.Polarity);
        indicator.ToleranceKind = input.ToleranceKind;
        indicator.Tolerance = input.Tolerance;
        indicator.AreaNumbers = [.. input.AreaNumbers.Distinct(StringComparer.Ordinal)];
    }

    private static void Apply(Comparator comparator, ComparatorInput input)
    {
        comparator.Name = input.Name!.Trim();
        comparator.Period = input.Period!.Trim();
        comparator.PeriodStart = Period.TryParse(comparator.Period, out var period) ? period.Start : null;
        comparator.Value = input.Value;
        comparator.Source = Blank(input.Source);
    }

    private static void Text(List<FieldError> errors, string field, string? value, int max, string missing, string label)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new FieldError(field, missing));
        }
        else
        {
            Optional(errors, field, value, max, label);
        }
    }

    private static void Optional(List<FieldError> errors, string field, string? value, int max, string label)
    {
        if (value?.Trim().Length > max)
        {
            errors.Add(new FieldError(field, $"{label} must be {max} characters or fewer"));
        }
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
