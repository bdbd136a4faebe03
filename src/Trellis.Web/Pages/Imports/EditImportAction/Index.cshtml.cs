using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Trellis.Core.Dates;
using Trellis.Core.Import;
using Trellis.Core.Interchange;
using Trellis.Core.Plans;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.Imports.EditImportAction;

/// <summary>Changes one action of an uploaded plan before it is imported, or leaves it out.</summary>
public class EditImportActionModel(PendingImportService imports, CurrentOrganisation organisation) : ImportPage(imports, organisation)
{
    [FromRoute]
    public int AreaIndex { get; set; }

    [FromRoute]
    public int ActionIndex { get; set; }

    [BindProperty]
    public string? Ref { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    [BindProperty]
    public string? Owners { get; set; }

    [BindProperty]
    public string? Due { get; set; }

    [BindProperty]
    public string? Status { get; set; }

    [BindProperty]
    public string? Rag { get; set; }

    [BindProperty]
    public string? Comments { get; set; }

    /// <summary>The action's reference and text when the form was opened: a form opened before another was removed must not change its neighbour.</summary>
    [BindProperty]
    public string? Opened { get; set; }

    /// <summary>The warnings still to check; one left unticked has been dealt with.</summary>
    [BindProperty]
    public List<string> Keep { get; set; } = [];

    public List<string> Warnings { get; private set; } = [];
    public string AreaLabel { get; private set; } = string.Empty;
    public List<SelectListItem> Ratings { get; private set; } = [];

    public static IEnumerable<SelectListItem> Statuses =>
        [new("No status", string.Empty), .. Enum.GetValues<ActionStatus>().Select(s => new SelectListItem(Display.Status(s), InterchangeWords.ActionStatus.Word(s)))];

    public string BackUrl => $"{ReviewUrl}#area-{AreaIndex + 1}-action-{ActionIndex + 1}";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await FindAsync(ct) is { } elsewhere)
        {
            return elsewhere;
        }

        var action = Document.Areas[AreaIndex].Actions![ActionIndex];
        Ref = action.Ref;
        Text = action.Text;
        Owners = PlanDocumentEdits.WriteOwners(Document, action.Owners);
        Due = action.Due?.Text;
        Status = action.Status;
        Rag = action.Rag;
        Comments = action.Comments;
        Keep = [.. Warnings];
        Opened = Fingerprint(action);
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

        var old = Document.Areas[AreaIndex].Actions![ActionIndex];
        var warnings = old.Warnings?.Where(Keep.Contains).ToList() ?? [];
        var owners = old.Owners;
        var ownersText = (Owners ?? string.Empty).Trim();
        if (!string.Equals(ownersText, PlanDocumentEdits.WriteOwners(Document, old.Owners), StringComparison.Ordinal))
        {
            var (read, ownerWarnings) = PlanDocumentEdits.ReadOwners(Document, ownersText);
            owners = read.Count == 0 ? null : read;
            warnings.AddRange(ownerWarnings);
        }

        var due = old.Due;
        var dueText = (Due ?? string.Empty).Trim();
        if (!string.Equals(dueText, old.Due?.Text ?? string.Empty, StringComparison.Ordinal))
        {
            // Read now, so the review shows the date as it will be stored; a milestone list from the old text no longer applies.
            var reading = DueDateReader.Read(dueText, ImportDisplay.DueOptions(Document));
            due = dueText.Length == 0 ? null : new DueDoc { Text = dueText, Date = reading.Date, Precision = InterchangeWords.Precision.Word(reading.Precision) };
            warnings.AddRange(reading.Warnings);
        }

        var action = old with
        {
            Ref = Ref!.Trim(),
            Text = Text!.Trim(),
            Owners = owners,
            Due = due,
            Status = string.IsNullOrEmpty(Status) ? null : Status,
            Rag = string.IsNullOrEmpty(Rag) ? null : Rag,
            Comments = string.IsNullOrWhiteSpace(Comments) ? null : Comments.Trim(),
            Warnings = warnings.Count == 0 ? null : [.. warnings.Distinct()],
        };
        return await SaveAsync(PlanDocumentEdits.ReplaceAction(Document, AreaIndex, ActionIndex, action), ct) switch
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

        return await SaveAsync(PlanDocumentEdits.RemoveAction(Document, AreaIndex, ActionIndex), ct) switch
        {
            null => NotFound(),
            false => PageWithErrors(),
            true => Redirect($"{ReviewUrl}#area-{AreaIndex + 1}"),
        };
    }

    private async Task<IActionResult?> FindAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } elsewhere)
        {
            return elsewhere;
        }

        if (!HasAction(AreaIndex, ActionIndex))
        {
            return NotFound();
        }

        var area = Document.Areas[AreaIndex];
        AreaLabel = $"Area {area.Number}, action {area.Actions![ActionIndex].Ref}";
        Warnings = area.Actions![ActionIndex].Warnings ?? [];
        Ratings = [new("Not rated", string.Empty), .. ImportDisplay.ProgressScale(Document).Select(r => new SelectListItem(r.Label, r.Code))];
        return null;
    }

    private static string Fingerprint(ActionDoc action) => $"{action.Ref}\n{action.Text}".ReplaceLineEndings("\n");

    // A form without the field (an old page) is trusted; one that names another action is not.
    private bool Moved() => Opened is not null
        && !string.Equals(Opened.ReplaceLineEndings("\n"), Fingerprint(Document.Areas[AreaIndex].Actions![ActionIndex]), StringComparison.Ordinal);

    private void Validate()
    {
        if (string.IsNullOrWhiteSpace(Ref))
        {
            ModelState.AddModelError(nameof(Ref), "Enter the action's reference, for example 1.3");
        }
        else if (Ref.Trim().Length > PlanAction.RefMaxLength)
        {
            ModelState.AddModelError(nameof(Ref), $"The reference must be {PlanAction.RefMaxLength} characters or fewer");
        }

        if (string.IsNullOrWhiteSpace(Text))
        {
            ModelState.AddModelError(nameof(Text), "Enter what will be done");
        }
        else if (Text.Trim().Length > PlanAction.TextMaxLength)
        {
            ModelState.AddModelError(nameof(Text), $"The action must be {PlanAction.TextMaxLength} characters or fewer");
        }

        if (Due?.Trim().Length > Core.Plans.Due.TextMaxLength)
        {
            ModelState.AddModelError(nameof(Due), $"The target date must be {Core.Plans.Due.TextMaxLength} characters or fewer");
        }

        if (Comments?.Trim().Length > PlanAction.CommentsMaxLength)
        {
            ModelState.AddModelError(nameof(Comments), $"Comments must be {PlanAction.CommentsMaxLength} characters or fewer");
        }
    }
}
