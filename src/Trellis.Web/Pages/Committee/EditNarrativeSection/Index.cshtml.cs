using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Trellis.Core.Accounts;
using Trellis.Core.Data;
using Trellis.Core.Rounds;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.Committee.EditNarrativeSection;

[PlanAccess(PlanPermission.Manage)]
public class EditNarrativeSectionModel(TrellisDbContext db, CommitteeContentService content, CurrentOrganisation organisation) : NarrativeFormPage(db, organisation)
{
    private readonly TrellisDbContext _db = db;

    [FromRoute]
    public int SectionId { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var section = await LoadAsync(ct);
        if (section is null)
        {
            return NotFound();
        }

        Form = new NarrativeForm { Heading = section.Heading, Body = section.Body };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is null)
        {
            return NotFound();
        }

        var result = await content.UpdateNarrativeAsync(OrganisationId, SectionId, Form.ToInput(), ct);
        return result.Succeeded ? Redirect($"{ListUrl}#section-{SectionId}") : Failed(result);
    }

    private async Task<RoundNarrative?> LoadAsync(CancellationToken ct) =>
        await LoadRoundAsync(ct)
            ? await _db.RoundNarratives.AsNoTracking().FirstOrDefaultAsync(n => n.Id == SectionId && n.RoundId == RoundId, ct)
            : null;
}
