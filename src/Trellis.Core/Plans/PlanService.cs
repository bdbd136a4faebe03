using Microsoft.EntityFrameworkCore;
using Trellis.Core.Data;
using Trellis.Core.Dates;
using Trellis.Core.Owners;

namespace Trellis.Core.Plans;

/// <summary>
/// Every change to a plan and what it holds goes through here. Each method takes the caller's
/// organisation and finds nothing outside it, so another council's ids behave as missing.
/// Methods return null (or false) when the thing is not found.
/// </summary>
public sealed class PlanService(TrellisDbContext db)
{
    public async Task<Plan> CreatePlanAsync(int organisationId, PlanInput input, CancellationToken ct = default)
    {
        var plan = new Plan { OrganisationId = organisationId };
        Apply(plan, input);
        plan.RagRatings.AddRange(RagRating.DefaultScale(RagScale.Progress));
        plan.RagRatings.AddRange(RagRating.DefaultScale(RagScale.Impact));
        db.Plans.Add(plan);
        await db.SaveChangesAsync(ct);
        return plan;
    }

    public async Task<bool> UpdatePlanAsync(int organisationId, int planId, PlanInput input, CancellationToken ct = default)
    {
        var plan = await db.Plans.FirstOrDefaultAsync(p => p.Id == planId && p.OrganisationId == organisationId, ct);
        if (plan is null)
        {
            return false;
        }

        Apply(plan, input);
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<bool> DeletePlanAsync(int organisationId, int planId, CancellationToken ct = default)
    {
        var plan = await db.Plans.FirstOrDefaultAsync(p => p.Id == planId && p.OrganisationId == organisationId, ct);
        if (plan is null)
        {
            return false;
        }

        // Leads and owners point at people with SET NULL; everything else belongs to the plan and cascades.
        db.Plans.Remove(plan);
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<Theme?> CreateThemeAsync(int organisationId, int planId, ThemeInput input, CancellationToken ct = default)
    {
        if (!await PlanExists(organisationId, planId, ct))
        {
            return null;
        }

        var order = await db.Themes.Where(t => t.PlanId == planId).Select(t => (int?)t.SortOrder).MaxAsync(ct) ?? -1;
        var theme = new Theme { PlanId = planId, Key = input.Key.Trim(), Title = input.Title.Trim(), SortOrder = order + 1 };
        db.Themes.Add(theme);
        await db.SaveChangesAsync(ct);
        return theme;
    }

    public async Task<bool> UpdateThemeAsync(int organisationId, int themeId, ThemeInput input, CancellationToken ct = default)
    {
        var theme = await db.Themes.FirstOrDefaultAsync(t => t.Id == themeId && t.Plan.OrganisationId == organisationId, ct);
        if (theme is null)
        {
            return false;
        }

        theme.Key = input.Key.Trim();
        theme.Title = input.Title.Trim();
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Deletes a theme; its areas stay in the plan, ungrouped.</summary>
    public async Task<bool> DeleteThemeAsync(int organisationId, int themeId, CancellationToken ct = default)
    {
        var theme = await db.Themes.Include(t => t.Areas).FirstOrDefaultAsync(t => t.Id == themeId && t.Plan.OrganisationId == organisationId, ct);
        if (theme is null)
        {
            return false;
        }

        foreach (var area in theme.Areas)
        {
            area.ThemeId = null;
        }

        db.Themes.Remove(theme);
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<Area?> CreateAreaAsync(int organisationId, int planId, AreaInput input, CancellationToken ct = default)
    {
        if (!await PlanExists(organisationId, planId, ct))
        {
            return null;
        }

        var order = await db.Areas.Where(a => a.PlanId == planId).Select(a => (int?)a.SortOrder).MaxAsync(ct) ?? -1;
        var area = new Area { PlanId = planId, SortOrder = order + 1 };
        await ApplyAsync(area, input, ct);
        db.Areas.Add(area);
        await db.SaveChangesAsync(ct);
        return area;
    }

    public async Task<bool> UpdateAreaAsync(int organisationId, int areaId, AreaInput input, CancellationToken ct = default)
    {
        var version = await db.Areas.Where(a => a.Id == areaId && a.Plan.OrganisationId == organisationId).Select(a => (Guid?)a.Version).FirstOrDefaultAsync(ct);
        return version is { } current && await UpdateAreaAsync(organisationId, areaId, current, input, ct) == SaveResult.Saved;
    }

    /// <summary>Saves an edit made from <paramref name="expectedVersion"/>; returns Conflict when someone saved in between, even at the same instant.</summary>
    public async Task<SaveResult> UpdateAreaAsync(int organisationId, int areaId, Guid expectedVersion, AreaInput input, CancellationToken ct = default)
    {
        var area = await db.Areas.Include(a => a.Leads)
            .FirstOrDefaultAsync(a => a.Id == areaId && a.Plan.OrganisationId == organisationId, ct);
        if (area is null)
        {
            return SaveResult.NotFound;
        }

        await ApplyAsync(area, input, ct);
        return await SaveFromVersionAsync(area, a => a.Version, expectedVersion, ct);
    }

    public async Task<bool> DeleteAreaAsync(int organisationId, int areaId, CancellationToken ct = default)
    {
        var area = await db.Areas.FirstOrDefaultAsync(a => a.Id == areaId && a.Plan.OrganisationId == organisationId, ct);
        if (area is null)
        {
            return false;
        }

        db.Areas.Remove(area);
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<PlanAction?> CreateActionAsync(int organisationId, int areaId, ActionInput input, CancellationToken ct = default)
    {
        var area = await db.Areas.Where(a => a.Id == areaId && a.Plan.OrganisationId == organisationId)
            .Select(a => new { a.Id, a.PlanId })
            .FirstOrDefaultAsync(ct);
        if (area is null)
        {
            return null;
        }

        var order = await db.Actions.Where(a => a.AreaId == areaId).Select(a => (int?)a.SortOrder).MaxAsync(ct) ?? -1;
        var action = new PlanAction { AreaId = areaId, SortOrder = order + 1 };
        await ApplyAsync(action, area.PlanId, input, ct);
        db.Actions.Add(action);
        await db.SaveChangesAsync(ct);
        return action;
    }

    /// <summary>Saves an edit made from <paramref name="expectedVersion"/>; returns Conflict when someone saved in between.</summary>
    public async Task<SaveResult> UpdateActionAsync(int organisationId, int actionId, Guid expectedVersion, ActionInput input, CancellationToken ct = default)
    {
        var action = await db.Actions.Include(a => a.Owners).Include(a => a.Milestones).Include(a => a.Area)
            .FirstOrDefaultAsync(a => a.Id == actionId && a.Area.Plan.OrganisationId == organisationId, ct);
        if (action is null)
        {
            return SaveResult.NotFound;
        }

        await ApplyAsync(action, action.Area.PlanId, input, ct);
        return await SaveFromVersionAsync(action, a => a.Version, expectedVersion, ct);
    }

    /// <summary>
    /// The one way an edit from a known version is saved: the UPDATE's WHERE clause carries the version the form was read at,
    /// so of two saves from the same version exactly one matches a row; the other changes nothing and is a conflict.
    /// </summary>
    private async Task<SaveResult> SaveFromVersionAsync<T>(T entity, System.Linq.Expressions.Expression<Func<T, Guid>> version, Guid expected, CancellationToken ct)
        where T : class
    {
        var property = db.Entry(entity).Property(version);
        property.OriginalValue = expected;
        property.CurrentValue = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return SaveResult.Conflict;
        }

        return SaveResult.Saved;
    }

    public async Task<bool> DeleteActionAsync(int organisationId, int actionId, CancellationToken ct = default)
    {
        var action = await db.Actions.FirstOrDefaultAsync(a => a.Id == actionId && a.Area.Plan.OrganisationId == organisationId, ct);
        if (action is null)
        {
            return false;
        }

        db.Actions.Remove(action);
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<Milestone?> CreateMilestoneAsync(int organisationId, int actionId, MilestoneInput input, CancellationToken ct = default)
    {
        var planId = await db.Actions.Where(a => a.Id == actionId && a.Area.Plan.OrganisationId == organisationId)
            .Select(a => (int?)a.Area.PlanId).FirstOrDefaultAsync(ct);
        if (planId is null)
        {
            return null;
        }

        var order = await db.Milestones.Where(m => m.ActionId == actionId).Select(m => (int?)m.SortOrder).MaxAsync(ct) ?? -1;
        var milestone = new Milestone { ActionId = actionId, SortOrder = order + 1 };
        await ApplyAsync(milestone, planId.Value, input, ct);
        db.Milestones.Add(milestone);
        await TouchActionAsync(actionId, ct);
        await db.SaveChangesAsync(ct);
        return milestone;
    }

    public async Task<bool> UpdateMilestoneAsync(int organisationId, int milestoneId, MilestoneInput input, CancellationToken ct = default)
    {
        var milestone = await db.Milestones.Include(m => m.Action).ThenInclude(a => a.Area)
            .FirstOrDefaultAsync(m => m.Id == milestoneId && m.Action.Area.Plan.OrganisationId == organisationId, ct);
        if (milestone is null)
        {
            return false;
        }

        await ApplyAsync(milestone, milestone.Action.Area.PlanId, input, ct);
        milestone.Action.Version = Guid.NewGuid();
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<bool> DeleteMilestoneAsync(int organisationId, int milestoneId, CancellationToken ct = default)
    {
        var milestone = await db.Milestones.FirstOrDefaultAsync(m => m.Id == milestoneId && m.Action.Area.Plan.OrganisationId == organisationId, ct);
        if (milestone is null)
        {
            return false;
        }

        db.Milestones.Remove(milestone);
        await TouchActionAsync(milestone.ActionId, ct);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>
    /// Replaces one of the plan's rating scales. Returns the codes still used by actions, areas or
    /// monitoring that the new scale drops (nothing is saved then), or an empty list when saved;
    /// null when the plan is not found.
    /// </summary>
    public async Task<List<string>?> SetRatingsAsync(int organisationId, int planId, RagScale scale, IReadOnlyList<RatingInput> ratings, CancellationToken ct = default)
    {
        if (!await PlanExists(organisationId, planId, ct))
        {
            return null;
        }

        var kept = ratings.Select(r => r.Code.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var used = scale == RagScale.Progress
            ? await db.Actions.Where(a => a.Area.PlanId == planId && a.RagCode != null).Select(a => a.RagCode!)
                .Concat(db.Areas.Where(a => a.PlanId == planId && a.RagCode != null).Select(a => a.RagCode!))
                .Concat(db.MonitoringEntries.Where(m => db.Areas.Any(a => a.Id == m.AreaId && a.PlanId == planId) && m.ProgressRag != null).Select(m => m.ProgressRag!))
                .Distinct().ToListAsync(ct)
            : await db.MonitoringEntries.Where(m => db.Areas.Any(a => a.Id == m.AreaId && a.PlanId == planId) && m.ImpactRag != null).Select(m => m.ImpactRag!)
                .Distinct().ToListAsync(ct);
        var dropped = used.Where(code => !kept.Contains(code)).Order(StringComparer.Ordinal).ToList();
        if (dropped.Count > 0)
        {
            return dropped;
        }

        db.RagRatings.RemoveRange(await db.RagRatings.Where(r => r.PlanId == planId && r.Scale == scale).ToListAsync(ct));
        db.RagRatings.AddRange(ratings.Select((r, i) => new RagRating
        {
            PlanId = planId,
            Scale = scale,
            Code = r.Code.Trim(),
            Label = r.Label.Trim(),
            Meaning = Blank(r.Meaning),
            IsComplete = r.IsComplete,
            Colour = RagRating.ColourFor(r.Code, r.Label),
            SortOrder = i,
        }));
        await db.SaveChangesAsync(ct);
        return [];
    }

    /// <summary>Records (or replaces) the inspection the plan answers.</summary>
    public async Task<bool> SetInspectionAsync(int organisationId, int planId, InspectionInput input, CancellationToken ct = default)
    {
        var plan = await db.Plans.Include(p => p.Inspection).ThenInclude(i => i!.Judgements)
            .FirstOrDefaultAsync(p => p.Id == planId && p.OrganisationId == organisationId, ct);
        if (plan is null)
        {
            return false;
        }

        var inspection = plan.Inspection ??= new Inspection();
        inspection.Framework = Blank(input.Framework);
        inspection.Start = input.Start;
        inspection.End = input.End;
        inspection.Published = input.Published;
        inspection.Judgements.Clear();
        inspection.Judgements.AddRange(input.Judgements.Select((j, i) => new Judgement { Area = j.Area.Trim(), Grade = j.Grade, GradeText = Blank(j.GradeText), SortOrder = i }));
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The plan's key leads as the owner reader sees them.</summary>
    public async Task<List<KnownPerson>> KeyLeadsAsync(int planId, CancellationToken ct = default) =>
        await db.PlanPeople.Where(k => k.PlanId == planId)
            .OrderBy(k => k.SortOrder)
            .Select(k => new KnownPerson(k.PersonId, k.Person.Initials, k.Person.Name, k.Person.JobTitle))
            .ToListAsync(ct);

    /// <summary>How the plan reads due dates (its quarters may be financial).</summary>
    public async Task<DueDateReaderOptions> DueOptionsAsync(int planId, CancellationToken ct = default)
    {
        var financial = await db.Plans.Where(p => p.Id == planId).Select(p => p.QuartersAreFinancial).FirstOrDefaultAsync(ct);
        return new DueDateReaderOptions { BareQuartersAreFinancial = financial };
    }

    private async Task TouchActionAsync(int actionId, CancellationToken ct)
    {
        var action = await db.Actions.FirstAsync(a => a.Id == actionId, ct);
        action.Version = Guid.NewGuid();
    }

    private Task<bool> PlanExists(int organisationId, int planId, CancellationToken ct) =>
        db.Plans.AnyAsync(p => p.Id == planId && p.OrganisationId == organisationId, ct);

    private static void Apply(Plan plan, PlanInput input)
    {
        plan.Title = input.Title.Trim();
        plan.Status = input.Status;
        plan.MonitoringCadence = input.MonitoringCadence;
        plan.PeriodStart = input.PeriodStart;
        plan.PeriodEnd = input.PeriodEnd;
        plan.QuartersAreFinancial = input.QuartersAreFinancial;
        plan.Governance = Clean(input.Governance);
        plan.DueSoonDays = input.DueSoonDays ?? plan.DueSoonDays;
    }

    private async Task ApplyAsync(Area area, AreaInput input, CancellationToken ct)
    {
        area.Number = input.Number.Trim();
        area.Title = input.Title.Trim();
        area.ThemeId = input.ThemeId is { } themeId && await db.Themes.AnyAsync(t => t.Id == themeId && t.PlanId == area.PlanId, ct) ? themeId : null;
        area.SourceKind = input.SourceKind;
        area.SourceReference = Blank(input.SourceReference);
        area.LinkedPlans = Clean(input.LinkedPlans);
        area.Partners = Clean(input.Partners);
        area.Objectives = Clean(input.Objectives);
        area.Outcomes = Clean(input.Outcomes);
        area.MeasuresOfSuccess = Clean(input.MeasuresOfSuccess);
        area.RagCode = Blank(input.RagCode);

        var people = await KeyLeadsAsync(area.PlanId, ct);
        area.Leads.Clear();
        var order = 0;
        foreach (var (role, text) in new[] { (LeadRole.Lead, input.LeadsText), (LeadRole.SeniorLead, input.SeniorLeadsText) })
        {
            foreach (var owner in OwnerReader.Read(text, people))
            {
                area.Leads.Add(new AreaLead { Role = role, PersonId = owner.PersonId, Text = owner.IsResolved ? null : owner.Text, SortOrder = order++ });
            }
        }
    }

    private async Task ApplyAsync(PlanAction action, int planId, ActionInput input, CancellationToken ct)
    {
        var options = await DueOptionsAsync(planId, ct);
        var reading = DueDateReader.Read(input.DueText, options);
        var people = await KeyLeadsAsync(planId, ct);
        var owners = OwnerReader.Read(input.OwnersText, people);

        action.Ref = input.Ref.Trim();
        action.Text = input.Text.Trim();
        action.Due = Due.From(reading);
        action.Status = input.Status;
        action.RagCode = Blank(input.RagCode);
        action.Comments = Blank(input.Comments);
        action.Warnings = [.. reading.Warnings, .. owners.Where(o => o.Warning is not null).Select(o => o.Warning!)];

        // Plans repeat numbers (1, 2, 3, 3, 4); keep the ref as written and say so rather than renumber.
        var refTaken = await db.Actions.AnyAsync(a => a.AreaId == action.AreaId && a.Id != action.Id && a.Ref == action.Ref, ct);
        if (refTaken)
        {
            var areaNumber = await db.Areas.Where(a => a.Id == action.AreaId).Select(a => a.Number).FirstAsync(ct);
            action.Warnings.Add($"Ref '{action.Ref}' is also used by another action in area {areaNumber}; kept as written");
        }
        action.Owners.Clear();
        action.Owners.AddRange(owners.Select((o, i) => new ActionOwner { PersonId = o.PersonId, Text = o.IsResolved ? null : o.Text, SortOrder = i }));

        // Several dates in one cell become milestones, once: an action that already has milestones keeps them.
        if (reading.HasMilestones && action.Milestones.Count == 0)
        {
            action.Milestones.AddRange(reading.Parts.Select((p, i) => new Milestone
            {
                Text = p.Text,
                Due = Due.From(p),
                Warnings = [.. p.Warnings],
                SortOrder = i,
            }));
        }
    }

    private async Task ApplyAsync(Milestone milestone, int planId, MilestoneInput input, CancellationToken ct)
    {
        var reading = DueDateReader.Read(input.DueText, await DueOptionsAsync(planId, ct));
        milestone.Text = input.Text.Trim();
        milestone.Due = Due.From(reading);
        milestone.Status = input.Status;
        milestone.Warnings = [.. reading.Warnings];
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static List<string> Clean(IEnumerable<string> items) =>
        [.. items.Select(i => i.Trim()).Where(i => i.Length > 0)];
}

public enum SaveResult
{
    Saved,
    NotFound,
    Conflict,
}
