using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Trellis.Core.Accounts;
using Trellis.Core.Data;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.Committee.ImprovementLog;

[PlanAccess(PlanPermission.View, Write = PlanPermission.Manage)]
public class ImprovementLogModel(TrellisDbContext db, CurrentOrganisation organisation) : ImprovementLogPage(db, organisation)
{
    private readonly TrellisDbContext _db = db;

    public sealed record Row(int Id, string WhatWeHaveDone, string Why, string When, bool Dated);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadPlanAsync(ct))
        {
            return NotFound();
        }

        // Dated entries in date order, then those too vague to date, each in the order they were added.
        var rows = await _db.ImprovementLogEntries.AsNoTracking().Where(l => l.PlanId == PlanId)
            .Select(l => new { l.Id, l.WhatWeHaveDone, l.Why, l.When, l.WhenDate, l.SortOrder })
            .ToListAsync(ct);
        Rows = [.. rows.OrderBy(l => l.WhenDate is null).ThenBy(l => l.WhenDate).ThenBy(l => l.SortOrder).ThenBy(l => l.Id)
            .Select(l => new Row(l.Id, l.WhatWeHaveDone, l.Why, l.When, l.WhenDate is not null))];
        return Page();
    }
}
