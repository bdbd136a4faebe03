using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Trellis.Core.Accounts;
using Trellis.Core.Data;
using Trellis.Core.Indicators;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.Indicators.AddIndicator;

[PlanAccess(PlanPermission.Manage)]
public class AddIndicatorModel(TrellisDbContext db, IndicatorService indicators, CurrentOrganisation organisation) : IndicatorFormPage(db, organisation)
{
    private readonly TrellisDbContext _db = db;

    [FromRoute(Name = "planId")]
    public int RoutePlanId { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadPlanAsync(ct))
        {
            return NotFound();
        }

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

        var result = await indicators.CreateAsync(OrganisationId, PlanId, input, ct);
        if (!result.Succeeded)
        {
            return await ShowAsync(result, ct);
        }

        TempData["Notice"] = $"Indicator {input.Name!.Trim()} added";
        return Redirect($"/indicators/{result.Id}");
    }

    private async Task<bool> LoadPlanAsync(CancellationToken ct)
    {
        var title = await _db.Plans.Where(p => p.Id == RoutePlanId && p.OrganisationId == OrganisationId).Select(p => p.Title).FirstOrDefaultAsync(ct);
        (PlanId, PlanTitle) = (RoutePlanId, title ?? string.Empty);
        return title is not null;
    }
}
