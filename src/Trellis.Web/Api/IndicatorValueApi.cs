using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Trellis.Core.Accounts;
using Trellis.Core.Data;
using Trellis.Core.Indicators;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Api;

/// <summary>
/// Values in over JSON, for the council's reporting jobs: POST /api/indicators/{id}/values and
/// POST /api/plans/{planId}/indicator-values (each item naming its indicator by key or name). All or nothing, through
/// the same service as the form and the import. Bad input answers 400 with a problem naming the JSON path of each
/// mistake. Callers sign in with a personal API token and act with its owner's roles.
/// </summary>
public static class IndicatorValueApi
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        NumberHandling = JsonNumberHandling.Strict,
    };

    public sealed record Body(List<Item>? Values);

    public sealed record Item(string? Indicator, string? Period, decimal? Value, string? Text, string? AsAt, string? Note, string? Comparator, List<Part>? Breakdowns);

    public sealed record Part(string? Dimension, string? Category, decimal? Value, string? Text);

    public static IEndpointRouteBuilder MapIndicatorValueApi(this IEndpointRouteBuilder app)
    {
        // Bearer tokens only (see ApiTokenHandler): with no cookie accepted there is no cross-site request to forge.
        var api = app.MapGroup("/api").DisableAntiforgery().RequireAuthorization(ApiTokenAuthentication.Policy);
        api.MapPost("/indicators/{id:int}/values", async (int id, HttpRequest request, IndicatorValueService values, CurrentOrganisation organisation, TrellisDbContext db, PlanAccessService access, CancellationToken ct) =>
        {
            var planId = await db.Indicators.Where(i => i.Id == id).Select(i => (int?)i.PlanId).FirstOrDefaultAsync(ct);
            return await RefusedAsync(request.HttpContext, planId, access, ct)
                ?? await RecordAsync(request, items => values.RecordForIndicatorAsync(organisation.Id, id, items, IndicatorValueService.ApiSource, dryRun: false, ct), ct);
        });
        api.MapPost("/plans/{planId:int}/indicator-values", async (int planId, HttpRequest request, IndicatorValueService values, CurrentOrganisation organisation, PlanAccessService access, CancellationToken ct) =>
            await RefusedAsync(request.HttpContext, planId, access, ct)
                ?? await RecordAsync(request, items => values.RecordForPlanAsync(organisation.Id, planId, items, IndicatorValueService.ApiSource, dryRun: false, ct), ct));
        return app;
    }

    /// <summary>The same rules as the values form: a plan that is not the caller's is not there (404); recording values needs a plan manager (403).</summary>
    private static async Task<IResult?> RefusedAsync(HttpContext http, int? planId, PlanAccessService access, CancellationToken ct)
    {
        var account = http.User.Account();
        var role = account is null || planId is null ? null : await access.RoleAsync(account, planId.Value, ct);
        if (role is null)
        {
            return Results.Problem(title: "There is no such indicator or plan", statusCode: StatusCodes.Status404NotFound);
        }

        return PlanAccessRules.Allows(role.Value, PlanPermission.Manage)
            ? null
            : Results.Problem(title: "Your role in this plan does not allow recording values", detail: "Recording values needs a plan manager's token", statusCode: StatusCodes.Status403Forbidden);
    }

    private static async Task<IResult> RecordAsync(HttpRequest request, Func<IReadOnlyList<ValueItem>, Task<ValueBatchResult>> record, CancellationToken ct)
    {
        Body? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<Body>(request.Body, Json, ct);
        }
        catch (JsonException e)
        {
            var path = string.IsNullOrEmpty(e.Path) ? "$" : e.Path;
            return Problem(new Dictionary<string, string[]> { [path] = [$"This is not what Trellis expects here: {FirstSentence(e.Message)}"] });
        }

        if (body?.Values is not { } items)
        {
            return Problem(new Dictionary<string, string[]> { ["$.values"] = ["Send {\"values\": [...]} with one item for each value"] });
        }

        var result = await record([.. items.Select((item, i) => ToItem(item, string.Create(CultureInfo.InvariantCulture, $"$.values[{i}]")))]);
        if (!result.Found)
        {
            // With a body, so the error pages (which would re-run the POST against a form page) leave it alone.
            return Results.Problem(title: "There is no such indicator or plan", statusCode: StatusCodes.Status404NotFound);
        }

        if (!result.Succeeded)
        {
            return Problem(result.Problems.GroupBy(p => p.Place.Length == 0 ? "$" : p.Place).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()));
        }

        return Results.Ok(new { added = result.Added, corrected = result.Corrected, unchanged = result.Unchanged });
    }

    private static ValueItem ToItem(Item item, string path) => new()
    {
        Place = path,
        Places = field => $"{path}.{field}",
        Indicator = item.Indicator,
        Period = item.Period,
        Value = item.Value,
        Text = item.Text,
        ValueText = item.Value is null && item.Text is null ? string.Empty : null,
        AsAtText = item.AsAt,
        Note = item.Note,
        Comparator = item.Comparator,
        Breakdowns = item.Breakdowns?.Select(p => new BreakdownItem(p.Dimension, p.Category, p.Value is null && p.Text is null ? string.Empty : null, p.Value, p.Text)).ToList(),
    };

    private static IResult Problem(Dictionary<string, string[]> errors) =>
        Results.ValidationProblem(errors, title: "The values were not stored", detail: "Nothing was stored: correct the values named and send them all again");

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }
}
