using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Trellis.Core.Accounts;
using Trellis.Core.Data;
using Trellis.Core.Rounds;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.Committee.DeleteSelfAssessmentRow;

[PlanAccess(PlanPermission.Manage)]
public class DeleteSelfAssessmentRowModel(TrellisDbContext db, CommitteeContentService content, CurrentOrganisation organisation) : RoundContentPage(db, organisation)
{
    private readonly TrellisDbContext _db = db;

    [FromRoute]
    public int EntryId { get; set; }

    public string AreaForImprovement { get; private set; } = string.Empty;
    public string ListUrl => $"/rounds/{RoundId}/self-assessment";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        var result = await content.DeleteSelfAssessmentAsync(OrganisationId, EntryId, ct);
        return result.Succeeded ? Redirect(ListUrl) : Failed(result);
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (!await LoadRoundAsync(ct))
        {
            return false;
        }

        var area = await _db.SelfAssessmentEntries.Where(n => n.Id == EntryId && n.RoundId == RoundId).Select(n => n.AreaForImprovement).FirstOrDefaultAsync(ct);
        AreaForImprovement = area ?? string.Empty;
        return area is not null;
    }
}
