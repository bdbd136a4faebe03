using Microsoft.EntityFrameworkCore;
using Trellis.Core.Data;
using Trellis.Core.Dates;
using Trellis.Core.Import.Word;

namespace Trellis.Core.Indicators;

/// <summary>
/// Records indicator values: the value form, the table import and the API all come here. A value for a period that
/// already has one is a correction: the old value goes to the revisions, never a second row. A figure is compared with
/// what is stored, so recording the same values again changes nothing. A batch is all or nothing: any problem and
/// nothing is stored; otherwise one save stores everything. A note, "as at" date or breakdown an item leaves out keeps
/// what is stored (a table of totals does not wipe the teams); the edit page sets every field as shown.
/// </summary>
public sealed class IndicatorValueService(TrellisDbContext db, TimeProvider clock)
{
    public const string FormSource = "Entered on the form";
    public const string EditSource = "Edited on the form";
    public const string ApiSource = "API";

    public static string ImportSource(string name) => $"Imported from {name}";

    /// <summary>Values for indicators of a plan, each item naming its indicator by key or name.</summary>
    public async Task<ValueBatchResult> RecordForPlanAsync(int organisationId, int planId, IReadOnlyList<ValueItem> items, string source, bool dryRun, CancellationToken ct = default)
    {
        if (!await db.Plans.AnyAsync(p => p.Id == planId && p.OrganisationId == organisationId, ct))
        {
            return ValueBatchResult.NotFound;
        }

        var indicators = await Load(db.Indicators.Where(i => i.PlanId == planId)).ToListAsync(ct);
        return await RecordAsync(indicators, null, items, source, dryRun, ct);
    }

    /// <summary>Values for one indicator; an item's indicator name, if any, is ignored.</summary>
    public async Task<ValueBatchResult> RecordForIndicatorAsync(int organisationId, int indicatorId, IReadOnlyList<ValueItem> items, string source, bool dryRun, CancellationToken ct = default)
    {
        var indicator = await Load(Owned(organisationId).Where(i => i.Id == indicatorId)).FirstOrDefaultAsync(ct);
        return indicator is null ? ValueBatchResult.NotFound : await RecordAsync([indicator], indicator, items, source, dryRun, ct);
    }

    /// <summary>Changes a stored value to exactly what the edit form shows (its period too); the old value is kept as a revision.</summary>
    public async Task<ValueBatchResult> EditAsync(int organisationId, int indicatorId, int valueId, ValueItem item, CancellationToken ct = default)
    {
        var indicator = await Load(Owned(organisationId).Where(i => i.Id == indicatorId)).FirstOrDefaultAsync(ct);
        var value = indicator?.Values.Find(v => v.Id == valueId);
        if (indicator is null || value is null)
        {
            return ValueBatchResult.NotFound;
        }

        var problems = new List<ValueProblem>();
        var read = Read(indicator, item, problems);
        var breakdowns = ReadBreakdowns(indicator, item, problems) ?? [];
        if (read is { } r && indicator.Values.Exists(v => v.Id != valueId && v.Period == r.Period.Text))
        {
            problems.Add(new ValueProblem(item.PlaceOf("period"), "period", $"There is already a value for {PeriodWords.Display(r.Period.Text)}: change that one instead"));
        }

        if (problems.Count > 0 || read is not { } wanted)
        {
            return new ValueBatchResult([], problems, false);
        }

        var old = ValueReading.Display(value.Value, value.Text, value.Note, indicator.Unit);
        var now = ValueReading.Display(wanted.Value, wanted.Text, wanted.Note, indicator.Unit);
        var same = value.Period == wanted.Period.Text && value.Value == wanted.Value && value.Text == wanted.Text && value.Note == wanted.Note
            && value.AsAt == wanted.AsAt && SameBreakdowns(value, breakdowns);
        var change = new ValueChange(indicator.Id, indicator.Key, indicator.Name, wanted.Period.Text, null, same ? ValueChangeKind.Unchanged : ValueChangeKind.Corrected, old, now);
        if (!same)
        {
            Correct(value, wanted with { KeepsNote = false, KeepsAsAt = false }, breakdowns, EditSource);
            value.Period = wanted.Period.Text;
            value.PeriodStart = wanted.Period.Start;
            var saved = await SaveAsync(ct);
            if (saved is not null)
            {
                return new ValueBatchResult([], [saved], false);
            }
        }

        return new ValueBatchResult([change], [], !same);
    }

