using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Trellis.Core.Accounts;
using Trellis.Core.Data;
using Trellis.Core.People;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.People.AddKeyLead;

/// <summary>Adds a new person straight into a plan's key leads.</summary>
[PlanAccess(PlanPermission.Manage)]
public class AddKeyLeadModel(TrellisDbContext db, PersonService people, CurrentOrganisation organisation) : PersonFormPage(db, organisation)
{
    private readonly TrellisDbContext _db = db;
    private readonly CurrentOrganisation _organisation = organisation;

    [FromRoute]
    public int PlanId { get; set; }

    public string PlanTitle { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await LoadPlanAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadPlanAsync(ct))
        {
            return NotFound();
        }

        var input = await ValidatedInputAsync([PlanId], null, ct);
        if (input is null)
        {
            return PageWithErrors();
        }

        var person = await people.CreateAsync(_organisation.Id, PlanId, input, ct);
        return person is null ? NotFound() : Redirect($"/plans/{PlanId}/people#key-leads");
    }

    private async Task<bool> LoadPlanAsync(CancellationToken ct)
    {
        var title = await _db.Plans.Where(p => p.Id == PlanId && p.OrganisationId == _organisation.Id).Select(p => p.Title).FirstOrDefaultAsync(ct);
        PlanTitle = title ?? string.Empty;
        return title is not null;
    }
}
