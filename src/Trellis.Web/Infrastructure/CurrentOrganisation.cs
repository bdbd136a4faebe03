using Microsoft.EntityFrameworkCore;
using Trellis.Core.Data;

namespace Trellis.Web.Infrastructure;

/// <summary>
/// The organisation whose data this request may see: the signed-in person's own. Every page query
/// filters by it, so another organisation's ids are simply not found (404).
/// </summary>
public sealed class CurrentOrganisation(TrellisDbContext db)
{
    private (int Id, string Name)? _organisation;
    private string? _onlyOrganisationName;

    public int Id => _organisation?.Id ?? throw new InvalidOperationException("Nobody is signed in, so there is no organisation");

    /// <summary>The signed-in person's council; before sign-in, the installation's council when it holds just one.</summary>
    public string Name => _organisation?.Name ?? _onlyOrganisationName ?? "Trellis";

    public bool Exists => _organisation is not null;

    /// <summary>Whether anyone can sign in yet (a fresh real installation has no accounts until set-up).</summary>
    public bool InstallationIsSetUp { get; private set; }

    public async Task LoadAsync(int? organisationId, CancellationToken cancellationToken)
    {
        if (organisationId is { } id)
        {
            var found = await db.Organisations.Where(o => o.Id == id).Select(o => new { o.Id, o.Name }).FirstOrDefaultAsync(cancellationToken);
            _organisation = found is null ? null : (found.Id, found.Name);
            InstallationIsSetUp = true;
            if (found is not null)
            {
                return;
            }
        }

        InstallationIsSetUp = await db.Users.AnyAsync(cancellationToken);
        if (InstallationIsSetUp)
        {
            var names = await db.Organisations.OrderBy(o => o.Id).Select(o => o.Name).Take(2).ToListAsync(cancellationToken);
            _onlyOrganisationName = names.Count == 1 ? names[0] : null;
        }
    }
}

/// <summary>Loads the signed-in person's organisation; on a fresh installation every page leads to /setup.</summary>
public sealed class OrganisationMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, CurrentOrganisation organisation)
    {
        var account = context.User.Account();
        await organisation.LoadAsync(account?.OrganisationId, context.RequestAborted);
        var path = context.Request.Path;
        if (!organisation.InstallationIsSetUp && !path.StartsWithSegments("/setup") && !path.StartsWithSegments("/error") && !path.StartsWithSegments("/healthz"))
        {
            context.Response.Redirect("/setup");
            return;
        }

        await next(context);
    }
}
