namespace Trellis.Core.Owners;

/// <summary>Someone an owner can resolve to: a plan's key lead.</summary>
public sealed record KnownPerson(int Id, string? Initials, string? Name, string? JobTitle = null);

/// <summary>One owner read from a cell: a resolved person, or the text as written with a warning.</summary>
public sealed record OwnerReading(string Text, int? PersonId, string? Warning)
{
    public bool IsResolved => PersonId is not null;
}

/// <summary>Reads owners as councils write them ("SK/JS", "BN SW", "Paul King", "Chair of PSCB").</summary>
/// <remarks>
/// <para>
/// The cell is tried whole first, then split on ever weaker separators, trying each piece whole before splitting it
/// further: lines and semicolons; commas and spaced dashes; slashes; "&amp;", "+" and "and"; and last the spaces between
/// initials ("BN SW"). Trying whole first is what keeps "Head of Targeted Services and Joint Commissioning" (a job title)
/// in one piece.
/// </para>
/// <para>A piece resolves when exactly one key lead matches it, and never by guessing:</para>
/// <list type="bullet">
/// <item>initials, ignoring case ("sw", "JST");</item>
/// <item>the full name, ignoring case and extra spaces, and ignoring a leading title such as "Dr", "Cllr" or "DCI" on
/// either side when the rest matches exactly;</item>
/// <item>the job title, ignoring case and extra spaces;</item>
/// <item>any of these followed by a remark in brackets ("Paul King (R&amp;A)");</item>
/// <item>a full name whose surname is one letter away from exactly one lead's, first names equal ("Barrie Neal" for
/// Barrie Neale). The hand-checked Lewisham import resolves that lead, so we do too, but with a warning: it is the
/// only reading that is resolved and still warns.</item>
/// </list>
/// <para>What does not resolve is kept as written with a warning. When nothing in a piece resolves, the piece stays
/// whole ("Chair of PSCB", "Head of Safeguarding and Quality Assurance") unless it is a list of initials or a list of
/// personal names ("Joy Howick and Siobhan Wallace"): those are separate people, so they stay separate owners.
/// Unresolved words that are neither initials nor a name stay together ("SK and Head of Safeguarding and Quality
/// Assurance" is SK and one role).</para>
/// <para>After a comma or spaced dash, text that describes the person before it rather than naming someone else
/// ("Paul King, Service Manager Referral and Assessment") is part of that owner, not a second one. Duplicates are
/// dropped.</para>
/// </remarks>
public static class OwnerReader
{
    public static IReadOnlyList<OwnerReading> Read(string? text, IReadOnlyCollection<KnownPerson> people)
    {
        var trimmed = (text ?? string.Empty).Trim();
        if (trimmed.Length == 0)
        {
            return [];
        }

        var pieces = new CellReader(trimmed, new KeyLeads(people)).Read();
        var seenPeople = new HashSet<int>();
        var seenTexts = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var readings = new List<OwnerReading>();
        foreach (var piece in pieces)
        {
            var pieceText = trimmed[piece.Start..piece.End];
            var isNew = piece.PersonId is { } id ? seenPeople.Add(id) : seenTexts.Add(Normalise(pieceText));
            if (isNew)
            {
                readings.Add(new OwnerReading(pieceText, piece.PersonId, Warning(pieceText, piece)));
            }
        }

        return readings;
    }

    /// <summary>"Joy Howick", "Ann de Souza": two to four capitalised words, none of them a word of a role or team.</summary>
    public static bool LooksLikePersonalName(string phrase) => CellReader.LooksLikePersonalName(phrase);

    private static string? Warning(string text, Piece piece) => piece switch
    {
        { SpelledAs: { } known } => $"'{text}' is read as {known}, as the key leads table spells it",
        { PersonId: not null } => null,
        { Ambiguous: true } => $"'{text}' matches more than one person in the key leads table",
        _ => $"'{text}' does not match anyone in the key leads table",
    };

    /// <summary>Collapses spaces and unifies typographic apostrophes, for comparing; the text shown is never changed.</summary>
    private static string Normalise(string text) =>
        string.Join(' ', text.Replace('\u2019', '\'').Replace('\u2018', '\'').Split(' ', '\t', '\r', '\n').Where(w => w.Length > 0));

    /// <summary>A span of the cell, resolved to one person, ambiguous, or unresolved.</summary>
    private sealed record Piece(int Start, int End, int? PersonId, bool Ambiguous, string? SpelledAs = null)
    {
        public bool Recognised => PersonId is not null || Ambiguous;
    }

