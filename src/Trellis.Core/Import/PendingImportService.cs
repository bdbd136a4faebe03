using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Trellis.Core.Data;
using Trellis.Core.Interchange;

namespace Trellis.Core.Import;

/// <summary>A pending import as the review pages need it: the document without the file's bytes.</summary>
public sealed record PendingImportView(Guid Id, string SourceName, DateTime CreatedAt, PlanDocument? Document, int? TargetPlanId, int? ImportedPlanId)
{
    public bool IsConfirmed => ImportedPlanId is not null;
}

/// <summary>What pressing "Confirm" did: stored a plan, found it had been stored already, or found problems.</summary>
public sealed record ConfirmedImport(int? PlanId, bool AlreadyConfirmed, ImportResult? Import)
{
    /// <summary>Whether an existing plan was updated, rather than a new one made.</summary>
    public bool Updated { get; init; }

    public IReadOnlyList<InterchangeProblem> Problems => Import?.Problems ?? [];
}

/// <summary>
/// Keeps an uploaded plan between upload and confirmation, scoped to its organisation: create, read, save an edited
/// document (which must still be a valid one), discard, confirm (once), and forget what nobody confirmed in a week.
/// </summary>
public sealed class PendingImportService(TrellisDbContext db, PlanImporter importer, PlanUpdater updater, TimeProvider clock)
{
    public async Task<Guid> CreateAsync(int organisationId, string sourceName, PlanDocument document, byte[]? fileBytes, CancellationToken cancellationToken = default)
    {
        await DeleteExpiredAsync(cancellationToken);
        var name = Path.GetFileName(sourceName.Trim());
        var pending = new PendingImport
        {
            Id = Guid.NewGuid(),
            OrganisationId = organisationId,
            SourceName = name.Length > PendingImport.SourceNameMaxLength ? name[..PendingImport.SourceNameMaxLength] : name,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            DocumentJson = PlanJson.Write(document),
            FileBytes = fileBytes,
        };
        db.PendingImports.Add(pending);
        await db.SaveChangesAsync(cancellationToken);
        return pending.Id;
    }

    /// <summary>The pending import, or null when it does not exist or belongs to another organisation.</summary>
    public async Task<PendingImportView?> GetAsync(int organisationId, Guid id, CancellationToken cancellationToken = default)
    {
        var row = await db.PendingImports.AsNoTracking()
            .Where(p => p.Id == id && p.OrganisationId == organisationId)
            .Select(p => new { p.Id, p.SourceName, p.CreatedAt, p.DocumentJson, p.TargetPlanId, p.ImportedPlanId })
            .FirstOrDefaultAsync(cancellationToken);
        return row is null
            ? null
            : new PendingImportView(row.Id, row.SourceName, row.CreatedAt, row.ImportedPlanId is null ? ReadDocument(row.DocumentJson) : null, row.TargetPlanId, row.ImportedPlanId);
    }

