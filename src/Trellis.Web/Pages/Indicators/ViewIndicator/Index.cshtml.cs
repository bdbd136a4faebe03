using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Trellis.Core.Accounts;
using Trellis.Core.Data;
using Trellis.Core.Dates;
using Trellis.Core.Indicators;
using Trellis.Core.Indicators.Charts;
using Trellis.Core.Plans;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.Indicators.ViewIndicator;

/// <summary>One indicator: its definition, the latest judgement in words, the chart and the same numbers in a table, breakdowns and corrections.</summary>
[PlanAccess(PlanPermission.View)]
public class ViewIndicatorModel(TrellisDbContext db, CurrentOrganisation organisation) : TrellisPageModel
{
    [FromRoute]
    public int IndicatorId { get; set; }

    public int PlanId { get; private set; }
    public string PlanTitle { get; private set; } = string.Empty;
    public string Name { get; private set; } = string.Empty;
    public IndicatorUnit Unit { get; private set; }
    public List<(string Key, string Value)> Definition { get; private set; } = [];
    public List<(int Id, string Number, string Title)> Areas { get; private set; } = [];
    public IndicatorJudgement Judgement { get; private set; } = null!;
    public HtmlString Chart { get; private set; } = HtmlString.Empty;
    public List<string> ComparatorNames { get; private set; } = [];
    public List<PeriodRow> Periods { get; private set; } = [];
    public List<ComparatorRow> Comparators { get; private set; } = [];
    public List<BreakdownGroup> Breakdowns { get; private set; } = [];
    public List<RevisionRow> Revisions { get; private set; } = [];

    public sealed record PeriodRow(int Id, string Period, string Value, string? AsAt, string Target, RagColour? Rag, string? Note, List<string> Comparators);

    public sealed record ComparatorRow(int Id, string Name, string Period, string Value, string? Source);

    public sealed record BreakdownGroup(string Dimension, string LatestPeriod, List<(string Category, string Value)> Latest, List<string> Periods, List<(string Category, List<string> Values)> Across);

    public sealed record RevisionRow(string Period, string OldValue, string? AsAt, string Replaced, string How);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var indicator = await db.Indicators.AsNoTracking()
            .Include(i => i.Owner).Include(i => i.Targets).Include(i => i.Comparators)
            .Include(i => i.Values).ThenInclude(v => v.Breakdowns)
            .Include(i => i.Values).ThenInclude(v => v.Revisions)
            .AsSplitQuery()
            .FirstOrDefaultAsync(i => i.Id == IndicatorId && db.Plans.Any(p => p.Id == i.PlanId && p.OrganisationId == organisation.Id), ct);
        if (indicator is null)
        {
            return NotFound();
        }

        (PlanId, Name, Unit) = (indicator.PlanId, indicator.Name, indicator.Unit);
        PlanTitle = await db.Plans.Where(p => p.Id == PlanId).Select(p => p.Title).FirstAsync(ct);
        var areas = await db.Areas.AsNoTracking().Where(a => a.PlanId == PlanId).OrderBy(a => a.SortOrder).Select(a => new { a.Id, a.Number, a.Title }).ToListAsync(ct);
        Areas = [.. areas.Where(a => indicator.AreaNumbers.Contains(a.Number)).Select(a => (a.Id, a.Number, a.Title))];

        var facts = IndicatorFacts.Of(indicator);
        var values = indicator.Values.OrderBy(v => v.PeriodStart).ToList();
        Judgement = IndicatorEvaluator.Evaluate(indicator);
        Definition = DefinitionOf(indicator);

