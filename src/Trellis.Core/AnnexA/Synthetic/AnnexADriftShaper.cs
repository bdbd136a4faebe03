using System.Globalization;
using System.Text.RegularExpressions;
using Trellis.Indicators.AnnexA;

namespace Trellis.Core.AnnexA.Synthetic;

/// <summary>Where a written column's values come from: a template column, or an extra column of its own.</summary>
internal readonly record struct SyntheticColumn(string Header, int Source, string? ExtraValue);

/// <summary>Receives rows laid out as written (drift applied). An all-null row is a blank row.</summary>
internal interface IAnnexALayoutSink
{
    void Row(AnnexAList list, object?[] cells);
}

/// <summary>
/// Turns template rows into what a council's extract looks like (<see cref="AnnexADrift.Typical"/>),
/// with its own random sequence so the same seed gives the same children with or without drift.
/// Header respellings all match the template name once case and punctuation are ignored
/// (DEFINITIONS §1.1); "(Y/N)" is added only to columns no indicator reads.
/// </summary>
internal sealed partial class AnnexADriftShaper : IAnnexASyntheticSink
{
    private static readonly Dictionary<string, string> Respelt = new(StringComparer.Ordinal)
    {
        ["Child Unique ID"] = "Child Unique Id",
        ["Date of Birth"] = "Date of birth",
        ["Date of referral"] = "Date of Referral",
        ["Referral NFA?"] = "Referral NFA",
        ["Continuous Assessment Date of Authorisation"] = "Continuous assessment date of authorisation",
        ["Strategy discussion initiating Section 47 Enquiry Start Date"] = "Strategy Discussion initiating Section 47 Enquiry Start Date",
        ["Case status"] = "Case Status",
        ["Was the Child Seen Alone?"] = "Was the Child Seen Alone? (Y/N)",
        ["Number of Previous Child Protection Plans"] = "Number of previous child protection plans",
        ["Child's Category of Need"] = "Child’s Category of Need",
        ["Date Started to be Looked After"] = "Date started to be looked after",
        ["Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)"] = "Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N))",
        ["Activity Status"] = "Activity status",
        ["Date of Adoption Order"] = "Date of adoption order",
    };

    private static readonly Dictionary<AnnexAList, (int At, string Header, string Value)[]> Extras = new()
    {
        [AnnexAList.Contacts] = [(1, "Contact ID", "")],
        [AnnexAList.Referrals] = [(1, "Locality", "North")],
        [AnnexAList.Assessments] = [(-1, "Assessment type", "Single assessment")],
        [AnnexAList.ChildrenInNeed] = [(-1, "Notes", "")],

        // A second team column to the right: the leftmost match is the one read.
        [AnnexAList.ChildProtection] = [(-1, "Allocated Team", "Old system team")],
    };

    private readonly IAnnexALayoutSink _inner;
    private readonly bool _drift;
    private readonly Random _random;
    private readonly Dictionary<AnnexAList, SyntheticColumn[]> _layouts = [];

    public AnnexADriftShaper(AnnexADrift drift, int seed, IAnnexALayoutSink inner)
    {
        _inner = inner;
        _drift = drift == AnnexADrift.Typical;
        _random = new Random(unchecked((seed * 7919) + 104729));
        foreach (var list in AnnexALists.All)
        {
            _layouts[list] = BuildLayout(list, _drift);
        }
    }

    public IReadOnlyList<SyntheticColumn> Layout(AnnexAList list) => _layouts[list];

    public static string SheetName(AnnexAList list, AnnexADrift drift) => drift == AnnexADrift.None
        ? $"List_{(int)list}"
        : list switch
        {
            AnnexAList.Contacts => "Contacts",
            AnnexAList.Referrals => "List 3 - Referrals",
            AnnexAList.Assessments => "Assessments",
            AnnexAList.Section47 => "Sec47 and ICPC",
            AnnexAList.ChildProtection => "CP plans",
            AnnexAList.CareLeavers => "Care leavers",
            AnnexAList.Adoption => "Adoption",
            _ => $"List_{(int)list}",
        };

    /// <summary>Under drift, odd-numbered lists' sheets carry a title row above their headers.</summary>
    public static bool HasTitleRow(AnnexAList list, AnnexADrift drift) => drift == AnnexADrift.Typical && (int)list % 2 == 1;

    public void Row(AnnexAList list, object?[] cells)
    {
        var layout = _layouts[list];
        var row = new object?[layout.Length];
        for (var i = 0; i < layout.Length; i++)
        {
            var column = layout[i];
            row[i] = column.Source < 0 ? (column.ExtraValue is { Length: > 0 } v ? v : null) : _drift ? Drift(cells[column.Source], column.Source == 0 && list != AnnexAList.Adopters) : cells[column.Source];
        }

        _inner.Row(list, row);
        if (!_drift)
        {
            return;
        }

        if (_random.NextDouble() < 0.003)
        {
            _inner.Row(list, row); // a duplicate row
        }

        if (_random.NextDouble() < 0.002)
        {
            _inner.Row(list, new object?[layout.Length]); // a blank row
        }
    }

    private object? Drift(object? value, bool isId)
    {
        var u = _random.NextDouble();
        switch (value)
        {
            case string id when isId:
                return u < 0.05 ? double.Parse(id, CultureInfo.InvariantCulture) : u < 0.08 ? id + ".0" : id;
            case DateOnly date:
                return u < 0.0005 ? "not known"
                    : u < 0.001 ? $"30/02/{date.Year}"
                    : u < 0.70 ? date
                    : u < 0.82 ? (double)(date.DayNumber - ExcelEpoch.DayNumber)
                    : u < 0.90 ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                    : u < 0.98 ? date.ToString("d/M/yyyy", CultureInfo.InvariantCulture)
                    : date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) + " 00:00";
            case int count:
                return u < 0.05 ? count.ToString(CultureInfo.InvariantCulture) + ".0" : count;
            case string code when Prefix().IsMatch(code):
                return u < 0.0005 ? "#N/A" : u < 0.5 ? Prefix().Replace(code, "") : u < 0.51 ? code + " " : code;
            default:
                return value;
        }
    }

    public static readonly DateOnly ExcelEpoch = new(1899, 12, 30);

    private static SyntheticColumn[] BuildLayout(AnnexAList list, bool drift)
    {
        var template = AnnexAColumns.For(list);
        var columns = template.Select((h, i) => new SyntheticColumn(drift && Respelt.TryGetValue(h, out var r) ? r : h, i, null)).ToList();
        if (drift && Extras.TryGetValue(list, out var extras))
        {
            foreach (var (at, header, value) in extras)
            {
                var extra = new SyntheticColumn(header, -1, value);
                if (at < 0)
                {
                    columns.Add(extra);
                }
                else
                {
                    columns.Insert(at, extra);
                }
            }
        }

        return [.. columns];
    }

    [GeneratedRegex(@"^[a-z]{1,2}\) ")]
    private static partial Regex Prefix();
}
