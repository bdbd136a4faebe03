using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Trellis.Core.Data;
using Trellis.Core.Indicators;

namespace Trellis.Web.Pages.Indicators;

/// <summary>
/// The value form the add and edit pages share. Breakdowns are a textarea, one part a line ("Team, North, 84"):
/// without JavaScript a fixed set of blank rows caps how many teams there can be and fills the page with empty boxes,
/// and a textarea takes lines pasted from a spreadsheet as they are.
/// </summary>
public sealed class ValueForm
{
    public string? Period { get; set; }
    public string? Value { get; set; }
    public string? AsAtDay { get; set; }
    public string? AsAtMonth { get; set; }
    public string? AsAtYear { get; set; }
    public string? AsAt { get; set; }
    public string? Note { get; set; }
    public string? Breakdowns { get; set; }

    public static ValueForm From(IndicatorValue value, IndicatorUnit unit) => new()
    {
        Period = Trellis.Core.Dates.Period.TryParse(value.Period, out var period) ? ValueReading.Typed(period) : value.Period,
        Value = value.Value is { } number ? ValueReading.Display(number, null, null, unit) : value.Text,
        AsAtDay = value.AsAt?.Day.ToString(CultureInfo.InvariantCulture),
        AsAtMonth = value.AsAt?.Month.ToString(CultureInfo.InvariantCulture),
        AsAtYear = value.AsAt?.Year.ToString(CultureInfo.InvariantCulture),
        Note = value.Note,
        Breakdowns = string.Join('\n', value.Breakdowns.OrderBy(b => b.Dimension).ThenBy(b => b.Category)
            .Select(b => $"{b.Dimension}, {b.Category}, {(b.Value is { } v ? v.ToString("0.##", CultureInfo.InvariantCulture) : b.Text)}")),
    };

    /// <summary>The form as an item for the service; mistakes only the page can see (the date's parts, a breakdown line) go to the model state.</summary>
    public ValueItem ToItem(ModelStateDictionary state, string prefix)
    {
        DateOnly? asAt = null;
        var parts = new[] { AsAtDay, AsAtMonth, AsAtYear };
        if (parts.Any(p => !string.IsNullOrWhiteSpace(p)))
        {
            if (parts.All(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                && int.Parse(AsAtYear!, CultureInfo.InvariantCulture) is >= 1900 and <= 9999 && DateOnly.TryParseExact(
                    $"{int.Parse(AsAtYear!, CultureInfo.InvariantCulture):D4}-{int.Parse(AsAtMonth!, CultureInfo.InvariantCulture):D2}-{int.Parse(AsAtDay!, CultureInfo.InvariantCulture):D2}",
                    "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                asAt = date;
            }
            else
            {
                state.AddModelError(prefix + nameof(AsAt), "The date the value is correct as at must be a real date, for example 5 11 2026");
            }
        }

        var breakdowns = new List<BreakdownItem>();
        var lines = (Breakdowns ?? string.Empty).Split('\n').Select(l => l.Trim()).ToList();
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Length == 0)
            {
                continue;
            }

            var cells = lines[i].Contains('\t', StringComparison.Ordinal) ? lines[i].Split('\t', 3) : lines[i].Split(',', 3);
            if (cells.Length < 3)
            {
                state.AddModelError(prefix + nameof(Breakdowns), $"Line {i + 1} of the breakdown: write what it is split by, the part and its value, for example Team, North, 84");
                continue;
            }

            breakdowns.Add(new BreakdownItem(cells[0].Trim(), cells[1].Trim(), cells[2].Trim()));
        }

        return new ValueItem { Place = string.Empty, Period = Period, ValueText = Value, AsAt = asAt, Note = Note, Breakdowns = breakdowns };
    }

    /// <summary>The service's problems as field errors on the form.</summary>
    public static void AddProblems(ModelStateDictionary state, string prefix, IEnumerable<ValueProblem> problems)
    {
        foreach (var problem in problems)
        {
            var field = problem.Field switch
            {
                "period" => nameof(Period),
                "value" or "text" => nameof(Value),
                "asAt" => nameof(AsAt),
                "note" => nameof(Note),
                "" => null,
                _ => nameof(Breakdowns),
            };
            var breakdown = field == nameof(Breakdowns) && problem.Field.StartsWith("breakdowns[", StringComparison.Ordinal)
                ? $"Breakdown part {int.Parse(problem.Field[11..problem.Field.IndexOf(']', StringComparison.Ordinal)], CultureInfo.InvariantCulture) + 1}: "
                : string.Empty;
            state.AddModelError(field is null ? string.Empty : prefix + field, breakdown + problem.Message);
        }
    }
}

/// <summary>A page that shows the value form, for the shared fields partial.</summary>
public interface IValueFormPage
{
    ValueForm Form { get; }
}

/// <summary>The indicator a value page is about, when it belongs to the organisation.</summary>
public sealed record IndicatorHeader(int Id, int PlanId, string PlanTitle, string Key, string Name, IndicatorUnit Unit, IndicatorFrequency Frequency, YearBasis YearBasis)
{
    public static Task<IndicatorHeader?> LoadAsync(TrellisDbContext db, int organisationId, int indicatorId, CancellationToken ct) =>
        db.Indicators.AsNoTracking()
            .Where(i => i.Id == indicatorId)
            .Join(db.Plans.Where(p => p.OrganisationId == organisationId), i => i.PlanId, p => p.Id,
                (i, p) => new IndicatorHeader(i.Id, i.PlanId, p.Title, i.Key, i.Name, i.Unit, i.Frequency, i.YearBasis))
            .FirstOrDefaultAsync(ct);
}
