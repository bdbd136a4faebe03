using Microsoft.EntityFrameworkCore;
using Trellis.Core.Data;
using Trellis.Core.Dates;

namespace Trellis.Core.Rounds;

public sealed record NarrativeInput(string? Heading, string? Body);

public sealed record SelfAssessmentInput(string? AreaForImprovement, string? WhatWeHaveDone, string? ImpactOnPractice);

public sealed record ImprovementLogInput(string? WhatWeHaveDone, string? Why, string? When);

public enum MoveDirection
{
    Up,
    Down,
}

public enum CommitteeOutcome
{
    Saved,
    NotFound,
    Invalid,

    /// <summary>The round is closed: its report is frozen, so its narrative and self-assessment are too.</summary>
    RoundClosed,
}

/// <summary>A problem with one field of the input, named as the input record names it ("Heading").</summary>

/// <summary>What a change came to; <see cref="Id"/> is the row saved, <see cref="Errors"/> say what to fix.</summary>
public sealed record CommitteeResult(CommitteeOutcome Outcome, int? Id, IReadOnlyList<FieldError> Errors)
{
    public const string RoundClosedMessage = "This round is closed, so its committee report can no longer be changed";

    public bool Succeeded => Outcome == CommitteeOutcome.Saved;

    internal static CommitteeResult Saved(int id) => new(CommitteeOutcome.Saved, id, []);

    internal static CommitteeResult NotFound { get; } = new(CommitteeOutcome.NotFound, null, []);

    internal static CommitteeResult Closed { get; } = new(CommitteeOutcome.RoundClosed, null, [new FieldError(string.Empty, RoundClosedMessage)]);

    internal static CommitteeResult Invalid(List<FieldError> errors) => new(CommitteeOutcome.Invalid, null, errors);
}

/// <summary>
/// The written parts of a committee report: a round's narrative sections and self-assessment rows, and the
/// plan's improvement log. Every method takes the caller's organisation; another organisation's ids are not found.
/// A closed round's narrative and self-assessment are frozen with its snapshot and refuse changes.
/// </summary>
public sealed class CommitteeContentService(TrellisDbContext db)
{
    // Narrative sections and self-assessment rows: rows of a round, frozen once it closes

    public Task<CommitteeResult> AddNarrativeAsync(int organisationId, int roundId, NarrativeInput input, CancellationToken ct = default) =>
        AddRoundRowAsync(organisationId, roundId, Validate(input), (round, order) =>
        {
            var section = new RoundNarrative { RoundId = round, SortOrder = order };
            Apply(section, input);
            return section;
        }, ct);

    public Task<CommitteeResult> UpdateNarrativeAsync(int organisationId, int sectionId, NarrativeInput input, CancellationToken ct = default) =>
        ChangeRoundRowAsync<RoundNarrative>(organisationId, sectionId, section => Task.FromResult(Edit(Validate(input), () => Apply(section, input))), ct);

    public Task<CommitteeResult> DeleteNarrativeAsync(int organisationId, int sectionId, CancellationToken ct = default) =>
        ChangeRoundRowAsync<RoundNarrative>(organisationId, sectionId, Remove, ct);

    /// <summary>Swaps the section with its neighbour; at the top (or bottom) already, nothing changes.</summary>
    public Task<CommitteeResult> MoveNarrativeAsync(int organisationId, int sectionId, MoveDirection direction, CancellationToken ct = default) =>
        ChangeRoundRowAsync<RoundNarrative>(organisationId, sectionId, section => MoveAsync(section, direction, ct), ct);

    public Task<CommitteeResult> AddSelfAssessmentAsync(int organisationId, int roundId, SelfAssessmentInput input, CancellationToken ct = default) =>
        AddRoundRowAsync(organisationId, roundId, Validate(input), (round, order) =>
        {
            var entry = new SelfAssessmentEntry { RoundId = round, SortOrder = order };
            Apply(entry, input);
            return entry;
        }, ct);