    /// <summary>The separators, strongest first: a piece is split on the next level only when it does not resolve whole.</summary>
    private enum Level
    {
        Lines,
        Clauses,
        Slashes,
        Joins,
        Spaces,
    }

    /// <summary>Who a piece of text names; <see cref="SpelledAs"/> is set when the name was misspelt.</summary>
    private readonly record struct Resolution(Match Match, int Id, string? SpelledAs);

    private enum Match
    {
        None,
        One,
        Many,
    }

    /// <summary>The key leads, with the comparisons the reader allows.</summary>
    private sealed class KeyLeads(IReadOnlyCollection<KnownPerson> people)
    {
        /// <summary>Titles that may stand before a name ("DCI Andy Furphy"). Not "DCS": that is a role, not a title.</summary>
        private static readonly HashSet<string> Titles = new(
            ["mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "cllr", "councillor", "sir", "dame", "rev",
             "dci", "di", "ds", "dc", "det", "supt", "ch", "insp", "sgt", "pc", "cdr"],
            StringComparer.OrdinalIgnoreCase);

        public Resolution Resolve(string text)
        {
            var candidate = Normalise(text).Trim('.', ',', ' ', '-', '*', '\u2022');
            if (candidate.Length == 0)
            {
                return default;
            }

            if (candidate.EndsWith(')') && candidate.LastIndexOf('(') is > 0 and var open && Matching(candidate).Count == 0)
            {
                // "Paul King (R&A)": the remark in brackets describes the owner.
                candidate = candidate[..open].TrimEnd();
            }

            var found = Matching(candidate);
            if (found.Count == 0 && MisspeltName(candidate) is { } near)
            {
                return new Resolution(Match.One, near.Id, WithoutTitle(Normalise(near.Name!)));
            }

            return found.Count switch
            {
                0 => default,
                1 => new Resolution(Match.One, found[0], null),
                _ => new Resolution(Match.Many, 0, null),
            };
        }

        public bool ResolvesByInitials(string text) =>
            people.Any(p => string.Equals(p.Initials?.Trim(), text, StringComparison.OrdinalIgnoreCase));

        private List<int> Matching(string candidate)
        {
            var hasSpace = candidate.Contains(' ', StringComparison.Ordinal);
            var name = WithoutTitle(candidate);
            return people
                .Where(p => (!hasSpace && Same(p.Initials, candidate))
                    || Same(p.Name, candidate)
                    || (p.Name is not null && string.Equals(WithoutTitle(Normalise(p.Name)), name, StringComparison.OrdinalIgnoreCase))
                    || Same(p.JobTitle, candidate))
                .Select(p => p.Id)
                .Distinct()
                .ToList();
        }

        /// <summary>
        /// The one lead whose name differs only by a letter in the surname ("Barrie Neal" for Barrie Neale). The first
        /// names must be the same and the surnames at least four letters, so short or partial names never match; the
        /// reading carries a warning so someone checks it.
        /// </summary>
        private KnownPerson? MisspeltName(string candidate)
        {
            var words = WithoutTitle(candidate).Split(' ');
            if (words.Length < 2 || words[^1].Length < 4)
            {
                return null;
            }

            var near = people.Where(p => p.Name is not null && IsMisspelling(words, WithoutTitle(Normalise(p.Name)).Split(' '))).ToList();
            return near.Count == 1 ? near[0] : null;
        }

        private static bool IsMisspelling(string[] written, string[] known) =>
            written.Length == known.Length
            && known[^1].Length >= 4
            && written.AsSpan(..^1).SequenceEqual(known.AsSpan(..^1), StringComparer.OrdinalIgnoreCase)
            && IsOneEditApart(written[^1].ToUpperInvariant(), known[^1].ToUpperInvariant());

        /// <summary>One letter added, dropped, changed, or two neighbours swapped.</summary>
        private static bool IsOneEditApart(string a, string b)
        {
            if (a.Length > b.Length)
            {
                (a, b) = (b, a);
            }

            if (b.Length - a.Length > 1 || a == b)
            {
                return false;
            }

            var prefix = 0;
            while (prefix < a.Length && a[prefix] == b[prefix])
            {
                prefix++;
            }

            if (a.Length < b.Length)
            {
                return a.AsSpan(prefix).SequenceEqual(b.AsSpan(prefix + 1));
            }

            var changed = a.AsSpan(prefix + 1).SequenceEqual(b.AsSpan(prefix + 1));
            var swapped = prefix + 1 < a.Length && a[prefix] == b[prefix + 1] && a[prefix + 1] == b[prefix]
                && a.AsSpan(prefix + 2).SequenceEqual(b.AsSpan(prefix + 2));
            return changed || swapped;
        }

