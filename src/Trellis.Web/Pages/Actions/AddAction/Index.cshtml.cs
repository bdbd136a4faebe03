using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Trellis.Core.Accounts;
using Trellis.Core.Data;
using Trellis.Core.Plans;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.Actions.AddAction;

[PlanAccess(PlanPermission.Manage)]
public class AddActionModel(TrellisDbContext db, PlanService plans, CurrentOrganisation organisation) : ActionFormPage(db, plans)
{
    private readonly TrellisDbContext _db = db;
    private readonly PlanService _plans = plans;

    [FromRoute]
    public int AreaId { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAreaAsync(ct))
        {
            return NotFound();
        }

        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAreaAsync(ct))
        {
            return NotFound();
        }

        if (!await ReadyToSaveAsync(ct))
        {
            return await RedisplayAsync(ct);
        }

        var action = await _plans.CreateActionAsync(organisation.Id, AreaId, Form.ToInput(), ct);
        return action is null ? NotFound() : Redirect($"/plans/{PlanId}/areas/{AreaId}#action-{action.Id}");
    }

    private async Task<bool> LoadAreaAsync(CancellationToken ct)
    {
        var area = await _db.Areas.Where(a => a.Id == AreaId && a.PlanId == PlanId && a.Plan.OrganisationId == organisation.Id)
            .Select(a => new { a.Number, a.Title, Next = a.Actions.Count + 1 }).FirstOrDefaultAsync(ct);
        if (area is null)
        {
            return false;
        }

        AreaLabel = $"Area {area.Number}";
        if (Request.Method == HttpMethods.Get)
        {
            Form.Ref = $"{area.Number}.{area.Next}";
        }

        return true;
    }
}
