using System.Globalization;
using Trellis.Core.Dates;

namespace Trellis.Core.Reminders;

public enum ReminderKind
{
    Overdue,
    DueSoon,
    NoUpdate,
}

/// <summary>
/// One action in a digest. DaysOverdue is set for overdue actions, DaysLeft for those due soon.
/// NoUpdateIn names the open round the action has no update in, whatever heading it is under.
/// </summary>
public sealed record ReminderItem(
    ReminderKind Kind,
    int PlanId,
    string PlanTitle,
    string AreaNumber,
    int ActionId,
    string ActionRef,
    string ActionText,
    string DueText,
    DateOnly? DueDate,
    DuePrecision DuePrecision,
    int? DaysOverdue,
    int? DaysLeft,
    string? NoUpdateIn,
    string Link)
{
    /// <summary>The target date as written and as understood: "March 2026 (by 31 March 2026)".</summary>
    public string DueWords
    {
        get
        {
            if (DueDate is not { } date)
            {
                return DueText.Length == 0 ? "no target date" : DueText;
            }

            var understood = (DuePrecision == DuePrecision.Day ? "on " : "by ") + DateText.Long(date);
            return DueText.Length == 0 || string.Equals(DueText, DateText.Long(date), StringComparison.OrdinalIgnoreCase)
                ? understood
                : $"{DueText} ({understood})";
        }
    }

    /// <summary>"12 days overdue", "due today", "due in 3 days", or null.</summary>
    public string? When => (DaysOverdue, DaysLeft) switch
    {
        ({ } late, _) => late == 1 ? "1 day overdue" : string.Create(CultureInfo.InvariantCulture, $"{late} days overdue"),
        (_, 0) => "due today",
        (_, 1) => "due tomorrow",
        (_, { } left) => string.Create(CultureInfo.InvariantCulture, $"due in {left} days"),
        _ => null,
    };
}

/// <summary>What one person is reminded of on one day: each open action they own appears once, under the first heading that applies.</summary>
public sealed record ReminderDigest(
    int PersonId,
    string PersonName,
    string Email,
    int OrganisationId,
    string OrganisationName,
    DateOnly Date,
    IReadOnlyList<ReminderItem> Overdue,
    IReadOnlyList<ReminderItem> DueSoon,
    IReadOnlyList<ReminderItem> NoUpdate)
{
    public int ItemCount => Overdue.Count + DueSoon.Count + NoUpdate.Count;

    /// <summary>"Trellis: 3 actions overdue, 2 due soon, 1 to update": counts only, never case text.</summary>
    public string Subject
    {
        get
        {
            var parts = new List<string>();
            if (Overdue.Count > 0)
            {
                parts.Add(Count(Overdue.Count, "action", "actions") + " overdue");
            }

            if (DueSoon.Count > 0)
            {
                parts.Add(parts.Count == 0 ? Count(DueSoon.Count, "action", "actions") + " due soon" : $"{DueSoon.Count} due soon");
            }

            if (NoUpdate.Count > 0)
            {
                parts.Add(parts.Count == 0 ? Count(NoUpdate.Count, "action", "actions") + " to update" : $"{NoUpdate.Count} to update");
            }

            return "Trellis: " + string.Join(", ", parts);
        }
    }

    private static string Count(int n, string one, string many) => string.Create(CultureInfo.InvariantCulture, $"{n} {(n == 1 ? one : many)}");
}
