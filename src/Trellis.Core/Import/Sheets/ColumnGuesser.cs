using System.Text.RegularExpressions;
using Trellis.Core.Dates;
using Trellis.Core.Import.Word;

namespace Trellis.Core.Import.Sheets;

/// <summary>
/// Finds a sheet's table header (not always on row 1, sometimes two rows deep) and proposes each column's role from
/// the words councils use ("By when", "Target date", "Timescale", "Lead officer", "By whom", "RAG", "Progress update",
/// "Area for improvement") and, where the header is unclear, from the column's values (RAG words, dates).
/// Action words are the Word importer's (<see cref="ActionColumns"/>); the area words are here.
/// </summary>
internal static partial class ColumnGuesser
{
    /// <summary>How many rows from the top a header is looked for in; title blocks above a table are short.</summary>
    public const int HeaderSearchRows = 30;

    private static readonly Dictionary<string, ColumnRole> AreaWords = Build(
        (ColumnRole.Theme, ["theme", "themes", "strand", "strands", "workstream", "work stream", "workstreams", "key theme", "section", "domain",
            "judgement area", "ofsted judgement area", "category", "service area", "priority theme", "improvement theme"]),
        (ColumnRole.AreaNumber, ["area no", "area number", "area ref", "rec no", "rec", "recommendation no", "recommendation number", "recommendation ref",
            "priority no", "priority number", "priority ref", "aim no", "objective no", "area for improvement no", "afi no", "afi"]),
        (ColumnRole.AreaTitle, ["area for improvement", "areas for improvement", "improvement area", "improvement areas", "area", "areas", "priority",
            "priorities", "key area", "focus area", "area of improvement", "areas of improvement", "area for development", "areas for development",
            "what needs to improve", "issue", "issues", "finding", "findings", "improvement priority", "improvement priorities", "key priority",
            "key priorities", "area of focus", "what we need to improve", "what needs to change", "ofsted area for improvement", "weakness", "areas of weakness"]),
        (ColumnRole.AreaLead, ["area lead", "lead for area", "strategic lead", "area leads", "priority lead", "theme lead", "recommendation lead",
            "lead for this area", "lead officer for area"]),
        (ColumnRole.SeniorLead, ["senior lead", "senior leads", "senior responsible officer", "sro", "executive lead", "dlt lead", "slt lead", "smt lead",
            "sponsor", "executive sponsor", "accountable director", "director lead", "senior manager", "strategic owner", "lead director",
            "senior officer", "dmt lead", "lead member"]),
        (ColumnRole.Partners, ["partners", "partner", "partner agencies", "key partners", "partner agency", "partners involved", "other agencies",
            "stakeholders", "key stakeholders", "partners responsible", "multi agency partners"]),
        (ColumnRole.LinkedPlans, ["linked plans", "link to other plans", "links to other plans", "related plans", "linked plan", "other plans",
            "strategic links", "links", "link to plans", "linked strategies", "links to strategy"]),
        (ColumnRole.Objectives, ["objective", "objectives", "aim", "aims", "what we want to achieve", "goal", "goals", "key objective", "key objectives",
            "smart objective", "smart objectives", "purpose"]),
        (ColumnRole.Outcomes, ["outcome", "outcomes", "expected outcome", "expected outcomes", "intended outcome", "intended outcomes", "desired outcome",
            "desired outcomes", "impact", "expected impact", "intended impact", "what difference will it make", "outcome for children",
            "outcomes for children", "impact on children", "what will be different", "planned outcome", "planned outcomes"]),
        (ColumnRole.MeasuresOfSuccess, ["measures of success", "measure of success", "success measures", "success measure", "success criteria",
            "how will we know", "how we will know", "how will we measure success", "kpi", "kpis", "performance measures", "performance measure",
            "evidence of impact", "measures", "measure", "indicators", "success indicators", "impact measures", "how will we measure impact",
            "how will we know we have succeeded", "how will we know it has worked", "what success looks like", "targets", "key measures"]),
        (ColumnRole.AreaRag, ["overall rag", "area rag", "overall rating", "overall status", "priority rag", "recommendation rag", "overall rag rating",
            "overall progress"]));

