using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Trellis.Core.Data;
using Trellis.Core.Dates;
using Trellis.Core.Indicators;
using Trellis.Core.Monitoring;
using Trellis.Core.People;
using Trellis.Core.Plans;

namespace Trellis.Core.Interchange;

/// <summary>
/// Writes everything a plan holds as an interchange document. The output is deterministic (everything in its sort
/// order, ties broken by id) and uses only document-local ids ("p1"), so exporting a re-imported plan gives the
/// same document byte for byte.
/// </summary>
public sealed class PlanExporter(TrellisDbContext db)
{
    /// <summary>The plan as a document, or null when the organisation has no plan with that id.</summary>
    public async Task<PlanDocument?> ExportAsync(int organisationId, int planId, CancellationToken cancellationToken = default)
    {
        // Breakdowns and corrections only the document needs, so they are not part of the shared whole-plan query.
        var plan = await db.Plans.AsNoTracking().WholePlan()
            .Include(p => p.Indicators).ThenInclude(i => i.Values).ThenInclude(v => v.Breakdowns)
            .Include(p => p.Indicators).ThenInclude(i => i.Values).ThenInclude(v => v.Revisions)
            .Include(p => p.Indicators).ThenInclude(i => i.Owner)
            .FirstOrDefaultAsync(p => p.Id == planId && p.OrganisationId == organisationId, cancellationToken);
        return plan is null ? null : new Writer(plan).Document();
    }

    /// <summary>
    /// A plan loaded with everything <see cref="ExportAsync"/> includes, as a document. Areas and actions come in
    /// SortOrder, then Id, order, so a caller holding the entities can pair them with the document's by position.
    /// </summary>
    internal static PlanDocument Write(Plan plan) => new Writer(plan).Document();

    /// <summary>Turns one loaded plan into a document; owns the numbering of people.</summary>
    private sealed class Writer
    {
        private readonly Plan _plan;
        private readonly List<Area> _areas;
        private readonly Dictionary<int, string> _personIds = [];
        private readonly List<Person> _people = [];

        public Writer(Plan plan)
        {
            _plan = plan;
            _areas = [.. plan.Areas.OrderBy(a => a.SortOrder).ThenBy(a => a.Id)];
            NumberPeople();
        }

        public PlanDocument Document() => new()
        {
            Organisation = new OrganisationDoc { Name = _plan.Organisation.Name },
            Plan = PlanPart(),
            Inspection = _plan.Inspection is { } inspection ? InspectionPart(inspection) : null,
            People = NullIfEmpty(_people.Select(PersonPart)),
            Themes = NullIfEmpty(_plan.Themes.OrderBy(t => t.SortOrder).ThenBy(t => t.Id).Select(t => new ThemeDoc { Key = t.Key, Title = t.Title })),
            Areas = [.. _areas.Select(AreaPart)],
            Indicators = NullIfEmpty(_plan.Indicators.OrderBy(i => i.SortOrder).ThenBy(i => i.Id).Select(IndicatorPart)),
            Unplaced = NullIfEmpty(_plan.Unplaced),
        };

        /// <summary>
        /// The key leads in their order are p1, p2 ...; anyone else who leads or owns something follows in the order
        /// they are first met, so no owner is lost even when they have left the key-leads table.
        /// </summary>
        private void NumberPeople()
        {
            var keyLeads = _plan.KeyLeads.OrderBy(k => k.SortOrder).ThenBy(k => k.PersonId).Select(k => k.Person);
            var actions = _areas.SelectMany(OrderedActions);
            var referenced = _areas.SelectMany(a => a.Leads.OrderBy(l => l.SortOrder).ThenBy(l => l.Id).Select(l => l.Person))
                .Concat(actions.SelectMany(x => x.Owners.OrderBy(o => o.SortOrder).ThenBy(o => o.Id).Select(o => o.Person)));
            foreach (var person in keyLeads.Concat(referenced))
            {
                Number(person);
            }

            foreach (var indicator in _plan.Indicators.OrderBy(i => i.SortOrder).ThenBy(i => i.Id))
            {
                Number(indicator.Owner);
            }
        }

        private void Number(Person? person)
        {
            if (person is not null && !_personIds.ContainsKey(person.Id))
            {
                _people.Add(person);
                _personIds[person.Id] = string.Create(CultureInfo.InvariantCulture, $"p{_people.Count}");
            }
        }

