using Trellis.Core.Import.Word;
using Trellis.Core.Interchange;

namespace Trellis.Core.Import;

/// <summary>Reads a council's plan written in Word (.docx): see <see cref="WordPlanReader"/>.</summary>
public sealed class DocxPlanFileReader : IPlanFileReader
{
    /// <summary>Larger than any real plan; a bigger upload is refused before it is unzipped.</summary>
    public const long MaxBytes = 50 * 1024 * 1024;

    public string FileType => ".docx (a plan written in Word)";

    public bool CanRead(string path) => string.Equals(Path.GetExtension(path), ".docx", StringComparison.OrdinalIgnoreCase);

    public async Task<PlanReadResult> ReadAsync(Stream stream, string name, CancellationToken cancellationToken)
    {
        // The Open XML SDK needs a seekable stream; uploads and pipes are not.
        await using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length > MaxBytes)
        {
            return PlanReadResult.Failed(name, [new InterchangeProblem(string.Empty, $"The file is larger than {MaxBytes / (1024 * 1024)} MB, too large for a plan")]);
        }

        buffer.Position = 0;
        var result = WordPlanReader.Read(buffer, name);
        return result.Document is null || result.Problems.Count > 0
            ? PlanReadResult.Failed(name, result.Problems.Select(p => new InterchangeProblem(string.Empty, p)))
            : PlanReadResult.From(name, result.Document);
    }
}
