using Trellis.Core.Dates;
using Trellis.Core.Plans;

namespace Trellis.Web.Infrastructure;

/// <summary>An owner or lead ready to show: a person (linked) or text as written (marked as not matched).</summary>
public sealed record OwnerView(int? PersonId, string Text, string? Initials)
{
    public bool IsResolved => PersonId is not null;
}

/// <summary>A due date as written and as understood, with where it stands today.</summary>
public sealed record DueView(string Text, DateOnly? Date, DuePrecision Precision, bool Overdue, bool DueSoon)
{
    public const int DueSoonDays = 30;

    public static DueView Of(string text, DateOnly? date, DuePrecision precision, ActionStatus? status, DateOnly today)
    {
        var open = status is not (ActionStatus.Complete or ActionStatus.Dropped);
        var overdue = open && date is { } d && d < today;
        var soon = open && date is { } s && s >= today && s <= today.AddDays(DueSoonDays);
        return new DueView(text, date, precision, overdue, soon);
    }
}

/// <summary>An action in a list of actions from across a plan.</summary>
public sealed record ActionRow(int Id, int AreaId, string AreaNumber, string Ref, string Text, DueView Due, string? RagCode, ActionStatus? Status, List<OwnerView> Owners);

/// <summary>A table of actions: the overdue and due-soon lists, the filtered list.</summary>
public sealed record ActionTable(IReadOnlyList<ActionRow> Rows, string Empty, string Caption, RagLookup Ratings);

/// <summary>A summary-list row holding a list of strings.</summary>
public sealed record ListRow(string Key, IReadOnlyList<string> Items);

/// <summary>A plan's RAG legend for one scale.</summary>
public sealed record RagLegend(string Caption, IReadOnlyList<RagLabel> Ratings);
