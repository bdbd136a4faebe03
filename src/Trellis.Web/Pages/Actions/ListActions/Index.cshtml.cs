using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Trellis.Core.Accounts;
using Trellis.Core.Data;
using Trellis.Core.Dates;
using Trellis.Core.Plans;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.Actions.ListActions;

/// <summary>Every action in a plan, filtered by rating, status, owner and where its date stands.</summary>
[PlanAccess(PlanPermission.View)]
public class ListActionsModel(TrellisDbContext db, CurrentOrganisation organisation, TimeProvider clock) : TrellisPageModel
{
    public const string NotRated = "none";

    [FromRoute]
    public int PlanId { get; set; }

    [FromQuery]
    public string? Rag { get; set; }

    [FromQuery]
    public ActionStatus? Status { get; set; }

    [FromQuery]
    public int? Owner { get; set; }

    /// <summary>overdue | soon | undated</summary>
    [FromQuery]
    public string? When { get; set; }

    public string PlanTitle { get; private set; } = string.Empty;
    public int Total { get; private set; }
    public List<ActionRow> Rows { get; private set; } = [];
    public RagLookup Ratings { get; private set; } = new([]);
    public List<SelectListItem> RagChoices { get; private set; } = [];
    public List<SelectListItem> OwnerChoices { get; private set; } = [];

    public static IEnumerable<SelectListItem> StatusChoices =>
        [new("Any status", string.Empty), .. Enum.GetValues<ActionStatus>().Select(s => new SelectListItem(Display.Status(s), s.ToString()))];

    public static IEnumerable<SelectListItem> WhenChoices =>
    [
        new("Any date", string.Empty),
        new("Overdue", "overdue"),
        new($"Due in the next {DueView.DueSoonDays} days", "soon"),
        new("No date (TBC, ongoing or not understood)", "undated"),
    ];

    public bool Filtered => Rag is not null || Status is not null || Owner is not null || When is not null;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var title = await db.Plans.Where(p => p.Id == PlanId && p.OrganisationId == organisation.Id).Select(p => p.Title).FirstOrDefaultAsync(ct);
        if (title is null)
        {
            return NotFound();
        }

        PlanTitle = title;
        var today = clock.Today();
        var ratings = await db.RagRatings.AsNoTracking().Where(r => r.PlanId == PlanId && r.Scale == RagScale.Progress).OrderBy(r => r.SortOrder)
            .Select(r => new { r.Code, r.Label, r.Meaning, r.Colour, r.IsComplete }).ToListAsync(ct);
        Ratings = new RagLookup(ratings.Select(r => new RagLabel(r.Code, r.Label, r.Meaning, r.Colour, r.IsComplete)));
        RagChoices = [new("Any rating", string.Empty), .. ratings.Select(r => new SelectListItem(r.Label, r.Code)), new("Not rated", NotRated)];
        OwnerChoices = [new("Anyone", string.Empty), .. await db.PlanPeople.Where(k => k.PlanId == PlanId).OrderBy(k => k.SortOrder)
            .Select(k => new SelectListItem(k.Person.Name ?? k.Person.Initials ?? k.Person.JobTitle ?? "(unnamed)", k.PersonId.ToString())).ToListAsync(ct)];

        var query = db.Actions.AsNoTracking().Where(a => a.Area.PlanId == PlanId);
        Total = await query.CountAsync(ct);
        if (Rag == NotRated)
        {
            query = query.Where(a => a.RagCode == null);
        }
        else if (!string.IsNullOrEmpty(Rag))
        {
            query = query.Where(a => a.RagCode == Rag);
        }

        if (Status is { } status)
        {
            query = query.Where(a => a.Status == status);
        }

        if (Owner is { } owner)
        {
            query = query.Where(a => a.Owners.Any(o => o.PersonId == owner));
        }

        var open = new[] { ActionStatus.Complete, ActionStatus.Dropped };
        var soon = today.AddDays(DueView.DueSoonDays);
        query = When switch
        {
            "overdue" => query.Where(a => a.Due.Date < today && (a.Status == null || !open.Contains(a.Status.Value))),
            "soon" => query.Where(a => a.Due.Date >= today && a.Due.Date <= soon && (a.Status == null || !open.Contains(a.Status.Value))),
            "undated" => query.Where(a => a.Due.Date == null),
            _ => query,
        };

        var actions = await query.OrderBy(a => a.Area.SortOrder).ThenBy(a => a.SortOrder)
            .Select(a => new
            {
                a.Id,
                a.AreaId,
                AreaNumber = a.Area.Number,
                a.Ref,
                a.Text,
                DueText = a.Due.Text,
                DueDate = a.Due.Date,
                a.Due.Precision,
                a.Status,
                a.RagCode,
                Owners = a.Owners.OrderBy(o => o.SortOrder).Select(o => new { o.PersonId, Name = o.Person != null ? o.Person.Name : null, Initials = o.Person != null ? o.Person.Initials : null, o.Text }).ToList(),
            })
            .ToListAsync(ct);
        Rows = [.. actions.Select(a => new ActionRow(a.Id, a.AreaId, a.AreaNumber, a.Ref, a.Text,
            DueView.Of(a.DueText, a.DueDate, a.Precision, a.Status, today), a.RagCode, a.Status,
            [.. a.Owners.Select(o => new OwnerView(o.PersonId, o.Name ?? o.Initials ?? o.Text ?? string.Empty, o.Initials))]))];
        return Page();
    }
}