        private static bool Same(string? known, string candidate) =>
            known is not null && string.Equals(Normalise(known).Trim(), candidate, StringComparison.OrdinalIgnoreCase);

        /// <summary>"Dr. Jane Smith" -> "Jane Smith"; a title alone is left as it is.</summary>
        private static string WithoutTitle(string name)
        {
            var words = name.Split(' ');
            var skip = 0;
            while (skip < words.Length - 1 && Titles.Contains(words[skip].TrimEnd('.')))
            {
                skip++;
            }

            return string.Join(' ', words.Skip(skip));
        }
    }

    /// <summary>Splits one cell into owners; all positions are offsets into the cell, so pieces keep the text as written.</summary>
    private sealed class CellReader(string text, KeyLeads leads)
    {
        /// <summary>Words that make a phrase a role or a team rather than a person's name.</summary>
        private static readonly HashSet<string> RoleWords = new(
            ["head", "director", "deputy", "assistant", "executive", "chief", "manager", "managers", "management", "service",
             "services", "team", "teams", "lead", "leads", "officer", "officers", "chair", "board", "group", "panel",
             "partnership", "partners", "commissioner", "commissioning", "coordinator", "co-ordinator", "adviser", "advisor",
             "consultant", "principal", "senior", "social", "worker", "workers", "care", "children's", "children", "young",
             "people", "family", "families", "safeguarding", "quality", "assurance", "performance", "business", "support",
             "hub", "unit", "department", "departmental", "directorate", "council", "police", "health", "education",
             "school", "schools", "nurse", "designated", "named", "reviewing", "independent", "practice", "learning",
             "development", "workforce", "legal", "finance", "early", "help", "all", "staff", "strategic", "operational",
             "programme", "project", "improvement", "policy", "data", "analyst", "administrator", "member", "members",
             "cabinet", "portfolio", "holder", "committee", "forum", "network"],
            StringComparer.OrdinalIgnoreCase);

        /// <summary>Lower-case particles inside surnames ("Ann de Souza").</summary>
        private static readonly HashSet<string> NameParticles = new(
            ["de", "da", "di", "del", "der", "van", "von", "le", "la", "du", "bin", "ben"],
            StringComparer.Ordinal);

        public List<Piece> Read() => Read(0, text.Length, Level.Lines);

        private List<Piece> Read(int start, int end, Level level)
        {
            var resolution = leads.Resolve(text[start..end]);
            if (resolution.Match != Match.None)
            {
                var id = resolution.Match == Match.One ? resolution.Id : (int?)null;
                return [new Piece(start, end, id, resolution.Match == Match.Many, resolution.SpelledAs)];
            }

            if (level > Level.Spaces)
            {
                return [Unresolved(start, end)];
            }

            var ranges = Split(start, end, level);
            if (ranges.Count <= 1)
            {
                return Read(start, end, level + 1);
            }

            if (level == Level.Spaces && !ranges.All(r => IsInitials(r) || leads.ResolvesByInitials(Slice(r))))
            {
                // Spaces only separate initials ("BN SW"); "Chair of PSCB" is one owner.
                return [Unresolved(start, end)];
            }

            var pieces = level == Level.Clauses
                ? ReadClauses(ranges, level)
                : [.. ranges.SelectMany(r => Read(r.Start, r.End, level + 1))];
            pieces = KeepDescriptionsTogether(pieces);

            // Nothing resolved: split only what is plainly several people, else keep the piece as written.
            var keepSplit = pieces.Exists(p => p.Recognised) || pieces.TrueForAll(IsInitials) || pieces.TrueForAll(IsPersonalName);
            return keepSplit ? pieces : [Unresolved(start, end)];
        }

        /// <summary>
        /// Comma-separated clauses, where a clause describing the person before it ("Paul King, Service Manager ...")
        /// joins that owner instead of becoming another.
        /// </summary>
        private List<Piece> ReadClauses(List<(int Start, int End)> ranges, Level level)
        {
            var pieces = new List<Piece>();
            int? previousPerson = null;
            foreach (var (start, end) in ranges)
            {
                var clause = Read(start, end, level + 1);
                var describesPrevious = previousPerson is not null && clause.Count == 1
                    && (clause[0].PersonId == previousPerson || IsDescription(clause[0]));
                if (describesPrevious)
                {
                    pieces[^1] = pieces[^1] with { End = end };
                    continue;
                }

                pieces.AddRange(clause);
                previousPerson = clause.Count == 1 ? clause[0].PersonId : null;
            }

            return pieces;
        }

