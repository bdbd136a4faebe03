using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Trellis.Core.Accounts;
using Trellis.Core.Data;
using Trellis.Core.Plans;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.Indicators.ListIndicators;

/// <summary>Every indicator of a plan with its latest value judged, filtered by area, rating and direction.</summary>
[PlanAccess(PlanPermission.View)]
public class ListIndicatorsModel(TrellisDbContext db, CurrentOrganisation organisation) : TrellisPageModel
{
    [FromRoute]
    public int PlanId { get; set; }

    [BindProperty(SupportsGet = true, Name = "area")]
    public string? Area { get; set; }

    [BindProperty(SupportsGet = true, Name = "rag")]
    public string? Rag { get; set; }

    [BindProperty(SupportsGet = true, Name = "direction")]
    public string? Direction { get; set; }

    public string PlanTitle { get; private set; } = string.Empty;
    public int Total { get; private set; }
    public List<IndicatorSummary> Rows { get; private set; } = [];
    public List<SelectListItem> AreaChoices { get; private set; } = [];
    public bool Filtered => Area is { Length: > 0 } || Rag is { Length: > 0 } || Direction is { Length: > 0 };

    public static IEnumerable<SelectListItem> RagChoices =>
        [new("Any rating", string.Empty), new("Red", "red"), new("Amber", "amber"), new("Green", "green"), new("Not rated", "none")];

    public static IEnumerable<SelectListItem> DirectionChoices =>
    [
        new("Any direction", string.Empty), new("Better than the previous period", "better"), new("Worse than the previous period", "worse"),
        new("The same as the previous period", "same"), new("Up or down (no better direction)", "moved"), new("No earlier value", "none"),
    ];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var title = await db.Plans.AsNoTracking().Where(p => p.Id == PlanId && p.OrganisationId == organisation.Id).Select(p => p.Title).FirstOrDefaultAsync(ct);
        if (title is null)
        {
            return NotFound();
        }

        PlanTitle = title;
        var areas = await db.Areas.AsNoTracking().Where(a => a.PlanId == PlanId).OrderBy(a => a.SortOrder).Select(a => new { a.Number, a.Title }).ToListAsync(ct);
        AreaChoices = [new("All areas", string.Empty), .. areas.Select(a => new SelectListItem($"{a.Number}. {Shorten(a.Title)}", a.Number))];

        var all = await IndicatorSummaries.ForPlanAsync(db, PlanId, ct);
        Total = all.Count;
        Rows = [.. all.Where(Matches)];
        return Page();
    }

    private bool Matches(IndicatorSummary row)
    {
        if (Area is { Length: > 0 } area && !row.AreaNumbers.Contains(area))
        {
            return false;
        }

        var rag = row.Judgement.Rag;
        var ragOk = Rag switch
        {
            "red" => rag == RagColour.Red,
            "amber" => rag == RagColour.Amber,
            "green" => rag == RagColour.Green,
            "none" => rag is null,
            _ => true,
        };
        var moved = row.Judgement.SincePrevious?.Direction;
        var directionOk = Direction switch
        {
            "better" => moved == Core.Indicators.Direction.Better,
            "worse" => moved == Core.Indicators.Direction.Worse,
            "same" => moved == Core.Indicators.Direction.Same,
            "moved" => moved is Core.Indicators.Direction.Up or Core.Indicators.Direction.Down,
            "none" => moved is null,
            _ => true,
        };
        return ragOk && directionOk;
    }

    private static string Shorten(string text) => text.Length > 60 ? text[..57].TrimEnd() + "..." : text;
}
