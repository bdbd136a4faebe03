using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Trellis.Core.Demo;

namespace Trellis.Core.Data;

/// <summary>Brings the database up to date on start, and adds the demo council to an empty one when asked.</summary>
public sealed class DatabaseInitializer(TrellisDbContext db, DemoDataSeeder demo, IOptions<TrellisOptions> options)
{
    public async Task InitialiseAsync(CancellationToken cancellationToken = default)
    {
        await db.Database.MigrateAsync(cancellationToken);
        if (options.Value.DemoData && !await db.Organisations.AnyAsync(cancellationToken))
        {
            await demo.SeedAsync(cancellationToken);
        }
    }
}
