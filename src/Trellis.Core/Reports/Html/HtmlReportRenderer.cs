using System.Globalization;
using System.Text;
using Trellis.Core.Dates;
using Trellis.Core.Plans;

namespace Trellis.Core.Reports.Html;

/// <summary>
/// The report as one standalone, accessible web page: no scripts, nothing fetched from elsewhere, a print style
/// sheet for A4. The PDF is this page printed by Chromium, so both share one layout.
/// </summary>
public sealed partial class HtmlReportRenderer : IReportRenderer
{
    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    public ReportFormat Format => ReportFormat.Html;

    public bool Supports(ReportLayout layout) => Enum.IsDefined(layout);

    public async Task RenderAsync(BoardReport report, ReportLayout layout, Stream output, CancellationToken cancellationToken)
    {
        var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(Render(report, layout));
        await output.WriteAsync(bytes, cancellationToken);
    }

    /// <summary>The whole document. Pure: the same report and layout always give the same text.</summary>
    public static string Render(BoardReport report, ReportLayout layout)
    {
        var view = new ReportView(report);
        var html = new HtmlWriter();
        html.Trusted("<!DOCTYPE html>").Line();
        html.Open("html", ("lang", "en-GB")).Line();
        html.Open("head").Line();
        html.Void("meta", ("charset", "utf-8")).Line();
        html.Void("meta", ("name", "viewport"), ("content", "width=device-width, initial-scale=1")).Line();
        html.Element("title", $"{report.PlanTitle}: {LayoutTitle(layout)}, {report.Round.Name} – {report.CouncilName}").Line();
        html.Open("style").Trusted(ReportStyles.Css).Close().Line();
        html.Close().Line();
        html.Open("body").Line();
        html.Open("main").Line();

        switch (layout)
        {
            case ReportLayout.Table:
                WriteTableLayout(html, view);
                break;
            case ReportLayout.Exceptions:
                WriteExceptionsLayout(html, view);
                break;
            case ReportLayout.Committee:
                WriteCommitteeLayout(html, view);
                break;
            default:
                WritePlanLayout(html, view);
                break;
        }

        html.Close().Line(); // main
        html.Close().Line(); // body
        html.Close().Line(); // html
        return html.ToString();
    }

    internal static string LayoutTitle(ReportLayout layout) => layout switch
    {
        ReportLayout.Table => "summary table",
        ReportLayout.Exceptions => "exceptions report",
        ReportLayout.Committee => "progress report",
        _ => "monitoring report",
    };

    private static string Date(DateOnly date) => DateText.Long(date);

    private static string Status(ActionStatus? status) => status switch
    {
        ActionStatus.NotStarted => "Not started",
        ActionStatus.InProgress => "In progress",
        ActionStatus.Complete => "Complete",
        ActionStatus.Dropped => "Dropped",
        _ => "Not given",
    };

    private static string Number(int value) => value.ToString("#,##0", Uk);

    private static string Join(IEnumerable<string> values) => string.Join("; ", values.Where(v => !string.IsNullOrWhiteSpace(v)));

    private static void WriteTitleBlock(HtmlWriter html, ReportView view, string heading)
    {
        var report = view.Report;
        html.Element("p", report.CouncilName, ("class", "council")).Line();
        html.Element("h1", heading).Line();
        html.Element("p", $"Monitoring round {report.Round.Name} ({Date(report.Round.PeriodStart)} to {Date(report.Round.PeriodEnd)}), as at {Date(report.Round.AsAt)}", ("class", "lede")).Line();
        html.Element("p", FinalOrDraft(report), ("class", "draft")).Line();
    }

    private static string FinalOrDraft(BoardReport report) => report.Round.IsFinal
        ? $"Final: round closed on {Date(report.Round.AsAt)}"
        : "Draft: round open, so ratings and updates may still change";

    /// <summary>A rating as a tag whose text says the rating; its colour only repeats it.</summary>
    private static void WriteRag(HtmlWriter html, ReportRating? rating, string tag = "strong")
    {
        var label = rating?.Label is { Length: > 0 } l ? l : "Not rated";
        html.Element(tag, label, ("class", $"rag {RagClass(rating?.Colour)}"));
    }

    private static void WriteRagCell(HtmlWriter html, ReportRating? rating) => WriteRag(html, rating, "td");

    private static string RagClass(RagColour? colour) => colour switch
    {
        RagColour.Red => "rag-red",
        RagColour.Amber => "rag-amber",
        RagColour.Green => "rag-green",
        RagColour.Blue => "rag-blue",
        _ => "rag-grey",
    };

    private static string ColourWords(RagColour? colour) => colour?.ToString() ?? "Not rated";

