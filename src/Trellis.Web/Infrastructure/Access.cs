using System.Collections.Concurrent;
using System.Reflection;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;
using Trellis.Core.Accounts;
using Trellis.Core.Data;

namespace Trellis.Web.Infrastructure;

/// <summary>
/// A page inside one plan. The plan is found from the route (planId, roundId, indicatorId or id,
/// importId); someone with no role in it, or from another organisation, gets 404; someone whose
/// role does not allow the request gets 403. Reading (GET) and writing (POST) may ask for different permissions.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class PlanAccessAttribute(PlanPermission read) : Attribute
{
    public PlanPermission Read { get; } = read;

    /// <summary>What a POST needs; the same as <see cref="Read"/> unless set.</summary>
    public PlanPermission Write { get; init; } = read;
}

public enum OrganisationPermission
{
    /// <summary>Anyone signed in to the organisation, partners included.</summary>
    SignedIn,

    /// <summary>Someone who can read at least one plan (not only partner actions).</summary>
    ReadPlans,

    /// <summary>A plan manager of at least one plan, or an administrator.</summary>
    ManagePlans,

    /// <summary>The organisation's administrators.</summary>
    Administer,
}

/// <summary>A page that belongs to the organisation rather than one plan (plans list, people, accounts).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class OrganisationAccessAttribute(OrganisationPermission read) : Attribute
{
    public OrganisationPermission Read { get; } = read;

    public OrganisationPermission Write { get; init; } = read;
}

/// <summary>The signed-in account, read from the sign-in cookie's claims.</summary>
public static class TrellisClaims
{
    public const string Organisation = "trellis:org";
    public const string Administrator = "trellis:admin";
    public const string Person = "trellis:person";
    public const string DisplayName = "trellis:name";

    public static AccountContext? Account(this ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true
            || user.FindFirstValue(ClaimTypes.NameIdentifier) is not { } id
            || !int.TryParse(user.FindFirstValue(Organisation), out var organisationId))
        {
            return null;
        }

        int? person = int.TryParse(user.FindFirstValue(Person), out var p) ? p : null;
        return new AccountContext(id, organisationId, user.HasClaim(Administrator, "true"), person);
    }

    public static string DisplayNameOf(this ClaimsPrincipal user) => user.FindFirstValue(DisplayName) ?? user.Identity?.Name ?? string.Empty;
}

/// <summary>What the access check found, for the page to use (the role drives which buttons show).</summary>
public sealed class PlanAccessContext
{
    public int? PlanId { get; set; }
    public PlanRole? Role { get; set; }
    public Involvement Involvement { get; set; }

    public bool Can(PlanPermission permission) => Role is { } role && PlanAccessRules.Allows(role, permission, Involvement);

    public bool CanManage => Can(PlanPermission.Manage);
}

/// <summary>Applies <see cref="PlanAccessAttribute"/> and <see cref="OrganisationAccessAttribute"/> to every page. A page with neither (and not anonymous) is refused.</summary>
public sealed class AccessFilter(TrellisDbContext db, PlanAccessService access, PlanAccessContext result) : IAsyncPageFilter
{
    private static readonly ConcurrentDictionary<Type, (PlanAccessAttribute? Plan, OrganisationAccessAttribute? Organisation, bool Anonymous)> Attributes = new();

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var type = context.HandlerInstance.GetType();
        var (plan, organisation, anonymous) = Attributes.GetOrAdd(type, t => (
            t.GetCustomAttribute<PlanAccessAttribute>(true),
            t.GetCustomAttribute<OrganisationAccessAttribute>(true),
            t.GetCustomAttribute<AllowAnonymousAttribute>(true) is not null));
        if (anonymous)
        {
            await next();
            return;
        }

        var http = context.HttpContext;
        var account = http.User.Account();
        if (account is null)
        {
            context.Result = new Microsoft.AspNetCore.Mvc.ChallengeResult();
            return;
        }

