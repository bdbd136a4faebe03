using Trellis.Indicators.AnnexA;

namespace Trellis.Core.AnnexA;

/// <summary>
/// Reads Annex A lists from an .xlsx workbook, a .csv file, or a folder of them (one list per .csv), pushing each list
/// it recognises by its headers into the receiver, whatever the sheet or file is called.
/// </summary>
public static class AnnexAReader
{
    public static bool CanRead(string path) =>
        Directory.Exists(path) || IsWorkbook(path) || IsCsv(path);

    /// <summary>Reads everything at the path; throws <see cref="AnnexAReadException"/> naming the file when it cannot be read.</summary>
    public static AnnexAReadLog Read(string path, IAnnexAReceiver receiver, CancellationToken cancellationToken = default) =>
        Read(path, receiver, new AnnexAReadLog(), cancellationToken);

    /// <summary>Reads into a log the caller holds (a validator reads the log as the lists arrive).</summary>
    public static AnnexAReadLog Read(string path, IAnnexAReceiver receiver, AnnexAReadLog log, CancellationToken cancellationToken = default)
    {
        if (Directory.Exists(path))
        {
            var files = Directory.EnumerateFiles(path)
                .Where(f => IsCsv(f) || IsWorkbook(f))
                .Order(StringComparer.Ordinal)
                .ToList();
            if (files.Count == 0)
            {
                throw new AnnexAReadException($"'{path}' holds no .csv or .xlsx files");
            }

            foreach (var file in files)
            {
                ReadFile(file, receiver, log, cancellationToken);
            }

            return log;
        }

        if (!File.Exists(path))
        {
            throw new AnnexAReadException($"'{path}': no such file or folder");
        }

        if (!IsWorkbook(path) && !IsCsv(path))
        {
            throw new AnnexAReadException($"'{Path.GetFileName(path)}': Trellis reads Annex A from an .xlsx workbook, a .csv file, or a folder of .csv files");
        }

        ReadFile(path, receiver, log, cancellationToken);
        return log;
    }

    private static void ReadFile(string path, IAnnexAReceiver receiver, AnnexAReadLog log, CancellationToken cancellationToken)
    {
        if (IsWorkbook(path))
        {
            AnnexAXlsxReader.Read(path, receiver, log, cancellationToken);
            return;
        }

        ReadCsv(path, receiver, log, cancellationToken);
    }

    private static void ReadCsv(string path, IAnnexAReceiver receiver, AnnexAReadLog log, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(path);
        Stream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        }
        catch (IOException e)
        {
            throw new AnnexAReadException($"'{name}' could not be opened ({e.GetType().Name})");
        }
        catch (UnauthorizedAccessException)
        {
            throw new AnnexAReadException($"'{name}' could not be opened: permission denied");
        }

        using var parser = new AnnexACsvParser(stream);
        var row = new AnnexARowBuffer();
        var feeder = new AnnexAListFeeder(receiver, log, name, null);
        while (!feeder.Done && parser.Read(row))
        {
            feeder.Row(parser.RecordNumber, row);
            if ((parser.RecordNumber & 0x3FFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }

        feeder.End();
    }

    private static bool IsWorkbook(string path) => path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);

    private static bool IsCsv(string path) => path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);
}
