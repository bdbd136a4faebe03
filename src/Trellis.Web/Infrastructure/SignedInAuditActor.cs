using Trellis.Core.Audit;

namespace Trellis.Web.Infrastructure;

/// <summary>The audit trail's "who" for a web request: the signed-in person, or Trellis itself before anyone has signed in.</summary>
public sealed class SignedInAuditActor(IHttpContextAccessor http) : IAuditActor
{
    public string? UserId => http.HttpContext?.User.Account()?.UserId;

    public string Name => http.HttpContext?.User is { } user && user.Account() is not null ? user.AuditName() : "Trellis";
}
