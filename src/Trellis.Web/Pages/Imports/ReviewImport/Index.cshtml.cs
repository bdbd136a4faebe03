using Microsoft.AspNetCore.Mvc;
using Trellis.Core.Import;
using Trellis.Core.Interchange;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.Imports.ReviewImport;

/// <summary>Everything an uploaded plan will create, with changes on the way, then confirm (or discard).</summary>
public class ReviewImportModel(PendingImportService imports, PlanImporter importer, PlanUpdater updater, CurrentOrganisation organisation) : ImportPage(imports, organisation)
{
    private readonly PendingImportService _imports = imports;
    private readonly CurrentOrganisation _organisation = organisation;

    public sealed record PersonRow(PersonDoc Person, bool IsNew);

    public sealed record ActionRow(int Index, ActionDoc Action, List<OwnerView> Owners, DueView Due, IReadOnlyList<string> Warnings);

    public sealed record AreaView(int Index, AreaDoc Area, string? Theme, List<OwnerView> Leads, List<OwnerView> SeniorLeads, List<ActionRow> Actions, IReadOnlyList<string> Warnings)
    {
        public string Anchor => $"area-{Index + 1}";
    }

    public List<PersonRow> People { get; private set; } = [];
    public List<AreaView> Areas { get; private set; } = [];
    public RagLookup Ratings { get; private set; } = new([]);
    public int ActionCount { get; private set; }
    public int OwnersMatched { get; private set; }
    public int OwnersUnmatched { get; private set; }
    public int WarningCount { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    /// <summary>Plans this file may be a newer version of, best first.</summary>
    public IReadOnlyList<PlanCandidate> Candidates { get; private set; } = [];

    /// <summary>"new", or the id of the plan to update.</summary>
    [BindProperty]
    public string? Target { get; set; }

    public string? TargetTitle { get; private set; }

    /// <summary>
    /// Two signs at least (same title and the same inspection, or a plan imported before from a file of the same
    /// title) and no other plan as likely: importing this as a new plan would most probably make a second copy.
    /// </summary>
    public PlanCandidate? LikelySameAs { get; private set; }

    private const int LikelySameScore = 7;

    public bool IsSpreadsheet => ImportDisplay.IsSpreadsheet(Pending.SourceName);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? await ShowAsync(ct);

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct)
    {
        if (await ConfirmAsync(null, ct) is { } done)
        {
            return done;
        }

        if (await LoadAsync(ct) is { } elsewhere)
        {
            return elsewhere;
        }

        await ShowAsync(ct);
        return PageWithErrors();
    }

    public async Task<IActionResult> OnPostTargetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } elsewhere)
        {
            return elsewhere;
        }

        int? planId = int.TryParse(Target, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;
        if (Target != "new" && planId is null)
        {
            ModelState.AddModelError(nameof(Target), "Choose whether to create a new plan or update an existing one");
            await ShowAsync(ct);
            return PageWithErrors();
        }

        if (!await _imports.SetTargetAsync(_organisation.Id, ImportId, planId, ct))
        {
            return NotFound();
        }

        return Redirect(planId is null ? $"{ReviewUrl}#confirm" : $"{ReviewUrl}/update");
    }

    public async Task<IActionResult> OnPostDiscardAsync(CancellationToken ct)
    {
        if (!await _imports.DiscardAsync(_organisation.Id, ImportId, ct))
        {
            return await LoadAsync(ct) ?? NotFound();
        }

        Notice = $"Import discarded: nothing from the file was saved";
        return Redirect("/plans");
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        var document = Document;
        var existing = await importer.ResolvePeopleAsync(_organisation.Id, document.People ?? [], ct);
        People = [.. (document.People ?? []).Select(p => new PersonRow(p, !existing.TryGetValue(p.Id.Trim(), out var found) || found.Id == 0))];
        Ratings = ImportDisplay.Ratings(document);
        var themes = (document.Themes ?? []).ToDictionary(t => t.Key.Trim(), t => t.Title, StringComparer.Ordinal);
        Areas = [.. document.Areas.Select((area, i) => new AreaView(
            i,
            area,
            area.Theme is { } key && themes.TryGetValue(key.Trim(), out var title) ? $"{key}: {title}" : area.Theme,
            ImportDisplay.Owners(document, area.Leads),
            ImportDisplay.Owners(document, area.SeniorLeads),
            [.. (area.Actions ?? []).Select((action, j) => new ActionRow(
                j,
                action,
                ImportDisplay.Owners(document, action.Owners),
                ImportDisplay.Due(document, action.Due),
                [.. action.Warnings ?? [], .. (action.Milestones ?? []).SelectMany(m => (m.Warnings ?? []).Select(w => $"Milestone '{m.Text}': {w}"))]))],
            area.Warnings ?? []))];
        ActionCount = Areas.Sum(a => a.Actions.Count);
        var owners = Areas.SelectMany(a => a.Leads.Concat(a.SeniorLeads).Concat(a.Actions.SelectMany(x => x.Owners))).ToList();
        OwnersMatched = owners.Count(o => o.IsResolved);
        OwnersUnmatched = owners.Count - OwnersMatched;
        Candidates = await updater.CandidatesAsync(_organisation.Id, document, ct);
        TargetTitle = Pending.TargetPlanId is { } target ? Candidates.FirstOrDefault(c => c.PlanId == target)?.Title ?? "the plan you chose" : null;
        LikelySameAs = Candidates.Count > 0 && Candidates[0].Score >= LikelySameScore && (Candidates.Count == 1 || Candidates[1].Score < Candidates[0].Score)
            ? Candidates[0]
            : null;

        // A file that is almost certainly a newer version of one plan starts with "update" chosen; a new plan is one click away.
        Target ??= Pending.TargetPlanId?.ToString(System.Globalization.CultureInfo.InvariantCulture)
            ?? LikelySameAs?.PlanId.ToString(System.Globalization.CultureInfo.InvariantCulture)
            ?? "new";
        WarningCount = Areas.Sum(a => a.Warnings.Count + a.Actions.Sum(x => x.Warnings.Count)) + People.Sum(p => p.Person.Warnings?.Count ?? 0);
        return Page();
    }
}
