using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Trellis.Core.Data;
using Trellis.Core.Demo;
using Trellis.Core.Interchange;
using Trellis.Core.Plans;
using Trellis.Testing;

namespace Trellis.Core.Tests.Interchange;

/// <summary>Export, import and export again, on each real database engine: a round trip loses nothing.</summary>
public class PlanRoundTripTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero));

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task DemoPlan_ExportImportExport_GivesTheSameDocument(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (organisationId, planId) = await SeedDemoAsync(database);

        var first = await ExportAsync(database, organisationId, planId);
        var imported = await ImportAsync(database, organisationId, PlanJson.Read(first, "demo.json").Document!);
        var second = await ExportAsync(database, organisationId, imported.PlanId!.Value);

        Assert.NotEqual(planId, imported.PlanId);
        Assert.Equal(first, second);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task DemoPlan_Export_HoldsEverythingThePlanHas(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (organisationId, planId) = await SeedDemoAsync(database);
        var document = PlanJson.Read(await ExportAsync(database, organisationId, planId), "demo.json").Document!;

        await using var db = database.CreateContext();
        var plan = await db.Plans.Include(p => p.KeyLeads).Include(p => p.Areas).ThenInclude(a => a.Actions).SingleAsync();
        Assert.Equal(plan.Title, document.Plan.Title);
        Assert.Equal("live", document.Plan.Status);
        Assert.True(document.Plan.QuartersAreFinancial);
        Assert.Equal(["R", "A", "G", "B"], document.Plan.RagScales!.Progress!.Select(r => r.Code));
        Assert.True(document.Plan.RagScales.Progress!.Single(r => r.Code == "B").Complete);
        Assert.NotEmpty(document.Inspection!.Judgements!);
        Assert.Equal(plan.KeyLeads.Count, document.People!.Count);
        Assert.Equal(Enumerable.Range(1, document.People.Count).Select(i => $"p{i}"), document.People.Select(p => p.Id));
        Assert.Equal(plan.Areas.Count, document.Areas.Count);
        Assert.Equal(plan.Areas.Sum(a => a.Actions.Count), document.Areas.Sum(a => a.Actions!.Count));
        Assert.All(document.Areas, a => Assert.Equal(2, a.Monitoring!.Count));
        Assert.Contains(document.Areas.SelectMany(a => a.Actions!), a => a.Milestones is { Count: > 1 });
        Assert.Equal(10, document.Indicators!.Count);
        Assert.All(document.Indicators, i => Assert.NotEmpty(i.Values!));

        // The indicators' new fields come out too, so the round trip above proves they survive an import.
        Assert.All(document.Indicators, i => Assert.Contains(i.Owner, document.People.Select(p => p.Id)));
        Assert.Equal(["annual", "monthly", "quarterly"], document.Indicators.Select(i => i.Frequency).Distinct().Order(StringComparer.Ordinal));
        Assert.Contains(document.Indicators, i => i.Tolerance is { Kind: "percent-of-target" });
        Assert.Contains(document.Indicators, i => i.Targets is { Count: 2 });
        var values = document.Indicators.SelectMany(i => i.Values!).ToList();
        Assert.All(values, v => Assert.NotNull(v.RecordedAt));
        Assert.Equal(12 * 4 * 3 + (12 * 5), values.Sum(v => v.Breakdowns?.Count ?? 0));
        Assert.Equal(2, values.Count(v => v.History is { Count: 1 }));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Import_MatchesPeopleByNameAndInitials_AndMakesThemAllKeyLeads(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (organisationId, planId) = await SeedDemoAsync(database);
        var document = PlanJson.Read(await ExportAsync(database, organisationId, planId), "demo.json").Document!;
        var stranger = new PersonDoc { Id = "p99", Initials = "ZZ", Name = "Zed Zephyr", JobTitle = "Visiting adviser" };
        document = document with { People = [.. document.People!, stranger] };

        var result = await ImportAsync(database, organisationId, document);

        Assert.Equal(document.People.Count, result.People);
        Assert.Equal(1, result.PeopleCreated);
        await using var db = database.CreateContext();
        Assert.Equal(document.People.Count, await db.People.CountAsync(p => p.OrganisationId == organisationId));
        var keyLeads = await db.PlanPeople.Where(k => k.PlanId == result.PlanId).OrderBy(k => k.SortOrder).Select(k => k.Person.Name).ToListAsync();
        Assert.Equal(document.People.Select(p => p.Name), keyLeads);
    }

    [SharedDataTheory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task GoldFiles_ImportAndExport_KeepEveryAreaActionOwnerAndDueDate(DatabaseProvider provider)
    {
        var files = Directory.GetFiles(SharedData.Path("expected"), "*.plan.json").Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            await using var database = await TestDatabase.CreateAsync(provider);
            var read = PlanJson.Read(await File.ReadAllTextAsync(file), Path.GetFileName(file));
            Assert.True(read.Succeeded, $"{file}: {string.Join("; ", read.Problems)}");
            var gold = read.Document!;
            var organisationId = await CreateOrganisationAsync(database, gold.Organisation.Name);

            var imported = await ImportAsync(database, organisationId, gold);
            var exported = PlanJson.Read(await ExportAsync(database, organisationId, imported.PlanId!.Value), "export").Document!;

            Assert.Equal(gold.Organisation, exported.Organisation);
            Assert.Equal(gold.Plan.Title, exported.Plan.Title);
            Assert.Equal(gold.People!.Select(Person), exported.People!.Select(Person));
            Assert.Equal(Summary(gold), Summary(exported));
        }
    }

    /// <summary>Every area, action, owner and due date of a document, with people by name, as comparable lines.</summary>
    private static List<string> Summary(PlanDocument document)
    {
        var people = (document.People ?? []).ToDictionary(p => p.Id, p => $"{p.Initials}|{p.Name}");
        string Owner(OwnerDoc o) => o.Person is { } id ? "person " + people[id] : "text " + o.Text!.Trim();
        string Due(DueDoc? d) => d is null ? "no due" : $"{d.Text.Trim()}|{d.Date:yyyy-MM-dd}|{d.Precision}";
        var lines = new List<string>();
        foreach (var area in document.Areas)
        {
            lines.Add($"area {area.Number}|{area.Theme}|{area.Title.Trim()}|{area.Source?.Kind}|{area.Source?.Reference}");
            lines.AddRange((area.Leads ?? []).Select(o => "lead " + Owner(o)));
            lines.AddRange((area.SeniorLeads ?? []).Select(o => "senior lead " + Owner(o)));
            foreach (var action in area.Actions ?? [])
            {
                lines.Add($"action {action.Ref}|{action.Text.Trim()}|{Due(action.Due)}");
                lines.AddRange((action.Owners ?? []).Select(o => "owner " + Owner(o)));
            }
        }

        return lines;
    }

    private static string Person(PersonDoc p) => $"{p.Id}|{p.Initials}|{p.Name}|{p.JobTitle}";

    internal static async Task<(int OrganisationId, int PlanId)> SeedDemoAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        await new DemoDataSeeder(db, Clock).SeedAsync();
        var plan = await db.Plans.SingleAsync();
        return (plan.OrganisationId, plan.Id);
    }

    internal static async Task<int> CreateOrganisationAsync(TestDatabase database, string name)
    {
        await using var db = database.CreateContext();
        var organisation = new Organisation { Name = name };
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();
        return organisation.Id;
    }

    internal static async Task<string> ExportAsync(TestDatabase database, int organisationId, int planId)
    {
        await using var db = database.CreateContext();
        var document = await new PlanExporter(db).ExportAsync(organisationId, planId);
        return PlanJson.Write(document!);
    }

    internal static async Task<ImportResult> ImportAsync(TestDatabase database, int organisationId, PlanDocument document)
    {
        await using var db = database.CreateContext();
        var result = await new PlanImporter(db, Clock).ImportAsync(organisationId, document);
        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        return result;
    }
}
