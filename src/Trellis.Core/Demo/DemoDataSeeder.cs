using System.Globalization;
using Trellis.Core.Accounts;
using Trellis.Core.Data;
using Trellis.Core.Dates;
using Trellis.Core.Indicators;
using Trellis.Core.Monitoring;
using Trellis.Core.Owners;
using Trellis.Core.People;
using Trellis.Core.Plans;
using Trellis.Core.Rounds;

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
        var parts = new Random(RandomSeed + 1);
        var byInitials = people.ToDictionary(p => p.Initials!, StringComparer.Ordinal);
        plan.Indicators.AddRange(DemoIndicatorContent.Indicators.Select((seed, i) => BuildIndicator(seed, i, calendar, random, parts, byInitials[seed.Owner], now)));

        organisation.Plans.Add(plan);
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync(cancellationToken);

        await SeedRoundsAsync(plan, calendar, now, cancellationToken);
        await SeedAccountsAsync(organisation, plan, byInitials);
        await SeedSignOffAsync(plan, byInitials["PL"], now);
    }

    /// <summary>
    /// One action of the contributor's waiting for sign-off, so the approvers' queue has something in it on first run.
    /// Its area's senior lead has no account, so the plan manager (or the administrator) decides it.
    /// </summary>
    private async Task SeedSignOffAsync(Plan plan, Person contributor, DateTimeOffset now)
    {
        var user = db.Users.Local.First(u => u.PersonId == contributor.Id);
        var summary = "Front door audit: 60 contacts sampled; 60 decided by a qualified manager within one working day; 58 with reasons recorded in full.\n"u8.ToArray();
        var action = plan.Areas.OrderBy(a => a.SortOrder).SelectMany(a => a.Actions.OrderBy(x => x.SortOrder))
            .First(a => a.Status == ActionStatus.InProgress && a.Owners.Count == 1 && a.Owners[0].PersonId == contributor.Id);
        db.SignOffRequests.Add(new SignOffs.SignOffRequest
        {
            ActionId = action.Id,
            RequestedByUserId = user.Id,
            RequestedByName = user.DisplayName,
            RequestedAt = now.AddDays(-2),
            Note = "The front door audit of 60 contacts found every decision made by a qualified manager within one working day, "
                + "with the reasons on the child's record. The audit report is attached and the action log is on the intranet.",
            Links = ["https://intranet.castlebridge.example/front-door/audit-2026"],
            Files =
            [
                new SignOffs.SignOffEvidence
                {
                    ActionId = action.Id,
                    FileName = "front-door-audit-summary.txt",
                    ContentType = "text/plain",
                    Size = summary.Length,
                    Content = summary,
                },
            ],
        });
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// One demo account per role, offered on the sign-in page without a password while demo data is on. The
    /// contributor leads an area and owns actions; the partner is the police lead, who owns a handful.
    /// </summary>
    /// Written directly rather than through UserManager, so the seeder needs only the database: the stamps and
    /// upper-case lookups are what Identity's default normaliser would store, and there is no password to hash.
    private async Task SeedAccountsAsync(Organisation organisation, Plan plan, Dictionary<string, Person> byInitials)
    {
        foreach (var seed in DemoPlanContent.Accounts)
        {
            var person = seed.Initials is null ? null : byInitials[seed.Initials];
            var user = new TrellisUser
            {
                UserName = seed.Email,
                NormalizedUserName = seed.Email.ToUpperInvariant(),
                Email = seed.Email,
                NormalizedEmail = seed.Email.ToUpperInvariant(),
                SecurityStamp = Guid.NewGuid().ToString("N"),
                EmailConfirmed = true,
                DisplayName = seed.Name,
                OrganisationId = organisation.Id,
                PersonId = person?.Id,
                IsAdministrator = seed.Role == PlanRole.Administrator,
                IsDemo = true,
                LockoutEnabled = true,
            };
            db.Users.Add(user);
            if (seed.Role != PlanRole.Administrator)
            {
                db.PlanMemberships.Add(new PlanMembership { PlanId = plan.Id, User = user, Role = seed.Role });
            }
        }

        await db.SaveChangesAsync();
    }

    /// <summary>
    /// Last quarter's round, complete and closed with its committee report written, and this quarter's round open
    /// with about half the owners' updates in, so the rounds pages and reports have something to show on first run.
    /// </summary>
    private async Task SeedRoundsAsync(Plan plan, DemoCalendar calendar, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var actions = plan.Areas.OrderBy(a => a.SortOrder).SelectMany(a => a.Actions.OrderBy(x => x.SortOrder)).ToList();
        var owners = plan.KeyLeads.Select(k => k.Person).ToList();

        // Last quarter: opened a fortnight before it ended, updates in within ten days of the end.
        var previousEnd = calendar.LatestQuarterStart.AddMonths(3).AddDays(-1);
        var previous = new Round
        {
            PlanId = plan.Id,
            Name = DemoCalendar.FinancialQuarterName(calendar.LatestQuarterStart),
            PeriodStart = calendar.LatestQuarterStart,
            PeriodEnd = previousEnd,
            UpdatesDue = previousEnd.AddDays(10),
            OpenedAt = At(previousEnd.AddDays(-14), 9, now),
        };

        var scale = RagSuggester.Scale(plan.RagRatings, RagScale.Progress);
        for (var i = 0; i < actions.Count; i++)
        {
            previous.ActionUpdates.Add(Update(actions[i], i, At(previousEnd.AddDays(1 + (i % 9)), 11, now), owners, scale, plan.DueSoonDays));
        }

        // One owner rated an overdue action Amber rather than the suggested Red last quarter, and said why.
        if (previous.ActionUpdates.FirstOrDefault(u => u.Status == ActionStatus.InProgress && u.SuggestedRagCode == "R") is { } moved)
        {
            moved.RagCode = "A";
            moved.RagReason = DemoRoundContent.ReasonFor("A", "R");
        }

        previous.Narratives.AddRange(DemoRoundContent.Narrative(previous.Name)
            .Select((n, i) => new RoundNarrative { Heading = n.Heading, Body = n.Body, SortOrder = i }));
        previous.SelfAssessment.AddRange(DemoRoundContent.SelfAssessment
            .Select((s, i) => new SelfAssessmentEntry { AreaForImprovement = s.Area, WhatWeHaveDone = s.Done, ImpactOnPractice = s.Impact, SortOrder = i }));
        db.Rounds.Add(previous);

        plan.ImprovementLog.AddRange(DemoRoundContent.ImprovementLog.Select((l, i) =>
        {
            var when = LogWhen(l, calendar);
            return new ImprovementLogEntry
            {
                WhatWeHaveDone = l.What,
                Why = l.Why,
                When = when,
                WhenDate = CommitteeContentService.ReadWhen(when, plan.QuartersAreFinancial),
                SortOrder = i,
            };
        }));
        await db.SaveChangesAsync(cancellationToken);

        // The area ratings recorded for last quarter were made in its round; their commentary gains the quarter's headlines.
        foreach (var area in plan.Areas)
        {
            var rating = area.Monitoring.Single(m => m.Period == previous.Name);
            rating.RoundId = previous.Id;
            rating.Commentary = rating.Commentary + "\n\n" + Headlines(area, previous.ActionUpdates);
        }

        await db.SaveChangesAsync(cancellationToken);
        await CloseDemoRoundAsync(previous, At(previousEnd.AddDays(14), 16, now), cancellationToken);

        // This quarter: open since its first week, with every other owner's update in so far.
        var currentStart = calendar.LatestQuarterStart.AddMonths(3);
        var currentEnd = currentStart.AddMonths(3).AddDays(-1);
        var current = new Round
        {
            PlanId = plan.Id,
            Name = DemoCalendar.FinancialQuarterName(currentStart),
            PeriodStart = currentStart,
            PeriodEnd = currentEnd,
            UpdatesDue = currentEnd.AddDays(10),
            OpenedAt = At(currentStart.AddDays(7), 9, now),
        };
        for (var i = 0; i < actions.Count; i += 2)
        {
            var days = Math.Max(0, calendar.Today.DayNumber - currentStart.AddDays(7).DayNumber);
            current.ActionUpdates.Add(Update(actions[i], i, At(currentStart.AddDays(7 + (days * i / Math.Max(1, actions.Count))), 14, now), owners, scale, plan.DueSoonDays));
        }

        db.Rounds.Add(current);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Closes the demo's last-quarter round as its officer would have, a fortnight after the quarter ended: the
    /// report is built as at that day and frozen, exactly as <see cref="RoundService.CloseAsync"/> does today.
    /// </summary>
    private async Task CloseDemoRoundAsync(Round round, DateTimeOffset closedAt, CancellationToken cancellationToken)
    {
        round.Status = RoundStatus.Closed;
        round.ClosedAt = closedAt;
        await db.SaveChangesAsync(cancellationToken);

        var report = await new Reports.BoardReportBuilder(db, clock).BuildAsync(round.PlanId, round.Id, cancellationToken);
        round.SnapshotJson = RoundSnapshot.Serialize(report);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>An owner's update as the demo tells it; where the rating differs from what the rules suggested that day, the owner says why.</summary>
    private static ActionUpdate Update(PlanAction action, int index, DateTimeOffset at, List<Person> owners, IReadOnlyList<Reports.ReportRating> scale, int dueSoonDays)
    {
        var suggested = RagSuggester.Suggest(action.Status, action.Due.Date, UkClock.UkDate(at), dueSoonDays, scale);
        var owner = action.Owners.OrderBy(o => o.SortOrder).Select(o => o.Person?.Name ?? o.Text).FirstOrDefault(n => n is not null);
        var note = index % 5 == 1 ? DemoRoundContent.UpdateNotes[index / 5 % DemoRoundContent.UpdateNotes.Count] : action.Comments;
        return new ActionUpdate
        {
            ActionId = action.Id,
            Status = action.Status,
            RagCode = action.RagCode,
            SuggestedRagCode = suggested,
            RagReason = suggested is null || action.RagCode is null || suggested == action.RagCode ? null : DemoRoundContent.ReasonFor(action.RagCode, suggested),
            Note = note,
            UpdatedBy = owner ?? (owners.Count > 0 ? owners[^1].Name : DemoRoundContent.UpdatedByTeam),
            UpdatedAt = at,
        };
    }

    /// <summary>"**This quarter:** ..." then a bullet per action that finished or is off track.</summary>
    private static string Headlines(Area area, List<ActionUpdate> updates)
    {
        var byAction = updates.ToDictionary(u => u.ActionId);
        var mine = area.Actions.OrderBy(a => a.SortOrder).Where(a => byAction.ContainsKey(a.Id)).ToList();
        var complete = mine.Count(a => byAction[a.Id].Status == ActionStatus.Complete);
        var lines = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"**This quarter:** {complete} of {mine.Count} actions complete."),
        };
        foreach (var action in mine)
        {
            var update = byAction[action.Id];
            if (update.RagCode == "R")
            {
                lines.Add($"- **{action.Ref} is off track**: {Shorten(action.Text)}");
            }
            else if (update.Status == ActionStatus.Complete)
            {
                lines.Add($"- {action.Ref} delivered: {Shorten(action.Text)}");
            }
        }

        return string.Join('\n', lines);
    }

    private static string Shorten(string text) => text.Length <= 90 ? text : text[..text.LastIndexOf(' ', 87)] + "...";

    private static string LogWhen(DemoRoundContent.LogSeed seed, DemoCalendar calendar)
    {
        var date = calendar.Today.AddMonths(-seed.MonthsAgo);
        var english = CultureInfo.InvariantCulture;
        return seed.Style switch
        {
            DemoRoundContent.LogWhen.Quarter => QuarterFirst(DemoCalendar.FinancialQuarterName(date)),
            DemoRoundContent.LogWhen.StartedMonth => "Started " + date.ToString("MMM yyyy", english),
            DemoRoundContent.LogWhen.Month => date.ToString("MMM yyyy", english),
            _ => "Ongoing",
        };
    }

    /// <summary>"Q2 2026/27", as committee reports write it, from "2026/27 Q2".</summary>
    private static string QuarterFirst(string name) => name[(name.IndexOf(' ', StringComparison.Ordinal) + 1)..] + " " + name[..name.IndexOf(' ', StringComparison.Ordinal)];

    /// <summary>A time on <paramref name="day"/>, but never later than now.</summary>
    private static DateTimeOffset At(DateOnly day, int hour, DateTimeOffset now)
    {
        var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero);
        return at < now ? at : now;
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

    private static Indicator BuildIndicator(IndicatorSeed seed, int order, DemoCalendar calendar, Random random, Random parts, Person owner, DateTimeOffset now)
    {
        var indicator = new Indicator
        {
            Key = seed.Key,
            Name = seed.Name,
            Description = seed.Description,
            Unit = seed.Unit,
            Polarity = seed.Polarity,
            Frequency = seed.Frequency,
            YearBasis = YearBasis.Financial,
            Source = seed.Source,
            Owner = owner,
            TargetText = seed.TargetText,
            TargetMin = seed.TargetMin,
            TargetMax = seed.TargetMax,
            Targets = [.. seed.Targets.Select(t => DatedTarget(t, calendar))],
            ToleranceKind = seed.ToleranceKind,
            Tolerance = seed.Tolerance,
            SortOrder = order,
            AreaNumbers = [.. seed.Areas],
        };

        var periods = Periods(seed.Frequency, calendar);
        var values = new List<double>();
        for (var i = 0; i < periods.Count; i++)
        {
            var trend = seed.From + ((seed.To - seed.From) * i / (periods.Count - 1));
            values.Add(trend + (seed.Noise * ((random.NextDouble() * 2) - 1)));
        }

        var worse = seed.Polarity == Polarity.LowerIsBetter ? 1 : -1;
        values[^1] = seed.Latest ?? (seed.Slip is { } slip ? values[^2] + (worse * slip) : values[^1]);

        var extract = seed.Frequency == IndicatorFrequency.Monthly ? "Imported from the monthly extract" : "Entered on the form";
        for (var i = 0; i < periods.Count; i++)
        {
            var period = periods[i];
            var value = new IndicatorValue
            {
                Period = period.Text,
                PeriodStart = period.Start,
                Value = Round(seed, values[i]),
                AsAt = period.End,
                Source = extract,
                RecordedAt = At(period.End.AddDays(5), 7, now),
            };

            // The latest twelve periods are split by team or age band; the parts stray a little from the whole.
            if (seed.Breakdown is { } breakdown && i >= periods.Count - 12)
            {
                value.Breakdowns.AddRange(breakdown.Categories.Select(c => new IndicatorBreakdown
                {
                    Dimension = breakdown.Dimension,
                    Category = c.Category,
                    Value = Round(seed, values[i] + c.Gap + (1.5 * ((parts.NextDouble() * 2) - 1))),
                }));
            }

            // A correction: the first extract was short, and the re-run a few days later replaced it.
            if (seed.CorrectedPeriodsAgo.Contains(periods.Count - 1 - i) && value.RecordedAt is { } first)
            {
                value.Revisions.Add(new IndicatorValueRevision
                {
                    Value = Round(seed, values[i] + (worse * 2.4)),
                    AsAt = value.AsAt,
                    Source = extract,
                    RecordedAt = first,
                    ReplacedAt = first.AddDays(4),
                    ReplacedBy = extract,
                });
                value.RecordedAt = first.AddDays(4);
                value.Note = "Corrected: the first extract missed visits recorded late.";
            }

            indicator.Values.Add(value);
        }

        // Three financial years of benchmarks, published after each year ends; earlier years drift a little.
        decimal[] drift = [0m, 0.6m, -0.4m];
        for (var back = 3; back >= 1; back--)
        {
            var year = PeriodWords.PeriodOf(calendar.FinancialYearStart(-back), IndicatorFrequency.Annual, YearBasis.Financial);
            indicator.Comparators.AddRange(seed.Comparators.Select(c => new Comparator
            {
                Name = c.Name,
                Period = year.Text,
                PeriodStart = year.Start,
                Value = c.Value + drift[back - 1],
                Source = seed.ComparatorSource,
            }));
        }

        return indicator;
    }

    /// <summary>Eighteen months to last month, six quarters to last quarter, or four financial years to last year.</summary>
    private static List<Period> Periods(IndicatorFrequency frequency, DemoCalendar calendar)
    {
        var (last, count, step) = frequency switch
        {
            IndicatorFrequency.Monthly => (calendar.LastCompleteMonth, MonthsOfValues, 1),
            IndicatorFrequency.Quarterly => (calendar.LatestQuarterStart, MonthsOfValues / 3, 3),
            _ => (calendar.FinancialYearStart(-1), 4, 12),
        };
        return [.. Enumerable.Range(0, count).Select(i => PeriodWords.PeriodOf(last.AddMonths(step * (i - count + 1)), frequency, YearBasis.Financial))];
    }

    private static IndicatorTarget DatedTarget(DatedTargetSeed seed, DemoCalendar calendar)
    {
        var to = seed.ToYear is { } year ? calendar.FinancialYearStart(year + 1).AddDays(-1) : (DateOnly?)null;
        var march = to is { } end ? end.ToString("MMMM yyyy", CultureInfo.InvariantCulture) : string.Empty;
        return new IndicatorTarget
        {
            Text = seed.Text.Replace("{march}", march, StringComparison.Ordinal),
            Min = seed.Min,
            Max = seed.Max,
            From = calendar.FinancialYearStart(seed.FromYear),
            To = to,
        };
    }

    private static decimal Round(IndicatorSeed seed, double value)
    {
        value = seed.Unit == IndicatorUnit.Percent ? Math.Clamp(value, 0, 100) : Math.Max(value, 0);
        return Math.Round((decimal)value, seed.Decimals, MidpointRounding.AwayFromZero);
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
