using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Trellis.Core.Data;
using Trellis.Core.Demo;
using Trellis.Core.Plans;
using Trellis.Core.Rounds;

namespace Trellis.Core.Tests.Demo;

public partial class DemoDataSeederTests
{
    // Two "todays" far apart prove that the demo is built relative to the clock.
    private static readonly string[] ProgressCodes = ["R", "A", "G", "B"];
    private static readonly string[] ImpactCodes = ["R", "A", "G"];

    public static TheoryData<string> Todays => ["2026-11-22", "2031-03-05"];

    // What each of those days should give, worked out by hand.
    private static readonly Dictionary<string, Expected> Expectations = new(StringComparer.Ordinal)
    {
        ["2026-11-22"] = new("2026/27 Q1", "2026/27 Q2", "2026-10", "2025/26"),
        ["2031-03-05"] = new("2030/31 Q2", "2030/31 Q3", "2031-02", "2029/30"),
    };

    [Theory]
    [MemberData(nameof(Todays))]
    public async Task Seed_CreatesOneDemoOrganisationWithOneLivePlan(string today)
    {
        using var database = await TestDatabase.SeedAsync(today);
        var db = database.Db;

        var organisation = Assert.Single(await db.Organisations.ToListAsync());
        Assert.True(organisation.IsDemo);
        Assert.False(string.IsNullOrWhiteSpace(organisation.Name));

        var plan = Assert.Single(await db.Plans.ToListAsync());
        Assert.Equal(organisation.Id, plan.OrganisationId);
        Assert.Equal(PlanStatus.Live, plan.Status);
        Assert.Equal(MonitoringCadence.Quarterly, plan.MonitoringCadence);
        Assert.True(plan.QuartersAreFinancial);
        Assert.True(plan.Governance.Count >= 3);
        var date = Day(today);
        Assert.True(plan.PeriodStart < date, $"plan starts {plan.PeriodStart}, today is {date}");
        Assert.True(plan.PeriodEnd > date, $"plan ends {plan.PeriodEnd}, today is {date}");
    }

    [Theory]
    [MemberData(nameof(Todays))]
    public async Task Seed_InspectionIsAboutNineMonthsAgo(string today)
    {
        using var database = await TestDatabase.SeedAsync(today);
        var date = Day(today);

        var inspection = await database.Db.Inspections.Include(i => i.Judgements).SingleAsync();
        Assert.Contains("ILACS", inspection.Framework, StringComparison.Ordinal);
        Assert.NotNull(inspection.Start);
        Assert.NotNull(inspection.End);
        Assert.NotNull(inspection.Published);
        Assert.InRange(inspection.Start.Value, date.AddMonths(-10), date.AddMonths(-8));
        Assert.True(inspection.Start < inspection.End && inspection.End < inspection.Published);
        Assert.True(inspection.Published < date);
        Assert.InRange(inspection.Judgements.Count, 5, 6);
        Assert.All(inspection.Judgements, j => Assert.NotNull(j.Grade));
        Assert.Contains(inspection.Judgements, j => j.GradeText is not null);
    }

    [Fact]
    public async Task Seed_RatingScalesHaveBlueForCompleteOnProgressOnly()
    {
        using var database = await TestDatabase.SeedAsync("2026-11-22");
        var ratings = await database.Db.RagRatings.ToListAsync();

        var progress = ratings.Where(r => r.Scale == RagScale.Progress).OrderBy(r => r.SortOrder).ToList();
        var impact = ratings.Where(r => r.Scale == RagScale.Impact).OrderBy(r => r.SortOrder).ToList();
        Assert.Equal(["R", "A", "G", "B"], progress.Select(r => r.Code));
        Assert.Equal(["R", "A", "G"], impact.Select(r => r.Code));
        Assert.Equal("B", Assert.Single(ratings, r => r.IsComplete).Code);
        Assert.Equal(RagColour.Blue, progress[3].Colour);
        Assert.All(ratings, r => Assert.False(string.IsNullOrWhiteSpace(r.Meaning)));
    }