        /// <summary>Neighbouring unresolved pieces that are neither initials nor names are one role or team, as written.</summary>
        private List<Piece> KeepDescriptionsTogether(List<Piece> pieces)
        {
            var merged = new List<Piece>();
            foreach (var piece in pieces)
            {
                if (merged.Count > 0 && IsDescription(merged[^1]) && IsDescription(piece))
                {
                    merged[^1] = merged[^1] with { End = piece.End };
                    continue;
                }

                merged.Add(piece);
            }

            return merged;
        }

        private bool IsDescription(Piece piece) => !piece.Recognised && !IsInitials(piece) && !IsPersonalName(piece);

        private static Piece Unresolved(int start, int end) => new(start, end, null, false);

        private bool IsInitials(Piece piece) => IsInitials((piece.Start, piece.End));

        private bool IsPersonalName(Piece piece) => LooksLikePersonalName(text[piece.Start..piece.End]);

        /// <summary>"JH", "JSt", "RdP": two to four letters, starting with a capital and holding at least two.</summary>
        private bool IsInitials((int Start, int End) range)
        {
            var word = Slice(range);
            return word.Length is >= 2 and <= 4
                && word.All(char.IsLetter)
                && char.IsUpper(word[0])
                && word.Count(char.IsUpper) >= 2;
        }

        /// <summary>"Joy Howick", "Ann de Souza": two to four capitalised words, none of them a role word.</summary>
        internal static bool LooksLikePersonalName(string phrase)
        {
            var words = Normalise(phrase).Split(' ');
            if (words.Length is < 2 or > 4)
            {
                return false;
            }

            for (var i = 0; i < words.Length; i++)
            {
                var word = words[i];
                var isParticle = i > 0 && i < words.Length - 1 && NameParticles.Contains(word);
                var isCapitalised = char.IsUpper(word[0]) && word.Any(char.IsLower) && word.All(c => char.IsLetter(c) || c is '\'' or '-');
                if (RoleWords.Contains(word) || !(isParticle || isCapitalised))
                {
                    return false;
                }
            }

            return true;
        }

        private string Slice((int Start, int End) range) => text[range.Start..range.End];

        /// <summary>The non-empty pieces between this level's separators, trimmed of spaces.</summary>
        private List<(int Start, int End)> Split(int start, int end, Level level)
        {
            var ranges = new List<(int Start, int End)>();
            var pieceStart = start;
            var i = start;
            while (i < end)
            {
                var length = SeparatorLength(i, end, level);
                if (length == 0)
                {
                    i++;
                    continue;
                }

                AddTrimmed(ranges, pieceStart, i);
                i += length;
                pieceStart = i;
            }

            AddTrimmed(ranges, pieceStart, end);
            return ranges;
        }

        private void AddTrimmed(List<(int Start, int End)> ranges, int start, int end)
        {
            while (start < end && char.IsWhiteSpace(text[start]))
            {
                start++;
            }

            while (end > start && char.IsWhiteSpace(text[end - 1]))
            {
                end--;
            }

            if (end > start)
            {
                ranges.Add((start, end));
            }
        }

        private int SeparatorLength(int i, int end, Level level)
        {
            var c = text[i];
            return level switch
            {
                // The ";" that closes "&amp;" (left by HTML conversion) is part of an ampersand, not a separator.
                Level.Lines => c is '\n' or '\r' || (c == ';' && !text.AsSpan(0, i).EndsWith("&amp", StringComparison.Ordinal)) ? 1 : 0,
                Level.Clauses => c == ',' || (c is '-' or '\u2013' or '\u2014' && IsSpaceAt(i - 1) && IsSpaceAt(i + 1)) ? 1 : 0,
                Level.Slashes => c is '/' or '\\' ? 1 : 0,
                Level.Joins => JoinLength(i, end),
                _ => char.IsWhiteSpace(c) ? 1 : 0,
            };
        }

        /// <summary>"&amp;", "+", "&amp;amp;" and the word "and" between spaces.</summary>
        private int JoinLength(int i, int end)
        {
            if (text.AsSpan(i, end - i).StartsWith("&amp;", StringComparison.Ordinal))
            {
                return 5;
            }

            if (text[i] is '&' or '+')
            {
                return 1;
            }

            var isAnd = i + 3 < end && IsSpaceAt(i - 1) && IsSpaceAt(i + 3)
                && text.AsSpan(i, 3).Equals("and", StringComparison.OrdinalIgnoreCase);
            return isAnd ? 3 : 0;
        }

        private bool IsSpaceAt(int i) => i >= 0 && i < text.Length && char.IsWhiteSpace(text[i]);
    }
}
