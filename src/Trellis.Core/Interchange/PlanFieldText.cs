using Trellis.Core.Dates;

namespace Trellis.Core.Interchange;

/// <summary>
/// Fields of one version of a plan document as the words a reviewer compares, read the way the importer would store
/// them: people by name and initials (not the document's "p1"), a due date without a precision read from its text,
/// the milestones a several-date due cell becomes. Two versions that would store the same thing give the same words.
/// </summary>
internal sealed class PlanFieldText
{
    private readonly Dictionary<string, string> _people;
    private readonly DueDateReaderOptions _dueOptions;

    public PlanFieldText(PlanDocument document)
    {
        Document = document;
        _people = (document.People ?? []).GroupBy(p => p.Id.Trim(), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => PersonLabel(g.First()), StringComparer.Ordinal);
        _dueOptions = new DueDateReaderOptions { BareQuartersAreFinancial = document.Plan.QuartersAreFinancial };
    }

    public PlanDocument Document { get; }

    /// <summary>Same rule as the importer's people matching: name and initials, or the job title when there is neither.</summary>
    public static string PersonLabel(PersonDoc person)
    {
        var name = DocText.Blank(person.Name);
        var initials = DocText.Blank(person.Initials);
        return (name, initials) switch
        {
            ({ } n, { } i) => $"{n} ({i})",
            ({ } n, null) => n,
            (null, { } i) => i,
            _ => DocText.Blank(person.JobTitle) ?? "(unnamed person)",
        };
    }

    public static string? Text(string? text) => DocText.Blank(text);

    public static string? List(IEnumerable<string>? items)
    {
        var clean = DocText.Clean(items);
        return clean.Count == 0 ? null : string.Join("; ", clean);
    }

    public static string? Date(DateOnly? date) => date is { } d ? Dates.DateText.Long(d) : null;

    public string? Owners(IEnumerable<OwnerDoc>? owners) =>
        List((owners ?? []).Select(o => o.Person is { } id ? _people.GetValueOrDefault(id.Trim(), id) : o.Text ?? string.Empty));

    public string? Due(DueDoc? due)
    {
        var stored = Stored(due);
        if (stored is null)
        {
            return null;
        }

        var (text, date, _) = stored.Value;
        return date is { } d ? $"{text} (by {Date(d)})" : text;
    }

    public string? Milestones(ActionDoc action) =>
        List(StoredMilestones(action).Select(m => $"{m.Text.Trim()} ({(Due(m.Due) is { } due ? "due " + due : "no date")}{(m.Status is { } s ? ", " + s : string.Empty)})"));

    public static string? Source(SourceDoc? source) =>
        source is null ? null : source.Reference is { } reference && DocText.Blank(reference) is { } r ? $"{source.Kind}: {r}" : source.Kind;

    /// <summary>An area's theme by its key alone: a theme's title is the plan's, not the area's, and an import does not rename themes.</summary>
    public static string? Theme(string? key) => DocText.Blank(key);

    public static string? Judgements(InspectionDoc? inspection) =>
        List((inspection?.Judgements ?? []).Select(j => $"{j.Area.Trim()}: {j.Grade.Trim()}"));

    public static string? Monitoring(MonitoringDoc? entry)
    {
        if (entry is null)
        {
            return null;
        }

        var parts = new[]
        {
            DocText.Blank(entry.ProgressRag) is { } p ? "progress " + p : null,
            DocText.Blank(entry.ImpactRag) is { } i ? "impact " + i : null,
            DocText.Blank(entry.Commentary),
            DocText.Blank(entry.FurtherActions) is { } f ? "further action: " + f : null,
        };
        return List(parts.OfType<string>()) ?? "(empty)";
    }

    /// <summary>The due date as the importer stores it: as given, or read from the text when the precision is missing.</summary>
    private (string Text, DateOnly? Date, DuePrecision Precision)? Stored(DueDoc? due)
    {
        if (due is null)
        {
            return null;
        }

        if (due.Precision is null)
        {
            var reading = DueDateReader.Read(due.Text, _dueOptions);
            return reading.Text.Length == 0 && reading.Date is null ? null : (reading.Text, reading.Date, reading.Precision);
        }

        InterchangeWords.Precision.TryRead(due.Precision, out var precision);
        var text = due.Text.Trim();
        return text.Length == 0 && due.Date is null && precision == DuePrecision.None ? null : (text, due.Date, precision);
    }

    /// <summary>The action's milestones, or those its due cell becomes when it names several dates and the action has none.</summary>
    private List<MilestoneDoc> StoredMilestones(ActionDoc action)
    {
        if (action.Milestones is { Count: > 0 } milestones)
        {
            return milestones;
        }

        if (action.Due is { Precision: null } due && DueDateReader.Read(due.Text, _dueOptions) is { HasMilestones: true } reading)
        {
            return
            [
                .. reading.Parts.Select(p => new MilestoneDoc
                {
                    Text = p.Text,
                    Due = new DueDoc { Text = p.Text, Date = p.Date, Precision = InterchangeWords.Precision.Word(p.Precision) },
                }),
            ];
        }

        return [];
    }
}
