using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Trellis.Core.Data;
using Trellis.Core.Rounds;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.Committee;

/// <summary>
/// Shared by the pages that write a round's committee report (narrative and self-assessment): the round, its plan,
/// whether it is closed, and the service's field errors shown as the page's own.
/// </summary>
public abstract class RoundContentPage(TrellisDbContext db, CurrentOrganisation organisation) : TrellisPageModel
{
    [FromRoute]
    public int RoundId { get; set; }

    public int PlanId { get; private set; }
    public string PlanTitle { get; private set; } = string.Empty;
    public string RoundName { get; private set; } = string.Empty;
    public bool IsClosed { get; private set; }

    /// <summary>The round's dashboard, where these pages are reached from.</summary>
    public string RoundUrl => $"/rounds/{RoundId}";

    /// <summary>The caller's organisation, whose plans alone these pages find.</summary>
    protected int OrganisationId => organisation.Id;

    protected async Task<bool> LoadRoundAsync(CancellationToken ct)
    {
        var round = await db.Rounds.Where(r => r.Id == RoundId && r.Plan.OrganisationId == organisation.Id)
            .Select(r => new { r.PlanId, PlanTitle = r.Plan.Title, r.Name, r.Status })
            .FirstOrDefaultAsync(ct);
        if (round is null)
        {
            return false;
        }

        (PlanId, PlanTitle, RoundName, IsClosed) = (round.PlanId, round.PlanTitle, round.Name, round.Status == RoundStatus.Closed);
        return true;
    }

    /// <summary>The page for a result that did not save: 404 when not found, otherwise the errors with 400.</summary>
    protected IActionResult Failed(CommitteeResult result) => CommitteeErrors.Show(this, result, PageWithErrors);
}

internal static class CommitteeErrors
{
    /// <summary>Puts the service's field errors on the form's fields ("Form.Heading"); a closed round's message goes to the top.</summary>
    public static IActionResult Show(TrellisPageModel page, CommitteeResult result, Func<IActionResult> withErrors)
    {
        if (result.Outcome == CommitteeOutcome.NotFound)
        {
            return page.NotFound();
        }

        foreach (var error in result.Errors)
        {
            page.ModelState.AddModelError(error.Field.Length == 0 ? string.Empty : "Form." + error.Field, error.Message);
        }

        return withErrors();
    }
}

/// <summary>The move up / move down buttons of one row in a list of <paramref name="Count"/>.</summary>
public sealed record MoveButtons(int Id, int Index, int Count, string Label, string IdField);
