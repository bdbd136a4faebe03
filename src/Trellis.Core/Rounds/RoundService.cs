using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Trellis.Core.Data;
using Trellis.Core.Dates;
using Trellis.Core.Monitoring;
using Trellis.Core.Plans;
using Trellis.Core.Reports;

namespace Trellis.Core.Rounds;

/// <summary>
/// Opening, updating and closing monitoring rounds. Every method takes the caller's organisation and
/// finds nothing outside it, so another council's ids behave as missing.
/// </summary>
public sealed class RoundService(TrellisDbContext db, BoardReportBuilder builder, TimeProvider clock)
{
    /// <summary>Owners are asked for their updates this many days after the period ends.</summary>
    public const int UpdatesDueAfterDays = 14;

    /// <summary>
    /// The round a plan would open next: the period after its latest round, or the period holding today when it has none.
    /// Quarterly rounds are financial quarters ("2016/17 Q1"), six-monthly ones halves of the financial year ("2026/27 H1"),
    /// monthly ones months ("2026-11").
    /// </summary>
    public static RoundInput NextRound(Plan plan, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var latest = plan.Rounds.OrderByDescending(r => r.PeriodEnd).ThenByDescending(r => r.Id).FirstOrDefault();
        return PeriodFor(plan.MonitoringCadence, latest is null ? today : latest.PeriodEnd.AddDays(1));
    }

    /// <summary>The cadence's period holding <paramref name="date"/>.</summary>
    public static RoundInput PeriodFor(MonitoringCadence cadence, DateOnly date)
    {
        DateOnly start;
        DateOnly end;
        string name;
        switch (cadence)
        {
            case MonitoringCadence.Monthly:
                start = new DateOnly(date.Year, date.Month, 1);
                end = start.AddMonths(1).AddDays(-1);
                name = start.ToString("yyyy-MM", CultureInfo.InvariantCulture);
                break;
            case MonitoringCadence.SixMonthly:
                var year = Period.FinancialYearStartingYear(date);
                var firstHalf = date.Month is >= 4 and <= 9;
                start = firstHalf ? new DateOnly(year, 4, 1) : new DateOnly(year, 10, 1);
                end = start.AddMonths(6).AddDays(-1);
                name = $"{Period.FinancialYearName(year)} {(firstHalf ? "H1" : "H2")}";
                break;
            default:
                name = Period.FinancialQuarterName(date);
                end = Period.FinancialQuarterEnd(Period.FinancialYearStartingYear(date), name[^1] - '0');
                start = end.AddDays(1).AddMonths(-3);
                break;
        }

        return new RoundInput(name, start, end, end.AddDays(UpdatesDueAfterDays));
    }

    /// <summary>The next round for a plan of this organisation; null when the plan is not found.</summary>
    public async Task<RoundInput?> NextRoundAsync(int organisationId, int planId, CancellationToken ct = default)
    {
        var plan = await db.Plans.AsNoTracking().Include(p => p.Rounds)
            .FirstOrDefaultAsync(p => p.Id == planId && p.OrganisationId == organisationId, ct);
        return plan is null ? null : NextRound(plan, clock.Today());
    }

    public async Task<RoundSaveResult> OpenAsync(int organisationId, int planId, RoundInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!await db.Plans.AnyAsync(p => p.Id == planId && p.OrganisationId == organisationId, ct))
        {
            return RoundSaveResult.NotFound;
        }

        var name = (input.Name ?? string.Empty).Trim();
        var errors = new List<FieldError>();
        if (name.Length == 0)
        {
            errors.Add(new(nameof(RoundInput.Name), "Enter a name for the round, for example 2026/27 Q3"));
        }
        else if (name.Length > Round.NameMaxLength)
        {
            errors.Add(new(nameof(RoundInput.Name), $"The name must be {Round.NameMaxLength} characters or fewer"));
        }
        else if (await db.Rounds.AnyAsync(r => r.PlanId == planId && r.Name == name, ct))
        {
            errors.Add(new(nameof(RoundInput.Name), $"This plan already has a round called {name}"));
        }

        if (input.PeriodEnd < input.PeriodStart)
        {
            errors.Add(new(nameof(RoundInput.PeriodEnd), "The end of the period must be on or after its start"));
        }

