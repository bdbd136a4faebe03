using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Trellis.Core.Dates;
using Trellis.Indicators.AnnexA;

namespace Trellis.Core.AnnexA.Store;

/// <summary>One held row as a case-data reader sees it: the key (hashed id and key dates) and the engine's columns.</summary>
public sealed record AnnexACaseRowView(string Key, IReadOnlyDictionary<string, string> Values, DateOnly LastSeenExtract);

/// <summary>What a purge did (or would do).</summary>
public sealed record AnnexAPurgeResult(DateOnly Cutoff, int RetentionMonths, int Rows, bool DryRun);

/// <summary>
/// Case-level access and retention. Viewing held rows needs <see cref="Accounts.TrellisUser.CanReadCaseData"/> and
/// every view is logged (who, when, which list, how many rows; never values). Rows not seen in an extract for the
/// retention period are deleted, and the purge is audited as counts.
/// </summary>
public sealed class AnnexACaseData(Data.TrellisDbContext db, TimeProvider clock)
{
    public const int DefaultRetentionMonths = 36;
    public const string RetentionSetting = "Trellis:AnnexA:RetentionMonths";

    /// <summary>Up to <paramref name="take"/> held rows of a list; null when the user may not read case data.</summary>
    public async Task<IReadOnlyList<AnnexACaseRowView>?> ReadAsync(int organisationId, string userId, AnnexAList list, int take, CancellationToken ct = default)
    {
        var allowed = await db.Users.AnyAsync(u => u.Id == userId && u.OrganisationId == organisationId && u.CanReadCaseData, ct);
        if (!allowed)
        {
            return null;
        }

        var rows = await db.AnnexACaseRows.AsNoTracking()
            .Where(r => r.OrganisationId == organisationId && r.List == (int)list)
            .OrderBy(r => r.Key).Take(take)
            .Select(r => new { r.Key, r.Cells, r.LastSeenExtract })
            .ToListAsync(ct);
        var columns = AnnexARowKeys.UsedColumns(list);
        var views = rows.Select(r =>
        {
            var cells = JsonSerializer.Deserialize<string[]>(r.Cells) ?? [];
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < columns.Count; i++)
            {
                values[columns[i]] = i < cells.Length ? Show(cells[i]) : string.Empty;
            }

            return new AnnexACaseRowView(r.Key, values, r.LastSeenExtract);
        }).ToList();

        db.AnnexACaseReads.Add(new AnnexACaseRead { OrganisationId = organisationId, UserId = userId, At = clock.GetUtcNow(), What = $"{list.Title()}, first {take} rows by key", Rows = views.Count });
        await db.SaveChangesAsync(ct);
        return views;
    }

    /// <summary>Deletes rows whose latest extract is older than the retention period (counts them only, when a dry run).</summary>
    public async Task<AnnexAPurgeResult> PurgeAsync(int organisationId, int retentionMonths, bool dryRun, CancellationToken ct = default)
    {
        if (retentionMonths < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(retentionMonths), $"{RetentionSetting} must be at least 1 month");
        }

        var cutoff = clock.Today().AddMonths(-retentionMonths);
        var old = db.AnnexACaseRows.Where(r => r.OrganisationId == organisationId && r.LastSeenExtract < cutoff);
        if (dryRun)
        {
            return new AnnexAPurgeResult(cutoff, retentionMonths, await old.CountAsync(ct), true);
        }

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var deleted = await old.ExecuteDeleteAsync(ct);
            if (deleted > 0)
            {
                db.AnnexAPurges.Add(new AnnexAPurge { OrganisationId = organisationId, At = clock.GetUtcNow(), Cutoff = cutoff, RetentionMonths = retentionMonths, RowsDeleted = deleted });
                await db.SaveChangesAsync(ct);
            }

            await transaction.CommitAsync(ct);
            return new AnnexAPurgeResult(cutoff, retentionMonths, deleted, false);
        });
    }

    private static string Show(string cell) => cell.Length == 0 ? string.Empty : cell[0] switch
    {
        'd' when double.TryParse(cell.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture, out var serial) && AnnexACells.TryFromSerial(serial, out var date)
            => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        _ => cell[1..],
    };
}
