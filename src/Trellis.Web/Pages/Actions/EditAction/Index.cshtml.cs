using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Trellis.Core.Accounts;
using Trellis.Core.Data;
using Trellis.Core.Plans;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.Actions.EditAction;

[PlanAccess(PlanPermission.Manage)]
public class EditActionModel(TrellisDbContext db, PlanService plans, CurrentOrganisation organisation) : ActionFormPage(db, plans)
{
    private readonly TrellisDbContext _db = db;
    private readonly PlanService _plans = plans;

    [FromRoute]
    public int ActionId { get; set; }

    /// <summary>The version the form was opened at; a save from an older version is refused.</summary>
    [BindProperty]
    public Guid Version { get; set; }

    public int AreaId { get; private set; }
    public bool Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var action = await _db.Actions.AsNoTracking()
            .Where(a => a.Id == ActionId && a.Area.PlanId == PlanId && a.Area.Plan.OrganisationId == organisation.Id)
            .Select(a => new
            {
                a.AreaId,
                AreaNumber = a.Area.Number,
                a.Ref,
                a.Text,
                DueText = a.Due.Text,
                a.Status,
                a.RagCode,
                a.Comments,
                a.Version,
                Owners = a.Owners.OrderBy(o => o.SortOrder).Select(o => o.Person != null ? (o.Person.Initials ?? o.Person.Name) : o.Text).ToList(),
            })
            .FirstOrDefaultAsync(ct);
        if (action is null)
        {
            return NotFound();
        }

        AreaId = action.AreaId;
        AreaLabel = $"Area {action.AreaNumber}";
        Version = action.Version;
        var owners = string.Join("/", action.Owners);
        Form = new ActionForm
        {
            Ref = action.Ref,
            Text = action.Text,
            Due = action.DueText,
            Owners = owners,
            Status = action.Status,
            RagCode = action.RagCode,
            Comments = action.Comments,
            CheckedDue = action.DueText,
            CheckedOwners = owners,
        };
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var area = await _db.Actions.Where(a => a.Id == ActionId && a.Area.PlanId == PlanId && a.Area.Plan.OrganisationId == organisation.Id)
            .Select(a => new { a.AreaId, a.Area.Number }).FirstOrDefaultAsync(ct);
        if (area is null)
        {
            return NotFound();
        }

        AreaId = area.AreaId;
        AreaLabel = $"Area {area.Number}";
        if (!await ReadyToSaveAsync(ct))
        {
            return await RedisplayAsync(ct);
        }

        var result = await _plans.UpdateActionAsync(organisation.Id, ActionId, Version, Form.ToInput(), ct);
        switch (result)
        {
            case SaveResult.NotFound:
                return NotFound();
            case SaveResult.Conflict:
                Conflict = true;
                ModelState.AddModelError(string.Empty, "Someone else saved this action while you were editing it");
                await LoadChoicesAsync(ct);
                var page = Page();
                page.StatusCode = StatusCodes.Status409Conflict;
                return page;
            default:
                return Redirect($"/plans/{PlanId}/areas/{AreaId}#action-{ActionId}");
        }
    }
}
