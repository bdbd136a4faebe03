using System.Globalization;
using Trellis.Core.Indicators;
using Trellis.Core.People;
using Trellis.Core.Plans;

namespace Trellis.Core.Interchange;

/// <summary>
/// A three-way merge of a plan: what Trellis holds now, the file being imported, and the document of the last import
/// (their common ancestor, when there is one). Working it out changes nothing; <see cref="Apply"/> then changes the
/// tracked entities, and the caller saves. docs/import-updates.md says what the rules are and why.
/// </summary>
internal sealed class PlanMerge
{
    private readonly Plan _plan;
    private readonly List<Area> _areas;
    private readonly PlanFieldText _trellis;
    private readonly PlanFieldText _file;
    private readonly PlanFieldText? _base;
    private readonly List<Diff> _diffs = [];
    private readonly List<AreaPlan> _areaPlans = [];
    private readonly List<IndicatorPlan> _indicatorPlans = [];
    private readonly List<Person> _keyLeadsToAdd = [];

    /// <param name="plan">Loaded with everything the exporter includes; tracked when the merge is to be applied.</param>
    /// <param name="file">The document being imported, checked.</param>
    /// <param name="baseline">The last import's document; null when the plan was never imported.</param>
    /// <param name="people">The file's people resolved against the organisation's, as the importer resolves them.</param>
    public PlanMerge(Plan plan, PlanDocument file, PlanDocument? baseline, IReadOnlyDictionary<string, Person> people)
    {
        _plan = plan;
        _areas = [.. plan.Areas.OrderBy(a => a.SortOrder).ThenBy(a => a.Id)];
        _trellis = new PlanFieldText(PlanExporter.Write(plan));
        _file = new PlanFieldText(file);
        _base = baseline is null ? null : new PlanFieldText(baseline);
        ComparePlan();
        MergeAreas();
        MergeIndicators();
        var keyLeads = plan.KeyLeads.Select(k => k.PersonId).ToHashSet();
        _keyLeadsToAdd.AddRange((file.People ?? []).Select(p => people[p.Id.Trim()]).Where(p => p.Id == 0 || !keyLeads.Contains(p.Id)).Distinct());
    }

    public List<AreaMatch> Areas { get; } = [];

    public IEnumerable<FieldChange> Changes => _diffs.Where(d => !d.IsConflict).Select(d => new FieldChange(d.Key, d.Place, d.Field, d.Trellis, d.File));

    public IEnumerable<Conflict> Conflicts => _diffs.Where(d => d.IsConflict).Select(d => new Conflict(d.Key, d.Place, d.Field, d.Base, d.Trellis, d.File));

    public List<IndicatorMatch> Indicators { get; } = [];

    public IEnumerable<string> KeyLeadsToAdd => _keyLeadsToAdd.Select(p => p.Id == 0 ? $"{Label(p)} (new)" : Label(p));

