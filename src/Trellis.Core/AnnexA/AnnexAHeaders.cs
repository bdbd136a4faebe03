using System.Text;
using System.Text.RegularExpressions;
using Trellis.Indicators.AnnexA;

namespace Trellis.Core.AnnexA;

/// <summary>
/// Header matching (DEFINITIONS §1.1): a header matches a template column when both are equal after casefolding and
/// keeping only a-z and 0-9. On top of that, spellings real workbooks use: "(Y/N)" and "(dd/mm/yyyy)" hints dropped,
/// "Sec47"/"S47", "CP Plan"/"CPP", "ICPC" and "DOB" spelt out, a few known other names ("Age", "Referral Date"), and
/// a last try that ignores the little words (the, of, a, an).
/// </summary>
public static partial class AnnexAHeaders
{
    /// <summary>Known other names: normalised spelling -> template column. Used only in a list that has that column.</summary>
    private static readonly Dictionary<string, string> Variants = BuildVariants(
        ("Age", "Age of Child (Years)"),
        ("Age (Years)", "Age of Child (Years)"),
        ("Age of Child", "Age of Child (Years)"),
        ("Child Age", "Age of Child (Years)"),
        ("Child ID", "Child Unique ID"),
        ("Unique ID", "Child Unique ID"),
        ("Child Unique Identifier", "Child Unique ID"),
        ("Child Identifier", "Child Unique ID"),
        ("Adopter ID", "Individual adopter identifier"),
        ("Adopter identifier", "Individual adopter identifier"),
        ("Family ID", "Family identifier"),
        ("Sex", "Gender"),
        ("Ethnic Origin", "Ethnicity"),
        ("Birth Date", "Date of Birth"),
        ("Disabled", "Does the Child have a Disability"),
        ("Disability", "Does the Child have a Disability"),
        ("Contact Date", "Date of Contact"),
        ("Source of Contact", "Contact Source"),
        ("Referral Date", "Date of referral"),
        ("Source of Referral", "Referral Source"),
        ("NFA", "Referral NFA?"),
        ("Referral NFA", "Referral NFA?"),
        ("Referrals in Last 12 Months", "Number of Referrals in Last 12 Months"),
        ("Team", "Allocated Team"),
        ("Worker", "Allocated Worker"),
        ("Social Worker", "Allocated Worker"),
        ("Allocated Social Worker", "Allocated Worker"),
        ("Assessment Start Date", "Continuous Assessment Start Date"),
        ("Assessment Authorisation Date", "Continuous Assessment Date of Authorisation"),
        ("Date of Assessment Authorisation", "Continuous Assessment Date of Authorisation"),
        ("Assessment Date of Authorisation", "Continuous Assessment Date of Authorisation"),
        ("Child Seen During Assessment", "Child Seen During Continuous Assessment"),
        ("Child Seen", "Child Seen During Continuous Assessment"),
        ("Strategy Discussion Date", "Strategy discussion initiating Section 47 Enquiry Start Date"),
        ("Section 47 Enquiry Start Date", "Strategy discussion initiating Section 47 Enquiry Start Date"),
        ("Section 47 Start Date", "Strategy discussion initiating Section 47 Enquiry Start Date"),
        ("Date of Strategy Discussion", "Strategy discussion initiating Section 47 Enquiry Start Date"),
        ("Initial Child Protection Conference Date", "Date of Initial Child Protection Conference"),
        ("Initial Child Protection Conference Deemed Unnecessary", "Was an Initial Child Protection Conference deemed unnecessary?"),
        ("Initial Child Protection Conference Result in a Child Protection Plan", "Did the Initial Child Protection Conference Result in a Child Protection Plan"),
        ("Number of Initial Child Protection Conferences in the last 12 months", "Number of ICPCs in the last 12 months"),
        ("Child in Need Start Date", "CIN Start Date"),
        ("Child in Need Closure Date", "CIN Closure Date"),
        ("Primary Need", "Primary Need Code"),
        ("Date Last Seen", "Date Child Was Last Seen"),
        ("Child Protection Plan Start", "Child Protection Plan Start Date"),
        ("Child Protection Plan End", "Child Protection Plan End Date"),
        ("Date of Last Statutory Visit", "Date of the Last Statutory Visit"),
        ("Last Statutory Visit", "Date of the Last Statutory Visit"),
        ("Date of Latest Review", "Date of latest review conference"),
        ("Latest Review Conference Date", "Date of latest review conference"),
        ("Number of Previous Plans", "Number of Previous Child Protection Plans"),
        ("Date Became Looked After", "Date Started to be Looked After"),
        ("Looked After Start Date", "Date Started to be Looked After"),
        ("Legal Status", "Child's Legal Status"),
        ("Category of Need", "Child's Category of Need"),
        ("Date Ceased Looked After", "Date Ceased to be Looked After"),
        ("Number of Placements in Last 12 Months", "Number of Placements in the Last 12 months"),
        ("Placements in Last 12 Months", "Number of Placements in the Last 12 months"),
        ("Most Recent Placement Start Date", "Start Date of Most Recent Placement"),
        ("Placement Start Date", "Start Date of Most Recent Placement"),
        ("Placement Post Code", "Placement postcode"),
        ("Last Health Assessment", "Date of Last Health Assessment"),
        ("Number of children placed", "No. of children placed"),
        ("Date Entered Care", "Date the Child Entered Care"),
        ("Placement Order Date", "Date of Placement Order"),
        ("Adoption Order Date", "Date of Adoption Order"),
        ("Personal Advisor", "Allocated Personal Advisor"),
        ("Accommodation Suitability", "Suitability of Accommodation"),
        ("Accommodation Type", "Type of Accommodation"),
        ("Activity", "Activity Status"));

