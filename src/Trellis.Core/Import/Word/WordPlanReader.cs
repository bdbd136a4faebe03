using Trellis.Core.Interchange;

namespace Trellis.Core.Import.Word;

/// <summary>The plan read from a Word document, or null with problems saying why it could not be read.</summary>
/// <param name="Document">The plan; null when the file could not be read at all.</param>
/// <param name="Problems">What stopped or weakened the import, in plain words naming the file; doubts about single actions are warnings on them instead.</param>
public sealed record WordReadResult(PlanDocument? Document, List<string> Problems);

/// <summary>
/// Reads a council's improvement plan from a Word document into the interchange format. A pure reader: no storage, no
/// guessing of people or dates; text it cannot place is kept in <see cref="PlanDocument.Unplaced"/>.
/// </summary>
public static class WordPlanReader
{
    public static WordReadResult Read(Stream docx, string fileName)
    {
        if (docx.CanSeek && docx.Length == 0)
        {
            return new WordReadResult(null, [$"'{fileName}' is empty; it is not a Word document"]);
        }

        WordDocument document;
        try
        {
            document = WordDocumentReader.Read(docx);
        }
        catch (InvalidDataException e)
        {
            return new WordReadResult(null, [$"'{fileName}' could not be read: {e.Message}"]);
        }

        return new WordPlanAssembler(document, fileName).Assemble();
    }
}
