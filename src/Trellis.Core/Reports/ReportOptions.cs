namespace Trellis.Core.Reports;

/// <summary>Settings under "Trellis:Reports".</summary>
public sealed class ReportOptions
{
    /// <summary>The headless Chromium (or Chrome) that makes PDFs; when empty, chromium, chromium-browser or google-chrome on the PATH.</summary>
    public string? ChromiumPath { get; set; }

    /// <summary>How long one PDF may take before it is given up.</summary>
    public int PdfTimeoutSeconds { get; set; } = 60;
}