    private static void WriteRichText(HtmlWriter html, string? source, string whenEmpty)
    {
        var blocks = RichText.Parse(source);
        if (blocks.Count == 0)
        {
            html.Element("p", whenEmpty, ("class", "muted")).Line();
            return;
        }

        foreach (var block in blocks)
        {
            var list = block.Kind switch
            {
                RichBlockKind.Bullets => "ul",
                RichBlockKind.Numbers => "ol",
                _ => null,
            };
            if (list is not null)
            {
                html.Open(list);
            }

            foreach (var item in block.Items)
            {
                html.Open(list is null ? "p" : "li");
                foreach (var run in item)
                {
                    if (run.Bold)
                    {
                        html.Open("strong");
                    }

                    if (run.Italic)
                    {
                        html.Open("em");
                    }

                    html.Text(run.Text);
                    if (run.Italic)
                    {
                        html.Close();
                    }

                    if (run.Bold)
                    {
                        html.Close();
                    }
                }

                html.Close();
            }

            if (list is not null)
            {
                html.Close();
            }

            html.Line();
        }
    }

    private static void WriteList(HtmlWriter html, IReadOnlyList<string> items, string whenEmpty)
    {
        if (items.Count == 0)
        {
            html.Element("p", whenEmpty, ("class", "muted")).Line();
            return;
        }

        html.Open("ul");
        foreach (var item in items)
        {
            html.Element("li", item);
        }

        html.Close().Line();
    }

    private static void WriteHeaderRow(HtmlWriter html, params string[] headings)
    {
        html.Open("thead").Open("tr");
        foreach (var heading in headings)
        {
            html.Element("th", heading, ("scope", "col"));
        }

        html.Close().Close().Line();
    }

    /// <summary>"Of 72 actions, 40 are Green (56%) ...; 10 are overdue." in the plan's own words.</summary>
    private static string RollUpSentence(RollUp rollUp, string what)
    {
        if (rollUp.Total == 0)
        {
            return $"{what} has no actions.";
        }

        var sentence = new StringBuilder();
        sentence.Append(CultureInfo.InvariantCulture, $"{what} has {Number(rollUp.Total)} {(rollUp.Total == 1 ? "action" : "actions")}");
        if (rollUp.DueThisYear > 0)
        {
            sentence.Append(CultureInfo.InvariantCulture, $", {Number(rollUp.DueThisYear)} due this financial year");
        }

        sentence.Append(CultureInfo.InvariantCulture, $"; {Number(rollUp.Overdue)} {(rollUp.Overdue == 1 ? "is" : "are")} overdue.");
        var rated = rollUp.ByRag.Where(c => c.Count > 0).ToList();
        if (rated.Count > 0)
        {
            sentence.Append(" Ratings: ");
            sentence.Append(string.Join(", ", rated.Select(c => $"{c.Label} {Number(c.Count)} ({c.Percent}%)")));
            sentence.Append('.');
        }

        return sentence.ToString();
    }

    private static void WriteRollUpTable(HtmlWriter html, RollUp rollUp, string caption, IReadOnlyList<RollUpCount> counts, string firstColumn)
    {
        if (counts.Count == 0)
        {
            return;
        }

        html.Open("table").Element("caption", caption).Line();
        WriteHeaderRow(html, firstColumn, "Actions", "Share of all actions");
        html.Open("tbody");
        foreach (var count in counts)
        {
            html.Open("tr").Element("th", count.Label, ("scope", "row"))
                .Element("td", Number(count.Count), ("class", "number"))
                .Element("td", $"{count.Percent}%", ("class", "number")).Close().Line();
        }

        html.Open("tr").Element("th", "All actions", ("scope", "row"))
            .Element("td", Number(rollUp.Total), ("class", "number"))
            .Element("td", rollUp.Total == 0 ? "0%" : "100%", ("class", "number")).Close();
        html.Close().Close().Line();
    }

    /// <summary>The report with its ratings looked up once, shared by every layout.</summary>
    private sealed class ReportView(BoardReport report)
    {
        private readonly Dictionary<string, ReportRating> _progress = report.ProgressScale.GroupBy(r => r.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        private readonly Dictionary<string, ReportRating> _impact = report.ImpactScale.GroupBy(r => r.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        private readonly Dictionary<string, ReportIndicator> _indicators = report.Indicators.GroupBy(i => i.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        public BoardReport Report => report;

        public ReportRating? Progress(string? code) => Find(_progress, code);

        public ReportRating? Impact(string? code) => Find(_impact, code);

        public IReadOnlyList<ReportIndicator> IndicatorsFor(ReportArea area) =>
            [.. area.IndicatorKeys.Where(_indicators.ContainsKey).Select(k => _indicators[k])];

        public IReadOnlyList<ReportChange> ChangesFor(string areaNumber, string? actionRef) =>
            [.. report.Changes.Where(c => c.AreaNumber == areaNumber && c.ActionRef == actionRef)];

        public bool IsRed(ReportAction action) => Progress(action.RagCode)?.Colour == RagColour.Red;

        // A code that is not on the plan's scale is still shown, as written, in grey.
        private static ReportRating? Find(Dictionary<string, ReportRating> scale, string? code) =>
            code is null ? null : scale.TryGetValue(code, out var rating) ? rating : new ReportRating(code, code, null, RagColour.Grey, false);
    }
}
