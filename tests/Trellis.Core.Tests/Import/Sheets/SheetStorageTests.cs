using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Trellis.Core.Data;
using Trellis.Core.Import.Sheets;
using Trellis.Core.Tests.Interchange;
using Trellis.Testing;

namespace Trellis.Core.Tests.Import.Sheets;

/// <summary>What a spreadsheet import stores, and the remembered mappings, on each real database engine.</summary>
public class SheetStorageTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ImportedWorkbook_StoresItsIndicatorsWithValuesTargetsAndComparators(DatabaseProvider provider)
    {
        var file = Xlsx.Build(
            new XSheet("Plan", [["Area", "Action", "By when"], ["Front door", "Review thresholds", "June 2016"]]),
            new XSheet("KPIs",
            [
                ["Indicator", "Jan 19", "Feb 19", "England", "Target"],
                ["% Contacts progressing to a CSC referral", "18%", "17%", "22%", "20-25%"],
            ]));
        var document = await SpreadsheetPlanReaderTests.ReadAsync(file);
        await using var database = await TestDatabase.CreateAsync(provider);
        var organisationId = await PlanRoundTripTests.CreateOrganisationAsync(database, "Riverside Borough Council");

        var result = await PlanRoundTripTests.ImportAsync(database, organisationId, document);

        Assert.Equal(1, result.Indicators);
        await using var db = database.CreateContext();
        var indicator = await db.Indicators.Include(i => i.Values).Include(i => i.Comparators).SingleAsync(i => i.PlanId == result.PlanId);
        Assert.Equal("% Contacts progressing to a CSC referral", indicator.Name);
        Assert.Equal((20m, 25m), (indicator.TargetMin!.Value, indicator.TargetMax!.Value));
        Assert.Equal([18m, 17m], indicator.Values.OrderBy(v => v.Period).Select(v => v.Value!.Value));
        Assert.Equal(("England", 22m), (indicator.Comparators.Single().Name, indicator.Comparators.Single().Value!.Value));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Layouts_AreRememberedPerOrganisationAndSignature_AndReplaced(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var riverside = await PlanRoundTripTests.CreateOrganisationAsync(database, "Riverside Borough Council");
        var hillside = await PlanRoundTripTests.CreateOrganisationAsync(database, "Hillside Council");
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero));
        var first = new ColumnMapping(new Dictionary<int, ColumnRole> { [0] = ColumnRole.AreaTitle, [1] = ColumnRole.ActionText });
        var second = first.With(2, ColumnRole.Due);

        await using (var db = database.CreateContext())
        {
            var service = new ImportLayoutService(db, clock);
            Assert.Null(await service.FindAsync(riverside, "v1:abc"));
            await service.SaveAsync(riverside, "v1:abc", first);
            clock.Advance(TimeSpan.FromDays(1));
            await service.SaveAsync(riverside, "v1:abc", second);
        }

        await using (var db = database.CreateContext())
        {
            var service = new ImportLayoutService(db, clock);
            var found = await service.FindAsync(riverside, "v1:abc");
            Assert.Equal(ColumnRole.Due, found!.RoleOf(2));
            Assert.Null(await service.FindAsync(hillside, "v1:abc"));
            Assert.Null(await service.FindAsync(riverside, "v1:other"));
            var stored = await db.ImportLayouts.SingleAsync();
            Assert.Equal(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero), stored.UpdatedAt);
        }
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task TheSameLayoutTwice_IsRefusedByTheDatabase(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var organisationId = await PlanRoundTripTests.CreateOrganisationAsync(database, "Riverside Borough Council");
        await using var db = database.CreateContext();
        db.ImportLayouts.Add(new ImportLayout { OrganisationId = organisationId, Signature = "v1:abc", MappingJson = "{}" });
        db.ImportLayouts.Add(new ImportLayout { OrganisationId = organisationId, Signature = "v1:abc", MappingJson = "{}" });

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }
}
