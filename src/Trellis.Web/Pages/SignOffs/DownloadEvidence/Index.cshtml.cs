using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Trellis.Core.Accounts;
using Trellis.Core.Data;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.SignOffs.DownloadEvidence;

/// <summary>
/// One evidence file, always as a download (never shown in the browser, never sniffed), only to people who can see
/// the action; the file is found through the action, plan and organisation in the route.
/// </summary>
[PlanAccess(PlanPermission.ViewAction)]
public class DownloadEvidenceModel(TrellisDbContext db, CurrentOrganisation organisation) : TrellisPageModel
{
    [FromRoute]
    public int PlanId { get; set; }

    [FromRoute]
    public int ActionId { get; set; }

    [FromRoute]
    public int FileId { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var file = await db.SignOffEvidence.AsNoTracking()
            .Where(f => f.Id == FileId && f.ActionId == ActionId
                && db.Actions.Any(a => a.Id == ActionId && a.Area.PlanId == PlanId && a.Area.Plan.OrganisationId == organisation.Id))
            .Select(f => new { f.FileName, f.ContentType, f.Content })
            .FirstOrDefaultAsync(ct);
        if (file is null)
        {
            return NotFound();
        }

        Response.Headers["X-Content-Type-Options"] = "nosniff";
        Response.Headers["Content-Security-Policy"] = "sandbox; default-src 'none'";
        Response.Headers.CacheControl = "private, no-store";
        return File(file.Content, file.ContentType, file.FileName);
    }
}
