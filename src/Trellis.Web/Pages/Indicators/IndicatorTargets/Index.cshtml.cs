using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Trellis.Core.Accounts;
using Trellis.Core.Data;
using Trellis.Core.Indicators;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.Indicators.IndicatorTargets;

/// <summary>An indicator's dated targets ("85% by March 2017" from April 2016): list, add and remove.</summary>
[PlanAccess(PlanPermission.Manage)]
public class IndicatorTargetsModel(TrellisDbContext db, IndicatorService indicators, CurrentOrganisation organisation) : IndicatorPage(db, organisation)
{
    [BindProperty]
    public TargetForm Form { get; set; } = new();

    public string? StandingTarget { get; private set; }
    public List<TargetRow> Targets { get; private set; } = [];

    public sealed class TargetForm
    {
        public string? Text { get; set; }
        public string? From { get; set; }
        public string? To { get; set; }
        public string? Min { get; set; }
        public string? Max { get; set; }
    }

    public sealed record TargetRow(int Id, string Text, string From, string To, string ReadAs);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        var from = ReadExactDate(Form.From, "Form.From", "The start date");
        var to = ReadExactDate(Form.To, "Form.To", "The end date");
        var min = ReadNumber(Form.Min, "Form.Min", "The lowest value must be a number, for example 85");
        var max = ReadNumber(Form.Max, "Form.Max", "The highest value must be a number, for example 90");
        if (!ModelState.IsValid)
        {
            return PageWithErrors();
        }

        var result = await indicators.AddTargetAsync(OrganisationId, IndicatorId, new TargetInput(Form.Text, from, to, min, max), ct);
        if (result.Outcome == IndicatorOutcome.NotFound)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            AddErrors(result);
            return PageWithErrors();
        }

        TempData["Notice"] = $"Target {Form.Text!.Trim()} added";
        return Redirect($"/indicators/{IndicatorId}/targets");
    }

    public async Task<IActionResult> OnPostRemoveAsync(int targetId, CancellationToken ct)
    {
        var result = await indicators.RemoveTargetAsync(OrganisationId, IndicatorId, targetId, ct);
        if (!result.Succeeded)
        {
            return NotFound();
        }

        TempData["Notice"] = "Target removed";
        return Redirect($"/indicators/{IndicatorId}/targets");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (!await LoadIndicatorAsync(ct))
        {
            return false;
        }

        StandingTarget = await Db.Indicators.Where(i => i.Id == IndicatorId).Select(i => i.TargetText).FirstAsync(ct);
        var targets = await Db.IndicatorTargets.AsNoTracking().Where(t => t.IndicatorId == IndicatorId).ToListAsync(ct);
        Targets = [.. targets.OrderBy(t => t.From ?? DateOnly.MinValue).ThenBy(t => t.Id).Select(t => new TargetRow(t.Id, t.Text,
            t.From is { } f ? Display.Date(f) : "The beginning", t.To is { } e ? Display.Date(e) : "No end",
            Bounds(t.Min, t.Max) ?? TargetWords.Describe(TargetReader.Read(t.Text), Polarity, Unit)))];
        return true;
    }

    private string? Bounds(decimal? min, decimal? max) => (min, max) switch
    {
        (null, null) => null,
        ({ } low, null) => $"at least {IndicatorEvaluator.Format(low, Unit)}",
        (null, { } high) => $"no higher than {IndicatorEvaluator.Format(high, Unit)}",
        ({ } low, { } high) when low == high => IndicatorEvaluator.Format(low, Unit),
        ({ } low, { } high) => $"between {IndicatorEvaluator.Format(low, Unit)} and {IndicatorEvaluator.Format(high, Unit)}",
    };
}
