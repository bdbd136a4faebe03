using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Trellis.Core.Accounts;
using Trellis.Core.Data;
using Trellis.Core.Indicators;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.Indicators.EditIndicator;

[PlanAccess(PlanPermission.Manage)]
public class EditIndicatorModel(TrellisDbContext db, IndicatorService indicators, CurrentOrganisation organisation) : IndicatorFormPage(db, organisation)
{
    private readonly TrellisDbContext _db = db;

    [FromRoute]
    public int IndicatorId { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var indicator = await _db.Indicators.AsNoTracking()
            .Where(i => i.Id == IndicatorId && _db.Plans.Any(p => p.Id == i.PlanId && p.OrganisationId == OrganisationId))
            .FirstOrDefaultAsync(ct);
        if (indicator is null || !await LoadPlanAsync(ct))
        {
            return NotFound();
        }

        Form = IndicatorForm.Of(indicator);
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadPlanAsync(ct))
        {
            return NotFound();
        }

        if (ReadyToSave() is not { } input)
        {
            return await RedisplayAsync(ct);
        }

        var result = await indicators.UpdateAsync(OrganisationId, IndicatorId, input, ct);
        if (!result.Succeeded)
        {
            return await ShowAsync(result, ct);
        }

        TempData["Notice"] = "Indicator saved";
        return Redirect($"/indicators/{IndicatorId}");
    }

    private async Task<bool> LoadPlanAsync(CancellationToken ct)
    {
        var plan = await _db.Indicators.Where(i => i.Id == IndicatorId)
            .Join(_db.Plans.Where(p => p.OrganisationId == OrganisationId), i => i.PlanId, p => p.Id, (i, p) => new { p.Id, p.Title })
            .FirstOrDefaultAsync(ct);
        if (plan is null)
        {
            return false;
        }

        (PlanId, PlanTitle) = (plan.Id, plan.Title);
        return true;
    }
}
