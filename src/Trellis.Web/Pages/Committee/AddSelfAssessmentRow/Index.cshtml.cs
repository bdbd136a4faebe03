using Microsoft.AspNetCore.Mvc;
using Trellis.Core.Accounts;
using Trellis.Core.Data;
using Trellis.Core.Rounds;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.Committee.AddSelfAssessmentRow;

[PlanAccess(PlanPermission.Manage)]
public class AddSelfAssessmentRowModel(TrellisDbContext db, CommitteeContentService content, CurrentOrganisation organisation) : SelfAssessmentFormPage(db, organisation)
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await LoadRoundAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadRoundAsync(ct))
        {
            return NotFound();
        }

        var result = await content.AddSelfAssessmentAsync(OrganisationId, RoundId, Form.ToInput(), ct);
        return result.Succeeded ? Redirect($"{ListUrl}#row-{result.Id}") : Failed(result);
    }
}
