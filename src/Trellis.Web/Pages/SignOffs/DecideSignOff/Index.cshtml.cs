using Microsoft.AspNetCore.Mvc;
using Trellis.Core.Accounts;
using Trellis.Core.Data;
using Trellis.Core.SignOffs;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.SignOffs.DecideSignOff;

/// <summary>The approver's decision on an action's pending sign-off request: approve (the action becomes complete) or return with a reason.</summary>
[PlanAccess(PlanPermission.ApproveSignOff)]
public class DecideSignOffModel(TrellisDbContext db, SignOffService signOffs, CurrentOrganisation organisation) : TrellisPageModel
{
    [FromRoute]
    public int PlanId { get; set; }

    [FromRoute]
    public int ActionId { get; set; }

    [BindProperty]
    public SignOffDecision? Decision { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public SignOffDetails Details { get; private set; } = null!;

    /// <summary>The signed-in person asked for this sign-off themselves, so cannot decide it.</summary>
    public bool OwnRequest { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await signOffs.DecideAsync(User.Account()!, User.DisplayNameOf(), ActionId, Decision, Reason, ct);
        switch (result.Outcome)
        {
            case SignOffOutcome.NotFound:
                return NotFound();
            case SignOffOutcome.Refused:
                return StatusCode(StatusCodes.Status403Forbidden);
            case SignOffOutcome.Invalid:
                foreach (var error in result.Errors)
                {
                    ModelState.AddModelError(error.Field, error.Message);
                }

                return await LoadAsync(ct) ? PageWithErrors() : NotFound();
            default:
                TempData["Notice"] = Decision == SignOffDecision.Approved
                    ? "The action is signed off as complete"
                    : "The request was returned to the owner with your reason";
                return Redirect($"/plans/{PlanId}/sign-offs");
        }
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var details = await SignOffDetails.LoadAsync(db, organisation.Id, PlanId, ActionId, ct);
        if (details is null)
        {
            return false;
        }

        Details = details;
        var userId = User.Account()!.UserId;
        OwnRequest = details.Pending is { } pending && await signOffs.RequestedByAsync(pending.Id, userId, ct);
        return true;
    }
}
