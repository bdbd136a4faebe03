using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Trellis.Core.Accounts;

namespace Trellis.Web.Infrastructure;

/// <summary>Puts the organisation, the administrator flag and the linked person into the sign-in cookie, so most pages need no account query.</summary>
public sealed class TrellisClaimsFactory(UserManager<TrellisUser> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<TrellisUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(TrellisUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(TrellisClaims.Organisation, user.OrganisationId.ToString(CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(TrellisClaims.DisplayName, user.DisplayName));
        if (user.IsAdministrator)
        {
            identity.AddClaim(new Claim(TrellisClaims.Administrator, "true"));
        }

        if (user.PersonId is { } person)
        {
            identity.AddClaim(new Claim(TrellisClaims.Person, person.ToString(CultureInfo.InvariantCulture)));
        }

        return identity;
    }
}
