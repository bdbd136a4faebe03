using Microsoft.EntityFrameworkCore;
using Trellis.Core.Data;
using Trellis.Core.Reports;
using Trellis.Core.Reports.Html;
using Trellis.Testing;

namespace Trellis.Core.Tests.Reports;

public class ReportServiceTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task GetReport_ClosedRound_IsTheSnapshotNotThePlanAsItIsNow(DatabaseProvider provider)
    {
        await using var fixture = await ReportFixture.CreateAsync(provider);
        await using (var db = fixture.Database.CreateContext())
        {
            var plan = await db.Plans.SingleAsync();
            plan.Title = "Renamed after closing";
            await db.SaveChangesAsync();
        }

        await using var read = fixture.Database.CreateContext();
        var report = await Service(fixture, read).GetReportAsync(fixture.OrganisationId, fixture.PlanId, "2026/27 Q1", CancellationToken.None);

        Assert.NotNull(report);
        Assert.True(report.Round.IsFinal);
        Assert.NotEqual("Renamed after closing", report.PlanTitle);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task GetReport_FindsTheRoundByLatestNameOrId(DatabaseProvider provider)
    {
        await using var fixture = await ReportFixture.CreateAsync(provider);
        await using var db = fixture.Database.CreateContext();
        var service = Service(fixture, db);

        var latest = await service.GetReportAsync(fixture.OrganisationId, fixture.PlanId, "latest", CancellationToken.None);
        var byName = await service.GetReportAsync(fixture.OrganisationId, fixture.PlanId, "2026/27 Q1", CancellationToken.None);
        var byId = await service.GetReportAsync(fixture.OrganisationId, fixture.PlanId, fixture.OpenRoundId.ToString(System.Globalization.CultureInfo.InvariantCulture), CancellationToken.None);

        Assert.Equal("2026/27 Q2", latest?.Round.Name);
        Assert.False(latest?.Round.IsFinal);
        Assert.Equal("2026/27 Q1", byName?.Round.Name);
        Assert.Equal("2026/27 Q2", byId?.Round.Name);
        Assert.Null(await service.GetReportAsync(fixture.OrganisationId, fixture.PlanId, "2030/31 Q4", CancellationToken.None));
        Assert.Null(await service.GetReportAsync(fixture.OrganisationId + 1, fixture.PlanId, "latest", CancellationToken.None));
        Assert.Null(await service.GetReportAsync(fixture.OrganisationId, fixture.PlanId + 1, "latest", CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Generate_Html_NamesTheFileAfterCouncilRoundAndLayout(DatabaseProvider provider)
    {
        await using var fixture = await ReportFixture.CreateAsync(provider);
        await using var db = fixture.Database.CreateContext();

        var file = await Service(fixture, db).GenerateAsync(fixture.OrganisationId, fixture.PlanId, "latest", ReportFormat.Html, ReportLayout.Plan, CancellationToken.None);

        Assert.NotNull(file);
        Assert.Equal("castlebridge-improvement-plan-2026-27-Q2-plan.html", file.FileName);
        Assert.Equal("text/html; charset=utf-8", file.ContentType);
        var document = HtmlOutline.Parse(System.Text.Encoding.UTF8.GetString(file.Content));
        Assert.Contains("Castlebridge Borough Council", document.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Two of four posts filled & advertised again", document.Body.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Generate_AFormatWithNoRenderer_IsUnavailable(DatabaseProvider provider)
    {
        await using var fixture = await ReportFixture.CreateAsync(provider);
        await using var db = fixture.Database.CreateContext();

        await Assert.ThrowsAsync<ReportUnavailableException>(() =>
            Service(fixture, db).GenerateAsync(fixture.OrganisationId, fixture.PlanId, "latest", ReportFormat.Xlsx, ReportLayout.Plan, CancellationToken.None));
    }

    private static ReportService Service(ReportFixture fixture, TrellisDbContext db) =>
        new(db, fixture.Builder(db), [new HtmlReportRenderer()]);
}
