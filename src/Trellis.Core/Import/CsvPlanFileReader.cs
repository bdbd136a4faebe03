using Trellis.Core.Import.Sheets;
using Trellis.Core.Interchange;

namespace Trellis.Core.Import;

/// <summary>Reads a plan saved as CSV (one table) with the proposed column mapping: see <see cref="SpreadsheetPlanReader"/>.</summary>
public sealed class CsvPlanFileReader : IPlanFileReader
{
    public string FileType => ".csv (a plan table saved as CSV)";

    public bool CanRead(string path) => string.Equals(Path.GetExtension(path), ".csv", StringComparison.OrdinalIgnoreCase);

    public Task<PlanReadResult> ReadAsync(Stream stream, string name, CancellationToken cancellationToken) =>
        SpreadsheetPlanReader.ReadAsync(stream, name, null, cancellationToken);
}
