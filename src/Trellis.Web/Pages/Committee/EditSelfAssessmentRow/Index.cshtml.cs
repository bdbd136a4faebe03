using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Trellis.Core.Accounts;
using Trellis.Core.Data;
using Trellis.Core.Rounds;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.Committee.EditSelfAssessmentRow;

[PlanAccess(PlanPermission.Manage)]
public class EditSelfAssessmentRowModel(TrellisDbContext db, CommitteeContentService content, CurrentOrganisation organisation) : SelfAssessmentFormPage(db, organisation)
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

        Form = new SelfAssessmentForm { AreaForImprovement = entry.AreaForImprovement, WhatWeHaveDone = entry.WhatWeHaveDone, ImpactOnPractice = entry.ImpactOnPractice };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is null)
        {
            return NotFound();
        }

        var result = await content.UpdateSelfAssessmentAsync(OrganisationId, EntryId, Form.ToInput(), ct);
        return result.Succeeded ? Redirect($"{ListUrl}#row-{EntryId}") : Failed(result);
    }

    private async Task<SelfAssessmentEntry?> LoadAsync(CancellationToken ct) =>
        await LoadRoundAsync(ct)
            ? await _db.SelfAssessmentEntries.AsNoTracking().FirstOrDefaultAsync(n => n.Id == EntryId && n.RoundId == RoundId, ct)
            : null;
}
