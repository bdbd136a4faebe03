using Microsoft.EntityFrameworkCore;
using Trellis.Core.Audit;
using Trellis.Core.Data;
using Trellis.Testing;

namespace Trellis.Core.Tests.Audit;

/// <summary>The audit CSV opens in a spreadsheet as text: a value that looks like a formula is not one there.</summary>
public sealed class AuditCsvFormulaTests
{
    private sealed record Actor(string? UserId, string Name) : IAuditActor;

    [Fact]
    public async Task Export_Csv_NameStartingLikeAFormula_IsWrittenAsText_AndJsonIsExact()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        const string name = "=HYPERLINK(\"http://evil.example\",\"Click\")";
        int planId;
        await using (var db = AuditTrailTests.Context(database, new Actor("user-1", name)))
        {
            (planId, _, _, _, _) = await AuditTrailTests.SeedAsync(db);
        }

        await using var reader = AuditTrailTests.Context(database);
        var service = new AuditService(reader);
        using var csv = new MemoryStream();
        await service.ExportAsync(new AuditFilter(PlanId: planId), AuditExportFormat.Csv, csv);
        var text = System.Text.Encoding.UTF8.GetString(csv.ToArray());
        Assert.Contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Click\"\")\",", text, StringComparison.Ordinal);
        Assert.DoesNotContain(",\"=HYPERLINK", text, StringComparison.Ordinal);
        Assert.DoesNotContain(",=HYPERLINK", text, StringComparison.Ordinal);

        using var json = new MemoryStream();
        await service.ExportAsync(new AuditFilter(PlanId: planId), AuditExportFormat.Json, json);
        using var document = System.Text.Json.JsonDocument.Parse(json.ToArray());
        Assert.Equal(name, document.RootElement[0].GetProperty("actorName").GetString());
        Assert.Equal(await reader.AuditRecords.CountAsync(r => r.PlanId == planId), document.RootElement.GetArrayLength());
    }
}
