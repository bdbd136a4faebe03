using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Trellis.Core.Accounts;
using Trellis.Core.Data;
using Trellis.Core.Dates;
using Trellis.Core.Plans;
using Trellis.Core.Rounds;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.Plans.ViewPlan;

/// <summary>The plan overview: what is red, overdue or due soon, and how each area is doing.</summary>
[PlanAccess(PlanPermission.View)]
public class ViewPlanModel(TrellisDbContext db, CurrentOrganisation organisation, TimeProvider clock) : TrellisPageModel
{
    [FromRoute]
    public int PlanId { get; set; }

    public PlanHeader Plan { get; private set; } = null!;
    public InspectionView? Inspection { get; private set; }
    public List<RagLabel> Progress { get; private set; } = [];
    public List<RagLabel> Impact { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public int TotalActions { get; private set; }
    public int CompleteActions { get; private set; }
    public List<CountRow> ByRag { get; private set; } = [];
    public List<CountRow> ByStatus { get; private set; } = [];
    public List<ActionRow> Overdue { get; private set; } = [];
    public List<ActionRow> DueSoon { get; private set; } = [];
    public List<ThemeGroup> Themes { get; private set; } = [];
    public RagLookup ProgressLookup { get; private set; } = new([]);
    public RagLookup ImpactLookup { get; private set; } = new([]);
    public Rounds.RollUpPanel? PlanRollUp { get; private set; }
    public Dictionary<int, Rounds.RollUpPanel> ThemeRollUps { get; private set; } = [];
    public int IndicatorCount { get; private set; }
    public List<WrongWayGroup> WrongWay { get; private set; } = [];

    /// <summary>An area (or none, for indicators linked to no area) with its indicators worse than the previous period.</summary>
    public sealed record WrongWayGroup(int? AreaId, string Label, List<Indicators.IndicatorSummary> Indicators);

    public sealed record PlanHeader(string Title, PlanStatus Status, MonitoringCadence Cadence, DateOnly? Start, DateOnly? End, List<string> Governance, int Unplaced);
    public sealed record InspectionView(string? Framework, DateOnly? Start, DateOnly? End, DateOnly? Published, List<(string Area, string Grade)> Judgements);
    public sealed record CountRow(RagLabel? Rating, string Label, int Count);
    public sealed record AreaRow(int Id, string Number, string Title, string? RagCode, List<OwnerView> Leads, int Actions, int Complete, int Overdue, string? Period, string? ProgressRag, string? ImpactRag, List<(RagLabel? Rating, int Count)> Mix);
    public sealed record ThemeGroup(int? Id, string? Key, string Title, List<AreaRow> Areas);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking()
            .Where(p => p.Id == PlanId && p.OrganisationId == organisation.Id)
            .Select(p => new PlanHeader(p.Title, p.Status, p.MonitoringCadence, p.PeriodStart, p.PeriodEnd, p.Governance, p.Unplaced.Count))
            .FirstOrDefaultAsync(ct);
        if (plan is null)
        {
            return NotFound();
        }

        Plan = plan;
        Today = clock.Today();

        var inspection = await db.Inspections.AsNoTracking().Where(i => i.PlanId == PlanId)
            .Select(i => new { i.Framework, i.Start, i.End, i.Published, Judgements = i.Judgements.OrderBy(j => j.SortOrder).Select(j => new { j.Area, j.Grade, j.GradeText }).ToList() })
            .FirstOrDefaultAsync(ct);
        if (inspection is not null)
        {
            Inspection = new InspectionView(inspection.Framework, inspection.Start, inspection.End, inspection.Published,
                [.. inspection.Judgements.Select(j => (j.Area, Display.Grade(j.Grade, j.GradeText)))]);
        }

        var ratings = await db.RagRatings.AsNoTracking().Where(r => r.PlanId == PlanId).OrderBy(r => r.SortOrder).ToListAsync(ct);
        Progress = [.. ratings.Where(r => r.Scale == RagScale.Progress).Select(RagLabel.From)];
        Impact = [.. ratings.Where(r => r.Scale == RagScale.Impact).Select(RagLabel.From)];
        ProgressLookup = new RagLookup(Progress);
        ImpactLookup = new RagLookup(Impact);

        var actions = await db.Actions.AsNoTracking().Where(a => a.Area.PlanId == PlanId)
            .OrderBy(a => a.Area.SortOrder).ThenBy(a => a.SortOrder)
            .Select(a => new { a.Id, a.AreaId, AreaNumber = a.Area.Number, a.Ref, a.Text, DueText = a.Due.Text, DueDate = a.Due.Date, a.Due.Precision, a.Status, a.RagCode })
            .ToListAsync(ct);
        var owners = (await db.ActionOwners.AsNoTracking().Where(o => db.Actions.Any(a => a.Id == o.ActionId && a.Area.PlanId == PlanId))
            .OrderBy(o => o.SortOrder)
            .Select(o => new { o.ActionId, o.PersonId, Name = o.Person != null ? o.Person.Name : null, Initials = o.Person != null ? o.Person.Initials : null, o.Text })
            .ToListAsync(ct))
            .ToLookup(o => o.ActionId, o => new OwnerView(o.PersonId, o.Name ?? o.Initials ?? o.Text ?? string.Empty, o.Initials));

        var rows = actions.Select(a => new ActionRow(a.Id, a.AreaId, a.AreaNumber, a.Ref, a.Text,
            DueView.Of(a.DueText, a.DueDate, a.Precision, a.Status, Today), a.RagCode, a.Status, [.. owners[a.Id]])).ToList();

        TotalActions = rows.Count;
        CompleteActions = rows.Count(r => r.Status == ActionStatus.Complete || (r.RagCode is not null && ProgressLookup[r.RagCode]!.IsComplete));
        ByRag = [.. Progress.Select(r => new CountRow(r, r.Label, rows.Count(a => string.Equals(a.RagCode, r.Code, StringComparison.OrdinalIgnoreCase))))];
        var unknown = rows.Count(a => a.RagCode is null || !Progress.Any(r => string.Equals(r.Code, a.RagCode, StringComparison.OrdinalIgnoreCase)));
        ByRag.Add(new CountRow(null, "Not rated", unknown));
        ByStatus = [.. Enum.GetValues<ActionStatus>().Select(s => new CountRow(null, Display.Status(s), rows.Count(a => a.Status == s)))];
        ByStatus.Add(new CountRow(null, "No status", rows.Count(a => a.Status is null)));
        Overdue = [.. rows.Where(r => r.Due.Overdue).OrderBy(r => r.Due.Date)];
        DueSoon = [.. rows.Where(r => r.Due.DueSoon).OrderBy(r => r.Due.Date)];

        var areas = await db.Areas.AsNoTracking().Where(a => a.PlanId == PlanId).OrderBy(a => a.SortOrder)
            .Select(a => new
            {
                a.Id,
                a.Number,
                a.Title,
                a.ThemeId,
                a.RagCode,
                Leads = a.Leads.Where(l => l.Role == LeadRole.Lead).OrderBy(l => l.SortOrder)
                    .Select(l => new { l.PersonId, Name = l.Person != null ? l.Person.Name : null, Initials = l.Person != null ? l.Person.Initials : null, l.Text }).ToList(),
                Latest = a.Monitoring.OrderByDescending(m => m.Period).Select(m => new { m.Period, m.ProgressRag, m.ImpactRag }).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var themes = await db.Themes.AsNoTracking().Where(t => t.PlanId == PlanId).OrderBy(t => t.SortOrder)
            .Select(t => new { t.Id, t.Key, t.Title }).ToListAsync(ct);
        var byArea = rows.ToLookup(r => r.AreaId);

        var areaRows = areas.Select(a =>
        {
            var own = byArea[a.Id].ToList();
            var mix = Progress.Select(r => ((RagLabel?)r, own.Count(x => string.Equals(x.RagCode, r.Code, StringComparison.OrdinalIgnoreCase)))).ToList();
            mix.Add((null, own.Count(x => x.RagCode is null || !Progress.Any(r => string.Equals(r.Code, x.RagCode, StringComparison.OrdinalIgnoreCase)))));
            return (a.ThemeId, Row: new AreaRow(a.Id, a.Number, a.Title, a.RagCode,
                [.. a.Leads.Select(l => new OwnerView(l.PersonId, l.Name ?? l.Initials ?? l.Text ?? string.Empty, l.Initials))],
                own.Count, own.Count(x => x.Status == ActionStatus.Complete), own.Count(x => x.Due.Overdue),
                a.Latest?.Period, a.Latest?.ProgressRag, a.Latest?.ImpactRag, mix));
        }).ToList();

        var scale = RagSuggester.Scale(ratings, RagScale.Progress);
        Rounds.RollUpPanel Panel(string caption, IEnumerable<ActionRow> of) =>
            new(caption, RollUps.For(of.Select(r => (r.Status, r.RagCode, r.Due.Date)), scale, Today), scale);
        PlanRollUp = Panel("Roll-up of all actions", rows);
        var areaTheme = areas.ToDictionary(a => a.Id, a => a.ThemeId);
        ThemeRollUps = themes.ToDictionary(t => t.Id, t => Panel($"Roll-up of actions in {t.Title}", rows.Where(r => areaTheme.GetValueOrDefault(r.AreaId) == t.Id)));

        Themes = [.. themes.Select(t => new ThemeGroup(t.Id, t.Key, t.Title, [.. areaRows.Where(r => r.ThemeId == t.Id).Select(r => r.Row)]))];
        var loose = areaRows.Where(r => r.ThemeId is null || themes.All(t => t.Id != r.ThemeId)).Select(r => r.Row).ToList();
        if (loose.Count > 0)
        {
            Themes.Add(new ThemeGroup(null, null, themes.Count == 0 ? "Areas for improvement" : "Areas not in a theme", loose));
        }

        var indicators = await Indicators.IndicatorSummaries.ForPlanAsync(db, PlanId, ct);
        IndicatorCount = indicators.Count;
        var worsening = indicators.Where(i => i.Judgement.IsWorsening).ToList();
        WrongWay = [.. areas.Select(a => new WrongWayGroup(a.Id, $"{a.Number}. {a.Title}", [.. worsening.Where(i => i.AreaNumbers.Contains(a.Number))]))
            .Where(g => g.Indicators.Count > 0)];
        var unlinked = worsening.Where(i => !areas.Any(a => i.AreaNumbers.Contains(a.Number))).ToList();
        if (unlinked.Count > 0)
        {
            WrongWay.Add(new WrongWayGroup(null, "Not linked to an area", unlinked));
        }

        return Page();
    }
}
