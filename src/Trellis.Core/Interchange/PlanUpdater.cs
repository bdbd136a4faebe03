using Microsoft.EntityFrameworkCore;
using Trellis.Core.Data;
using Trellis.Core.People;
using Trellis.Core.Plans;

namespace Trellis.Core.Interchange;

/// <summary>
/// Imports a newer version of a plan into the plan Trellis already holds: areas and actions are matched, not
/// duplicated; what the file changed is taken, what people changed in Trellis is kept, and where both changed a field
/// the user chooses (Trellis's value unless told otherwise). Rules: docs/import-updates.md.
/// </summary>
/// <remarks>
/// The overloads that take an organisation find only that organisation's plans (the web app's); those without
/// speak for the whole installation (the command line's).
/// </remarks>
public sealed class PlanUpdater(TrellisDbContext db, TimeProvider clock, PlanImporter importer)
{
    /// <summary>The organisation's plans this file may be a newer version of, best first, each with the reason.</summary>
    public async Task<IReadOnlyList<PlanCandidate>> CandidatesAsync(int organisationId, PlanDocument incoming, CancellationToken ct = default)
    {
        var plans = await db.Plans.AsNoTracking().Where(p => p.OrganisationId == organisationId)
            .Select(p => new { p.Id, p.Title, p.Inspection, Areas = p.Areas.Select(a => a.Title).ToList() })
            .ToListAsync(ct);
        var planIds = plans.Select(p => p.Id).ToList();
        var records = await db.PlanImportRecords.AsNoTracking().Where(r => planIds.Contains(r.PlanId)).OrderBy(r => r.Id).ToListAsync(ct);

        var title = PlanMatcher.Normalise(incoming.Plan.Title);
        var areaTitles = incoming.Areas.Select(a => PlanMatcher.Normalise(a.Title)).Where(t => t.Length > 0).ToHashSet(StringComparer.Ordinal);
        var candidates = new List<PlanCandidate>();
        foreach (var plan in plans)
        {
            var reasons = new List<string>();
            var score = 0;
            var imports = records.Where(r => r.PlanId == plan.Id).ToList();
            var imported = imports.Select(r => PlanJson.Read(r.DocumentJson, r.SourceName).Document).OfType<PlanDocument>().ToList();
            if (PlanMatcher.Normalise(plan.Title) == title)
            {
                reasons.Add("has the same title");
                score += 4;
            }

            if (imports.Count > 0 && imported.Any(d => PlanMatcher.Normalise(d.Plan.Title) == title))
            {
                reasons.Add("was imported from a file with the same title");
                score += 3;
            }

            if (SameInspection(incoming.Inspection, plan.Inspection) || imported.Any(d => SameInspection(incoming.Inspection, d.Inspection)))
            {
                reasons.Add("answers the same inspection");
                score += 3;
            }

            var shared = plan.Areas.Count(a => areaTitles.Contains(PlanMatcher.Normalise(a)));
            if (shared > 0 && shared * 2 >= Math.Max(areaTitles.Count, 1))
            {
                reasons.Add($"shares {shared} of the file's {areaTitles.Count} area titles");
                score += 1;
            }

            if (score > 0)
            {
                var last = imports.LastOrDefault();
                candidates.Add(new PlanCandidate
                {
                    PlanId = plan.Id,
                    Title = plan.Title,
                    Reason = string.Join("; ", reasons),
                    Score = score,
                    LastImportedAt = last?.ImportedAt,
                    LastImportedFrom = last?.SourceName,
                });
            }
        }

        return [.. candidates.OrderByDescending(c => c.Score).ThenByDescending(c => c.PlanId)];
    }

    /// <summary>What importing the file into the plan would do; nothing is stored.</summary>
    public async Task<UpdatePreview> PreviewAsync(int organisationId, int planId, PlanDocument incoming, CancellationToken ct = default) =>
        await PreviewAsync((int?)organisationId, planId, incoming, ct);

    /// <inheritdoc cref="PreviewAsync(int, int, PlanDocument, CancellationToken)"/>
    public async Task<UpdatePreview> PreviewAsync(int planId, PlanDocument incoming, CancellationToken ct = default) =>
        await PreviewAsync(null, planId, incoming, ct);

