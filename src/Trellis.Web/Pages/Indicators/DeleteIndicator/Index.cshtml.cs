using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Trellis.Core.Accounts;
using Trellis.Core.Data;
using Trellis.Core.Indicators;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.Indicators.DeleteIndicator;

[PlanAccess(PlanPermission.Manage)]
public class DeleteIndicatorModel(TrellisDbContext db, IndicatorService indicators, CurrentOrganisation organisation) : TrellisPageModel
{
    [FromRoute]
    public int IndicatorId { get; set; }

    public int PlanId { get; private set; }
    public string Name { get; private set; } = string.Empty;
    public int Values { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        var result = await indicators.DeleteAsync(organisation.Id, IndicatorId, ct);
        if (!result.Succeeded)
        {
            return NotFound();
        }

        TempData["Notice"] = $"Indicator {Name} deleted";
        return Redirect($"/plans/{PlanId}/indicators");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var found = await db.Indicators.Where(i => i.Id == IndicatorId && db.Plans.Any(p => p.Id == i.PlanId && p.OrganisationId == organisation.Id))
            .Select(i => new { i.PlanId, i.Name, Values = i.Values.Count }).FirstOrDefaultAsync(ct);
        if (found is null)
        {
            return false;
        }

        (PlanId, Name, Values) = (found.PlanId, found.Name, found.Values);
        return true;
    }
}
