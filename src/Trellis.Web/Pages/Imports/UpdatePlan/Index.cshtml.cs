using Microsoft.AspNetCore.Mvc;
using Trellis.Core.Import;
using Trellis.Core.Interchange;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.Imports.UpdatePlan;

/// <summary>
/// What importing the file into an existing plan will do: what is matched, new or only in Trellis, the changes taken
/// from the file, and each conflict (changed in the file and in Trellis) with the choice of value. Confirming applies it.
/// </summary>
public class UpdatePlanModel(PendingImportService imports, PlanUpdater updater, CurrentOrganisation organisation) : ImportPage(imports, organisation)
{
    public const string KeepTrellis = "trellis";
    public const string UseFile = "file";

    private readonly CurrentOrganisation _organisation = organisation;

    public UpdatePreview Preview { get; private set; } = new();

    /// <summary>The conflicts' keys as shown, and each one's choice: "trellis" (the default) or "file".</summary>
    [BindProperty]
    public List<string> Keys { get; set; } = [];

    [BindProperty]
    public List<string?> Answers { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await PreviewAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await PreviewAsync(ct) is { } elsewhere)
        {
            return elsewhere;
        }

        if (!Preview.Succeeded)
        {
            return PageWithErrors();
        }

        var keys = Preview.Conflicts.Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        var takeFromFile = Keys.Where((key, i) => i < Answers.Count && Answers[i] == UseFile && keys.Contains(key)).ToHashSet(StringComparer.Ordinal);
        if (await ConfirmAsync(takeFromFile, ct) is { } done)
        {
            return done;
        }

        return PageWithErrors();
    }

    public string Choice(Conflict conflict)
    {
        var i = Keys.IndexOf(conflict.Key);
        return i >= 0 && i < Answers.Count && Answers[i] == UseFile ? UseFile : KeepTrellis;
    }

    public static string Kind(MatchKind kind) => kind switch
    {
        MatchKind.Matched => "Matched",
        MatchKind.New => "New: added",
        MatchKind.OnlyInTrellis => "Not in the file: kept as it is",
        _ => "Deleted in Trellis since the last import: not added again",
    };

    private async Task<IActionResult?> PreviewAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } elsewhere)
        {
            return elsewhere;
        }

        if (Pending.TargetPlanId is not { } planId)
        {
            return Redirect($"{ReviewUrl}#target");
        }

        Preview = await updater.PreviewAsync(_organisation.Id, planId, Document, ct);
        foreach (var problem in Preview.Problems)
        {
            ModelState.AddModelError(string.Empty, $"{problem.Path}: {problem.Message}");
        }

        return null;
    }
}
