using Trellis.Indicators.AnnexA;

namespace Trellis.Core.AnnexA;

public enum AnnexAIssueSeverity
{
    /// <summary>Rows or a list will be left out of the indicators.</summary>
    Error,

    /// <summary>Read, but worth a look: a value that the indicators cannot use, an unknown code, a duplicate.</summary>
    Warning,
}

/// <summary>
/// One finding. <see cref="Message"/> names the place (file, sheet, row, column) and never holds a value from the
/// file: no ids, dates, names or free text.
/// </summary>
public sealed record AnnexAIssue(AnnexAIssueSeverity Severity, string Kind, string File, string? Sheet, int? Row, string? Column, string Message);

/// <summary>A template column the list lacks, and the indicators it stops.</summary>
public sealed record AnnexAMissingColumn(string Column, IReadOnlyList<string> Indicators);

/// <summary>
/// One column's row-level findings: how many rows had each kind of problem, with the first
/// <see cref="AnnexAValidator.RowsListedPerColumn"/> rows listed.
/// </summary>
public sealed record AnnexAColumnReport(string Column, string? Header, int Errors, int Warnings, IReadOnlyList<AnnexAIssue> Listed)
{
    public int NotListed => Errors + Warnings - Listed.Count;
}

public sealed record AnnexAListReport(
    AnnexAList List,
    string Title,
    bool Found,
    string? File,
    string? Sheet,
    int? HeaderRow,
    int Rows,
    int BlankIdRows,
    int DuplicateRows,
    IReadOnlyList<string> UnknownColumns,
    IReadOnlyList<AnnexAMissingColumn> MissingColumns,
    IReadOnlyList<AnnexAColumnReport> Columns,
    IReadOnlyList<AnnexAIssue> Issues);

/// <summary>What reading an Annex A file found, per list, per column and per row.</summary>
public sealed record AnnexAValidationReport(string Path, IReadOnlyList<AnnexAListReport> Lists, IReadOnlyList<AnnexASkippedPart> Skipped)
{
    public bool AnyListRead => Lists.Any(l => l.Found);

    public int Errors => Count(AnnexAIssueSeverity.Error);

    public int Warnings => Count(AnnexAIssueSeverity.Warning);

    /// <summary>Every finding as a line of text, list by list; row-level findings past the cap are summarised by count.</summary>
    public IEnumerable<string> Messages()
    {
        foreach (var part in Skipped)
        {
            yield return $"{part.Source}: not read as a list ({part.Reason})";
        }

        foreach (var list in Lists)
        {
            if (!list.Found)
            {
                yield return $"{list.Title}: not found in '{System.IO.Path.GetFileName(Path)}'";
                continue;
            }

            foreach (var issue in list.Issues)
            {
                yield return issue.Message;
            }

            foreach (var column in list.Columns)
            {
                foreach (var issue in column.Listed)
                {
                    yield return issue.Message;
                }

                if (column.NotListed > 0)
                {
                    yield return $"{Source(list)}, column '{column.Header ?? column.Column}': {column.NotListed} more rows with problems (the first {column.Listed.Count} are listed)";
                }
            }
        }
    }

    internal static string Source(AnnexAListReport list) => list.Sheet is null ? list.File! : $"{list.File}, sheet '{list.Sheet}'";

    private int Count(AnnexAIssueSeverity severity) =>
        Lists.Sum(l => l.Issues.Count(i => i.Severity == severity) + l.Columns.Sum(c => severity == AnnexAIssueSeverity.Error ? c.Errors : c.Warnings));
}
