using Microsoft.EntityFrameworkCore;

namespace Trellis.Core.Plans;

/// <summary>Query shapes more than one service needs.</summary>
internal static class PlanQueries
{
    /// <summary>
    /// Everything a whole-plan document holds (the exporter writes it, the updater merges into it): organisation,
    /// inspection, ratings, key leads, themes, areas with leads, actions, owners, milestones and monitoring, and
    /// indicators with values and comparators. Split, so the many collections do not multiply each other's rows.
    /// </summary>
    public static IQueryable<Plan> WholePlan(this IQueryable<Plan> plans) => plans.AsSplitQuery()
        .Include(p => p.Organisation)
        .Include(p => p.Inspection!).ThenInclude(i => i.Judgements)
        .Include(p => p.RagRatings)
        .Include(p => p.KeyLeads).ThenInclude(k => k.Person)
        .Include(p => p.Themes)
        .Include(p => p.Areas).ThenInclude(a => a.Theme)
        .Include(p => p.Areas).ThenInclude(a => a.Leads).ThenInclude(l => l.Person)
        .Include(p => p.Areas).ThenInclude(a => a.Actions).ThenInclude(x => x.Owners).ThenInclude(o => o.Person)
        .Include(p => p.Areas).ThenInclude(a => a.Actions).ThenInclude(x => x.Milestones)
        .Include(p => p.Areas).ThenInclude(a => a.Monitoring)
        .Include(p => p.Indicators).ThenInclude(i => i.Values)
        .Include(p => p.Indicators).ThenInclude(i => i.Comparators)
        .Include(p => p.Indicators).ThenInclude(i => i.Targets);
}