    [Theory]
    [MemberData(nameof(Todays))]
    public async Task Seed_PlanHasThemesAreasActionsAndKeyLeads(string today)
    {
        using var database = await TestDatabase.SeedAsync(today);
        var db = database.Db;

        Assert.Equal(["A", "B", "C"], await db.Themes.OrderBy(t => t.SortOrder).Select(t => t.Key).ToListAsync());

        var areas = await db.Areas.Include(a => a.Leads).Include(a => a.Actions).OrderBy(a => a.SortOrder).ToListAsync();
        Assert.InRange(areas.Count, 8, 10);
        Assert.Equal(Enumerable.Range(1, areas.Count).Select(n => n.ToString(CultureInfo.InvariantCulture)), areas.Select(a => a.Number));
        Assert.All(areas, a =>
        {
            Assert.NotNull(a.ThemeId);
            Assert.NotNull(a.SourceKind);
            Assert.False(string.IsNullOrWhiteSpace(a.SourceReference));
            Assert.NotEmpty(a.Objectives);
            Assert.NotEmpty(a.Outcomes);
            Assert.NotEmpty(a.MeasuresOfSuccess);
            Assert.NotEmpty(a.Actions);
            Assert.Contains(a.Leads, l => l.Role == LeadRole.Lead);
            Assert.Contains(a.Leads, l => l.Role == LeadRole.SeniorLead);
        });
        Assert.Contains(areas, a => a.SourceKind == SourceKind.ReportNarrative);
        Assert.Contains(areas, a => a.SourceKind == SourceKind.SelfAssessment);
        Assert.Contains(areas.SelectMany(a => a.Leads), l => l.PersonId is null && l.Text is not null);
        Assert.Contains(areas.SelectMany(a => a.Leads), l => l.PersonId is not null);

        Assert.InRange(await db.Actions.CountAsync(), 45, 55);
        Assert.True(await db.PlanPeople.CountAsync() >= 15);
        Assert.Equal(await db.People.CountAsync(), await db.PlanPeople.CountAsync());
        Assert.Contains(await db.People.ToListAsync(), p => p.Agency is not null);
    }

