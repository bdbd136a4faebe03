using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Trellis.Core.Data;
using Trellis.Core.Rounds;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.Committee;

/// <summary>Shared by the improvement log pages: the plan, and the service's field errors shown as the page's own.</summary>
public abstract class ImprovementLogPage(TrellisDbContext db, CurrentOrganisation organisation) : TrellisPageModel
{
    [FromRoute]
    public int PlanId { get; set; }

    public string PlanTitle { get; private set; } = string.Empty;

    public string ListUrl => $"/plans/{PlanId}/improvement-log";

    /// <summary>The caller's organisation, whose plans alone these pages find.</summary>
    protected int OrganisationId => organisation.Id;

    protected async Task<bool> LoadPlanAsync(CancellationToken ct)
    {
        var title = await db.Plans.Where(p => p.Id == PlanId && p.OrganisationId == organisation.Id).Select(p => p.Title).FirstOrDefaultAsync(ct);
        PlanTitle = title ?? string.Empty;
        return title is not null;
    }

    protected IActionResult Failed(CommitteeResult result) => CommitteeErrors.Show(this, result, PageWithErrors);
}

/// <summary>Shared by the add and edit improvement log entry pages.</summary>
public abstract class ImprovementLogFormPage(TrellisDbContext db, CurrentOrganisation organisation) : ImprovementLogPage(db, organisation)
{
    [BindProperty]
    public ImprovementLogForm Form { get; set; } = new();
}
