using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Trellis.Core.Accounts;
using Trellis.Core.Data;
using Trellis.Core.Plans;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.Themes.DeleteTheme;

[PlanAccess(PlanPermission.Manage)]
public class DeleteThemeModel(TrellisDbContext db, PlanService plans, CurrentOrganisation organisation) : TrellisPageModel
{
    [FromRoute]
    public int PlanId { get; set; }

    [FromRoute]
    public int ThemeId { get; set; }

    public string Key { get; private set; } = string.Empty;
    public string Title { get; private set; } = string.Empty;
    public int Areas { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var theme = await db.Themes.Where(t => t.Id == ThemeId && t.PlanId == PlanId && t.Plan.OrganisationId == organisation.Id)
            .Select(t => new { t.Key, t.Title, Areas = t.Areas.Count })
            .FirstOrDefaultAsync(ct);
        if (theme is null)
        {
            return NotFound();
        }

        (Key, Title, Areas) = (theme.Key, theme.Title, theme.Areas);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await db.Themes.AnyAsync(t => t.Id == ThemeId && t.PlanId == PlanId && t.Plan.OrganisationId == organisation.Id, ct))
        {
            return NotFound();
        }

        return await plans.DeleteThemeAsync(organisation.Id, ThemeId, ct) ? Redirect($"/plans/{PlanId}#areas") : NotFound();
    }
}