    private static readonly string[] LittleWords = ["the", "of", "a", "an"];

    /// <summary>Casefold and keep a-z and 0-9 only (DEFINITIONS §1.1): "Date of Referral " -> "dateofreferral".</summary>
    public static string Normalise(string header)
    {
        var builder = new StringBuilder(header.Length);
        foreach (var c in header.ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>The spelling drift real workbooks show, undone before normalising.</summary>
    internal static string Expand(string header)
    {
        var text = header.ToLowerInvariant().Replace('\u00a0', ' ');
        text = HintPattern().Replace(text, " ");
        text = Section47Pattern().Replace(text, "section 47");
        text = CpPlanPattern().Replace(text, "child protection plan$1");
        text = IcpcPattern().Replace(text, "initial child protection conference");
        text = DobPattern().Replace(text, "date of birth");
        text = CinPattern().Replace(text, "cin");
        return text;
    }

    /// <summary>
    /// The template column a header names in a list, or null. Tries the exact normalised name, then the drift-expanded
    /// spelling, then known other names, then the same ignoring little words.
    /// </summary>
    public static string? Match(AnnexAList list, string header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return null;
        }

        var table = ListTables[list];
        var plain = Normalise(header);
        if (table.Exact.TryGetValue(plain, out var exact))
        {
            return exact;
        }

        var expanded = Normalise(Expand(header));
        if (table.Exact.TryGetValue(expanded, out exact))
        {
            return exact;
        }

        foreach (var key in (ReadOnlySpan<string>)[plain, expanded])
        {
            if (Variants.TryGetValue(key, out var variant) && table.Columns.Contains(variant))
            {
                return variant;
            }
        }

        var loose = Loose(Expand(header));
        return table.Loose.GetValueOrDefault(loose) ?? (Variants.TryGetValue(loose, out var looseVariant) && table.Columns.Contains(looseVariant) ? looseVariant : null);
    }

    /// <summary>For each header, the template column it names in the list (leftmost wins a column named twice), or null.</summary>
    public static string?[] MatchAll(AnnexAList list, IReadOnlyList<string> headers)
    {
        var result = new string?[headers.Count];
        var taken = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < headers.Count; i++)
        {
            if (Match(list, headers[i]) is { } column && taken.Add(column))
            {
                result[i] = column;
            }
        }

        return result;
    }

