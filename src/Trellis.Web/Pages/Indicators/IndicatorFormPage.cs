using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Trellis.Core.Data;
using Trellis.Core.Indicators;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.Indicators;

/// <summary>
/// Shared by the add and edit indicator pages. A typed target is read and shown back ("Read as: no higher than 15%,
/// lower is better") before the first save, with a warning when its words disagree with the polarity chosen.
/// </summary>
public abstract class IndicatorFormPage(TrellisDbContext db, CurrentOrganisation organisation) : TrellisPageModel
{
    [BindProperty]
    public IndicatorForm Form { get; set; } = new();

    public int PlanId { get; protected set; }
    public string PlanTitle { get; protected set; } = string.Empty;
    public List<SelectListItem> Owners { get; private set; } = [];
    public List<(string Number, string Title)> Areas { get; private set; } = [];
    public string? TargetRead { get; private set; }
    public string? TargetConflict { get; private set; }
    public bool ShowCheck { get; private set; }

    protected int OrganisationId => organisation.Id;

    public static IEnumerable<SelectListItem> Units =>
    [
        new("Percentage", nameof(IndicatorUnit.Percent)),
        new("Count", nameof(IndicatorUnit.Count)),
        new("Rate per 10,000 children", nameof(IndicatorUnit.RatePer10k)),
        new("Days", nameof(IndicatorUnit.Days)),
        new("Weeks", nameof(IndicatorUnit.Weeks)),
        new("Ratio", nameof(IndicatorUnit.Ratio)),
        new("Text (not a number)", nameof(IndicatorUnit.Text)),
    ];

    public static IEnumerable<SelectListItem> Polarities =>
    [
        new("Higher is better", nameof(Polarity.HigherIsBetter)),
        new("Lower is better", nameof(Polarity.LowerIsBetter)),
        new("Within a range is best", nameof(Polarity.InRange)),
        new("Neither: no better direction", nameof(Polarity.None)),
    ];

    public static IEnumerable<SelectListItem> Frequencies =>
        [new("Monthly", nameof(IndicatorFrequency.Monthly)), new("Quarterly", nameof(IndicatorFrequency.Quarterly)), new("Annual", nameof(IndicatorFrequency.Annual))];

    public static IEnumerable<SelectListItem> YearBases =>
        [new("Financial year (April to March)", nameof(YearBasis.Financial)), new("Calendar year (January to December)", nameof(YearBasis.Calendar))];

    public static IEnumerable<SelectListItem> ToleranceKinds =>
        [new("Points (in the indicator's units)", nameof(ToleranceKind.Points)), new("Percent of the target", nameof(ToleranceKind.PercentOfTarget))];

    protected async Task LoadChoicesAsync(CancellationToken ct)
    {
        var people = await db.People.AsNoTracking().Where(p => p.OrganisationId == organisation.Id)
            .Select(p => new { p.Id, p.Name, p.Initials, p.JobTitle }).ToListAsync(ct);
        Owners = [new("No owner", string.Empty), .. people
            .Select(p => new SelectListItem((p.Name ?? p.JobTitle ?? p.Initials ?? "(unnamed)") + (p.Initials is null || p.Name is null ? string.Empty : $" ({p.Initials})"), p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .OrderBy(p => p.Text, StringComparer.OrdinalIgnoreCase)];
        var areas = await db.Areas.AsNoTracking().Where(a => a.PlanId == PlanId).OrderBy(a => a.SortOrder).Select(a => new { a.Number, a.Title }).ToListAsync(ct);
        Areas = [.. areas.Select(a => (a.Number, a.Title))];
        ReadTarget();
    }

    /// <summary>Validates what the page itself can and says whether the form may be saved now, or the target needs checking first.</summary>
    protected IndicatorInput? ReadyToSave()
    {
        var input = Form.ToInput(ModelState, nameof(Form));
        ReadTarget();
        if (input is null || !ModelState.IsValid)
        {
            return null;
        }

        if (Form.NeedsCheck)
        {
            ShowCheck = true;
            Form.CheckedTarget = Form.TargetText;
            ModelState.Remove($"{nameof(Form)}.{nameof(IndicatorForm.CheckedTarget)}");
            return null;
        }

        return input;
    }

    /// <summary>The page for a result that did not save: 404 when not found, otherwise the service's errors on their fields with 400.</summary>
    protected async Task<IActionResult> ShowAsync(IndicatorResult result, CancellationToken ct)
    {
        if (result.Outcome == IndicatorOutcome.NotFound)
        {
            return NotFound();
        }

        foreach (var error in result.Errors)
        {
            ModelState.AddModelError($"{nameof(Form)}.{error.Field}", error.Message);
        }

        return await RedisplayAsync(ct);
    }

    protected async Task<IActionResult> RedisplayAsync(CancellationToken ct)
    {
        await LoadChoicesAsync(ct);
        return ModelState.IsValid ? Page() : PageWithErrors();
    }

    private void ReadTarget()
    {
        if (string.IsNullOrWhiteSpace(Form.TargetText))
        {
            (TargetRead, TargetConflict) = (null, null);
            return;
        }

        var reading = TargetReader.Read(Form.TargetText);
        TargetRead = TargetWords.Describe(reading, Form.Polarity, Form.Unit);
        TargetConflict = TargetWords.Conflict(reading, Form.Polarity);
    }
}