    /// <summary>
    /// Imports the file into the plan in one transaction: the preview's changes, Trellis's value for every conflict
    /// except those whose <see cref="Conflict.Key"/> is in <paramref name="takeFromFile"/>, new areas, actions,
    /// monitoring and indicator values. On any problem nothing is stored.
    /// </summary>
    public async Task<ImportResult> ApplyAsync(int organisationId, int planId, PlanDocument incoming, IReadOnlySet<string> takeFromFile, string sourceName, CancellationToken ct = default) =>
        await ApplyAsync((int?)organisationId, planId, incoming, takeFromFile, sourceName, ct);

    /// <inheritdoc cref="ApplyAsync(int, int, PlanDocument, IReadOnlySet{string}, string, CancellationToken)"/>
    public async Task<ImportResult> ApplyAsync(int planId, PlanDocument incoming, IReadOnlySet<string> takeFromFile, string sourceName, CancellationToken ct = default) =>
        await ApplyAsync(null, planId, incoming, takeFromFile, sourceName, ct);

    private async Task<UpdatePreview> PreviewAsync(int? organisationId, int planId, PlanDocument incoming, CancellationToken ct)
    {
        var (state, failed) = await PrepareAsync(organisationId, planId, incoming, tracked: false, ct);
        if (failed is not null)
        {
            return failed;
        }

        var merge = state!.Merge;
        return new UpdatePreview
        {
            PlanId = planId,
            PlanTitle = state.Plan.Title,
            Areas = merge.Areas,
            Changes = [.. merge.Changes],
            Conflicts = [.. merge.Conflicts],
            Indicators = merge.Indicators,
            KeyLeadsToAdd = [.. merge.KeyLeadsToAdd],
            Warnings = state.Warnings,
            HasBaseline = state.Baseline is not null,
            LastImportedAt = state.LastImport?.ImportedAt,
            LastImportedFrom = state.LastImport?.SourceName,
        };
    }

