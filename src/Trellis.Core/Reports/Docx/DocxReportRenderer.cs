namespace Trellis.Core.Reports.Docx;

/// <summary>The board report as a Word document, in each of the four layouts, laid out like the councils' own plans.</summary>
public sealed class DocxReportRenderer : IReportRenderer
{
    public ReportFormat Format => ReportFormat.Docx;

    public bool Supports(ReportLayout layout) => Enum.IsDefined(layout);

    public Task RenderAsync(BoardReport report, ReportLayout layout, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var document = new DocxDocument();
        var landscape = false;
        switch (layout)
        {
            case ReportLayout.Plan:
                Plan(document, report);
                break;
            case ReportLayout.Table:
                Table(document, report);
                landscape = true;
                break;
            case ReportLayout.Exceptions:
                Exceptions(document, report);
                break;
            case ReportLayout.Committee:
                Committee(document, report);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(layout), layout, "No Word layout for this report layout.");
        }

        return document.SaveAsync(output, TitleOf(report, layout), report.CouncilName, report.Round.AsAt, landscape, cancellationToken);
    }

    private static string TitleOf(BoardReport report, ReportLayout layout) => layout switch
    {
        ReportLayout.Exceptions => $"{report.PlanTitle}: exceptions report, {report.Round.Name}",
        ReportLayout.Committee => $"{report.PlanTitle}: committee report, {report.Round.Name}",
        _ => $"{report.PlanTitle}: monitoring report, {report.Round.Name}",
    };

    private static void Plan(DocxDocument doc, BoardReport report)
    {
        doc.Paragraph(report.CouncilName, bold: true);
        doc.Title(report.PlanTitle);
        doc.Paragraph("Improvement plan: monitoring report");
        doc.Paragraph(report.Round.Name, bold: true);
        doc.Paragraph($"Position as at {ReportWords.Date(report.Round.AsAt)}");
        doc.Paragraph(ReportWords.FinalOrDraft(report.Round));
        if (report.Governance.Count > 0)
        {
            doc.Paragraph($"Reported to: {ReportWords.Join(report.Governance)}");
        }

        doc.PageBreak();

        if (report.Inspection is { } inspection)
        {
            doc.Heading(1, "Inspection judgements");
            doc.Paragraph(InspectionSentence(report.CouncilName, inspection));
            doc.Table(
                "Inspection judgements",
                "Each area Ofsted judged and its grade.",
                [6000, DocxDocument.PortraitText - 6000],
                ["Judgement area", "Grade"],
                inspection.Judgements.Select(j => (IReadOnlyList<DocxCell>)[DocxDocument.Text(j.Area), DocxDocument.Text(j.Grade)]));
        }

        doc.Heading(1, "RAG ratings");
        Legend(doc, "Action plan progress", report.ProgressScale);
        Legend(doc, "Impact", report.ImpactScale);

        if (report.KeyLeads.Count > 0)
        {
            doc.Heading(1, "Key leads and those responsible for actions");
            doc.Table(
                "Key leads",
                "Each job title, the current post-holder and the initials used for them in the actions.",
                [5000, DocxDocument.PortraitText - 5000],
                ["Job title", "Current post-holder"],
                report.KeyLeads.Select(l => (IReadOnlyList<DocxCell>)[DocxDocument.Text(l.Role), DocxDocument.Text(l.Initials is null ? l.Name : $"{l.Name} ({l.Initials})")]));
        }

        doc.Heading(1, "Summary of recommendations");
        doc.Table(
            "Summary of recommendations",
            "Each area for improvement with its lead, linked plan and progress rating this round.",
            [4638, 2000, 1800, 1200],
            ["Recommendation", "Lead", "Linked plan", "Progress"],
            SummaryRows(report));

        doc.Heading(1, "Progress overview");
        doc.Paragraph(ReportWords.RollUpSentence(report, report.PlanRollUp));
        RollUpTable(doc, report, report.PlanRollUp, "Actions by rating");

        string? theme = null;
        foreach (var area in report.Areas)
        {
            doc.PageBreak();
            if (area.ThemeKey != theme && report.Themes.FirstOrDefault(t => t.Key == area.ThemeKey) is { } current)
            {
                doc.Heading(1, current.Title);
                doc.Paragraph(ReportWords.RollUpSentence(report, current.RollUp));
            }

            theme = area.ThemeKey;
            Area(doc, report, area);
        }

        if (report.Indicators.Count > 0)
        {
            doc.PageBreak();
            doc.Heading(1, "Indicator scorecard");
            Scorecard(doc, report.Indicators, DocxDocument.PortraitText);
            Charts(doc, report.Indicators);
        }
    }

    private static string InspectionSentence(string council, ReportInspection inspection)
    {
        var framework = inspection.Framework is { Length: > 0 } f ? $" under {f}" : string.Empty;
        var dates = inspection is { Start: { } s, End: { } e } ? $" from {ReportWords.Date(s)} to {ReportWords.Date(e)}" : string.Empty;
        var published = inspection.Published is { } p ? $" The report published on {ReportWords.Date(p)} gave the following judgements." : string.Empty;
        return $"{council} was inspected{framework}{dates}.{published}";
    }

    private static void Legend(DocxDocument doc, string name, IReadOnlyList<ReportRating> scale)
    {
        if (scale.Count == 0)
        {
            return;
        }

        doc.Heading(2, name);
        doc.Table(
            $"RAG ratings: {name.ToLowerInvariant()}",
            $"What each {name.ToLowerInvariant()} rating means in this plan.",
            [2000, DocxDocument.PortraitText - 2000],
            ["Rating", "Meaning"],
            scale.Select(r => (IReadOnlyList<DocxCell>)[DocxDocument.Rating(r.Label, r.Colour), DocxDocument.Text(r.Meaning)]));
    }

    private static IEnumerable<IReadOnlyList<DocxCell>> SummaryRows(BoardReport report)
    {
        string? theme = null;
        foreach (var area in report.Areas)
        {
            if (area.ThemeKey != theme && report.Themes.FirstOrDefault(t => t.Key == area.ThemeKey) is { } current)
            {
                yield return [DocxDocument.Spanning(current.Title, 4)];
            }

            theme = area.ThemeKey;
            yield return
            [
                DocxDocument.Text(ReportWords.AreaTitle(area)),
                DocxDocument.Lines([.. area.Leads]),
                DocxDocument.Lines([.. area.LinkedPlans]),
                DocxDocument.Rating(report.ProgressScale, area.ProgressRag),
            ];
        }
    }

    private static void RollUpTable(DocxDocument doc, BoardReport report, RollUp rollUp, string caption) =>
        doc.Table(
            caption,
            "How many actions have each rating, and what share of all actions that is.",
            [3000, 2000, 2000],
            ["Rating", "Actions", "Per cent"],
            rollUp.ByRag.Select(c => (IReadOnlyList<DocxCell>)
            [
                ReportWords.Find(report.ProgressScale, c.Key) is { } rating ? DocxDocument.Rating(rating.Label, rating.Colour) : DocxDocument.Text(c.Label),
                DocxDocument.Text(Number(c.Count)),
                DocxDocument.Text($"{Number(c.Percent)}%"),
            ]));

    private static void Area(DocxDocument doc, BoardReport report, ReportArea area)
    {
        doc.Heading(2, ReportWords.AreaTitle(area));
        doc.Table(
            $"Area {area.Number}: who leads it",
            "The area's lead, senior lead, linked plans and key partners.",
            [2400, DocxDocument.PortraitText - 2400],
            ["Role", "Who or what"],
            [
                [DocxDocument.Text("Lead", bold: true), DocxDocument.Text(OrNone(area.Leads))],
                [DocxDocument.Text("Senior lead", bold: true), DocxDocument.Text(OrNone(area.SeniorLeads))],
                [DocxDocument.Text("Linked plan", bold: true), DocxDocument.Text(OrNone(area.LinkedPlans))],
                [DocxDocument.Text("Key partners", bold: true), DocxDocument.Text(OrNone(area.Partners))],
            ]);

        doc.Heading(3, "a) Expected outcome (what will be different?)");
        doc.Bullets(area.Outcomes);
        doc.Heading(3, "b) Measures of success (how will we know we have achieved it?)");
        doc.Bullets(area.MeasuresOfSuccess);

        doc.Heading(3, "c) Actions");
        if (area.Actions.Count == 0)
        {
            doc.Paragraph("No actions.");
        }
        else
        {
            doc.Table(
                $"Area {area.Number}: actions",
                "Each action with its target date, owner, status and RAG rating; the update note for this round follows the action.",
                [600, 4138, 1300, 1200, 1100, 1300],
                ["Ref", "Action", "By when", "By whom", "Status", "RAG"],
                area.Actions.Select(a => ActionRow(report, a)));
        }

        doc.Heading(3, "d) Action plan progress");
        doc.Paragraph(DocxDocument.Run("Progress rating: "), DocxDocument.RatingRun(report.ProgressScale, area.ProgressRag));

        doc.Heading(3, "e) Impact: data and commentary");
        doc.Paragraph(DocxDocument.Run("Impact rating: "), DocxDocument.RatingRun(report.ImpactScale, area.ImpactRag));
        doc.Rich(area.Commentary, "No commentary this round.");
        var indicators = ReportWords.IndicatorsFor(report, area);
        if (indicators.Count > 0)
        {
            doc.Table(
                $"Area {area.Number}: linked indicators",
                "The indicators evidencing this area, with their recent values, target and rating.",
                [3300, 3138, 1600, 1600],
                ["Indicator", "Recent values", "Target", "RAG"],
                indicators.Select(i => (IReadOnlyList<DocxCell>)
                [
                    DocxDocument.Text(i.Name),
                    DocxDocument.Lines([.. i.Values.TakeLast(3).Select(v => $"{v.Period}: {v.Display}")]),
                    DocxDocument.Text(i.TargetText ?? "No target"),
                    IndicatorRating(i),
                ]));
        }

        doc.Heading(3, "f) Recommendations for further action");
        doc.Rich(area.FurtherActions, "None this round.");
    }

    private static IReadOnlyList<DocxCell> ActionRow(BoardReport report, ReportAction action)
    {
        var actionCell = new List<DocumentFormat.OpenXml.Wordprocessing.Paragraph> { new(DocxDocument.Run(action.Text)) };
        if (!string.IsNullOrWhiteSpace(action.UpdateNote))
        {
            actionCell.Add(new(DocxDocument.Run("Update: ", bold: true), DocxDocument.Run(action.UpdateNote, italic: true)));
        }

        var suggestion = action.SuggestedRagCode is { } suggested && !string.Equals(suggested, action.RagCode, StringComparison.OrdinalIgnoreCase)
            ? $"Suggested: {ReportWords.Label(report.ProgressScale, suggested)}"
            : null;
        if (suggestion is not null && !string.IsNullOrWhiteSpace(action.RagReason))
        {
            // The reason is a sentence; the narrow RAG column holds only the two ratings.
            actionCell.Add(new(DocxDocument.Run("Why the rating differs from the suggested one: ", bold: true), DocxDocument.Run(action.RagReason)));
        }

        return
        [
            DocxDocument.Text(action.Ref),
            new DocxCell(actionCell),
            DocxDocument.Lines(action.DueText, action.IsOverdue ? "Overdue" : null),
            DocxDocument.Lines([.. action.Owners]),
            DocxDocument.Text(ReportWords.Status(action.Status)),
            DocxDocument.Rating(report.ProgressScale, action.RagCode, suggestion),
        ];
    }

    private static DocxCell IndicatorRating(ReportIndicator indicator) =>
        indicator.Rag is { } rag ? DocxDocument.Rating(ReportWords.ColourName(rag), rag) : DocxDocument.Text("Not rated");

    private static void Scorecard(DocxDocument doc, IReadOnlyList<ReportIndicator> indicators, int width)
    {
        var periods = ReportWords.Periods(indicators);
        var fixedWidth = 2400 + 1100 + 1000 + 2000;
        var periodWidth = periods.Count == 0 ? 0 : Math.Max(600, (width - fixedWidth) / periods.Count);
        int[] widths = [2400, .. periods.Select(_ => periodWidth), 1100, 1000, 2000];
        doc.Table(
            "Indicator scorecard",
            "Each indicator down the side, its values by period across, then its target, rating and assessment.",
            widths,
            ["Indicator", .. periods, "Target", "RAG", "Assessment"],
            indicators.Select(i => (IReadOnlyList<DocxCell>)
            [
                DocxDocument.Text(i.Name),
                .. periods.Select(p => DocxDocument.Text(i.Values.FirstOrDefault(v => v.Period == p)?.Display ?? "–")),
                DocxDocument.Text(i.TargetText ?? "No target"),
                IndicatorRating(i),
                DocxDocument.Text(i.Assessment),
            ]));
    }

    /// <summary>A chart after the table for each indicator with a line to draw; the table keeps the numbers.</summary>
    private static void Charts(DocxDocument doc, IReadOnlyList<ReportIndicator> indicators)
    {
        var number = 0;
        foreach (var indicator in indicators.Where(ReportCharts.HasChart))
        {
            doc.Chart(ReportCharts.Input(indicator, $"chart-{++number}"));
        }
    }

    private static void Table(DocxDocument doc, BoardReport report)
    {
        doc.Title(report.PlanTitle);
        doc.Paragraph($"{report.CouncilName}. Improvement plan: monitoring report, {report.Round.Name}. Position as at {ReportWords.Date(report.Round.AsAt)}. {ReportWords.FinalOrDraft(report.Round)}.");
        doc.Table(
            "Improvement plan progress",
            "One row per area: progress, next steps, lead, timescale, the indicators and their current performance, and the progress rating.",
            [2600, 3200, 2300, 1500, 1300, 1500, 1170, 1000],
            ["Area", "Progress", "Next steps", "Lead", "Timescale", "Indicators", "Current performance", "RAG"],
            report.Areas.Select(area =>
            {
                var indicators = ReportWords.IndicatorsFor(report, area);
                return (IReadOnlyList<DocxCell>)
                [
                    DocxDocument.Text(ReportWords.AreaTitle(area)),
                    new DocxCell(RichCell(doc, area.Commentary)),
                    new DocxCell(RichCell(doc, area.FurtherActions)),
                    DocxDocument.Lines([.. area.Leads]),
                    DocxDocument.Text(ReportWords.OpenDueTexts(area)),
                    DocxDocument.Lines([.. indicators.Select(i => i.TargetText is null ? i.Name : $"{i.Name} (target {i.TargetText})")]),
                    DocxDocument.Lines([.. indicators.Select(ReportWords.Latest)]),
                    DocxDocument.Rating(report.ProgressScale, area.ProgressRag),
                ];
            }));
        doc.Heading(1, "Key");
        Legend(doc, "Action plan progress", report.ProgressScale);
    }

    private static List<DocumentFormat.OpenXml.Wordprocessing.Paragraph> RichCell(DocxDocument doc, string? source) => doc.RichParagraphs(source);

    private static void Exceptions(DocxDocument doc, BoardReport report)
    {
        doc.Title($"{report.PlanTitle}: exceptions");
        doc.Paragraph($"{report.CouncilName}. {report.Round.Name}. Position as at {ReportWords.Date(report.Round.AsAt)}. {ReportWords.FinalOrDraft(report.Round)}.");

        var red = report.Areas.Sum(a => a.Actions.Count(x => ReportWords.IsRed(report, x)));
        var overdue = report.Areas.Sum(a => a.Actions.Count(x => x.IsOverdue));
        var since = report.PreviousRoundName is { } previous ? $" since {previous}" : string.Empty;
        doc.Heading(1, "Summary");
        doc.Table(
            "Exceptions this round",
            "How many actions are red, how many are overdue, and how many changes there were since the last round.",
            [6000, 2000],
            ["Exception", "Number"],
            [
                [DocxDocument.Text("Red actions"), DocxDocument.Text(Number(red))],
                [DocxDocument.Text("Overdue actions"), DocxDocument.Text(Number(overdue))],
                [DocxDocument.Text($"Changes{since}"), DocxDocument.Text(Number(report.Areas.Sum(a => ReportWords.ChangesFor(report, a).Count)))],
            ]);

        var any = false;
        foreach (var area in report.Areas)
        {
            var flagged = area.Actions.Where(a => ReportWords.IsRed(report, a) || a.IsOverdue).ToList();
            var changes = ReportWords.ChangesFor(report, area);
            if (flagged.Count == 0 && changes.Count == 0)
            {
                continue;
            }

            any = true;
            doc.Heading(2, ReportWords.AreaTitle(area));
            doc.Paragraph(DocxDocument.Run("Progress rating: "), DocxDocument.RatingRun(report.ProgressScale, area.ProgressRag));
            if (flagged.Count > 0)
            {
                doc.Heading(3, "Red and overdue actions");
                doc.Table(
                    $"Area {area.Number}: red and overdue actions",
                    "Each red or overdue action with its target date, owner, rating and the reason given.",
                    [700, 3738, 1400, 1300, 1100, 1400],
                    ["Ref", "Action", "By when", "By whom", "RAG", "Update"],
                    flagged.Select(a => (IReadOnlyList<DocxCell>)
                    [
                        DocxDocument.Text(a.Ref),
                        DocxDocument.Text(a.Text),
                        DocxDocument.Lines(a.DueText, a.IsOverdue ? "Overdue" : null),
                        DocxDocument.Lines([.. a.Owners]),
                        DocxDocument.Rating(report.ProgressScale, a.RagCode),
                        DocxDocument.Lines(a.RagReason, a.UpdateNote),
                    ]));
            }

            if (changes.Count > 0)
            {
                doc.Heading(3, $"Changes{since}");
                doc.Table(
                    $"Area {area.Number}: changes{since}",
                    "Each action or area rating that changed, and how.",
                    [700, 5538, 3400],
                    ["Ref", "Action", "Change"],
                    changes.Select(c => (IReadOnlyList<DocxCell>)
                    [
                        DocxDocument.Text(c.ActionRef ?? "Area"),
                        DocxDocument.Text(c.ActionText ?? "The area's own rating"),
                        DocxDocument.Text(c.Description),
                    ]));
            }
        }

        if (!any)
        {
            doc.Paragraph("No exceptions this round");
        }
    }

    private static void Committee(DocxDocument doc, BoardReport report)
    {
        doc.Title(report.CouncilName);
        doc.Table(
            "Report details",
            "The report's title, the monitoring round and the date.",
            [3000, DocxDocument.PortraitText - 3000],
            ["Item", "Details"],
            [
                [DocxDocument.Text("Report title", bold: true), DocxDocument.Text($"{report.PlanTitle}: progress report")],
                [DocxDocument.Text("Round", bold: true), DocxDocument.Text(report.Round.Name)],
                [DocxDocument.Text("Date", bold: true), DocxDocument.Text(ReportWords.Date(report.Round.AsAt))],
                [DocxDocument.Text("Status", bold: true), DocxDocument.Text(ReportWords.FinalOrDraft(report.Round))],
            ]);

        var section = 0;
        foreach (var narrative in report.Narratives)
        {
            doc.Heading(2, $"{++section}. {narrative.Heading}");
            doc.Rich(narrative.Body, string.Empty);
        }

        if (report.Indicators.Count > 0)
        {
            doc.Heading(2, $"{++section}. Performance indicators");
            Scorecard(doc, report.Indicators, DocxDocument.PortraitText);
            Charts(doc, report.Indicators);
        }

        if (report.ImprovementLog.Count > 0)
        {
            doc.Heading(2, $"{++section}. What we have done");
            doc.Table(
                "Improvement log",
                "What has been done, why, and when.",
                [4000, 3838, 1800],
                ["What we have done", "Why we have done it", "When"],
                report.ImprovementLog.Select(e => (IReadOnlyList<DocxCell>)[DocxDocument.Text(e.WhatWeHaveDone), DocxDocument.Text(e.Why), DocxDocument.Text(e.When)]));
        }

        if (report.SelfAssessment.Count > 0)
        {
            doc.Heading(2, $"{++section}. Self-assessment");
            doc.Table(
                "Self-assessment",
                "Each area for improvement from the self-assessment, what has been done and the impact on practice.",
                [3200, 3238, 3200],
                ["Area for improvement", "What we have done", "Impact on practice"],
                report.SelfAssessment.Select(s => (IReadOnlyList<DocxCell>)[DocxDocument.Text(s.AreaForImprovement), DocxDocument.Text(s.WhatWeHaveDone), DocxDocument.Text(s.ImpactOnPractice)]));
        }
    }

    private static string OrNone(IReadOnlyList<string> items) => items.Count == 0 ? "None recorded" : ReportWords.Join(items);

    private static string Number(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
