using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Trellis.Core.Accounts;
using Trellis.Core.Data;
using Trellis.Core.Plans;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.Plans.EditInspection;

/// <summary>The inspection a plan answers: framework, dates and the judgements as the report gave them.</summary>
[PlanAccess(PlanPermission.Manage)]
public class EditInspectionModel(TrellisDbContext db, PlanService plans, CurrentOrganisation organisation) : TrellisPageModel
{
    public const int BlankRows = 3;

    [FromRoute]
    public int PlanId { get; set; }

    [BindProperty]
    public string? Framework { get; set; }

    [BindProperty]
    public string? Start { get; set; }

    [BindProperty]
    public string? End { get; set; }

    [BindProperty]
    public string? Published { get; set; }

    [BindProperty]
    public List<JudgementRow> Judgements { get; set; } = [];

    public string PlanTitle { get; private set; } = string.Empty;

    public sealed class JudgementRow
    {
        public string? Area { get; set; }
        public string? Grade { get; set; }
    }

    public static IEnumerable<SelectListItem> Grades =>
        [new("Choose a grade", string.Empty), .. Enum.GetValues<Grade>().Select(g => new SelectListItem(Display.Grade(g, null), g.ToString()))];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        var inspection = await db.Inspections.AsNoTracking().Where(i => i.PlanId == PlanId)
            .Select(i => new { i.Framework, i.Start, i.End, i.Published, Judgements = i.Judgements.OrderBy(j => j.SortOrder).Select(j => new { j.Area, j.Grade }).ToList() })
            .FirstOrDefaultAsync(ct);
        if (inspection is not null)
        {
            Framework = inspection.Framework;
            Start = Display.Date(inspection.Start);
            End = Display.Date(inspection.End);
            Published = Display.Date(inspection.Published);
            Judgements = [.. inspection.Judgements.Select(j => new JudgementRow { Area = j.Area, Grade = j.Grade?.ToString() })];
        }

        Judgements.AddRange(Enumerable.Range(0, BlankRows).Select(_ => new JudgementRow()));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (Framework?.Trim().Length > Inspection.FrameworkMaxLength)
        {
            ModelState.AddModelError(nameof(Framework), $"The framework must be {Inspection.FrameworkMaxLength} characters or fewer");
        }

        var start = ReadExactDate(Start, nameof(Start), "The first day of the inspection");
        var end = ReadExactDate(End, nameof(End), "The last day of the inspection");
        var published = ReadExactDate(Published, nameof(Published), "The date the report was published");
        if (start is not null && end is not null && end < start)
        {
            ModelState.AddModelError(nameof(End), "The last day of the inspection must be on or after the first day");
        }

        var judgements = new List<JudgementInput>();
        for (var i = 0; i < Judgements.Count; i++)
        {
            var row = Judgements[i];
            if (string.IsNullOrWhiteSpace(row.Area) && string.IsNullOrWhiteSpace(row.Grade))
            {
                continue;
            }

            if (string.IsNullOrWhiteSpace(row.Area))
            {
                ModelState.AddModelError($"Judgements[{i}].Area", $"Enter what judgement {i + 1} is about, for example Overall effectiveness");
            }
            else if (row.Area.Trim().Length > Judgement.AreaMaxLength)
            {
                ModelState.AddModelError($"Judgements[{i}].Area", $"Judgement {i + 1} must be {Judgement.AreaMaxLength} characters or fewer");
            }

            Grade? grade = Enum.TryParse<Grade>(row.Grade, out var g) ? g : null;
            if (grade is null)
            {
                ModelState.AddModelError($"Judgements[{i}].Grade", $"Choose the grade for judgement {i + 1}");
            }

            judgements.Add(new JudgementInput(row.Area ?? string.Empty, grade, null));
        }

        if (!ModelState.IsValid)
        {
            return PageWithErrors();
        }

        await plans.SetInspectionAsync(organisation.Id, PlanId, new InspectionInput(Framework, start, end, published, judgements), ct);
        return Redirect($"/plans/{PlanId}#inspection");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var title = await db.Plans.Where(p => p.Id == PlanId && p.OrganisationId == organisation.Id).Select(p => p.Title).FirstOrDefaultAsync(ct);
        PlanTitle = title ?? string.Empty;
        return title is not null;
    }
}
