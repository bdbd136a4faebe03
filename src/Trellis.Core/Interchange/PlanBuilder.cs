using System.Globalization;
using Trellis.Core.Dates;
using Trellis.Core.Indicators;
using Trellis.Core.Monitoring;
using Trellis.Core.People;
using Trellis.Core.Plans;

namespace Trellis.Core.Interchange;

/// <summary>
/// Builds the entities of a new plan from a checked document, in memory. One method per part of the document, so a
/// later re-import can build just the parts it did not match.
/// </summary>
internal sealed class PlanBuilder(PlanDocument document, IReadOnlyDictionary<string, Person> people, DateTimeOffset now)
{
    private readonly DueDateReaderOptions _dueOptions = new() { BareQuartersAreFinancial = document.Plan.QuartersAreFinancial };
    private readonly Dictionary<string, Theme> _themes = new(StringComparer.Ordinal);

    /// <summary>What could not be built; the plan must not be stored when there is any.</summary>
    public List<InterchangeProblem> Problems { get; } = [];

    /// <summary>
    /// Where an area finds a theme the builder has not built itself: an update of an existing plan hands over the
    /// plan's own themes.
    /// </summary>
    public Func<string, Theme>? ExistingTheme { get; init; }

    public Plan Build(int organisationId)
    {
        var source = document.Plan;
        var plan = new Plan
        {
            OrganisationId = organisationId,
            Title = source.Title.Trim(),
            Status = Read(source.Status, InterchangeWords.PlanStatus) ?? PlanStatus.Draft,
            PeriodStart = source.PeriodStart,
            PeriodEnd = source.PeriodEnd,
            MonitoringCadence = Read(source.MonitoringCadence, InterchangeWords.Cadence) ?? MonitoringCadence.Quarterly,
            QuartersAreFinancial = source.QuartersAreFinancial,
            Governance = DocText.Clean(source.Governance),
            Unplaced = DocText.Clean(document.Unplaced),
            Inspection = document.Inspection is { } inspection ? BuildInspection(inspection) : null,
            RagRatings = [.. BuildScale(source.RagScales?.Progress, RagScale.Progress), .. BuildScale(source.RagScales?.Impact, RagScale.Impact)],
        };

        // Every person of the document is a key lead, in the document's order.
        plan.KeyLeads.AddRange((document.People ?? []).Select((p, i) => new PlanPerson { Person = people[p.Id.Trim()], SortOrder = i }));
        plan.Themes.AddRange((document.Themes ?? []).Select(BuildTheme));
        plan.Areas.AddRange(document.Areas.Select(BuildArea));
        plan.Indicators.AddRange((document.Indicators ?? []).Select((x, i) => BuildIndicator(x, i, Item("$.indicators", i))));
        return plan;
    }

    internal static Inspection BuildInspection(InspectionDoc inspection) => new()
    {
        Framework = DocText.Blank(inspection.Framework),
        Start = inspection.Start,
        End = inspection.End,
        Published = inspection.Published,
        Judgements = [.. (inspection.Judgements ?? []).Select((j, i) => BuildJudgement(j, i))],
    };

    /// <summary>
    /// One of the five words becomes the grade; a grade written another way is kept as written, with the grade it
    /// starts with when it starts with one ("Requires improvement to be good").
    /// </summary>
    private static Judgement BuildJudgement(JudgementDoc judgement, int order)
    {
        var written = judgement.Grade.Trim();
        if (InterchangeWords.Grade.TryRead(written, out var exact))
        {
            return new Judgement { Area = judgement.Area.Trim(), Grade = exact, SortOrder = order };
        }

        var startsWith = InterchangeWords.Grade.Words
            .Where(w => written.StartsWith(w + " ", StringComparison.OrdinalIgnoreCase) || written.Equals(w, StringComparison.OrdinalIgnoreCase))
            .Select(w => InterchangeWords.Grade.TryRead(w, out var grade) ? grade : (Grade?)null)
            .FirstOrDefault();
        return new Judgement { Area = judgement.Area.Trim(), Grade = startsWith, GradeText = DocText.Blank(written), SortOrder = order };
    }

    /// <summary>The document's scale, or the default one when the document has none.</summary>
    private static List<RagRating> BuildScale(List<RagRatingDoc>? ratings, RagScale scale) => ratings is null
        ? RagRating.DefaultScale(scale)
        :
        [
            .. ratings.Select((r, i) => new RagRating
            {
                Scale = scale,
                Code = r.Code.Trim(),
                Label = r.Label.Trim(),
                Meaning = DocText.Blank(r.Meaning),
                IsComplete = r.Complete ?? false,
                Colour = RagRating.ColourFor(r.Code, r.Label),
                SortOrder = i,
            }),
        ];

    private Theme BuildTheme(ThemeDoc doc, int order)
    {
        var theme = new Theme { Key = doc.Key.Trim(), Title = doc.Title.Trim(), SortOrder = order };
        _themes[theme.Key] = theme;
        return theme;
    }

