using Trellis.Core.Interchange;

namespace Trellis.Core.Import;

/// <summary>
/// Reads one kind of plan file (interchange JSON, a council's Word plan ...) into an interchange document. A reader
/// stores nothing: <see cref="PlanImporter"/> does that, whatever the file was. Register each reader as an
/// <see cref="IPlanFileReader"/> in <c>AddTrellisCore</c>; <see cref="PlanFileReaders"/> picks one by file name.
/// </summary>
public interface IPlanFileReader
{
    /// <summary>What the reader reads, for messages that list the supported files: ".json (Trellis plan interchange)".</summary>
    string FileType { get; }

    bool CanRead(string path);

    /// <summary>
    /// The document, or every problem found in the file (never just the first), each named by a place a person can
    /// find. <paramref name="name"/> is the file's name, used in messages.
    /// </summary>
    Task<PlanReadResult> ReadAsync(Stream stream, string name, CancellationToken cancellationToken);
}
