using Microsoft.AspNetCore.Mvc;
using Trellis.Core.Accounts;
using Trellis.Core.Dates;
using Trellis.Core.Import;
using Trellis.Core.Interchange;
using Trellis.Core.Plans;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.Imports;

/// <summary>
/// Shared by the pages of one pending import: finds it (404 for another council's or one that was discarded; the
/// new plan once it has been confirmed) and saves a changed document, turning its problems into page errors.
/// </summary>
[PlanAccess(PlanPermission.Manage)]
public abstract class ImportPage(PendingImportService imports, CurrentOrganisation organisation) : TrellisPageModel
{
    [FromRoute]
    public Guid ImportId { get; set; }

    public PendingImportView Pending { get; private set; } = null!;

    public PlanDocument Document => Pending.Document!;

    public string ReviewUrl => $"/imports/{ImportId}";

    /// <summary>Null when the import was found and is still pending; otherwise where to go instead.</summary>
    protected async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var pending = await imports.GetAsync(organisation.Id, ImportId, ct);
        if (pending is null)
        {
            return NotFound();
        }

        if (pending.ImportedPlanId is { } planId)
        {
            return Redirect($"/plans/{planId}");
        }

        Pending = pending;
        return null;
    }

    /// <summary>Saves the changed document; false (with page errors) when it is no longer a sound plan.</summary>
    protected async Task<bool?> SaveAsync(PlanDocument document, CancellationToken ct)
    {
        var problems = await imports.SaveDocumentAsync(organisation.Id, ImportId, document, ct);
        if (problems is null)
        {
            return null;
        }

        foreach (var problem in problems)
        {
            ModelState.AddModelError(string.Empty, $"{problem.Path}: {problem.Message}");
        }

        return problems.Count == 0;
    }

    /// <summary>
    /// Stores the import (a new plan, or the update of its chosen plan) and goes to the plan with a banner; null, with
    /// the problems as page errors, when nothing could be stored.
    /// </summary>
    protected async Task<IActionResult?> ConfirmAsync(IReadOnlySet<string>? takeFromFile, CancellationToken ct)
    {
        var confirmed = await imports.ConfirmAsync(organisation.Id, ImportId, takeFromFile, ct);
        if (confirmed is null)
        {
            return NotFound();
        }

        if (confirmed is { PlanId: { } planId })
        {
            if (confirmed.Import is { } import)
            {
                TempData["Notice"] = ImportDisplay.Outcome(import, confirmed.Updated);
            }

            return Redirect($"/plans/{planId}");
        }

        foreach (var problem in confirmed.Problems)
        {
            ModelState.AddModelError(string.Empty, $"{problem.Path}: {problem.Message}");
        }

        return null;
    }

    protected bool HasArea(int index) => index >= 0 && index < Document.Areas.Count;

    protected bool HasAction(int area, int action) => HasArea(area) && action >= 0 && action < (Document.Areas[area].Actions?.Count ?? 0);
}

/// <summary>How the parts of an uploaded document read on the review pages.</summary>
public static class ImportDisplay
{
    /// <summary>"SK (Sam Kaur)", a name, or a job title.</summary>
    public static string Person(PersonDoc person)
    {
        var name = person.Name ?? person.JobTitle;
        return person.Initials is { } initials
            ? name is null ? initials : $"{initials} ({name})"
            : name ?? person.Id;
    }

    public static List<OwnerView> Owners(PlanDocument document, IEnumerable<OwnerDoc>? owners) =>
    [
        .. (owners ?? []).Select(o => o.Person is { } id
            ? new OwnerView(0, document.People?.Find(p => p.Id == id) is { } person ? Person(person) : id, null)
            : new OwnerView(null, o.Text ?? string.Empty, null)),
    ];

    /// <summary>The due date as written and as it will be stored: read from the text when the document gives no precision.</summary>
    public static DueView Due(PlanDocument document, DueDoc? due)
    {
        if (due is null)
        {
            return new DueView(string.Empty, null, DuePrecision.None, false, false);
        }

        if (due.Precision is null || !InterchangeWords.Precision.TryRead(due.Precision, out var precision))
        {
            var reading = DueDateReader.Read(due.Text, DueOptions(document));
            return new DueView(due.Text, reading.Date, reading.Precision, false, false);
        }

        return new DueView(due.Text, due.Date, precision, false, false);
    }

    public static DueDateReaderOptions DueOptions(PlanDocument document) => new() { BareQuartersAreFinancial = document.Plan.QuartersAreFinancial };

    /// <summary>The plan's progress scale, or the default one a plan gets when its document has none.</summary>
    public static RagLookup Ratings(PlanDocument document) => new(ProgressScale(document));

    public static List<RagLabel> ProgressScale(PlanDocument document) => document.Plan.RagScales?.Progress is { } scale
        ? [.. scale.Select(r => new RagLabel(r.Code, r.Label, r.Meaning, RagRating.ColourFor(r.Code, r.Label), r.Complete ?? false))]
        : [.. RagRating.DefaultScale(RagScale.Progress).Select(RagLabel.From)];

    /// <summary>What the notification banner says once an import is stored.</summary>
    public static string Outcome(ImportResult import, bool updated) =>
        updated
            ? $"Plan updated: {Count(import.AreasAdded, "area", "areas")} and {Count(import.ActionsAdded, "action", "actions")} added, {Count(import.ChangesApplied + import.ConflictsTookFile, "change", "changes")} from the file"
            : $"Plan imported: {Count(import.Areas, "area", "areas")}, {Count(import.Actions, "action", "actions")}";

    /// <summary>A spreadsheet has a column step before the review.</summary>
    public static bool IsSpreadsheet(string name) =>
        Path.GetExtension(name) is { } extension
        && (extension.Equals(".xlsx", StringComparison.OrdinalIgnoreCase) || extension.Equals(".csv", StringComparison.OrdinalIgnoreCase));

    public static SourceKind? Source(string? word) => InterchangeWords.SourceKind.TryRead(word, out var kind) ? kind : null;

    public static ActionStatus? Status(string? word) => InterchangeWords.ActionStatus.TryRead(word, out var status) ? status : null;

    public static string Count(int n, string one, string many) => n == 1 ? $"1 {one}" : $"{n} {many}";
}
