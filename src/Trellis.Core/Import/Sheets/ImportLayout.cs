using Trellis.Core.Plans;

namespace Trellis.Core.Import.Sheets;

/// <summary>A column mapping an organisation confirmed for a spreadsheet layout, offered again for the next file with the same headers.</summary>
public class ImportLayout
{
    public const int SignatureMaxLength = 64;
    public const int MappingJsonMaxLength = 4000;

    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }

    /// <summary><see cref="SheetLayout.Signature"/> of the table the mapping is for.</summary>
    public string Signature { get; set; } = string.Empty;

    /// <summary><see cref="ColumnMapping.ToJson"/>.</summary>
    public string MappingJson { get; set; } = "{}";

    public DateTimeOffset UpdatedAt { get; set; }
}