    public Task<CommitteeResult> UpdateSelfAssessmentAsync(int organisationId, int entryId, SelfAssessmentInput input, CancellationToken ct = default) =>
        ChangeRoundRowAsync<SelfAssessmentEntry>(organisationId, entryId, entry => Task.FromResult(Edit(Validate(input), () => Apply(entry, input))), ct);

    public Task<CommitteeResult> DeleteSelfAssessmentAsync(int organisationId, int entryId, CancellationToken ct = default) =>
        ChangeRoundRowAsync<SelfAssessmentEntry>(organisationId, entryId, Remove, ct);

    public Task<CommitteeResult> MoveSelfAssessmentAsync(int organisationId, int entryId, MoveDirection direction, CancellationToken ct = default) =>
        ChangeRoundRowAsync<SelfAssessmentEntry>(organisationId, entryId, entry => MoveAsync(entry, direction, ct), ct);

    // Improvement log (the plan's; it runs across rounds, so a closed round does not freeze it)

    public async Task<CommitteeResult> AddImprovementLogAsync(int organisationId, int planId, ImprovementLogInput input, CancellationToken ct = default)
    {
        var financial = await db.Plans.Where(p => p.Id == planId && p.OrganisationId == organisationId)
            .Select(p => (bool?)p.QuartersAreFinancial).FirstOrDefaultAsync(ct);
        if (financial is null)
        {
            return CommitteeResult.NotFound;
        }

        var errors = Validate(input);
        if (errors.Count > 0)
        {
            return CommitteeResult.Invalid(errors);
        }

        var order = await db.ImprovementLogEntries.Where(l => l.PlanId == planId).Select(l => (int?)l.SortOrder).MaxAsync(ct) ?? -1;
        var entry = new ImprovementLogEntry { PlanId = planId, SortOrder = order + 1 };
        Apply(entry, input, financial.Value);
        db.ImprovementLogEntries.Add(entry);
        await db.SaveChangesAsync(ct);
        return CommitteeResult.Saved(entry.Id);
    }

    public async Task<CommitteeResult> UpdateImprovementLogAsync(int organisationId, int entryId, ImprovementLogInput input, CancellationToken ct = default)
    {
        var found = await FindImprovementLogAsync(organisationId, entryId, ct);
        if (found is not var (entry, financial))
        {
            return CommitteeResult.NotFound;
        }

        var errors = Validate(input);
        if (errors.Count > 0)
        {
            return CommitteeResult.Invalid(errors);
        }

        Apply(entry, input, financial);
        await db.SaveChangesAsync(ct);
        return CommitteeResult.Saved(entry.Id);
    }

    public async Task<CommitteeResult> DeleteImprovementLogAsync(int organisationId, int entryId, CancellationToken ct = default)
    {
        var found = await FindImprovementLogAsync(organisationId, entryId, ct);
        if (found is not var (entry, _))
        {
            return CommitteeResult.NotFound;
        }

        db.ImprovementLogEntries.Remove(entry);
        await db.SaveChangesAsync(ct);
        return CommitteeResult.Saved(entry.Id);
    }

    /// <summary>
    /// The date a "When" is understood as, for ordering: the last day of the period it names ("Q3 2018",
    /// "Started Jan 2019", "Dec 2018"); null when it names none ("Ongoing", "TBC").
    /// </summary>
    public static DateOnly? ReadWhen(string? when, bool quartersAreFinancial)
    {
        if (string.IsNullOrWhiteSpace(when))
        {
            return null;
        }

        var text = when.Trim();
        foreach (var prefix in WhenPrefixes)
        {
            if (text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && text.Length > prefix.Length && char.IsWhiteSpace(text[prefix.Length]))
            {
                text = text[prefix.Length..].Trim();
                break;
            }
        }

        var reading = DueDateReader.Read(text, new DueDateReaderOptions { BareQuartersAreFinancial = quartersAreFinancial });
        return reading.Precision is DuePrecision.Day or DuePrecision.Month or DuePrecision.Quarter or DuePrecision.Year ? reading.Date : null;
    }