    private static readonly HashSet<string> RagWords = new(["red", "amber", "green", "blue", "r", "a", "g", "b", "ag", "ra", "amber green",
        "red amber", "green amber", "complete", "completed", "grey", "black"], StringComparer.Ordinal);

    private static readonly HashSet<string> PriorityWords = new(["high", "medium", "low", "h", "m", "l", "1", "2", "3", "critical", "urgent"], StringComparer.Ordinal);

    /// <summary>The role a header's words name, or null; the rank says how sure (a "Target date" beats a bare "Date").</summary>
    public static (ColumnRole Role, int Rank)? FromHeader(string header)
    {
        var key = PlanText.Key(header.Replace("(s)", "s", StringComparison.Ordinal));
        if (key.Length == 0 || PlanText.WordCount(key) > 12)
        {
            return null;
        }

        if (AreaWords.TryGetValue(key, out var area))
        {
            return (area, 2);
        }

        if (ActionColumns.IsRecommendationHeader(header) && !key.Contains("action", StringComparison.Ordinal))
        {
            return (key.Contains("recommendation", StringComparison.Ordinal) || key.Contains("ofsted", StringComparison.Ordinal)
                ? ColumnRole.Recommendation : ColumnRole.AreaTitle, 2);
        }

        if (ActionColumns.Recognise(header) is { } action && action.Column != ActionColumn.Other)
        {
            return (action.Column switch
            {
                ActionColumn.Ref => ColumnRole.ActionRef,
                ActionColumn.Text => ColumnRole.ActionText,
                ActionColumn.Due => ColumnRole.Due,
                ActionColumn.Owners => ColumnRole.Owner,
                ActionColumn.Status => ColumnRole.Status,
                ActionColumn.Rag => ColumnRole.Rag,
                ActionColumn.Comments => ColumnRole.Comments,
                _ => ColumnRole.Milestones,
            }, action.Rank);
        }

        // Unlisted headers with a telling word: "Timescale for completion", "Quarter 1 target", "Area lead officer".
        foreach (var part in header.Split('/', '&', ',', '\n', '(', ')'))
        {
            if (AreaWords.TryGetValue(PlanText.Key(part), out var piece))
            {
                return (piece, 1);
            }
        }

        return QuarterTarget().IsMatch(key) ? (ColumnRole.Milestones, 1) : null;
    }

    /// <summary>What a header row proposes: a role per column (ranked), or null when the row is not a plan table's header.</summary>
    public static Dictionary<int, (ColumnRole Role, int Rank)>? ReadHeader(IReadOnlyList<string> headers)
    {
        var roles = new Dictionary<int, (ColumnRole, int)>();
        var filled = 0;
        for (var i = 0; i < headers.Count; i++)
        {
            var text = PlanText.OneLine(headers[i]);
            if (text.Length == 0)
            {
                continue;
            }

            filled++;
            if (PlanText.WordCount(text) > 12 || text.EndsWith(':'))
            {
                return null;
            }

            if (FromHeader(text) is { } found)
            {
                roles[i] = found;
            }
        }

        var distinct = roles.Values.Select(r => r.Item1).Distinct().ToList();
        var hasContent = distinct.Exists(r => r is ColumnRole.ActionText or ColumnRole.AreaTitle or ColumnRole.Recommendation);
        var hasWhoOrWhen = distinct.Exists(r => r is ColumnRole.Due or ColumnRole.Owner or ColumnRole.AreaLead or ColumnRole.SeniorLead or ColumnRole.Status
            or ColumnRole.Rag or ColumnRole.Comments or ColumnRole.Milestones);
        // A plan's table says what is to be done or improved, and by whom or when; a list of dates and statuses alone is not one.
        return filled >= 2 && distinct.Count >= 2 && hasContent && hasWhoOrWhen && roles.Count * 2 >= filled ? roles : null;
    }