    /// <summary>The file as uploaded, for reading it again.</summary>
    public Task<byte[]?> FileAsync(int organisationId, Guid id, CancellationToken cancellationToken = default) =>
        db.PendingImports.Where(p => p.Id == id && p.OrganisationId == organisationId).Select(p => p.FileBytes).FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// Replaces the document with an edited one. Null when there is no such pending import (or it was confirmed);
    /// otherwise the problems that stopped the save, empty when it was saved.
    /// </summary>
    public async Task<List<InterchangeProblem>?> SaveDocumentAsync(int organisationId, Guid id, PlanDocument document, CancellationToken cancellationToken = default)
    {
        var problems = PlanDocumentValidator.Validate(document);
        if (problems.Count > 0)
        {
            return await db.PendingImports.AnyAsync(p => p.Id == id && p.OrganisationId == organisationId && p.ImportedPlanId == null, cancellationToken)
                ? problems
                : null;
        }

        var json = PlanJson.Write(document);
        var saved = await db.PendingImports
            .Where(p => p.Id == id && p.OrganisationId == organisationId && p.ImportedPlanId == null)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.DocumentJson, json), cancellationToken);
        return saved == 0 ? null : [];
    }

    /// <summary>Whether confirming creates a new plan (null) or updates one of the organisation's plans. False when not found.</summary>
    public async Task<bool> SetTargetAsync(int organisationId, Guid id, int? planId, CancellationToken cancellationToken = default)
    {
        if (planId is { } target && !await db.Plans.AnyAsync(p => p.Id == target && p.OrganisationId == organisationId, cancellationToken))
        {
            return false;
        }

        return await db.PendingImports
            .Where(p => p.Id == id && p.OrganisationId == organisationId && p.ImportedPlanId == null)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.TargetPlanId, planId), cancellationToken) > 0;
    }

    /// <summary>Forgets an import nobody wants. False when there was nothing to discard.</summary>
    public async Task<bool> DiscardAsync(int organisationId, Guid id, CancellationToken cancellationToken = default) =>
        await db.PendingImports
            .Where(p => p.Id == id && p.OrganisationId == organisationId && p.ImportedPlanId == null)
            .ExecuteDeleteAsync(cancellationToken) > 0;

    /// <summary>
    /// Stores the document as a new plan, or into the plan it updates (taking the file's value for the conflicts named in
    /// <paramref name="takeFromFile"/>), in one transaction with marking the import confirmed, so that a second
    /// confirmation (a double click, the back button) finds the plan already made instead of making another.
    /// Null when there is no such pending import.
    /// </summary>
    public async Task<ConfirmedImport?> ConfirmAsync(int organisationId, Guid id, IReadOnlySet<string>? takeFromFile = null, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // Claim the import first: a concurrent confirmation waits here and then finds it claimed.
        var claimed = await db.PendingImports
            .Where(p => p.Id == id && p.OrganisationId == organisationId && p.ImportedPlanId == null)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.ImportedPlanId, 0), cancellationToken);
        if (claimed == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            var done = await db.PendingImports.AsNoTracking()
                .Where(p => p.Id == id && p.OrganisationId == organisationId)
                .Select(p => p.ImportedPlanId)
                .FirstOrDefaultAsync(cancellationToken);
            return done is null ? null : new ConfirmedImport(done, AlreadyConfirmed: true, Import: null);
        }

        var pending = await db.PendingImports.Where(p => p.Id == id).Select(p => new { p.DocumentJson, p.SourceName, p.TargetPlanId }).FirstAsync(cancellationToken);
        var document = ReadDocument(pending.DocumentJson);
        var result = pending.TargetPlanId is { } planId
            ? await updater.ApplyAsync(organisationId, planId, document, takeFromFile ?? new HashSet<string>(), pending.SourceName, cancellationToken)
            : await importer.ImportAsync(organisationId, document, pending.SourceName, cancellationToken);
        if (!result.Succeeded)
        {
            await transaction.RollbackAsync(cancellationToken);
            return new ConfirmedImport(null, AlreadyConfirmed: false, result);
        }

        // The receipt keeps no names or commentary: the plan holds them now.
        await db.PendingImports.Where(p => p.Id == id)
            .ExecuteUpdateAsync(
                s => s.SetProperty(p => p.ImportedPlanId, result.PlanId).SetProperty(p => p.DocumentJson, string.Empty).SetProperty(p => p.FileBytes, (byte[]?)null),
                cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ConfirmedImport(result.PlanId, AlreadyConfirmed: false, result) { Updated = pending.TargetPlanId is not null };
    }

    /// <summary>Deletes pending imports (and receipts) older than <see cref="PendingImport.KeptFor"/>.</summary>
    public Task<int> DeleteExpiredAsync(CancellationToken cancellationToken = default)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime - PendingImport.KeptFor;
        return db.PendingImports.Where(p => p.CreatedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>A stored document. It was valid when saved, so it is read without the strict checks of an upload.</summary>
    public static PlanDocument ReadDocument(string json) =>
        JsonSerializer.Deserialize<PlanDocument>(json, PlanJson.Options)
            ?? throw new InvalidOperationException("A pending import holds no document");
}