        private PlanDoc PlanPart() => new()
        {
            Title = _plan.Title,
            Status = InterchangeWords.PlanStatus.Word(_plan.Status),
            PeriodStart = _plan.PeriodStart,
            PeriodEnd = _plan.PeriodEnd,
            MonitoringCadence = InterchangeWords.Cadence.Word(_plan.MonitoringCadence),
            Governance = NullIfEmpty(_plan.Governance),
            RagScales = new RagScalesDoc { Progress = Scale(RagScale.Progress), Impact = Scale(RagScale.Impact) },
            QuartersAreFinancial = _plan.QuartersAreFinancial,
        };

        // An empty scale is written as [] rather than left out: left out means "the default scale" on import.
        private List<RagRatingDoc> Scale(RagScale scale) =>
        [
            .. _plan.RagRatings.Where(r => r.Scale == scale).OrderBy(r => r.SortOrder).ThenBy(r => r.Id)
                .Select(r => new RagRatingDoc { Code = r.Code, Label = r.Label, Meaning = r.Meaning, Complete = r.IsComplete ? true : null }),
        ];

        private static InspectionDoc InspectionPart(Inspection inspection) => new()
        {
            Framework = inspection.Framework,
            Start = inspection.Start,
            End = inspection.End,
            Published = inspection.Published,
            Judgements = NullIfEmpty(inspection.Judgements.OrderBy(j => j.SortOrder).ThenBy(j => j.Id).Select(j => new JudgementDoc
            {
                Area = j.Area,

                // The grade as the report wrote it wins over the standard word it was read as.
                Grade = j.GradeText ?? (j.Grade is { } grade ? InterchangeWords.Grade.Word(grade) : string.Empty),
            })),
        };

        private PersonDoc PersonPart(Person person) => new()
        {
            Id = _personIds[person.Id],
            Initials = person.Initials,
            Name = person.Name,
            JobTitle = person.JobTitle,
            Agency = person.Agency,
            Warnings = NullIfEmpty(person.Warnings),
        };

        private AreaDoc AreaPart(Area area) => new()
        {
            Number = area.Number,
            Theme = area.Theme?.Key,
            Title = area.Title,
            Source = area.SourceKind is null && area.SourceReference is null
                ? null
                : new SourceDoc { Kind = InterchangeWords.SourceKind.Word(area.SourceKind ?? SourceKind.Other), Reference = area.SourceReference },
            Leads = Leads(area, LeadRole.Lead),
            SeniorLeads = Leads(area, LeadRole.SeniorLead),
            LinkedPlans = NullIfEmpty(area.LinkedPlans),
            Partners = NullIfEmpty(area.Partners),
            Objectives = NullIfEmpty(area.Objectives),
            Outcomes = NullIfEmpty(area.Outcomes),
            MeasuresOfSuccess = NullIfEmpty(area.MeasuresOfSuccess),
            Rag = area.RagCode,
            Actions = NullIfEmpty(OrderedActions(area).Select(ActionPart)),
            Monitoring = NullIfEmpty(area.Monitoring.OrderBy(PeriodStart).ThenBy(m => m.Period, StringComparer.Ordinal).Select(MonitoringPart)),
            Warnings = NullIfEmpty(area.Warnings),
        };

        private List<OwnerDoc>? Leads(Area area, LeadRole role) =>
            NullIfEmpty(area.Leads.Where(l => l.Role == role).OrderBy(l => l.SortOrder).ThenBy(l => l.Id).Select(l => Owner(l.PersonId, l.Text)));

        private ActionDoc ActionPart(PlanAction action) => new()
        {
            Ref = action.Ref,
            Text = action.Text,
            Owners = NullIfEmpty(action.Owners.OrderBy(o => o.SortOrder).ThenBy(o => o.Id).Select(o => Owner(o.PersonId, o.Text))),
            Due = DuePart(action.Due),
            Milestones = NullIfEmpty(action.Milestones.OrderBy(m => m.SortOrder).ThenBy(m => m.Id).Select(m => new MilestoneDoc
            {
                Text = m.Text,
                Due = DuePart(m.Due),
                Status = StatusWord(m.Status),
                Warnings = NullIfEmpty(m.Warnings),
            })),
            Status = StatusWord(action.Status),
            Rag = action.RagCode,
            Comments = action.Comments,
            Warnings = NullIfEmpty(action.Warnings),
        };

        private OwnerDoc Owner(int? personId, string? text) =>
            personId is { } id ? new OwnerDoc { Person = _personIds[id] } : new OwnerDoc { Text = text ?? string.Empty };

        /// <summary>An action with no target date at all has no "due".</summary>
        private static DueDoc? DuePart(Due due) =>
            due.Text.Length == 0 && due.Date is null && due.Precision == DuePrecision.None
                ? null
                : new DueDoc { Text = due.Text, Date = due.Date, Precision = InterchangeWords.Precision.Word(due.Precision) };

