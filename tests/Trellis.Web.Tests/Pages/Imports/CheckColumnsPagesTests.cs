using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trellis.Core.Data;
using Trellis.Web.Tests.Infrastructure;

namespace Trellis.Web.Tests.Pages.Imports;

/// <summary>The spreadsheet step between upload and review: what each column holds, read again and remembered.</summary>
public sealed class CheckColumnsPagesTests : IDisposable
{
    private const string Csv =
        "Area for improvement,Ref,Action,Lead officer,By when,Extra\n" +
        "Improve the front door,1.1,Review the duty rota,Sam Kaur,June 2016,Started in May\n" +
        ",1.2,Audit contacts,Jo Stone,Q3 2016/17,Waiting for the audit tool\n";

    private readonly TrellisWebFactory _factory = new();
    private readonly PageClient _client;

    public CheckColumnsPagesTests() => _client = new PageClient(_factory);

    public void Dispose() => _factory.Dispose();

    private async Task<string> UploadAsync(string name, string content)
    {
        var result = await _client.UploadAsync(await _client.GetAsync("/imports/new"), "Upload", name, Encoding.UTF8.GetBytes(content));
        Assert.True(result.Status == HttpStatusCode.Redirect, $"upload answered {(int)result.Status}: {string.Join("; ", result.Errors)}");
        return result.Location!;
    }

    private static string Selected(AngleSharp.Dom.IDocument page, int column) =>
        ((IHtmlSelectElement)page.QuerySelector($"#Roles_{column}_")!).Value ?? string.Empty;

    [Fact]
    public async Task UploadCsv_GoesToTheColumns_WithTrellissGuesses()
    {
        var columns = await UploadAsync("plan.csv", Csv);
        Assert.EndsWith("/columns", columns, StringComparison.Ordinal);

        var page = await _client.GetAsync(columns);
        var rows = page.QuerySelectorAll("#columns tbody tr");
        Assert.Equal(6, rows.Length);
        Assert.Equal("A", rows[0].QuerySelector("th")!.TextContent.Trim());
        Assert.Contains("Review the duty rota", rows[2].TextContent, StringComparison.Ordinal);
        Assert.Equal("ActionText", Selected(page, 2));
        Assert.Equal("Due", Selected(page, 4));
        Assert.Null(page.QuerySelector("#remembered"));
    }

    [Fact]
    public async Task SaveColumns_ReadsTheFileAgain_AndIsRememberedForTheSameLayout()
    {
        var columns = await UploadAsync("plan.csv", Csv);
        var page = await _client.GetAsync(columns);
        var saved = await _client.SubmitAsync(page, new Dictionary<string, string> { ["Roles[5]"] = "Comments" });
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal(columns[..^"/columns".Length], saved.Location);

        var review = await _client.GetAsync(saved.Location!);
        Assert.Contains("Comments: Waiting for the audit tool", review.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(review.QuerySelector($"a[href='{columns}']"));

        // Another file laid out the same way starts from the columns chosen here.
        var again = await _client.GetAsync(await UploadAsync("next.csv", Csv.Replace("Audit contacts", "Audit every contact", StringComparison.Ordinal)));
        Assert.NotNull(again.QuerySelector("#remembered"));
        Assert.Equal("Comments", Selected(again, 5));
    }

    [Fact]
    public async Task SaveColumns_NoActionOrAreaColumn_ShowsError()
    {
        var columns = await UploadAsync("plan.csv", Csv);
        var page = await _client.GetAsync(columns);
        var fields = Enumerable.Range(0, 6).ToDictionary(i => $"Roles[{i}]", _ => "Ignore");
        var result = await _client.SubmitAsync(page, fields);

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal(["Choose the column that holds the actions, or the area for improvement"], result.Errors);
        Assert.Equal("#Roles_0_", result.Document.QuerySelector(".govuk-error-summary__list a")!.GetAttribute("href"));
        using var scope = _factory.Services.CreateScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<TrellisDbContext>().ImportLayouts.CountAsync());
    }

    [Fact]
    public async Task Columns_OfAJsonImport_IsNotFound()
    {
        var review = await UploadAsync("plan.json", Encoding.UTF8.GetString(ImportPagesTests.Json(ImportPagesTests.SmallPlan())));
        await _client.GetAsync(review + "/columns", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Confirm_AfterTheColumns_StoresThePlan()
    {
        var columns = await UploadAsync("plan.csv", Csv);
        var saved = await _client.SubmitAsync(await _client.GetAsync(columns), new Dictionary<string, string>());
        var review = await _client.GetAsync(saved.Location!);
        Assert.Equal("2", review.QuerySelector("#count-actions")!.TextContent.Trim());
        var confirmed = await _client.SubmitAsync(review, new Dictionary<string, string>(), formIndex: review.QuerySelectorAll("main form").Length - 2);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.Status);
        Assert.Matches("^/plans/[0-9]+$", confirmed.Location);
    }
}
