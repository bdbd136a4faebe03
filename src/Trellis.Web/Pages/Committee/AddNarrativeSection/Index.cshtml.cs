using Microsoft.AspNetCore.Mvc;
using Trellis.Core.Accounts;
using Trellis.Core.Data;
using Trellis.Core.Rounds;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.Committee.AddNarrativeSection;

[PlanAccess(PlanPermission.Manage)]
public class AddNarrativeSectionModel(TrellisDbContext db, CommitteeContentService content, CurrentOrganisation organisation) : NarrativeFormPage(db, organisation)
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await LoadRoundAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadRoundAsync(ct))
        {
            return NotFound();
        }

        var result = await content.AddNarrativeAsync(OrganisationId, RoundId, Form.ToInput(), ct);
        return result.Succeeded ? Redirect($"{ListUrl}#section-{result.Id}") : Failed(result);
    }
}
