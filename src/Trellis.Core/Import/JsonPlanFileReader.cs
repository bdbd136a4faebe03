using Trellis.Core.Interchange;

namespace Trellis.Core.Import;

/// <summary>Reads a plan interchange document (.json), strictly: see <see cref="PlanJson"/>.</summary>
public sealed class JsonPlanFileReader : IPlanFileReader
{
    public string FileType => ".json (Trellis plan interchange)";

    public bool CanRead(string path) => string.Equals(Path.GetExtension(path), ".json", StringComparison.OrdinalIgnoreCase);

    public Task<PlanReadResult> ReadAsync(Stream stream, string name, CancellationToken cancellationToken) =>
        PlanJson.ReadAsync(stream, name, cancellationToken);
}
