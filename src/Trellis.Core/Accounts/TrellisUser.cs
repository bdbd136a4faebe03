using Microsoft.AspNetCore.Identity;

namespace Trellis.Core.Accounts;

/// <summary>
/// Someone who signs in. Belongs to exactly one organisation and sees nothing of any other.
/// Linked to the <see cref="People.Person"/> they are in the plans, so that "my actions" and
/// "the areas I lead" follow from the plan's own owners and leads.
/// </summary>
public class TrellisUser : IdentityUser
{
    public const int DisplayNameMaxLength = 200;

    public int OrganisationId { get; set; }
    public Plans.Organisation? Organisation { get; set; }

    public string DisplayName { get; set; } = string.Empty;

    public int? PersonId { get; set; }
    public People.Person? Person { get; set; }

    /// <summary>Runs the organisation: every plan, accounts and roles.</summary>
    public bool IsAdministrator { get; set; }

    /// <summary>A demo council's account: offered on the sign-in page without a password, only while demo data is on.</summary>
    public bool IsDemo { get; set; }

    /// <summary>May view Annex A case-level rows (hashed ids, dates). Off for everyone, administrators included, until granted.</summary>
    public bool CanReadCaseData { get; set; }

    public List<PlanMembership> Memberships { get; set; } = [];
}

/// <summary>A role someone holds in one plan.</summary>
public class PlanMembership
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public Plans.Plan? Plan { get; set; }
    public string UserId { get; set; } = string.Empty;
    public TrellisUser? User { get; set; }
    public PlanRole Role { get; set; }
}

/// <summary>What someone may do in a plan. Administrators hold every plan of their organisation without a membership.</summary>
public enum PlanRole
{
    /// <summary>Sees and updates only the actions assigned to them (a partner agency).</summary>
    Partner = 1,

    /// <summary>Board and committee members: reads the plan and downloads reports.</summary>
    Reader = 2,

    /// <summary>Updates the actions they own and the areas they lead; reads the rest.</summary>
    Contributor = 3,

    /// <summary>Everything in the plan.</summary>
    PlanManager = 4,

    /// <summary>Everything in every plan of the organisation, and its accounts.</summary>
    Administrator = 5,
}

public static class PlanRoles
{
    public static string Label(this PlanRole role) => role switch
    {
        PlanRole.Partner => "Partner",
        PlanRole.Reader => "Reader",
        PlanRole.Contributor => "Contributor",
        PlanRole.PlanManager => "Plan manager",
        PlanRole.Administrator => "Administrator",
        _ => role.ToString(),
    };

    public static string Description(this PlanRole role) => role switch
    {
        PlanRole.Partner => "Sees and updates only the actions assigned to them",
        PlanRole.Reader => "Reads the plan and downloads reports (board and committee members)",
        PlanRole.Contributor => "Updates the actions they own and the areas they lead",
        PlanRole.PlanManager => "Everything in the plan",
        PlanRole.Administrator => "Everything in every plan, and the council's accounts",
        _ => string.Empty,
    };
}
