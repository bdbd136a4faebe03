using System.Text;

namespace Trellis.Core.Reports;

public enum RichBlockKind
{
    Paragraph,
    Bullets,
    Numbers,
}

/// <summary>A run of text, bold or italic or both. Never markup: renderers encode it.</summary>
public sealed record RichRun(string Text, bool Bold, bool Italic);

/// <summary>A paragraph (one item) or a list (one item per bullet), each item a list of runs.</summary>
public sealed record RichBlock(RichBlockKind Kind, IReadOnlyList<IReadOnlyList<RichRun>> Items);

/// <summary>
/// The simple formatting officers can use in narrative and commentary: a blank line between paragraphs,
/// lines starting "- ", "* " or "• " for bullets, "1. " or "1) " for a numbered list, **bold** and _italic_.
/// Anything else, markup included, is text: the result is plain runs that every renderer encodes, so it is
/// safe however it was typed.
/// </summary>
public static class RichText
{
    public static IReadOnlyList<RichBlock> Parse(string? source)
    {
        var blocks = new List<RichBlock>();
        if (string.IsNullOrWhiteSpace(source))
        {
            return blocks;
        }

        var paragraph = new List<string>();
        RichBlockKind? listKind = null;
        var listItems = new List<IReadOnlyList<RichRun>>();

        void FlushParagraph()
        {
            if (paragraph.Count > 0)
            {
                blocks.Add(new RichBlock(RichBlockKind.Paragraph, [Inline(string.Join(' ', paragraph))]));
                paragraph.Clear();
            }
        }

        void FlushList()
        {
            if (listKind is { } kind && listItems.Count > 0)
            {
                blocks.Add(new RichBlock(kind, [.. listItems]));
            }

            listItems.Clear();
            listKind = null;
        }

        foreach (var raw in source.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                FlushParagraph();
                FlushList();
                continue;
            }

            if (ListItem(line) is { } item)
            {
                FlushParagraph();
                if (listKind != item.Kind)
                {
                    FlushList();
                    listKind = item.Kind;
                }

                listItems.Add(Inline(item.Text));
                continue;
            }

            if (listKind is not null && raw.Length > 0 && char.IsWhiteSpace(raw[0]) && listItems.Count > 0)
            {
                // An indented line continues the list item above it.
                var last = listItems[^1];
                listItems[^1] = [.. last, new RichRun(" ", false, false), .. Inline(line)];
                continue;
            }

            FlushList();
            paragraph.Add(line);
        }

        FlushParagraph();
        FlushList();
        return blocks;
    }

    /// <summary>The text without formatting marks, for places that take plain text (a spreadsheet cell).</summary>
    public static string ToPlainText(string? source)
    {
        var builder = new StringBuilder();
        foreach (var block in Parse(source))
        {
            var number = 1;
            foreach (var item in block.Items)
            {
                if (builder.Length > 0)
                {
                    builder.Append('\n');
                }

                builder.Append(block.Kind switch
                {
                    RichBlockKind.Bullets => "• ",
                    RichBlockKind.Numbers => $"{number++}. ",
                    _ => string.Empty,
                });
                foreach (var run in item)
                {
                    builder.Append(run.Text);
                }
            }
        }

        return builder.ToString();
    }

    private static (RichBlockKind Kind, string Text)? ListItem(string line)
    {
        if (line.Length > 2 && (line[0] is '-' or '*' or '•') && line[1] == ' ')
        {
            return (RichBlockKind.Bullets, line[2..].Trim());
        }

        var digits = 0;
        while (digits < line.Length && digits < 3 && char.IsAsciiDigit(line[digits]))
        {
            digits++;
        }

        if (digits > 0 && line.Length > digits + 1 && line[digits] is '.' or ')' && line[digits + 1] == ' ')
        {
            return (RichBlockKind.Numbers, line[(digits + 2)..].Trim());
        }

        return null;
    }

    /// <summary>Splits "**bold** and _italic_" into runs. An unmatched marker is kept as text.</summary>
    private static List<RichRun> Inline(string text)
    {
        var runs = new List<RichRun>();
        var current = new StringBuilder();
        var bold = false;
        var italic = false;

        void Flush()
        {
            if (current.Length > 0)
            {
                runs.Add(new RichRun(current.ToString(), bold, italic));
                current.Clear();
            }
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '*' && i + 1 < text.Length && text[i + 1] == '*' && (bold || text.IndexOf("**", i + 2, StringComparison.Ordinal) > i + 2))
            {
                Flush();
                bold = !bold;
                i++;
                continue;
            }

            var wordStart = i == 0 || !char.IsLetterOrDigit(text[i - 1]);
            var wordEnd = i + 1 == text.Length || !char.IsLetterOrDigit(text[i + 1]);
            if (text[i] == '_' && ((!italic && wordStart && text.IndexOf('_', i + 1) > i + 1) || (italic && wordEnd)))
            {
                Flush();
                italic = !italic;
                continue;
            }

            current.Append(text[i]);
        }

        Flush();
        return runs;
    }
}
