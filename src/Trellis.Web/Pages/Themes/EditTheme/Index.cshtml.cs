using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Trellis.Core.Accounts;
using Trellis.Core.Data;
using Trellis.Core.Plans;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.Themes.EditTheme;

[PlanAccess(PlanPermission.Manage)]
public class EditThemeModel(TrellisDbContext db, PlanService plans, CurrentOrganisation organisation) : ThemeFormPage
{
    [FromRoute]
    public int ThemeId { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var theme = await db.Themes.AsNoTracking()
            .Where(t => t.Id == ThemeId && t.PlanId == PlanId && t.Plan.OrganisationId == organisation.Id)
            .Select(t => new { Theme = t, PlanTitle = t.Plan.Title })
            .FirstOrDefaultAsync(ct);
        if (theme is null)
        {
            return NotFound();
        }

        PlanTitle = theme.PlanTitle;
        Form = ThemeForm.From(theme.Theme);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var planTitle = await db.Themes.Where(t => t.Id == ThemeId && t.PlanId == PlanId && t.Plan.OrganisationId == organisation.Id)
            .Select(t => t.Plan.Title).FirstOrDefaultAsync(ct);
        if (planTitle is null)
        {
            return NotFound();
        }

        PlanTitle = planTitle;
        var input = ValidatedInput();
        if (input is null)
        {
            return PageWithErrors();
        }

        return await plans.UpdateThemeAsync(organisation.Id, ThemeId, input, ct)
            ? Redirect($"/plans/{PlanId}#areas")
            : NotFound();
    }
}