    /// <summary>
    /// Which list a header row is, whatever its sheet or file is called: the list whose own columns (those no other
    /// list has) it names most, with its identifier column present; ties go to the list it covers more of. Null for a
    /// row that is no list's header (a title, a guidance table, a code list).
    /// </summary>
    public static AnnexAList? Identify(IReadOnlyList<string> headers)
    {
        AnnexAList? best = null;
        var bestOwn = 0;
        var bestShare = 0.0;
        foreach (var list in AnnexALists.All)
        {
            var matched = MatchAll(list, headers);
            var columns = matched.Where(m => m is not null).Select(m => m!).ToHashSet(StringComparer.Ordinal);
            if (!columns.Contains(IdColumn(list)))
            {
                continue;
            }

            var own = columns.Count(c => OwnColumns[list].Contains(c));
            var share = columns.Count / (double)AnnexAColumns.For(list).Count;
            if (own == 0)
            {
                continue;
            }

            if (own > bestOwn || (own == bestOwn && share > bestShare))
            {
                (best, bestOwn, bestShare) = (list, own, share);
            }
        }

        return best;
    }

    /// <summary>The column that identifies a row's person: the child, or for List 11 the adopter.</summary>
    public static string IdColumn(AnnexAList list) => list == AnnexAList.Adopters ? "Individual adopter identifier" : "Child Unique ID";

    private static readonly Dictionary<AnnexAList, HashSet<string>> OwnColumns = AnnexALists.All.ToDictionary(
        l => l,
        l => AnnexAColumns.For(l).Where(c => AnnexALists.All.Count(o => AnnexAColumns.For(o).Contains(c)) == 1).ToHashSet(StringComparer.Ordinal));

    private sealed record ListTable(HashSet<string> Columns, Dictionary<string, string> Exact, Dictionary<string, string> Loose);

    private static readonly Dictionary<AnnexAList, ListTable> ListTables = AnnexALists.All.ToDictionary(l => l, l =>
    {
        var columns = AnnexAColumns.For(l);
        var exact = new Dictionary<string, string>(StringComparer.Ordinal);
        var loose = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var column in columns)
        {
            exact.TryAdd(Normalise(column), column);
            exact.TryAdd(Normalise(Expand(column)), column);
            loose.TryAdd(Loose(Expand(column)), column);
        }

        return new ListTable(columns.ToHashSet(StringComparer.Ordinal), exact, loose);
    });

    private static string Loose(string expanded)
    {
        var words = WordPattern().Matches(expanded).Select(m => m.Value).Where(w => !LittleWords.Contains(w));
        return string.Concat(words);
    }

    private static Dictionary<string, string> BuildVariants(params (string Spelling, string Column)[] pairs)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (spelling, column) in pairs)
        {
            map.TryAdd(Normalise(Expand(spelling)), column);
            map.TryAdd(Loose(Expand(spelling)), column);
        }

        return map;
    }

    [GeneratedRegex(@"\((y\s*/\s*n|yes\s*/\s*no|dd\s*/\s*mm\s*/\s*yyyy|dd/mm/yy)\)")]
    private static partial Regex HintPattern();

    [GeneratedRegex(@"\b(sec(tion)?\.?\s*|s\.?\s*)47\b")]
    private static partial Regex Section47Pattern();

    [GeneratedRegex(@"\b(?:cp\s*plan|cpp)(s?)\b")]
    private static partial Regex CpPlanPattern();

    [GeneratedRegex(@"\bicpcs?\b")]
    private static partial Regex IcpcPattern();

    [GeneratedRegex(@"\bdob\b")]
    private static partial Regex DobPattern();

    [GeneratedRegex(@"\bchild(ren)? in need\b")]
    private static partial Regex CinPattern();

    [GeneratedRegex("[a-z0-9]+")]
    private static partial Regex WordPattern();
}