    // Words a log's "When" often starts with that say nothing about the date itself.
    private static readonly string[] WhenPrefixes = ["Started", "Starting", "Since", "From", "By", "In", "During", "Completed", "Launched"];

    private Task<Round?> FindRoundAsync(int organisationId, int roundId, CancellationToken ct) =>
        db.Rounds.FirstOrDefaultAsync(r => r.Id == roundId && r.Plan.OrganisationId == organisationId, ct);

    private async Task<CommitteeResult> AddRoundRowAsync<T>(int organisationId, int roundId, List<FieldError> errors, Func<int, int, T> create, CancellationToken ct)
        where T : class, IRoundRow
    {
        var round = await FindRoundAsync(organisationId, roundId, ct);
        if (round is null)
        {
            return CommitteeResult.NotFound;
        }

        if (round.Status == RoundStatus.Closed)
        {
            return CommitteeResult.Closed;
        }

        if (errors.Count > 0)
        {
            return CommitteeResult.Invalid(errors);
        }

        var order = await db.Set<T>().Where(r => r.RoundId == roundId).Select(r => (int?)r.SortOrder).MaxAsync(ct) ?? -1;
        var row = create(roundId, order + 1);
        db.Set<T>().Add(row);
        await db.SaveChangesAsync(ct);
        return CommitteeResult.Saved(row.Id);
    }

    /// <summary>Finds the row in the caller's organisation, refuses when its round is closed, applies the change and saves it whole.</summary>
    private async Task<CommitteeResult> ChangeRoundRowAsync<T>(int organisationId, int rowId, Func<T, Task<List<FieldError>>> change, CancellationToken ct)
        where T : class, IRoundRow
    {
        var found = await db.Set<T>()
            .Join(db.Rounds, x => x.RoundId, r => r.Id, (x, r) => new { Row = x, Round = r })
            .Where(x => x.Row.Id == rowId && x.Round.Plan.OrganisationId == organisationId)
            .Select(x => new { x.Row, x.Round.Status })
            .FirstOrDefaultAsync(ct);
        if (found is null)
        {
            return CommitteeResult.NotFound;
        }

        if (found.Status == RoundStatus.Closed)
        {
            return CommitteeResult.Closed;
        }

        var errors = await change(found.Row);
        if (errors.Count > 0)
        {
            return CommitteeResult.Invalid(errors);
        }

        await db.SaveChangesAsync(ct);
        return CommitteeResult.Saved(found.Row.Id);
    }

    private static List<FieldError> Edit(List<FieldError> errors, Action apply)
    {
        if (errors.Count == 0)
        {
            apply();
        }

        return errors;
    }

    private Task<List<FieldError>> Remove<T>(T row)
        where T : class
    {
        db.Remove(row);
        return Task.FromResult(new List<FieldError>());
    }

    private async Task<(ImprovementLogEntry Entry, bool Financial)?> FindImprovementLogAsync(int organisationId, int entryId, CancellationToken ct)
    {
        var found = await db.ImprovementLogEntries
            .Join(db.Plans, l => l.PlanId, p => p.Id, (l, p) => new { Entry = l, Plan = p })
            .Where(x => x.Entry.Id == entryId && x.Plan.OrganisationId == organisationId)
            .Select(x => new { x.Entry, x.Plan.QuartersAreFinancial })
            .FirstOrDefaultAsync(ct);
        return found is null ? null : (found.Entry, found.QuartersAreFinancial);
    }

