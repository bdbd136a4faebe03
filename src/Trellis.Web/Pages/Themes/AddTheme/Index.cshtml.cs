using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Trellis.Core.Accounts;
using Trellis.Core.Data;
using Trellis.Core.Plans;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.Themes.AddTheme;

[PlanAccess(PlanPermission.Manage)]
public class AddThemeModel(TrellisDbContext db, PlanService plans, CurrentOrganisation organisation) : ThemeFormPage
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await LoadPlanAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadPlanAsync(ct))
        {
            return NotFound();
        }

        var input = ValidatedInput();
        if (input is null)
        {
            return PageWithErrors();
        }

        var theme = await plans.CreateThemeAsync(organisation.Id, PlanId, input, ct);
        return theme is null ? NotFound() : Redirect($"/plans/{PlanId}#areas");
    }

    private async Task<bool> LoadPlanAsync(CancellationToken ct)
    {
        var title = await db.Plans.Where(p => p.Id == PlanId && p.OrganisationId == organisation.Id)
            .Select(p => p.Title).FirstOrDefaultAsync(ct);
        PlanTitle = title ?? string.Empty;
        return title is not null;
    }
}
