using System.Buffers;
using System.Text;

namespace Trellis.Core.AnnexA;

/// <summary>
/// A streaming CSV parser of our own (RFC 4180 and what spreadsheets write): quoted fields, doubled quotes, newlines
/// inside quotes, CRLF or LF, a UTF-8 byte order mark. Reads a block at a time into one buffer and puts each record's
/// fields into a reused <see cref="AnnexARowBuffer"/>, so memory stays bounded however long the file is and nothing is
/// allocated per cell.
/// </summary>
internal sealed class AnnexACsvParser : IDisposable
{
    private static readonly SearchValues<char> Specials = SearchValues.Create(",\"\r\n");

    private readonly TextReader _reader;
    private readonly char[] _buffer = new char[64 * 1024];
    private int _position;
    private int _length;
    private bool _endOfFile;
    private bool _skipLineFeed;

    public AnnexACsvParser(Stream stream)
    {
        _reader = new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: false), detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024);
    }

    /// <summary>The number of the record last read, counting from 1 (the row a spreadsheet shows it on).</summary>
    public int RecordNumber { get; private set; }

    /// <summary>Reads the next record into the row; false at the end of the file.</summary>
    public bool Read(AnnexARowBuffer row)
    {
        row.Clear();
        row.Limit(int.MaxValue);
        if (!Fill())
        {
            return false;
        }

        RecordNumber++;
        var column = 0;
        row.BeginField(column);
        var inQuotes = false;
        var afterQuote = false;
        var fieldStarted = false;
        while (true)
        {
            if (_position == _length && !Fill())
            {
                row.EndField(column);
                return true;
            }

            if (inQuotes)
            {
                var span = _buffer.AsSpan(_position, _length - _position);
                var quote = span.IndexOf('"');
                if (quote < 0)
                {
                    row.Append(span);
                    _position = _length;
                    continue;
                }

                row.Append(span[..quote]);
                _position += quote + 1;
                inQuotes = false;
                afterQuote = true;
                continue;
            }

            var c = _buffer[_position];
            if (afterQuote)
            {
                afterQuote = false;
                if (c == '"')
                {
                    // A doubled quote inside a quoted field is one quote.
                    row.Append('"');
                    _position++;
                    inQuotes = true;
                    continue;
                }
            }

            if (c == '"' && !fieldStarted)
            {
                fieldStarted = true;
                inQuotes = true;
                _position++;
                continue;
            }

            if (c == ',')
            {
                row.EndField(column);
                row.BeginField(++column);
                fieldStarted = false;
                _position++;
                continue;
            }

            if (c is '\r' or '\n')
            {
                _skipLineFeed = c == '\r';
                _position++;
                row.EndField(column);
                return true;
            }

            // A run of plain characters, copied at once.
            var rest = _buffer.AsSpan(_position, _length - _position);
            var next = rest.IndexOfAny(Specials);
            var run = next < 0 ? rest : rest[..next];
            if (run.IsEmpty)
            {
                // A quote in the middle of an unquoted field is kept as written.
                row.Append(c);
                _position++;
            }
            else
            {
                row.Append(run);
                _position += run.Length;
            }

            fieldStarted = true;
        }
    }

    /// <summary>Makes sure a character is waiting (after skipping a CRLF's LF); false at the end.</summary>
    private bool Fill()
    {
        while (true)
        {
            if (_position == _length)
            {
                if (_endOfFile)
                {
                    return false;
                }

                _length = _reader.Read(_buffer, 0, _buffer.Length);
                _position = 0;
                if (_length == 0)
                {
                    _endOfFile = true;
                    return false;
                }
            }

            if (_skipLineFeed)
            {
                _skipLineFeed = false;
                if (_buffer[_position] == '\n')
                {
                    _position++;
                    continue;
                }
            }

            return true;
        }
    }

    public void Dispose() => _reader.Dispose();
}
