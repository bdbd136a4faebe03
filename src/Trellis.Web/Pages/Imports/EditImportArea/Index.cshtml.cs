using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Trellis.Core.Import;
using Trellis.Core.Plans;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.Imports.EditImportArea;

/// <summary>Changes one area of an uploaded plan before it is imported, or leaves it (and its actions) out.</summary>
public class EditImportAreaModel(PendingImportService imports, CurrentOrganisation organisation) : ImportPage(imports, organisation)
{
    [FromRoute]
    public int AreaIndex { get; set; }

    [BindProperty]
    public string? Number { get; set; }

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? Theme { get; set; }

    [BindProperty]
    public string? Leads { get; set; }

    [BindProperty]
    public string? SeniorLeads { get; set; }

    [BindProperty]
    public List<string> Keep { get; set; } = [];

    /// <summary>The area's number and title when the form was opened: a form opened before another was removed must not change its neighbour.</summary>
    [BindProperty]
    public string? Opened { get; set; }

    public List<string> Warnings { get; private set; } = [];
    public List<SelectListItem> Themes { get; private set; } = [];
    public int ActionCount { get; private set; }

    public string BackUrl => $"{ReviewUrl}#area-{AreaIndex + 1}";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await FindAsync(ct) is { } elsewhere)
        {
            return elsewhere;
        }

        var area = Document.Areas[AreaIndex];
        Number = area.Number;
        Title = area.Title;
        Theme = area.Theme;
        Leads = PlanDocumentEdits.WriteOwners(Document, area.Leads);
        SeniorLeads = PlanDocumentEdits.WriteOwners(Document, area.SeniorLeads);
        Keep = [.. Warnings];
        Opened = Fingerprint(area);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await FindAsync(ct) is { } elsewhere)
        {
            return elsewhere;
        }

        if (Moved())
        {
            return Redirect($"{ReviewUrl}#areas");
        }

        Validate();
        if (!ModelState.IsValid)
        {
            return PageWithErrors();
        }

        var old = Document.Areas[AreaIndex];
        var warnings = old.Warnings?.Where(Keep.Contains).ToList() ?? [];
        var area = old with
        {
            Number = Number!.Trim(),
            Title = Title!.Trim(),
            Theme = string.IsNullOrEmpty(Theme) ? null : Theme,
            Leads = Owners(Leads, old.Leads, warnings),
            SeniorLeads = Owners(SeniorLeads, old.SeniorLeads, warnings),
        };
        area = area with { Warnings = warnings.Count == 0 ? null : [.. warnings.Distinct()] };
        return await SaveAsync(PlanDocumentEdits.ReplaceArea(Document, AreaIndex, area), ct) switch
        {
            null => NotFound(),
            false => PageWithErrors(),
            true => Redirect(BackUrl),
        };
    }

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken ct)
    {
        if (await FindAsync(ct) is { } elsewhere)
        {
            return elsewhere;
        }

        if (Moved())
        {
            return Redirect($"{ReviewUrl}#areas");
        }

        return await SaveAsync(PlanDocumentEdits.RemoveArea(Document, AreaIndex), ct) switch
        {
            null => NotFound(),
            false => PageWithErrors(),
            true => Redirect($"{ReviewUrl}#areas"),
        };
    }

    /// <summary>Leads as typed, read again only when they changed, so untouched ones keep what the importer found.</summary>
    private List<Core.Interchange.OwnerDoc>? Owners(string? typed, List<Core.Interchange.OwnerDoc>? old, List<string> warnings)
    {
        var text = (typed ?? string.Empty).Trim();
        if (string.Equals(text, PlanDocumentEdits.WriteOwners(Document, old), StringComparison.Ordinal))
        {
            return old;
        }

        var (owners, ownerWarnings) = PlanDocumentEdits.ReadOwners(Document, text);
        warnings.AddRange(ownerWarnings);
        return owners.Count == 0 ? null : owners;
    }

    private async Task<IActionResult?> FindAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } elsewhere)
        {
            return elsewhere;
        }

        if (!HasArea(AreaIndex))
        {
            return NotFound();
        }

        var area = Document.Areas[AreaIndex];
        Warnings = area.Warnings ?? [];
        ActionCount = area.Actions?.Count ?? 0;
        Themes = [new("No theme", string.Empty), .. (Document.Themes ?? []).Select(t => new SelectListItem($"{t.Key}: {t.Title}", t.Key))];
        return null;
    }

    private static string Fingerprint(Core.Interchange.AreaDoc area) => $"{area.Number}\n{area.Title}".ReplaceLineEndings("\n");

    // A form without the field (an old page) is trusted; one that names another area is not.
    private bool Moved() => Opened is not null
        && !string.Equals(Opened.ReplaceLineEndings("\n"), Fingerprint(Document.Areas[AreaIndex]), StringComparison.Ordinal);

    private void Validate()
    {
        if (string.IsNullOrWhiteSpace(Number))
        {
            ModelState.AddModelError(nameof(Number), "Enter the area's number, for example 3");
        }
        else if (Number.Trim().Length > Area.NumberMaxLength)
        {
            ModelState.AddModelError(nameof(Number), $"The number must be {Area.NumberMaxLength} characters or fewer");
        }
        else if (Document.Areas.Where((a, i) => i != AreaIndex).Any(a => string.Equals(a.Number.Trim(), Number.Trim(), StringComparison.Ordinal)))
        {
            ModelState.AddModelError(nameof(Number), $"Another area is already numbered {Number.Trim()}");
        }

        if (string.IsNullOrWhiteSpace(Title))
        {
            ModelState.AddModelError(nameof(Title), "Enter the area for improvement");
        }
        else if (Title.Trim().Length > Area.TitleMaxLength)
        {
            ModelState.AddModelError(nameof(Title), $"The area must be {Area.TitleMaxLength} characters or fewer");
        }
    }
}