    /// <summary>Makes the changes on the tracked plan. Nothing is saved here.</summary>
    public ImportResult Apply(IReadOnlySet<string> takeFromFile, PlanBuilder builder)
    {
        var counts = new ImportResult();
        var touchedActions = new HashSet<PlanAction>(ReferenceEqualityComparer.Instance);
        var touchedAreas = new HashSet<Area>(ReferenceEqualityComparer.Instance);
        var applier = new Applier(builder);
        foreach (var diff in _diffs)
        {
            var take = !diff.IsConflict || takeFromFile.Contains(diff.Key);
            if (diff.IsConflict)
            {
                counts = take ? counts with { ConflictsTookFile = counts.ConflictsTookFile + 1 } : counts with { ConflictsKeptTrellis = counts.ConflictsKeptTrellis + 1 };
            }
            else
            {
                counts = counts with { ChangesApplied = counts.ChangesApplied + 1 };
            }

            if (take)
            {
                diff.Apply(applier);
                if (diff.Action is { } action)
                {
                    touchedActions.Add(action);
                }
                else if (diff.Area is { } area)
                {
                    touchedAreas.Add(area);
                }
            }
        }

        var sortOrder = 0;
        foreach (var areaPlan in _areaPlans)
        {
            var area = areaPlan.Existing;
            if (area is null)
            {
                area = builder.BuildArea(areaPlan.NewDoc!, sortOrder);
                _plan.Areas.Add(area);
                counts = counts with
                {
                    AreasAdded = counts.AreasAdded + 1,
                    ActionsAdded = counts.ActionsAdded + area.Actions.Count,
                    MonitoringAdded = counts.MonitoringAdded + area.Monitoring.Count,
                };
            }
            else
            {
                var actionOrder = 0;
                foreach (var slot in areaPlan.Actions)
                {
                    var action = slot.Existing;
                    if (action is null)
                    {
                        action = builder.BuildAction(slot.NewDoc!, actionOrder);
                        area.Actions.Add(action);
                        counts = counts with { ActionsAdded = counts.ActionsAdded + 1 };
                        touchedAreas.Add(area);
                    }

                    action.SortOrder = actionOrder++;
                }

                foreach (var entry in areaPlan.MonitoringToAdd)
                {
                    area.Monitoring.Add(builder.BuildMonitoring(entry));
                    counts = counts with { MonitoringAdded = counts.MonitoringAdded + 1 };
                    touchedAreas.Add(area);
                }
            }

            area.SortOrder = sortOrder++;
        }

        foreach (var action in touchedActions)
        {
            // A new version, so anyone who opened the action before the import is told it changed under them.
            action.Version = Guid.NewGuid();
            touchedAreas.Add(action.Area);
        }

        counts = counts with
        {
            ActionsUpdated = touchedActions.Count,
            AreasUpdated = touchedAreas.Count(a => a.Id != 0),
        };
        counts = MergeIndicatorsInto(counts, builder);

        var keyLeadOrder = _plan.KeyLeads.Select(k => k.SortOrder).DefaultIfEmpty(-1).Max() + 1;
        foreach (var person in _keyLeadsToAdd)
        {
            _plan.KeyLeads.Add(new PlanPerson { Person = person, SortOrder = keyLeadOrder++ });
        }

        return counts with { KeyLeadsAdded = _keyLeadsToAdd.Count };
    }

    private ImportResult MergeIndicatorsInto(ImportResult counts, PlanBuilder builder)
    {
        var order = _plan.Indicators.Select(i => i.SortOrder).DefaultIfEmpty(-1).Max() + 1;
        foreach (var item in _indicatorPlans)
        {
            if (item.Existing is null)
            {
                var indicator = builder.BuildIndicator(item.NewDoc!, order++, Path("$.indicators", item.FileIndex));
                indicator.Key = FreeKey(indicator.Key);
                _plan.Indicators.Add(indicator);
                counts = counts with { IndicatorsAdded = counts.IndicatorsAdded + 1, IndicatorValuesAdded = counts.IndicatorValuesAdded + indicator.Values.Count };
                continue;
            }

            foreach (var (value, index) in item.Values)
            {
                if (builder.BuildValue(value, Path(Path("$.indicators", item.FileIndex) + ".values", index)) is { } built)
                {
                    item.Existing.Values.Add(built);
                    counts = counts with { IndicatorValuesAdded = counts.IndicatorValuesAdded + 1 };
                }
            }

            item.Existing.Comparators.AddRange(item.Comparators.Select(PlanBuilder.BuildComparator));
        }

        return counts;
    }

    /// <summary>The file's key for a new indicator, or one made from it when the plan already uses it.</summary>
    private string FreeKey(string key)
    {
        var taken = _plan.Indicators.Select(i => i.Key).ToHashSet(StringComparer.Ordinal);
        if (!taken.Contains(key))
        {
            return key;
        }

        for (var n = 2; ; n++)
        {
            var candidate = string.Create(CultureInfo.InvariantCulture, $"{key}-{n}");
            if (candidate.Length <= Indicator.KeyMaxLength && !taken.Contains(candidate))
            {
                return candidate;
            }

            if (candidate.Length > Indicator.KeyMaxLength)
            {
                key = key[..^1];
            }
        }
    }

