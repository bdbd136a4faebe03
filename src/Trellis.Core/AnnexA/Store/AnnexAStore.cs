using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Trellis.Core.Data;
using Trellis.Core.Dates;
using Trellis.Indicators.AnnexA;

namespace Trellis.Core.AnnexA.Store;

/// <summary>What loading a file would do (preview) or did (accept), list by list.</summary>
public sealed record AnnexALoadResult(
    string FileName,
    string Sha256,
    AnnexAValidationReport Report,
    IReadOnlyList<AnnexALoadListCounts> Lists,
    DateOnly? CoverageFrom,
    DateOnly? CoverageTo,
    DateOnly ExtractDate,
    bool Stored,
    int? UploadId,
    int? AlreadyLoadedAs)
{
    public int New => Lists.Sum(l => l.New);

    public int AlreadyHeld => Lists.Sum(l => l.AlreadyHeld);

    public int Replaced => Lists.Sum(l => l.Replaced);
}

/// <summary>
/// What the user says the extract covers, when they know better than its dates: the first day of its scope (Annex A's
/// six months start on a weekend day that holds no contact) and its extract date.
/// </summary>
public sealed record AnnexAExtractDates(DateOnly? CoversFrom = null, DateOnly? ExtractDate = null);

public sealed record AnnexALoadListCounts(AnnexAList List, int Read, int New, int AlreadyHeld, int Replaced, int NotStored);

/// <summary>The held data, ready for the engine, and what it spans.</summary>
public sealed record AnnexAHeld(AnnexAData Data, DateOnly? HeldFrom, DateOnly? HeldTo, AnnexAUpload? Latest, int Rows);

/// <summary>
/// An organisation's accumulated Annex A history. Accepting a file reads it through the validator and the protector
/// (so only hashed ids, month-of-birth dates and postcode sectors arrive here), keeps one row per list key (a later
/// extract's row wins), and writes the upload's summary and every row change in one transaction. Rows are written with
/// batched SQL, not tracked entities: they never reach the audit trail, which records the upload's summary instead.
/// The held rows go back to the engine through <see cref="IAnnexAReceiver"/>, so the engine knows nothing of the database.
/// </summary>
public sealed class AnnexAStore(TrellisDbContext db, TimeProvider clock)
{
    private const int InsertBatch = 1000;
    private const string Rows = "\"AnnexACaseRows\"";

    /// <summary>Reads, protects and compares a file with what is held; stores nothing.</summary>
    public Task<AnnexALoadResult> PreviewAsync(int organisationId, string path, byte[] key, AnnexAExtractDates? dates = null, CancellationToken ct = default) =>
        LoadAsync(organisationId, path, key, null, dates, ct);

    /// <summary>Reads, protects and stores a file, whole or nothing. The same file again (same SHA-256) adds nothing.</summary>
    public Task<AnnexALoadResult> AcceptAsync(int organisationId, string path, byte[] key, string uploadedBy, AnnexAExtractDates? dates = null, CancellationToken ct = default) =>
        LoadAsync(organisationId, path, key, uploadedBy, dates, ct);

    private async Task<AnnexALoadResult> LoadAsync(int organisationId, string path, byte[] key, string? uploadedBy, AnnexAExtractDates? dates, CancellationToken ct)
    {
        var (sha, size) = await HashAsync(path, ct);
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(path));
        var collector = new AnnexAStoreCollector();
        var report = AnnexAValidator.Validate(path, new AnnexAProtector(collector, key), ct);
        if (!report.AnyListRead)
        {
            throw new AnnexAReadException($"'{name}': no Annex A list was found (no sheet or file has a list's headers)");
        }

        var from = dates?.CoversFrom ?? (collector.CoverageFrom is { } f ? DateOnly.FromDayNumber(f) : null);
        var to = collector.CoverageTo is { } t ? DateOnly.FromDayNumber(t) : (DateOnly?)null;
        var extract = dates?.ExtractDate ?? to ?? clock.Today();
        if (dates?.ExtractDate is { } given && from is not null)
        {
            to = to is { } observed && observed > given ? observed : given;
        }

