using Trellis.Core.Reports.Docx;

namespace Trellis.Core.Reports.Xlsx;

/// <summary>
/// The board report as a spreadsheet for the table and exceptions layouts: one filterable table, the RAG key,
/// and the indicator scorecard. The plan and committee layouts are documents, so Excel does not offer them.
/// </summary>
public sealed class XlsxReportRenderer : IReportRenderer
{
    public ReportFormat Format => ReportFormat.Xlsx;

    public bool Supports(ReportLayout layout) => layout is ReportLayout.Table or ReportLayout.Exceptions;

    public Task RenderAsync(BoardReport report, ReportLayout layout, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var main = layout switch
        {
            ReportLayout.Table => PlanSheet(report),
            ReportLayout.Exceptions => ExceptionsSheet(report),
            _ => throw new ArgumentOutOfRangeException(nameof(layout), layout, "Excel has the table and exceptions layouts only."),
        };
        var title = layout == ReportLayout.Exceptions
            ? $"{report.PlanTitle}: exceptions report, {report.Round.Name}"
            : $"{report.PlanTitle}: monitoring report, {report.Round.Name}";
        return XlsxWorkbook.SaveAsync(output, [main, KeySheet(report), IndicatorsSheet(report)], title, report.CouncilName, report.Round.AsAt, cancellationToken);
    }

    private static XlsxSheet PlanSheet(BoardReport report)
    {
        var sheet = new XlsxSheet("Plan", [45, 60, 45, 25, 20, 35, 22, 14]);
        sheet.Header(["Area", "Progress", "Next steps", "Lead", "Timescale", "Indicators", "Current performance", "RAG"]);
        foreach (var area in report.Areas)
        {
            var indicators = ReportWords.IndicatorsFor(report, area);
            sheet.Row(
                new XlsxCell(ReportWords.AreaTitle(area)),
                new XlsxCell(RichText.ToPlainText(ReportWords.Clean(area.Commentary))),
                new XlsxCell(RichText.ToPlainText(ReportWords.Clean(area.FurtherActions))),
                new XlsxCell(string.Join("\n", area.Leads)),
                new XlsxCell(ReportWords.OpenDueTexts(area)),
                new XlsxCell(string.Join("\n", indicators.Select(i => i.TargetText is null ? i.Name : $"{i.Name} (target {i.TargetText})"))),
                new XlsxCell(string.Join("\n", indicators.Select(ReportWords.Latest))),
                Rating(report.ProgressScale, area.ProgressRag));
        }

        return sheet;
    }

    private static XlsxSheet ExceptionsSheet(BoardReport report)
    {
        var sheet = new XlsxSheet("Exceptions", [40, 8, 50, 18, 18, 12, 16, 50]);
        sheet.Header(["Area", "Ref", "Action", "By when", "By whom", "RAG", "Exception", "Detail"]);
        foreach (var area in report.Areas)
        {
            var title = ReportWords.AreaTitle(area);
            foreach (var action in area.Actions.Where(a => ReportWords.IsRed(report, a) || a.IsOverdue))
            {
                var kinds = new List<string>();
                if (ReportWords.IsRed(report, action))
                {
                    kinds.Add("Red");
                }

                if (action.IsOverdue)
                {
                    kinds.Add("Overdue");
                }

                sheet.Row(
                    new XlsxCell(title),
                    new XlsxCell(action.Ref),
                    new XlsxCell(action.Text),
                    new XlsxCell(action.DueText),
                    new XlsxCell(string.Join("\n", action.Owners)),
                    Rating(report.ProgressScale, action.RagCode),
                    new XlsxCell(string.Join(", ", kinds)),
                    new XlsxCell(string.Join("\n", new[] { action.RagReason, action.UpdateNote }.Where(t => !string.IsNullOrWhiteSpace(t)))));
            }

            foreach (var change in ReportWords.ChangesFor(report, area))
            {
                var action = change.ActionRef is null ? null : area.Actions.FirstOrDefault(a => a.Ref == change.ActionRef && a.Text == change.ActionText);
                sheet.Row(
                    new XlsxCell(title),
                    new XlsxCell(change.ActionRef ?? "Area"),
                    new XlsxCell(change.ActionText ?? "The area's own rating"),
                    new XlsxCell(action?.DueText ?? string.Empty),
                    new XlsxCell(action is null ? string.Empty : string.Join("\n", action.Owners)),
                    action is null ? Rating(report.ProgressScale, area.ProgressRag) : Rating(report.ProgressScale, action.RagCode),
                    new XlsxCell("Changed"),
                    new XlsxCell(change.Description));
            }
        }

        if (sheet.Rows.Count == 1)
        {
            sheet.Row(new XlsxCell("No exceptions this round"));
        }

        return sheet;
    }

    private static XlsxSheet KeySheet(BoardReport report)
    {
        var sheet = new XlsxSheet("Key", [22, 18, 80]);
        sheet.Row(new XlsxCell("Council", Bold: true), new XlsxCell(report.CouncilName));
        sheet.Row(new XlsxCell("Plan", Bold: true), new XlsxCell(report.PlanTitle));
        sheet.Row(new XlsxCell("Round", Bold: true), new XlsxCell(report.Round.Name));
        sheet.Row(new XlsxCell("Position as at", Bold: true), new XlsxCell(ReportWords.Date(report.Round.AsAt)));
        sheet.Row(new XlsxCell("Status", Bold: true), new XlsxCell(ReportWords.FinalOrDraft(report.Round)));
        sheet.Row(new XlsxCell(string.Empty));
        sheet.Header(["Scale", "Rating", "Meaning"]);
        foreach (var rating in report.ProgressScale)
        {
            sheet.Row(new XlsxCell("Action plan progress"), new XlsxCell(rating.Label, rating.Colour), new XlsxCell(rating.Meaning ?? string.Empty));
        }

        foreach (var rating in report.ImpactScale)
        {
            sheet.Row(new XlsxCell("Impact"), new XlsxCell(rating.Label, rating.Colour), new XlsxCell(rating.Meaning ?? string.Empty));
        }

        return sheet;
    }

    private static XlsxSheet IndicatorsSheet(BoardReport report)
    {
        var periods = ReportWords.Periods(report.Indicators);
        var sheet = new XlsxSheet("Indicators", [50, .. periods.Select(_ => 10d), 18, 12, 50]);
        sheet.Header(["Indicator", .. periods, "Target", "RAG", "Assessment"]);
        foreach (var indicator in report.Indicators)
        {
            sheet.Row(
            [
                new XlsxCell(indicator.Name),
                .. periods.Select(p => new XlsxCell(indicator.Values.FirstOrDefault(v => v.Period == p)?.Display ?? string.Empty)),
                new XlsxCell(indicator.TargetText ?? "No target"),
                indicator.Rag is { } rag ? new XlsxCell(ReportWords.ColourName(rag), rag) : new XlsxCell("Not rated"),
                new XlsxCell(indicator.Assessment ?? string.Empty),
            ]);
        }

        return sheet;
    }

    private static XlsxCell Rating(IReadOnlyList<ReportRating> scale, string? code) =>
        new(ReportWords.Label(scale, code), ReportWords.Colour(scale, code));
}
