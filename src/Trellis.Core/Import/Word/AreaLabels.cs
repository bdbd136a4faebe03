using System.Text.RegularExpressions;

namespace Trellis.Core.Import.Word;

/// <summary>The labelled parts of an area ("Lead:", "DLT Lead:", "a) Expected outcome (what will be different?)").</summary>
internal enum AreaField
{
    Leads,
    SeniorLeads,
    LinkedPlans,
    Partners,
    Objectives,
    Outcomes,
    MeasuresOfSuccess,
    Actions,
    Rag,

    /// <summary>"Recommendation: Ensure that ...", "Area for improvement:": the area's own title follows the label.</summary>
    Heading,

    /// <summary>"Theme: Help and protection": the theme of the areas that follow.</summary>
    Theme,

    /// <summary>A monitoring heading ("d) Action Plan Progress", "e) Impact: Data and Commentary"): filled in later rounds.</summary>
    Monitoring,
}

/// <summary>A label found at the start of a line, and the text after it (empty when the value is elsewhere).</summary>
internal sealed record AreaLabel(AreaField Field, string Label, string Value);

/// <summary>Recognises area labels by their words, whatever the enumerator, explanation or punctuation around them.</summary>
internal static partial class AreaLabels
{
    /// <summary>Label words, longest first so "dlt lead" wins over "lead".</summary>
    private static readonly (string Words, AreaField Field)[] Vocabulary = [.. new (string, AreaField)[]
    {
        ("lead", AreaField.Leads), ("leads", AreaField.Leads), ("lead officer", AreaField.Leads), ("lead officers", AreaField.Leads),
        ("lead manager", AreaField.Leads), ("operational lead", AreaField.Leads), ("named lead", AreaField.Leads),
        ("responsible officer", AreaField.Leads), ("lead s", AreaField.Leads), ("area lead", AreaField.Leads), ("owner", AreaField.Leads),
        ("dlt lead", AreaField.SeniorLeads), ("slt lead", AreaField.SeniorLeads), ("smt lead", AreaField.SeniorLeads),
        ("dmt lead", AreaField.SeniorLeads), ("senior lead", AreaField.SeniorLeads), ("senior leads", AreaField.SeniorLeads),
        ("strategic lead", AreaField.SeniorLeads), ("executive lead", AreaField.SeniorLeads), ("senior responsible officer", AreaField.SeniorLeads),
        ("accountable lead", AreaField.SeniorLeads), ("accountable officer", AreaField.SeniorLeads), ("sponsor", AreaField.SeniorLeads),
        ("senior sponsor", AreaField.SeniorLeads), ("lead director", AreaField.SeniorLeads), ("director lead", AreaField.SeniorLeads),
        ("linked plan", AreaField.LinkedPlans), ("linked plans", AreaField.LinkedPlans), ("relevant plan", AreaField.LinkedPlans),
        ("relevant plan s", AreaField.LinkedPlans), ("relevant plans", AreaField.LinkedPlans), ("related plans", AreaField.LinkedPlans),
        ("related plan", AreaField.LinkedPlans), ("link to plans", AreaField.LinkedPlans), ("links to other plans", AreaField.LinkedPlans),
        ("linked strategies", AreaField.LinkedPlans), ("linked plan s", AreaField.LinkedPlans),
        ("partners", AreaField.Partners), ("key partners", AreaField.Partners), ("partner agencies", AreaField.Partners),
        ("partners involved", AreaField.Partners), ("key partner agencies", AreaField.Partners), ("partner s", AreaField.Partners),
        ("objective", AreaField.Objectives), ("objectives", AreaField.Objectives), ("aim", AreaField.Objectives), ("aims", AreaField.Objectives),
        ("what we want to achieve", AreaField.Objectives),
        ("expected outcome", AreaField.Outcomes), ("expected outcomes", AreaField.Outcomes), ("outcome", AreaField.Outcomes),
        ("outcomes", AreaField.Outcomes), ("intended outcomes", AreaField.Outcomes), ("desired outcomes", AreaField.Outcomes),
        ("expected outcome s", AreaField.Outcomes), ("what will be different", AreaField.Outcomes),
        ("measures of success", AreaField.MeasuresOfSuccess), ("measure of success", AreaField.MeasuresOfSuccess),
        ("measured by", AreaField.MeasuresOfSuccess), ("success measures", AreaField.MeasuresOfSuccess),
        ("success criteria", AreaField.MeasuresOfSuccess), ("how will we know", AreaField.MeasuresOfSuccess),
        ("how we will measure success", AreaField.MeasuresOfSuccess), ("measures", AreaField.MeasuresOfSuccess),
        ("key measures", AreaField.MeasuresOfSuccess), ("performance measures", AreaField.MeasuresOfSuccess),
        ("actions", AreaField.Actions), ("key actions", AreaField.Actions), ("action plan", AreaField.Actions),
        ("rag", AreaField.Rag), ("rag rating", AreaField.Rag), ("overall rag", AreaField.Rag), ("rag status", AreaField.Rag),
        ("progress rag", AreaField.Rag), ("current rag", AreaField.Rag), ("overall rag rating", AreaField.Rag), ("progress rating", AreaField.Rag),
        ("rag progress", AreaField.Rag), ("overall rating", AreaField.Rag),
        ("recommendation", AreaField.Heading), ("ofsted recommendation", AreaField.Heading), ("area for improvement", AreaField.Heading),
        ("area of improvement", AreaField.Heading), ("improvement area", AreaField.Heading), ("ofsted finding", AreaField.Heading),
        ("recommendation from ofsted", AreaField.Heading), ("what ofsted said", AreaField.Heading), ("improvement required", AreaField.Heading),
        ("theme", AreaField.Theme), ("priority theme", AreaField.Theme), ("strategic theme", AreaField.Theme), ("judgement area", AreaField.Theme),
        ("monitoring and impact", AreaField.Monitoring), ("action plan progress", AreaField.Monitoring),
        ("action plan rag rating", AreaField.Monitoring), ("impact", AreaField.Monitoring),
        ("impact data and commentary", AreaField.Monitoring), ("recommendations for further action", AreaField.Monitoring),
        ("progress update", AreaField.Monitoring), ("progress", AreaField.Monitoring), ("monitoring", AreaField.Monitoring),
    }.OrderByDescending(v => v.Item1.Length)];

