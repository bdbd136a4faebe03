using System.Text.RegularExpressions;

namespace Trellis.Core.AnnexA;

/// <summary>
/// Whether a value is one of a column's template codes. Accepted, for a code such as "a) 1A: Individual" with Ofsted's
/// grouping "a) Individual": the whole code, the code without its "a)" prefix, its short code ("1A"), its label
/// ("Individual"), its detailed description and its grouped code, with or without prefix; for Yes/No codes also Y and N.
/// Compared casefolded, keeping a-z and 0-9 only.
/// </summary>
public static partial class AnnexACodes
{
    /// <summary>Template column -> the code list the template gives for it (several columns share one).</summary>
    private static readonly Dictionary<string, string> ColumnSets = new(StringComparer.Ordinal)
    {
        ["Gender"] = "Gender",
        ["Ethnicity"] = "Ethnicity",
        ["Contact Source"] = "Contact / Referral Source",
        ["Referral Source"] = "Contact / Referral Source",
        ["Referral NFA?"] = "Referral NFA?",
        ["Does the Child have a Disability"] = "Does the Child have a Disability",
        ["Child Seen During Continuous Assessment"] = "Child Seen During Continuous Assessment",
        ["Was the child assessed as requiring LA children’s social care support"] = "Was the child assessed as being in need at assessment?",
        ["Was an Initial Child Protection Conference deemed unnecessary?"] = "Was an Initial Child Protection Conference deemed unnecessary?",
        ["Did the Initial Child Protection Conference Result in a Child Protection Plan"] = "Did the Initial Child Protection Conference Result in a Child Protection Plan?",
        ["Primary Need Code"] = "Primary Need Code",
        ["Reason for Closure"] = "Reason for Closure",
        ["Case status"] = "Case status",
        ["Initial Category of Abuse"] = "Initial/Latest Category of Abuse",
        ["Latest Category of Abuse"] = "Initial/Latest Category of Abuse",
        ["Was the Child Seen Alone?"] = "Was the Child Seen Alone?",
        ["Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)"] = "Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)",
        ["Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)"] = "Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)",
        ["Child's Category of Need"] = "Child's Category of Need",
        ["Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)"] = "Is this a second or subsequent episode of being a Looked After Child within the last 12 months (Y/N)",
        ["Child's Legal Status"] = "Child's Legal Status",
        ["What is the permanence plan for this child?"] = "What is the permanence plan for this child?",
        ["Reason Ceased to be Looked After"] = "Reason Ceased to be Looked After",
        ["Placement Type"] = "Placement Type",
        ["Placement Provider"] = "Placement Provider",
        ["Placement Location"] = "Placement Location",
        ["Was the child offered a Return Interview after their last missing episode (Y/N)?"] = "Was the child offered a Return Interview after their last missing episode (Y/N)?",
        ["Did the child accept a Return Interview after their last missing episode (Y/N)?"] = "Did the child accept a Return Interview after their last missing episode (Y/N)?",
        ["Eligibility Category"] = "Eligibility Category",
        ["LA In Touch"] = "LA In Touch",
        ["Type of Accommodation"] = "Type of Accommodation",
        ["Suitability of Accommodation"] = "Suitability of Accommodation",
        ["Activity Status"] = "Activity Status",
        ["Reason Why Child No Longer Placed for Adoption"] = "Reason Why Child No Longer Placed for Adoption",
        ["Reason for leaving adoption process"] = "Reason for leaving adoption process",
        ["Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over (Y/N)"] = YesNo,
        ["Disability"] = YesNo,
        ["Is the (prospective) adopter fostering for adoption?"] = YesNo,
    };

    private const string YesNo = "#yes-no";

    /// <summary>Codes added to List 9 since 2019 (liia-tools-pipeline's schema): activity F4/P4/F5/P5.</summary>
    private static readonly string[][] LaterActivityCodes =
    [
        ["F4: Full time in voluntary work", "", "a) EET"],
        ["P4: Part time in voluntary work", "", "a) EET"],
        ["F5: Full time in apprenticeship", "", "a) EET"],
        ["P5: Part time in apprenticeship", "", "a) EET"],
    ];

    private static readonly Dictionary<string, HashSet<string>> Accepted = Build();

    /// <summary>Whether the template gives a code list for this column.</summary>
    public static bool HasCodes(string column) => ColumnSets.ContainsKey(column);

    /// <summary>Whether the value is one of the column's codes in any accepted form; true for a column without codes.</summary>
    public static bool IsKnown(string column, ReadOnlySpan<char> value)
    {
        if (!ColumnSets.TryGetValue(column, out var set))
        {
            return true;
        }

        Span<char> buffer = stackalloc char[Math.Min(value.Length, 256)];
        var key = Key(StripPrefix(value.Trim()), buffer);
        var accepted = Accepted[set];
        return accepted.GetAlternateLookup<ReadOnlySpan<char>>().Contains(key);
    }

    private static Dictionary<string, HashSet<string>> Build()
    {
        var result = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (name, codes) in AnnexACodeLists.Sets)
        {
            var rows = name == "Activity Status" ? [.. codes, .. LaterActivityCodes] : codes;
            var accepted = new HashSet<string>(StringComparer.Ordinal);
            foreach (var code in rows)
            {
                foreach (var form in code.Where(f => f.Length > 0))
                {
                    AddForms(accepted, form);
                }
            }

            if (accepted.Contains("yes") && accepted.Contains("no"))
            {
                accepted.UnionWith(["y", "n"]);
            }

            result[name] = accepted;
        }

        result[YesNo] = ["yes", "no", "y", "n"];
        result["Gender"].UnionWith(["male", "female", "m", "f", "unknown", "unborn", "notstated", "notrecorded"]);
        return result;
    }

    /// <summary>"a) 1A: Individual" gives "a1aindividual", "1aindividual", "1a" and "individual"; "N1 - Abuse or neglect" gives "n1" and "abuseorneglect".</summary>
    private static void AddForms(HashSet<string> accepted, string form)
    {
        accepted.Add(AnnexAHeaders.Normalise(form));
        var stripped = StripPrefix(form.AsSpan()).ToString();
        accepted.Add(AnnexAHeaders.Normalise(stripped));
        var split = CodeLabelPattern().Match(stripped);
        if (split.Success)
        {
            accepted.Add(AnnexAHeaders.Normalise(split.Groups["code"].Value));
            accepted.Add(AnnexAHeaders.Normalise(split.Groups["label"].Value));
        }
    }

    /// <summary>Drops a leading one- or two-letter prefix such as "a) " or "zz) " (DEFINITIONS §1.2).</summary>
    private static ReadOnlySpan<char> StripPrefix(ReadOnlySpan<char> value)
    {
        var close = value.IndexOf(')');
        if (close is 1 or 2 && char.IsAsciiLetter(value[0]) && char.IsAsciiLetter(value[close - 1]))
        {
            return value[(close + 1)..].TrimStart();
        }

        return value;
    }

    private static ReadOnlySpan<char> Key(ReadOnlySpan<char> value, Span<char> buffer)
    {
        var length = 0;
        foreach (var c in value)
        {
            var lower = char.ToLowerInvariant(c);
            if (lower is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                if (length == buffer.Length)
                {
                    break;
                }

                buffer[length++] = lower;
            }
        }

        return buffer[..length];
    }

    [GeneratedRegex(@"^\s*(?<code>[A-Za-z]{0,3}[0-9]{0,2}[A-Za-z]?)\s*(:|\s-\s)\s*(?<label>.+)$")]
    private static partial Regex CodeLabelPattern();
}
