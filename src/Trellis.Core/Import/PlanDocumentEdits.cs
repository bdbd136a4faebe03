using Trellis.Core.Interchange;
using Trellis.Core.Owners;

namespace Trellis.Core.Import;

/// <summary>
/// Changes an officer makes to an uploaded plan on the review screen, each giving a new document (the records are
/// immutable). Areas and actions are addressed by position, as the review screen lists them.
/// </summary>
public static class PlanDocumentEdits
{
    public static PlanDocument ReplaceArea(PlanDocument document, int index, AreaDoc area)
    {
        var old = document.Areas[index];
        var areas = new List<AreaDoc>(document.Areas) { [index] = area };

        // Indicators name the areas they evidence by number; a renumbered area keeps its indicators.
        var indicators = document.Indicators;
        if (!string.Equals(old.Number.Trim(), area.Number.Trim(), StringComparison.Ordinal) && indicators is not null)
        {
            indicators = [.. indicators.Select(i => i.Areas is null ? i : i with { Areas = [.. i.Areas.Select(n => string.Equals(n.Trim(), old.Number.Trim(), StringComparison.Ordinal) ? area.Number : n)] })];
        }

        return document with { Areas = areas, Indicators = indicators };
    }

    /// <summary>Leaves an area (and its actions) out of the import; indicators stop naming it.</summary>
    public static PlanDocument RemoveArea(PlanDocument document, int index)
    {
        var number = document.Areas[index].Number.Trim();
        var areas = new List<AreaDoc>(document.Areas);
        areas.RemoveAt(index);
        var stillNamed = areas.Any(a => string.Equals(a.Number.Trim(), number, StringComparison.Ordinal));
        var indicators = stillNamed || document.Indicators is null
            ? document.Indicators
            : [.. document.Indicators.Select(i => i.Areas is null ? i : i with { Areas = [.. i.Areas.Where(n => !string.Equals(n.Trim(), number, StringComparison.Ordinal))] })];
        return document with { Areas = areas, Indicators = indicators };
    }

    public static PlanDocument ReplaceAction(PlanDocument document, int areaIndex, int actionIndex, ActionDoc action)
    {
        var area = document.Areas[areaIndex];
        var actions = new List<ActionDoc>(area.Actions ?? []) { [actionIndex] = action };
        return ReplaceArea(document, areaIndex, area with { Actions = actions });
    }

    public static PlanDocument RemoveAction(PlanDocument document, int areaIndex, int actionIndex)
    {
        var area = document.Areas[areaIndex];
        var actions = new List<ActionDoc>(area.Actions ?? []);
        actions.RemoveAt(actionIndex);
        return ReplaceArea(document, areaIndex, area with { Actions = actions });
    }

    /// <summary>
    /// Every owner or lead written as <paramref name="text"/> becomes the document's person <paramref name="personId"/>,
    /// and the warnings that said the text matched nobody go.
    /// </summary>
    public static PlanDocument MatchOwner(PlanDocument document, string text, string personId)
    {
        var areas = document.Areas.Select(area => area with
        {
            Leads = Match(area.Leads, text, personId),
            SeniorLeads = Match(area.SeniorLeads, text, personId),
            Warnings = WithoutOwnerWarnings(area.Warnings, text),
            Actions = area.Actions?.Select(action => action with
            {
                Owners = Match(action.Owners, text, personId),
                Warnings = action.Owners?.Any(o => IsText(o, text)) == true ? WithoutOwnerWarnings(action.Warnings, text) : action.Warnings,
            }).ToList(),
        }).ToList();
        return document with { Areas = areas };
    }

    /// <summary>Texts written as owners or leads that are not any of the document's people, with how often each is used.</summary>
    public static List<(string Text, int Uses)> UnmatchedOwners(PlanDocument document) =>
    [
        .. document.Areas
            .SelectMany(a => (a.Leads ?? []).Concat(a.SeniorLeads ?? []).Concat((a.Actions ?? []).SelectMany(x => x.Owners ?? [])))
            .Where(o => o.Person is null && !string.IsNullOrWhiteSpace(o.Text))
            .GroupBy(o => o.Text!.Trim(), StringComparer.Ordinal)
            .Select(g => (g.Key, g.Count())),
    ];

    /// <summary>Reads owners typed as text ("SK/JS") against the document's people: people where they match, text where not.</summary>
    public static (List<OwnerDoc> Owners, List<string> Warnings) ReadOwners(PlanDocument document, string? text)
    {
        var people = document.People ?? [];
        var known = people.Select((p, i) => new KnownPerson(i, p.Initials, p.Name, p.JobTitle)).ToList();
        var owners = new List<OwnerDoc>();
        var warnings = new List<string>();
        foreach (var reading in OwnerReader.Read(text, known))
        {
            owners.Add(reading.PersonId is { } i ? new OwnerDoc { Person = people[i].Id } : new OwnerDoc { Text = reading.Text });
            if (reading.Warning is { } warning)
            {
                warnings.Add(warning);
            }
        }

        return (owners, warnings);
    }

    /// <summary>Owners as an officer would type them: initials (or the name) of people, text as written, separated by /.</summary>
    public static string WriteOwners(PlanDocument document, IEnumerable<OwnerDoc>? owners) =>
        string.Join("/", (owners ?? []).Select(o => o.Person is { } id
            ? document.People?.Find(p => p.Id == id) is { } person ? person.Initials ?? person.Name ?? person.JobTitle ?? id : id
            : o.Text ?? string.Empty));

    /// <summary>Moves a piece of unplaced text into an action's comments.</summary>
    public static PlanDocument PlaceInComments(PlanDocument document, int unplacedIndex, int areaIndex, int actionIndex)
    {
        var text = document.Unplaced![unplacedIndex];
        var action = document.Areas[areaIndex].Actions![actionIndex];
        var comments = string.IsNullOrWhiteSpace(action.Comments) ? text : action.Comments.TrimEnd() + "\n\n" + text;
        return DismissUnplaced(ReplaceAction(document, areaIndex, actionIndex, action with { Comments = comments }), unplacedIndex);
    }

    public static PlanDocument DismissUnplaced(PlanDocument document, int unplacedIndex)
    {
        var unplaced = new List<string>(document.Unplaced ?? []);
        unplaced.RemoveAt(unplacedIndex);
        return document with { Unplaced = unplaced.Count == 0 ? null : unplaced };
    }

    private static bool IsText(OwnerDoc owner, string text) =>
        owner.Person is null && string.Equals(owner.Text?.Trim(), text, StringComparison.Ordinal);

    private static List<OwnerDoc>? Match(List<OwnerDoc>? owners, string text, string personId) =>
        owners?.Select(o => IsText(o, text) ? new OwnerDoc { Person = personId } : o).ToList();

    // The owner reader's words: "'JH' does not match anyone in the key leads table".
    private static List<string>? WithoutOwnerWarnings(List<string>? warnings, string text)
    {
        if (warnings is null)
        {
            return null;
        }

        var kept = warnings.Where(w => !(w.StartsWith($"'{text}' ", StringComparison.Ordinal) && w.Contains("key leads", StringComparison.Ordinal))).ToList();
        return kept.Count == 0 ? null : kept;
    }
}
