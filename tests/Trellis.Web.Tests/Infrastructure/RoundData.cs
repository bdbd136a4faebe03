using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trellis.Core.Data;
using Trellis.Core.Rounds;

namespace Trellis.Web.Tests.Infrastructure;

/// <summary>Rounds on the demo plan, for the report pages (the demo opens one for this quarter).</summary>
public static class RoundData
{
    /// <summary>The demo plan's open round, with area 1's first action updated (red where amber was suggested, with a reason).</summary>
    public static async Task<int> OpenRoundAsync(TrellisWebFactory factory, string note = "Two of four posts filled")
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
        var plan = await db.Plans.Include(p => p.Areas).ThenInclude(a => a.Actions).OrderBy(p => p.Id).FirstAsync();
        var round = await db.Rounds.Include(r => r.ActionUpdates).SingleAsync(r => r.PlanId == plan.Id && r.Status == RoundStatus.Open);
        var action = plan.Areas.OrderBy(a => a.SortOrder).First().Actions.OrderBy(a => a.SortOrder).First();
        var update = round.ActionUpdates.SingleOrDefault(u => u.ActionId == action.Id);
        if (update is null)
        {
            update = new ActionUpdate { ActionId = action.Id };
            round.ActionUpdates.Add(update);
        }

        (update.RagCode, update.SuggestedRagCode, update.RagReason, update.Note, update.UpdatedAt) =
            ("R", "A", "Stalled", note, TrellisWebFactory.DefaultNow.AddDays(-2));
        await db.SaveChangesAsync();
        return round.Id;
    }
}