    [Fact]
    public async Task Seed_KeyLeadsIncludeMixedCaseAndLookAlikeInitials()
    {
        using var database = await TestDatabase.SeedAsync("2026-11-22");
        var initials = await database.Db.People.Select(p => p.Initials).ToListAsync();

        Assert.Contains("JSt", initials);
        Assert.Contains("JS", initials);
        Assert.Equal(initials.Count, initials.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public async Task Seed_ActionsHaveEveryStatusAndCompleteOnesAreBlue()
    {
        using var database = await TestDatabase.SeedAsync("2026-11-22");
        var actions = await database.Db.Actions.ToListAsync();

        foreach (var status in Enum.GetValues<ActionStatus>())
        {
            Assert.Contains(actions, a => a.Status == status);
        }

        Assert.All(actions.Where(a => a.Status == ActionStatus.Complete), a => Assert.Equal("B", a.RagCode));
        Assert.All(actions.Where(a => a.RagCode == "B"), a => Assert.Equal(ActionStatus.Complete, a.Status));
        foreach (var code in ProgressCodes)
        {
            Assert.Contains(actions, a => a.RagCode == code);
        }

        Assert.Contains(actions, a => a.RagCode is null);
        Assert.All(actions, a => Assert.False(string.IsNullOrWhiteSpace(a.Due.Text), $"action {a.Ref} has no target date text"));
    }

    [Fact]
    public async Task Seed_RepeatedRefInAnAreaIsKeptWithAWarning()
    {
        using var database = await TestDatabase.SeedAsync("2026-11-22");
        var actions = await database.Db.Actions.OrderBy(a => a.AreaId).ThenBy(a => a.SortOrder).ToListAsync();

        var repeats = actions.GroupBy(a => (a.AreaId, a.Ref)).Where(g => g.Count() > 1).ToList();
        var repeat = Assert.Single(repeats).ToList();
        Assert.DoesNotContain(repeat[0].Warnings, w => w.Contains("earlier action", StringComparison.Ordinal));
        Assert.Contains(repeat[1].Warnings, w => w.Contains(repeat[1].Ref, StringComparison.Ordinal) && w.Contains("earlier action", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Seed_OwnersAreReadAgainstKeyLeadsAndUnknownInitialsStayAsText()
    {
        using var database = await TestDatabase.SeedAsync("2026-11-22");
        var owners = await database.Db.ActionOwners.ToListAsync();

        Assert.Contains(owners, o => o.PersonId is not null);
        Assert.Contains(owners, o => o.PersonId is null && !string.IsNullOrWhiteSpace(o.Text));
        Assert.All(owners, o => Assert.True(o.PersonId is not null ^ o.Text is not null, "an owner is a person or text, not both"));

        // JH is nobody in the key leads table, whatever the reader makes of the rest of the cell.
        Assert.Contains(owners, o => o.PersonId is null && o.Text!.Contains("JH", StringComparison.Ordinal));
        Assert.DoesNotContain(await database.Db.People.ToListAsync(), p => p.Initials == "JH");

        // Every action without a named person says why, so nothing is guessed silently.
        var actions = await database.Db.Actions.Include(a => a.Owners).ToListAsync();
        Assert.All(actions, a => Assert.NotEmpty(a.Owners));
        Assert.All(actions.Where(a => a.Owners.Any(o => o.PersonId is null)), a => Assert.NotEmpty(a.Warnings));
    }

    [Theory]
    [MemberData(nameof(Todays))]
    public async Task Seed_TargetDatesAreWrittenRelativeToToday(string today)
    {
        using var database = await TestDatabase.SeedAsync(today);
        var texts = await database.Db.Actions.Select(a => a.Due.Text).ToListAsync();
        var date = Day(today);

        var years = texts.SelectMany(t => FourDigitYear().Matches(t).Select(m => int.Parse(m.Value, CultureInfo.InvariantCulture))).ToList();
        Assert.NotEmpty(years);
        Assert.All(years, y => Assert.InRange(y, date.Year - 1, date.Year + 2));

        // The messy forms councils type, so the reader has something to chew on.
        Assert.Contains(texts, t => SpacedOrdinal().IsMatch(t));
        Assert.Contains(texts, t => t.StartsWith("End ", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.StartsWith("Q3 & 4 ", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.StartsWith("31st April ", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("and then quarterly", StringComparison.Ordinal));
        foreach (var literal in new[] { "TBC", "tbc with IT provider", "??", "Ongoing", "NFA" })
        {
            Assert.Contains(literal, texts);
        }
    }

    [Theory]
    [MemberData(nameof(Todays))]
    public async Task Seed_TwoQuartersOfMonitoringPerArea(string today)
    {
        var (earlier, latest, _, _) = Expectations[today];
        using var database = await TestDatabase.SeedAsync(today);
        var areas = await database.Db.Areas.Include(a => a.Monitoring).ToListAsync();
        var now = new DateTimeOffset(Day(today).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddHours(9);

        Assert.All(areas, a =>
        {
            Assert.Equal([earlier, latest], a.Monitoring.Select(m => m.Period).Order(StringComparer.Ordinal));
            Assert.All(a.Monitoring, m =>
            {
                Assert.Contains(m.ProgressRag, ProgressCodes);
                Assert.Contains(m.ImpactRag, ImpactCodes);
                Assert.False(string.IsNullOrWhiteSpace(m.Commentary));
                Assert.False(string.IsNullOrWhiteSpace(m.FurtherActions));
                Assert.True(m.RecordedAt <= now, $"recorded {m.RecordedAt} after now {now}");
            });
            Assert.Equal(a.Monitoring.Single(m => m.Period == latest).ProgressRag, a.RagCode);
        });
    }

    [Theory]
    [MemberData(nameof(Todays))]
    public async Task Seed_LastQuarterRoundIsWrittenUp_AndThisQuartersIsHalfUpdated(string today)
    {
        var (_, latest, _, _) = Expectations[today];
        using var database = await TestDatabase.SeedAsync(today);
        var db = database.Db;
        var now = new DateTimeOffset(Day(today).ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
        var actions = await db.Actions.CountAsync();
        var rounds = await db.Rounds.Include(r => r.ActionUpdates).Include(r => r.Narratives).Include(r => r.SelfAssessment)
            .OrderBy(r => r.PeriodStart).ToListAsync();

        Assert.Equal(2, rounds.Count);
        var (previous, current) = (rounds[0], rounds[1]);
        Assert.Equal(latest, previous.Name);
        Assert.Equal(previous.PeriodEnd.AddDays(1), current.PeriodStart);
        Assert.InRange(Day(today), current.PeriodStart, current.PeriodEnd);
        Assert.Equal(RoundStatus.Open, current.Status);
        Assert.Equal(RoundStatus.Closed, previous.Status);
        Assert.True(previous.ClosedAt <= now && previous.ClosedAt > previous.OpenedAt, $"closed {previous.ClosedAt}");
        var snapshot = RoundSnapshot.Deserialize(previous.SnapshotJson);
        Assert.NotNull(snapshot);
        Assert.True(snapshot.Round.IsFinal);
        Assert.Equal(previous.Name, snapshot.Round.Name);
        Assert.Equal(actions, snapshot.Areas.Sum(a => a.Actions.Count));
        Assert.All(rounds, r => Assert.True(r.OpenedAt <= now, $"{r.Name} opened {r.OpenedAt}, after now"));
        Assert.True(previous.OpenedAt < current.OpenedAt);

        Assert.Equal(actions, previous.ActionUpdates.Count);
        Assert.InRange(current.ActionUpdates.Count, actions / 2 - 1, actions / 2 + 1);
        Assert.All(rounds.SelectMany(r => r.ActionUpdates), u => Assert.True(u.UpdatedAt <= now));
        var overridden = previous.ActionUpdates.Where(u => u.SuggestedRagCode is not null && u.RagCode is not null && u.RagCode != u.SuggestedRagCode).ToList();
        Assert.Equal(overridden.Count > 0, previous.ActionUpdates.Any(u => u.RagReason is not null));
        Assert.All(overridden, u => Assert.False(string.IsNullOrWhiteSpace(u.RagReason)));
        Assert.All(previous.ActionUpdates.Where(u => u.RagCode == u.SuggestedRagCode), u => Assert.Null(u.RagReason));
        Assert.Contains(previous.ActionUpdates, u => !string.IsNullOrWhiteSpace(u.Note));

        Assert.Equal(3, previous.Narratives.Count);
        Assert.Equal(3, previous.SelfAssessment.Count);
        Assert.Empty(current.Narratives);
        var ratings = await db.MonitoringEntries.Where(m => m.RoundId == previous.Id).ToListAsync();
        Assert.Equal(await db.Areas.CountAsync(), ratings.Count);
        Assert.All(ratings, m => Assert.Contains("**This quarter:**", m.Commentary, StringComparison.Ordinal));
        Assert.Contains(ratings, m => m.Commentary!.Contains("\n- ", StringComparison.Ordinal));

        var log = await db.ImprovementLogEntries.ToListAsync();
        Assert.Equal(6, log.Count);
        Assert.Equal(5, log.Count(l => l.WhenDate is not null));
        Assert.All(log.Where(l => l.WhenDate is not null), l => Assert.True(l.WhenDate <= Day(today).AddMonths(3), $"{l.When} read as {l.WhenDate}"));
    }

    [Theory]
    [MemberData(nameof(Todays))]
    public async Task Seed_IndicatorsHaveValuesEndingWithTheLastPeriodThatEnded(string today)
    {
        var (_, latestQuarter, month, year) = Expectations[today];
        using var database = await TestDatabase.SeedAsync(today);
        var indicators = await database.Db.Indicators.Include(i => i.Values).Include(i => i.Comparators).Include(i => i.Owner)
            .OrderBy(i => i.SortOrder).ToListAsync();
        var areaNumbers = await database.Db.Areas.Select(a => a.Number).ToListAsync();

        Assert.Equal(Enumerable.Range(1, 10).Select(n => $"k{n}"), indicators.Select(i => i.Key));
        Assert.Equal(8, indicators.Count(i => i.Frequency == Core.Indicators.IndicatorFrequency.Monthly));
        var quarterly = Assert.Single(indicators, i => i.Frequency == Core.Indicators.IndicatorFrequency.Quarterly);
        var annual = Assert.Single(indicators, i => i.Frequency == Core.Indicators.IndicatorFrequency.Annual);
        Assert.Equal(Core.Indicators.YearBasis.Financial, annual.YearBasis);
        Assert.Equal(6, quarterly.Values.Count);
        Assert.Equal(latestQuarter, quarterly.Values.MaxBy(v => v.PeriodStart)!.Period);
        Assert.Equal(4, annual.Values.Count);
        Assert.Equal(year, annual.Values.MaxBy(v => v.PeriodStart)!.Period);
        Assert.Equal("Children looked after return (SSDA903)", annual.Source);

        Assert.All(indicators, i =>
        {
            var values = i.Values.OrderBy(v => v.PeriodStart).ToList();
            if (i.Frequency == Core.Indicators.IndicatorFrequency.Monthly)
            {
                Assert.Equal(18, values.Count);
                Assert.Equal(month, values[^1].Period);
                Assert.All(values, v => Assert.Equal(v.PeriodStart.ToString("yyyy-MM", CultureInfo.InvariantCulture), v.Period));
            }

            Assert.All(values, v =>
            {
                Assert.True(Core.Dates.Period.TryParse(v.Period, out var period), v.Period);
                Assert.Equal(period.Start, v.PeriodStart);
                Assert.Equal(period.End, v.AsAt);
                Assert.NotNull(v.Value);
                Assert.True(v.Value >= 0);
                Assert.False(string.IsNullOrWhiteSpace(v.Source));
                Assert.NotNull(v.RecordedAt);
            });
            Assert.Equal(values.Count, values.Select(v => v.Period).Distinct().Count());
            Assert.False(string.IsNullOrWhiteSpace(i.TargetText));
            Assert.False(string.IsNullOrWhiteSpace(i.Source));
            Assert.NotNull(i.Owner);
            Assert.NotEmpty(i.AreaNumbers);
            Assert.All(i.AreaNumbers, n => Assert.Contains(n, areaNumbers));

            // Three financial years of benchmarks, the last one the year that ended last.
            Assert.All(i.Comparators, c =>
            {
                Assert.True(Core.Dates.Period.TryParse(c.Period, out var period), c.Period);
                Assert.Equal(period.Start, c.PeriodStart);
                Assert.False(string.IsNullOrWhiteSpace(c.Source));
            });
            Assert.Equal(i.Comparators.Count == 0 ? 0 : 3, i.Comparators.Select(c => c.Period).Distinct().Count());
            Assert.All(i.Comparators.Count == 0 ? [] : new[] { year }, y => Assert.Contains(i.Comparators, c => c.Period == y));
        });
        Assert.Contains(indicators, i => i.Comparators.Any(c => c.Name == "Top quartile"));
        Assert.All(indicators.Where(i => i.Unit == Core.Indicators.IndicatorUnit.Percent).SelectMany(i => i.Values), v => Assert.True(v.Value <= 100));
    }

    [Theory]
    [MemberData(nameof(Todays))]
    public async Task Seed_IndicatorsHaveSomethingToShow_AnAmberByTolerance_AWorseningOne_DatedTargetsAndBreakdowns(string today)
    {
        using var database = await TestDatabase.SeedAsync(today);
        var indicators = await database.Db.Indicators.Include(i => i.Values).ThenInclude(v => v.Breakdowns)
            .Include(i => i.Values).ThenInclude(v => v.Revisions).Include(i => i.Targets).ToListAsync();
        var date = Day(today);
        var judged = indicators.ToDictionary(i => i.Key, i => Core.Indicators.IndicatorEvaluator.Evaluate(i));

        // Contacts: 88.2% against 90% with a 3-point tolerance is amber, and the 90% target is this year's dated one.
        var contacts = indicators.Single(i => i.Key == "k1");
        Assert.Equal(RagColour.Amber, judged["k1"].Rag);
        Assert.Contains("3 points", judged["k1"].RagWords, StringComparison.Ordinal);
        Assert.True(judged["k1"].Target!.IsDated);
        Assert.Equal(90m, judged["k1"].Target!.Min);
        var fyStart = new DateOnly(date.Month >= 4 ? date.Year : date.Year - 1, 4, 1);
        Assert.Equal([(fyStart.AddYears(-1), fyStart.AddDays(-1)), (fyStart, null)], contacts.Targets.OrderBy(t => t.From).Select(t => (t.From, t.To)));
        Assert.Equal(85m, Core.Indicators.IndicatorEvaluator.TargetFor(Core.Indicators.IndicatorFacts.Of(contacts), fyStart.AddMonths(-1))!.Min);
        var byMarch = indicators.Single(i => i.Key == "k7").Targets.Single();
        Assert.Equal($"85% by March {fyStart.Year + 1}", byMarch.Text);
        Assert.Equal(Core.Indicators.ToleranceKind.PercentOfTarget, indicators.Single(i => i.Key == "k7").ToleranceKind);

        // The agency rate went the wrong way last month.
        Assert.True(judged["k9"].IsWorsening);

        // Team breakdowns on the latest twelve months of three indicators, age bands on one.
        var teams = indicators.Where(i => i.Values.Any(v => v.Breakdowns.Any(b => b.Dimension == "Team"))).ToList();
        Assert.Equal(3, teams.Count);
        Assert.All(teams, i =>
        {
            var values = i.Values.OrderBy(v => v.PeriodStart).ToList();
            Assert.All(values[^12..], v => Assert.Equal(["East", "North", "South", "West"], v.Breakdowns.Select(b => b.Category).Order(StringComparer.Ordinal)));
            Assert.All(values[..^12], v => Assert.Empty(v.Breakdowns));
        });
        Assert.Single(indicators, i => i.Values.Any(v => v.Breakdowns.Any(b => b.Dimension == "Age band")));

        // Two corrected values, each replaced a few days after it first arrived.
        var corrected = indicators.SelectMany(i => i.Values).Where(v => v.Revisions.Count > 0).ToList();
        Assert.Equal(2, corrected.Count);
        Assert.All(corrected, v =>
        {
            var revision = Assert.Single(v.Revisions);
            Assert.NotEqual(v.Value, revision.Value);
            Assert.Equal(revision.ReplacedAt, v.RecordedAt);
            Assert.Equal(TimeSpan.FromDays(4), revision.ReplacedAt - revision.RecordedAt);
            Assert.Equal("Imported from the monthly extract", revision.ReplacedBy);
            Assert.True(revision.ReplacedAt <= new DateTimeOffset(date.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero));
        });
    }

    [Fact]
    public async Task Seed_IndicatorValuesAreTheSameEveryTime()
    {
        using var first = await TestDatabase.SeedAsync("2026-11-22");
        using var second = await TestDatabase.SeedAsync("2026-11-22");

        Assert.Equal(await ValuesAsync(first.Db), await ValuesAsync(second.Db));

        static async Task<List<string>> ValuesAsync(TrellisDbContext db) =>
            (await db.IndicatorValues.Select(v => new { v.IndicatorId, v.Period, v.Value }).ToListAsync())
                .OrderBy(v => v.IndicatorId).ThenBy(v => v.Period, StringComparer.Ordinal)
                .Select(v => string.Create(CultureInfo.InvariantCulture, $"{v.IndicatorId} {v.Period} {v.Value}"))
                .ToList();
    }

    [Fact]
    public async Task Seed_IndicatorValuesFollowTheirTrend()
    {
        using var database = await TestDatabase.SeedAsync("2026-11-22");
        var indicators = await database.Db.Indicators.Include(i => i.Values).ToListAsync();

        // Agency rate is coming down and contacts decided on time going up; noise never hides that over 18 months.
        var agency = indicators.Single(i => i.Key == "k9").Values.OrderBy(v => v.PeriodStart).ToList();
        var contacts = indicators.Single(i => i.Key == "k1").Values.OrderBy(v => v.PeriodStart).ToList();
        Assert.True(agency[^1].Value < agency[0].Value);
        Assert.True(contacts[^1].Value > contacts[0].Value);
    }

    private static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\b(19|20)[0-9]{2}\b")]
    private static partial Regex FourDigitYear();

    [GeneratedRegex(@"^[0-9]{1,2} (st|nd|rd|th) [A-Z][a-z]+ [0-9]{4}$")]
    private static partial Regex SpacedOrdinal();

    /// <summary>The two quarters monitored, the last month with values, and the comparators' financial year.</summary>
    private sealed record Expected(string EarlierQuarter, string LatestQuarter, string LastMonth, string LastFinancialYear);

    private sealed class TestDatabase : IDisposable
    {
        private readonly SqliteConnection connection;

        private TestDatabase(SqliteConnection connection, SqliteTrellisDbContext db)
        {
            this.connection = connection;
            Db = db;
        }

        public SqliteTrellisDbContext Db { get; }

        public static async Task<TestDatabase> SeedAsync(string today)
        {
            var connection = new SqliteConnection("Data Source=:memory:");
            connection.Open();
            var db = new SqliteTrellisDbContext(new DbContextOptionsBuilder<SqliteTrellisDbContext>().UseSqlite(connection).Options);
            await db.Database.MigrateAsync();

            var clock = new FakeTimeProvider(new DateTimeOffset(Day(today).ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero));
            await new DemoDataSeeder(db, clock).SeedAsync();

            // Assert against what was saved, not what the seeder still holds in memory.
            db.ChangeTracker.Clear();
            return new TestDatabase(connection, db);
        }

        public void Dispose()
        {
            Db.Dispose();
            connection.Dispose();
        }
    }
}
