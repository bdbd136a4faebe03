using Trellis.Indicators.AnnexA;

namespace Trellis.Core.AnnexA;

/// <summary>
/// Takes one sheet's (or file's) rows in order, finds the header row among the first rows (titles and blank rows may
/// come first), says which list it is, and pushes the data rows to the receiver. All-blank rows are not pushed.
/// </summary>
internal sealed class AnnexAListFeeder(IAnnexAReceiver receiver, AnnexAReadLog log, string file, string? sheet)
{
    /// <summary>How many non-blank rows may come before the headers.</summary>
    public const int HeaderSearchRows = 30;

    private int _rowsSeen;
    private IAnnexARowSink? _sink;
    private AnnexAFoundList? _found;

    /// <summary>True once the rest of the sheet need not be read: it is not a list, or its list is not wanted.</summary>
    public bool Done { get; private set; }

    public void Row(int rowNumber, AnnexARowBuffer row)
    {
        if (Done)
        {
            return;
        }

        if (_found is not null)
        {
            row.Limit(_found.FileHeaders.Count);
            if (!row.IsBlank())
            {
                _found.Rows++;
                _sink!.Row(rowNumber, row);
            }

            return;
        }

        if (row.IsBlank())
        {
            return;
        }

        if (++_rowsSeen > HeaderSearchRows)
        {
            Skip($"no list's headers in its first {HeaderSearchRows} rows");
            return;
        }

        var headers = new string[row.Count];
        for (var i = 0; i < headers.Length; i++)
        {
            headers[i] = row.TextString(i).Trim();
        }

        if (AnnexAHeaders.Identify(headers) is not { } list)
        {
            return;
        }

        var width = Array.FindLastIndex(headers, h => h.Length > 0) + 1;
        headers = headers[..width];
        if (log.Found.FirstOrDefault(f => f.List == list) is { } earlier)
        {
            Skip($"its headers are {list.Title()}'s, which was already read from {earlier.Source}; this copy was not read");
            return;
        }

        var columns = AnnexAHeaders.MatchAll(list, headers);
        _found = new AnnexAFoundList(list, file, sheet, rowNumber, headers, columns);
        log.Found.Add(_found);
        log.Current = _found;
        var given = headers.Select((h, i) => columns[i] ?? h).ToArray();
        _sink = receiver.BeginList(list, given, _found.Source);
        Done = _sink is null;
    }

    /// <summary>The sheet ended.</summary>
    public void End()
    {
        if (_found is null && !Done)
        {
            Skip(_rowsSeen == 0 ? "it is empty" : "none of its rows are a list's headers");
        }

        _sink?.End();
        _sink = null;
        log.Current = null;
    }

    private void Skip(string reason)
    {
        log.Skipped.Add(new AnnexASkippedPart(file, sheet, reason));
        Done = true;
    }
}