        var earlier = await db.AnnexAUploads.AsNoTracking().Where(u => u.OrganisationId == organisationId && u.Sha256 == sha).Select(u => (int?)u.Id).FirstOrDefaultAsync(ct);
        if (earlier is not null)
        {
            var same = collector.Lists.Values.Select(l => new AnnexALoadListCounts(l.List, l.Read, 0, l.Rows.Count, 0, l.NotStored)).ToList();
            return new AnnexALoadResult(name, sha, report, same, from, to, extract, false, null, earlier);
        }

        var held = await HeldKeysAsync(organisationId, ct);
        var plan = new List<(AnnexAStoreCollector.ListRows Rows, List<int> New, List<(long Id, int Row)> Replace, List<long> Touch)>();
        foreach (var list in collector.Lists.Values.OrderBy(l => l.List))
        {
            var entry = (list, new List<int>(), new List<(long, int)>(), new List<long>());
            for (var i = 0; i < list.Rows.Count; i++)
            {
                var row = list.Rows[i];
                if (!held.TryGetValue(((int)list.List, row.Key), out var h))
                {
                    entry.Item2.Add(i);
                }
                else if (h.Hash == Fnv(row.Cells))
                {
                    entry.Item4.Add(h.Id);
                }
                else if (h.ValuesExtract <= extract)
                {
                    entry.Item3.Add((h.Id, i));
                }
                else
                {
                    // The store already holds this record from a later extract: that one stays.
                    entry.Item4.Add(h.Id);
                }
            }

            plan.Add(entry);
        }

        var counts = plan.Select(p => new AnnexALoadListCounts(p.Rows.List, p.Rows.Read, p.New.Count, p.Touch.Count, p.Replace.Count, p.Rows.NotStored)).ToList();
        if (uploadedBy is null)
        {
            return new AnnexALoadResult(name, sha, report, counts, from, to, extract, false, null, null);
        }

        var strategy = db.Database.CreateExecutionStrategy();
        var uploadId = await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var upload = new AnnexAUpload
            {
                OrganisationId = organisationId,
                FileName = name.Length > AnnexAUpload.FileNameMaxLength ? name[..AnnexAUpload.FileNameMaxLength] : name,
                Sha256 = sha,
                SizeBytes = size,
                ExtractDate = extract,
                CoverageFrom = from,
                CoverageTo = to,
                UploadedBy = uploadedBy.Length > AnnexAUpload.ByMaxLength ? uploadedBy[..AnnexAUpload.ByMaxLength] : uploadedBy,
                UploadedAt = clock.GetUtcNow(),
                Lists = [.. plan.Select(p => new AnnexAUploadList
                {
                    List = (int)p.Rows.List,
                    Read = p.Rows.Read,
                    New = p.New.Count,
                    AlreadyHeld = p.Touch.Count,
                    Replaced = p.Replace.Count,
                    NotStored = p.Rows.NotStored,
                    PresentColumns = p.Rows.PresentText,
                })],
            };
            db.AnnexAUploads.Add(upload);
            await db.SaveChangesAsync(ct);

            foreach (var (rows, added, replace, touch) in plan)
            {
                await InsertAsync(organisationId, upload.Id, extract, rows, added, ct);
                await ReplaceAsync(upload.Id, extract, rows, replace, ct);
                await TouchAsync(upload.Id, extract, touch, ct);
            }

