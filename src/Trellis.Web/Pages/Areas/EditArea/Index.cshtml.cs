using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Trellis.Core.Accounts;
using Trellis.Core.Concurrency;
using Trellis.Core.Data;
using Trellis.Core.Plans;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.Areas.EditArea;

[PlanAccess(PlanPermission.Manage)]
public class EditAreaModel(TrellisDbContext db, PlanService plans, CurrentOrganisation organisation) : AreaFormPage(db, plans)
{
    private readonly TrellisDbContext _db = db;
    private readonly PlanService _plans = plans;

    [FromRoute]
    public int AreaId { get; set; }

    /// <summary>The version the form was opened at; a save from an older version is refused.</summary>
    [BindProperty]
    public Guid Version { get; set; }

    /// <summary>Set when the save lost a race: their saved version beside mine.</summary>
    public ConflictView? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var stored = await LoadStoredAsync(ct);
        if (stored is null)
        {
            return NotFound();
        }

        (Form, Version) = stored.Value;
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await _db.Areas.AnyAsync(a => a.Id == AreaId && a.PlanId == PlanId && a.Plan.OrganisationId == organisation.Id, ct))
        {
            return NotFound();
        }

        var input = await ValidatedInputAsync(ct);
        if (input is null)
        {
            await LoadChoicesAsync(ct);
            return PageWithErrors();
        }

        return await _plans.UpdateAreaAsync(organisation.Id, AreaId, Version, input, ct) switch
        {
            SaveResult.Saved => Redirect($"/plans/{PlanId}/areas/{AreaId}"),
            SaveResult.Conflict => await ConflictAsync(ct),
            _ => NotFound(),
        };
    }

    /// <summary>The page again (409) with their saved version beside mine; the form now holds theirs, read at their version.</summary>
    private async Task<IActionResult> ConflictAsync(CancellationToken ct)
    {
        var stored = await LoadStoredAsync(ct);
        if (stored is null)
        {
            return NotFound();
        }

        await LoadChoicesAsync(ct);
        var (theirs, theirVersion) = stored.Value;
        var mine = Form;
        static string? Choice(List<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> items, string? value) =>
            items.FirstOrDefault(i => i.Value == (value ?? string.Empty))?.Text ?? value;
        var sources = Sources.ToList();
        var fields = new (string Name, string Label, string? Theirs, string? Yours, string? YourValue)[]
        {
            (nameof(AreaForm.Number), "Number", theirs.Number, mine.Number, mine.Number),
            (nameof(AreaForm.Title), "Area for improvement", theirs.Title, mine.Title, mine.Title),
            (nameof(AreaForm.ThemeId), "Theme", Choice(Themes, theirs.ThemeId?.ToString(System.Globalization.CultureInfo.InvariantCulture)), Choice(Themes, mine.ThemeId?.ToString(System.Globalization.CultureInfo.InvariantCulture)), mine.ThemeId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty),
            (nameof(AreaForm.SourceKind), "Where it comes from", Choice(sources, theirs.SourceKind?.ToString()), Choice(sources, mine.SourceKind?.ToString()), mine.SourceKind?.ToString() ?? string.Empty),
            (nameof(AreaForm.SourceReference), "Source reference", theirs.SourceReference, mine.SourceReference, mine.SourceReference),
            (nameof(AreaForm.Leads), "Lead", theirs.Leads, mine.Leads, mine.Leads),
            (nameof(AreaForm.SeniorLeads), "Senior lead", theirs.SeniorLeads, mine.SeniorLeads, mine.SeniorLeads),
            (nameof(AreaForm.LinkedPlans), "Linked plans", theirs.LinkedPlans, mine.LinkedPlans, mine.LinkedPlans),
            (nameof(AreaForm.Partners), "Partners", theirs.Partners, mine.Partners, mine.Partners),
            (nameof(AreaForm.Objectives), "Objectives", theirs.Objectives, mine.Objectives, mine.Objectives),
            (nameof(AreaForm.Outcomes), "Expected outcomes", theirs.Outcomes, mine.Outcomes, mine.Outcomes),
            (nameof(AreaForm.MeasuresOfSuccess), "Measures of success", theirs.MeasuresOfSuccess, mine.MeasuresOfSuccess, mine.MeasuresOfSuccess),
            (nameof(AreaForm.RagCode), "Overall progress rating", Choice(Ratings, theirs.RagCode), Choice(Ratings, mine.RagCode), mine.RagCode ?? string.Empty),
        };
        var compared = fields.Select(f => new ConflictField(f.Label, f.Theirs, f.Yours)).ToList();
        Conflict = new ConflictView
        {
            What = "area",
            TheirSave = await LastSave.FindAsync(_db, nameof(Area), AreaId, ct),
            Fields = compared,
            KeepTheirsUrl = $"/plans/{PlanId}/areas/{AreaId}",
            Mine = [new(nameof(Version), theirVersion.ToString()), .. fields.Select(f => new KeyValuePair<string, string?>("Form." + f.Name, f.YourValue))],
        };
        YourValues = fields.Zip(compared).Where(p => p.Second.Differs).ToDictionary(p => p.First.Name, p => (string?)(p.First.YourValue ?? string.Empty));
        ModelState.Clear();
        ModelState.AddModelError(string.Empty, "Someone else saved this area while you were editing it");
        (Form, Version) = (theirs, theirVersion);
        var page = Page();
        page.StatusCode = StatusCodes.Status409Conflict;
        return page;
    }

    private async Task<(AreaForm Form, Guid Version)?> LoadStoredAsync(CancellationToken ct)
    {
        var area = await _db.Areas.AsNoTracking()
            .Where(a => a.Id == AreaId && a.PlanId == PlanId && a.Plan.OrganisationId == organisation.Id)
            .Select(a => new
            {
                a.Number,
                a.Title,
                a.ThemeId,
                a.SourceKind,
                a.SourceReference,
                a.LinkedPlans,
                a.Partners,
                a.Objectives,
                a.Outcomes,
                a.MeasuresOfSuccess,
                a.RagCode,
                a.Version,
                Leads = a.Leads.OrderBy(l => l.SortOrder).Select(l => new { l.Role, Initials = l.Person != null ? l.Person.Initials : null, Name = l.Person != null ? l.Person.Name : null, l.Text }).ToList(),
            })
            .FirstOrDefaultAsync(ct);
        if (area is null)
        {
            return null;
        }

        string Owners(LeadRole role) => string.Join(" / ", area.Leads.Where(l => l.Role == role).Select(l => l.Initials ?? l.Name ?? l.Text));
        return (new AreaForm
        {
            Number = area.Number,
            Title = area.Title,
            ThemeId = area.ThemeId,
            SourceKind = area.SourceKind,
            SourceReference = area.SourceReference,
            Leads = Owners(LeadRole.Lead),
            SeniorLeads = Owners(LeadRole.SeniorLead),
            LinkedPlans = JoinLines(area.LinkedPlans),
            Partners = JoinLines(area.Partners),
            Objectives = JoinLines(area.Objectives),
            Outcomes = JoinLines(area.Outcomes),
            MeasuresOfSuccess = JoinLines(area.MeasuresOfSuccess),
            RagCode = area.RagCode,
        }, area.Version);
    }
}