    private void ComparePlan()
    {
        var file = _file.Document;
        PlanField("title", "Title", d => PlanFieldText.Text(d.Plan.Title), () => _plan.Title = file.Plan.Title.Trim());
        PlanField("status", "Status", d => d.Plan.Status ?? InterchangeWords.PlanStatus.Word(PlanStatus.Draft), () =>
            _plan.Status = InterchangeWords.PlanStatus.TryRead(file.Plan.Status, out var status) ? status : PlanStatus.Draft);
        PlanField("period-start", "Start of the plan's period", d => PlanFieldText.Date(d.Plan.PeriodStart), () => _plan.PeriodStart = file.Plan.PeriodStart);
        PlanField("period-end", "End of the plan's period", d => PlanFieldText.Date(d.Plan.PeriodEnd), () => _plan.PeriodEnd = file.Plan.PeriodEnd);
        PlanField("cadence", "Monitoring", d => d.Plan.MonitoringCadence ?? InterchangeWords.Cadence.Word(MonitoringCadence.Quarterly), () =>
            _plan.MonitoringCadence = InterchangeWords.Cadence.TryRead(file.Plan.MonitoringCadence, out var cadence) ? cadence : MonitoringCadence.Quarterly);
        PlanField("financial-quarters", "Quarters are financial", d => d.Plan.QuartersAreFinancial ? "yes" : "no", () => _plan.QuartersAreFinancial = file.Plan.QuartersAreFinancial);
        PlanField("governance", "Governance", d => PlanFieldText.List(d.Plan.Governance), () => _plan.Governance = DocText.Clean(file.Plan.Governance));

        var inspection = file.Inspection ?? new InspectionDoc();
        InspectionField("framework", "Framework", d => PlanFieldText.Text(d.Inspection?.Framework), i => i.Framework = DocText.Blank(inspection.Framework));
        InspectionField("start", "Start", d => PlanFieldText.Date(d.Inspection?.Start), i => i.Start = inspection.Start);
        InspectionField("end", "End", d => PlanFieldText.Date(d.Inspection?.End), i => i.End = inspection.End);
        InspectionField("published", "Published", d => PlanFieldText.Date(d.Inspection?.Published), i => i.Published = inspection.Published);
        InspectionField("judgements", "Judgements", d => PlanFieldText.Judgements(d.Inspection), i =>
        {
            i.Judgements.Clear();
            i.Judgements.AddRange(PlanBuilder.BuildInspection(inspection).Judgements);
        });
    }

    private void PlanField(string id, string field, Func<PlanDocument, string?> read, System.Action apply) =>
        Compare("plan." + id, "Plan", field, _base is not null, _base is null ? null : read(_base.Document), read(_trellis.Document), read(_file.Document), null, null, _ => apply());

    private void InspectionField(string id, string field, Func<PlanDocument, string?> read, Action<Inspection> apply) =>
        Compare("inspection." + id, "Inspection", field, _base is not null, _base is null ? null : read(_base.Document), read(_trellis.Document), read(_file.Document), null, null,
            _ => apply(_plan.Inspection ??= new Inspection()));