    /// <summary>
    /// Reads "Lead: Paul King", "a) Expected outcome (what will be different?)", "DLT Lead:", "Key Partners". The label must end
    /// the text or be followed by a colon, a dash, a tab, a bracketed explanation or "**"; so "Outcomes for children
    /// improved" is not a label.
    /// </summary>
    public static AreaLabel? Read(string text)
    {
        var trimmed = text.Trim();
        var body = Enumerator().Match(trimmed) is { Success: true } e ? trimmed[e.Length..] : trimmed.TrimStart('*', ' ');
        foreach (var (words, field) in Vocabulary)
        {
            if (MatchWords(body, words) is not { } end)
            {
                continue;
            }

            var after = Separator().Match(body[end..]);
            if (!after.Success)
            {
                continue;
            }

            var value = body[(end + after.Length)..].Trim();
            return new AreaLabel(field, trimmed[..(trimmed.Length - body.Length + end)].Trim(), value);
        }

        return null;
    }

    /// <summary>A whole text made only of monitoring headings ("MONITORING AND IMPACTd) Action Plan Progresse) Impact:").</summary>
    public static bool IsOnlyMonitoringHeadings(string text)
    {
        var key = PlanText.Key(MonitoringGlue().Replace(text, " "));
        foreach (var (words, field) in Vocabulary)
        {
            if (field == AreaField.Monitoring)
            {
                key = key.Replace(words, " ", StringComparison.Ordinal);
            }
        }

        return PlanText.Key(key.Replace("data and commentary", " ", StringComparison.Ordinal)).Split(' ').All(w => w.Length <= 1);
    }

    /// <summary>Where the label words end in <paramref name="text"/>, comparing words case-insensitively and ignoring punctuation between them.</summary>
    private static int? MatchWords(string text, string words)
    {
        var position = 0;
        var first = true;
        foreach (var word in words.Split(' '))
        {
            // Punctuation between words is allowed ("Relevant plan(s):", "DLT-Lead"); the first word must start the text.
            while (!first && position < text.Length && !char.IsLetterOrDigit(text[position]))
            {
                position++;
            }

            first = false;
            if (position + word.Length > text.Length
                || !text.AsSpan(position, word.Length).Equals(word, StringComparison.OrdinalIgnoreCase)
                || (position + word.Length < text.Length && char.IsLetterOrDigit(text[position + word.Length])))
            {
                return null;
            }

            position += word.Length;
        }

        return position;
    }

    [GeneratedRegex(@"^\(?[a-zA-Z0-9]{1,2}[.)]\s+")]
    private static partial Regex Enumerator();

    /// <summary>What may follow a label: nothing, or an explanation in brackets, asterisks, and a colon, dash or tab.</summary>
    [GeneratedRegex(@"^(?:\s*\([^)]*\))?\**(?:\s*$|\s*[:\-\u2013\u2014=]|\t)")]
    private static partial Regex Separator();

    /// <summary>"Progresse) Impact": converted headings run into each other; split before each enumerator.</summary>
    [GeneratedRegex(@"[a-z]\)")]
    private static partial Regex MonitoringGlue();
}
