using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Trellis.Core.Reports;
using Trellis.Core.Reports.Xlsx;

namespace Trellis.Core.Tests.Reports;

/// <summary>The Excel report, read back with OpenXml: sheets, header, rows and RAG fills against checked-in snapshots.</summary>
public class XlsxReportRendererTests
{
    private readonly XlsxReportRenderer _renderer = new();

    public static TheoryData<ReportLayout> Layouts => [ReportLayout.Table, ReportLayout.Exceptions];

    private async Task<MemoryStream> RenderAsync(BoardReport report, ReportLayout layout)
    {
        var output = new MemoryStream();
        await _renderer.RenderAsync(report, layout, output, CancellationToken.None);
        output.Position = 0;
        return output;
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public async Task Render_Lewisham_MatchesExpectedText(ReportLayout layout)
    {
        using var xlsx = await RenderAsync(ReportSamples.Lewisham(), layout);
        DocxSnapshot.Match($"{layout.ToString().ToLowerInvariant()}.xlsx.txt", XlsxText.Extract(xlsx));
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public async Task Render_Twice_GivesTheSameBytes(ReportLayout layout)
    {
        using var first = await RenderAsync(ReportSamples.Lewisham(), layout);
        using var second = await RenderAsync(ReportSamples.Lewisham(), layout);
        Assert.Equal(first.ToArray(), second.ToArray());
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public async Task Render_IsValidOpenXml(ReportLayout layout)
    {
        using var xlsx = await RenderAsync(ReportSamples.Lewisham(), layout);
        using var document = SpreadsheetDocument.Open(xlsx, false);
        var errors = new OpenXmlValidator(FileFormatVersions.Office2010).Validate(document)
            .Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Render_Table_HeaderKnownRowAndRedFill()
    {
        using var xlsx = await RenderAsync(ReportSamples.Lewisham(), ReportLayout.Table);
        using var document = SpreadsheetDocument.Open(xlsx, false);
        var workbookPart = document.WorkbookPart!;
        Assert.Equal(["Plan", "Key", "Indicators"], workbookPart.Workbook!.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!));
        var plan = ((WorksheetPart)workbookPart.GetPartById(workbookPart.Workbook.Sheets.Elements<Sheet>().First().Id!)).Worksheet!;
        var rows = plan.Descendants<Row>().ToList();

        var header = rows[0].Elements<Cell>().ToList();
        Assert.Equal(["Area", "Progress", "Next steps", "Lead", "Timescale", "Indicators", "Current performance", "RAG"], header.Select(XlsxText.CellText));
        Assert.All(header, c => Assert.True(XlsxText.Style(workbookPart, c).Bold));
        Assert.Equal("A2", plan.Descendants<Pane>().Single().TopLeftCell!.Value);
        Assert.Equal("A1:H5", plan.GetFirstChild<AutoFilter>()!.Reference!.Value);

        var area3 = rows[3].Elements<Cell>().ToList();
        Assert.StartsWith("3. Ensure that life story work", XlsxText.CellText(area3[0]), StringComparison.Ordinal);
        Assert.Equal("Only 12 of 40 children have completed life story work.", XlsxText.CellText(area3[1]));
        Assert.Equal("• Escalate to DMT\n• Agree a trajectory with the IRO service", XlsxText.CellText(area3[2]));
        Assert.Equal("Red", XlsxText.CellText(area3[7]));
        Assert.Equal("FFD4351C", XlsxText.Style(workbookPart, area3[7]).Fill);

        Assert.Equal("London Borough of Lewisham", document.PackageProperties.Creator);
        Assert.Equal(new DateTime(2016, 7, 15), document.PackageProperties.Created!.Value.ToUniversalTime().Date);
    }

    [Fact]
    public async Task Render_HostileText_SurvivesAsText()
    {
        var sample = ReportSamples.Lewisham();
        var area = sample.Areas[0] with { Title = "<script>alert('x')</script> & Tom\u0001's", Commentary = "a\u0008b & <i>c</i>" };
        var report = sample with { Areas = [area, .. sample.Areas.Skip(1)] };
        using var xlsx = await RenderAsync(report, ReportLayout.Table);
        var text = XlsxText.Extract(xlsx);
        Assert.Contains("1. <script>alert('x')</script> & Tom's", text, StringComparison.Ordinal);
        Assert.Contains("ab & <i>c</i>", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_LargeReport_HasARowPerAreaAndException()
    {
        var report = ReportSamples.Large(20, 15);
        using var table = await RenderAsync(report, ReportLayout.Table);
        Assert.Contains("  21| 20. Area for improvement 20", XlsxText.Extract(table), StringComparison.Ordinal);
        using var exceptions = await RenderAsync(report, ReportLayout.Exceptions);
        Assert.Contains("Overdue", XlsxText.Extract(exceptions), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public async Task Render_BareReport_IsValidAndSaysSo(ReportLayout layout)
    {
        var report = new BoardReport
        {
            CouncilName = "Riverside Borough Council",
            PlanTitle = "Improvement plan",
            Round = new ReportRound("Round 1", new(2026, 1, 1), new(2026, 3, 31), new(2026, 4, 2), false),
            PlanRollUp = new RollUp(0, 0, 0, [], []),
        };
        using var xlsx = await RenderAsync(report, layout);
        using (var document = SpreadsheetDocument.Open(xlsx, false))
        {
            Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2010).Validate(document));
        }

        xlsx.Position = 0;
        var text = XlsxText.Extract(xlsx);
        Assert.Contains(layout == ReportLayout.Exceptions ? "  2| No exceptions this round |" : "SHEET Plan", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Supports_TableAndExceptionsOnly()
    {
        Assert.True(_renderer.Supports(ReportLayout.Table));
        Assert.True(_renderer.Supports(ReportLayout.Exceptions));
        Assert.False(_renderer.Supports(ReportLayout.Plan));
        Assert.False(_renderer.Supports(ReportLayout.Committee));
    }
}
