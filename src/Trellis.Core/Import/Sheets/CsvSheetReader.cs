using System.Text;

namespace Trellis.Core.Import.Sheets;

/// <summary>
/// Reads a CSV file as one sheet, streaming: RFC 4180 quoting (quoted fields may hold the delimiter, doubled quotes and
/// line breaks), a comma, semicolon or tab delimiter sniffed from the first lines, UTF-8 (with or without a byte order
/// mark, or UTF-16 with one) and Windows-1252 when the bytes are not UTF-8, as older Excel saves CSV. The row, cell and
/// size limits are checked as it reads, so a million-row or huge-cell file is refused without being held in memory.
/// </summary>
internal static class CsvSheetReader
{
    private const int SampleBytes = 64 * 1024;

    static CsvSheetReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static async Task<SheetGrid> ReadAsync(Stream stream, string name, CancellationToken cancellationToken)
    {
        var sample = new byte[SampleBytes];
        var length = 0;
        int read;
        while (length < sample.Length && (read = await stream.ReadAsync(sample.AsMemory(length), cancellationToken)) > 0)
        {
            length += read;
        }

        var head = sample.AsSpan(0, length);
        if (length == 0 || IsBlank(head))
        {
            throw new ImportFileException($"'{name}' is empty; there is nothing to import");
        }

        var encoding = DetectEncoding(head, out var preamble);
        if (encoding is null)
        {
            var looks = FileGuard.IsZip(head) ? "an Excel workbook or another Office file (a zip package); save it as CSV, or import it as .xlsx"
                : FileGuard.IsOle(head) ? "an old-format or password-protected Excel file; save it as CSV"
                : FileGuard.Describe(head) ?? "binary data";
            throw new ImportFileException($"'{name}' is not a CSV text file: it is {looks}; nothing was imported");
        }

        var sampleText = encoding.GetString(head[preamble..]);
        var delimiter = SniffDelimiter(sampleText);
        var all = new ConcatenatedStream(sample.AsMemory(preamble, length - preamble), stream);
        using var reader = new StreamReader(all, encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 16 * 1024);
        var sheet = Path.GetFileNameWithoutExtension(name);
        var rows = new List<SheetRow>();
        var cells = new List<string?>();
        var field = new StringBuilder();
        var quoted = false;
        var atFieldStart = true;
        var rowNumber = 1;
        long bytes = 0;
        var buffer = new char[16 * 1024];
        int count;
        var pendingCr = false;
        var justClosed = false;
        var totalCells = 0;

        void EndField()
        {
            if (cells.Count >= SheetLimits.MaxColumns)
            {
                throw new ImportFileException($"'{name}': row {rowNumber} has more than {SheetLimits.MaxColumns} columns; a plan has far fewer; nothing was imported");
            }

            cells.Add(field.Length == 0 ? null : field.ToString());
            field.Clear();
            atFieldStart = true;
            if (++totalCells > SheetLimits.MaxCells)
            {
                throw new ImportFileException($"'{name}' has more than {SheetLimits.MaxCells:N0} cells (reading stopped at row {rowNumber:N0}); nothing was imported");
            }
        }

        void EndRow()
        {
            EndField();
            if (cells.Exists(c => !string.IsNullOrWhiteSpace(c)))
            {
                if (rows.Count >= SheetLimits.MaxRows)
                {
                    throw new ImportFileException(
                        $"'{name}' has more than {SheetLimits.MaxRows:N0} rows (reading stopped at row {rowNumber:N0}); a plan is far smaller. Remove the extra rows and import it again; nothing was imported");
                }

                rows.Add(new SheetRow(rowNumber, [.. cells]));
            }

            cells.Clear();
            rowNumber++;
        }

        while ((count = await reader.ReadAsync(buffer, cancellationToken)) > 0)
        {
            bytes += count;
            if (bytes > FileGuard.MaxFileBytes)
            {
                throw new ImportFileException($"'{name}' is larger than {FileGuard.MaxFileBytes / (1024 * 1024)} MB, too large for a plan; nothing was imported");
            }

            for (var i = 0; i < count; i++)
            {
                var c = buffer[i];
                if (pendingCr)
                {
                    pendingCr = false;
                    if (c == '\n')
                    {
                        continue;
                    }
                }

                if (quoted)
                {
                    if (c == '"')
                    {
                        // Closes the quoted part, unless the next character is a quote too ("" is a quote).
                        quoted = false;
                        justClosed = true;
                        continue;
                    }

                    Append(c);
                    continue;
                }

                if (c == '"')
                {
                    if (justClosed)
                    {
                        Append('"');
                        quoted = true;
                    }
                    else if (atFieldStart)
                    {
                        quoted = true;
                        atFieldStart = false;
                    }
                    else
                    {
                        Append(c);
                    }

                    justClosed = false;
                    continue;
                }

                justClosed = false;
                if (c == delimiter)
                {
                    EndField();
                }
                else if (c is '\r' or '\n')
                {
                    pendingCr = c == '\r';
                    EndRow();
                }
                else
                {
                    atFieldStart = false;
                    Append(c);
                }
            }
        }

        if (field.Length > 0 || cells.Count > 0)
        {
            EndRow();
        }

        return new SheetGrid(sheet, false, rows);

        void Append(char c)
        {
            if (field.Length >= SheetLimits.MaxCellCharacters)
            {
                throw new ImportFileException(
                    $"'{name}': the cell in row {rowNumber:N0}, column {CellNames.Letter(cells.Count)} holds more than {SheetLimits.MaxCellCharacters:N0} characters, more than Excel allows in a cell; nothing was imported");
            }

            atFieldStart = false;
            field.Append(c);
        }
    }