    private void MergeAreas()
    {
        var trellis = _trellis.Document.Areas;
        var file = _file.Document.Areas;
        var baseline = _base?.Document.Areas;
        static PlanMatcher.Item Item(AreaDoc a) => new(a.Number, a.Title);
        var pairing = Pairing.Of(trellis.Select(Item).ToList(), file.Select(Item).ToList(), baseline?.Select(Item).ToList(), "number", "title");

        foreach (var (t, f) in pairing.Slots)
        {
            if (t is { } ti && f is { } fi)
            {
                var baseArea = pairing.TrellisToBase.TryGetValue(ti, out var bi) ? baseline![bi] : null;
                MergeArea(_areas[ti], trellis[ti], file[fi], baseArea, pairing.How[fi]);
            }
            else if (t is { } only)
            {
                var doc = trellis[only];
                Areas.Add(new AreaMatch
                {
                    Kind = MatchKind.OnlyInTrellis,
                    AreaId = _areas[only].Id,
                    Number = doc.Number,
                    Title = doc.Title,
                    Actions = [.. (doc.Actions ?? []).Select((x, i) => new ActionMatch { Kind = MatchKind.OnlyInTrellis, ActionId = OrderedActions(_areas[only])[i].Id, Ref = x.Ref, Text = x.Text })],
                });
                _areaPlans.Add(new AreaPlan(_areas[only], null, [.. OrderedActions(_areas[only]).Select(x => new ActionSlot(x, null))], []));
            }
            else
            {
                var doc = file[f!.Value];
                var removed = pairing.RemovedInTrellis.Contains(f.Value);
                var kind = removed ? MatchKind.RemovedInTrellis : MatchKind.New;
                Areas.Add(new AreaMatch
                {
                    Kind = kind,
                    Number = doc.Number,
                    Title = doc.Title,
                    How = removed ? "in the last import, deleted in Trellis since" : string.Empty,
                    Actions = [.. (doc.Actions ?? []).Select(x => new ActionMatch { Kind = kind, Ref = x.Ref, Text = x.Text })],
                    MonitoringToAdd = removed ? [] : [.. (doc.Monitoring ?? []).Select(m => m.Period)],
                });
                if (!removed)
                {
                    _areaPlans.Add(new AreaPlan(null, doc, [], []));
                }
            }
        }
    }

    private void MergeArea(Area area, AreaDoc trellis, AreaDoc file, AreaDoc? baseline, string how)
    {
        var place = $"Area {trellis.Number}";
        var hasBase = baseline is not null;
        void Field(string id, string field, Func<PlanFieldText, AreaDoc, string?> read, Action<Area, Area> apply) =>
            Compare($"area-{area.Id}.{id}", place, field, hasBase, baseline is null ? null : read(_base!, baseline), read(_trellis, trellis), read(_file, file), area, null,
                applier => apply(area, applier.Built(file)));

        Field("number", "Number", (_, a) => PlanFieldText.Text(a.Number), (t, f) => t.Number = f.Number);
        Field("title", "Title", (_, a) => PlanFieldText.Text(a.Title), (t, f) => t.Title = f.Title);
        Field("theme", "Theme", (_, a) => PlanFieldText.Theme(a.Theme), (t, f) =>
        {
            t.Theme = f.Theme;
            t.ThemeId = f.Theme?.Id is > 0 ? f.Theme.Id : null;
        });
        Field("source", "Source", (_, a) => PlanFieldText.Source(a.Source), (t, f) => (t.SourceKind, t.SourceReference) = (f.SourceKind, f.SourceReference));
        Field("leads", "Leads", (v, a) => v.Owners(a.Leads), (t, f) => ReplaceLeads(t, f, LeadRole.Lead));
        Field("senior-leads", "Senior leads", (v, a) => v.Owners(a.SeniorLeads), (t, f) => ReplaceLeads(t, f, LeadRole.SeniorLead));
        Field("linked-plans", "Linked plans", (_, a) => PlanFieldText.List(a.LinkedPlans), (t, f) => t.LinkedPlans = f.LinkedPlans);
        Field("partners", "Partners", (_, a) => PlanFieldText.List(a.Partners), (t, f) => t.Partners = f.Partners);
        Field("objectives", "Objectives", (_, a) => PlanFieldText.List(a.Objectives), (t, f) => t.Objectives = f.Objectives);
        Field("outcomes", "Expected outcomes", (_, a) => PlanFieldText.List(a.Outcomes), (t, f) => t.Outcomes = f.Outcomes);
        Field("measures", "Measures of success", (_, a) => PlanFieldText.List(a.MeasuresOfSuccess), (t, f) => t.MeasuresOfSuccess = f.MeasuresOfSuccess);
        Field("rag", "RAG rating", (_, a) => PlanFieldText.Text(a.Rag), (t, f) => t.RagCode = f.RagCode);

        var monitoringToAdd = MergeMonitoring(area, place, trellis, file, baseline);
        var (matches, slots) = MergeActions(area, place, trellis, file, baseline);
        Areas.Add(new AreaMatch
        {
            Kind = MatchKind.Matched,
            AreaId = area.Id,
            Number = file.Number,
            Title = file.Title,
            How = how,
            Actions = matches,
            MonitoringToAdd = [.. monitoringToAdd.Select(m => m.Period)],
        });
        _areaPlans.Add(new AreaPlan(area, null, slots, monitoringToAdd));
    }

