using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Trellis.Core.Accounts;
using Trellis.Core.Data;
using Trellis.Core.Dates;
using Trellis.Core.Plans;
using Trellis.Core.Rounds;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.Areas.ViewArea;

/// <summary>An area with every field, its actions and milestones, its monitoring and its indicators.</summary>
[PlanAccess(PlanPermission.View)]
public class ViewAreaModel(TrellisDbContext db, CurrentOrganisation organisation, TimeProvider clock) : TrellisPageModel
{
    [FromRoute]
    public int PlanId { get; set; }

    [FromRoute]
    public int AreaId { get; set; }

    public string PlanTitle { get; private set; } = string.Empty;
    public AreaDetail Area { get; private set; } = null!;
    public List<ActionDetail> Actions { get; private set; } = [];
    public List<MonitoringRow> Monitoring { get; private set; } = [];
    public List<Indicators.IndicatorSummary> IndicatorRows { get; private set; } = [];
    public RagLookup Progress { get; private set; } = new([]);
    public RagLookup Impact { get; private set; } = new([]);
    public Rounds.RollUpPanel? RollUp { get; private set; }

    public sealed record AreaDetail(string Number, string Title, string? Theme, SourceKind? SourceKind, string? SourceReference,
        List<OwnerView> Leads, List<OwnerView> SeniorLeads, List<string> LinkedPlans, List<string> Partners, List<string> Objectives,
        List<string> Outcomes, List<string> MeasuresOfSuccess, string? RagCode, List<string> Warnings);

    public sealed record MilestoneRow(int Id, string Text, DueView Due, ActionStatus? Status, List<string> Warnings);

    public sealed record ActionDetail(int Id, string Ref, string Text, DueView Due, ActionStatus? Status, string? RagCode, string? Comments,
        List<OwnerView> Owners, List<MilestoneRow> Milestones, List<string> Warnings);

    public sealed record MonitoringRow(string Period, string? ProgressRag, string? ImpactRag, string? Commentary, string? FurtherActions);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var area = await db.Areas.AsNoTracking()
            .Where(a => a.Id == AreaId && a.PlanId == PlanId && a.Plan.OrganisationId == organisation.Id)
            .Select(a => new
            {
                PlanTitle = a.Plan.Title,
                a.Number,
                a.Title,
                Theme = a.Theme != null ? a.Theme.Key + ". " + a.Theme.Title : null,
                a.SourceKind,
                a.SourceReference,
                a.LinkedPlans,
                a.Partners,
                a.Objectives,
                a.Outcomes,
                a.MeasuresOfSuccess,
                a.RagCode,
                a.Warnings,
                Leads = a.Leads.OrderBy(l => l.SortOrder).Select(l => new { l.Role, l.PersonId, Name = l.Person != null ? l.Person.Name : null, Initials = l.Person != null ? l.Person.Initials : null, l.Text }).ToList(),
            })
            .FirstOrDefaultAsync(ct);
        if (area is null)
        {
            return NotFound();
        }

        var today = clock.Today();
        PlanTitle = area.PlanTitle;
        List<OwnerView> LeadsOf(LeadRole role) => [.. area.Leads.Where(l => l.Role == role).Select(l => new OwnerView(l.PersonId, l.Name ?? l.Initials ?? l.Text ?? string.Empty, l.Initials))];
        Area = new AreaDetail(area.Number, area.Title, area.Theme, area.SourceKind, area.SourceReference, LeadsOf(LeadRole.Lead), LeadsOf(LeadRole.SeniorLead),
            area.LinkedPlans, area.Partners, area.Objectives, area.Outcomes, area.MeasuresOfSuccess, area.RagCode, area.Warnings);

        var ratings = await db.RagRatings.AsNoTracking().Where(r => r.PlanId == PlanId).OrderBy(r => r.SortOrder).ToListAsync(ct);
        Progress = new RagLookup(ratings.Where(r => r.Scale == RagScale.Progress).Select(RagLabel.From));
        Impact = new RagLookup(ratings.Where(r => r.Scale == RagScale.Impact).Select(RagLabel.From));

        var actions = await db.Actions.AsNoTracking().Where(a => a.AreaId == AreaId).OrderBy(a => a.SortOrder)
            .Select(a => new
            {
                a.Id,
                a.Ref,
                a.Text,
                DueText = a.Due.Text,
                DueDate = a.Due.Date,
                a.Due.Precision,
                a.Status,
                a.RagCode,
                a.Comments,
                a.Warnings,
                Owners = a.Owners.OrderBy(o => o.SortOrder).Select(o => new { o.PersonId, Name = o.Person != null ? o.Person.Name : null, Initials = o.Person != null ? o.Person.Initials : null, o.Text }).ToList(),
                Milestones = a.Milestones.OrderBy(m => m.SortOrder).Select(m => new { m.Id, m.Text, DueText = m.Due.Text, DueDate = m.Due.Date, m.Due.Precision, m.Status, m.Warnings }).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(ct);
        Actions = [.. actions.Select(a => new ActionDetail(a.Id, a.Ref, a.Text, DueView.Of(a.DueText, a.DueDate, a.Precision, a.Status, today), a.Status, a.RagCode, a.Comments,
            [.. a.Owners.Select(o => new OwnerView(o.PersonId, o.Name ?? o.Initials ?? o.Text ?? string.Empty, o.Initials))],
            [.. a.Milestones.Select(m => new MilestoneRow(m.Id, m.Text, DueView.Of(m.DueText, m.DueDate, m.Precision, m.Status ?? a.Status, today), m.Status, m.Warnings))],
            a.Warnings))];

        var scale = RagSuggester.Scale(ratings, RagScale.Progress);
        RollUp = new Rounds.RollUpPanel($"Roll-up of actions in area {area.Number}", RollUps.For(Actions.Select(a => (a.Status, a.RagCode, a.Due.Date)), scale, today), scale);

        Monitoring = await db.MonitoringEntries.AsNoTracking().Where(m => m.AreaId == AreaId).OrderByDescending(m => m.Period)
            .Select(m => new MonitoringRow(m.Period, m.ProgressRag, m.ImpactRag, m.Commentary, m.FurtherActions)).ToListAsync(ct);

        var indicators = await Indicators.IndicatorSummaries.ForPlanAsync(db, PlanId, ct);
        IndicatorRows = [.. indicators.Where(i => i.AreaNumbers.Contains(area.Number))];
        return Page();
    }
}
