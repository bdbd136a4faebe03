using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Trellis.Core.Data;
using Trellis.Core.Indicators;
using Trellis.Core.Plans;
using Trellis.Core.Reports;
using Trellis.Core.Reports.Docx;
using Trellis.Core.Reports.Html;
using Trellis.Core.Reports.Xlsx;
using Trellis.Core.Rounds;
using Trellis.Testing;
using UglyToad.PdfPig;

namespace Trellis.Core.Tests.Reports;

/// <summary>A closed round's report, generated again after a week of changes to the plan, is the same report.</summary>
public class ClosedRoundReportTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ClosedRound_AWeekOfPlanChangesLater_EveryFormatAndLayoutIsIdentical(DatabaseProvider provider)
    {
        await using var fixture = await ReportFixture.CreateAsync(provider);
        await CloseTheOpenRoundAsync(fixture);
        var before = await GenerateEverythingAsync(fixture, []);

        fixture.Clock.Advance(TimeSpan.FromDays(7));
        await ChangeThePlanAsync(fixture);
        var after = await GenerateEverythingAsync(fixture, []);

        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        Assert.True(before.Count >= 10, $"only {before.Count} format and layout pairs were generated");
        Assert.All(before, pair => Assert.True(pair.Value.AsSpan().SequenceEqual(after[pair.Key]), $"{pair.Key} differs a week later"));

        // The plan did change: the next round, built live, shows it.
        await using var db = fixture.Database.CreateContext();
        var next = await new RoundService(db, fixture.Builder(db), fixture.Clock).OpenAsync(
            fixture.OrganisationId, fixture.PlanId, new RoundInput("2026/27 Q3", new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31), null));
        Assert.Equal(RoundSaveStatus.Saved, next.Status);
        var live = await Service(db, fixture, []).GetReportAsync(fixture.OrganisationId, fixture.PlanId, "latest", CancellationToken.None);
        Assert.Equal("Renamed a week after closing", live?.PlanTitle);
        Assert.Contains(live!.Areas.SelectMany(a => a.Actions), a => a.Text == "An action added after the round closed");
    }

    [BrowserFact]
    public async Task ClosedRound_AWeekOfPlanChangesLater_ThePdfReadsTheSame()
    {
        await using var fixture = await ReportFixture.CreateAsync(DatabaseProvider.Sqlite);
        await CloseTheOpenRoundAsync(fixture);
        var pdf = new PdfReportRenderer(Options.Create(new TrellisOptions { Reports = new ReportOptions { ChromiumPath = TestEnvironment.Chromium ?? "chromium" } }));
        var before = await PdfTextAsync(fixture, pdf);

        fixture.Clock.Advance(TimeSpan.FromDays(7));
        await ChangeThePlanAsync(fixture);

        // Chromium stamps its creation time in the file, so the bytes differ; what a reader reads does not.
        Assert.Equal(before, await PdfTextAsync(fixture, pdf));
        Assert.DoesNotContain("Renamed a week after closing", before, StringComparison.Ordinal);
    }

    private static async Task<string> PdfTextAsync(ReportFixture fixture, PdfReportRenderer pdf)
    {
        var files = await GenerateEverythingAsync(fixture, [pdf], ReportFormat.Pdf);
        return string.Join("\n---\n", files.OrderBy(f => f.Key).Select(f =>
        {
            using var document = PdfDocument.Open(f.Value);
            return string.Join('\n', document.GetPages().Select(p => p.Text));
        }));
    }

    private static async Task CloseTheOpenRoundAsync(ReportFixture fixture)
    {
        await using var db = fixture.Database.CreateContext();
        var round = await db.Rounds.SingleAsync(r => r.Id == fixture.OpenRoundId);
        var closed = await new RoundService(db, fixture.Builder(db), fixture.Clock).CloseAsync(fixture.OrganisationId, round.Id, round.Version);
        Assert.Equal(RoundSaveStatus.Saved, closed.Status);
    }

    /// <summary>The kind of week a plan has: renamed, an action finished and reworded, one removed, one added, a rating relabelled, a new value.</summary>
    private static async Task ChangeThePlanAsync(ReportFixture fixture)
    {
        await using var db = fixture.Database.CreateContext();
        var plan = await db.Plans.Include(p => p.RagRatings).Include(p => p.Indicators).ThenInclude(i => i.Values)
            .Include(p => p.Areas).ThenInclude(a => a.Actions).Include(p => p.Areas).ThenInclude(a => a.Monitoring)
            .SingleAsync(p => p.Id == fixture.PlanId);
        plan.Title = "Renamed a week after closing";
        var areas = plan.Areas.OrderBy(a => a.SortOrder).ToList();
        var first = areas[0].Actions.OrderBy(a => a.SortOrder).First();
        first.Text = "Reworded after the round closed";
        first.Status = ActionStatus.Complete;
        first.RagCode = "B";
        db.Actions.Remove(areas[1].Actions.OrderBy(a => a.SortOrder).Last());
        areas[0].Actions.Add(new PlanAction { Ref = "99", Text = "An action added after the round closed", SortOrder = 99 });
        areas[0].Title += " (revised)";
        foreach (var rating in areas[0].Monitoring)
        {
            rating.Commentary = "Rewritten after closing";
        }

        plan.RagRatings.First(r => r.Scale == RagScale.Progress && r.Colour == RagColour.Red).Label = "Off track";
        var indicator = plan.Indicators.OrderBy(i => i.SortOrder).First();
        indicator.Values.Add(new IndicatorValue { Period = "2026-11", PeriodStart = new DateOnly(2026, 11, 1), Value = 99m });
        await db.SaveChangesAsync();
    }

    private static async Task<Dictionary<string, byte[]>> GenerateEverythingAsync(ReportFixture fixture, IReportRenderer[] extra, ReportFormat? only = null)
    {
        await using var db = fixture.Database.CreateContext();
        var service = Service(db, fixture, extra);
        var files = new Dictionary<string, byte[]>();
        foreach (var format in Enum.GetValues<ReportFormat>().Where(f => only is null || f == only))
        {
            foreach (var layout in Enum.GetValues<ReportLayout>())
            {
                if (!service.CanRender(format, layout))
                {
                    continue;
                }

                var file = await service.GenerateAsync(fixture.OrganisationId, fixture.PlanId, fixture.OpenRoundId.ToString(System.Globalization.CultureInfo.InvariantCulture), format, layout, CancellationToken.None);
                files[$"{format}/{layout}"] = Assert.IsType<ReportFile>(file).Content;
            }
        }

        return files;
    }

    private static IReportRenderer[] Renderers(IReportRenderer[] extra) =>
        [new HtmlReportRenderer(), new DocxReportRenderer(), new XlsxReportRenderer(), .. extra];

    private static ReportService Service(TrellisDbContext db, ReportFixture fixture, IReportRenderer[] extra) =>
        new(db, fixture.Builder(db), Renderers(extra));
}