            await transaction.CommitAsync(ct);
            return upload.Id;
        });

        return new AnnexALoadResult(name, sha, report, counts, from, to, extract, true, uploadId, null);
    }

    private async Task InsertAsync(int organisationId, int uploadId, DateOnly extract, AnnexAStoreCollector.ListRows rows, List<int> added, CancellationToken ct)
    {
        for (var start = 0; start < added.Count; start += InsertBatch)
        {
            var count = Math.Min(InsertBatch, added.Count - start);
            var sql = new StringBuilder($"INSERT INTO {Rows} (\"OrganisationId\", \"List\", \"Key\", \"Cells\", \"RowNumber\", \"FirstSeenUploadId\", \"LastSeenUploadId\", \"ValuesUploadId\", \"ValuesExtract\", \"LastSeenExtract\") VALUES ");
            var parameters = new List<object> { organisationId, (int)rows.List, uploadId, extract };
            for (var i = 0; i < count; i++)
            {
                var row = rows.Rows[added[start + i]];
                var p = parameters.Count;
                sql.Append(i == 0 ? string.Empty : ", ").Append(CultureInfo.InvariantCulture, $"({{0}}, {{1}}, {{{p}}}, {{{p + 1}}}, {{{p + 2}}}, {{2}}, {{2}}, {{2}}, {{3}}, {{3}})");
                parameters.Add(row.Key);
                parameters.Add(row.Cells);
                parameters.Add(row.RowNumber);
            }

            await db.Database.ExecuteSqlRawAsync(sql.ToString(), parameters, ct);
        }
    }

    private async Task ReplaceAsync(int uploadId, DateOnly extract, AnnexAStoreCollector.ListRows rows, List<(long Id, int Row)> replace, CancellationToken ct)
    {
        for (var start = 0; start < replace.Count; start += InsertBatch)
        {
            var count = Math.Min(InsertBatch, replace.Count - start);
            var sql = new StringBuilder("WITH v(\"Id\", \"Cells\", \"RowNumber\") AS (VALUES ");
            var parameters = new List<object> { uploadId, extract };
            for (var i = 0; i < count; i++)
            {
                var (id, index) = replace[start + i];
                var p = parameters.Count;
                sql.Append(i == 0 ? string.Empty : ", ").Append(CultureInfo.InvariantCulture, $"({{{p}}}, {{{p + 1}}}, {{{p + 2}}})");
                parameters.Add(id);
                parameters.Add(rows.Rows[index].Cells);
                parameters.Add(rows.Rows[index].RowNumber);
            }

            sql.Append($") UPDATE {Rows} SET \"Cells\" = v.\"Cells\", \"RowNumber\" = v.\"RowNumber\", \"ValuesUploadId\" = {{0}}, \"LastSeenUploadId\" = {{0}}, \"ValuesExtract\" = {{1}}, ")
                .Append("\"LastSeenExtract\" = CASE WHEN \"LastSeenExtract\" < {1} THEN {1} ELSE \"LastSeenExtract\" END ")
                .Append($"FROM v WHERE {Rows}.\"Id\" = v.\"Id\"");
            await db.Database.ExecuteSqlRawAsync(sql.ToString(), parameters, ct);
        }
    }

    private async Task TouchAsync(int uploadId, DateOnly extract, List<long> touch, CancellationToken ct)
    {
        for (var start = 0; start < touch.Count; start += InsertBatch)
        {
            var count = Math.Min(InsertBatch, touch.Count - start);
            var parameters = new List<object> { uploadId, extract };
            var ids = new StringBuilder();
            for (var i = 0; i < count; i++)
            {
                ids.Append(i == 0 ? string.Empty : ", ").Append(CultureInfo.InvariantCulture, $"{{{parameters.Count}}}");
                parameters.Add(touch[start + i]);
            }

            var sql = $"UPDATE {Rows} SET \"LastSeenUploadId\" = {{0}}, \"LastSeenExtract\" = CASE WHEN \"LastSeenExtract\" < {{1}} THEN {{1}} ELSE \"LastSeenExtract\" END WHERE \"Id\" IN ({ids})";
            await db.Database.ExecuteSqlRawAsync(sql, parameters, ct);
        }
    }

    private async Task<Dictionary<(int List, string Key), (long Id, ulong Hash, DateOnly ValuesExtract)>> HeldKeysAsync(int organisationId, CancellationToken ct)
    {
        var held = new Dictionary<(int, string), (long, ulong, DateOnly)>();
        await foreach (var (id, list, key, cells, extract) in ReadAsync(
            $"SELECT \"Id\", \"List\", \"Key\", \"Cells\", \"ValuesExtract\" FROM {Rows} WHERE \"OrganisationId\" = @org", organisationId,
            r => (r.GetInt64(0), r.GetInt32(1), r.GetString(2), r.GetString(3), r.GetFieldValue<DateOnly>(4)), ct))
        {
            held[(list, key)] = (id, Fnv(cells), extract);
        }

        return held;
    }

    /// <summary>Streams a query's rows through the context's connection (and its transaction, if any).</summary>
    private async IAsyncEnumerable<T> ReadAsync<T>(string sql, int organisationId, Func<DbDataReader, T> read, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await db.Database.OpenConnectionAsync(ct);
        }

        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@org";
            parameter.Value = organisationId;
            command.Parameters.Add(parameter);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                yield return read(reader);
            }
        }
        finally
        {
            if (opened)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    /// <summary>
    /// Pushes every held row back through a receiver (an <see cref="AnnexADataBuilder"/>): per list, the rows of each
    /// upload as one "file" with that upload's columns, latest extract first, in sheet order.
    /// </summary>
    public async Task<AnnexAHeld> LoadHeldAsync(int organisationId, CancellationToken ct = default)
    {
        var uploads = await db.AnnexAUploads.AsNoTracking().Include(u => u.Lists).Where(u => u.OrganisationId == organisationId).ToListAsync(ct);
        var byId = uploads.ToDictionary(u => u.Id);
        var builder = new AnnexADataBuilder();
        var replay = new AnnexAReplayRow();
        IAnnexARowSink? sink = null;
        (int List, int Upload) current = (-1, -1);
        var count = 0;
        await foreach (var (list, uploadId, rowNumber, cells) in ReadAsync(
            $"SELECT \"List\", \"ValuesUploadId\", \"RowNumber\", \"Cells\" FROM {Rows} WHERE \"OrganisationId\" = @org ORDER BY \"List\", \"ValuesExtract\" DESC, \"ValuesUploadId\" DESC, \"RowNumber\"",
            organisationId, r => (r.GetInt32(0), r.GetInt32(1), r.GetInt32(2), r.GetString(3)), ct))
        {
            if ((list, uploadId) != current)
            {
                sink?.End();
                current = (list, uploadId);
                var upload = byId[uploadId];
                var present = upload.Lists.Find(l => l.List == list)?.PresentColumns ?? string.Empty;
                var columns = AnnexARowKeys.UsedColumns((AnnexAList)list);
                replay.Columns = [.. Enumerable.Range(0, columns.Count).Where(i => i < present.Length && present[i] == '1')];
                sink = builder.BeginList((AnnexAList)list, [.. replay.Columns.Select(i => columns[i])], upload.FileName);
            }

            replay.Set(cells);
            sink?.Row(rowNumber, replay);
            count++;
        }

        sink?.End();
        var (heldFrom, heldTo) = Span(uploads);
        var latest = uploads.OrderByDescending(u => u.ExtractDate).ThenByDescending(u => u.Id).FirstOrDefault();
        return new AnnexAHeld(builder.Build(), heldFrom, heldTo, latest, count);
    }

    /// <summary>
    /// The continuous run of coverage that ends with the latest: uploads' [from, to] joined while they overlap or touch.
    /// </summary>
    public static (DateOnly? From, DateOnly? To) Span(IEnumerable<AnnexAUpload> uploads)
    {
        var spans = uploads.Where(u => u.CoverageFrom is not null && u.CoverageTo is not null)
            .Select(u => (From: u.CoverageFrom!.Value, To: u.CoverageTo!.Value)).OrderByDescending(s => s.To).ToList();
        if (spans.Count == 0)
        {
            return (null, null);
        }

        var (from, to) = spans[0];
        foreach (var (f, t) in spans.Skip(1).OrderByDescending(s => s.From))
        {
            if (t.AddDays(1) >= from && f < from)
            {
                from = f;
            }
        }

        return (from, to);
    }

    /// <summary>SHA-256 of a file, or of each file's name and bytes in name order for a folder.</summary>
    public static async Task<(string Sha256, long Size)> HashAsync(string path, CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long size = 0;
        var files = Directory.Exists(path) ? Directory.EnumerateFiles(path).Order(StringComparer.Ordinal).ToList() : [path];
        if (!Directory.Exists(path) && !File.Exists(path))
        {
            throw new AnnexAReadException($"'{path}': no such file or folder");
        }

        var buffer = new byte[81920];
        foreach (var file in files)
        {
            if (Directory.Exists(path))
            {
                hash.AppendData(Encoding.UTF8.GetBytes(Path.GetFileName(file) + "\n"));
            }

            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan | FileOptions.Asynchronous);
            int read;
            while ((read = await stream.ReadAsync(buffer, ct)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                size += read;
            }
        }

        return (Convert.ToHexStringLower(hash.GetHashAndReset()), size);
    }

    /// <summary>FNV-1a over the cells' characters: compares a file's row with the held one without keeping the held text.</summary>
    internal static ulong Fnv(string text)
    {
        var h = 14695981039346656037UL;
        foreach (var c in text)
        {
            h = (h ^ c) * 1099511628211UL;
        }

        return h;
    }
}
