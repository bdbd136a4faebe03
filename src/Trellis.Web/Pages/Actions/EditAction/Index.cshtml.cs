using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Trellis.Core.Accounts;
using Trellis.Core.Concurrency;
using Trellis.Core.Data;
using Trellis.Core.Plans;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.Actions.EditAction;

[PlanAccess(PlanPermission.Manage)]
public class EditActionModel(TrellisDbContext db, PlanService plans, CurrentOrganisation organisation) : ActionFormPage(db, plans)
{
    private readonly TrellisDbContext _db = db;
    private readonly PlanService _plans = plans;

    [FromRoute]
    public int ActionId { get; set; }

    /// <summary>The version the form was opened at; a save from an older version is refused.</summary>
    [BindProperty]
    public Guid Version { get; set; }

    public int AreaId { get; private set; }

    /// <summary>Set when the save lost a race: their saved version beside mine.</summary>
    public ConflictView? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var stored = await LoadStoredAsync(ct);
        if (stored is null)
        {
            return NotFound();
        }

        (Form, Version) = stored.Value;
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var area = await _db.Actions.Where(a => a.Id == ActionId && a.Area.PlanId == PlanId && a.Area.Plan.OrganisationId == organisation.Id)
            .Select(a => new { a.AreaId, a.Area.Number }).FirstOrDefaultAsync(ct);
        if (area is null)
        {
            return NotFound();
        }

        AreaId = area.AreaId;
        AreaLabel = $"Area {area.Number}";
        if (!await ReadyToSaveAsync(ct))
        {
            return await RedisplayAsync(ct);
        }

        var result = await _plans.UpdateActionAsync(organisation.Id, ActionId, Version, Form.ToInput(), ct);
        switch (result)
        {
            case SaveResult.NotFound:
                return NotFound();
            case SaveResult.Conflict:
                return await ConflictAsync(ct);
            default:
                return Redirect($"/plans/{PlanId}/areas/{AreaId}#action-{ActionId}");
        }
    }

    /// <summary>The page again (409) with their saved version beside mine; the form now holds theirs, read at their version.</summary>
    private async Task<IActionResult> ConflictAsync(CancellationToken ct)
    {
        var stored = await LoadStoredAsync(ct);
        if (stored is null)
        {
            return NotFound();
        }

        await LoadChoicesAsync(ct);
        var (theirs, theirVersion) = stored.Value;
        var mine = Form;
        string? Rating(string? code) => string.IsNullOrEmpty(code) ? "Not rated" : Ratings.FirstOrDefault(r => r.Value == code)?.Text ?? code;
        var fields = new (string Name, string Label, string? Theirs, string? Yours)[]
        {
            (nameof(ActionForm.Ref), "Reference", theirs.Ref, mine.Ref),
            (nameof(ActionForm.Text), "Action", theirs.Text, mine.Text),
            (nameof(ActionForm.Due), "Target date", theirs.Due, mine.Due),
            (nameof(ActionForm.Owners), "By whom", theirs.Owners, mine.Owners),
            (nameof(ActionForm.Status), "Status", Display.Status(theirs.Status), Display.Status(mine.Status)),
            (nameof(ActionForm.RagCode), "RAG rating", Rating(theirs.RagCode), Rating(mine.RagCode)),
            (nameof(ActionForm.Comments), "Comments", theirs.Comments, mine.Comments),
        };
        var compared = fields.Select(f => new ConflictField(f.Label, f.Theirs, f.Yours)).ToList();
        Conflict = new ConflictView
        {
            What = "action",
            TheirSave = await LastSave.FindAsync(_db, nameof(PlanAction), ActionId, ct),
            Fields = compared,
            KeepTheirsUrl = $"/plans/{PlanId}/areas/{AreaId}#action-{ActionId}",
            Mine =
            [
                new("Version", theirVersion.ToString()),
                new("Form.Ref", mine.Ref),
                new("Form.Text", mine.Text),
                new("Form.Due", mine.Due),
                new("Form.Owners", mine.Owners),
                new("Form.Status", mine.Status?.ToString()),
                new("Form.RagCode", mine.RagCode),
                new("Form.Comments", mine.Comments),
                // Mine was already checked and shown back before this save; saving it again needs no second check.
                new("Form.CheckedDue", mine.Due),
                new("Form.CheckedOwners", mine.Owners),
            ],
        };
        YourValues = fields.Zip(compared).Where(p => p.Second.Differs)
            .ToDictionary(p => p.First.Name, p => (string?)(p.First.Name switch
            {
                nameof(ActionForm.Status) => mine.Status?.ToString() ?? string.Empty,
                nameof(ActionForm.RagCode) => mine.RagCode ?? string.Empty,
                _ => p.First.Yours ?? string.Empty,
            }));

        ModelState.Clear();
        ModelState.AddModelError(string.Empty, "Someone else saved this action while you were editing it");
        (Form, Version) = (theirs, theirVersion);
        var page = Page();
        page.StatusCode = StatusCodes.Status409Conflict;
        return page;
    }

    private async Task<(ActionForm Form, Guid Version)?> LoadStoredAsync(CancellationToken ct)
    {
        var action = await _db.Actions.AsNoTracking()
            .Where(a => a.Id == ActionId && a.Area.PlanId == PlanId && a.Area.Plan.OrganisationId == organisation.Id)
            .Select(a => new
            {
                a.AreaId,
                AreaNumber = a.Area.Number,
                a.Ref,
                a.Text,
                DueText = a.Due.Text,
                a.Status,
                a.RagCode,
                a.Comments,
                a.Version,
                Owners = a.Owners.OrderBy(o => o.SortOrder).Select(o => o.Person != null ? (o.Person.Initials ?? o.Person.Name) : o.Text).ToList(),
            })
            .FirstOrDefaultAsync(ct);
        if (action is null)
        {
            return null;
        }

        AreaId = action.AreaId;
        AreaLabel = $"Area {action.AreaNumber}";
        var owners = string.Join("/", action.Owners);
        return (new ActionForm
        {
            Ref = action.Ref,
            Text = action.Text,
            Due = action.DueText,
            Owners = owners,
            Status = action.Status,
            RagCode = action.RagCode,
            Comments = action.Comments,
            CheckedDue = action.DueText,
            CheckedOwners = owners,
        }, action.Version);
    }
}
