namespace Trellis.Core.Accounts;

/// <summary>The things a page or API route can ask of someone's role in a plan.</summary>
public enum PlanPermission
{
    /// <summary>The plan's pages: overview, areas, actions, indicators, rounds, committee papers.</summary>
    View,

    /// <summary>Board reports and exports.</summary>
    DownloadReports,

    /// <summary>One action's own pages (a partner sees only theirs).</summary>
    ViewAction,

    /// <summary>A progress update on one action in the open round.</summary>
    UpdateAction,

    /// <summary>A progress update on one area in the open round.</summary>
    UpdateArea,

    /// <summary>Asking for one action to be signed off as complete, with evidence: whoever may update the action.</summary>
    SubmitSignOff,

    /// <summary>
    /// Approving or returning a sign-off request: the area's senior lead (a person linked to the account), or a plan
    /// manager or administrator (who approve when the area has no senior lead with an account).
    /// </summary>
    ApproveSignOff,

    /// <summary>The plan's structure and content: areas, actions, themes, milestones, indicators, people, rounds, imports.</summary>
    Manage,
}

/// <summary>What the signed-in person is to the thing being asked about.</summary>
/// <param name="OwnsAction">The person is an owner of the action.</param>
/// <param name="LeadsArea">The person is a lead or senior lead of the area.</param>
/// <param name="SeniorLeadOfArea">The person is a senior lead of the area (who signs off its actions).</param>
public readonly record struct Involvement(bool OwnsAction, bool LeadsArea, bool SeniorLeadOfArea = false);

/// <summary>The authorisation matrix in one place: role x permission (x ownership).</summary>
public static class PlanAccessRules
{
    public static bool Allows(PlanRole role, PlanPermission permission, Involvement involvement = default) => permission switch
    {
        PlanPermission.View or PlanPermission.DownloadReports => role >= PlanRole.Reader,
        PlanPermission.ViewAction => role >= PlanRole.Reader || involvement.OwnsAction,
        PlanPermission.UpdateAction => role >= PlanRole.PlanManager
            || (role == PlanRole.Contributor && (involvement.OwnsAction || involvement.LeadsArea))
            || (role == PlanRole.Partner && involvement.OwnsAction),
        PlanPermission.UpdateArea => role >= PlanRole.PlanManager || (role == PlanRole.Contributor && involvement.LeadsArea),
        PlanPermission.SubmitSignOff => Allows(role, PlanPermission.UpdateAction, involvement),

        // A senior lead may be a board member with a reader's role; a partner agency never signs off the council's actions.
        PlanPermission.ApproveSignOff => role >= PlanRole.PlanManager || (role >= PlanRole.Reader && involvement.SeniorLeadOfArea),
        PlanPermission.Manage => role >= PlanRole.PlanManager,
        _ => false,
    };
}
