namespace Trellis.Indicators.AnnexA;

/// <summary>What a cell held in the file, before any reading of its meaning.</summary>
public enum CellKind : byte
{
    Blank,

    /// <summary>Text, including numbers and dates typed as text (CSV cells are always text).</summary>
    Text,

    /// <summary>A spreadsheet number without a date format.</summary>
    Number,

    /// <summary>A spreadsheet number with a date format: <see cref="IAnnexARow.Number"/> is the Excel serial.</summary>
    Date,

    /// <summary>A spreadsheet error such as #N/A.</summary>
    Error,
}

/// <summary>
/// One row of an Annex A list as a reader sees it, cells aligned with the headers given to
/// <see cref="IAnnexAReceiver.BeginList"/>. Valid only during the <see cref="IAnnexARowSink.Row"/>
/// call that passes it: readers reuse their buffers, so a sink copies what it keeps.
/// </summary>
public interface IAnnexARow
{
    /// <summary>Cells present; a cell at or beyond it is blank.</summary>
    int Count { get; }

    CellKind Kind(int column);

    /// <summary>The cell's text as written (Text and Error cells; empty for others).</summary>
    ReadOnlySpan<char> Text(int column);

    /// <summary>The cell's value (Number and Date cells; 0 for others).</summary>
    double Number(int column);
}

/// <summary>
/// Receives the lists a reader finds. Readers push (rather than hand over tables) so that an
/// England-sized set streams through without every cell living in memory at once.
/// </summary>
public interface IAnnexAReceiver
{
    /// <summary>
    /// A list begins. <paramref name="source"/> names where it came from for messages
    /// ("annexa.xlsx, sheet List_3" or "referrals.csv"). Returns null to skip the list's rows.
    /// </summary>
    IAnnexARowSink? BeginList(AnnexAList list, IReadOnlyList<string> headers, string source);
}

public interface IAnnexARowSink
{
    /// <summary>
    /// One data row. <paramref name="rowNumber"/> is the row's number as the user sees it in
    /// the file (spreadsheet row number, or CSV line counting the header as 1).
    /// </summary>
    void Row(int rowNumber, IAnnexARow row);

    /// <summary>The list has no more rows.</summary>
    void End();
}
