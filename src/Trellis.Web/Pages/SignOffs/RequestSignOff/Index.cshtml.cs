using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Trellis.Core.Accounts;
using Trellis.Core.Data;
using Trellis.Core.Plans;
using Trellis.Core.SignOffs;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.SignOffs.RequestSignOff;

/// <summary>
/// An action's sign-off: its history for anyone who can see the action, and for an owner (or whoever may update it)
/// the form asking for sign-off with a note, links and files.
/// </summary>
[PlanAccess(PlanPermission.ViewAction, Write = PlanPermission.SubmitSignOff)]
[RequestSizeLimit(SignOffOptions.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = SignOffOptions.MaxRequestBytes)]
public class RequestSignOffModel(TrellisDbContext db, SignOffService signOffs, CurrentOrganisation organisation, PlanAccessContext access, IOptions<SignOffOptions> options)
    : TrellisPageModel
{
    [FromRoute]
    public int PlanId { get; set; }

    [FromRoute]
    public int ActionId { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    [BindProperty]
    public string? Links { get; set; }

    [BindProperty]
    public List<IFormFile> Files { get; set; } = [];

    public SignOffDetails Details { get; private set; } = null!;

    public bool CanSubmit { get; private set; }

    public bool CanDecide { get; private set; }

    /// <summary>Where "back" goes: the area for those who can read the plan, their own list for a partner.</summary>
    public string BackLink => access.Can(PlanPermission.View) ? $"/plans/{PlanId}/areas/{Details.Action.AreaId}#action-{ActionId}" : $"/my-actions#action-{ActionId}";

    public string Limits => $"Up to {options.Value.MaxFiles} files, each smaller than {EvidenceFileCheck.Megabytes(options.Value.MaxFileBytes)}: {EvidenceFileCheck.AllowedList}.";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var uploads = new List<EvidenceUpload>();
        foreach (var file in Files.Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)))
        {
            using var buffer = new MemoryStream((int)Math.Min(file.Length, int.MaxValue));
            await file.CopyToAsync(buffer, ct);
            uploads.Add(new EvidenceUpload(file.FileName, buffer.ToArray()));
        }

        var result = await signOffs.SubmitAsync(User.Account()!, User.DisplayNameOf(), ActionId, new SignOffSubmission(Note, Links, uploads), ct);
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
                TempData["Notice"] = "Your request for sign-off was sent. The action shows as awaiting sign-off until it is approved or returned.";
                return Redirect($"/plans/{PlanId}/actions/{ActionId}/sign-off");
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
        var open = details.Pending is null && details.Action.Status is not (ActionStatus.Complete or ActionStatus.Dropped);
        CanSubmit = open && access.Can(PlanPermission.SubmitSignOff);
        CanDecide = details.Pending is not null && access.Can(PlanPermission.ApproveSignOff);
        return true;
    }
}
