using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Trellis.Core.Accounts;
using Trellis.Core.Data;
using Trellis.Core.Rounds;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.Committee.Narrative;

[PlanAccess(PlanPermission.View, Write = PlanPermission.Manage)]
public class NarrativeModel(TrellisDbContext db, CommitteeContentService content, CurrentOrganisation organisation) : RoundContentPage(db, organisation)
{
    private readonly TrellisDbContext _db = db;

    public sealed record Section(int Id, string Heading, string Body);

    public IReadOnlyList<Section> Sections { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostMoveAsync(int sectionId, MoveDirection direction, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        var result = await content.MoveNarrativeAsync(OrganisationId, sectionId, direction, ct);
        return result.Succeeded ? Redirect($"/rounds/{RoundId}/narrative#section-{sectionId}") : Failed(result);
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (!await LoadRoundAsync(ct))
        {
            return false;
        }

        Sections = await _db.RoundNarratives.AsNoTracking().Where(n => n.RoundId == RoundId)
            .OrderBy(n => n.SortOrder).ThenBy(n => n.Id)
            .Select(n => new Section(n.Id, n.Heading, n.Body))
            .ToListAsync(ct);
        return true;
    }
}