        var open = await db.Rounds.Where(r => r.PlanId == planId && r.Status == RoundStatus.Open).Select(r => r.Name).FirstOrDefaultAsync(ct);
        if (open is not null)
        {
            errors.Add(new(string.Empty, $"Round {open} is still open: close it before opening another"));
        }

        if (errors.Count > 0)
        {
            return RoundSaveResult.Invalid(errors);
        }

        var round = new Round
        {
            PlanId = planId,
            Name = name,
            PeriodStart = input.PeriodStart,
            PeriodEnd = input.PeriodEnd,
            UpdatesDue = input.UpdatesDue,
            OpenedAt = clock.GetUtcNow(),
        };
        db.Rounds.Add(round);
        await db.SaveChangesAsync(ct);
        return RoundSaveResult.Saved(round.Id);
    }

    /// <summary>
    /// Saves an owner's update: the rating must be on the plan's progress scale, and a rating other than the
    /// suggested one needs a reason. Also sets the action's live status and rating. Nothing is saved on any error.
    /// </summary>
    public async Task<RoundSaveResult> SaveActionUpdateAsync(int organisationId, int roundId, int actionId, ActionUpdateInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var round = await FindRoundAsync(organisationId, roundId, ct);
        var action = round is null ? null : await db.Actions.Include(a => a.Area)
            .FirstOrDefaultAsync(a => a.Id == actionId && a.Area.PlanId == round.PlanId, ct);
        if (round is null || action is null)
        {
            return RoundSaveResult.NotFound;
        }

        if (round.Status == RoundStatus.Closed)
        {
            return RoundSaveResult.Closed;
        }

        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == round.PlanId).Select(p => new { p.DueSoonDays }).FirstAsync(ct);
        var scale = await ScaleAsync(round.PlanId, RagScale.Progress, ct);
        var errors = new List<FieldError>();
        var code = Blank(input.RagCode);
        var rating = code is null ? null : scale.FirstOrDefault(r => string.Equals(r.Code, code, StringComparison.OrdinalIgnoreCase));
        if (code is not null && rating is null)
        {
            errors.Add(new(nameof(ActionUpdateInput.RagCode), "Choose a rating from the plan's progress scale"));
        }

        var suggestion = RagSuggester.Explain(input.Status, action.Due.Date, clock.Today(), plan.DueSoonDays, scale);
        var reason = Blank(input.RagReason);
        var differs = suggestion is not null && rating is not null && !string.Equals(rating.Code, suggestion.Code, StringComparison.OrdinalIgnoreCase);
        if (differs && reason is null)
        {
            errors.Add(new(nameof(ActionUpdateInput.RagReason), $"Explain why the rating differs from the suggested {suggestion!.Label}"));
        }

        var note = Blank(input.Note);
        if (note?.Length > ActionUpdate.NoteMaxLength)
        {
            errors.Add(new(nameof(ActionUpdateInput.Note), $"The update must be {ActionUpdate.NoteMaxLength} characters or fewer"));
        }

        if (reason?.Length > ActionUpdate.ReasonMaxLength)
        {
            errors.Add(new(nameof(ActionUpdateInput.RagReason), $"The reason must be {ActionUpdate.ReasonMaxLength} characters or fewer"));
        }

        if (errors.Count > 0)
        {
            return RoundSaveResult.Invalid(errors);
        }

        var update = await db.ActionUpdates.FirstOrDefaultAsync(u => u.RoundId == roundId && u.ActionId == actionId, ct);
        if (update is null)
        {
            update = new ActionUpdate { RoundId = roundId, ActionId = actionId };
            db.ActionUpdates.Add(update);
        }

        update.Status = input.Status;
        update.RagCode = rating?.Code;
        update.SuggestedRagCode = suggestion?.Code;
        update.RagReason = differs ? reason : null;
        update.Note = note;
        update.UpdatedBy = Blank(input.UpdatedBy) is { } by ? by[..Math.Min(by.Length, ActionUpdate.ByMaxLength)] : null;
        update.UpdatedAt = clock.GetUtcNow();
        action.Status = input.Status;
        action.RagCode = rating?.Code;
        var version = db.Entry(action).Property(a => a.Version);
        if (input.ExpectedVersion is { } expected)
        {
            version.OriginalValue = expected;
        }

        version.CurrentValue = Guid.NewGuid();
        return await SaveAndTouchRoundAsync(roundId, ct);
    }

    /// <summary>Records an area's ratings and commentary for the round, and sets the area's overall progress rating.</summary>
    public async Task<RoundSaveResult> SaveAreaRatingAsync(int organisationId, int roundId, int areaId, AreaRatingInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var round = await FindRoundAsync(organisationId, roundId, ct);
        var area = round is null ? null : await db.Areas.FirstOrDefaultAsync(a => a.Id == areaId && a.PlanId == round.PlanId, ct);
        if (round is null || area is null)
        {
            return RoundSaveResult.NotFound;
        }

        if (round.Status == RoundStatus.Closed)
        {
            return RoundSaveResult.Closed;
        }

        var errors = new List<FieldError>();
        var progress = await OnScaleAsync(round.PlanId, RagScale.Progress, input.ProgressRag, nameof(AreaRatingInput.ProgressRag), "progress", errors, ct);
        var impact = await OnScaleAsync(round.PlanId, RagScale.Impact, input.ImpactRag, nameof(AreaRatingInput.ImpactRag), "impact", errors, ct);
        var commentary = Blank(input.Commentary);
        var further = Blank(input.FurtherActions);
        if (commentary?.Length > MonitoringEntry.TextMaxLength)
        {
            errors.Add(new(nameof(AreaRatingInput.Commentary), $"Data and commentary must be {MonitoringEntry.TextMaxLength} characters or fewer"));
        }

        if (further?.Length > MonitoringEntry.TextMaxLength)
        {
            errors.Add(new(nameof(AreaRatingInput.FurtherActions), $"Recommendations must be {MonitoringEntry.TextMaxLength} characters or fewer"));
        }

        if (errors.Count > 0)
        {
            return RoundSaveResult.Invalid(errors);
        }

        var entry = await db.MonitoringEntries.FirstOrDefaultAsync(m => m.AreaId == areaId && (m.RoundId == roundId || (m.RoundId == null && m.Period == round.Name)), ct);
        if (entry is null)
        {
            entry = new MonitoringEntry { AreaId = areaId };
            db.MonitoringEntries.Add(entry);
        }

        entry.Period = round.Name.Length > MonitoringEntry.PeriodMaxLength ? round.Name[..MonitoringEntry.PeriodMaxLength] : round.Name;
        entry.RoundId = roundId;
        entry.ProgressRag = progress;
        entry.ImpactRag = impact;
        entry.Commentary = commentary;
        entry.FurtherActions = further;
        entry.RecordedAt = clock.GetUtcNow();
        area.RagCode = progress;
        area.Version = Guid.NewGuid();
        return await SaveAndTouchRoundAsync(roundId, ct);
    }

    /// <summary>
    /// Saves an update or rating, then marks the round changed (so a close page read before it is refused) without checking
    /// the round's own version: two owners updating different actions at once must not conflict over the round.
    /// A lost race on the action or area (its version, or a first update row someone else just added) is a conflict.
    /// </summary>
    private async Task<RoundSaveResult> SaveAndTouchRoundAsync(int roundId, CancellationToken ct)
    {
        var adding = db.ChangeTracker.Entries().Any(e => e.State == EntityState.Added);
        var touched = Guid.NewGuid();
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            await db.Rounds.Where(r => r.Id == roundId).ExecuteUpdateAsync(s => s.SetProperty(r => r.Version, touched), ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return RoundSaveResult.Conflict;
        }
        catch (DbUpdateException e) when (adding && IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return RoundSaveResult.Conflict;
        }

        // The tracked round learns its new version too, so a close later in this same context is not a false conflict.
        if (db.Rounds.Local.FirstOrDefault(r => r.Id == roundId) is { } tracked)
        {
            var version = db.Entry(tracked).Property(r => r.Version);
            (version.CurrentValue, version.OriginalValue) = (touched, touched);
        }

        return RoundSaveResult.Saved(roundId);
    }

    /// <summary>Freezes the round: builds its report and keeps it, so the round's report never changes again.</summary>
    public async Task<RoundSaveResult> CloseAsync(int organisationId, int roundId, Guid expectedVersion, CancellationToken ct = default)
    {
        var round = await FindRoundAsync(organisationId, roundId, ct);
        if (round is null)
        {
            return RoundSaveResult.NotFound;
        }

        if (round.Status == RoundStatus.Closed)
        {
            return RoundSaveResult.Closed;
        }

        if (round.Version != expectedVersion)
        {
            return RoundSaveResult.Conflict;
        }

        var report = await builder.BuildAsync(round.PlanId, round.Id, ct);
        round.SnapshotJson = RoundSnapshot.Serialize(report);
        round.Status = RoundStatus.Closed;
        round.ClosedAt = clock.GetUtcNow();
        round.Version = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return RoundSaveResult.Conflict;
        }

        return RoundSaveResult.Saved(roundId);
    }

    /// <summary>
    /// Actions with no update yet this round (leaving out those already complete or dropped), grouped by owner in
    /// name order; an action with several owners is listed under each. Null when the round is not found.
    /// </summary>
    public async Task<IReadOnlyList<OwnerOutstanding>?> OutstandingAsync(int organisationId, int roundId, CancellationToken ct = default)
    {
        var round = await db.Rounds.AsNoTracking().Where(r => r.Id == roundId && r.Plan.OrganisationId == organisationId)
            .Select(r => new { r.PlanId }).FirstOrDefaultAsync(ct);
        if (round is null)
        {
            return null;
        }

        var actions = await db.Actions.AsNoTracking()
            .Where(a => a.Area.PlanId == round.PlanId && a.Status != ActionStatus.Complete && a.Status != ActionStatus.Dropped
                && !db.ActionUpdates.Any(u => u.RoundId == roundId && u.ActionId == a.Id))
            .OrderBy(a => a.Area.SortOrder).ThenBy(a => a.SortOrder)
            .Select(a => new
            {
                a.Id,
                AreaNumber = a.Area.Number,
                a.Ref,
                a.Text,
                DueText = a.Due.Text,
                Owners = a.Owners.OrderBy(o => o.SortOrder)
                    .Select(o => new { Name = o.Person != null ? (o.Person.Name ?? o.Person.JobTitle ?? o.Person.Initials) : o.Text, Email = o.Person != null ? o.Person.Email : null })
                    .ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(ct);

        return [.. actions
            .SelectMany(a => (a.Owners.Count == 0 ? [new { Name = (string?)"No owner recorded", Email = (string?)null }] : a.Owners)
                .Select(o => (Name: o.Name ?? "No owner recorded", o.Email, Action: new OutstandingAction(a.Id, a.AreaNumber, a.Ref, a.Text, a.DueText))))
            .GroupBy(x => (x.Name, x.Email))
            .OrderBy(g => g.Key.Name, StringComparer.OrdinalIgnoreCase)
            .Select(g => new OwnerOutstanding(g.Key.Name, g.Key.Email, [.. g.Select(x => x.Action).DistinctBy(x => x.Id)]))];
    }

    private Task<Round?> FindRoundAsync(int organisationId, int roundId, CancellationToken ct) =>
        db.Rounds.FirstOrDefaultAsync(r => r.Id == roundId && r.Plan.OrganisationId == organisationId, ct);

    private async Task<IReadOnlyList<ReportRating>> ScaleAsync(int planId, RagScale scale, CancellationToken ct) =>
        RagSuggester.Scale(await db.RagRatings.AsNoTracking().Where(r => r.PlanId == planId && r.Scale == scale).ToListAsync(ct), scale);

    private async Task<string?> OnScaleAsync(int planId, RagScale scale, string? code, string field, string what, List<FieldError> errors, CancellationToken ct)
    {
        var wanted = Blank(code);
        if (wanted is null)
        {
            return null;
        }

        var rating = (await ScaleAsync(planId, scale, ct)).FirstOrDefault(r => string.Equals(r.Code, wanted, StringComparison.OrdinalIgnoreCase));
        if (rating is null)
        {
            errors.Add(new(field, $"Choose a rating from the plan's {what} scale"));
        }

        return rating?.Code;
    }

    private static bool IsUniqueViolation(DbUpdateException e) => e.InnerException switch
    {
        Npgsql.PostgresException pg => pg.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.SqliteExtendedErrorCode == 2067,
        _ => false,
    };

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