    /// <summary>
    /// A period only the file has is added, unless the last import had it too (then it was deleted in Trellis); a
    /// period both have is a field like any other, so commentary written in Trellis is never overwritten unasked.
    /// </summary>
    private List<MonitoringDoc> MergeMonitoring(Area area, string place, AreaDoc trellis, AreaDoc file, AreaDoc? baseline)
    {
        static string PeriodKey(string period) => PlanMatcher.Normalise(period);
        MonitoringDoc? In(AreaDoc? doc, string period) => doc?.Monitoring?.FirstOrDefault(m => PeriodKey(m.Period) == PeriodKey(period));
        var toAdd = new List<MonitoringDoc>();
        foreach (var entry in (file.Monitoring ?? []).DistinctBy(m => PeriodKey(m.Period)))
        {
            var ours = In(trellis, entry.Period);
            if (ours is null)
            {
                if (In(baseline, entry.Period) is null)
                {
                    toAdd.Add(entry);
                }

                continue;
            }

            var stored = area.Monitoring.First(m => PeriodKey(m.Period) == PeriodKey(entry.Period));
            Compare($"area-{area.Id}.monitoring.{stored.Period}", place, $"Monitoring {stored.Period}", baseline is not null,
                PlanFieldText.Monitoring(In(baseline, entry.Period)), PlanFieldText.Monitoring(ours), PlanFieldText.Monitoring(entry), area, null, _ =>
                {
                    stored.ProgressRag = DocText.Blank(entry.ProgressRag);
                    stored.ImpactRag = DocText.Blank(entry.ImpactRag);
                    stored.Commentary = DocText.Blank(entry.Commentary);
                    stored.FurtherActions = DocText.Blank(entry.FurtherActions);
                });
        }

        return toAdd;
    }

    private (List<ActionMatch> Matches, List<ActionSlot> Slots) MergeActions(Area area, string areaPlace, AreaDoc trellisArea, AreaDoc fileArea, AreaDoc? baseArea)
    {
        var trellis = trellisArea.Actions ?? [];
        var file = fileArea.Actions ?? [];
        var baseline = baseArea?.Actions;
        var entities = OrderedActions(area);
        static PlanMatcher.Item Item(ActionDoc a) => new(a.Ref, a.Text);
        var pairing = Pairing.Of(trellis.Select(Item).ToList(), file.Select(Item).ToList(), baseline?.Select(Item).ToList(), "ref", "text");
        var matches = new List<ActionMatch>();
        var slots = new List<ActionSlot>();
        foreach (var (t, f) in pairing.Slots)
        {
            if (t is { } ti && f is { } fi)
            {
                var action = entities[ti];
                var baseAction = pairing.TrellisToBase.TryGetValue(ti, out var bi) ? baseline![bi] : null;
                CompareAction(action, ActionPlace(areaPlace, trellis, ti), trellis[ti], file[fi], baseAction, baseArea is not null && baseAction is not null);
                matches.Add(new ActionMatch { Kind = MatchKind.Matched, ActionId = action.Id, Ref = file[fi].Ref, Text = file[fi].Text, How = pairing.How[fi] });
                slots.Add(new ActionSlot(action, null));
            }
            else if (t is { } only)
            {
                matches.Add(new ActionMatch { Kind = MatchKind.OnlyInTrellis, ActionId = entities[only].Id, Ref = trellis[only].Ref, Text = trellis[only].Text });
                slots.Add(new ActionSlot(entities[only], null));
            }
            else
            {
                var removed = pairing.RemovedInTrellis.Contains(f!.Value);
                matches.Add(new ActionMatch
                {
                    Kind = removed ? MatchKind.RemovedInTrellis : MatchKind.New,
                    Ref = file[f.Value].Ref,
                    Text = file[f.Value].Text,
                    How = removed ? "in the last import, deleted in Trellis since" : string.Empty,
                });
                if (!removed)
                {
                    slots.Add(new ActionSlot(null, file[f.Value]));
                }
            }
        }

        return (matches, slots);
    }

