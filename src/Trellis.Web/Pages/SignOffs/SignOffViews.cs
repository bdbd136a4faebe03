using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Trellis.Core.Data;
using Trellis.Core.Plans;
using Trellis.Core.SignOffs;

namespace Trellis.Web.Pages.SignOffs;

public sealed record SignOffAction(int Id, int PlanId, int AreaId, string AreaNumber, string Ref, string Text, string DueText, ActionStatus? Status, IReadOnlyList<string> Owners);

public sealed record EvidenceFileView(int Id, string FileName, long Size);

public sealed record SignOffRequestView(
    int Id, string RequestedBy, DateTimeOffset RequestedAt, string? Note, IReadOnlyList<string> Links, IReadOnlyList<EvidenceFileView> Files,
    SignOffDecision? Decision, string? DecidedBy, DateTimeOffset? DecidedAt, string? Reason)
{
    public bool Pending => Decision is null;
}

/// <summary>The action, who signs it off, and its requests newest first: what the sign-off pages share.</summary>
public sealed record SignOffDetails(SignOffAction Action, IReadOnlyList<string> SeniorLeads, IReadOnlyList<SignOffRequestView> Requests)
{
    public SignOffRequestView? Pending => Requests.FirstOrDefault(r => r.Pending);

    /// <summary>Who decides, in words for the page.</summary>
    public string Approver => SeniorLeads.Count == 0
        ? "This area has no senior lead linked to a person in Trellis, so a plan manager signs off its actions."
        : $"The area's senior lead ({string.Join(" or ", SeniorLeads)}) signs off its actions; a plan manager can too.";

    public static async Task<SignOffDetails?> LoadAsync(TrellisDbContext db, int organisationId, int planId, int actionId, CancellationToken ct)
    {
        var action = await db.Actions.AsNoTracking()
            .Where(a => a.Id == actionId && a.Area.PlanId == planId && a.Area.Plan.OrganisationId == organisationId)
            .Select(a => new
            {
                a.Id,
                a.Area.PlanId,
                a.AreaId,
                a.Area.Number,
                a.Ref,
                a.Text,
                DueText = a.Due.Text,
                a.Status,
                Owners = a.Owners.OrderBy(o => o.SortOrder).Select(o => o.Person != null ? o.Person.Name ?? o.Person.Initials : o.Text).ToList(),
                SeniorLeads = a.Area.Leads.Where(l => l.Role == LeadRole.SeniorLead && l.PersonId != null).OrderBy(l => l.SortOrder)
                    .Select(l => l.Person!.Name ?? l.Person.Initials).ToList(),
            })
            .FirstOrDefaultAsync(ct);
        if (action is null)
        {
            return null;
        }

        var requests = await db.SignOffRequests.AsNoTracking().Where(r => r.ActionId == actionId).OrderByDescending(r => r.Id)
            .Select(r => new
            {
                r.Id,
                r.RequestedByName,
                r.RequestedAt,
                r.Note,
                r.Links,
                Files = r.Files.OrderBy(f => f.Id).Select(f => new EvidenceFileView(f.Id, f.FileName, f.Size)).ToList(),
                r.Decision,
                r.DecidedByName,
                r.DecidedAt,
                r.Reason,
            })
            .ToListAsync(ct);
        return new SignOffDetails(
            new SignOffAction(action.Id, action.PlanId, action.AreaId, action.Number, action.Ref, action.Text, action.DueText, action.Status,
                [.. action.Owners.Where(o => o is not null).Select(o => o!)]),
            [.. action.SeniorLeads.Where(n => n is not null).Select(n => n!)],
            [.. requests.Select(r => new SignOffRequestView(r.Id, r.RequestedByName, r.RequestedAt, r.Note, r.Links, r.Files, r.Decision, r.DecidedByName, r.DecidedAt, r.Reason))]);
    }

    public static string When(DateTimeOffset moment) =>
        TimeZoneInfo.ConvertTime(moment, London).ToString("d MMMM yyyy 'at' h:mmtt", CultureInfo.GetCultureInfo("en-GB")).Replace("AM", "am", StringComparison.Ordinal).Replace("PM", "pm", StringComparison.Ordinal);

    public static string Size(long bytes) => EvidenceFileCheck.Megabytes(bytes) is var text && bytes >= 1024 * 1024 && bytes % (1024 * 1024) != 0
        ? $"{bytes / (1024.0 * 1024):0.#} MB"
        : text;

    private static readonly TimeZoneInfo London = FindLondon();

    private static TimeZoneInfo FindLondon()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}
