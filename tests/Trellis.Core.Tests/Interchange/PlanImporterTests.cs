using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using Trellis.Core.Data;
using Trellis.Core.Dates;
using Trellis.Core.Interchange;
using Trellis.Core.Plans;
using Trellis.Testing;

namespace Trellis.Core.Tests.Interchange;

/// <summary>What an import stores, and that a failed one stores nothing, on each real database engine.</summary>
public class PlanImporterTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero));

    private static PlanDocument Document(List<IndicatorDoc>? indicators = null, bool quartersAreFinancial = false) => new()
    {
        Organisation = new OrganisationDoc { Name = "Riverside Borough Council" },
        Plan = new PlanDoc { Title = "  Improvement plan ", QuartersAreFinancial = quartersAreFinancial },
        Inspection = new InspectionDoc
        {
            Judgements =
            [
                new JudgementDoc { Area = "Overall effectiveness", Grade = "Requires improvement" },
                new JudgementDoc { Area = "Care leavers", Grade = "Requires improvement to be good" },
                new JudgementDoc { Area = "Adoption", Grade = "Not inspected this time" },
            ],
        },
        People =
        [
            new PersonDoc { Id = "p1", Initials = "SK", Name = "Sam Kaur", JobTitle = "Director" },
            new PersonDoc { Id = "p2", Initials = "JS", Name = "Jo Stirling" },
        ],
        Areas =
        [
            new AreaDoc
            {
                Number = "1",
                Title = "Front door",
                Leads = [new OwnerDoc { Person = "p2" }],
                SeniorLeads = [new OwnerDoc { Text = "Chair of the Partnership" }],
                Actions =
                [
                    new ActionDoc
                    {
                        Ref = "1.1",
                        Text = "Review the duty team",
                        Owners = [new OwnerDoc { Person = "p1" }, new OwnerDoc { Text = "JH" }],

                        // As given, even though the text alone would read differently.
                        Due = new DueDoc { Text = "Spring", Date = new DateOnly(2016, 3, 31), Precision = "day" },
                    },
                    new ActionDoc { Ref = "1.2", Text = "Audit", Due = new DueDoc { Text = "Q3 2019" } },
                    new ActionDoc { Ref = "1.3", Text = "Train", Due = new DueDoc { Text = "Dec 2014 Jan 2015 February 2015" } },
                ],
                Monitoring = [new MonitoringDoc { Period = "2016/17 Q1", ProgressRag = "A", ImpactRag = "R" }],
            },
        ],
        Indicators = indicators,
    };

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Import_StoresThePlanAsGiven(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var organisationId = await PlanRoundTripTests.CreateOrganisationAsync(database, "Riverside Borough Council");

        var result = await PlanRoundTripTests.ImportAsync(database, organisationId, Document());

        Assert.Equal((1, 3, 2, 2), (result.Areas, result.Actions, result.People, result.PeopleCreated));
        await using var db = database.CreateContext();
        var plan = await db.Plans.Include(p => p.RagRatings).Include(p => p.Inspection!).ThenInclude(i => i.Judgements).SingleAsync(p => p.Id == result.PlanId);
        Assert.Equal("Improvement plan", plan.Title);
        Assert.Equal(PlanStatus.Draft, plan.Status);
        Assert.False(plan.QuartersAreFinancial);

        // No scales in the document: the default ones, coloured as the pages expect.
        Assert.Equal(["R", "A", "G", "B"], plan.RagRatings.Where(r => r.Scale == RagScale.Progress).OrderBy(r => r.SortOrder).Select(r => r.Code));
        Assert.Equal(RagColour.Blue, plan.RagRatings.Single(r => r.Scale == RagScale.Progress && r.Code == "B").Colour);

        var judgements = plan.Inspection!.Judgements.OrderBy(j => j.SortOrder).Select(j => (j.Grade, j.GradeText)).ToList();
        Assert.Equal([(Grade.RequiresImprovement, null), (Grade.RequiresImprovement, "Requires improvement to be good"), (null, "Not inspected this time")], judgements);

        var area = await db.Areas.Include(a => a.Leads).ThenInclude(l => l.Person).SingleAsync(a => a.PlanId == plan.Id);
        Assert.Equal("Jo Stirling", area.Leads.Single(l => l.Role == LeadRole.Lead).Person!.Name);
        Assert.Equal("Chair of the Partnership", area.Leads.Single(l => l.Role == LeadRole.SeniorLead).Text);

        var actions = await db.Actions.Include(a => a.Owners).ThenInclude(o => o.Person).Include(a => a.Milestones)
            .Where(a => a.AreaId == area.Id).OrderBy(a => a.SortOrder).ToListAsync();
        var owners = actions[0].Owners.OrderBy(o => o.SortOrder).ToList();
        Assert.Equal("Sam Kaur", owners[0].Person!.Name);
        Assert.Equal(("JH", null), (owners[1].Text, owners[1].PersonId));
        Assert.Equal(("Spring", new DateOnly(2016, 3, 31), DuePrecision.Day), (actions[0].Due.Text, actions[0].Due.Date, actions[0].Due.Precision));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Import_DueWithoutPrecision_IsReadFromItsText(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var organisationId = await PlanRoundTripTests.CreateOrganisationAsync(database, "Riverside Borough Council");

        var calendar = await ImportActionsAsync(database, organisationId, Document());
        var financial = await ImportActionsAsync(database, organisationId, Document(quartersAreFinancial: true));

        Assert.Equal((new DateOnly(2019, 9, 30), DuePrecision.Quarter), (calendar[1].Due.Date, calendar[1].Due.Precision));
        Assert.Equal(new DateOnly(2019, 12, 31), financial[1].Due.Date);

        // Several dates in one cell: due at the latest, one milestone per date.
        Assert.Equal(new DateOnly(2015, 2, 28), calendar[2].Due.Date);
        Assert.Equal(["Dec 2014", "Jan 2015", "February 2015"], calendar[2].Milestones.OrderBy(m => m.SortOrder).Select(m => m.Text));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Import_VersionOneIndicatorWithoutTheNewFields_GetsTheDefaults(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var organisationId = await PlanRoundTripTests.CreateOrganisationAsync(database, "Riverside Borough Council");
        const string Json = """
            {
              "format": "trellis.plan", "version": 1,
              "organisation": { "name": "Riverside Borough Council" },
              "plan": { "title": "Improvement plan" },
              "areas": [ { "number": "1", "title": "Front door" } ],
              "indicators": [ {
                "id": "k1", "name": "% of contacts progressing to a referral", "unit": "percent", "polarity": "higher-is-better",
                "target": { "text": "20-25%", "min": 20, "max": 25 }, "areas": ["1"],
                "values": [ { "period": "2019-01", "value": 18, "asAt": "2019-01-31" } ],
                "comparators": [ { "name": "London", "period": "2018/19", "value": 545 } ]
              } ]
            }
            """;
        var read = PlanJson.Read(Json, "v1.json");
        Assert.True(read.Succeeded, string.Join("; ", read.Problems));

        var result = await PlanRoundTripTests.ImportAsync(database, organisationId, read.Document!);

        await using var db = database.CreateContext();
        var indicator = await db.Indicators.Include(i => i.Targets).Include(i => i.Comparators)
            .Include(i => i.Values).ThenInclude(v => v.Breakdowns).Include(i => i.Values).ThenInclude(v => v.Revisions)
            .SingleAsync(i => i.PlanId == result.PlanId);
        Assert.Equal((Core.Indicators.IndicatorFrequency.Monthly, Core.Indicators.YearBasis.Financial), (indicator.Frequency, indicator.YearBasis));
        Assert.Equal((null, null, null), (indicator.Source, indicator.OwnerId, indicator.Tolerance));
        Assert.Equal(Core.Indicators.ToleranceKind.Points, indicator.ToleranceKind);
        Assert.Empty(indicator.Targets);
        var value = Assert.Single(indicator.Values);
        Assert.Equal((18m, null, null), (value.Value, value.Source, value.RecordedAt));
        Assert.Empty(value.Breakdowns);
        Assert.Empty(value.Revisions);

        // A comparator's period that reads as one is placed on the calendar.
        Assert.Equal(new DateOnly(2018, 4, 1), Assert.Single(indicator.Comparators).PeriodStart);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Import_IndicatorExtensions_AreStoredAsGiven(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var organisationId = await PlanRoundTripTests.CreateOrganisationAsync(database, "Riverside Borough Council");
        var recorded = new DateTimeOffset(2016, 5, 5, 7, 0, 0, TimeSpan.Zero);
        var indicator = new IndicatorDoc
        {
            Id = "k1",
            Name = "Contacts decided within a day",
            Frequency = "quarterly",
            YearBasis = "calendar",
            Source = "Case management system monthly extract",
            Owner = "p2",
            Tolerance = new ToleranceDoc { Kind = "percent-of-target", Value = 10 },
            Targets = [new DatedTargetDoc { Text = "85% by March 2017", Min = 85, From = new DateOnly(2016, 4, 1), To = new DateOnly(2017, 3, 31) }],
            Values =
            [
                new IndicatorValueDoc
                {
                    Period = "2016-Q2",
                    Value = 82,
                    Source = "Imported from the monthly extract",
                    RecordedAt = recorded.AddDays(4),
                    Breakdowns = [new BreakdownDoc { Dimension = "Team", Category = "North", Value = 80 }, new BreakdownDoc { Dimension = "Team", Category = "South", Text = "n/a" }],
                    History = [new RevisionDoc { Value = 79.6m, RecordedAt = recorded, ReplacedAt = recorded.AddDays(4), ReplacedBy = "Imported from the monthly extract" }],
                },
            ],
        };

        var result = await PlanRoundTripTests.ImportAsync(database, organisationId, Document([indicator]));

        await using var db = database.CreateContext();
        var stored = await db.Indicators.Include(i => i.Owner).Include(i => i.Targets)
            .Include(i => i.Values).ThenInclude(v => v.Breakdowns).Include(i => i.Values).ThenInclude(v => v.Revisions)
            .SingleAsync(i => i.PlanId == result.PlanId);
        Assert.Equal((Core.Indicators.IndicatorFrequency.Quarterly, Core.Indicators.YearBasis.Calendar), (stored.Frequency, stored.YearBasis));
        Assert.Equal("Jo Stirling", stored.Owner!.Name);
        Assert.Equal((Core.Indicators.ToleranceKind.PercentOfTarget, 10m), (stored.ToleranceKind, stored.Tolerance));
        var target = Assert.Single(stored.Targets);
        Assert.Equal(("85% by March 2017", 85m, (decimal?)null, new DateOnly(2016, 4, 1), new DateOnly(2017, 3, 31)), (target.Text, target.Min, target.Max, target.From!.Value, target.To!.Value));
        var value = Assert.Single(stored.Values);
        Assert.Equal(("Imported from the monthly extract", recorded.AddDays(4)), (value.Source, value.RecordedAt!.Value));
        Assert.Equal(["North 80", "South n/a"], value.Breakdowns.OrderBy(b => b.Category).Select(b => $"{b.Category} {b.Value?.ToString("0", System.Globalization.CultureInfo.InvariantCulture) ?? b.Text}"));
        var revision = Assert.Single(value.Revisions);
        Assert.Equal((79.6m, recorded, recorded.AddDays(4)), (revision.Value!.Value, revision.RecordedAt!.Value, revision.ReplacedAt));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Import_InvalidPeriod_IsAProblemAndStoresNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var organisationId = await PlanRoundTripTests.CreateOrganisationAsync(database, "Riverside Borough Council");
        var indicator = new IndicatorDoc
        {
            Id = "k1",
            Name = "Re-referrals",
            Values = [new IndicatorValueDoc { Period = "2019-01", Value = 18 }, new IndicatorValueDoc { Period = "Jan 2019", Value = 20 }],
        };

        await using (var db = database.CreateContext())
        {
            var result = await new PlanImporter(db, Clock).ImportAsync(organisationId, Document([indicator]));

            Assert.False(result.Succeeded);
            var problem = Assert.Single(result.Problems);
            Assert.Equal("$.indicators[0].values[1].period", problem.Path);
            Assert.StartsWith("'Jan 2019' is not a period", problem.Message, StringComparison.Ordinal);
        }

        await AssertNothingStoredAsync(database);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Import_FailingWhileSaving_StoresNothing_AndLeavesTheContextUsable(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var organisationId = await PlanRoundTripTests.CreateOrganisationAsync(database, "Riverside Borough Council");
        var failing = new FailWhenSavingActions();

        await using (var db = database.CreateContext(failing))
        {
            var importer = new PlanImporter(db, Clock);
            var failure = await Assert.ThrowsAsync<DbUpdateException>(() => importer.ImportAsync(organisationId, Document()));
            Assert.Equal("The database went away", failure.InnerException!.Message);

            failing.Enabled = false;
            Assert.DoesNotContain(db.ChangeTracker.Entries(), e => e.State == EntityState.Added);
        }

        await AssertNothingStoredAsync(database);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Import_IntoAnOrganisationThatDoesNotExist_IsAProblem(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();

        var result = await new PlanImporter(db, Clock).ImportAsync(4242, Document());

        Assert.Equal("$.organisation", Assert.Single(result.Problems).Path);
    }

    private static async Task<List<PlanAction>> ImportActionsAsync(TestDatabase database, int organisationId, PlanDocument document)
    {
        var result = await PlanRoundTripTests.ImportAsync(database, organisationId, document);
        await using var db = database.CreateContext();
        return await db.Actions.Include(a => a.Milestones).Where(a => a.Area.PlanId == result.PlanId).OrderBy(a => a.SortOrder).ToListAsync();
    }

    private static async Task AssertNothingStoredAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.Plans.CountAsync());
        Assert.Equal(0, await db.People.CountAsync());
        Assert.Equal(0, await db.Actions.CountAsync());
        Assert.Equal(1, await db.Organisations.CountAsync());
    }

    /// <summary>
    /// Fails the command that inserts actions: by then the database has already taken the plan, its areas and new
    /// people, so only the transaction can take them back.
    /// </summary>
    private sealed class FailWhenSavingActions : DbCommandInterceptor
    {
        public bool Enabled { get; set; } = true;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            return Enabled && command.CommandText.Contains("INSERT INTO \"Actions\"", StringComparison.Ordinal)
                ? throw new InvalidOperationException("The database went away")
                : base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
