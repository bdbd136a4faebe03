using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Trellis.Core.Data;
using Trellis.Core.Dates;
using Trellis.Core.Owners;
using Trellis.Core.Plans;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.Actions;

/// <summary>
/// Shared by the add and edit action pages. A typed due date and owners are read and shown back
/// ("Q3 2026/27: by 31 Dec 2026") before the first save, so nobody stores a date Trellis misread.
/// </summary>
public abstract class ActionFormPage(TrellisDbContext db, PlanService plans) : TrellisPageModel
{
    [FromRoute]
    public int PlanId { get; set; }

    [BindProperty]
    public ActionForm Form { get; set; } = new();

    public List<SelectListItem> Ratings { get; private set; } = [];
    public DueDateReading? DueRead { get; private set; }
    public List<OwnerReading> OwnersRead { get; private set; } = [];
    public bool ShowCheck { get; private set; }
    public string AreaLabel { get; protected set; } = string.Empty;

    /// <summary>After a lost save: your values of the fields that differ from the saved version the form now holds.</summary>
    public IReadOnlyDictionary<string, string?> YourValues { get; protected set; } = new Dictionary<string, string?>();

    public string? Yours(string field) => YourValues.GetValueOrDefault(field);

    public static IEnumerable<SelectListItem> Statuses =>
        [new("No status", string.Empty), .. Enum.GetValues<ActionStatus>().Select(s => new SelectListItem(Display.Status(s), s.ToString()))];

    protected async Task LoadChoicesAsync(CancellationToken ct) =>
        Ratings = [new("Not rated", string.Empty), .. await db.RagRatings.Where(r => r.PlanId == PlanId && r.Scale == RagScale.Progress).OrderBy(r => r.SortOrder)
            .Select(r => new SelectListItem(r.Label, r.Code)).ToListAsync(ct)];

    /// <summary>Validates, reads the due date and owners, and says whether the form may be saved now.</summary>
    protected async Task<bool> ReadyToSaveAsync(CancellationToken ct)
    {
        Form.Validate(ModelState, nameof(Form));
        DueRead = DueDateReader.Read(Form.Due, await plans.DueOptionsAsync(PlanId, ct));
        OwnersRead = [.. OwnerReader.Read(Form.Owners, await plans.KeyLeadsAsync(PlanId, ct))];
        if (!ModelState.IsValid)
        {
            return false;
        }

        if (Form.NeedsCheck)
        {
            ShowCheck = true;
            Form.CheckedDue = Form.Due;
            Form.CheckedOwners = Form.Owners;
            ModelState.Remove($"{nameof(Form)}.{nameof(ActionForm.CheckedDue)}");
            ModelState.Remove($"{nameof(Form)}.{nameof(ActionForm.CheckedOwners)}");
            return false;
        }

        return true;
    }

    protected async Task<IActionResult> RedisplayAsync(CancellationToken ct)
    {
        await LoadChoicesAsync(ct);
        return ModelState.IsValid ? Page() : PageWithErrors();
    }
}
