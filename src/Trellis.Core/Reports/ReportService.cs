using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Trellis.Core.Data;
using Trellis.Core.Rounds;

namespace Trellis.Core.Reports;

/// <summary>A generated report, ready to download or write.</summary>
public sealed record ReportFile(string FileName, string ContentType, byte[] Content);

/// <summary>
/// Finds a round's report model (the frozen snapshot of a closed round, or built live for an open one) and
/// lays it out in the format asked for.
/// </summary>
public sealed class ReportService(TrellisDbContext db, BoardReportBuilder builder, IEnumerable<IReportRenderer> renderers)
{
    public const string Latest = "latest";

    /// <param name="organisationId">The caller's organisation: another organisation's plan is not found.</param>
    /// <param name="planId">The plan's id as <c>trellis plans</c> prints it.</param>
    /// <param name="round">"latest" (the most recently opened round), a round's name ("2016/17 Q1") or its id.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>Null when the plan or the round does not exist.</returns>
    public async Task<BoardReport?> GetReportAsync(int organisationId, int planId, string round, CancellationToken cancellationToken)
    {
        var found = await FindRoundAsync(organisationId, planId, round, cancellationToken);
        if (found is null)
        {
            return null;
        }

        if (found.Status == RoundStatus.Closed)
        {
            // A closed round's report is what was frozen at closing, never the plan as it is now.
            return found.SnapshotJson is { Length: > 0 } json
                ? ReportJson.Deserialize(json)
                : throw new InvalidOperationException($"Round '{found.Name}' is closed but has no snapshot.");
        }

        return await builder.BuildAsync(planId, found.Id, cancellationToken);
    }

    /// <summary>The report in one format and layout; null when the plan or round does not exist.</summary>
    /// <exception cref="ReportUnavailableException">The format cannot be made here (no PDF engine), or the layout has no such format.</exception>
    public async Task<ReportFile?> GenerateAsync(int organisationId, int planId, string round, ReportFormat format, ReportLayout layout, CancellationToken cancellationToken)
    {
        var renderer = RendererFor(format, layout);
        var report = await GetReportAsync(organisationId, planId, round, cancellationToken);
        if (report is null)
        {
            return null;
        }

        using var output = new MemoryStream();
        await renderer.RenderAsync(report, layout, output, cancellationToken);
        return new ReportFile(FileName(report, format, layout), ContentType(format), output.ToArray());
    }

    /// <summary>Whether this installation can make the format in the layout (a renderer is registered for it).</summary>
    public bool CanRender(ReportFormat format, ReportLayout layout) => renderers.Any(r => r.Format == format && r.Supports(layout));

    private IReportRenderer RendererFor(ReportFormat format, ReportLayout layout) =>
        renderers.FirstOrDefault(r => r.Format == format && r.Supports(layout))
        ?? throw new ReportUnavailableException(
            renderers.Any(r => r.Format == format)
                ? $"The {LayoutWords(layout)} layout does not come as {FormatWords(format)}. Choose {Alternatives(layout)}."
                : $"{FormatWords(format)} cannot be made on this server. Choose another format.");

    /// <summary>"Word (.docx), PDF or a web page (HTML)": the formats that do come in this layout.</summary>
    private string Alternatives(ReportLayout layout)
    {
        var words = Enum.GetValues<ReportFormat>().Where(f => CanRender(f, layout)).Select(FormatWords).ToList();
        return words.Count <= 1 ? string.Concat(words) : string.Join(", ", words[..^1]) + " or " + words[^1];
    }

    private async Task<Round?> FindRoundAsync(int organisationId, int planId, string spec, CancellationToken cancellationToken)
    {
        var rounds = db.Rounds.AsNoTracking().Where(r => r.PlanId == planId && r.Plan.OrganisationId == organisationId);
        var text = spec.Trim();
        if (string.Equals(text, Latest, StringComparison.OrdinalIgnoreCase))
        {
            // Ordered here: SQLite cannot order by a DateTimeOffset, and a plan has a handful of rounds.
            return (await rounds.ToListAsync(cancellationToken)).OrderByDescending(r => r.OpenedAt).ThenByDescending(r => r.Id).FirstOrDefault();
        }

        // A name wins over an id, so a round called "2019" is found by its name.
        return await rounds.FirstOrDefaultAsync(r => r.Name == text, cancellationToken)
            ?? (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                ? await rounds.FirstOrDefaultAsync(r => r.Id == id, cancellationToken)
                : null);
    }

    public static string ContentType(ReportFormat format) => format switch
    {
        ReportFormat.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ReportFormat.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ReportFormat.Pdf => "application/pdf",
        _ => "text/html; charset=utf-8",
    };

    public static string Extension(ReportFormat format) => format switch
    {
        ReportFormat.Docx => ".docx",
        ReportFormat.Xlsx => ".xlsx",
        ReportFormat.Pdf => ".pdf",
        _ => ".html",
    };

    /// <summary>"castlebridge-improvement-plan-2026-27-Q2-plan.docx": council, round and layout, safe on every file system.</summary>
    public static string FileName(BoardReport report, ReportFormat format, ReportLayout layout) =>
        $"{Slug(ShortCouncilName(report.CouncilName), lower: true)}-improvement-plan-{Slug(report.Round.Name, lower: false)}-{layout.ToString().ToLowerInvariant()}{Extension(format)}";

    public static string FormatWords(ReportFormat format) => format switch
    {
        ReportFormat.Docx => "Word (.docx)",
        ReportFormat.Xlsx => "Excel (.xlsx)",
        ReportFormat.Pdf => "PDF",
        _ => "a web page (HTML)",
    };

    public static string LayoutWords(ReportLayout layout) => layout switch
    {
        ReportLayout.Plan => "plan",
        ReportLayout.Table => "one table",
        ReportLayout.Exceptions => "exceptions",
        _ => "committee report",
    };

    private static readonly string[] CouncilPrefixes = ["London Borough of ", "Royal Borough of ", "City of "];
    private static readonly string[] CouncilSuffixes = [" Metropolitan Borough Council", " Borough Council", " City Council", " County Council", " District Council", " Council"];

    private static string ShortCouncilName(string name)
    {
        var shortName = name.Trim();
        foreach (var prefix in CouncilPrefixes.Where(p => shortName.StartsWith(p, StringComparison.OrdinalIgnoreCase) && shortName.Length > p.Length))
        {
            shortName = shortName[prefix.Length..];
            break;
        }

        foreach (var suffix in CouncilSuffixes.Where(s => shortName.EndsWith(s, StringComparison.OrdinalIgnoreCase) && shortName.Length > s.Length))
        {
            shortName = shortName[..^suffix.Length];
            break;
        }

        return shortName.Length == 0 ? "council" : shortName;
    }

    private static string Slug(string text, bool lower)
    {
        var slug = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(lower ? char.ToLowerInvariant(c) : c);
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var result = slug.ToString().Trim('-');
        return result.Length == 0 ? "report" : result;
    }
}
