namespace Trellis.Core.Interchange;

/// <summary>
/// Something wrong with a plan document, and where: a JSON path into the interchange document
/// (<c>$.areas[2].actions[0].due.precision</c>), or for other formats the nearest place a person can find.
/// </summary>
public sealed record InterchangeProblem(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}

/// <summary>
/// What reading a plan file gave: the document when it is sound, otherwise every problem found (never just the first).
/// </summary>
public sealed record PlanReadResult
{
    /// <summary>The file or upload the document came from, for messages ("plan.json: $.areas[0]: ...").</summary>
    public required string Source { get; init; }

    /// <summary>The document; null whenever there are problems.</summary>
    public PlanDocument? Document { get; init; }

    public List<InterchangeProblem> Problems { get; init; } = [];

    public bool Succeeded => Document is not null && Problems.Count == 0;

    /// <summary>A document built by an importer, checked against the format's rules (references, words, dates, limits).</summary>
    public static PlanReadResult From(string source, PlanDocument document)
    {
        var problems = PlanDocumentValidator.Validate(document);
        return problems.Count == 0
            ? new PlanReadResult { Source = source, Document = document }
            : Failed(source, problems);
    }

    public static PlanReadResult Failed(string source, IEnumerable<InterchangeProblem> problems) =>
        new() { Source = source, Problems = [.. problems] };
}
