using System.Text.RegularExpressions;
using Trellis.Core.Interchange;
using Trellis.Core.Owners;

namespace Trellis.Core.Import.Word;

/// <summary>The document's people, numbered p1.. in the order the key-leads table lists them, and how owners resolve to them.</summary>
internal sealed class DocumentPeople
{
    private readonly List<PersonDoc> people = [];

    public IReadOnlyList<PersonDoc> All => people;

    public IReadOnlyCollection<KnownPerson> Known =>
        [.. people.Select((p, i) => new KnownPerson(i + 1, p.Initials, p.Name, p.JobTitle))];

    public void Add(string? initials, string? name, string? jobTitle, List<string>? warnings = null) =>
        people.Add(new PersonDoc
        {
            Id = $"p{people.Count + 1}",
            Initials = initials,
            Name = name,
            JobTitle = jobTitle,
            Warnings = warnings is { Count: > 0 } ? warnings : null,
        });

    /// <summary>Ids (1-based) of people whose initials were made from their names, not written in the document.</summary>
    private readonly HashSet<int> madeInitials = [];

    /// <summary>
    /// A person named in full in a lead or owner cell of a plan with no key-leads table; their initials are made from the
    /// name, and initials resolved through them say so (<see cref="Owners"/>).
    /// </summary>
    public void AddNamed(string name, string initials, string place)
    {
        Add(initials, name, null, [$"The plan has no key-leads table; named in a lead or owner cell ({place}); initials {initials} made from the name"]);
        madeInitials.Add(people.Count);
    }

    /// <summary>Reads a cell of owners ("SK/JS", "Paul King") into owners; doubts are added to <paramref name="warnings"/>.</summary>
    public List<OwnerDoc> Owners(string? text, List<string> warnings)
    {
        var owners = new List<OwnerDoc>();
        foreach (var reading in OwnerReader.Read(PlanText.Tidy(text), Known))
        {
            owners.Add(reading.PersonId is { } id ? new OwnerDoc { Person = $"p{id}" } : new OwnerDoc { Text = reading.Text });
            if ((MadeInitialsWarning(reading) ?? reading.Warning) is { } warning)
            {
                warnings.Add(warning);
            }
        }

        return owners;
    }

    /// <summary>
    /// Initials that matched initials made from a name are never taken silently: one match says whom it was read as;
    /// several leave the owner unresolved and name them all.
    /// </summary>
    private string? MadeInitialsWarning(OwnerReading reading)
    {
        if (madeInitials.Count == 0 || !KeyLeadsReader.IsInitials(reading.Text.Trim()))
        {
            return null;
        }

        var same = madeInitials.Where(i => string.Equals(people[i - 1].Initials, reading.Text.Trim(), StringComparison.OrdinalIgnoreCase)).Order().ToList();
        if (reading.PersonId is { } id && same.Contains(id) && same.Count == 1)
        {
            return $"'{reading.Text}' read as {people[id - 1].Name}, the only lead in the file with those initials";
        }

        return reading.PersonId is null && same.Count > 1
            ? $"'{reading.Text}' could be {string.Join(" or ", same.Select(i => people[i - 1].Name))}, leads in the file with those initials; left unresolved"
            : null;
    }
}

/// <summary>
/// Finds the key-leads table ("Job Title | Current Post-Holder": "Chief Executive | Barry Quirk (BQ)", or initials alone)
/// and reads its people. A table qualifies by its header words, or, without a header, when most rows hold a name with
/// initials in brackets or initials alone beside a job title.
/// </summary>
internal static partial class KeyLeadsReader
{
    private static readonly string[] TitleWords = ["job title", "title", "role", "post", "position", "designation", "job role", "service area"];
    private static readonly string[] HolderWords = ["name", "holder", "post holder", "postholder", "job holder", "names"];
    private static readonly string[] PersonWords = ["name", "holder", "post holder", "postholder", "officer", "person", "lead", "staff", "who"];
    private static readonly string[] InitialsWords = ["initials", "initial", "abbreviation", "abbreviations", "code"];

