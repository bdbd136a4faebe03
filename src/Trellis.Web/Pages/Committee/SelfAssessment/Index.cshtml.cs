using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Trellis.Core.Accounts;
using Trellis.Core.Data;
using Trellis.Core.Rounds;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.Committee.SelfAssessment;

[PlanAccess(PlanPermission.View, Write = PlanPermission.Manage)]
public class SelfAssessmentModel(TrellisDbContext db, CommitteeContentService content, CurrentOrganisation organisation) : RoundContentPage(db, organisation)
{
    private readonly TrellisDbContext _db = db;

    public sealed record Row(int Id, string AreaForImprovement, string WhatWeHaveDone, string ImpactOnPractice);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostMoveAsync(int entryId, MoveDirection direction, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        var result = await content.MoveSelfAssessmentAsync(OrganisationId, entryId, direction, ct);
        return result.Succeeded ? Redirect($"/rounds/{RoundId}/self-assessment#row-{entryId}") : Failed(result);
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (!await LoadRoundAsync(ct))
        {
            return false;
        }

        Rows = await _db.SelfAssessmentEntries.AsNoTracking().Where(s => s.RoundId == RoundId)
            .OrderBy(s => s.SortOrder).ThenBy(s => s.Id)
            .Select(s => new Row(s.Id, s.AreaForImprovement, s.WhatWeHaveDone, s.ImpactOnPractice))
            .ToListAsync(ct);
        return true;
    }
}