    internal Area BuildArea(AreaDoc doc, int order)
    {
        var area = new Area
        {
            Number = doc.Number.Trim(),
            Theme = doc.Theme is { } key ? ThemeFor(key.Trim()) : null,
            Title = doc.Title.Trim(),
            SourceKind = doc.Source is { } source ? Read(source.Kind, InterchangeWords.SourceKind) : null,
            SourceReference = DocText.Blank(doc.Source?.Reference),
            LinkedPlans = DocText.Clean(doc.LinkedPlans),
            Partners = DocText.Clean(doc.Partners),
            Objectives = DocText.Clean(doc.Objectives),
            Outcomes = DocText.Clean(doc.Outcomes),
            MeasuresOfSuccess = DocText.Clean(doc.MeasuresOfSuccess),
            RagCode = DocText.Blank(doc.Rag),
            Warnings = DocText.Clean(doc.Warnings),
            SortOrder = order,
        };

        // Leads and senior leads share one order, as the area pages keep them.
        var leads = (doc.Leads ?? []).Select(o => (LeadRole.Lead, o)).Concat((doc.SeniorLeads ?? []).Select(o => (LeadRole.SeniorLead, o)));
        area.Leads.AddRange(leads.Select((lead, i) => new AreaLead
        {
            Role = lead.Item1,
            Person = PersonOf(lead.o),
            Text = lead.o.Person is null ? (lead.o.Text ?? string.Empty).Trim() : null,
            SortOrder = i,
        }));
        area.Actions.AddRange((doc.Actions ?? []).Select(BuildAction));
        area.Monitoring.AddRange((doc.Monitoring ?? []).Select(BuildMonitoring));
        return area;
    }

    internal PlanAction BuildAction(ActionDoc doc, int order)
    {
        var (due, reading) = BuildDue(doc.Due);
        var action = new PlanAction
        {
            Ref = doc.Ref.Trim(),
            Text = doc.Text.Trim(),
            Due = due,
            Status = doc.Status is { } status ? Read(status, InterchangeWords.ActionStatus) : null,
            RagCode = DocText.Blank(doc.Rag),
            Comments = DocText.Blank(doc.Comments),
            Warnings = [.. DocText.Clean(doc.Warnings), .. reading?.Warnings ?? []],
            SortOrder = order,
            Owners = [.. (doc.Owners ?? []).Select((o, i) => new ActionOwner { Person = PersonOf(o), Text = o.Person is null ? (o.Text ?? string.Empty).Trim() : null, SortOrder = i })],
            Milestones = [.. (doc.Milestones ?? []).Select(BuildMilestone)],
        };

        // A due cell naming several dates becomes milestones, as a Word cell would, unless the document gave its own.
        if (reading is { HasMilestones: true } && action.Milestones.Count == 0)
        {
            action.Milestones.AddRange(reading.Parts.Select((p, i) => new Milestone { Text = p.Text, Due = Due.From(p), Warnings = [.. p.Warnings], SortOrder = i }));
        }

        return action;
    }

    private Milestone BuildMilestone(MilestoneDoc doc, int order)
    {
        var (due, reading) = BuildDue(doc.Due);
        return new Milestone
        {
            Text = doc.Text.Trim(),
            Due = due,
            Status = doc.Status is { } status ? Read(status, InterchangeWords.ActionStatus) : null,
            Warnings = [.. DocText.Clean(doc.Warnings), .. reading?.Warnings ?? []],
            SortOrder = order,
        };
    }

    /// <summary>
    /// The document's due date as given. Only one without a precision is read from its text; the reading comes back
    /// too, for its warnings and milestones.
    /// </summary>
    private (Due Due, DueDateReading? Reading) BuildDue(DueDoc? doc)
    {
        if (doc is null)
        {
            return (new Due(), null);
        }

        if (doc.Precision is null)
        {
            var reading = DueDateReader.Read(doc.Text, _dueOptions);
            return (Due.From(reading), reading);
        }

        var precision = Read(doc.Precision, InterchangeWords.Precision) ?? DuePrecision.None;
        return (new Due { Text = doc.Text.Trim(), Date = doc.Date, Precision = precision }, null);
    }

    internal MonitoringEntry BuildMonitoring(MonitoringDoc doc) => new()
    {
        Period = doc.Period.Trim(),
        ProgressRag = DocText.Blank(doc.ProgressRag),
        ImpactRag = DocText.Blank(doc.ImpactRag),
        Commentary = DocText.Blank(doc.Commentary),
        FurtherActions = DocText.Blank(doc.FurtherActions),

        // The document does not say when an update was recorded; the import is when Trellis learnt of it.
        RecordedAt = now,
    };

