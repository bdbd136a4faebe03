using System.Globalization;
using Trellis.Core.Data;
using Trellis.Core.Dates;
using Trellis.Core.Indicators;
using Trellis.Core.Monitoring;
using Trellis.Core.Owners;
using Trellis.Core.People;
using Trellis.Core.Plans;

namespace Trellis.Core.Demo;

/// <summary>
/// A fictional council with a plan realistic enough to show every page at work. Every date is worked out
/// from today, so the demo always has overdue actions, actions due soon and a recent monitoring round.
/// Target dates and owners are written as councils write them and read by the same readers an import uses.
/// </summary>
public sealed class DemoDataSeeder(TrellisDbContext db, TimeProvider clock)
{
    private const int MonthsOfValues = 18;
    private const int RandomSeed = 42;

    private static readonly DueDateReaderOptions DueOptions = new() { BareQuartersAreFinancial = true };

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        var calendar = new DemoCalendar(clock.Today());
        var now = clock.GetUtcNow();

        var organisation = new Organisation { Name = DemoPlanContent.OrganisationName, IsDemo = true };
        var people = DemoPlanContent.People
            .Select(p => new Person { Initials = p.Initials, Name = p.Name, JobTitle = p.JobTitle, Agency = p.Agency })
            .ToList();
        organisation.People.AddRange(people);

        var plan = new Plan
        {
            Title = DemoPlanContent.PlanTitle(calendar),
            Status = PlanStatus.Live,
            PeriodStart = calendar.PlanStart,
            PeriodEnd = calendar.PlanEnd,
            MonitoringCadence = MonitoringCadence.Quarterly,
            QuartersAreFinancial = true,
            Governance = [.. DemoPlanContent.Governance],
            Inspection = BuildInspection(calendar),
            RagRatings = BuildRatings(),
            KeyLeads = [.. people.Select((p, i) => new PlanPerson { Person = p, SortOrder = i })],
        };

        // Nobody has an id until the one save, so the readers see the key leads by their place in the table.
        var known = people.Select((p, i) => new KnownPerson(i + 1, p.Initials, p.Name, p.JobTitle)).ToList();
        var owners = new OwnerResolver(known, people);

        var themes = DemoPlanContent.Themes
            .Select((t, i) => new Theme { Key = t.Key, Title = t.Title, SortOrder = i })
            .ToList();
        plan.Themes.AddRange(themes);

        var areas = DemoPlanContent.Areas(calendar);
        for (var i = 0; i < areas.Count; i++)
        {
            plan.Areas.Add(BuildArea(areas[i], i, themes, owners, calendar, now));
        }

        var random = new Random(RandomSeed);
        plan.Indicators.AddRange(DemoIndicatorContent.Indicators.Select((seed, i) => BuildIndicator(seed, i, calendar, random)));

        organisation.Plans.Add(plan);
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static Inspection BuildInspection(DemoCalendar calendar) => new()
    {
        Framework = DemoPlanContent.InspectionFramework,
        Start = calendar.InspectionStart,
        End = calendar.InspectionEnd,
        Published = calendar.InspectionPublished,
        Judgements =
        [
            .. DemoPlanContent.Judgements.Select((j, i) => new Judgement { Area = j.Area, Grade = j.Grade, GradeText = j.GradeText, SortOrder = i }),
        ],
    };

    private static List<RagRating> BuildRatings() =>
    [
        .. DemoPlanContent.Ratings.Select((r, i) => new RagRating
        {
            Scale = r.Scale,
            Code = r.Code,
            Label = r.Label,
            Meaning = r.Meaning,
            Colour = r.Colour,
            IsComplete = r.IsComplete,
            SortOrder = DemoPlanContent.Ratings.Take(i).Count(earlier => earlier.Scale == r.Scale),
        }),
    ];

    private static Area BuildArea(AreaSeed seed, int order, List<Theme> themes, OwnerResolver owners, DemoCalendar calendar, DateTimeOffset now)
    {
        var area = new Area
        {
            Number = seed.Number,
            Theme = themes.Single(t => t.Key == seed.Theme),
            Title = seed.Title,
            SourceKind = seed.Source,
            SourceReference = seed.SourceReference,
            LinkedPlans = [.. seed.LinkedPlans],
            Partners = [.. seed.Partners],
            Objectives = [.. seed.Objectives],
            Outcomes = [.. seed.Outcomes],
            MeasuresOfSuccess = [.. seed.MeasuresOfSuccess],
            RagCode = seed.Latest.Progress,
            SortOrder = order,
        };

        var leadOrder = 0;
        foreach (var (role, texts) in new[] { (LeadRole.Lead, seed.Leads), (LeadRole.SeniorLead, seed.SeniorLeads) })
        {
            foreach (var text in texts)
            {
                foreach (var owner in owners.Read(text))
                {
                    area.Leads.Add(new AreaLead { Role = role, Person = owner.Person, Text = owner.Person is null ? owner.Text : null, SortOrder = leadOrder++ });
                    if (owner.Warning is not null)
                    {
                        area.Warnings.Add(owner.Warning);
                    }
                }
            }
        }

        var refsSeen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < seed.Actions.Count; i++)
        {
            var action = BuildAction(seed.Actions[i], i, owners, calendar);
            if (!refsSeen.Add(action.Ref))
            {
                action.Warnings.Add($"Ref '{action.Ref}' is used by an earlier action in area {seed.Number}; kept as written");
            }

            area.Actions.Add(action);
        }

