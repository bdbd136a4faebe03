using Trellis.Core.Plans;

namespace Trellis.Core.Reports.Html;

/// <summary>The table, exceptions and committee layouts.</summary>
public sealed partial class HtmlReportRenderer
{
    private static void WriteTableLayout(HtmlWriter html, ReportView view)
    {
        var report = view.Report;
        html.Open("section", ("class", "wide")).Line();
        WriteTitleBlock(html, view, $"{report.PlanTitle}: summary table");
        html.Element("p", RollUpSentence(report.PlanRollUp, "The plan")).Line();
        html.Open("table").Element("caption", $"Progress by area, {report.Round.Name}").Line();
        WriteHeaderRow(html, "Area", "Progress", "Next steps", "Lead", "Timescale", "Indicators", "Current performance", "RAG");
        html.Open("tbody");
        foreach (var area in report.Areas)
        {
            var indicators = view.IndicatorsFor(area);
            html.Open("tr").Element("th", $"{area.Number}. {area.Title}", ("scope", "row"));
            html.Open("td").Element("p", RollUpSentence(area.RollUp, $"Area {area.Number}"));
            WriteRichText(html, area.Commentary, "No commentary this round.");
            html.Close();
            html.Open("td");
            WriteRichText(html, area.FurtherActions, "None recorded.");
            html.Close();
            html.Element("td", Join(area.Leads.Concat(area.SeniorLeads)));
            html.Element("td", Timescale(area));
            html.Open("td");
            WriteList(html, [.. indicators.Select(i => i.Name)], "None linked.");
            html.Close();
            html.Open("td");
            WriteList(html, [.. indicators.Where(i => i.Values.Count > 0).Select(i => $"{i.Name}: {i.Values[^1].Display} ({i.Values[^1].Period}), {ColourWords(i.Rag)}")], "No data.");
            html.Close();
            WriteRagCell(html, view.Progress(area.ProgressRag));
            html.Close().Line();
        }

        html.Close().Close().Line();
        html.Close().Line();
    }

    /// <summary>The latest due date among the area's open actions, as written.</summary>
    private static string Timescale(ReportArea area)
    {
        var latest = area.Actions
            .Where(a => a.Status is not (ActionStatus.Complete or ActionStatus.Dropped) && a.DueDate is not null)
            .OrderByDescending(a => a.DueDate)
            .FirstOrDefault();
        return latest is null ? "No open actions with a date"
            : latest.DueText.Length > 0 ? latest.DueText
            : Date(latest.DueDate!.Value);
    }

    private static void WriteExceptionsLayout(HtmlWriter html, ReportView view)
    {
        var report = view.Report;
        WriteTitleBlock(html, view, $"{report.PlanTitle}: exceptions");
        var since = report.PreviousRoundName is { } previous ? $" since {previous}" : string.Empty;
        html.Element("p", $"This report lists only actions rated red, overdue actions and what changed{since}.").Line();

        var allActions = report.Areas.SelectMany(a => a.Actions).ToList();
        var red = allActions.Count(view.IsRed);
        var overdue = allActions.Count(a => a.IsOverdue);
        var redProgress = report.Areas.Count(a => view.Progress(a.ProgressRag)?.Colour == RagColour.Red);
        var redImpact = report.Areas.Count(a => view.Impact(a.ImpactRag)?.Colour == RagColour.Red);

        html.Element("h2", "Summary").Line();
        html.Open("table").Element("caption", "Exceptions this round").Line();
        WriteHeaderRow(html, "Exception", "Number");
        html.Open("tbody");
        foreach (var (label, count) in new[]
        {
            ("Actions rated red", red),
            ("Overdue actions", overdue),
            ($"Changes{since}", report.Changes.Count),
            ("Areas rated red for progress", redProgress),
            ("Areas rated red for impact", redImpact),
        })
        {
            html.Open("tr").Element("th", label, ("scope", "row")).Element("td", Number(count), ("class", "number")).Close().Line();
        }

        html.Close().Close().Line();

        var any = false;
        foreach (var area in report.Areas)
        {
            var actions = area.Actions.Where(a => view.IsRed(a) || a.IsOverdue || a.Changed || view.ChangesFor(area.Number, a.Ref).Count > 0).ToList();
            var listedRefs = actions.Select(a => a.Ref).ToHashSet(StringComparer.Ordinal);
            var otherChanges = report.Changes.Where(c => c.AreaNumber == area.Number && (c.ActionRef is null || !listedRefs.Contains(c.ActionRef))).ToList();
            var progress = view.Progress(area.ProgressRag);
            var impact = view.Impact(area.ImpactRag);
            var areaRed = progress?.Colour == RagColour.Red || impact?.Colour == RagColour.Red;
            if (actions.Count == 0 && otherChanges.Count == 0 && !areaRed)
            {
                continue;
            }

            any = true;
            html.Element("h2", $"Area {area.Number}: {area.Title}").Line();
            html.Open("p").Text("Progress: ");
            WriteRag(html, progress);
            html.Text(" Impact: ");
            WriteRag(html, impact);
            html.Close().Line();
            if (actions.Count > 0)
            {
                WriteActionsTable(html, view, area, actions, $"Exceptions in area {area.Number}");
            }

            if (otherChanges.Count > 0)
            {
                html.Element("h3", $"Other changes{since}").Line();
                WriteList(html, [.. otherChanges.Select(c => c.ActionRef is null ? c.Description : $"{c.ActionRef} {c.ActionText}: {c.Description}")], string.Empty);
            }
        }

        if (!any)
        {
            html.Element("h2", "No exceptions").Line();
            html.Element("p", $"No exceptions: no action is rated red or overdue, no area is rated red, and nothing changed{since}.").Line();
        }
    }

