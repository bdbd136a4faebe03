using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Trellis.Core.Import;
using Trellis.Core.Import.Sheets;
using Trellis.Core.Interchange;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.Imports.CheckColumns;

/// <summary>
/// For a spreadsheet: what each column of its plan table holds, as Trellis guessed it (or as the council last
/// confirmed for a sheet laid out the same way). Saving reads the uploaded file again with the chosen columns and
/// remembers them for next time.
/// </summary>
public class CheckColumnsModel(PendingImportService imports, ImportLayoutService layouts, CurrentOrganisation organisation) : ImportPage(imports, organisation)
{
    private readonly PendingImportService _imports = imports;
    private readonly CurrentOrganisation _organisation = organisation;

    /// <summary>The role of each column, in the order of <see cref="Layout"/>'s columns.</summary>
    [BindProperty]
    public List<ColumnRole> Roles { get; set; } = [];

    public SheetLayout? Layout { get; private set; }
    public bool Remembered { get; private set; }
    public IReadOnlyList<InterchangeProblem> Problems { get; private set; } = [];

    public static IEnumerable<SelectListItem> RoleChoices => ColumnRoles.All.Select(r => new SelectListItem(ColumnRoles.Label(r), r.ToString()));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await AnalyseAsync(ct) is { } elsewhere)
        {
            return elsewhere;
        }

        if (Layout is not null)
        {
            var remembered = await layouts.FindAsync(_organisation.Id, Layout.Signature, ct);
            Remembered = remembered is not null;
            var mapping = remembered ?? _analysis!.Proposed;
            Roles = [.. Layout.Columns.Select(c => mapping?.RoleOf(c.Index) ?? ColumnRole.Ignore)];
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await AnalyseAsync(ct) is { } elsewhere)
        {
            return elsewhere;
        }

        if (Layout is null)
        {
            return Page();
        }

        if (Roles.Count != Layout.Columns.Count)
        {
            // The form was for another file; show this one's columns.
            return Redirect($"{ReviewUrl}/columns");
        }

        if (!Roles.Any(r => r is ColumnRole.ActionText or ColumnRole.AreaTitle or ColumnRole.Recommendation))
        {
            ModelState.AddModelError($"{nameof(Roles)}[0]", "Choose the column that holds the actions, or the area for improvement");
            return PageWithErrors();
        }

        var mapping = new ColumnMapping(Layout.Columns.Select((c, i) => (c.Index, Role: Roles[i])).Where(x => x.Role != ColumnRole.Ignore).ToDictionary(x => x.Index, x => x.Role));
        var result = await SpreadsheetPlanReader.ReadAsync(new MemoryStream(_file!, writable: false), Pending.SourceName, mapping, ct);
        if (!result.Succeeded)
        {
            Problems = result.Problems;
            ModelState.AddModelError($"{nameof(Roles)}[0]", $"Trellis could not read the plan with these columns: {ImportDisplay.Count(result.Problems.Count, "problem", "problems")} listed below");
            return PageWithErrors();
        }

        return await SaveAsync(result.Document!, ct) switch
        {
            null => NotFound(),
            false => PageWithErrors(),
            true => await RememberAsync(mapping, ct),
        };
    }

    private SheetAnalysis? _analysis;
    private byte[]? _file;

    private async Task<IActionResult> RememberAsync(ColumnMapping mapping, CancellationToken ct)
    {
        await layouts.SaveAsync(_organisation.Id, Layout!.Signature, mapping, ct);
        return Redirect(ReviewUrl);
    }

    private async Task<IActionResult?> AnalyseAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } elsewhere)
        {
            return elsewhere;
        }

        _file = await _imports.FileAsync(_organisation.Id, ImportId, ct);
        if (_file is null || !ImportDisplay.IsSpreadsheet(Pending.SourceName))
        {
            return NotFound();
        }

        _analysis = await SpreadsheetPlanReader.AnalyseAsync(new MemoryStream(_file, writable: false), Pending.SourceName, ct);
        Layout = _analysis.PlanSheet;
        Problems = _analysis.Problems;
        return null;
    }
}