        var writing = !HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method);
        if (context.HandlerMethod is null && writing)
        {
            // A page that only shows things has nothing to post to: without this it would render half-loaded.
            context.Result = new Microsoft.AspNetCore.Mvc.StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
            return;
        }

        var status = plan is not null
            ? await CheckPlanAsync(context, account, writing ? plan.Write : plan.Read, http.RequestAborted)
            : organisation is not null
                ? await CheckOrganisationAsync(account, writing ? organisation.Write : organisation.Read, http.RequestAborted)
                : StatusCodes.Status403Forbidden;
        if (status != StatusCodes.Status200OK)
        {
            context.Result = new Microsoft.AspNetCore.Mvc.StatusCodeResult(status);
            return;
        }

        await next();
    }

    private async Task<int> CheckPlanAsync(PageHandlerExecutingContext context, AccountContext account, PlanPermission permission, CancellationToken ct)
    {
        var route = context.RouteData.Values;
        var planId = await PlanIdAsync(route, account.OrganisationId, ct);
        if (planId is null && route.ContainsKey("importId"))
        {
            // An import that will become a new plan belongs to no plan yet: whoever may create plans may review it.
            return await CheckOrganisationAsync(account, OrganisationPermission.Administer, ct);
        }

        if (planId is null || await access.RoleAsync(account, planId.Value, ct) is not { } role)
        {
            return StatusCodes.Status404NotFound;
        }

        result.PlanId = planId;
        result.Role = role;
        var actionId = Int(route, "actionId");
        var areaId = Int(route, "areaId");
        if (role < PlanRole.PlanManager && (actionId is not null || areaId is not null))
        {
            result.Involvement = await access.InvolvementAsync(account, actionId, areaId, ct);
        }

        if (PlanAccessRules.Allows(role, permission, result.Involvement))
        {
            return StatusCodes.Status200OK;
        }

        // A partner has no business knowing what else is in the plan: what is not theirs is not there.
        return role == PlanRole.Partner && permission != PlanPermission.UpdateAction ? StatusCodes.Status404NotFound : StatusCodes.Status403Forbidden;
    }

    private async Task<int?> PlanIdAsync(RouteValueDictionary route, int organisationId, CancellationToken ct)
    {
        if (Int(route, "planId") is { } planId)
        {
            return planId;
        }

        if (Int(route, "roundId") is { } roundId)
        {
            return await db.Rounds.Where(r => r.Id == roundId && r.Plan.OrganisationId == organisationId).Select(r => (int?)r.PlanId).FirstOrDefaultAsync(ct);
        }

        if ((Int(route, "indicatorId") ?? Int(route, "id")) is { } indicatorId)
        {
            return await db.Indicators.Where(i => i.Id == indicatorId).Select(i => (int?)i.PlanId).FirstOrDefaultAsync(ct);
        }

        if (route.TryGetValue("importId", out var raw) && Guid.TryParse(raw?.ToString(), out var importId))
        {
            return await db.PendingImports.Where(i => i.Id == importId && i.OrganisationId == organisationId)
                .Select(i => i.TargetPlanId ?? i.ImportedPlanId).FirstOrDefaultAsync(ct);
        }

        return null;
    }

    private async Task<int> CheckOrganisationAsync(AccountContext account, OrganisationPermission permission, CancellationToken ct)
    {
        if (account.IsAdministrator || permission == OrganisationPermission.SignedIn)
        {
            return StatusCodes.Status200OK;
        }

        if (permission == OrganisationPermission.Administer)
        {
            return StatusCodes.Status403Forbidden;
        }

        // Roles are stored by name, so compare by membership of a set rather than by order.
        PlanRole[] enough = permission == OrganisationPermission.ManagePlans ? [PlanRole.PlanManager] : [PlanRole.Reader, PlanRole.Contributor, PlanRole.PlanManager];
        var holds = await db.PlanMemberships.AnyAsync(m => m.UserId == account.UserId && enough.Contains(m.Role) && m.Plan!.OrganisationId == account.OrganisationId, ct);
        return holds ? StatusCodes.Status200OK : StatusCodes.Status403Forbidden;
    }

    private static int? Int(RouteValueDictionary route, string key) =>
        route.TryGetValue(key, out var value) && int.TryParse(value?.ToString(), System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
}
