using Microsoft.EntityFrameworkCore;
using Trellis.Core.Data;

namespace Trellis.Core.Plans;

public sealed class OrganisationService(TrellisDbContext db)
{
    /// <summary>Creates the installation's first organisation; refuses once one exists.</summary>
    public async Task<Organisation?> CreateFirstAsync(string name, CancellationToken ct = default)
    {
        if (await db.Organisations.AnyAsync(ct))
        {
            return null;
        }

        var organisation = new Organisation { Name = name.Trim() };
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync(ct);
        return organisation;
    }
}
