using System.Text;
using Microsoft.EntityFrameworkCore;
using Trellis.Core.AnnexA.Store;
using Trellis.Core.AnnexA.Synthetic;
using Trellis.Core.Data;
using Trellis.Core.Indicators;
using Trellis.Core.Tests.Reports;
using Trellis.Indicators.AnnexA;
using Trellis.Testing;

namespace Trellis.Core.Tests.AnnexA.Store;

public sealed class AnnexAPlanFeedTests
{
    private static readonly byte[] Key = Encoding.UTF8.GetBytes("a test key of sixteen or more bytes");

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Refresh_AfterAccept_FeedsTheLinkedIndicator_KeepsTheOldValue_AndTheBoardReportShowsIt(DatabaseProvider provider)
    {
        await using var fixture = await ReportFixture.CreateAsync(provider);
        int indicatorId;
        string indicatorKey;
        await using (var db = fixture.Database.CreateContext())
        {
            var indicator = await db.Indicators.Include(i => i.Values).Where(i => i.PlanId == fixture.PlanId).OrderBy(i => i.SortOrder).FirstAsync();
            (indicatorId, indicatorKey) = (indicator.Id, indicator.Key);
            (indicator.Unit, indicator.Frequency) = (Trellis.Core.Indicators.IndicatorUnit.RatePer10k, IndicatorFrequency.Monthly);
            indicator.Values.Clear();
            indicator.Values.Add(new IndicatorValue { Period = "2025-03", PeriodStart = new DateOnly(2025, 3, 1), Value = 1m, Source = "Entered on the form" });
            db.AnnexAIndicatorLinks.Add(new AnnexAIndicatorLink { IndicatorId = indicator.Id, Measure = "referrals-per-10k", WindowMonths = 6 });
            db.AnnexASettings.Add(new AnnexASettings { OrganisationId = fixture.OrganisationId, Population = 50000 });
            await db.SaveChangesAsync();
        }

        var folder = AnnexATestFiles.TempFolder();
        AnnexASyntheticFiles.WriteCsvFolder(new AnnexAGeneratorOptions { Children = 400, Months = 6, ReferenceDate = new DateOnly(2025, 3, 31), Seed = 3 }, folder);
        AnnexARefreshResult refreshed;
        await using (var db = fixture.Database.CreateContext())
        {
            var store = new AnnexAStore(db, fixture.Clock);
            await store.AcceptAsync(fixture.OrganisationId, folder, Key, "test", new AnnexAExtractDates(new DateOnly(2024, 10, 1), new DateOnly(2025, 3, 31)));
            refreshed = await new AnnexAPlanFeed(db, store, new IndicatorValueService(db, fixture.Clock)).RefreshAsync(fixture.OrganisationId, fixture.PlanId);
        }

        Assert.Empty(refreshed.Problems);
        Assert.Equal(1, refreshed.Corrected);
        Assert.True(refreshed.Added >= 5, $"{refreshed.Added} added");

        decimal expected;
        await using (var db = fixture.Database.CreateContext())
        {
            var held = await new AnnexAStore(db, fixture.Clock).LoadHeldAsync(fixture.OrganisationId);
            expected = AnnexAEngine.Compute(held.Data, new AnnexAOptions { ReferenceDate = new DateOnly(2025, 3, 31), WindowMonths = 6, Population = 50000 })
                .Indicators.Single(i => i.Key == "referrals-per-10k").Value!.Value;

            var march = await db.IndicatorValues.Include(v => v.Revisions).SingleAsync(v => v.IndicatorId == indicatorId && v.Period == "2025-03");
            Assert.Equal(expected, march.Value);
            Assert.StartsWith("Computed from Annex A (uploaded ", march.Note, StringComparison.Ordinal);
            Assert.Equal(1m, Assert.Single(march.Revisions).Value);

            // The months before the window is wholly held are marked approximate.
            var october = await db.IndicatorValues.SingleAsync(v => v.IndicatorId == indicatorId && v.Period == "2024-10");
            Assert.Contains("; approximate: ", october.Note, StringComparison.Ordinal);

            // Refreshing again with nothing new changes nothing.
            var again = await new AnnexAPlanFeed(db, new AnnexAStore(db, fixture.Clock), new IndicatorValueService(db, fixture.Clock)).RefreshAsync(fixture.OrganisationId, fixture.PlanId);
            Assert.Equal((0, 0), (again.Added, again.Corrected));
        }

        await using (var db = fixture.Database.CreateContext())
        {
            var report = await fixture.Builder(db).BuildAsync(fixture.PlanId, fixture.OpenRoundId, CancellationToken.None);
            var shown = report.Indicators.Single(i => i.Key == indicatorKey);
            Assert.Contains(shown.Values, v => v.Period == "2025-03" && v.Value == expected);
        }
    }
}