        private static string? StatusWord(ActionStatus? status) => status is { } s ? InterchangeWords.ActionStatus.Word(s) : null;

        private static MonitoringDoc MonitoringPart(MonitoringEntry entry) => new()
        {
            Period = entry.Period,
            ProgressRag = entry.ProgressRag,
            ImpactRag = entry.ImpactRag,
            Commentary = entry.Commentary,
            FurtherActions = entry.FurtherActions,
        };

        /// <summary>Periods sort by when they start; one that does not read as a period goes last.</summary>
        private static DateOnly PeriodStart(MonitoringEntry entry) => Period.TryParse(entry.Period, out var period) ? period.Start : DateOnly.MaxValue;

        private IndicatorDoc IndicatorPart(Indicator indicator) => new()
        {
            Id = indicator.Key,
            Name = indicator.Name,
            Description = indicator.Description,
            Unit = InterchangeWords.Unit.Word(indicator.Unit),
            Polarity = InterchangeWords.Polarity.Word(indicator.Polarity),
            Frequency = InterchangeWords.Frequency.Word(indicator.Frequency),
            YearBasis = InterchangeWords.YearBasis.Word(indicator.YearBasis),
            Source = indicator.Source,
            Owner = indicator.OwnerId is { } ownerId && _personIds.TryGetValue(ownerId, out var owner) ? owner : null,
            Target = indicator.TargetText is null && indicator.TargetMin is null && indicator.TargetMax is null
                ? null
                : new TargetDoc { Text = indicator.TargetText ?? string.Empty, Min = Plain(indicator.TargetMin), Max = Plain(indicator.TargetMax) },
            Targets = NullIfEmpty(indicator.Targets.OrderBy(t => t.From ?? DateOnly.MinValue).ThenBy(t => t.Id).Select(t => new DatedTargetDoc
            {
                Text = t.Text,
                Min = Plain(t.Min),
                Max = Plain(t.Max),
                From = t.From,
                To = t.To,
            })),
            Tolerance = indicator.Tolerance is { } tolerance
                ? new ToleranceDoc { Kind = InterchangeWords.ToleranceKind.Word(indicator.ToleranceKind), Value = Plain(tolerance)!.Value }
                : null,
            Areas = NullIfEmpty(indicator.AreaNumbers),
            Values = NullIfEmpty(indicator.Values.OrderBy(v => v.PeriodStart).ThenBy(v => v.Period, StringComparer.Ordinal).Select(v => new IndicatorValueDoc
            {
                Period = v.Period,
                Value = Plain(v.Value),
                Text = v.Text,
                AsAt = v.AsAt,
                Note = v.Note,
                Source = v.Source,
                RecordedAt = v.RecordedAt,
                Breakdowns = NullIfEmpty(v.Breakdowns.OrderBy(b => b.Id).Select(b => new BreakdownDoc
                {
                    Dimension = b.Dimension,
                    Category = b.Category,
                    Value = Plain(b.Value),
                    Text = b.Text,
                })),
                History = NullIfEmpty(v.Revisions.OrderBy(r => r.ReplacedAt).ThenBy(r => r.Id).Select(r => new RevisionDoc
                {
                    Value = Plain(r.Value),
                    Text = r.Text,
                    AsAt = r.AsAt,
                    Note = r.Note,
                    Source = r.Source,
                    RecordedAt = r.RecordedAt,
                    ReplacedAt = r.ReplacedAt,
                    ReplacedBy = r.ReplacedBy,
                })),
            })),
            Comparators = NullIfEmpty(indicator.Comparators.OrderBy(c => c.Id).Select(c => new ComparatorDoc
            {
                Name = c.Name,
                Period = c.Period,
                Value = Plain(c.Value),
                Source = c.Source,
            })),
        };

        private static IEnumerable<PlanAction> OrderedActions(Area area) => area.Actions.OrderBy(x => x.SortOrder).ThenBy(x => x.Id);

        /// <summary>
        /// PostgreSQL gives back 18.0000 for a numeric(18,4) that was stored as 18; dividing by one with trailing
        /// zeros drops the scale, so both databases export the same number.
        /// </summary>
        private static decimal? Plain(decimal? value) => value / 1.000000000000000000000000000000000m;

        private static List<T>? NullIfEmpty<T>(IEnumerable<T> items)
        {
            var list = items.ToList();
            return list.Count == 0 ? null : list;
        }
    }
}
