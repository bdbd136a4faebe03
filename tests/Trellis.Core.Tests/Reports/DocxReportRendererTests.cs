using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Trellis.Core.Reports;
using Trellis.Core.Reports.Docx;

namespace Trellis.Core.Tests.Reports;

/// <summary>The Word report, read back with OpenXml: its text and structure against checked-in snapshots, and the rules every document keeps.</summary>
public class DocxReportRendererTests
{
    private readonly DocxReportRenderer _renderer = new();

    public static TheoryData<ReportLayout> Layouts => [ReportLayout.Plan, ReportLayout.Table, ReportLayout.Exceptions, ReportLayout.Committee];

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
        using var docx = await RenderAsync(ReportSamples.Lewisham(), layout);
        DocxSnapshot.Match($"{layout.ToString().ToLowerInvariant()}.docx.txt", DocxText.Extract(docx));
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
        using var docx = await RenderAsync(ReportSamples.Lewisham(), layout);
        using var document = WordprocessingDocument.Open(docx, false);
        var errors = new OpenXmlValidator(FileFormatVersions.Office2010).Validate(document)
            .Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.Empty(errors);
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public async Task Render_EveryTable_HasRepeatingHeaderCaptionAndDescription(ReportLayout layout)
    {
        using var docx = await RenderAsync(ReportSamples.Lewisham(), layout);
        using var document = WordprocessingDocument.Open(docx, false);
        var tables = document.MainDocumentPart!.Document!.Body!.Descendants<Table>().ToList();
        Assert.NotEmpty(tables);
        Assert.All(tables, table =>
        {
            var properties = table.GetFirstChild<TableProperties>()!;
            Assert.False(string.IsNullOrWhiteSpace(properties.TableCaption?.Val?.Value));
            Assert.False(string.IsNullOrWhiteSpace(properties.TableDescription?.Val?.Value));
            Assert.Equal("TableGrid", properties.TableStyle?.Val?.Value);
            Assert.NotNull(table.Elements<TableRow>().First().TableRowProperties?.GetFirstChild<TableHeader>());
        });
    }

    [Fact]
    public async Task Render_Plan_HasStylesLanguagePropertiesAndA4()
    {
        using var docx = await RenderAsync(ReportSamples.Lewisham(), ReportLayout.Plan);
        using var document = WordprocessingDocument.Open(docx, false);
        var styles = document.MainDocumentPart!.StyleDefinitionsPart!.Styles!;
        for (var level = 1; level <= 3; level++)
        {
            var heading = styles.Elements<Style>().Single(s => s.StyleId == $"Heading{level}");
            Assert.Equal(level - 1, heading.StyleParagraphProperties!.OutlineLevel!.Val!.Value);
        }

        Assert.Contains(styles.Elements<Style>(), s => s.StyleId == "Title");
        var grid = styles.Elements<Style>().Single(s => s.StyleId == "TableGrid");
        Assert.Equal(BorderValues.Single, grid.StyleTableProperties!.TableBorders!.InsideHorizontalBorder!.Val!.Value);
        Assert.Equal("en-GB", styles.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!.Languages!.Val!.Value);

        Assert.Equal("London Borough of Lewisham", document.PackageProperties.Creator);
        Assert.StartsWith("Early Help, Protection and Looked After Children", document.PackageProperties.Title, StringComparison.Ordinal);
        Assert.Equal(new DateTime(2016, 7, 15), document.PackageProperties.Created!.Value.ToUniversalTime().Date);
        Assert.Equal(new DateTime(2016, 7, 15), document.PackageProperties.Modified!.Value.ToUniversalTime().Date);

        var section = document.MainDocumentPart.Document!.Body!.Elements<SectionProperties>().Single();
        Assert.Equal(11906u, section.GetFirstChild<PageSize>()!.Width!.Value);
        Assert.Equal(16838u, section.GetFirstChild<PageSize>()!.Height!.Value);
    }

