namespace Trellis.Core.Reports.Html;

/// <summary>The seed plans' layout: title page, judgements, legends, key leads, summary, a) to f) per area, scorecard.</summary>
public sealed partial class HtmlReportRenderer
{
    private static void WritePlanLayout(HtmlWriter html, ReportView view)
    {
        var report = view.Report;
        html.Open("section", ("class", "title-page")).Line();
        WriteTitleBlock(html, view, report.PlanTitle);
        if (report.PlanPeriodStart is { } start && report.PlanPeriodEnd is { } end)
        {
            html.Element("p", $"The plan runs from {Date(start)} to {Date(end)}.").Line();
        }

        html.Close().Line();

        WriteInspection(html, report);
        if (report.Governance.Count > 0)
        {
            html.Element("h2", "Governance").Line();
            WriteList(html, report.Governance, string.Empty);
        }

        WriteLegends(html, report);
        WriteKeyLeads(html, report);
        WriteSummary(html, view);
        WritePlanRollUp(html, report);

        for (var i = 0; i < report.Areas.Count; i++)
        {
            WriteArea(html, view, report.Areas[i], i + 1);
        }

        html.Open("section", ("class", "scorecard wide")).Line();
        html.Element("h2", "Indicator scorecard").Line();
        WriteScorecard(html, report.Indicators, "Indicator scorecard");
        html.Close().Line();
    }

    private static void WriteInspection(HtmlWriter html, BoardReport report)
    {
        if (report.Inspection is not { } inspection)
        {
            return;
        }

        html.Element("h2", "Inspection and judgements").Line();
        var when = (inspection.Start, inspection.End) switch
        {
            ({ } s, { } e) => $" from {Date(s)} to {Date(e)}",
            ({ } s, null) => $" starting {Date(s)}",
            _ => string.Empty,
        };
        var framework = string.IsNullOrWhiteSpace(inspection.Framework) ? "Ofsted" : inspection.Framework;
        var published = inspection.Published is { } p ? $" The report was published on {Date(p)}." : string.Empty;
        html.Element("p", $"{report.CouncilName} was inspected under {framework}{when}.{published}").Line();
        if (inspection.Judgements.Count == 0)
        {
            return;
        }

        html.Open("table").Element("caption", "Ofsted judgements").Line();
        WriteHeaderRow(html, "Judgement", "Grade");
        html.Open("tbody");
        foreach (var judgement in inspection.Judgements)
        {
            html.Open("tr").Element("th", judgement.Area, ("scope", "row")).Element("td", judgement.Grade).Close().Line();
        }

        html.Close().Close().Line();
    }

    private static void WriteLegends(HtmlWriter html, BoardReport report)
    {
        html.Element("h2", "RAG ratings").Line();
        WriteLegend(html, report.ProgressScale, "Action plan progress ratings");
        WriteLegend(html, report.ImpactScale, "Impact ratings");
    }

    private static void WriteLegend(HtmlWriter html, IReadOnlyList<ReportRating> scale, string caption)
    {
        if (scale.Count == 0)
        {
            return;
        }

        html.Open("table").Element("caption", caption).Line();
        WriteHeaderRow(html, "Rating", "What it means");
        html.Open("tbody");
        foreach (var rating in scale)
        {
            html.Open("tr");
            html.Element("th", rating.Label, ("scope", "row"), ("class", $"rag {RagClass(rating.Colour)}"));
            html.Element("td", rating.Meaning ?? (rating.IsComplete ? "Completed" : string.Empty)).Close().Line();
        }

        html.Close().Close().Line();
    }

    private static void WriteKeyLeads(HtmlWriter html, BoardReport report)
    {
        if (report.KeyLeads.Count == 0)
        {
            return;
        }

        html.Element("h2", "Key leads and those responsible for actions").Line();
        html.Open("table").Element("caption", "Key leads").Line();
        WriteHeaderRow(html, "Job title", "Name", "Initials");
        html.Open("tbody");
        foreach (var lead in report.KeyLeads)
        {
            html.Open("tr").Element("td", lead.Role).Element("th", lead.Name, ("scope", "row")).Element("td", lead.Initials ?? string.Empty).Close().Line();
        }

        html.Close().Close().Line();
    }

    private static void WriteSummary(HtmlWriter html, ReportView view)
    {
        var report = view.Report;
        html.Element("h2", "Summary of areas for improvement").Line();
        html.Open("table").Element("caption", "Areas for improvement, their leads and progress").Line();
        WriteHeaderRow(html, "Area", "Lead", "Linked plans", "Progress");
        foreach (var (theme, areas) in ByTheme(report))
        {
            html.Open("tbody");
            if (theme is not null)
            {
                html.Open("tr").Element("th", theme.Title, ("scope", "rowgroup"), ("colspan", "4")).Close().Line();
            }

            foreach (var area in areas)
            {
                html.Open("tr").Element("th", $"{area.Number}. {area.Title}", ("scope", "row"))
                    .Element("td", Join(area.Leads.Concat(area.SeniorLeads)))
                    .Element("td", Join(area.LinkedPlans));
                WriteRagCell(html, view.Progress(area.ProgressRag));
                html.Close().Line();
            }

            html.Close().Line();
        }

        html.Close().Line();
    }

    /// <summary>Areas under their themes, in plan order; areas with no theme come as one group without a heading.</summary>
    private static IEnumerable<(ReportTheme? Theme, IReadOnlyList<ReportArea> Areas)> ByTheme(BoardReport report)
    {
        var themed = new HashSet<string>(report.Themes.Select(t => t.Key), StringComparer.Ordinal);
        var loose = report.Areas.Where(a => a.ThemeKey is null || !themed.Contains(a.ThemeKey)).ToList();
        if (loose.Count > 0)
        {
            yield return (null, loose);
        }

        foreach (var theme in report.Themes)
        {
            var areas = report.Areas.Where(a => a.ThemeKey == theme.Key).ToList();
            if (areas.Count > 0)
            {
                yield return (theme, areas);
            }
        }
    }

