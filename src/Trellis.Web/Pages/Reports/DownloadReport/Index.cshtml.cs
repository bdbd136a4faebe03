using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Trellis.Core.Accounts;
using Trellis.Core.Data;
using Trellis.Core.Reports;
using Trellis.Core.Reports.Html;
using Trellis.Core.Rounds;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.Reports.DownloadReport;

/// <summary>A round's board report: choose the layout and format and download it, or view it as a web page.</summary>
[PlanAccess(PlanPermission.DownloadReports)]
public class DownloadReportModel(TrellisDbContext db, ReportService reports, IEnumerable<IReportRenderer> renderers, CurrentOrganisation organisation) : TrellisPageModel
{
    public static readonly ReportLayout[] Layouts = [ReportLayout.Plan, ReportLayout.Table, ReportLayout.Exceptions, ReportLayout.Committee];

    private static readonly ReportFormat[] FormatOrder = [ReportFormat.Docx, ReportFormat.Pdf, ReportFormat.Html, ReportFormat.Xlsx];

    [FromRoute]
    public int RoundId { get; set; }

    [FromQuery]
    public ReportLayout Layout { get; set; } = ReportLayout.Plan;

    [FromQuery]
    public ReportFormat? Format { get; set; }

    public RoundSummary Round { get; private set; } = null!;

    /// <summary>The formats this installation has a renderer for, in the order they are offered.</summary>
    public IReadOnlyList<ReportFormat> Formats => [.. FormatOrder.Where(f => renderers.Any(r => r.Format == f))];

    public bool PdfAvailable => renderers.OfType<PdfReportRenderer>().Any(r => r.IsAvailable);

    public string ViewUrl(ReportLayout layout) => $"/rounds/{RoundId}/report/view?layout={layout}";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetDownloadAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        // Binding's own messages are not in GOV.UK voice: say what to do instead.
        var layoutOk = ModelState[nameof(Layout)]?.Errors.Count is null or 0 && Enum.IsDefined(Layout);
        var formatOk = ModelState[nameof(Format)]?.Errors.Count is null or 0 && Format is { } f && Enum.IsDefined(f);
        ModelState.Clear();
        if (!layoutOk)
        {
            Layout = ReportLayout.Plan;
            ModelState.AddModelError(nameof(Layout), "Select a layout for the report");
        }

        if (!formatOk)
        {
            Format = null;
            ModelState.AddModelError(nameof(Format), "Select a format for the report");
        }

        if (!layoutOk || Format is not { } format)
        {
            return PageWithErrors();
        }

        try
        {
            var file = await reports.GenerateAsync(organisation.Id, Round.PlanId, Id(), format, Layout, ct);
            return file is null ? NotFound() : File(file.Content, file.ContentType, file.FileName);
        }
        catch (ReportUnavailableException e)
        {
            ModelState.AddModelError(nameof(Format), e.Message);
            return PageWithErrors();
        }
    }

    /// <summary>The HTML report shown in the browser rather than downloaded. It has no scripts; the policy says so too.</summary>
    public async Task<IActionResult> OnGetViewAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct) || !Enum.IsDefined(Layout))
        {
            return NotFound();
        }

        var file = await reports.GenerateAsync(organisation.Id, Round.PlanId, Id(), ReportFormat.Html, Layout, ct);
        if (file is null)
        {
            return NotFound();
        }

        Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";
        return File(file.Content, file.ContentType);
    }

    public static string LayoutLabel(ReportLayout layout) => layout switch
    {
        ReportLayout.Plan => "Plan",
        ReportLayout.Table => "One table",
        ReportLayout.Exceptions => "Exceptions only",
        _ => "Committee report",
    };

    public static string LayoutHint(ReportLayout layout) => layout switch
    {
        ReportLayout.Plan => "The plan's own layout: judgements, legends and key leads, then each area's actions, progress, impact and further actions, and the indicator scorecard.",
        ReportLayout.Table => "One wide table with a row for each area: progress, next steps, lead, timescale, indicators and rating.",
        ReportLayout.Exceptions => "Only what is rated red, overdue or has changed since the last round, area by area.",
        _ => "The committee report: narrative, indicator tables with charts, the improvement log and the self-assessment.",
    };

    public static string FormatLabel(ReportFormat format) => format switch
    {
        ReportFormat.Docx => "Word (.docx)",
        ReportFormat.Pdf => "PDF",
        ReportFormat.Html => "Web page (.html)",
        _ => "Excel (.xlsx)",
    };

    private string Id() => RoundId.ToString(CultureInfo.InvariantCulture);

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var round = await db.Rounds
            .Where(r => r.Id == RoundId && r.Plan.OrganisationId == organisation.Id)
            .Select(r => new RoundSummary(r.Id, r.Name, r.PlanId, r.Plan.Title, r.Status, r.ClosedAt))
            .FirstOrDefaultAsync(ct);
        Round = round!;
        return round is not null;
    }

    public sealed record RoundSummary(int Id, string Name, int PlanId, string PlanTitle, RoundStatus Status, DateTimeOffset? ClosedAt);
}
