namespace Trellis.Core.Import;

/// <summary>Every registered <see cref="IPlanFileReader"/>, and the one for a given file.</summary>
public sealed class PlanFileReaders(IEnumerable<IPlanFileReader> readers)
{
    private readonly List<IPlanFileReader> _readers = [.. readers];

    public IPlanFileReader? For(string path) => _readers.Find(r => r.CanRead(path));

    /// <summary>"Trellis can import .json (Trellis plan interchange) and .docx (...)": for a message about a file it cannot read.</summary>
    public string Supported() => _readers.Count switch
    {
        0 => "Trellis has no plan importers",
        1 => $"Trellis can import {_readers[0].FileType}",
        _ => $"Trellis can import {string.Join(", ", _readers.Take(_readers.Count - 1).Select(r => r.FileType))} and {_readers[^1].FileType}",
    };
}
