using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Trellis.Core.Accounts;
using Trellis.Core.Data;
using Trellis.Core.Rounds;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.Committee.DeleteImprovementLogEntry;

[PlanAccess(PlanPermission.Manage)]
public class DeleteImprovementLogEntryModel(TrellisDbContext db, CommitteeContentService content, CurrentOrganisation organisation) : ImprovementLogPage(db, organisation)
{
    private readonly TrellisDbContext _db = db;

    [FromRoute]
    public int EntryId { get; set; }

    public string WhatWeHaveDone { get; private set; } = string.Empty;
    public string When { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        var result = await content.DeleteImprovementLogAsync(OrganisationId, EntryId, ct);
        return result.Succeeded ? Redirect(ListUrl) : Failed(result);
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (!await LoadPlanAsync(ct))
        {
            return false;
        }

        var entry = await _db.ImprovementLogEntries.Where(l => l.Id == EntryId && l.PlanId == PlanId)
            .Select(l => new { l.WhatWeHaveDone, l.When }).FirstOrDefaultAsync(ct);
        (WhatWeHaveDone, When) = (entry?.WhatWeHaveDone ?? string.Empty, entry?.When ?? string.Empty);
        return entry is not null;
    }
}