    private async Task<ImportResult> ApplyAsync(int? organisationId, int planId, PlanDocument incoming, IReadOnlySet<string> takeFromFile, string sourceName, CancellationToken ct)
    {
        // Join a transaction the caller started, else start our own: everything below is stored together or not at all.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            var (state, failed) = await PrepareAsync(organisationId, planId, incoming, tracked: true, ct);
            if (failed is not null)
            {
                return ImportResult.Failed(failed.Problems);
            }

            var plan = state!.Plan;
            var builder = new PlanBuilder(incoming, state.People, clock.GetUtcNow()) { ExistingTheme = key => ThemeFor(plan, incoming, key) };
            var counts = state.Merge.Apply(takeFromFile, builder);
            if (builder.Problems.Count > 0)
            {
                db.ChangeTracker.Clear();
                return ImportResult.Failed(builder.Problems);
            }

            await db.SaveChangesAsync(ct);
            db.PlanImportRecords.Add(PlanImporter.Record(plan.Id, incoming, sourceName, clock.GetUtcNow()));
            await db.SaveChangesAsync(ct);
            if (transaction is not null)
            {
                await transaction.CommitAsync(ct);
            }

            var result = counts with
            {
                PlanId = plan.Id,
                Areas = plan.Areas.Count,
                Actions = plan.Areas.Sum(a => a.Actions.Count),
                People = state.People.Count,
                PeopleCreated = state.NewPeople,
                Indicators = plan.Indicators.Count,
            };
            return result;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return ImportResult.Failed([new InterchangeProblem("$", "someone changed an action of this plan while the import was being stored; nothing was stored, look at the changes again")]);
        }
        catch
        {
            // The transaction rolls back as it is disposed; forget the half-saved changes so the context can be used again.
            db.ChangeTracker.Clear();
            throw;
        }
    }

    // tracked: whether the plan is loaded for changing (apply) or only for reading (preview).
    private async Task<(State? State, UpdatePreview? Failed)> PrepareAsync(int? organisationId, int planId, PlanDocument incoming, bool tracked, CancellationToken ct)
    {
        static UpdatePreview Fail(int planId, IEnumerable<InterchangeProblem> problems) => new() { PlanId = planId, Problems = [.. problems] };

        var problems = PlanDocumentValidator.Validate(incoming);
        if (problems.Count > 0)
        {
            return (null, Fail(planId, problems));
        }

        var plan = await LoadAsync(planId, tracked, ct);
        if (plan is null || (organisationId is { } id && plan.OrganisationId != id))
        {
            // Another organisation's plan is reported exactly as a missing one: ids must not reveal what others hold.
            return (null, Fail(planId, [new InterchangeProblem("$", $"there is no plan {planId} to import into")]));
        }

        var warnings = new List<string>();
        if (PlanMatcher.Normalise(incoming.Organisation.Name) != PlanMatcher.Normalise(plan.Organisation.Name))
        {
            warnings.Add($"The file is a plan of {incoming.Organisation.Name.Trim()}; plan {planId} belongs to {plan.Organisation.Name}.");
        }

        warnings.AddRange(ScaleWarnings(plan, incoming));
        var lastImport = await db.PlanImportRecords.AsNoTracking().Where(r => r.PlanId == planId).OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct);
        PlanDocument? baseline = null;
        if (lastImport is not null)
        {
            baseline = PlanJson.Read(lastImport.DocumentJson, lastImport.SourceName).Document;
            if (baseline is null)
            {
                warnings.Add($"The last import ({lastImport.SourceName}) can no longer be read, so every difference is treated as a conflict.");
            }
        }

        var people = await importer.ResolvePeopleAsync(plan.OrganisationId, incoming.People ?? [], ct);
        var newPeople = people.Values.Where(p => p.Id == 0).Distinct().Count();
        var merge = new PlanMerge(plan, incoming, baseline, people);
        return (new State(plan, merge, people, newPeople, baseline, lastImport, warnings), null);
    }

    /// <summary>The same inspection: the same dates on record (start and end, or publication).</summary>
    private static bool SameInspection(InspectionDoc? incoming, InspectionDoc? other) =>
        incoming is not null && other is not null && SameInspection(incoming, other.Start, other.End, other.Published);

    private static bool SameInspection(InspectionDoc? incoming, Inspection? other) =>
        incoming is not null && other is not null && SameInspection(incoming, other.Start, other.End, other.Published);

    private static bool SameInspection(InspectionDoc incoming, DateOnly? start, DateOnly? end, DateOnly? published) =>
        (incoming.Start is not null && incoming.End is not null && incoming.Start == start && incoming.End == end)
        || (incoming.Published is not null && incoming.Published == published);

    /// <summary>Rating scales are not merged (codes in use cannot simply change), so a file with other ratings is worth a word.</summary>
    private static IEnumerable<string> ScaleWarnings(Plan plan, PlanDocument incoming)
    {
        foreach (var (scale, file, name) in new[] { (RagScale.Progress, incoming.Plan.RagScales?.Progress, "progress"), (RagScale.Impact, incoming.Plan.RagScales?.Impact, "impact") })
        {
            var ours = plan.RagRatings.Where(r => r.Scale == scale).OrderBy(r => r.SortOrder).Select(r => r.Code).ToList();
            var theirs = file?.Select(r => r.Code.Trim()).ToList();
            if (theirs is not null && !ours.SequenceEqual(theirs, StringComparer.Ordinal))
            {
                yield return $"The file's {name} ratings ({string.Join(", ", theirs)}) differ from the plan's ({string.Join(", ", ours)}); "
                    + "an import does not change a plan's ratings, so change them on the plan first if the file is right.";
            }
        }
    }

    private Task<Plan?> LoadAsync(int planId, bool tracked, CancellationToken ct) =>
        (tracked ? db.Plans : db.Plans.AsNoTrackingWithIdentityResolution()).WholePlan()
            .FirstOrDefaultAsync(p => p.Id == planId, ct);

    /// <summary>The plan's theme with the key, or a new one made from the file's theme of that key.</summary>
    private static Theme ThemeFor(Plan plan, PlanDocument file, string key)
    {
        var theme = plan.Themes.FirstOrDefault(t => t.Key == key);
        if (theme is null)
        {
            var doc = (file.Themes ?? []).First(t => t.Key.Trim() == key);
            theme = new Theme { Key = key, Title = doc.Title.Trim(), SortOrder = plan.Themes.Select(t => t.SortOrder).DefaultIfEmpty(-1).Max() + 1 };
            plan.Themes.Add(theme);
        }

        return theme;
    }

    private sealed record State(
        Plan Plan,
        PlanMerge Merge,
        Dictionary<string, Person> People,
        int NewPeople,
        PlanDocument? Baseline,
        PlanImportRecord? LastImport,
        List<string> Warnings);
}
