using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Trellis.Core.Accounts;
using Trellis.Core.Data;
using Trellis.Core.Plans;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.SignOffs.SignOffQueue;

/// <summary>
/// The approver's queue: pending sign-off requests, oldest first. A plan manager sees every area's; a senior lead the
/// areas they are senior lead of; anyone else an empty list that says why.
/// </summary>
[PlanAccess(PlanPermission.View)]
public class SignOffQueueModel(TrellisDbContext db, CurrentOrganisation organisation, PlanAccessContext access) : TrellisPageModel
{
    [FromRoute]
    public int PlanId { get; set; }

    public string PlanTitle { get; private set; } = string.Empty;

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public bool SeesAll { get; private set; }

    public sealed record Row(int ActionId, string Ref, string Text, int AreaId, string AreaNumber, string RequestedBy, DateTimeOffset RequestedAt, int Files, int Links, bool HasSeniorLead);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var title = await db.Plans.AsNoTracking().Where(p => p.Id == PlanId && p.OrganisationId == organisation.Id).Select(p => p.Title).FirstOrDefaultAsync(ct);
        if (title is null)
        {
            return NotFound();
        }

        PlanTitle = title;
        SeesAll = access.Role >= PlanRole.PlanManager;
        var personId = User.Account()!.PersonId;
        var pending = db.SignOffRequests.AsNoTracking().Where(r => r.Decision == null && r.Action.Area.PlanId == PlanId);
        if (!SeesAll)
        {
            pending = personId is { } me
                ? pending.Where(r => r.Action.Area.Leads.Any(l => l.Role == LeadRole.SeniorLead && l.PersonId == me))
                : pending.Where(_ => false);
        }

        var rows = await pending.OrderBy(r => r.Id)
            .Select(r => new
            {
                r.ActionId,
                r.Action.Ref,
                r.Action.Text,
                r.Action.AreaId,
                r.Action.Area.Number,
                r.RequestedByName,
                r.RequestedAt,
                Files = r.Files.Count,
                r.Links,
                HasSeniorLead = r.Action.Area.Leads.Any(l => l.Role == LeadRole.SeniorLead && l.PersonId != null),
            })
            .ToListAsync(ct);
        Rows = [.. rows.Select(r => new Row(r.ActionId, r.Ref, r.Text, r.AreaId, r.Number, r.RequestedByName, r.RequestedAt, r.Files, r.Links.Count, r.HasSeniorLead))];
        return Page();
    }
}
