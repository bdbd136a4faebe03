using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Trellis.Core.Import;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.Imports.PlaceUnplacedText;

/// <summary>Moves a piece of text the importer could not place into an action's comments, or removes it.</summary>
public class PlaceUnplacedTextModel(PendingImportService imports, CurrentOrganisation organisation) : ImportPage(imports, organisation)
{
    public const string Remove = "remove";

    [FromRoute]
    public int TextIndex { get; set; }

    /// <summary>"remove", or "area:action" positions of the action whose comments take the text.</summary>
    [BindProperty]
    public string? Target { get; set; }

    /// <summary>The text as shown, so that a stale form (another tab removed an earlier text) changes nothing.</summary>
    [BindProperty]
    public string? Shown { get; set; }

    public string Text { get; private set; } = string.Empty;
    public List<SelectListItem> Places { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await FindAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await FindAsync(ct) is { } elsewhere)
        {
            return elsewhere;
        }

        // Browsers send line breaks in form fields as CRLF.
        if (!string.Equals(Shown?.ReplaceLineEndings("\n"), Text.ReplaceLineEndings("\n"), StringComparison.Ordinal))
        {
            return Redirect($"{ReviewUrl}#unplaced");
        }

        var document = Document;
        if (Target == Remove)
        {
            document = PlanDocumentEdits.DismissUnplaced(document, TextIndex);
        }
        else if (ParseTarget(Target) is { } place && HasAction(place.Area, place.Action))
        {
            document = PlanDocumentEdits.PlaceInComments(document, TextIndex, place.Area, place.Action);
        }
        else
        {
            ModelState.AddModelError(nameof(Target), "Select where the text should go, or remove it");
            return PageWithErrors();
        }

        return await SaveAsync(document, ct) switch
        {
            null => NotFound(),
            false => PageWithErrors(),
            true => Redirect($"{ReviewUrl}#unplaced"),
        };
    }

    private static (int Area, int Action)? ParseTarget(string? target)
    {
        var parts = (target ?? string.Empty).Split(':');
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var area)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var action)
            ? (area, action)
            : null;
    }

    private async Task<IActionResult?> FindAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } elsewhere)
        {
            return elsewhere;
        }

        var unplaced = Document.Unplaced ?? [];
        if (TextIndex < 0 || TextIndex >= unplaced.Count)
        {
            return NotFound();
        }

        Text = unplaced[TextIndex];
        Places =
        [
            new("Select an action", string.Empty),
            .. Document.Areas.SelectMany((area, a) => (area.Actions ?? []).Select((action, x) => new SelectListItem(
                $"Area {area.Number}, action {action.Ref}: {Shorten(action.Text)}", string.Create(CultureInfo.InvariantCulture, $"{a}:{x}")))),
            new("Nowhere: remove the text, it is not needed", Remove),
        ];
        return null;
    }

    private static string Shorten(string text) => text.Length <= 70 ? text : text[..70].TrimEnd() + "…";
}