    /// <summary>Deletes a value and its history; false when there is no such value.</summary>
    public async Task<bool> DeleteAsync(int organisationId, int indicatorId, int valueId, CancellationToken ct = default)
    {
        var value = await db.IndicatorValues.Include(v => v.Breakdowns).Include(v => v.Revisions)
            .FirstOrDefaultAsync(v => v.Id == valueId && v.IndicatorId == indicatorId && Owned(organisationId).Any(i => i.Id == v.IndicatorId), ct);
        if (value is null)
        {
            return false;
        }

        db.RemoveRange(value.Breakdowns);
        db.RemoveRange(value.Revisions);
        db.IndicatorValues.Remove(value);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>
    /// The period a new value is most likely for: the one after the latest value, or with none yet, the last whole
    /// period before today.
    /// </summary>
    public static Period NextPeriod(IndicatorFrequency frequency, YearBasis basis, IEnumerable<DateOnly> periodEnds, DateOnly today)
    {
        var latest = periodEnds.DefaultIfEmpty().Max();
        if (latest != default)
        {
            return PeriodWords.PeriodOf(latest.AddDays(1), frequency, basis);
        }

        return PeriodWords.PeriodOf(PeriodWords.PeriodOf(today, frequency, basis).Start.AddDays(-1), frequency, basis);
    }

    private IQueryable<Indicator> Owned(int organisationId) =>
        db.Indicators.Where(i => db.Plans.Any(p => p.Id == i.PlanId && p.OrganisationId == organisationId));

    private static IQueryable<Indicator> Load(IQueryable<Indicator> indicators) =>
        indicators.Include(i => i.Values).ThenInclude(v => v.Breakdowns).Include(i => i.Comparators).AsSplitQuery();

    /// <summary>An item read: its period, figure, and the note and date it gives (null-and-keeps when it gives none).</summary>
    private sealed record Wanted(Period Period, decimal? Value, string? Text, string? Note, DateOnly? AsAt)
    {
        public bool KeepsNote { get; init; }
        public bool KeepsAsAt { get; init; }
    }

    private sealed record Group(Indicator Indicator, Period Period, string? Comparator)
    {
        public Wanted? Main { get; set; }
        public ValueItem? MainItem { get; set; }
        public ValueItem? FirstItem { get; set; }
        public List<IndicatorBreakdown>? Breakdowns { get; set; }
        public Dictionary<(string, string), string> BreakdownPlaces { get; } = [];
    }

    private async Task<ValueBatchResult> RecordAsync(List<Indicator> indicators, Indicator? only, IReadOnlyList<ValueItem> items, string source, bool dryRun, CancellationToken ct)
    {
        var problems = new List<ValueProblem>();
        var groups = new Dictionary<(int, string, string), Group>();
        var byKey = new Dictionary<string, Indicator>(StringComparer.Ordinal);
        var byName = new Dictionary<string, List<Indicator>>(StringComparer.Ordinal);
        foreach (var indicator in indicators)
        {
            byKey.TryAdd(Normal(indicator.Key), indicator);
            var name = Normal(indicator.Name);
            if (!byName.TryGetValue(name, out var named))
            {
                byName[name] = named = [];
            }

            named.Add(indicator);
        }

        if (items.Count == 0)
        {
            problems.Add(new ValueProblem(string.Empty, string.Empty, "There are no values to record"));
        }

        foreach (var item in items)
        {
            var indicator = only ?? Find(item, byKey, byName, problems);
            if (indicator is null)
            {
                continue;
            }

            var comparator = PlanText.OneLine(item.Comparator);
            if (comparator.Length > Comparator.NameMaxLength)
            {
                problems.Add(new ValueProblem(item.PlaceOf("comparator"), "comparator", $"A comparator's name must be {Comparator.NameMaxLength} characters or fewer"));
                continue;
            }

            var wanted = Read(indicator, item, problems);
            if (wanted is null)
            {
                continue;
            }

            var key = (indicator.Id, wanted.Period.Text, comparator.ToLowerInvariant());
            if (!groups.TryGetValue(key, out var group))
            {
                groups[key] = group = new Group(indicator, wanted.Period, comparator.Length > 0 ? comparator : null) { FirstItem = item };
            }

            var dimension = PlanText.OneLine(item.Dimension);
            var category = PlanText.OneLine(item.Category);
            if (dimension.Length > 0 || category.Length > 0)
            {
                AddBreakdownRow(group, item, dimension, category, wanted, problems);
                continue;
            }

            if (group.MainItem is { } earlier)
            {
                problems.Add(new ValueProblem(item.Place, "period",
                    $"{Describe(group)} is given twice: here and at {earlier.Place}"));
                continue;
            }

            if (group.Comparator is not null && wanted.Value is null)
            {
                if (wanted.Text is not null)
                {
                    continue; // "-" or "n/a" for a comparator: nothing to store, comparators hold numbers only.
                }
            }

            group.Main = wanted;
            group.MainItem = item;
            var given = ReadBreakdowns(indicator, item, problems);
            if (given is not null)
            {
                group.Breakdowns = given;
            }
        }

        var changes = new List<ValueChange>();
        var now = clock.GetUtcNow();
        var apply = new List<Action>();
        foreach (var group in groups.Values.OrderBy(g => g.Indicator.SortOrder).ThenBy(g => g.Indicator.Id).ThenBy(g => g.Comparator is not null).ThenBy(g => g.Comparator).ThenBy(g => g.Period.Start))
        {
            var indicator = group.Indicator;
            if (group.Comparator is { } name)
            {
                if (group.Main?.Value is not { } figure)
                {
                    continue;
                }

                var existing = indicator.Comparators.Find(c => c.Period == group.Period.Text && string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
                var shown = ValueReading.Display(figure, null, null, indicator.Unit);
                if (existing is null)
                {
                    changes.Add(new ValueChange(indicator.Id, indicator.Key, indicator.Name, group.Period.Text, name, ValueChangeKind.Added, null, shown));
                    apply.Add(() => indicator.Comparators.Add(new Comparator { Name = name, Period = group.Period.Text, PeriodStart = group.Period.Start, Value = figure }));
                }
                else
                {
                    var same = existing.Value == figure;
                    changes.Add(new ValueChange(indicator.Id, indicator.Key, indicator.Name, group.Period.Text, existing.Name, same ? ValueChangeKind.Unchanged : ValueChangeKind.Corrected,
                        ValueReading.Display(existing.Value, null, null, indicator.Unit), shown));
                    apply.Add(() =>
                    {
                        existing.Value = figure;
                        existing.PeriodStart = group.Period.Start;
                    });
                }

                continue;
            }

            if (group.Main is null && group.Breakdowns is null)
            {
                continue;
            }

            // Only parts given: the total stays as stored, or is left blank on a new value.
            var wanted = group.Main ?? new Wanted(group.Period, null, null, null, null) { KeepsNote = true, KeepsAsAt = true };
            var value = indicator.Values.Find(v => v.Period == group.Period.Text);
            if (group.Main is null && value is not null)
            {
                wanted = wanted with { Value = value.Value, Text = value.Text };
            }

            var newText = ValueReading.Display(wanted.Value, wanted.Text, wanted.KeepsNote ? value?.Note : wanted.Note, indicator.Unit);
            if (value is null)
            {
                changes.Add(new ValueChange(indicator.Id, indicator.Key, indicator.Name, group.Period.Text, null, ValueChangeKind.Added, null, newText));
                apply.Add(() => indicator.Values.Add(new IndicatorValue
                {
                    Period = group.Period.Text,
                    PeriodStart = group.Period.Start,
                    Value = wanted.Value,
                    Text = wanted.Text,
                    Note = wanted.Note,
                    AsAt = wanted.AsAt,
                    Source = source,
                    RecordedAt = now,
                    Breakdowns = group.Breakdowns ?? [],
                }));
                continue;
            }

            var unchanged = value.Value == wanted.Value && value.Text == wanted.Text
                && (wanted.KeepsNote || value.Note == wanted.Note)
                && (wanted.KeepsAsAt || value.AsAt == wanted.AsAt)
                && (group.Breakdowns is null || SameBreakdowns(value, group.Breakdowns));
            changes.Add(new ValueChange(indicator.Id, indicator.Key, indicator.Name, group.Period.Text, null, unchanged ? ValueChangeKind.Unchanged : ValueChangeKind.Corrected,
                ValueReading.Display(value.Value, value.Text, value.Note, indicator.Unit), newText));
            if (!unchanged)
            {
                apply.Add(() => Correct(value, wanted, group.Breakdowns, source));
            }
        }

        if (problems.Count > 0 || dryRun || changes.TrueForAll(c => c.Kind == ValueChangeKind.Unchanged))
        {
            return new ValueBatchResult(changes, problems, false);
        }

        apply.ForEach(a => a());
        var failed = await SaveAsync(ct);
        return failed is null ? new ValueBatchResult(changes, [], true) : new ValueBatchResult(changes, [failed], false);
    }

    private static void AddBreakdownRow(Group group, ValueItem item, string dimension, string category, Wanted wanted, List<ValueProblem> problems)
    {
        if (group.Comparator is not null)
        {
            problems.Add(new ValueProblem(item.PlaceOf("dimension"), "dimension", "A comparator's value cannot be split into parts"));
            return;
        }

        if (!CheckBreakdown(dimension, category, item.PlaceOf("dimension"), item.PlaceOf("category"), "dimension", "category", problems))
        {
            return;
        }

        if (group.BreakdownPlaces.TryGetValue((dimension, category), out var before))
        {
            problems.Add(new ValueProblem(item.Place, "category", $"{dimension} {category} for {Describe(group)} is given twice: here and at {before}"));
            return;
        }

        group.BreakdownPlaces[(dimension, category)] = item.Place;
        group.Breakdowns ??= [];
        group.Breakdowns.Add(new IndicatorBreakdown { Dimension = dimension, Category = category, Value = wanted.Value, Text = wanted.Text });
    }

    private static bool CheckBreakdown(string dimension, string category, string dimensionPlace, string categoryPlace, string dimensionField, string categoryField, List<ValueProblem> problems)
    {
        var ok = true;
        if (dimension.Length is 0 or > IndicatorBreakdown.DimensionMaxLength)
        {
            problems.Add(new ValueProblem(dimensionPlace, dimensionField, dimension.Length == 0
                ? "Enter what the value is split by, for example Team"
                : $"What the value is split by must be {IndicatorBreakdown.DimensionMaxLength} characters or fewer"));
            ok = false;
        }

        if (category.Length is 0 or > IndicatorBreakdown.CategoryMaxLength)
        {
            problems.Add(new ValueProblem(categoryPlace, categoryField, category.Length == 0
                ? $"Enter which {(dimension.Length > 0 ? dimension.ToLowerInvariant() : "part")} this is, for example North"
                : $"A part's name must be {IndicatorBreakdown.CategoryMaxLength} characters or fewer"));
            ok = false;
        }

        return ok;
    }

    /// <summary>The breakdowns an item gives with it, or null when it gives none.</summary>
    private static List<IndicatorBreakdown>? ReadBreakdowns(Indicator indicator, ValueItem item, List<ValueProblem> problems)
    {
        if (item.Breakdowns is not { Count: > 0 } parts)
        {
            return null;
        }

        var list = new List<IndicatorBreakdown>();
        for (var i = 0; i < parts.Count; i++)
        {
            var part = parts[i];
            var prefix = $"breakdowns[{i.ToString(System.Globalization.CultureInfo.InvariantCulture)}]";
            var dimension = PlanText.OneLine(part.Dimension);
            var category = PlanText.OneLine(part.Category);
            if (!CheckBreakdown(dimension, category, item.PlaceOf(prefix + ".dimension"), item.PlaceOf(prefix + ".category"), prefix + ".dimension", prefix + ".category", problems))
            {
                continue;
            }

            decimal? number = part.Value;
            var text = PlanText.OneLine(part.Text) is { Length: > 0 } t ? t : null;
            if (number is null && text is null)
            {
                if (!ValueReading.TryReadValue(part.ValueText, indicator.Unit, out var read, out var problem))
                {
                    problems.Add(new ValueProblem(item.PlaceOf(prefix + ".value"), prefix + ".value", problem));
                    continue;
                }

                (number, text) = (read.Value, read.Text);
            }

            if (list.Exists(b => b.Dimension == dimension && b.Category == category))
            {
                problems.Add(new ValueProblem(item.PlaceOf(prefix + ".category"), prefix + ".category", $"{dimension} {category} is given twice"));
                continue;
            }

            list.Add(new IndicatorBreakdown { Dimension = dimension, Category = category, Value = number, Text = text });
        }

        return list;
    }

    private static Indicator? Find(ValueItem item, Dictionary<string, Indicator> byKey, Dictionary<string, List<Indicator>> byName, List<ValueProblem> problems)
    {
        var written = PlanText.OneLine(item.Indicator);
        var normal = Normal(written);
        if (normal.Length == 0)
        {
            problems.Add(new ValueProblem(item.PlaceOf("indicator"), "indicator", "Enter the indicator's key or name"));
            return null;
        }

        if (byKey.TryGetValue(normal, out var keyed))
        {
            return keyed;
        }

        if (byName.TryGetValue(normal, out var named))
        {
            if (named.Count == 1)
            {
                return named[0];
            }

            problems.Add(new ValueProblem(item.PlaceOf("indicator"), "indicator", $"More than one indicator is called '{written}': use its key ({string.Join(", ", named.Select(i => i.Key))})"));
            return null;
        }

        problems.Add(new ValueProblem(item.PlaceOf("indicator"), "indicator", $"'{written}' is not an indicator of this plan: use an indicator's key or its name as the plan writes it"));
        return null;
    }

    /// <summary>Reads an item's period, figure, note and date; null (with problems) when any is wrong.</summary>
    private static Wanted? Read(Indicator indicator, ValueItem item, List<ValueProblem> problems)
    {
        var count = problems.Count;
        if (!ValueReading.TryReadPeriod(item.Period, indicator.Frequency, indicator.YearBasis, out var period, out var periodProblem))
        {
            problems.Add(new ValueProblem(item.PlaceOf("period"), "period", periodProblem));
        }
        else if (period.Text.Length > IndicatorValue.PeriodMaxLength)
        {
            problems.Add(new ValueProblem(item.PlaceOf("period"), "period", $"'{period.Text}' is too long for a period"));
        }

        decimal? value = item.Value;
        var text = PlanText.OneLine(item.Text) is { Length: > 0 } t ? t : null;
        string? cellNote = null;
        if (value is not null && text is not null)
        {
            problems.Add(new ValueProblem(item.PlaceOf("text"), "text", "Give either a number or words, not both"));
        }
        else if (text is { Length: > IndicatorValue.TextMaxLength })
        {
            problems.Add(new ValueProblem(item.PlaceOf("text"), "text", $"A value's words must be {IndicatorValue.TextMaxLength} characters or fewer"));
        }
        else if (value is null && text is null)
        {
            if (ValueReading.TryReadValue(item.ValueText, indicator.Unit, out var read, out var valueProblem))
            {
                (value, text, cellNote) = (read.Value, read.Text, read.Note);
            }
            else
            {
                problems.Add(new ValueProblem(item.PlaceOf("value"), "value", valueProblem));
            }
        }

        DateOnly? asAt = item.AsAt;
        if (asAt is null && !string.IsNullOrWhiteSpace(item.AsAtText))
        {
            if (ValueReading.TryReadDate(item.AsAtText, out var date))
            {
                asAt = date;
            }
            else
            {
                problems.Add(new ValueProblem(item.PlaceOf("asAt"), "asAt", $"'{PlanText.OneLine(item.AsAtText)}' is not a date: write it like 5 November 2026 or 2026-11-05"));
            }
        }

        var given = string.IsNullOrWhiteSpace(item.Note) ? null : item.Note.Trim();
        var note = cellNote is null ? given : given is null ? cellNote : $"{cellNote} {given}";
        if (note is { Length: > IndicatorValue.NoteMaxLength })
        {
            problems.Add(new ValueProblem(item.PlaceOf("note"), "note", $"The note must be {IndicatorValue.NoteMaxLength} characters or fewer"));
        }

        return problems.Count > count ? null : new Wanted(period, value, text, note, asAt) { KeepsNote = note is null, KeepsAsAt = asAt is null };
    }

    private void Correct(IndicatorValue value, Wanted wanted, List<IndicatorBreakdown>? breakdowns, string source)
    {
        var now = clock.GetUtcNow();
        value.Revisions.Add(new IndicatorValueRevision
        {
            Value = value.Value,
            Text = value.Text,
            AsAt = value.AsAt,
            Note = value.Note,
            Source = value.Source,
            RecordedAt = value.RecordedAt,
            ReplacedAt = now,
            ReplacedBy = source,
        });
        value.Value = wanted.Value;
        value.Text = wanted.Text;
        if (!wanted.KeepsNote)
        {
            value.Note = wanted.Note;
        }

        if (!wanted.KeepsAsAt)
        {
            value.AsAt = wanted.AsAt;
        }

        value.Source = source;
        value.RecordedAt = now;
        if (breakdowns is null)
        {
            return;
        }

        // In place, part by part: removing and re-adding the same team would trip the unique index mid-save.
        foreach (var gone in value.Breakdowns.Where(b => !breakdowns.Exists(n => n.Dimension == b.Dimension && n.Category == b.Category)).ToList())
        {
            value.Breakdowns.Remove(gone);
            db.Remove(gone);
        }

        foreach (var part in breakdowns)
        {
            if (value.Breakdowns.Find(b => b.Dimension == part.Dimension && b.Category == part.Category) is { } kept)
            {
                kept.Value = part.Value;
                kept.Text = part.Text;
            }
            else
            {
                value.Breakdowns.Add(part);
            }
        }
    }

    private static bool SameBreakdowns(IndicatorValue value, List<IndicatorBreakdown> wanted) =>
        value.Breakdowns.Count == wanted.Count
        && wanted.TrueForAll(w => value.Breakdowns.Exists(b => b.Dimension == w.Dimension && b.Category == w.Category && b.Value == w.Value && b.Text == w.Text));

    private async Task<ValueProblem?> SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return new ValueProblem(string.Empty, string.Empty, "Someone else recorded values for the same periods at the same time, so nothing was stored. Try again");
        }
    }

    private static string Describe(Group group) =>
        group.Comparator is { } name ? $"{name} for {group.Indicator.Name}, {PeriodWords.Display(group.Period.Text)}" : $"{group.Indicator.Name}, {PeriodWords.Display(group.Period.Text)}";

    /// <summary>Case and spacing do not matter when matching a key or name.</summary>
    private static string Normal(string? text) =>
        string.Join(' ', (text ?? string.Empty).Split((char[])[' ', '\t', '\n', '\r', '\u00a0'], StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
}
