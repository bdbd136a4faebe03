using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Trellis.Core.Accounts;
using Trellis.Core.Data;
using Trellis.Core.Plans;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.Plans.EditRatings;

/// <summary>A plan's own rating scale in its own words: codes, labels, meanings, and which rating means complete.</summary>
[PlanAccess(PlanPermission.Manage)]
public class EditRatingsModel(TrellisDbContext db, PlanService plans, CurrentOrganisation organisation) : TrellisPageModel
{
    public const int BlankRows = 2;

    [FromRoute]
    public int PlanId { get; set; }

    [FromRoute]
    public string Scale { get; set; } = string.Empty;

    [BindProperty]
    public List<Row> Rows { get; set; } = [];

    public string PlanTitle { get; private set; } = string.Empty;

    public RagScale ScaleKind => string.Equals(Scale, "impact", StringComparison.OrdinalIgnoreCase) ? RagScale.Impact : RagScale.Progress;

    public string ScaleName => ScaleKind == RagScale.Impact ? "impact" : "progress";

    public sealed class Row
    {
        public string? Code { get; set; }
        public string? Label { get; set; }
        public string? Meaning { get; set; }
        public bool Complete { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        Rows = await db.RagRatings.Where(r => r.PlanId == PlanId && r.Scale == ScaleKind).OrderBy(r => r.SortOrder)
            .Select(r => new Row { Code = r.Code, Label = r.Label, Meaning = r.Meaning, Complete = r.IsComplete }).ToListAsync(ct);
        Rows.AddRange(Enumerable.Range(0, BlankRows).Select(_ => new Row()));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        var ratings = new List<RatingInput>();
        var codes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Rows.Count; i++)
        {
            var row = Rows[i];
            if (string.IsNullOrWhiteSpace(row.Code) && string.IsNullOrWhiteSpace(row.Label) && string.IsNullOrWhiteSpace(row.Meaning))
            {
                continue;
            }

            var n = i + 1;
            if (string.IsNullOrWhiteSpace(row.Code))
            {
                ModelState.AddModelError($"Rows[{i}].Code", $"Enter a short code for rating {n}, for example G");
            }
            else if (row.Code.Trim().Length > RagRating.CodeMaxLength)
            {
                ModelState.AddModelError($"Rows[{i}].Code", $"The code for rating {n} must be {RagRating.CodeMaxLength} characters or fewer");
            }
            else if (!codes.Add(row.Code.Trim()))
            {
                ModelState.AddModelError($"Rows[{i}].Code", $"The code for rating {n} is already used by another rating");
            }

            if (string.IsNullOrWhiteSpace(row.Label))
            {
                ModelState.AddModelError($"Rows[{i}].Label", $"Enter a label for rating {n}, for example Green");
            }
            else if (row.Label.Trim().Length > RagRating.LabelMaxLength)
            {
                ModelState.AddModelError($"Rows[{i}].Label", $"The label for rating {n} must be {RagRating.LabelMaxLength} characters or fewer");
            }

            if (row.Meaning?.Trim().Length > RagRating.MeaningMaxLength)
            {
                ModelState.AddModelError($"Rows[{i}].Meaning", $"The meaning of rating {n} must be {RagRating.MeaningMaxLength} characters or fewer");
            }

            ratings.Add(new RatingInput(row.Code ?? string.Empty, row.Label ?? string.Empty, row.Meaning, row.Complete));
        }

        if (ModelState.IsValid && ratings.Count == 0)
        {
            ModelState.AddModelError("Rows[0].Code", "Enter at least one rating");
        }

        if (ModelState.IsValid)
        {
            var stillUsed = await plans.SetRatingsAsync(organisation.Id, PlanId, ScaleKind, ratings, ct);
            if (stillUsed is null)
            {
                return NotFound();
            }

            if (stillUsed.Count == 0)
            {
                return Redirect($"/plans/{PlanId}#ratings");
            }

            ModelState.AddModelError("Rows[0].Code", $"Keep {string.Join(", ", stillUsed)}: the plan still uses {(stillUsed.Count == 1 ? "that rating" : "those ratings")}");
        }

        return PageWithErrors();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (!string.Equals(Scale, "progress", StringComparison.OrdinalIgnoreCase) && !string.Equals(Scale, "impact", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var title = await db.Plans.Where(p => p.Id == PlanId && p.OrganisationId == organisation.Id).Select(p => p.Title).FirstOrDefaultAsync(ct);
        PlanTitle = title ?? string.Empty;
        return title is not null;
    }
}
