using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Trellis.Core.Accounts;
using Trellis.Core.Data;
using Trellis.Core.Rounds;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.Committee.EditImprovementLogEntry;

[PlanAccess(PlanPermission.Manage)]
public class EditImprovementLogEntryModel(TrellisDbContext db, CommitteeContentService content, CurrentOrganisation organisation) : ImprovementLogFormPage(db, organisation)
{
    private readonly TrellisDbContext _db = db;

    [FromRoute]
    public int EntryId { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var entry = await LoadAsync(ct);
        if (entry is null)
        {
            return NotFound();
        }

        Form = new ImprovementLogForm { WhatWeHaveDone = entry.WhatWeHaveDone, Why = entry.Why, When = entry.When };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is null)
        {
            return NotFound();
        }

        var result = await content.UpdateImprovementLogAsync(OrganisationId, EntryId, Form.ToInput(), ct);
        return result.Succeeded ? Redirect($"{ListUrl}#entry-{EntryId}") : Failed(result);
    }

    private async Task<ImprovementLogEntry?> LoadAsync(CancellationToken ct) =>
        await LoadPlanAsync(ct)
            ? await _db.ImprovementLogEntries.AsNoTracking().FirstOrDefaultAsync(l => l.Id == EntryId && l.PlanId == PlanId, ct)
            : null;
}
