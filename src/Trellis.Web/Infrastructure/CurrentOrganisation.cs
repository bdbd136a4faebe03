using Microsoft.EntityFrameworkCore;
using Trellis.Core.Data;

namespace Trellis.Web.Infrastructure;

/// <summary>
/// The organisation whose data this request may see. Every page query filters by it, so that
/// when accounts arrive (one installation, several councils) scoping is already in place.
/// Until then an installation serves its first organisation.
/// </summary>
public sealed class CurrentOrganisation(TrellisDbContext db)
{
    private bool _loaded;
    private (int Id, string Name)? _organisation;

    public int Id => _organisation?.Id ?? throw new InvalidOperationException("No organisation has been set up yet");

    public string Name => _organisation?.Name ?? "Trellis";

    public bool Exists => _organisation is not null;

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (_loaded)
        {
            return;
        }

        var found = await db.Organisations.OrderBy(o => o.Id)
            .Select(o => new { o.Id, o.Name })
            .FirstOrDefaultAsync(cancellationToken);
        _organisation = found is null ? null : (found.Id, found.Name);
        _loaded = true;
    }
}

/// <summary>Loads the current organisation; with none set up yet, every page leads to /setup.</summary>
public sealed class OrganisationMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, CurrentOrganisation organisation)
    {
        await organisation.LoadAsync(context.RequestAborted);
        var path = context.Request.Path;
        if (!organisation.Exists && !path.StartsWithSegments("/setup") && !path.StartsWithSegments("/error") && !path.StartsWithSegments("/healthz"))
        {
            context.Response.Redirect("/setup");
            return;
        }

        await next(context);
    }
}