    /// <summary>Honorifics and ranks before a name; the key-leads table's "DCI Andy Furphy" is Andy Furphy.</summary>
    private static readonly HashSet<string> Titles = new(
        ["mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "cllr", "councillor", "sir", "dame", "rev",
         "dci", "di", "ds", "dc", "det", "supt", "insp", "sgt", "pc", "cdr"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Reads the people of a table that is a key-leads table; false (and nothing added) when it is not one.</summary>
    public static bool TryRead(WordTable table, DocumentPeople people)
    {
        var columns = FindColumns(table);
        if (columns is null)
        {
            return false;
        }

        var (titleColumn, personColumn, initialsColumn, firstRow) = columns.Value;
        foreach (var row in table.Rows.Skip(firstRow))
        {
            var title = PlanText.OneLine(row.CellAt(titleColumn)?.Text);
            var person = PlanText.Tidy(row.CellAt(personColumn)?.Text);
            var initials = initialsColumn is { } i ? PlanText.OneLine(row.CellAt(i)?.Text) : null;
            if (person.Length == 0 && string.IsNullOrEmpty(initials))
            {
                continue;
            }

            foreach (var (name, ownInitials) in SplitPeople(person))
            {
                var warnings = new List<string>();
                if (name is not null && VacantWords().IsMatch(name))
                {
                    warnings.Add($"'{name}' may mean the post is vacant");
                }

                people.Add(NullIfEmpty(ownInitials ?? initials), NullIfEmpty(name), NullIfEmpty(title), warnings);
            }
        }

        return people.All.Count > 0;
    }

    /// <summary>The job-title, person and initials columns (grid columns) and the first row of people, or null.</summary>
    private static (int Title, int Person, int? Initials, int FirstRow)? FindColumns(WordTable table)
    {
        if (table.Rows.Count < 2 || table.Rows[0].Cells.Count < 2)
        {
            return null;
        }

        var header = table.Rows[0].Cells;
        // "Current Post-Holder" names the person although it holds "post": the holder and name words are tried first.
        var person = header.FirstOrDefault(c => HeaderIs(c, HolderWords));
        var title = header.FirstOrDefault(c => c != person && HeaderIs(c, TitleWords));
        var initials = header.FirstOrDefault(c => c != title && c != person && HeaderIs(c, InitialsWords));
        person ??= header.FirstOrDefault(c => c != title && c != initials && HeaderIs(c, PersonWords));
        if (title is not null && (person ?? initials) is { } holder)
        {
            return (title.GridColumn, holder.GridColumn, person is null ? null : initials?.GridColumn, 1);
        }

        // "Name | Initials" with no job titles: the title column is read as empty.
        if (person is not null && initials is not null)
        {
            return (-1, person.GridColumn, initials.GridColumn, 1);
        }

        // No header words: two columns whose second holds people written as "Name (INI)" or initials, in most rows.
        var rows = table.Rows.Where(r => r.FilledCells.Count == 2).ToList();
        var withPeople = rows.Count(r => LooksLikePerson(r.FilledCells[1].Text));
        return rows.Count >= 3 && withPeople * 4 >= table.Rows.Count * 3 && table.Rows.All(r => r.FilledCells.Count <= 2)
            ? (rows[0].FilledCells[0].GridColumn, rows[0].FilledCells[1].GridColumn, null, 0)
            : null;
    }

    /// <summary>
    /// People written as "Jane Smith (JS)" in owner and lead cells, for a plan with no key-leads table: the document
    /// defines them there, so "JS" elsewhere resolves to her. Each carries a warning saying where it was found.
    /// </summary>
    public static void Harvest(IEnumerable<string> cells, DocumentPeople people)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var piece in cells.SelectMany(c => OwnerPieces().Split(c)).Select(p => PlanText.OneLine(p)))
        {
            var match = NameWithInitials().Match(piece);
            var name = match.Success ? WithoutTitle(match.Groups["name"].Value.Trim()) : null;
            if (name is not null && PlanText.WordCount(name) is >= 2 and <= 4 && name.Split(' ').All(w => char.IsUpper(w[0])) && seen.Add(match.Groups["initials"].Value))
            {
                people.Add(match.Groups["initials"].Value, name, null, [$"The plan has no key-leads table; defined by '{piece}' in an owner or lead cell"]);
            }
        }
    }

