using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Trellis.Core.Accounts;
using Trellis.Core.Data;
using Trellis.Core.Plans;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.Areas.EditArea;

[PlanAccess(PlanPermission.Manage)]
public class EditAreaModel(TrellisDbContext db, PlanService plans, CurrentOrganisation organisation) : AreaFormPage(db, plans)
{
    private readonly TrellisDbContext _db = db;
    private readonly PlanService _plans = plans;

    [FromRoute]
    public int AreaId { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var area = await _db.Areas.AsNoTracking()
            .Where(a => a.Id == AreaId && a.PlanId == PlanId && a.Plan.OrganisationId == organisation.Id)
            .Select(a => new
            {
                a.Number,
                a.Title,
                a.ThemeId,
                a.SourceKind,
                a.SourceReference,
                a.LinkedPlans,
                a.Partners,
                a.Objectives,
                a.Outcomes,
                a.MeasuresOfSuccess,
                a.RagCode,
                Leads = a.Leads.OrderBy(l => l.SortOrder).Select(l => new { l.Role, Initials = l.Person != null ? l.Person.Initials : null, Name = l.Person != null ? l.Person.Name : null, l.Text }).ToList(),
            })
            .FirstOrDefaultAsync(ct);
        if (area is null)
        {
            return NotFound();
        }

        string Owners(LeadRole role) => string.Join(" / ", area.Leads.Where(l => l.Role == role).Select(l => l.Initials ?? l.Name ?? l.Text));
        Form = new AreaForm
        {
            Number = area.Number,
            Title = area.Title,
            ThemeId = area.ThemeId,
            SourceKind = area.SourceKind,
            SourceReference = area.SourceReference,
            Leads = Owners(LeadRole.Lead),
            SeniorLeads = Owners(LeadRole.SeniorLead),
            LinkedPlans = JoinLines(area.LinkedPlans),
            Partners = JoinLines(area.Partners),
            Objectives = JoinLines(area.Objectives),
            Outcomes = JoinLines(area.Outcomes),
            MeasuresOfSuccess = JoinLines(area.MeasuresOfSuccess),
            RagCode = area.RagCode,
        };
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await _db.Areas.AnyAsync(a => a.Id == AreaId && a.PlanId == PlanId && a.Plan.OrganisationId == organisation.Id, ct))
        {
            return NotFound();
        }

        var input = await ValidatedInputAsync(ct);
        if (input is null)
        {
            await LoadChoicesAsync(ct);
            return PageWithErrors();
        }

        return await _plans.UpdateAreaAsync(organisation.Id, AreaId, input, ct)
            ? Redirect($"/plans/{PlanId}/areas/{AreaId}")
            : NotFound();
    }
}
