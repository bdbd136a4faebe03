using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Trellis.Core.Import;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.Imports.MatchImportOwners;

/// <summary>
/// Every owner or lead written in a way Trellis could not match ("SK", "tbc with IT provider"), each matched to one of
/// the plan's people or left as written. A match applies everywhere the text is used.
/// </summary>
public class MatchImportOwnersModel(PendingImportService imports, CurrentOrganisation organisation) : ImportPage(imports, organisation)
{
    public sealed class Match
    {
        public string Text { get; set; } = string.Empty;
        public string? Person { get; set; }
    }

    [BindProperty]
    public List<Match> Matches { get; set; } = [];

    public List<(string Text, int Uses)> Unmatched { get; private set; } = [];
    public List<SelectListItem> People { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await FindAsync(ct) is { } elsewhere)
        {
            return elsewhere;
        }

        Matches = [.. Unmatched.Select(u => new Match { Text = u.Text })];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await FindAsync(ct) is { } elsewhere)
        {
            return elsewhere;
        }

        var ids = (Document.People ?? []).Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var document = Document;
        for (var i = 0; i < Matches.Count; i++)
        {
            var match = Matches[i];
            if (string.IsNullOrEmpty(match.Person))
            {
                continue;
            }

            if (!ids.Contains(match.Person))
            {
                ModelState.AddModelError($"{nameof(Matches)}[{i}].{nameof(Match.Person)}", $"Select a person from the list for '{match.Text}'");
                continue;
            }

            document = PlanDocumentEdits.MatchOwner(document, match.Text, match.Person);
        }

        if (!ModelState.IsValid)
        {
            return PageWithErrors();
        }

        return await SaveAsync(document, ct) switch
        {
            null => NotFound(),
            false => PageWithErrors(),
            true => Redirect($"{ReviewUrl}#summary"),
        };
    }

    private async Task<IActionResult?> FindAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } elsewhere)
        {
            return elsewhere;
        }

        Unmatched = PlanDocumentEdits.UnmatchedOwners(Document);
        People = [new("Leave as written", string.Empty), .. (Document.People ?? []).Select(p => new SelectListItem(ImportDisplay.Person(p), p.Id))];
        return null;
    }
}
