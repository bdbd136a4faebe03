using Trellis.Core.Import.Word;

namespace Trellis.Core.Import.Sheets;

/// <summary>
/// A key-leads table on a sheet of its own or beside the plan ("Initials | Name | Job title"), so owners written as
/// initials ("SK/JS") resolve to people. Its rows are taken and not kept as unplaced text.
/// </summary>
internal static class KeyLeadsSheetReader
{
    private static readonly HashSet<string> InitialsWords = new(["initials", "initial", "abbreviation", "abbreviations", "code", "key"], StringComparer.Ordinal);
    private static readonly HashSet<string> NameWords = new(["name", "names", "post holder", "postholder", "officer", "lead", "person", "full name", "lead officer"], StringComparer.Ordinal);
    private static readonly HashSet<string> TitleWords = new(["job title", "title", "role", "post", "position", "designation", "job role"], StringComparer.Ordinal);

    /// <summary>Adds the people of a key-leads table found in the grid; returns the row numbers it took.</summary>
    public static HashSet<int> Read(SheetGrid grid, DocumentPeople people)
    {
        var taken = new HashSet<int>();
        for (var i = 0; i < grid.Rows.Count; i++)
        {
            var row = grid.Rows[i];
            int? Column(HashSet<string> words) => row.OwnFilled.Select(c => (int?)c).FirstOrDefault(c => words.Contains(PlanText.Key(row.Text(c!.Value))));
            if (Column(InitialsWords) is not { } initials || Column(NameWords) is not { } name)
            {
                continue;
            }

            var title = Column(TitleWords);
            taken.Add(row.Number);
            for (var j = i + 1; j < grid.Rows.Count && grid.Rows[j].Number == grid.Rows[j - 1].Number + 1; j++)
            {
                var person = grid.Rows[j];
                var code = PlanText.OneLine(person.Text(initials));
                if (code.Length is 0 or > 6 || code.Contains(' ', StringComparison.Ordinal))
                {
                    break;
                }

                var fullName = PlanText.OneLine(person.Text(name));
                var jobTitle = title is { } t ? PlanText.OneLine(person.Text(t)) : string.Empty;
                people.Add(code, fullName.Length > 0 ? fullName : null, jobTitle.Length > 0 ? jobTitle : null);
                taken.Add(person.Number);
                i = j;
            }
        }

        return taken;
    }
}
