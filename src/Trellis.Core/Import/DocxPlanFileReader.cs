using Trellis.Core.Import.Word;
using Trellis.Core.Interchange;

namespace Trellis.Core.Import;

/// <summary>Reads a council's plan written in Word (.docx): see <see cref="WordPlanReader"/>.</summary>
public sealed class DocxPlanFileReader : IPlanFileReader
{
    public string FileType => ".docx (a plan written in Word)";

    public bool CanRead(string path) => string.Equals(Path.GetExtension(path), ".docx", StringComparison.OrdinalIgnoreCase);

    public async Task<PlanReadResult> ReadAsync(Stream stream, string name, CancellationToken cancellationToken)
    {
        try
        {
            // The Open XML SDK needs a seekable stream; uploads and pipes are not. It inflates parts itself, so every part is
            // first inflated here, counted, against what its header declared.
            await using var buffer = await FileGuard.BufferAsync(stream, name, cancellationToken);
            using (var archive = FileGuard.OpenPackage(buffer, name, OfficePackageKind.Word))
            {
                FileGuard.InflateAll(archive, name);
            }

            buffer.Position = 0;
            var result = WordPlanReader.Read(buffer, name);
            return result.Document is null || result.Problems.Count > 0
                ? PlanReadResult.Failed(name, result.Problems.Select(p => new InterchangeProblem(string.Empty, p)))
                : PlanReadResult.From(name, result.Document);
        }
        catch (ImportFileException e)
        {
            return PlanReadResult.Failed(name, [new InterchangeProblem(string.Empty, e.Message)]);
        }
    }
}