        area.Monitoring.Add(BuildMonitoring(seed.Earlier, calendar.EarlierQuarterStart, now));
        area.Monitoring.Add(BuildMonitoring(seed.Latest, calendar.LatestQuarterStart, now));
        return area;
    }

    private static PlanAction BuildAction(ActionSeed seed, int order, OwnerResolver owners, DemoCalendar calendar)
    {
        var reading = DueDateReader.Read(seed.Due.Render(calendar), DueOptions);
        var readOwners = owners.Read(seed.Owners);
        var action = new PlanAction
        {
            Ref = seed.Ref,
            Text = seed.Text,
            Due = Due.From(reading),
            Status = seed.Status,
            RagCode = seed.Rag,
            Comments = seed.Comments,
            Warnings = [.. reading.Warnings, .. readOwners.Where(o => o.Warning is not null).Select(o => o.Warning!)],
            SortOrder = order,
            Owners = [.. readOwners.Select((o, i) => new ActionOwner { Person = o.Person, Text = o.Person is null ? o.Text : null, SortOrder = i })],
        };

        if (reading.HasMilestones)
        {
            // Milestones already passed are done; the next one is the one being worked on.
            var started = false;
            action.Milestones.AddRange(reading.Parts.Select((part, i) =>
            {
                var passed = part.Date is { } date && date < calendar.Today;
                var status = passed ? ActionStatus.Complete : started ? ActionStatus.NotStarted : ActionStatus.InProgress;
                started |= !passed;
                return new Milestone { Text = part.Text, Due = Due.From(part), Status = status, Warnings = [.. part.Warnings], SortOrder = i };
            }));
        }

        return action;
    }

    private static MonitoringEntry BuildMonitoring(MonitoringSeed seed, DateOnly quarterStart, DateTimeOffset now)
    {
        // Updates are gathered in the three weeks after the quarter ends, in time for the Board.
        var quarterEnd = quarterStart.AddMonths(3).AddDays(-1);
        var recorded = new DateTimeOffset(quarterEnd.AddDays(18).ToDateTime(new TimeOnly(10, 30)), TimeSpan.Zero);
        return new MonitoringEntry
        {
            Period = DemoCalendar.FinancialQuarterName(quarterStart),
            ProgressRag = seed.Progress,
            ImpactRag = seed.Impact,
            Commentary = seed.Commentary,
            FurtherActions = seed.FurtherActions,
            RecordedAt = recorded < now ? recorded : now,
        };
    }

    private static Indicator BuildIndicator(IndicatorSeed seed, int order, DemoCalendar calendar, Random random)
    {
        var indicator = new Indicator
        {
            Key = seed.Key,
            Name = seed.Name,
            Description = seed.Description,
            Unit = seed.Unit,
            Polarity = seed.Polarity,
            TargetText = seed.TargetText,
            TargetMin = seed.TargetMin,
            TargetMax = seed.TargetMax,
            SortOrder = order,
            AreaNumbers = [.. seed.Areas],
        };

        var first = calendar.LastCompleteMonth.AddMonths(1 - MonthsOfValues);
        for (var i = 0; i < MonthsOfValues; i++)
        {
            var month = first.AddMonths(i);
            var trend = seed.From + ((seed.To - seed.From) * i / (MonthsOfValues - 1));
            var value = trend + (seed.Noise * ((random.NextDouble() * 2) - 1));
            if (seed.Unit == IndicatorUnit.Percent)
            {
                value = Math.Clamp(value, 0, 100);
            }

            indicator.Values.Add(new IndicatorValue
            {
                Period = month.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                PeriodStart = month,
                Value = Math.Round((decimal)Math.Max(value, 0), seed.Decimals, MidpointRounding.AwayFromZero),
                AsAt = DemoCalendar.EndOfMonth(month),
            });
        }

        indicator.Comparators.AddRange(seed.Comparators.Select(c => new Comparator
        {
            Name = c.Name,
            Period = calendar.LastFinancialYear,
            Value = c.Value,
            Source = seed.ComparatorSource,
        }));
        return indicator;
    }

    /// <summary>Runs the owner reader against the key leads and hands back the people themselves.</summary>
    private sealed class OwnerResolver(IReadOnlyCollection<KnownPerson> known, List<Person> people)
    {
        public List<(string Text, Person? Person, string? Warning)> Read(string text) =>
        [
            .. OwnerReader.Read(text, known).Select(o => (o.Text, o.PersonId is { } id ? people[id - 1] : null, o.Warning)),
        ];
    }
}
