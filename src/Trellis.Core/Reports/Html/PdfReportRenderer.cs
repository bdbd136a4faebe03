using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Options;
using Trellis.Core.Data;

namespace Trellis.Core.Reports.Html;

/// <summary>
/// The HTML report printed to PDF by headless Chromium: one layout for screen, print and PDF, and a tagged PDF
/// (structure tree, language) because the page is accessible HTML.
/// </summary>
public sealed class PdfReportRenderer(IOptions<TrellisOptions> options) : IReportRenderer
{
    public const string Unavailable =
        "PDF needs Chromium, which is not installed on this server. Download the report as Word (.docx) or as a web page (HTML) instead, or ask your administrator to install Chromium.";

    private static readonly string[] EngineNames = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

    public ReportFormat Format => ReportFormat.Pdf;

    public bool Supports(ReportLayout layout) => Enum.IsDefined(layout);

    /// <summary>Whether a PDF engine is installed, so pages can say so before anyone asks for a PDF.</summary>
    public bool IsAvailable => FindEngine() is not null;

    public async Task RenderAsync(BoardReport report, ReportLayout layout, Stream output, CancellationToken cancellationToken)
    {
        var engine = FindEngine() ?? throw new ReportUnavailableException(Unavailable);
        var folder = Directory.CreateTempSubdirectory("trellis-pdf-");
        try
        {
            var input = Path.Combine(folder.FullName, "report.html");
            var pdf = Path.Combine(folder.FullName, "report.pdf");
            await File.WriteAllTextAsync(input, HtmlReportRenderer.Render(report, layout), new UTF8Encoding(false), cancellationToken);
            await RunAsync(engine, folder.FullName, input, pdf, cancellationToken);
            if (!File.Exists(pdf) || new FileInfo(pdf).Length == 0)
            {
                throw new ReportUnavailableException("The PDF could not be made. Download the report as Word (.docx) or as a web page (HTML) instead.");
            }

            await using var file = File.OpenRead(pdf);
            await file.CopyToAsync(output, cancellationToken);
        }
        finally
        {
            try
            {
                folder.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A Chromium helper still closing can hold the profile for a moment; the temp folder is cleaned by the system.
            }
        }
    }

    private async Task RunAsync(string engine, string folder, string input, string pdf, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(engine)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--export-tagged-pdf",
            "--no-first-run", "--disable-extensions", "--disable-background-networking", "--disable-sync",
            $"--user-data-dir={Path.Combine(folder, "profile")}",
            $"--print-to-pdf={pdf}",
            new Uri(input).AbsoluteUri,
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new ReportUnavailableException(Unavailable);
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(Math.Max(options.Value.Reports.PdfTimeoutSeconds, 1)));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
            await Task.WhenAll(stdout, stderr);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            cancellationToken.ThrowIfCancellationRequested();
            throw new ReportUnavailableException("Making the PDF took too long. Download the report as Word (.docx) or as a web page (HTML) instead.");
        }
    }

    private string? FindEngine()
    {
        var configured = options.Value.Reports.ChromiumPath;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(configured) ? configured : null;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(directory => EngineNames.Select(name => Path.Combine(directory, name)))
            .FirstOrDefault(File.Exists);
    }
}