    private void CompareAction(PlanAction action, string place, ActionDoc trellis, ActionDoc file, ActionDoc? baseline, bool hasBase)
    {
        void Field(string id, string field, Func<PlanFieldText, ActionDoc, string?> read, Action<PlanAction, PlanAction> apply) =>
            Compare($"action-{action.Id}.{id}", place, field, hasBase, baseline is null ? null : read(_base!, baseline), read(_trellis, trellis), read(_file, file), action.Area, action,
                applier => apply(action, applier.Built(file)));

        Field("ref", "Ref", (_, a) => PlanFieldText.Text(a.Ref), (t, f) => t.Ref = f.Ref);
        Field("text", "Text", (_, a) => PlanFieldText.Text(a.Text), (t, f) => t.Text = f.Text);
        Field("owners", "Owners", (v, a) => v.Owners(a.Owners), (t, f) =>
        {
            t.Owners.Clear();
            t.Owners.AddRange(f.Owners);
        });
        Field("due", "Due date", (v, a) => v.Due(a.Due), (t, f) =>
        {
            t.Due.Text = f.Due.Text;
            t.Due.Date = f.Due.Date;
            t.Due.Precision = f.Due.Precision;
        });
        Field("milestones", "Milestones", (v, a) => v.Milestones(a), (t, f) =>
        {
            t.Milestones.Clear();
            t.Milestones.AddRange(f.Milestones);
        });
        Field("status", "Status", (_, a) => PlanFieldText.Text(a.Status), (t, f) => t.Status = f.Status);
        Field("rag", "RAG rating", (_, a) => PlanFieldText.Text(a.Rag), (t, f) => t.RagCode = f.RagCode);
        Field("comments", "Comments", (_, a) => PlanFieldText.Text(a.Comments), (t, f) => t.Comments = f.Comments);
    }

    /// <summary>"Area 2 › action 3", with the start of the text when the ref is used twice in the area.</summary>
    private static string ActionPlace(string areaPlace, List<ActionDoc> actions, int index)
    {
        var action = actions[index];
        var repeated = actions.Count(a => PlanMatcher.Key(a.Ref) == PlanMatcher.Key(action.Ref)) > 1;
        var text = action.Text.Trim();
        return repeated
            ? $"{areaPlace} › action {action.Ref.Trim()} (“{(text.Length > 40 ? text[..40] + "…" : text)}”)"
            : $"{areaPlace} › action {action.Ref.Trim()}";
    }