    /// <summary>
    /// Settles the header's proposal with the columns' values: one area title, ref columns told apart (an area number
    /// beside the title, dotted refs for actions), a "Priority" of High/Low ignored, a "Status" of RAG words read as RAG,
    /// unnamed columns of RAG words or dates, and several due columns beside one action column read as milestones.
    /// </summary>
    /// <param name="columns">The table's columns, with their headers and first values.</param>
    /// <param name="header">The roles the header's words propose, ranked.</param>
    /// <param name="filledRows">Per column, the data rows (by number) where it has its own text; lets an owner column that follows the
    /// area columns be told from one that follows the actions. Null when the rows are not known.</param>
    public static ColumnMapping Propose(IReadOnlyList<SheetColumn> columns, Dictionary<int, (ColumnRole Role, int Rank)> header,
        IReadOnlyDictionary<int, HashSet<int>>? filledRows = null)
    {
        var roles = columns.ToDictionary(c => c.Index, c => header.TryGetValue(c.Index, out var h) ? h.Role : ColumnRole.Ignore);
        var byIndex = columns.ToDictionary(c => c.Index);

        foreach (var column in columns)
        {
            var samples = column.Samples.Select(s => PlanText.Key(s)).Where(s => s.Length > 0).ToList();
            var role = roles[column.Index];
            if (role == ColumnRole.AreaTitle && samples.Count > 0 && samples.TrueForAll(PriorityWords.Contains))
            {
                roles[column.Index] = ColumnRole.Ignore;
            }
            else if (role == ColumnRole.Status && samples.Count > 0 && samples.TrueForAll(RagWords.Contains) && !roles.ContainsValue(ColumnRole.Rag))
            {
                roles[column.Index] = ColumnRole.Rag;
            }
            else if (role == ColumnRole.Ignore && samples.Count >= 2 && samples.TrueForAll(RagWords.Contains) && !roles.ContainsValue(ColumnRole.Rag))
            {
                roles[column.Index] = ColumnRole.Rag;
            }
            else if (role == ColumnRole.Ignore && column.Header.Length == 0 && samples.Count >= 2 && !roles.ContainsValue(ColumnRole.Due)
                && column.Samples.All(s => DueDateReader.Read(s).Date is not null))
            {
                roles[column.Index] = ColumnRole.Due;
            }
        }

        // Refs: a ref column just before an area's title, or holding whole numbers beside a column of dotted refs, numbers areas.
        var refs = roles.Where(r => r.Value == ColumnRole.ActionRef).Select(r => r.Key).Order().ToList();
        foreach (var index in refs)
        {
            var next = roles.GetValueOrDefault(index + 1);
            var wholeNumbers = byIndex[index].Samples.Count > 0 && byIndex[index].Samples.All(s => WholeNumber().IsMatch(s.Trim()));
            var dotted = byIndex[index].Samples.Any(s => Dotted().IsMatch(s.Trim()));
            var dottedElsewhere = refs.Exists(o => o != index && byIndex[o].Samples.Any(s => Dotted().IsMatch(s.Trim())));
            if (!dotted && (next is ColumnRole.AreaTitle or ColumnRole.Recommendation || (wholeNumbers && dottedElsewhere) || (refs.Count > 1 && index == refs[0])))
            {
                roles[index] = ColumnRole.AreaNumber;
            }
        }

        // One column each for the area's number, title and recommendation; further ones are not guessed at.
        foreach (var single in new[] { ColumnRole.AreaNumber, ColumnRole.AreaTitle, ColumnRole.Recommendation, ColumnRole.ActionRef, ColumnRole.AreaRag, ColumnRole.Theme })
        {
            foreach (var extra in roles.Where(r => r.Value == single).Select(r => r.Key).Order().Skip(1).ToList())
            {
                roles[extra] = ColumnRole.Ignore;
            }
        }

        // "Q1 target | Q2 target | Q3 target" beside one action column: the best-ranked due date stays, the others are milestones.
        var dues = roles.Where(r => r.Value == ColumnRole.Due).Select(r => r.Key).ToList();
        var texts = roles.Count(r => r.Value == ColumnRole.ActionText);
        if (dues.Count > 1 && dues.Count != texts)
        {
            var best = dues.OrderByDescending(d => header.TryGetValue(d, out var h) ? h.Rank : 0).ThenBy(d => d).First();
            foreach (var other in dues.Where(d => d != best))
            {
                roles[other] = ColumnRole.Milestones;
            }
        }

        AreaLevelOwners(roles, byIndex, filledRows);
        return new ColumnMapping(roles.Where(r => r.Value != ColumnRole.Ignore).ToDictionary(r => r.Key, r => r.Value));
    }