    private static bool IsBlank(ReadOnlySpan<byte> head)
    {
        foreach (var b in head)
        {
            if (b is not ((byte)' ' or (byte)'\r' or (byte)'\n' or (byte)'\t' or 0xEF or 0xBB or 0xBF))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The text's encoding, or null when the bytes are not text at all (a NUL byte without a UTF-16 mark).</summary>
    private static Encoding? DetectEncoding(ReadOnlySpan<byte> head, out int preamble)
    {
        preamble = 0;
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            preamble = 3;
            return new UTF8Encoding(false);
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            preamble = 2;
            return Encoding.Unicode;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            preamble = 2;
            return Encoding.BigEndianUnicode;
        }

        if (head.Contains((byte)0))
        {
            return null;
        }

        // A multi-byte character may be cut at the end of the sample; judge what is whole.
        var whole = head.Length;
        for (var back = 1; back <= 3 && back <= head.Length; back++)
        {
            if ((head[^back] & 0xC0) == 0xC0)
            {
                whole = head.Length - back;
                break;
            }

            if ((head[^back] & 0x80) == 0)
            {
                break;
            }
        }

        try
        {
            _ = new UTF8Encoding(false, throwOnInvalidBytes: true).GetCharCount(head[..whole]);
            return new UTF8Encoding(false);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding(1252);
        }
    }

    /// <summary>Comma, semicolon or tab: the one that appears most, outside quotes, on the first lines.</summary>
    internal static char SniffDelimiter(string sample)
    {
        var counts = new Dictionary<char, int> { [','] = 0, [';'] = 0, ['\t'] = 0 };
        var quoted = false;
        var lines = 0;
        foreach (var c in sample)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && counts.TryGetValue(c, out var seen))
            {
                counts[c] = seen + 1;
            }
            else if (!quoted && c == '\n' && ++lines >= 20)
            {
                break;
            }
        }

        var best = counts.OrderByDescending(p => p.Value).First();
        return best.Value == 0 ? ',' : best.Key;
    }

    /// <summary>The sniffed first bytes, then the rest of the upload, read once.</summary>
    private sealed class ConcatenatedStream(ReadOnlyMemory<byte> first, Stream rest) : Stream
    {
        private ReadOnlyMemory<byte> _first = first;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (_first.Length > 0)
            {
                var n = Math.Min(buffer.Length, _first.Length);
                _first.Span[..n].CopyTo(buffer);
                _first = _first[n..];
                return n;
            }

            return rest.Read(buffer);
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_first.Length > 0)
            {
                return Read(buffer.Span);
            }

            return await rest.ReadAsync(buffer, cancellationToken);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