    [Fact]
    public async Task Render_Plan_HeadingsInOrderWithLevels()
    {
        using var docx = await RenderAsync(ReportSamples.Lewisham(), ReportLayout.Plan);
        using var document = WordprocessingDocument.Open(docx, false);
        var headings = DocxText.Headings(document.MainDocumentPart!.Document!.Body!);
        Assert.Equal((1, "Inspection judgements"), headings[0]);
        var area1 = headings.FindIndex(h => h.Text.StartsWith("1. Review processes", StringComparison.Ordinal));
        Assert.Equal((1, "A. Early Help and Protection"), headings[area1 - 1]);
        Assert.Equal(2, headings[area1].Level);
        Assert.Equal(
            ["a) Expected outcome (what will be different?)", "b) Measures of success (how will we know we have achieved it?)", "c) Actions", "d) Action plan progress", "e) Impact: data and commentary", "f) Recommendations for further action"],
            headings.Skip(area1 + 1).Take(6).Select(h => h.Text));
        Assert.All(headings.Skip(area1 + 1).Take(6), h => Assert.Equal(3, h.Level));
        Assert.Equal((1, "Indicator scorecard"), headings[^1]);
    }

    [Fact]
    public async Task Render_Plan_RedActionCellIsFilledAndSaysRed()
    {
        using var docx = await RenderAsync(ReportSamples.Lewisham(), ReportLayout.Plan);
        using var document = WordprocessingDocument.Open(docx, false);
        var table = DocxText.TableByCaption(document.MainDocumentPart!.Document!.Body!, "Area 1: actions");
        var row = table.Elements<TableRow>().Single(r => r.Elements<TableCell>().First().InnerText == "2.");
        var rag = row.Elements<TableCell>().Last();
        Assert.Equal("D4351C", rag.TableCellProperties!.Shading!.Fill!.Value);
        Assert.Equal("Red", rag.Elements<Paragraph>().First().InnerText);
        Assert.NotNull(rag.Descendants<Bold>().FirstOrDefault());
        Assert.Contains("Overdue", DocxText.Cell(row.Elements<TableCell>().ElementAt(2)), StringComparison.Ordinal);

        var suggested = table.Elements<TableRow>().Single(r => r.InnerText.Contains("Implement revised Referral", StringComparison.Ordinal));
        Assert.Equal("{FFBF47} **Amber** / Suggested: Red", DocxText.Cell(suggested.Elements<TableCell>().Last()));
        Assert.Contains("Depends on the review in 2., which is late", suggested.Elements<TableCell>().ElementAt(1).InnerText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_Commentary_BoldRunsAndListParagraphs()
    {
        using var docx = await RenderAsync(ReportSamples.Lewisham(), ReportLayout.Plan);
        using var document = WordprocessingDocument.Open(docx, false);
        var body = document.MainDocumentPart!.Document!.Body!;
        var bold = body.Descendants<Run>().Single(r => r.InnerText == "11%");
        Assert.NotNull(bold.RunProperties?.Bold);

        var bullet = body.Elements<Paragraph>().Single(p => p.InnerText.StartsWith("76% of assessments", StringComparison.Ordinal));
        Assert.Equal(1, bullet.ParagraphProperties!.NumberingProperties!.NumberingId!.Val!.Value);

        var numbered = body.Elements<Paragraph>().Single(p => p.InnerText == "Recruit to the two vacant social worker posts");
        var numId = numbered.ParagraphProperties!.NumberingProperties!.NumberingId!.Val!.Value;
        var numbering = document.MainDocumentPart.NumberingDefinitionsPart!.Numbering!;
        var abstractId = numbering.Elements<NumberingInstance>().Single(n => n.NumberID!.Value == numId).AbstractNumId!.Val!.Value;
        var format = numbering.Elements<AbstractNum>().Single(a => a.AbstractNumberId!.Value == abstractId).Elements<Level>().First().NumberingFormat!.Val!.Value;
        Assert.Equal(NumberFormatValues.Decimal, format);
    }

    [Fact]
    public async Task Render_HostileText_SurvivesAsTextWithoutControlCharacters()
    {
        var sample = ReportSamples.Lewisham();
        var area = sample.Areas[0] with
        {
            Title = "<script>alert('x')</script> & Tom\u0001's \"plan\"",
            Commentary = "**<b>not markup</b>** & \u0008more",
        };
        var report = sample with { Areas = [area, .. sample.Areas.Skip(1)], CouncilName = "Bad\u0001 & <Council>" };
        foreach (var layout in Layouts)
        {
            using var docx = await RenderAsync(report, layout);
            var text = DocxText.Extract(docx);
            if (layout != ReportLayout.Committee)
            {
                Assert.Contains("1. <script>alert('x')</script> & Tom's \"plan\"", text, StringComparison.Ordinal);
            }

            Assert.DoesNotContain('\u0001', text);
            docx.Position = 0;
            using var document = WordprocessingDocument.Open(docx, false);
            Assert.Equal("Bad & <Council>", document.PackageProperties.Creator);
        }
    }

    [Fact]
    public async Task Render_NothingRedOverdueOrChanged_SaysNoExceptions()
    {
        var sample = ReportSamples.Lewisham();
        var report = sample with
        {
            Areas = [.. sample.Areas.Select(a => a with { Actions = [.. a.Actions.Select(x => x with { RagCode = "G", IsOverdue = false, Changed = false })] })],
            Changes = [],
        };
        using var docx = await RenderAsync(report, ReportLayout.Exceptions);
        var text = DocxText.Extract(docx);
        Assert.Contains("No exceptions this round", text, StringComparison.Ordinal);
        Assert.Contains("   | Red actions | 0 |", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_ActionMarkedChangedWithoutAChange_IsStillAnException()
    {
        var sample = ReportSamples.Lewisham();
        var area = sample.Areas[1] with { Actions = [sample.Areas[1].Actions[0], sample.Areas[1].Actions[1] with { Changed = true }] };
        var report = sample with { Areas = [sample.Areas[0], area, .. sample.Areas.Skip(2)] };
        using var docx = await RenderAsync(report, ReportLayout.Exceptions);
        var text = DocxText.Extract(docx);
        Assert.Contains("   | 2.2 | Commission early help services in line with the strategy | Updated since Quarter 4 2015/16 |", text, StringComparison.Ordinal);
        Assert.Contains("   | Changes since Quarter 4 2015/16 | 5 |", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_LargeReport_RendersEveryArea()
    {
        var report = ReportSamples.Large(20, 15);
        foreach (var layout in Layouts)
        {
            using var docx = await RenderAsync(report, layout);
            using var document = WordprocessingDocument.Open(docx, false);
            Assert.NotNull(document.MainDocumentPart!.Document!.Body);
            if (layout == ReportLayout.Plan)
            {
                Assert.Equal(20, DocxText.Headings(document.MainDocumentPart.Document.Body!).Count(h => h.Level == 2 && h.Text.Contains("Area for improvement", StringComparison.Ordinal)));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public async Task Render_BareReport_StillRendersAValidDocument(ReportLayout layout)
    {
        var report = new BoardReport
        {
            CouncilName = "Riverside Borough Council",
            PlanTitle = "Improvement plan",
            Round = new ReportRound("Round 1", new(2026, 1, 1), new(2026, 3, 31), new(2026, 4, 2), false),
            PlanRollUp = new RollUp(0, 0, 0, [], []),
            Areas = [new ReportArea { Number = "1.", Title = "An area with nothing in it", RollUp = new RollUp(0, 0, 0, [], []) }],
        };
        using var docx = await RenderAsync(report, layout);
        using var document = WordprocessingDocument.Open(docx, false);
        Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2010).Validate(document));
        docx.Position = 0;
        var text = DocxText.Extract(docx);
        Assert.DoesNotContain("1.. An area", text, StringComparison.Ordinal);
        if (layout == ReportLayout.Plan)
        {
            Assert.Contains("## 1. An area with nothing in it", text, StringComparison.Ordinal);
            Assert.Contains("\nDraft\n", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AddTrellisCore_RegistersWordAndExcelRenderers()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Trellis"] = "Data Source=:memory:" })
            .Build();
        using var provider = new ServiceCollection().AddTrellisCore(configuration).BuildServiceProvider();
        var formats = provider.GetServices<IReportRenderer>().Select(r => r.Format).ToList();
        Assert.Contains(ReportFormat.Docx, formats);
        Assert.Contains(ReportFormat.Xlsx, formats);
    }

    [Fact]
    public void Supports_EveryLayout() => Assert.All(Enum.GetValues<ReportLayout>(), l => Assert.True(_renderer.Supports(l)));
}