    /// <summary>
    /// An owner column that belongs to the area rather than its actions is the area's lead: one filled only on the rows
    /// that start an area and blank on the rows that go on with its actions, as the area's title is (when its heading
    /// says "lead", or another owner column holds the actions' owners); or one left of the action text while another
    /// owner column is right of it. A sheet of one row per action keeps its only owner column as the owner.
    /// </summary>
    private static void AreaLevelOwners(Dictionary<int, ColumnRole> roles, Dictionary<int, SheetColumn> byIndex, IReadOnlyDictionary<int, HashSet<int>>? filledRows)
    {
        var owners = roles.Where(r => r.Value == ColumnRole.Owner).Select(r => r.Key).Order().ToList();
        var texts = roles.Where(r => r.Value == ColumnRole.ActionText).Select(r => r.Key).Order().ToList();
        var areaColumns = roles.Where(r => r.Value is ColumnRole.AreaTitle or ColumnRole.AreaNumber or ColumnRole.Recommendation).Select(r => r.Key).ToList();
        if (owners.Count == 0 || texts.Count == 0 || areaColumns.Count == 0)
        {
            return;
        }

        var firstText = texts[0];
        var lastText = texts[^1];
        var areaLeads = new List<int>();
        foreach (var owner in owners)
        {
            var others = owners.Where(o => o != owner).ToList();
            var ownerRightOfText = others.Exists(o => o > lastText);
            if (owner < firstText && ownerRightOfText)
            {
                areaLeads.Add(owner);
                continue;
            }

            if (filledRows is null || !(others.Count > 0 || LeansAreaLevel(byIndex[owner].Header)))
            {
                continue;
            }

            var areaRows = areaColumns.SelectMany(c => filledRows.GetValueOrDefault(c) ?? []).ToHashSet();
            var actionRows = texts.SelectMany(c => filledRows.GetValueOrDefault(c) ?? []).ToHashSet();
            var continuing = actionRows.Where(r => !areaRows.Contains(r)).ToList();
            var filled = filledRows.GetValueOrDefault(owner) ?? [];
            // Filled where areas start (most of them), blank on every row that only goes on with an area's actions.
            if (continuing.Count > 0 && filled.Count > 0 && filled.IsSubsetOf(areaRows) && filled.Count * 2 >= areaRows.Count)
            {
                areaLeads.Add(owner);
            }
        }

        // At least one owner column stays with the actions unless every one of them is plainly the area's.
        if (areaLeads.Count == owners.Count && owners.Count > 1)
        {
            areaLeads.Remove(owners[^1]);
        }

        foreach (var lead in areaLeads)
        {
            roles[lead] = ColumnRole.AreaLead;
        }
    }

    /// <summary>"Lead", "Lead officer", "Strategic lead", "DLT lead": headings that name a lead rather than who does each action.</summary>
    private static bool LeansAreaLevel(string header) =>
        PlanText.Key(header).Split(' ').Any(w => w is "lead" or "leads");

    private static Dictionary<string, ColumnRole> Build(params (ColumnRole Role, string[] Words)[] groups)
    {
        var words = new Dictionary<string, ColumnRole>(StringComparer.Ordinal);
        foreach (var (role, list) in groups)
        {
            foreach (var word in list)
            {
                words.TryAdd(PlanText.Key(word), role);
            }
        }

        return words;
    }

    [GeneratedRegex(@"^(?:q|quarter)\s*[1-4]\b.*\b(?:target|milestone|deadline|timescale)s?$|^(?:target|milestone)s?\s+(?:q|quarter)\s*[1-4]$")]
    private static partial Regex QuarterTarget();

    [GeneratedRegex(@"^\d{1,3}\.?$")]
    private static partial Regex WholeNumber();

    [GeneratedRegex(@"^\d{1,3}\.\d{1,3}")]
    private static partial Regex Dotted();
}
