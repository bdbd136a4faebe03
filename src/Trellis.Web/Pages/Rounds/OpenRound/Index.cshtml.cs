using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Trellis.Core.Accounts;
using Trellis.Core.Data;
using Trellis.Core.Rounds;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.Rounds.OpenRound;

/// <summary>Opens a plan's next round, prefilled with the period after the last one.</summary>
[PlanAccess(PlanPermission.Manage)]
public class OpenRoundModel(TrellisDbContext db, RoundService rounds, CurrentOrganisation organisation) : TrellisPageModel
{
    [FromRoute]
    public int PlanId { get; set; }

    [BindProperty]
    public OpenRoundForm Form { get; set; } = new();

    public string PlanTitle { get; private set; } = string.Empty;

    public sealed class OpenRoundForm
    {
        public string? Name { get; set; }
        public string? PeriodStart { get; set; }
        public string? PeriodEnd { get; set; }
        public string? UpdatesDue { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var next = await rounds.NextRoundAsync(organisation.Id, PlanId, ct);
        if (next is null || !await LoadAsync(ct))
        {
            return NotFound();
        }

        Form = new OpenRoundForm
        {
            Name = next.Name,
            PeriodStart = Display.Date(next.PeriodStart),
            PeriodEnd = Display.Date(next.PeriodEnd),
            UpdatesDue = Display.Date(next.UpdatesDue),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        var start = Required(Form.PeriodStart, nameof(OpenRoundForm.PeriodStart), "the start of the period", "The start of the period");
        var end = Required(Form.PeriodEnd, nameof(OpenRoundForm.PeriodEnd), "the end of the period", "The end of the period");
        var due = ReadExactDate(Form.UpdatesDue, $"{nameof(Form)}.{nameof(OpenRoundForm.UpdatesDue)}", "The date updates are due");
        if (!ModelState.IsValid)
        {
            if (string.IsNullOrWhiteSpace(Form.Name))
            {
                ModelState.AddModelError($"{nameof(Form)}.{nameof(OpenRoundForm.Name)}", "Enter a name for the round, for example 2026/27 Q3");
            }

            return PageWithErrors();
        }

        var result = await rounds.OpenAsync(organisation.Id, PlanId, new RoundInput(Form.Name ?? string.Empty, start!.Value, end!.Value, due), ct);
        switch (result.Status)
        {
            case RoundSaveStatus.NotFound:
                return NotFound();
            case RoundSaveStatus.Invalid:
                foreach (var error in result.Errors)
                {
                    ModelState.AddModelError(error.Field.Length == 0 ? string.Empty : $"{nameof(Form)}.{error.Field}", error.Message);
                }

                return PageWithErrors();
            default:
                TempData["Notice"] = $"Round {Form.Name!.Trim()} is open";
                return Redirect($"/rounds/{result.Id}");
        }
    }

    private DateOnly? Required(string? text, string field, string what, string label)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            ModelState.AddModelError($"{nameof(Form)}.{field}", $"Enter {what}, for example 1 April 2026");
            return null;
        }

        return ReadExactDate(text, $"{nameof(Form)}.{field}", label);
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var title = await db.Plans.AsNoTracking().Where(p => p.Id == PlanId && p.OrganisationId == organisation.Id).Select(p => p.Title).FirstOrDefaultAsync(ct);
        PlanTitle = title ?? string.Empty;
        return title is not null;
    }
}
