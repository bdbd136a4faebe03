using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trellis.Core.Data;
using Trellis.Core.Rounds;

namespace Trellis.Web.Tests.Infrastructure;

/// <summary>Rounds on the demo plan, for the report pages (the demo itself may not have any).</summary>
public static class RoundData
{
    /// <summary>An open round "2026/27 Q2" (the demo's latest monitoring period) with one action update.</summary>
    public static async Task<int> OpenRoundAsync(TrellisWebFactory factory, string note = "Two of four posts filled")
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
        var plan = await db.Plans.Include(p => p.Areas).ThenInclude(a => a.Actions).OrderBy(p => p.Id).FirstAsync();
        var round = new Round
        {
            PlanId = plan.Id,
            Name = "2026/27 Q2",
            PeriodStart = new DateOnly(2026, 7, 1),
            PeriodEnd = new DateOnly(2026, 9, 30),
            OpenedAt = TrellisWebFactory.DefaultNow.AddDays(-40),
        };
        var action = plan.Areas.OrderBy(a => a.SortOrder).First().Actions.OrderBy(a => a.SortOrder).First();
        round.ActionUpdates.Add(new ActionUpdate { ActionId = action.Id, RagCode = "R", SuggestedRagCode = "A", RagReason = "Stalled", Note = note, UpdatedAt = TrellisWebFactory.DefaultNow.AddDays(-2) });
        db.Rounds.Add(round);
        await db.SaveChangesAsync();
        return round.Id;
    }
}
