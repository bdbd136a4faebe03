using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Trellis.Core.Data;
using Trellis.Core.Owners;
using Trellis.Core.Plans;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.Areas;

/// <summary>Shared by the add and edit area pages: choices for the selects and the owner echo.</summary>
public abstract class AreaFormPage(TrellisDbContext db, PlanService plans) : TrellisPageModel
{
    [FromRoute]
    public int PlanId { get; set; }

    [BindProperty]
    public AreaForm Form { get; set; } = new();

    public List<SelectListItem> Themes { get; private set; } = [];
    public List<SelectListItem> Ratings { get; private set; } = [];
    public List<OwnerReading> LeadsRead { get; private set; } = [];
    public List<OwnerReading> SeniorLeadsRead { get; private set; } = [];

    /// <summary>After a lost save: your values of the fields that differ from the saved version the form now holds.</summary>
    public IReadOnlyDictionary<string, string?> YourValues { get; protected set; } = new Dictionary<string, string?>();

    public string? Yours(string field) => YourValues.GetValueOrDefault(field);

    public static IEnumerable<SelectListItem> Sources =>
        [new("Not recorded", string.Empty), .. Enum.GetValues<SourceKind>().Select(k => new SelectListItem(Display.Source(k), k.ToString()))];

    protected async Task LoadChoicesAsync(CancellationToken ct)
    {
        Themes = [new("No theme", string.Empty), .. await db.Themes.Where(t => t.PlanId == PlanId).OrderBy(t => t.SortOrder)
            .Select(t => new SelectListItem(t.Key + ". " + t.Title, t.Id.ToString())).ToListAsync(ct)];
        Ratings = [new("Not rated", string.Empty), .. await db.RagRatings.Where(r => r.PlanId == PlanId && r.Scale == RagScale.Progress).OrderBy(r => r.SortOrder)
            .Select(r => new SelectListItem(r.Label, r.Code)).ToListAsync(ct)];
    }

    protected async Task<AreaInput?> ValidatedInputAsync(CancellationToken ct)
    {
        Form.Validate(ModelState, nameof(Form));
        var people = await plans.KeyLeadsAsync(PlanId, ct);
        LeadsRead = [.. OwnerReader.Read(Form.Leads, people)];
        SeniorLeadsRead = [.. OwnerReader.Read(Form.SeniorLeads, people)];
        if (!ModelState.IsValid)
        {
            return null;
        }

        return new AreaInput(Form.Number!, Form.Title!, Form.ThemeId, Form.SourceKind, Form.SourceReference,
            Form.Leads, Form.SeniorLeads, Lines(Form.LinkedPlans), Lines(Form.Partners), Lines(Form.Objectives),
            Lines(Form.Outcomes), Lines(Form.MeasuresOfSuccess), Form.RagCode);
    }

    protected Task<bool> PlanIsOursAsync(int organisationId, CancellationToken ct) =>
        db.Plans.AnyAsync(p => p.Id == PlanId && p.OrganisationId == organisationId, ct);
}