    /// <summary>Indicators are matched by name; the file adds indicators, values for new periods and comparators, and changes nothing already held.</summary>
    private void MergeIndicators()
    {
        var file = _file.Document.Indicators ?? [];
        var matched = new HashSet<Indicator>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < file.Count; i++)
        {
            var doc = file[i];
            var existing = _plan.Indicators.FirstOrDefault(x => !matched.Contains(x) && PlanMatcher.Normalise(x.Name) == PlanMatcher.Normalise(doc.Name));
            if (existing is null)
            {
                _indicatorPlans.Add(new IndicatorPlan(i, null, doc, [], []));
                Indicators.Add(new IndicatorMatch { Kind = MatchKind.New, Name = doc.Name.Trim(), ValuesToAdd = doc.Values?.Count ?? 0, ComparatorsToAdd = doc.Comparators?.Count ?? 0 });
                continue;
            }

            matched.Add(existing);
            var periods = existing.Values.Select(v => PeriodKey(v.Period)).ToHashSet(StringComparer.Ordinal);
            var values = (doc.Values ?? []).Select((v, index) => (v, index)).Where(x => periods.Add(PeriodKey(x.v.Period))).ToList();
            var comparatorKeys = existing.Comparators.Select(c => (PlanMatcher.Normalise(c.Name), PeriodKey(c.Period))).ToHashSet();
            var comparators = (doc.Comparators ?? []).Where(c => comparatorKeys.Add((PlanMatcher.Normalise(c.Name), PeriodKey(c.Period)))).ToList();
            _indicatorPlans.Add(new IndicatorPlan(i, existing, null, values, comparators));
            Indicators.Add(new IndicatorMatch { Kind = MatchKind.Matched, Name = existing.Name, ValuesToAdd = values.Count, ComparatorsToAdd = comparators.Count });
        }

