using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Trellis.Core.Data;
using Trellis.Core.Indicators;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.Indicators;

/// <summary>Shared by the pages under one indicator (targets, comparators): the indicator in the caller's organisation, and the service's field errors shown as the page's own.</summary>
public abstract class IndicatorPage(TrellisDbContext db, CurrentOrganisation organisation) : TrellisPageModel
{
    [FromRoute]
    public int IndicatorId { get; set; }

    public int PlanId { get; private set; }
    public string IndicatorName { get; private set; } = string.Empty;
    public IndicatorUnit Unit { get; private set; }
    public Polarity Polarity { get; private set; }

    protected int OrganisationId => organisation.Id;

    protected TrellisDbContext Db => db;

    protected async Task<bool> LoadIndicatorAsync(CancellationToken ct)
    {
        var found = await db.Indicators.AsNoTracking()
            .Where(i => i.Id == IndicatorId && db.Plans.Any(p => p.Id == i.PlanId && p.OrganisationId == organisation.Id))
            .Select(i => new { i.PlanId, i.Name, i.Unit, i.Polarity }).FirstOrDefaultAsync(ct);
        if (found is null)
        {
            return false;
        }

        (PlanId, IndicatorName, Unit, Polarity) = (found.PlanId, found.Name, found.Unit, found.Polarity);
        return true;
    }

    /// <summary>Puts the service's field errors on the form's fields; <paramref name="field"/> renames one when the form names it differently.</summary>
    protected void AddErrors(IndicatorResult result, Func<string, string>? field = null)
    {
        foreach (var error in result.Errors)
        {
            ModelState.AddModelError("Form." + (field?.Invoke(error.Field) ?? error.Field), error.Message);
        }
    }

    /// <summary>Reads a number typed as text; adds a field error when it is not one.</summary>
    protected decimal? ReadNumber(string? text, string field, string message)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (decimal.TryParse(text.Trim().TrimEnd('%').Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        ModelState.AddModelError(field, message);
        return null;
    }
}
