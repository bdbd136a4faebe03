using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Trellis.Core.Accounts;
using Trellis.Core.Data;
using Trellis.Core.Indicators;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.Indicators.ImportValues;

/// <summary>
/// Paste a table or upload a .csv or .xlsx of values, check what it would do, then confirm. Between the two steps the
/// table itself travels in the confirm form (the pasted text, or the file as base64), not in a table of pending
/// imports: a value table is small, the preview is worked out again from it on confirm, and a fingerprint of the
/// preview makes sure what is stored is what was shown (when the plan's values changed meanwhile, the new preview is
/// shown instead). Nothing is stored until confirmed, and then all of it in one save.
/// </summary>
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes, ValueLengthLimit = MaxRequestBytes)]
[PlanAccess(PlanPermission.Manage)]
public class ImportValuesModel(TrellisDbContext db, IndicatorValueService values, CurrentOrganisation organisation) : TrellisPageModel
{
    /// <summary>Values tables are small; this is far more than a few years of monthly figures.</summary>
    public const int MaxFileBytes = 5 * 1024 * 1024;

    private const int MaxRequestBytes = (MaxFileBytes * 2) + (1024 * 1024);

    [FromRoute]
    public int PlanId { get; set; }

    [BindProperty]
    public string? Pasted { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public string? FileName { get; set; }

    [BindProperty]
    public string? FileData { get; set; }

    [BindProperty]
    public string? Fingerprint { get; set; }

    public string PlanTitle { get; private set; } = string.Empty;

    public ValueBatchResult? Preview { get; private set; }

    public IReadOnlyList<string> Notes { get; private set; } = [];

    public bool ChangedSincePreview { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    /// <summary>Reads the table and shows what it would do.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (Upload is { Length: > 0 } upload)
        {
            var name = Path.GetFileName(upload.FileName);
            if (upload.Length > MaxFileBytes)
            {
                ModelState.AddModelError(nameof(Upload), $"{name} must be smaller than {MaxFileBytes / (1024 * 1024)} MB");
                return PageWithErrors();
            }

            if (!IndicatorValueTable.CanRead(name))
            {
                ModelState.AddModelError(nameof(Upload), $"{name} is not a .csv or .xlsx file. Trellis reads indicator values from .csv and .xlsx files, or a table pasted into the box");
                return PageWithErrors();
            }

            using var buffer = new MemoryStream();
            await upload.CopyToAsync(buffer, ct);
            if (UploadCheck.Problem(name, buffer.GetBuffer().AsSpan(0, (int)buffer.Length)) is { } wrongType)
            {
                ModelState.AddModelError(nameof(Upload), wrongType);
                return PageWithErrors();
            }
            (FileName, FileData, Pasted) = (Path.GetFileName(upload.FileName), Convert.ToBase64String(buffer.ToArray()), null);
        }
        else if (string.IsNullOrWhiteSpace(Pasted))
        {
            ModelState.AddModelError(nameof(Pasted), "Paste a table of values, or choose a .csv or .xlsx file");
            return PageWithErrors();
        }
        else
        {
            (FileName, FileData) = (null, null);
        }

        return await CheckAsync(store: false, ct);
    }

    /// <summary>Stores what the preview showed, all or nothing.</summary>
    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        return await CheckAsync(store: true, ct);
    }

    private async Task<IActionResult> CheckAsync(bool store, CancellationToken ct)
    {
        var (table, source) = await ReadAsync(ct);
        if (table is null)
        {
            return PageWithErrors();
        }

        Notes = table.Notes;
        if (!table.Succeeded)
        {
            AddErrors(table.Problems);
            return PageWithErrors();
        }

        var preview = await values.RecordForPlanAsync(organisation.Id, PlanId, table.Items, source, dryRun: true, ct);
        if (!preview.Succeeded)
        {
            AddErrors(preview.Problems);
            return PageWithErrors();
        }

        var fingerprint = FingerprintOf(preview);
        if (store && fingerprint == Fingerprint)
        {
            var stored = await values.RecordForPlanAsync(organisation.Id, PlanId, table.Items, source, dryRun: false, ct);
            if (stored.Succeeded)
            {
                TempData["Notice"] = $"Values imported: {stored.Added} added, {stored.Corrected} corrected, {stored.Unchanged} unchanged";
                return Redirect($"/plans/{PlanId}/indicators");
            }

            AddErrors(stored.Problems);
            return PageWithErrors();
        }

        ChangedSincePreview = store;
        Preview = preview;
        Fingerprint = fingerprint;
        ModelState.Clear(); // the hidden fields show the values worked out here, not the ones posted
        return Page();
    }

    private async Task<(ValueTableRead? Table, string Source)> ReadAsync(CancellationToken ct)
    {
        if (FileName is { Length: > 0 } name && FileData is { Length: > 0 } data)
        {
            byte[] bytes;
            try
            {
                bytes = Convert.FromBase64String(data);
            }
            catch (FormatException)
            {
                ModelState.AddModelError(nameof(Upload), "The file could not be read again. Choose it and upload it again");
                return (null, string.Empty);
            }

            using var stream = new MemoryStream(bytes);
            return (await IndicatorValueTable.ReadFileAsync(stream, name, ct), IndicatorValueService.ImportSource(name));
        }

        if (string.IsNullOrWhiteSpace(Pasted))
        {
            ModelState.AddModelError(nameof(Pasted), "Paste a table of values, or choose a .csv or .xlsx file");
            return (null, string.Empty);
        }

        return (await IndicatorValueTable.ReadPastedAsync(Pasted, ct), IndicatorValueService.ImportSource("a pasted table"));
    }

    private void AddErrors(IEnumerable<ValueProblem> problems)
    {
        var field = FileName is null ? nameof(Pasted) : nameof(Upload);
        foreach (var problem in problems)
        {
            ModelState.AddModelError(field, problem.ToString());
        }
    }

    private static string FingerprintOf(ValueBatchResult preview)
    {
        var text = string.Join('\n', preview.Changes.Select(c => $"{c.IndicatorId}|{c.Period}|{c.Comparator}|{c.Kind}|{c.Old}|{c.New}"));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var title = await db.Plans.AsNoTracking().Where(p => p.Id == PlanId && p.OrganisationId == organisation.Id).Select(p => p.Title).FirstOrDefaultAsync(ct);
        PlanTitle = title ?? string.Empty;
        return title is not null;
    }

    public static string MaxSize => $"{MaxFileBytes / (1024 * 1024)} MB";
}
