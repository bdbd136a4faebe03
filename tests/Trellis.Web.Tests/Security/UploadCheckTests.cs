using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trellis.Core.Data;
using Trellis.Web.Tests.Infrastructure;

namespace Trellis.Web.Tests.Security;

/// <summary>
/// Every page that takes a file refuses one that is too large, of a type it does not read, or whose content is not what
/// its name says, with a message naming the file, and stores nothing.
/// </summary>
public sealed class UploadCheckTests : IDisposable
{
    // What a Windows program starts with: "MZ", then the DOS stub.
    private static readonly byte[] Program = [.. "MZ\u0090\0\u0003\0\0\0\u0004\0\0\0\u00ff\u00ff\0\0"u8.ToArray(), .. new byte[2048]];

    private readonly TrellisWebFactory _factory = new();
    private readonly PageClient _client;

    public UploadCheckTests() => _client = new PageClient(_factory);

    public void Dispose() => _factory.Dispose();

    public static TheoryData<string, byte[], string> PlanFiles => new()
    {
        { "plan.xlsx", Program, "plan.xlsx is a Windows program, not an Excel workbook (.xlsx). Nothing was stored" },
        { "plan.docx", "%PDF-1.7\n"u8.ToArray(), "plan.docx is a PDF document, not a Word document (.docx). Nothing was stored" },
        { "plan.csv", [(byte)'P', (byte)'K', 3, 4, 20, 0, 0, 0], "plan.csv is an Excel or Word file or a zip archive, not a .csv text file: save it as .xlsx or export it as text. Nothing was stored" },
        { "plan.json", Program, "plan.json is a Windows program, not a .json text file. Nothing was stored" },
        { "plan.exe", Program, "plan.exe is not a file Trellis can import" },
    };

    [Theory]
    [MemberData(nameof(PlanFiles))]
    public async Task PlanImport_WrongTypeOrContent_NamesTheFile_AndStoresNothing(string name, byte[] content, string message)
    {
        var page = await _client.GetAsync("/imports/new");
        var result = await _client.UploadAsync(page, "Upload", name, content);

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.StartsWith(message, Assert.Single(result.Errors), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(db => db.PendingImports.CountAsync()));
    }

    public static TheoryData<string, byte[], string> ValueFiles => new()
    {
        { "values.xlsx", Program, "values.xlsx is a Windows program, not an Excel workbook (.xlsx). Nothing was stored" },
        { "values.csv", [.. "Indicator,Period\0"u8.ToArray(), 0, 1, 2], "values.csv is not a .csv text file: it holds binary content. Nothing was stored" },
        { "values.exe", Program, "values.exe is not a .csv or .xlsx file." },
        { "values.csv", new byte[(5 * 1024 * 1024) + 1], "values.csv must be smaller than 5 MB" },
    };

    [Theory]
    [MemberData(nameof(ValueFiles))]
    public async Task ValueImport_TooLargeWrongTypeOrContent_NamesTheFile_AndStoresNothing(string name, byte[] content, string message)
    {
        var planId = await CountAsync(db => db.Plans.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());
        var before = await CountAsync(db => db.IndicatorValues.CountAsync());
        var page = await _client.GetAsync($"/plans/{planId}/indicators/import");
        var result = await _client.UploadAsync(page, "Upload", name, content);

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.StartsWith(message, Assert.Single(result.Errors), StringComparison.Ordinal);
        Assert.Null(result.Document.QuerySelector("input[name=FileData]"));
        Assert.Equal(before, await CountAsync(db => db.IndicatorValues.CountAsync()));
    }

    private async Task<T> CountAsync<T>(Func<TrellisDbContext, Task<T>> query)
    {
        using var scope = _factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<TrellisDbContext>());
    }
}
