using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Trellis.Core.Reports.Html;

/// <summary>
/// Writes HTML where every piece of text and every attribute value is encoded: markup can only come from the
/// tag names and literal attribute names in the renderer's own code, never from a report's text.
/// </summary>
internal sealed class HtmlWriter
{
    // Letters of every script stay readable in the source; only what HTML needs escaping is escaped.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly StringBuilder _html = new();
    private readonly Stack<string> _open = new();

    /// <summary>Opens an element; attributes are name/value pairs, a null value leaves the attribute out.</summary>
    public HtmlWriter Open(string tag, params (string Name, string? Value)[] attributes)
    {
        StartTag(tag, attributes);
        _open.Push(tag);
        return this;
    }

    public HtmlWriter Close()
    {
        _html.Append("</").Append(_open.Pop()).Append('>');
        return this;
    }

    /// <summary>An element holding only text.</summary>
    public HtmlWriter Element(string tag, string? text, params (string Name, string? Value)[] attributes)
    {
        StartTag(tag, attributes);
        Text(text);
        _html.Append("</").Append(tag).Append('>');
        return this;
    }

    /// <summary>An element with no content and no end tag (meta, br).</summary>
    public HtmlWriter Void(string tag, params (string Name, string? Value)[] attributes)
    {
        StartTag(tag, attributes);
        return this;
    }

    public HtmlWriter Text(string? text)
    {
        if (!string.IsNullOrEmpty(text))
        {
            _html.Append(Encoder.Encode(text));
        }

        return this;
    }

    /// <summary>Markup written by the renderer itself (the style sheet, the doctype): never called with report text.</summary>
    public HtmlWriter Trusted(string markup)
    {
        _html.Append(markup);
        return this;
    }

    public HtmlWriter Line()
    {
        _html.Append('\n');
        return this;
    }

    public override string ToString() => _open.Count == 0
        ? _html.ToString()
        : throw new InvalidOperationException($"<{_open.Peek()}> was not closed.");

    private void StartTag(string tag, (string Name, string? Value)[] attributes)
    {
        _html.Append('<').Append(tag);
        foreach (var (name, value) in attributes)
        {
            if (value is not null)
            {
                _html.Append(' ').Append(name).Append("=\"").Append(Encoder.Encode(value)).Append('"');
            }
        }

        _html.Append('>');
    }
}
