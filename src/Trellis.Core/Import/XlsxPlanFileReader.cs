using Trellis.Core.Import.Sheets;
using Trellis.Core.Interchange;

namespace Trellis.Core.Import;

/// <summary>Reads a council's plan kept in Excel (.xlsx) with the proposed column mapping: see <see cref="SpreadsheetPlanReader"/>.</summary>
public sealed class XlsxPlanFileReader : IPlanFileReader
{
    public string FileType => ".xlsx (a plan kept in Excel)";

    public bool CanRead(string path) => string.Equals(Path.GetExtension(path), ".xlsx", StringComparison.OrdinalIgnoreCase);

    public Task<PlanReadResult> ReadAsync(Stream stream, string name, CancellationToken cancellationToken) =>
        SpreadsheetPlanReader.ReadAsync(stream, name, null, cancellationToken);
}
