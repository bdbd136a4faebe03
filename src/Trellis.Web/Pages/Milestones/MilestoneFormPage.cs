using Microsoft.AspNetCore.Mvc;
using Trellis.Core.Dates;
using Trellis.Core.Plans;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.Milestones;

/// <summary>
/// Shared by the add and edit milestone pages. As on the action form, a typed target date is shown
/// back as understood before the first save, so nobody stores a date Trellis misread.
/// </summary>
public abstract class MilestoneFormPage(PlanService plans) : TrellisPageModel
{
    [FromRoute]
    public int PlanId { get; set; }

    [BindProperty]
    public MilestoneForm Form { get; set; } = new();

    public DueDateReading? DueRead { get; private set; }
    public bool ShowCheck { get; private set; }
    public string ActionRef { get; private set; } = string.Empty;
    public string ActionText { get; private set; } = string.Empty;

    /// <summary>The action's row on its area page, where the milestone shows.</summary>
    public string ActionUrl { get; private set; } = string.Empty;

    protected void ShowAction(int areaId, int actionId, string reference, string text)
    {
        ActionUrl = $"/plans/{PlanId}/areas/{areaId}#action-{actionId}";
        (ActionRef, ActionText) = (reference, text);
    }

    /// <summary>Validates, reads the due date, and says whether the form may be saved now.</summary>
    protected async Task<bool> ReadyToSaveAsync(CancellationToken ct)
    {
        Form.Validate(ModelState, nameof(Form));
        DueRead = DueDateReader.Read(Form.Due, await plans.DueOptionsAsync(PlanId, ct));
        if (!ModelState.IsValid)
        {
            return false;
        }

        if (Form.NeedsCheck)
        {
            ShowCheck = true;
            Form.CheckedDue = Form.Due;
            ModelState.Remove($"{nameof(Form)}.{nameof(MilestoneForm.CheckedDue)}");
            return false;
        }

        return true;
    }

    protected IActionResult Redisplay() => ModelState.IsValid ? Page() : PageWithErrors();
}
