using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Trellis.Core.Import;
using Trellis.Core.Import.Sheets;
using Trellis.Core.Interchange;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.Imports.UploadPlan;

/// <summary>
/// Upload a plan file. The form is read by hand, not bound: a file that is too large, or a body that is not a form,
/// must come back as this page with an error summary, not as a bare 400 or 413 from the framework. The antiforgery
/// token is checked once the form has been read.
/// </summary>
[IgnoreAntiforgeryToken(Order = 1001)] // after the app-wide AutoValidateAntiforgeryToken (1000), so it is the policy in force
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
[OrganisationAccess(OrganisationPermission.ManagePlans)]
public class UploadPlanModel(PlanFileReaders readers, PendingImportService imports, ImportLayoutService layouts, CurrentOrganisation organisation, IAntiforgery antiforgery, ILogger<UploadPlanModel> logger)
    : TrellisPageModel
{
    // The file plus the form around it.
    private const long MaxRequestBytes = PendingImport.MaxFileBytes + (1024 * 1024);

    /// <summary>Only names the field, for the error summary's link and the label.</summary>
    public string? Upload { get; set; }

    public string Supported => readers.Supported();

    public static string MaxSize => $"{PendingImport.MaxFileBytes / (1024 * 1024)} MB";

    public void OnGet()
    {
    }

    // No parameters to bind, not even a CancellationToken: binding would read the form first, and a body over the
    // limit would then answer a bare 400 instead of this page.
    public async Task<IActionResult> OnPostAsync()
    {
        var ct = HttpContext.RequestAborted;
        if (Request.ContentLength > MaxRequestBytes)
        {
            return TooLarge();
        }

        IFormCollection form;
        try
        {
            form = await Request.ReadFormAsync(ct);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge();
        }
        catch (InvalidDataException)
        {
            // The form reader's limits (body length, header sizes) say too large or malformed the same way.
            return TooLarge();
        }
        catch (IOException)
        {
            ModelState.AddModelError(nameof(Upload), "The file could not be uploaded. Try again");
            return PageWithErrors();
        }

        if (!await antiforgery.IsRequestValidAsync(HttpContext))
        {
            ModelState.AddModelError(nameof(Upload), "This form had expired. Select the file again and upload it");
            return PageWithErrors();
        }

        var file = form.Files.GetFile(nameof(Upload));
        if (file is null || (file.Length == 0 && string.IsNullOrEmpty(file.FileName)))
        {
            ModelState.AddModelError(nameof(Upload), "Select a plan file");
            return PageWithErrors();
        }

        var name = Path.GetFileName(file.FileName);
        if (file.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), $"{name} is empty");
            return PageWithErrors();
        }

        if (file.Length > PendingImport.MaxFileBytes)
        {
            return TooLarge(name);
        }

        var reader = readers.For(name);
        if (reader is null)
        {
            ModelState.AddModelError(nameof(Upload), $"{name} is not a file Trellis can import. {Supported}");
            return PageWithErrors();
        }

        var bytes = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(bytes, ct);
        }

        if (UploadCheck.Problem(name, bytes) is { } wrongType)
        {
            ModelState.AddModelError(nameof(Upload), wrongType);
            return PageWithErrors();
        }

        PlanReadResult result;
        SheetLayout? sheet = null;
        try
        {
            if (ImportDisplay.IsSpreadsheet(name))
            {
                // Read with the columns this council confirmed for the same layout, if it has; the next page shows them.
                var analysis = await SpreadsheetPlanReader.AnalyseAsync(new MemoryStream(bytes, writable: false), name, ct);
                sheet = analysis.PlanSheet;
                var remembered = sheet is null ? null : await layouts.FindAsync(organisation.Id, sheet.Signature, ct);
                result = await SpreadsheetPlanReader.ReadAsync(new MemoryStream(bytes, writable: false), name, remembered, ct);
            }
            else
            {
                result = await reader.ReadAsync(new MemoryStream(bytes, writable: false), name, ct);
            }
        }
#pragma warning disable CA1031 // A file that breaks a reader is the uploader's problem to hear about, not a crash page.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            logger.LogWarning(e, "Reading uploaded plan file {Name} failed", name);
            ModelState.AddModelError(nameof(Upload), $"{name} could not be read. Check that it is a {reader.FileType} file and that it opens");
            return PageWithErrors();
        }

        if (sheet is not null)
        {
            // A plan table was found: the columns page can put right what the guessed columns got wrong.
            var document = result.Document ?? new PlanDocument
            {
                Organisation = new OrganisationDoc { Name = organisation.Name },
                Plan = new PlanDoc { Title = Path.GetFileNameWithoutExtension(name) },
                Areas = [],
            };
            var pending = await imports.CreateAsync(organisation.Id, name, document, bytes, ct);
            return Redirect($"/imports/{pending}/columns");
        }

        if (!result.Succeeded)
        {
            Problems = result.Problems;
            ModelState.AddModelError(nameof(Upload), $"{name} could not be imported because of {Count(result.Problems.Count, "problem")} in the file");
            return PageWithErrors();
        }

        var id = await imports.CreateAsync(organisation.Id, name, result.Document!, bytes, ct);
        return Redirect($"/imports/{id}");
    }

    /// <summary>The problems found in an uploaded file, shown under the error summary.</summary>
    public IReadOnlyList<InterchangeProblem> Problems { get; private set; } = [];

    public static string Count(int n, string what) => n == 1 ? $"1 {what}" : $"{n} {what}s";

    private PageResult TooLarge(string? name = null)
    {
        ModelState.AddModelError(nameof(Upload), $"{name ?? "The selected file"} must be smaller than {MaxSize}");
        return PageWithErrors();
    }
}