        // Comparators sit beside our value where the periods match: by the period's first day, or as written.
        var comparators = indicator.Comparators.OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase).ThenBy(c => c.PeriodStart ?? DateOnly.MaxValue).ThenBy(c => c.Period, StringComparer.Ordinal).ToList();
        ComparatorNames = [.. comparators.Select(c => c.Name).Distinct(StringComparer.OrdinalIgnoreCase)];
        Comparators = [.. comparators.Select(c => new ComparatorRow(c.Id, c.Name, PeriodWords.Display(c.Period), c.Value is { } v ? IndicatorEvaluator.Format(v, Unit) : string.Empty, c.Source))];

        var targets = new List<ChartTarget>();
        foreach (var value in values)
        {
            var target = IndicatorEvaluator.TargetFor(facts, value.PeriodStart);
            var end = Period.TryParse(value.Period, out var period) ? period.End : value.PeriodStart;
            if (target is { HasBounds: true })
            {
                targets.Add(new ChartTarget(value.PeriodStart, end, target.Min, target.Max, target.Text));
            }

            var rag = value.Value is { } number && Unit != IndicatorUnit.Text ? IndicatorEvaluator.Rag(facts, target, number) : null;
            var beside = ComparatorNames.Select(name => comparators.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase)
                    && (c.PeriodStart == value.PeriodStart || string.Equals(c.Period, value.Period, StringComparison.Ordinal))) is { Value: { } cv }
                ? IndicatorEvaluator.Format(cv, Unit) : string.Empty).ToList();
            Periods.Add(new PeriodRow(value.Id, PeriodWords.Display(value.Period), IndicatorEvaluator.Display(value.Value, value.Text, Unit),
                value.AsAt is { } asAt ? Display.Date(asAt) : null, target is null || target.Kind == TargetKind.None ? "No target" : target.Text, rag, value.Note, beside));
        }

        var series = ComparatorNames.Select(name => new ChartSeries(name, [.. comparators
            .Where(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase) && c.PeriodStart is not null)
            .Select(c => new ChartPoint(PeriodWords.Display(c.Period), c.PeriodStart!.Value, c.Value))])).Where(s => s.Points.Count > 0).ToList();

        // IndicatorChart encodes every piece of text it writes (title, description, labels), so its SVG is safe to write as markup.
        Chart = new HtmlString(IndicatorChart.Svg(new ChartInput
        {
            Id = $"chart-{IndicatorId}",
            Title = Name,
            Unit = Unit,
            Points = [.. values.Select(v => new ChartPoint(PeriodWords.Display(v.Period), v.PeriodStart, Unit == IndicatorUnit.Text ? null : v.Value))],
            Targets = targets,
            Comparators = series,
        }));

        Breakdowns = BreakdownsOf(values);
        Revisions = [.. values.SelectMany(v => v.Revisions.Select(r => (v, r)))
            .OrderByDescending(x => x.r.ReplacedAt.UtcDateTime)
            .Select(x => new RevisionRow(PeriodWords.Display(x.v.Period), IndicatorEvaluator.Display(x.r.Value, x.r.Text, Unit),
                x.r.AsAt is { } asAt ? Display.Date(asAt) : null, Display.Date(UkClock.UkDate(x.r.ReplacedAt)), x.r.ReplacedBy ?? "Not recorded"))];
        return Page();
    }

    private static List<(string Key, string Value)> DefinitionOf(Indicator i)
    {
        var reading = TargetReader.Read(i.TargetText);
        var target = i.TargetText is null ? "No target" : $"{i.TargetText} (read as: {TargetWords.Describe(reading, i.Polarity, i.Unit)})";
        var tolerance = i.Tolerance is { } t
            ? i.ToleranceKind == ToleranceKind.Points ? $"{IndicatorEvaluator.Difference(t, i.Unit)} off target" : $"{t:0.##}% of the target"
            : i.Unit == IndicatorUnit.Percent ? "5 points off target (the default for a percentage)" : "10% of the target (the default)";
        var dated = i.Targets.OrderBy(x => x.From ?? DateOnly.MinValue).Select(x => $"{x.Text} ({Span(x.From, x.To)})").ToList();
        return
        [
            ("Description", i.Description ?? "None"),
            ("Unit", IndicatorFormPage.Units.First(u => u.Value == i.Unit.ToString()).Text),
            ("Which way is better", TargetWords.Name(i.Polarity) is var p ? char.ToUpperInvariant(p[0]) + p[1..] : string.Empty),
            ("Reported", $"{i.Frequency}, {(i.YearBasis == YearBasis.Financial ? "financial year" : "calendar year")}"),
            ("Source", i.Source ?? "Not recorded"),
            ("Owner", i.Owner?.DisplayName ?? "No owner"),
            ("Target", target),
            ("Dated targets", dated.Count == 0 ? "None" : string.Join("; ", dated)),
            ("Amber when within", tolerance),
            ("Key", i.Key),
        ];
    }

    private static string Span(DateOnly? from, DateOnly? to) => (from, to) switch
    {
        (null, null) => "always",
        ({ } f, null) => $"from {Display.Date(f)}",
        (null, { } t) => $"until {Display.Date(t)}",
        ({ } f, { } t) => $"{Display.Date(f)} to {Display.Date(t)}",
    };

    private List<BreakdownGroup> BreakdownsOf(List<IndicatorValue> values)
    {
        var withParts = values.Where(v => v.Breakdowns.Count > 0).ToList();
        if (withParts.Count == 0)
        {
            return [];
        }

        var latest = withParts[^1];
        var dimensions = withParts.SelectMany(v => v.Breakdowns.Select(b => b.Dimension)).Distinct(StringComparer.Ordinal).ToList();
        return [.. dimensions.Select(dimension =>
        {
            var periods = withParts.Where(v => v.Breakdowns.Any(b => b.Dimension == dimension)).ToList();
            var categories = periods.SelectMany(v => v.Breakdowns.Where(b => b.Dimension == dimension).Select(b => b.Category)).Distinct(StringComparer.Ordinal).ToList();
            string Of(IndicatorValue v, string category) => v.Breakdowns.FirstOrDefault(b => b.Dimension == dimension && b.Category == category) is { } b
                ? IndicatorEvaluator.Display(b.Value, b.Text, Unit) : string.Empty;
            return new BreakdownGroup(dimension, PeriodWords.Display(latest.Period),
                [.. latest.Breakdowns.Where(b => b.Dimension == dimension).Select(b => (b.Category, IndicatorEvaluator.Display(b.Value, b.Text, Unit)))],
                [.. periods.Select(v => PeriodWords.Display(v.Period))],
                [.. categories.Select(c => (c, periods.Select(v => Of(v, c)).ToList()))]);
        })];
    }
}
