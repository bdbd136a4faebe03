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

    /// <summary>The plan's structure and content: areas, actions, themes, milestones, indicators, people, rounds, imports.</summary>
    Manage,
}

/// <summary>What the signed-in person is to the thing being asked about.</summary>
public readonly record struct Involvement(bool OwnsAction, bool LeadsArea);

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
        PlanPermission.Manage => role >= PlanRole.PlanManager,
        _ => false,
    };
}
