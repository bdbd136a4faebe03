using Trellis.Core.Accounts;

namespace Trellis.Core.Tests.Accounts;

/// <summary>The sign-off rows of the authorisation matrix (the page-level matrix is walked over HTTP in the web tests).</summary>
public class PlanAccessRulesTests
{
    private static readonly Involvement None = default;
    private static readonly Involvement Owner = new(OwnsAction: true, LeadsArea: false);
    private static readonly Involvement Lead = new(OwnsAction: false, LeadsArea: true);
    private static readonly Involvement SeniorLead = new(OwnsAction: false, LeadsArea: true, SeniorLeadOfArea: true);

    public static TheoryData<PlanRole, string, bool, bool> Rows => new()
    {
        // role, involvement, may submit, may approve
        { PlanRole.Administrator, nameof(None), true, true },
        { PlanRole.PlanManager, nameof(None), true, true },
        { PlanRole.Contributor, nameof(None), false, false },
        { PlanRole.Contributor, nameof(Owner), true, false },
        { PlanRole.Contributor, nameof(Lead), true, false },
        { PlanRole.Contributor, nameof(SeniorLead), true, true },
        { PlanRole.Reader, nameof(None), false, false },
        { PlanRole.Reader, nameof(Owner), false, false },
        { PlanRole.Reader, nameof(SeniorLead), false, true },
        { PlanRole.Partner, nameof(None), false, false },
        { PlanRole.Partner, nameof(Owner), true, false },
        { PlanRole.Partner, nameof(SeniorLead), false, false },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Sign_off_rules(PlanRole role, string involvement, bool submit, bool approve)
    {
        var who = involvement switch
        {
            nameof(Owner) => Owner,
            nameof(Lead) => Lead,
            nameof(SeniorLead) => SeniorLead,
            _ => None,
        };
        Assert.Equal(submit, PlanAccessRules.Allows(role, PlanPermission.SubmitSignOff, who));
        Assert.Equal(approve, PlanAccessRules.Allows(role, PlanPermission.ApproveSignOff, who));
    }

    [Fact]
    public void Submitting_follows_updating_the_action()
    {
        foreach (var role in Enum.GetValues<PlanRole>())
        {
            foreach (var who in new[] { None, Owner, Lead, SeniorLead })
            {
                Assert.Equal(PlanAccessRules.Allows(role, PlanPermission.UpdateAction, who), PlanAccessRules.Allows(role, PlanPermission.SubmitSignOff, who));
            }
        }
    }
}