        Indicators.AddRange(_plan.Indicators.Where(x => !matched.Contains(x)).OrderBy(x => x.SortOrder).ThenBy(x => x.Id)
            .Select(x => new IndicatorMatch { Kind = MatchKind.OnlyInTrellis, Name = x.Name }));
    }

    /// <summary>A period as stored ("2019/20 Q3"), so "2019/20 q3" in a file is the same period.</summary>
    private static string PeriodKey(string period) => Dates.Period.TryParse(period, out var parsed) ? parsed.Text : PlanMatcher.Normalise(period);

    /// <summary>
    /// The rule: the file changed it and Trellis did not → take the file's; Trellis changed it and the file did not →
    /// keep Trellis's; both changed it, or there is no last import to tell who changed what → a conflict. Without a
    /// last import, a field the file leaves blank says nothing (a board report of indicator tables has no inspection
    /// dates), so Trellis's value stands without a question.
    /// </summary>
    private void Compare(string key, string place, string field, bool hasBase, string? baseline, string? trellis, string? file, Area? area, PlanAction? action, Action<Applier> apply)
    {
        if (Same(trellis, file) || (hasBase && Same(file, baseline)) || (!hasBase && Collapse(file) is null or ""))
        {
            return;
        }

        var conflict = !(hasBase && Same(trellis, baseline));
        _diffs.Add(new Diff(key, place, field, hasBase ? baseline : null, trellis, file, conflict, area, action, apply));
    }

    /// <summary>Runs of spaces and line breaks do not make a difference worth asking about.</summary>
    private static bool Same(string? a, string? b) => string.Equals(Collapse(a), Collapse(b), StringComparison.Ordinal);

    private static string? Collapse(string? text) => text is null ? null : string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static void ReplaceLeads(Area target, Area built, LeadRole role)
    {
        target.Leads.RemoveAll(l => l.Role == role);
        target.Leads.AddRange(built.Leads.Where(l => l.Role == role));
        var order = 0;
        foreach (var lead in target.Leads.OrderBy(l => l.Role).ThenBy(l => l.SortOrder).ToList())
        {
            lead.SortOrder = order++;
        }
    }

    private static List<PlanAction> OrderedActions(Area area) => [.. area.Actions.OrderBy(x => x.SortOrder).ThenBy(x => x.Id)];

    private static string Label(Person person) => PlanFieldText.PersonLabel(new PersonDoc { Id = "-", Name = person.Name, Initials = person.Initials, JobTitle = person.JobTitle });

    private static string Path(string path, int index) => string.Create(CultureInfo.InvariantCulture, $"{path}[{index}]");

    private sealed record Diff(
        string Key, string Place, string Field, string? Base, string? Trellis, string? File, bool IsConflict, Area? Area, PlanAction? Action, Action<Applier> Apply);

    private sealed record AreaPlan(Area? Existing, AreaDoc? NewDoc, List<ActionSlot> Actions, List<MonitoringDoc> MonitoringToAdd);

    private sealed record ActionSlot(PlanAction? Existing, ActionDoc? NewDoc);

    private sealed record IndicatorPlan(int FileIndex, Indicator? Existing, IndicatorDoc? NewDoc, List<(IndicatorValueDoc Value, int Index)> Values, List<ComparatorDoc> Comparators);

    /// <summary>Builds the file's version of an area or action once, for the fields taken from it to be copied from.</summary>
    private sealed class Applier(PlanBuilder builder)
    {
        private readonly Dictionary<AreaDoc, Area> _areas = new(ReferenceEqualityComparer.Instance);
        private readonly Dictionary<ActionDoc, PlanAction> _actions = new(ReferenceEqualityComparer.Instance);

        public Area Built(AreaDoc doc) => _areas.TryGetValue(doc, out var area) ? area : _areas[doc] = builder.BuildArea(doc, 0);

        public PlanAction Built(ActionDoc doc) => _actions.TryGetValue(doc, out var action) ? action : _actions[doc] = builder.BuildAction(doc, 0);
    }

    /// <summary>
    /// How the items of Trellis and the file pair up, with the last import's help: an item both sides edited beyond
    /// recognition is still paired when each matches the same item of the last import.
    /// </summary>
    private sealed class Pairing
    {
        public Dictionary<int, int> FileToTrellis { get; } = [];
        public Dictionary<int, string> How { get; } = [];
        public Dictionary<int, int> TrellisToBase { get; } = [];
        public HashSet<int> RemovedInTrellis { get; } = [];

        /// <summary>Trellis's items in order, each file item that is not matched placed after its matched predecessor (and what only Trellis has after that).</summary>
        public List<(int? Trellis, int? File)> Slots { get; } = [];

        public static Pairing Of(List<PlanMatcher.Item> trellis, List<PlanMatcher.Item> file, List<PlanMatcher.Item>? baseline, string keyWord, string textWord)
        {
            var pairing = new Pairing();
            foreach (var pair in PlanMatcher.Match(trellis, file, keyWord, textWord))
            {
                pairing.FileToTrellis[pair.Right] = pair.Left;
                pairing.How[pair.Right] = pair.How;
            }

            if (baseline is not null)
            {
                foreach (var pair in PlanMatcher.Match(trellis, baseline, keyWord, textWord))
                {
                    pairing.TrellisToBase[pair.Left] = pair.Right;
                }

                var baseToTrellis = pairing.TrellisToBase.ToDictionary(p => p.Value, p => p.Key);
                var trellisTaken = pairing.FileToTrellis.Values.ToHashSet();
                foreach (var pair in PlanMatcher.Match(baseline, file, keyWord, textWord).Where(p => !pairing.FileToTrellis.ContainsKey(p.Right)))
                {
                    if (!baseToTrellis.TryGetValue(pair.Left, out var t))
                    {
                        pairing.RemovedInTrellis.Add(pair.Right);
                    }
                    else if (trellisTaken.Add(t))
                    {
                        pairing.FileToTrellis[pair.Right] = t;
                        pairing.How[pair.Right] = "through the last import: " + pair.How;
                    }
                }
            }

            var trellisToFile = pairing.FileToTrellis.ToDictionary(p => p.Value, p => p.Key);
            pairing.Slots.AddRange(Enumerable.Range(0, trellis.Count).Select(t => ((int?)t, trellisToFile.TryGetValue(t, out var f) ? f : (int?)null)));
            var insertAt = 0;
            for (var f = 0; f < file.Count; f++)
            {
                if (pairing.FileToTrellis.TryGetValue(f, out var t))
                {
                    insertAt = pairing.Slots.FindIndex(s => s.Trellis == t) + 1;
                }
                else
                {
                    // After what Trellis alone has there too: the file's new area 3 goes after the area 2 it no longer lists.
                    while (insertAt < pairing.Slots.Count && pairing.Slots[insertAt].File is null)
                    {
                        insertAt++;
                    }

                    pairing.Slots.Insert(insertAt++, (null, f));
                }
            }

            return pairing;
        }
    }
}
