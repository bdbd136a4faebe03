using Microsoft.AspNetCore.Mvc;
using Trellis.Core.Accounts;
using Trellis.Core.Data;
using Trellis.Core.Rounds;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.Committee.AddImprovementLogEntry;

[PlanAccess(PlanPermission.Manage)]
public class AddImprovementLogEntryModel(TrellisDbContext db, CommitteeContentService content, CurrentOrganisation organisation) : ImprovementLogFormPage(db, organisation)
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await LoadPlanAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadPlanAsync(ct))
        {
            return NotFound();
        }

        var result = await content.AddImprovementLogAsync(OrganisationId, PlanId, Form.ToInput(), ct);
        return result.Succeeded ? Redirect($"{ListUrl}#entry-{result.Id}") : Failed(result);
    }
}