    internal Indicator BuildIndicator(IndicatorDoc doc, int order, string path)
    {
        var (frequency, basis) = IndicatorGuess.Frequency((doc.Values ?? []).Select(v => v.Period));
        return new Indicator
        {
            Key = doc.Id.Trim(),
            Name = doc.Name.Trim(),
            Description = DocText.Blank(string.Join('\n', new[] { doc.Description }.Concat(DocText.Clean(doc.Warnings)).OfType<string>())),
            // A file that does not say is guessed from the indicator's own words and periods, never assumed a percentage.
            Unit = Read(doc.Unit, InterchangeWords.Unit) ?? IndicatorGuess.Unit(doc.Name, doc.Target?.Text),
            Polarity = Read(doc.Polarity, InterchangeWords.Polarity) ?? Polarity.None,
            Frequency = Read(doc.Frequency, InterchangeWords.Frequency) ?? frequency,
            YearBasis = Read(doc.YearBasis, InterchangeWords.YearBasis) ?? basis,
            Source = DocText.Blank(doc.Source),
            Owner = doc.Owner is { } owner ? people[owner.Trim()] : null,
            TargetText = DocText.Blank(doc.Target?.Text),
            TargetMin = doc.Target?.Min,
            TargetMax = doc.Target?.Max,
            Targets = [.. (doc.Targets ?? []).Select(t => new IndicatorTarget { Text = t.Text.Trim(), Min = t.Min, Max = t.Max, From = t.From, To = t.To })],
            ToleranceKind = Read(doc.Tolerance?.Kind, InterchangeWords.ToleranceKind) ?? ToleranceKind.Points,
            Tolerance = doc.Tolerance?.Value,
            SortOrder = order,
            AreaNumbers = DocText.Clean(doc.Areas),
            Values = [.. (doc.Values ?? []).Select((v, i) => BuildValue(v, Item(path + ".values", i))).OfType<IndicatorValue>()],
            Comparators = [.. (doc.Comparators ?? []).Select(BuildComparator)],
        };
    }

    /// <summary>A comparator whose period reads as one starts where it does, so a chart can place it beside our values.</summary>
    internal static Comparator BuildComparator(ComparatorDoc doc) => new()
    {
        Name = doc.Name.Trim(),
        Period = doc.Period.Trim(),
        Value = doc.Value,
        Source = DocText.Blank(doc.Source),
        PeriodStart = Period.TryParse(doc.Period.Trim(), out var period) ? period.Start : null,
    };

    /// <summary>A value whose period does not read is a problem, never a value filed under a guessed date.</summary>
    internal IndicatorValue? BuildValue(IndicatorValueDoc doc, string path)
    {
        if (!Period.TryParse(doc.Period, out var period))
        {
            Problems.Add(new InterchangeProblem(path + ".period", PlanDocumentValidator.PeriodProblem(doc.Period)));
            return null;
        }

        return new IndicatorValue
        {
            Period = period.Text,
            PeriodStart = period.Start,
            Value = doc.Value,
            Text = DocText.Blank(doc.Text),
            AsAt = doc.AsAt,
            Note = DocText.Blank(doc.Note),
            Source = DocText.Blank(doc.Source),
            RecordedAt = doc.RecordedAt,
            Breakdowns = [.. (doc.Breakdowns ?? []).Select(b => new IndicatorBreakdown { Dimension = b.Dimension.Trim(), Category = b.Category.Trim(), Value = b.Value, Text = DocText.Blank(b.Text) })],
            Revisions =
            [
                .. (doc.History ?? []).Select(r => new IndicatorValueRevision
                {
                    Value = r.Value,
                    Text = DocText.Blank(r.Text),
                    AsAt = r.AsAt,
                    Note = DocText.Blank(r.Note),
                    Source = DocText.Blank(r.Source),
                    RecordedAt = r.RecordedAt,
                    ReplacedAt = r.ReplacedAt,
                    ReplacedBy = DocText.Blank(r.ReplacedBy),
                }),
            ],
        };
    }

    private Theme ThemeFor(string key) =>
        _themes.TryGetValue(key, out var theme) ? theme
        : ExistingTheme?.Invoke(key) ?? throw new KeyNotFoundException($"Theme '{key}' is not in the document");

    private Person? PersonOf(OwnerDoc owner) => owner.Person is { } id ? people[id.Trim()] : null;

    /// <summary>A word the validator has already accepted; null when the document left it out.</summary>
    private static TEnum? Read<TEnum>(string? word, WordMap<TEnum> words)
        where TEnum : struct, Enum =>
        words.TryRead(word, out var value) ? value : null;

    private static string Item(string path, int index) => string.Create(CultureInfo.InvariantCulture, $"{path}[{index}]");
}

/// <summary>Text as the importer stores it: trimmed, and blank meaning absent.</summary>
internal static class DocText
{
    public static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public static List<string> Clean(IEnumerable<string>? items) =>
        [.. (items ?? []).Select(i => i.Trim()).Where(i => i.Length > 0)];
}
