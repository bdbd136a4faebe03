using System.Text;
using Microsoft.AspNetCore.Mvc;
using Trellis.Core.Accounts;
using Trellis.Core.Interchange;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.Plans.ExportPlan;

/// <summary>The whole plan as a plan interchange document, for backup, moving or re-importing.</summary>
[PlanAccess(PlanPermission.DownloadReports)]
public class ExportPlanModel(PlanExporter exporter, CurrentOrganisation organisation) : TrellisPageModel
{
    [FromRoute]
    public int PlanId { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var document = await exporter.ExportAsync(organisation.Id, PlanId, ct);
        if (document is null)
        {
            return NotFound();
        }

        var name = new string([.. document.Plan.Title.Select(c => char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-')]).Trim('-');
        return File(Encoding.UTF8.GetBytes(PlanJson.Write(document)), "application/json", $"{(name.Length == 0 ? "plan" : name)}.plan.json");
    }
}