    private async Task<List<FieldError>> MoveAsync<T>(T row, MoveDirection direction, CancellationToken ct)
        where T : class, IRoundRow
    {
        var siblings = await db.Set<T>().Where(s => s.RoundId == row.RoundId).OrderBy(s => s.SortOrder).ThenBy(s => s.Id).ToListAsync(ct);
        var index = siblings.IndexOf(row);
        var other = direction == MoveDirection.Up ? index - 1 : index + 1;
        if (index >= 0 && other >= 0 && other < siblings.Count)
        {
            (siblings[index], siblings[other]) = (siblings[other], siblings[index]);

            // Renumber the lot: imported or hand-edited orders can repeat, and a plain swap of equal numbers moves nothing.
            for (var i = 0; i < siblings.Count; i++)
            {
                if (siblings[i].SortOrder != i)
                {
                    siblings[i].SortOrder = i;
                }
            }
        }

        return [];
    }

    private static void Apply(RoundNarrative section, NarrativeInput input)
    {
        section.Heading = input.Heading!.Trim();
        section.Body = input.Body!.Trim();
    }

    private static void Apply(SelfAssessmentEntry entry, SelfAssessmentInput input)
    {
        entry.AreaForImprovement = input.AreaForImprovement!.Trim();
        entry.WhatWeHaveDone = input.WhatWeHaveDone!.Trim();
        entry.ImpactOnPractice = (input.ImpactOnPractice ?? string.Empty).Trim();
    }

    private static void Apply(ImprovementLogEntry entry, ImprovementLogInput input, bool financial)
    {
        entry.WhatWeHaveDone = input.WhatWeHaveDone!.Trim();
        entry.Why = (input.Why ?? string.Empty).Trim();
        entry.When = (input.When ?? string.Empty).Trim();
        entry.WhenDate = ReadWhen(entry.When, financial);
    }

    private static List<FieldError> Validate(NarrativeInput input)
    {
        var errors = new List<FieldError>();
        Required(errors, nameof(input.Heading), input.Heading, "Enter a heading, for example Purpose and summary of the report");
        MaxLength(errors, nameof(input.Heading), input.Heading, RoundNarrative.HeadingMaxLength, "The heading");
        Required(errors, nameof(input.Body), input.Body, "Enter the text of the section");
        MaxLength(errors, nameof(input.Body), input.Body, RoundNarrative.BodyMaxLength, "The text");
        return errors;
    }

    private static List<FieldError> Validate(SelfAssessmentInput input)
    {
        var errors = new List<FieldError>();
        Required(errors, nameof(input.AreaForImprovement), input.AreaForImprovement, "Enter the area of improvement identified");
        MaxLength(errors, nameof(input.AreaForImprovement), input.AreaForImprovement, SelfAssessmentEntry.TextMaxLength, "The area of improvement");
        Required(errors, nameof(input.WhatWeHaveDone), input.WhatWeHaveDone, "Enter what you have done to improve");
        MaxLength(errors, nameof(input.WhatWeHaveDone), input.WhatWeHaveDone, SelfAssessmentEntry.TextMaxLength, "What you have done");
        MaxLength(errors, nameof(input.ImpactOnPractice), input.ImpactOnPractice, SelfAssessmentEntry.TextMaxLength, "The impact");
        return errors;
    }

    private static List<FieldError> Validate(ImprovementLogInput input)
    {
        var errors = new List<FieldError>();
        Required(errors, nameof(input.WhatWeHaveDone), input.WhatWeHaveDone, "Enter what you have done");
        MaxLength(errors, nameof(input.WhatWeHaveDone), input.WhatWeHaveDone, ImprovementLogEntry.TextMaxLength, "What you have done");
        MaxLength(errors, nameof(input.Why), input.Why, ImprovementLogEntry.TextMaxLength, "Why you have done it");
        MaxLength(errors, nameof(input.When), input.When, ImprovementLogEntry.WhenMaxLength, "When");
        return errors;
    }

    private static void Required(List<FieldError> errors, string field, string? value, string message)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new FieldError(field, message));
        }
    }

    private static void MaxLength(List<FieldError> errors, string field, string? value, int max, string label)
    {
        if (value is not null && value.Trim().Length > max)
        {
            errors.Add(new FieldError(field, $"{label} must be {max} characters or fewer"));
        }
    }
}