    private static void WriteCommitteeLayout(HtmlWriter html, ReportView view)
    {
        var report = view.Report;
        var title = $"{report.PlanTitle}: progress report";
        html.Element("p", report.CouncilName, ("class", "council")).Line();
        html.Element("h1", title).Line();
        html.Open("table").Element("caption", "Report details").Line();
        html.Open("tbody");
        foreach (var (label, value) in new[]
        {
            ("Report title", title),
            ("Monitoring round", $"{report.Round.Name} ({Date(report.Round.PeriodStart)} to {Date(report.Round.PeriodEnd)})"),
            ("Council", report.CouncilName),
            ("Date", Date(report.Round.AsAt)),
            ("Status", FinalOrDraft(report)),
        })
        {
            html.Open("tr").Element("th", label, ("scope", "row")).Element("td", value).Close().Line();
        }

        html.Close().Close().Line();

        foreach (var narrative in report.Narratives)
        {
            html.Element("h2", narrative.Heading).Line();
            WriteRichText(html, narrative.Body, string.Empty);
        }

        html.Element("h2", "Progress against the plan").Line();
        html.Element("p", RollUpSentence(report.PlanRollUp, "The plan")).Line();
        WriteRollUpTable(html, report.PlanRollUp, "Actions by rating", report.PlanRollUp.ByRag, "Rating");

        html.Open("section", ("class", "scorecard wide")).Line();
        html.Element("h2", "Performance indicators").Line();
        WriteScorecard(html, report.Indicators, "Performance indicators");
        html.Close().Line();

        if (report.Indicators.Any(ReportCharts.HasChart))
        {
            // The charts repeat the table above as pictures; the table stays the source of the numbers.
            html.Element("h2", "Indicator trends").Line();
            WriteCharts(html, report.Indicators, "chart");
        }

        html.Element("h2", "Improvement log").Line();
        if (report.ImprovementLog.Count == 0)
        {
            html.Element("p", "No entries in the improvement log.", ("class", "muted")).Line();
        }
        else
        {
            html.Open("table").Element("caption", "What we have done, why, and when").Line();
            WriteHeaderRow(html, "What we have done", "Why we have done it", "When");
            html.Open("tbody");
            foreach (var entry in report.ImprovementLog)
            {
                html.Open("tr").Element("td", entry.WhatWeHaveDone).Element("td", entry.Why).Element("td", entry.When).Close().Line();
            }

            html.Close().Close().Line();
        }

        html.Element("h2", "Self-assessment").Line();
        if (report.SelfAssessment.Count == 0)
        {
            html.Element("p", "No self-assessment for this round.", ("class", "muted")).Line();
        }
        else
        {
            html.Open("table").Element("caption", "Self-assessment: areas for improvement and the impact on practice").Line();
            WriteHeaderRow(html, "Area for improvement", "What we have done to improve", "What is the impact on practice");
            html.Open("tbody");
            foreach (var entry in report.SelfAssessment)
            {
                html.Open("tr").Element("th", entry.AreaForImprovement, ("scope", "row")).Element("td", entry.WhatWeHaveDone).Element("td", entry.ImpactOnPractice).Close().Line();
            }

            html.Close().Close().Line();
        }
    }
}
