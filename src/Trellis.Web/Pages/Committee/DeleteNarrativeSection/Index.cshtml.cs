using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Trellis.Core.Accounts;
using Trellis.Core.Data;
using Trellis.Core.Rounds;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.Committee.DeleteNarrativeSection;

[PlanAccess(PlanPermission.Manage)]
public class DeleteNarrativeSectionModel(TrellisDbContext db, CommitteeContentService content, CurrentOrganisation organisation) : RoundContentPage(db, organisation)
{
    private readonly TrellisDbContext _db = db;

    [FromRoute]
    public int SectionId { get; set; }

    public string Heading { get; private set; } = string.Empty;
    public string ListUrl => $"/rounds/{RoundId}/narrative";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        var result = await content.DeleteNarrativeAsync(OrganisationId, SectionId, ct);
        return result.Succeeded ? Redirect(ListUrl) : Failed(result);
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (!await LoadRoundAsync(ct))
        {
            return false;
        }

        var heading = await _db.RoundNarratives.Where(n => n.Id == SectionId && n.RoundId == RoundId).Select(n => n.Heading).FirstOrDefaultAsync(ct);
        Heading = heading ?? string.Empty;
        return heading is not null;
    }
}
