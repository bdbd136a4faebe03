using Microsoft.EntityFrameworkCore;
using Trellis.Core.Data;
using Trellis.Core.People;

namespace Trellis.Core.Interchange;

/// <summary>What an import stored, or the problems that stopped it (then nothing was stored).</summary>
public sealed record ImportResult
{
    public int? PlanId { get; init; }
    public int Areas { get; init; }
    public int Actions { get; init; }

    /// <summary>The document's people: all of them are the new plan's key leads.</summary>
    public int People { get; init; }

    /// <summary>Of <see cref="People"/>, those new to the organisation (the rest were matched by name and initials).</summary>
    public int PeopleCreated { get; init; }

    public int Indicators { get; init; }

    // What an update of an existing plan did (PlanUpdater.ApplyAsync); all zero for a new plan.
    public int AreasAdded { get; init; }
    public int AreasUpdated { get; init; }
    public int ActionsAdded { get; init; }
    public int ActionsUpdated { get; init; }

    /// <summary>Fields the file changed and Trellis had not: taken from the file without asking.</summary>
    public int ChangesApplied { get; init; }

    public int ConflictsKeptTrellis { get; init; }
    public int ConflictsTookFile { get; init; }
    public int MonitoringAdded { get; init; }
    public int IndicatorsAdded { get; init; }
    public int IndicatorValuesAdded { get; init; }
    public int KeyLeadsAdded { get; init; }

    public List<InterchangeProblem> Problems { get; init; } = [];

    public bool Succeeded => PlanId is not null;

    public static ImportResult Failed(IEnumerable<InterchangeProblem> problems) => new() { Problems = [.. problems] };
}

/// <summary>
/// Stores an interchange document as a new plan of an organisation, all or nothing. Every importer (JSON, Word, ...)
/// ends here. The document's text, dates and precisions are kept as given; only a due date without a precision is
/// read from its text, as a Word cell would be.
/// </summary>
/// <remarks>
/// Importing a newer version of a plan into an existing one is <see cref="PlanUpdater"/>'s job; it reuses
/// <see cref="ResolvePeopleAsync"/> and the builder's per-part methods.
/// </remarks>
public sealed class PlanImporter(TrellisDbContext db, TimeProvider clock)
{
    public Task<ImportResult> ImportAsync(int organisationId, PlanDocument document, CancellationToken cancellationToken = default) =>
        ImportAsync(organisationId, document, UnnamedSource, cancellationToken);

    /// <summary>Stores the document as a new plan and remembers it (from <paramref name="sourceName"/>) as the plan's first import.</summary>
    public async Task<ImportResult> ImportAsync(int organisationId, PlanDocument document, string sourceName, CancellationToken cancellationToken = default)
    {
        var problems = PlanDocumentValidator.Validate(document);
        if (problems.Count > 0)
        {
            return ImportResult.Failed(problems);
        }

        if (!await db.Organisations.AnyAsync(o => o.Id == organisationId, cancellationToken))
        {
            return ImportResult.Failed([new InterchangeProblem("$.organisation", "the organisation to import into does not exist")]);
        }

        // Join a transaction the caller started (the CLI creates the organisation in one), else start our own.
        await using var transaction = db.Database.CurrentTransaction is null
            ? await db.Database.BeginTransactionAsync(cancellationToken)
            : null;
        var people = await ResolvePeopleAsync(organisationId, document.People ?? [], cancellationToken);

        // The plan is built in memory first and added in one go, so a problem found while building leaves the
        // context untouched and nothing is stored.
        var builder = new PlanBuilder(document, people, clock.GetUtcNow());
        var plan = builder.Build(organisationId);
        if (builder.Problems.Count > 0)
        {
            return ImportResult.Failed(builder.Problems);
        }

        // New people have no id until they are saved.
        var created = people.Values.Count(p => p.Id == 0);
        db.Plans.Add(plan);
        try
        {
            await db.SaveChangesAsync(cancellationToken);

            // The document as it came in is the common ancestor when a newer version of the plan is imported later.
            db.PlanImportRecords.Add(Record(plan.Id, document, sourceName, clock.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }
        catch
        {
            // The transaction rolls back as it is disposed; forget the half-saved graph so the context can be used again.
            foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State != EntityState.Unchanged).ToList())
            {
                entry.State = EntityState.Detached;
            }

            throw;
        }

        return new ImportResult
        {
            PlanId = plan.Id,
            Areas = plan.Areas.Count,
            Actions = plan.Areas.Sum(a => a.Actions.Count),
            People = people.Count,
            PeopleCreated = created,
            Indicators = plan.Indicators.Count,
        };
    }

    internal const string UnnamedSource = "(unnamed document)";

    internal static PlanImportRecord Record(int planId, PlanDocument document, string sourceName, DateTimeOffset now) => new()
    {
        PlanId = planId,
        ImportedAt = now,
        SourceName = Truncate(string.IsNullOrWhiteSpace(sourceName) ? UnnamedSource : sourceName.Trim(), PlanImportRecord.SourceNameMaxLength),
        DocumentJson = PlanJson.Write(document),
    };

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];

    /// <summary>
    /// The document's people as the organisation's: someone with exactly the same name and initials is the same person
    /// (job title too, for someone with neither); anyone else is new. Each existing person stands for one document person.
    /// </summary>
    public async Task<Dictionary<string, Person>> ResolvePeopleAsync(int organisationId, IReadOnlyList<PersonDoc> people, CancellationToken cancellationToken = default)
    {
        var existing = await db.People.Where(p => p.OrganisationId == organisationId).OrderBy(p => p.Id).ToListAsync(cancellationToken);
        var claimed = new HashSet<int>();
        var resolved = new Dictionary<string, Person>(StringComparer.Ordinal);
        foreach (var doc in people)
        {
            var initials = DocText.Blank(doc.Initials);
            var name = DocText.Blank(doc.Name);
            var jobTitle = DocText.Blank(doc.JobTitle);
            var match = existing.FirstOrDefault(p => !claimed.Contains(p.Id)
                && p.Name == name && p.Initials == initials
                && (name is not null || initials is not null || p.JobTitle == jobTitle));
            if (match is not null)
            {
                claimed.Add(match.Id);
            }

            resolved[doc.Id.Trim()] = match ?? new Person
            {
                OrganisationId = organisationId,
                Initials = initials,
                Name = name,
                JobTitle = jobTitle,
                Agency = DocText.Blank(doc.Agency),
                Warnings = DocText.Clean(doc.Warnings),
            };
        }

        return resolved;
    }
}
