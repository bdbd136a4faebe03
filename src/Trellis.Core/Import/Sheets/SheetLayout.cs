using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Trellis.Core.Import.Word;
using Trellis.Core.Interchange;

namespace Trellis.Core.Import.Sheets;

/// <summary>What a column of a plan's wide table holds. Area roles describe the area a row belongs to; the rest describe its actions.</summary>
public enum ColumnRole
{
    Ignore,
    Theme,
    AreaNumber,
    AreaTitle,
    Recommendation,
    AreaLead,
    SeniorLead,
    Partners,
    LinkedPlans,
    Objectives,
    Outcomes,
    MeasuresOfSuccess,
    AreaRag,
    ActionRef,
    ActionText,
    Owner,
    Due,
    Milestones,
    Status,
    Rag,
    Comments,
}

/// <summary>The words a person choosing a column's role sees, in the order they are offered.</summary>
public static class ColumnRoles
{
    private static readonly Dictionary<ColumnRole, string> Labels = new()
    {
        [ColumnRole.Ignore] = "Not imported (kept as unplaced text)",
        [ColumnRole.Theme] = "Theme",
        [ColumnRole.AreaNumber] = "Area number",
        [ColumnRole.AreaTitle] = "Area for improvement (title)",
        [ColumnRole.Recommendation] = "Ofsted recommendation",
        [ColumnRole.AreaLead] = "Area lead",
        [ColumnRole.SeniorLead] = "Senior lead",
        [ColumnRole.Partners] = "Partners",
        [ColumnRole.LinkedPlans] = "Linked plans",
        [ColumnRole.Objectives] = "Objectives",
        [ColumnRole.Outcomes] = "Expected outcomes",
        [ColumnRole.MeasuresOfSuccess] = "Measures of success",
        [ColumnRole.AreaRag] = "Area RAG rating",
        [ColumnRole.ActionRef] = "Action number (ref)",
        [ColumnRole.ActionText] = "Action",
        [ColumnRole.Owner] = "Owner (by whom)",
        [ColumnRole.Due] = "Due date (by when)",
        [ColumnRole.Milestones] = "Milestones",
        [ColumnRole.Status] = "Status",
        [ColumnRole.Rag] = "Action RAG rating",
        [ColumnRole.Comments] = "Comments or progress update",
    };

    /// <summary>Every role in display order: the area's, then the action's, then "not imported".</summary>
    public static IReadOnlyList<ColumnRole> All { get; } =
    [
        ColumnRole.Theme, ColumnRole.AreaNumber, ColumnRole.AreaTitle, ColumnRole.Recommendation, ColumnRole.AreaLead, ColumnRole.SeniorLead,
        ColumnRole.Partners, ColumnRole.LinkedPlans, ColumnRole.Objectives, ColumnRole.Outcomes, ColumnRole.MeasuresOfSuccess, ColumnRole.AreaRag,
        ColumnRole.ActionRef, ColumnRole.ActionText, ColumnRole.Owner, ColumnRole.Due, ColumnRole.Milestones, ColumnRole.Status, ColumnRole.Rag,
        ColumnRole.Comments, ColumnRole.Ignore,
    ];

    public static string Label(ColumnRole role) => Labels[role];

    /// <summary>Roles that describe the area a row belongs to, rather than its actions.</summary>
    public static bool IsAreaRole(ColumnRole role) => role is >= ColumnRole.Theme and <= ColumnRole.AreaRag;
}

/// <summary>A column of a sheet's table: its index (0 = A), letter, header as written and its first few non-blank values.</summary>
public sealed record SheetColumn(int Index, string Letter, string Header, IReadOnlyList<string> Samples);

/// <summary>A sheet's table: where its header is and its columns.</summary>
/// <param name="Sheet">The sheet's name as Excel shows it (a CSV file's name without its extension).</param>
/// <param name="HeaderRow">The row number (1-based) of the header's last row; data starts below it.</param>
/// <param name="Columns">Every column with a header or a value, in order.</param>
public sealed record SheetLayout(string Sheet, int HeaderRow, IReadOnlyList<SheetColumn> Columns)
{
    /// <summary>
    /// The same for every file whose table has the same headers in the same order (case and spacing aside), whatever its
    /// data: the key under which a corrected mapping is remembered.
    /// </summary>
    public string Signature => MakeSignature(Columns);

    private static string MakeSignature(IReadOnlyList<SheetColumn> columns)
    {
        var text = string.Join('|', columns.Select(c => $"{c.Index}:{PlanText.Key(c.Header)}"));
        return "v1:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
    }
}

/// <summary>What each column holds, by column index; a column absent from the map is ignored.</summary>
public sealed record ColumnMapping(IReadOnlyDictionary<int, ColumnRole> Roles)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public ColumnRole RoleOf(int column) => Roles.GetValueOrDefault(column, ColumnRole.Ignore);

    /// <summary>Columns with a role, in column order.</summary>
    public IEnumerable<int> ColumnsWith(ColumnRole role) => Roles.Where(r => r.Value == role).Select(r => r.Key).Order();

    public ColumnMapping With(int column, ColumnRole role) => new(new Dictionary<int, ColumnRole>(Roles) { [column] = role });

    /// <summary>{"0":"AreaNumber","3":"Due"}: role names, so a stored mapping survives new roles being added.</summary>
    public string ToJson() => JsonSerializer.Serialize(
        Roles.Where(r => r.Value != ColumnRole.Ignore).OrderBy(r => r.Key).ToDictionary(r => r.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), r => r.Value.ToString()), Json);

    /// <summary>A mapping stored by <see cref="ToJson"/>; unknown role names are ignored, malformed JSON gives null.</summary>
    public static ColumnMapping? FromJson(string json)
    {
        try
        {
            var raw = JsonSerializer.Deserialize<Dictionary<string, string>>(json, Json);
            if (raw is null)
            {
                return null;
            }

            var roles = new Dictionary<int, ColumnRole>();
            foreach (var (key, value) in raw)
            {
                if (int.TryParse(key, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var column)
                    && Enum.TryParse<ColumnRole>(value, ignoreCase: false, out var role) && Enum.IsDefined(role))
                {
                    roles[column] = role;
                }
            }

            return new ColumnMapping(roles);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>What a spreadsheet holds before it is read as a plan: its sheets' tables, the plan's table and a proposed mapping.</summary>
public sealed record SheetAnalysis
{
    public required string Source { get; init; }

    public IReadOnlyList<SheetLayout> Sheets { get; init; } = [];

    /// <summary>The sheet whose table holds the plan's areas and actions; null when none does.</summary>
    public SheetLayout? PlanSheet { get; init; }

    /// <summary>The roles read from the plan table's headers and values, for the person importing to correct.</summary>
    public ColumnMapping? Proposed { get; init; }

    public List<InterchangeProblem> Problems { get; init; } = [];

    public bool Succeeded => Problems.Count == 0;
}
