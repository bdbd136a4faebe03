using Microsoft.AspNetCore.Mvc;
using Trellis.Core.Accounts;
using Trellis.Core.Audit;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.History;

/// <summary>
/// Shared by the history pages (plan, area, action, indicator): the subject in the caller's organisation
/// or 404, its audit records newest first a page at a time, and the same records as a CSV download.
/// </summary>
[PlanAccess(PlanPermission.View)]
public abstract class HistoryPage(AuditService audit, CurrentOrganisation organisation) : TrellisPageModel
{
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public AuditHistoryPage History { get; private set; } = new([], 1, 1, 0);

    /// <summary>What the history is of, for the heading ("Action 1.2: Recruit…").</summary>
    public string Subject { get; protected set; } = string.Empty;

    public string BackLink { get; protected set; } = "/plans";

    public string BackText { get; protected set; } = "Back";

    /// <summary>This page's own path, for the pagination and download links.</summary>
    public string PagePath => Request.Path;

    protected int OrganisationId => organisation.Id;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadSubjectAsync(ct))
        {
            return NotFound();
        }

        History = await audit.HistoryAsync(Filter, PageNumber, ct);
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        if (!await LoadSubjectAsync(ct))
        {
            return NotFound();
        }

        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"{FileName}\"";
        await audit.ExportAsync(Filter, AuditExportFormat.Csv, Response.Body, ct);
        return new EmptyResult();
    }

    protected abstract AuditFilter Filter { get; }

    protected abstract string FileName { get; }

    /// <summary>Finds the subject in the current organisation and sets <see cref="Subject"/>; false when there is none.</summary>
    protected abstract Task<bool> LoadSubjectAsync(CancellationToken ct);
}