    private static void WritePlanRollUp(HtmlWriter html, BoardReport report)
    {
        html.Element("h2", "Progress across the plan").Line();
        html.Element("p", RollUpSentence(report.PlanRollUp, "The plan")).Line();
        WriteRollUpTable(html, report.PlanRollUp, "Actions by rating", report.PlanRollUp.ByRag, "Rating");
        WriteRollUpTable(html, report.PlanRollUp, "Actions by status", report.PlanRollUp.ByStatus, "Status");
        if (report.Themes.Count > 0)
        {
            html.Open("ul");
            foreach (var theme in report.Themes)
            {
                html.Element("li", RollUpSentence(theme.RollUp, theme.Title));
            }

            html.Close().Line();
        }
    }

    private static void WriteArea(HtmlWriter html, ReportView view, ReportArea area, int areaIndex)
    {
        var report = view.Report;
        html.Open("section", ("class", "area")).Line();
        html.Element("h2", $"Area {area.Number}: {area.Title}").Line();
        html.Open("dl", ("class", "details")).Line();
        Detail(html, "Lead", Join(area.Leads));
        Detail(html, "Senior lead", Join(area.SeniorLeads));
        Detail(html, "Linked plan", Join(area.LinkedPlans));
        Detail(html, "Key partners", Join(area.Partners));
        html.Close().Line();

        html.Element("h3", "a) Expected outcome").Line();
        WriteList(html, area.Outcomes, "No expected outcome recorded.");
        html.Element("h3", "b) Measures of success").Line();
        WriteList(html, area.MeasuresOfSuccess, "No measures of success recorded.");
        html.Element("h3", "c) Actions").Line();
        html.Element("p", RollUpSentence(area.RollUp, $"Area {area.Number}")).Line();
        WriteActionsTable(html, view, area, area.Actions, $"Actions for area {area.Number}");

        html.Element("h3", "d) Action plan progress").Line();
        html.Open("p").Text("Progress rating this round: ");
        WriteRag(html, view.Progress(area.ProgressRag));
        html.Close().Line();

        html.Element("h3", "e) Impact: data and commentary").Line();
        html.Open("p").Text("Impact rating this round: ");
        WriteRag(html, view.Impact(area.ImpactRag));
        html.Close().Line();
        WriteRichText(html, area.Commentary, $"No commentary recorded for {report.Round.Name}.");
        var indicators = view.IndicatorsFor(area);
        if (indicators.Count > 0)
        {
            WriteScorecard(html, indicators, $"Indicators for area {area.Number}");
            WriteCharts(html, indicators, $"area-{areaIndex}-chart");
        }

        html.Element("h3", "f) Recommendations for further action").Line();
        WriteRichText(html, area.FurtherActions, $"No further action recorded for {report.Round.Name}.");
        html.Close().Line();
    }

    private static void Detail(HtmlWriter html, string term, string value)
    {
        html.Element("dt", term).Element("dd", value.Length == 0 ? "Not recorded" : value).Line();
    }

    private static void WriteActionsTable(HtmlWriter html, ReportView view, ReportArea area, IReadOnlyList<ReportAction> actions, string caption)
    {
        if (actions.Count == 0)
        {
            html.Element("p", "No actions.", ("class", "muted")).Line();
            return;
        }

        html.Open("table").Element("caption", caption).Line();
        WriteHeaderRow(html, "Ref", "Action", "By when", "By whom", "Status", "RAG");
        html.Open("tbody");
        foreach (var action in actions)
        {
            html.Open("tr").Element("th", action.Ref, ("scope", "row"));
            html.Open("td").Element("p", action.Text);
            WriteActionNotes(html, view, area, action);
            html.Close();
            html.Open("td").Text(action.DueText.Length > 0 ? action.DueText : action.DueDate is { } d ? Date(d) : "Not given");
            if (action.IsOverdue)
            {
                html.Void("br").Element("span", "Overdue", ("class", "flag"));
            }

            html.Close();
            html.Element("td", Join(action.Owners));
            html.Element("td", Status(action.Status));
            WriteRagCell(html, view.Progress(action.RagCode));
            html.Close().Line();
        }

        html.Close().Close().Line();
    }

    /// <summary>Under the action: this round's update, the suggested rating where the chosen one differs, and what changed.</summary>
    private static void WriteActionNotes(HtmlWriter html, ReportView view, ReportArea area, ReportAction action)
    {
        if (!string.IsNullOrWhiteSpace(action.UpdateNote))
        {
            html.Open("p", ("class", "note")).Element("strong", "Update: ").Text(action.UpdateNote).Close();
        }

        if (action.SuggestedRagCode is { } suggested && !string.Equals(suggested, action.RagCode, StringComparison.Ordinal))
        {
            var label = view.Progress(suggested)?.Label ?? suggested;
            html.Open("p", ("class", "note")).Element("strong", "Suggested rating: ").Text(label);
            if (!string.IsNullOrWhiteSpace(action.RagReason))
            {
                html.Text(". Why it differs: ").Text(action.RagReason);
            }

            html.Close();
        }

        var changes = view.ChangesFor(area.Number, action.Ref);
        if (changes.Count > 0)
        {
            var since = view.Report.PreviousRoundName is { } previous ? $"Changed since {previous}: " : "Changed: ";
            html.Open("p", ("class", "note")).Element("strong", since).Text(string.Join("; ", changes.Select(c => c.Description))).Close();
        }
    }
}
