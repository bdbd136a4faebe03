using Trellis.Indicators.AnnexA;

namespace Trellis.Core.AnnexA;

/// <summary>A file that cannot be read at all; the message names it.</summary>
public sealed class AnnexAReadException(string message) : Exception(message);

/// <summary>
/// A list found in a file: where, on which row its headers are, the headers as written (FileHeaders), and for each
/// the template column it names, or null for a column the template does not have (Columns).
/// </summary>
public sealed record AnnexAFoundList(AnnexAList List, string File, string? Sheet, int HeaderRow, IReadOnlyList<string> FileHeaders, IReadOnlyList<string?> Columns)
{
    /// <summary>"annexa.xlsx, sheet List_3" or "referrals.csv", for messages.</summary>
    public string Source => Sheet is null ? File : $"{File}, sheet '{Sheet}'";

    public int Rows { get; internal set; }
}

/// <summary>A sheet or file that was not read as a list, and why.</summary>
public sealed record AnnexASkippedPart(string File, string? Sheet, string Reason)
{
    public string Source => Sheet is null ? File : $"{File}, sheet '{Sheet}'";
}

/// <summary>What a reader found where: the lists, and the sheets or files it passed over.</summary>
public sealed class AnnexAReadLog
{
    public List<AnnexAFoundList> Found { get; } = [];

    public List<AnnexASkippedPart> Skipped { get; } = [];

    /// <summary>The list being read now (readers push one list at a time).</summary>
    public AnnexAFoundList? Current { get; internal set; }
}