    private static bool HeaderIs(WordCell cell, string[] words)
    {
        var key = PlanText.Key(cell.Text);
        return key.Length > 0 && PlanText.WordCount(key) <= 10 && words.Any(w => key == w || key.StartsWith(w + " ", StringComparison.Ordinal)
            || key.Contains(" " + w + " ", StringComparison.Ordinal) || key.EndsWith(" " + w, StringComparison.Ordinal)
            || key.StartsWith("current " + w, StringComparison.Ordinal));
    }

    private static bool LooksLikePerson(string text) => NameWithInitials().IsMatch(text.Trim()) || IsInitials(text.Trim());

    /// <summary>One cell may name several holders ("Jane Doe (JD) / John Smith (JS)"); each becomes a person.</summary>
    private static IEnumerable<(string? Name, string? Initials)> SplitPeople(string cell)
    {
        var pieces = PeopleSeparator().Split(cell).Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
        if (pieces.Count > 1 && pieces.TrueForAll(p => NameWithInitials().IsMatch(p) || IsInitials(p)))
        {
            return pieces.Select(Person);
        }

        return cell.Length == 0 ? [(null, null)] : [Person(PlanText.OneLine(cell))];
    }

    private static (string? Name, string? Initials) Person(string text)
    {
        var match = NameWithInitials().Match(text);
        if (match.Success)
        {
            return (WithoutTitle(match.Groups["name"].Value.Trim()), match.Groups["initials"].Value);
        }

        var reversed = InitialsThenName().Match(text);
        if (reversed.Success)
        {
            return (WithoutTitle(reversed.Groups["name"].Value.Trim()), reversed.Groups["initials"].Value);
        }

        return IsInitials(text) ? (null, text) : (WithoutTitle(text), null);
    }

    /// <summary>"JH", "JSt", "RdP", "SGill": two to six letters without spaces, starting with a capital and holding two.</summary>
    internal static bool IsInitials(string text) =>
        text.Length is >= 2 and <= 6 && text.All(char.IsLetter) && char.IsUpper(text[0]) && text.Count(char.IsUpper) >= 2;

    private static string WithoutTitle(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var skip = 0;
        while (skip < words.Length - 1 && Titles.Contains(words[skip].TrimEnd('.')))
        {
            skip++;
        }

        return string.Join(' ', words.Skip(skip));
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    [GeneratedRegex(@"^(?<name>[^()]*[A-Za-z][^()]*?)\s*\(\s*(?<initials>[A-Za-z]{2,6})\s*\)$")]
    private static partial Regex NameWithInitials();

    [GeneratedRegex(@"^(?<initials>[A-Z][A-Za-z]{1,5})\s*[-\u2013:=]\s*(?<name>[A-Z].+)$")]
    private static partial Regex InitialsThenName();

    [GeneratedRegex(@"\s*(?:/|;|\n|\s&\s|\sand\s)\s*")]
    private static partial Regex PeopleSeparator();

    [GeneratedRegex(@"[/;,\n]|\s&\s|\sand\s")]
    private static partial Regex OwnerPieces();

    [GeneratedRegex(@"\b(?:vacant|vacancy|to be appointed|tba|tbc|recruiting)\b", RegexOptions.IgnoreCase)]
    private static partial Regex VacantWords();
}
