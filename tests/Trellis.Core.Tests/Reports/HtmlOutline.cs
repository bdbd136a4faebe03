using System.Runtime.CompilerServices;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Trellis.Core.Tests.Reports;

/// <summary>
/// A report page read back as a reader meets it: headings, paragraphs and list items, and tables row by row
/// (header cells in [brackets], rating cells with their colour class). Compared with checked-in expected files.
/// </summary>
internal static class HtmlOutline
{
    public static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    public static string Extract(string html)
    {
        var document = Parse(html);
        var lines = new List<string> { $"title: {Clean(document.Title)}" };
        Walk(document.Body!, lines);
        return string.Join('\n', lines) + "\n";
    }

    /// <summary>Compares with Expected/{name}.txt; on a difference writes {name}.actual.txt beside it to copy over once checked.</summary>
    public static void AssertMatches(string name, string actual, [CallerFilePath] string here = "")
    {
        var folder = Path.Combine(Path.GetDirectoryName(here)!, "Expected");
        var expectedFile = Path.Combine(folder, name + ".txt");
        var actualFile = Path.Combine(folder, name + ".actual.txt");
        var expected = File.Exists(expectedFile) ? File.ReadAllText(expectedFile).ReplaceLineEndings("\n") : null;
        if (expected == actual)
        {
            File.Delete(actualFile);
            return;
        }

        Directory.CreateDirectory(folder);
        File.WriteAllText(actualFile, actual);
        Assert.Fail($"{name}: the report differs from {expectedFile}. The actual outline is in {actualFile}; if it is right, copy it over the expected file.");
    }

    private static void Walk(IElement element, List<string> lines)
    {
        foreach (var child in element.Children)
        {
            switch (child.LocalName)
            {
                case "h1" or "h2" or "h3":
                    lines.Add($"{new string('#', child.LocalName[1] - '0')} {Clean(child.TextContent)}");
                    break;
                case "table":
                    Table(child, lines);
                    break;
                case "p" or "li" or "dt" or "dd" or "figcaption":
                    lines.Add($"{child.LocalName}: {Inline(child)}");
                    if (child.LocalName == "li")
                    {
                        Walk(child, lines);
                    }

                    break;
                case "svg":
                    lines.Add($"chart: {Clean(child.QuerySelector("title")?.TextContent)} / {Clean(child.QuerySelector("desc")?.TextContent)}");
                    break;
                default:
                    Walk(child, lines);
                    break;
            }
        }
    }

    private static void Table(IElement table, List<string> lines)
    {
        lines.Add($"table: {Clean(table.QuerySelector("caption")?.TextContent)}");
        foreach (var row in table.QuerySelectorAll("tr"))
        {
            lines.Add("  | " + string.Join(" | ", row.Children.Select(Cell)));
        }
    }

    private static string Cell(IElement cell)
    {
        var text = Inline(cell);
        if (cell.LocalName == "th")
        {
            text = $"[{text}]";
        }

        return cell.ClassList.Contains("rag") ? $"{text}{{{RagClass(cell)}}}" : text;
    }

    /// <summary>Text with rating tags marked and block children separated by " / ".</summary>
    private static string Inline(IElement element) => Clean(Raw(element)).TrimStart('/', ' ');

    private static string Raw(IElement element)
    {
        var parts = new StringBuilder();
        foreach (var node in element.ChildNodes)
        {
            if (node is IElement child)
            {
                var text = child.LocalName is "p" or "li" or "ul" or "ol" ? " / " + Raw(child) : Raw(child);
                parts.Append(child.ClassList.Contains("rag") ? $"{text}{{{RagClass(child)}}}" : child.LocalName == "br" ? " " : text);
            }
            else
            {
                parts.Append(node.TextContent);
            }
        }

        return parts.ToString();
    }

    private static string RagClass(IElement element) => element.ClassList.FirstOrDefault(c => c.StartsWith("rag-", StringComparison.Ordinal)) ?? "rag-none";

    private static string Clean(string? text) => string.Join(' ', (text ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
