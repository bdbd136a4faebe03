namespace Trellis.Core.Import.Word;

/// <summary>What an actions table column holds.</summary>
internal enum ActionColumn
{
    Ref,
    Text,
    Due,
    Owners,
    Status,
    Rag,
    Comments,
    Milestones,

    /// <summary>A column the reader knows but does not import ("Start date", "Resources"); its text goes to comments.</summary>
    Other,
}

/// <summary>
/// The columns of an actions table, found from its header row by the words councils use, in any order: "Ref | Actions |
/// End date | Lead Officer | RAG | Comments", "c) Actions | By when/ Completed | By whom | Status", "Delivery lead |
/// Action | Target date". A header with an empty first cell ("| By when | By whom |") leaves the actions in that column.
/// </summary>
internal sealed class ActionColumns
{
    /// <summary>Header words and what they mean; Due entries carry a rank so "End date" beats "Start date" or "Completed".</summary>
    private static readonly Dictionary<string, (ActionColumn Column, int Rank)> Words = Build(
        (ActionColumn.Ref, 1, ["ref", "ref no", "reference", "no", "number", "#", "item", "action no", "action number", "action ref", "id", "ref number"]),
        (ActionColumn.Text, 1, ["action", "actions", "action required", "actions required", "key actions", "key action", "action to be taken",
            "actions to be taken", "what", "what will we do", "what we will do", "what will be done", "what needs to happen", "task", "tasks",
            "activity", "activities", "action description", "description", "specific actions", "action steps", "steps", "improvement actions",
            "improvement action", "actions and milestones", "agreed actions", "how", "how will we do it", "key tasks", "detailed actions"]),
        (ActionColumn.Due, 3, ["by when", "end date", "target date", "deadline", "due date", "completion date", "target completion date",
            "date due", "completed by", "target end date", "date for completion", "due by", "to be completed by", "delivery date", "timescale",
            "timescales", "timeframe", "time frame", "timeline", "by", "date to be completed"]),
        (ActionColumn.Due, 2, ["when", "due", "date", "target", "dates"]),
        (ActionColumn.Due, 1, ["completed", "date completed", "completion"]),
        (ActionColumn.Owners, 1, ["by whom", "who", "lead", "leads", "lead officer", "lead officers", "lead person", "owner", "owners",
            "action owner", "action owners", "responsible", "responsible officer", "responsible officers", "responsible person", "responsibility",
            "delivery lead", "delivery leads", "accountable", "accountable officer", "named lead", "officer", "lead responsible officer",
            "lead manager", "lead agency", "who is responsible", "responsible lead", "action lead"]),
        (ActionColumn.Status, 1, ["status", "progress status", "current status", "complete", "action status"]),
        (ActionColumn.Rag, 1, ["rag", "rag rating", "rag status", "r a g", "rating", "progress rag", "current rag", "rag progress"]),
        (ActionColumn.Comments, 1, ["comments", "comment", "commentary", "progress", "progress update", "progress to date", "update", "updates",
            "notes", "evidence", "evidence of progress", "progress comments", "narrative", "progress commentary", "update on progress", "remarks"]),
        (ActionColumn.Milestones, 1, ["milestones", "milestone", "progress milestones", "key milestones", "milestone dates", "interim milestones"]),
        (ActionColumn.Other, 1, ["start date", "start", "date started", "resources", "resource", "cost", "costs", "budget", "risk", "risks",
            "dependencies", "impact", "outcome", "outcomes", "measure", "measures", "success measure", "kpi", "evidence of impact", "priority"]));

    private ActionColumns(List<(int Index, int GridColumn, ActionColumn Column, string Header)> columns, int cellCount)
    {
        Columns = columns;
        CellCount = cellCount;
    }

    /// <summary>Each mapped column: its cell index in the header row, its grid column, what it holds and its header as written.</summary>
    public IReadOnlyList<(int Index, int GridColumn, ActionColumn Column, string Header)> Columns { get; }

    /// <summary>The header row's cell count; rows with the same count are read by position, others by grid column.</summary>
    public int CellCount { get; }

    public int TextIndex => Columns.First(c => c.Column == ActionColumn.Text).Index;

    public bool Has(ActionColumn column) => Columns.Any(c => c.Column == column);

    /// <summary>The columns of a header row, or null when the row is not an actions header.</summary>
    public static ActionColumns? TryRead(WordRow row)
    {
        var cells = row.Cells;
        var found = new List<(int Index, int GridColumn, ActionColumn Column, int Rank, string Header)>();
        for (var i = 0; i < cells.Count; i++)
        {
            var text = PlanText.OneLine(cells[i].Text);
            if (text.Length == 0)
            {
                continue;
            }

            // A header cell is short; a sentence in a cell means the row is data, and a colon a labelled field ("Lead:").
            if (PlanText.WordCount(text) > 8 || text.EndsWith(':'))
            {
                return null;
            }

            if (Recognise(text) is { } match)
            {
                found.Add((i, cells[i].GridColumn, match.Column, match.Rank, text));
            }
        }

        var known = found.Where(f => f.Column != ActionColumn.Other).ToList();
        var hasWhoOrWhen = known.Exists(f => f.Column is ActionColumn.Due or ActionColumn.Owners);
        if (known.Select(f => f.Column).Distinct().Count() < 2 || !hasWhoOrWhen)
        {
            return null;
        }

        // "Recommendation | Lead | RAG": a list of recommendations, unless a column also holds actions.
        var namesActions = found.Exists(f => f.Column == ActionColumn.Text);
        if (!namesActions && cells.Any(c => IsRecommendationHeader(c.Text)))
        {
            return null;
        }

        var columns = Choose(found, cells);
        return columns is null ? null : new ActionColumns(columns, cells.Count);
    }

    /// <summary>Whether a cell's words name a recommendation column ("Recommendation", "Area for improvement") rather than actions.</summary>
    public static bool IsRecommendationHeader(string text)
    {
        var key = PlanText.Key(text.Replace("(s)", "s", StringComparison.Ordinal));
        return key is "recommendation" or "recommendations" or "ofsted recommendation" or "ofsted recommendations" or "area for improvement"
            or "areas for improvement" or "improvement area" or "improvement areas" or "area of improvement" or "areas of improvement"
            or "priority" or "priorities" or "what ofsted said" or "ofsted findings" or "inspection recommendation" or "finding" or "findings"
            or "area" or "areas" or "key area" or "focus area" or "improvement priority" or "improvement priorities" or "area for development"
            or "areas for development" or "what needs to improve" or "ofsted area for improvement" or "recommendation from ofsted"
            || (PlanText.WordCount(key) <= 6 && (key.Contains("recommendation", StringComparison.Ordinal) || key.Contains("for improvement", StringComparison.Ordinal)
                || key.StartsWith("priority", StringComparison.Ordinal)) && !key.Contains("further action", StringComparison.Ordinal));
    }

    /// <summary>The cell of a data row that sits under a column: by position when the row has the header's shape, else by grid column.</summary>
    public WordCell? Cell(WordRow row, (int Index, int GridColumn, ActionColumn Column, string Header) column) =>
        row.Cells.Count == CellCount ? row.Cells[column.Index] : row.CellAt(column.GridColumn);

    internal static (ActionColumn Column, int Rank)? Recognise(string header)
    {
        var key = PlanText.Key(header.Replace("(s)", "s", StringComparison.Ordinal));

        // "c) Actions": the enumerator of the plan's own sections.
        if (key.Length > 2 && key[1] == ' ' && char.IsLetter(key[0]) && header.TrimStart().Length > 1 && header.TrimStart()[1] == ')')
        {
            key = key[2..];
        }

        if (Words.TryGetValue(key, out var whole))
        {
            return whole;
        }

        if (header.Trim() == "#")
        {
            return (ActionColumn.Ref, 1);
        }

        // "By when/ Completed", "Lead Officer / Partner": the first part that means something.
        foreach (var part in header.Split('/', '&', ',', '\n'))
        {
            if (Words.TryGetValue(PlanText.Key(part), out var piece))
            {
                return piece;
            }
        }

        return Guess([.. key.Split(' ')]);
    }

    /// <summary>Headers not in the list, by a telling word: "Proposed completion date", "Officer responsible".</summary>
    private static (ActionColumn Column, int Rank)? Guess(List<string> words)
    {
        bool Has(params string[] any) => words.Exists(w => any.Contains(w));
        if (Has("rag"))
        {
            return (ActionColumn.Rag, 1);
        }

        if (Has("milestone", "milestones"))
        {
            return (ActionColumn.Milestones, 1);
        }

        if (Has("start", "started"))
        {
            return (ActionColumn.Other, 1);
        }

        if (Has("date", "deadline", "timescale", "timescales", "when"))
        {
            return (ActionColumn.Due, 2);
        }

        if (Has("lead", "leads", "owner", "owners", "responsible", "responsibility", "whom", "accountable"))
        {
            return (ActionColumn.Owners, 1);
        }

        if (Has("status"))
        {
            return (ActionColumn.Status, 1);
        }

        if (Has("comment", "comments", "commentary", "update", "progress", "notes"))
        {
            return (ActionColumn.Comments, 1);
        }

        return Has("action", "actions", "task", "tasks") ? (ActionColumn.Text, 1) : null;
    }

    /// <summary>
    /// One column each for ref, text and due (the best-ranked due); owners may come from several columns. Without a
    /// recognised text column, the first column with no header or an unknown one holds the actions.
    /// </summary>
    private static List<(int, int, ActionColumn, string)>? Choose(
        List<(int Index, int GridColumn, ActionColumn Column, int Rank, string Header)> found, IReadOnlyList<WordCell> cells)
    {
        var chosen = new List<(int Index, int GridColumn, ActionColumn Column, string Header)>();
        var bestDue = found.Where(f => f.Column == ActionColumn.Due).OrderByDescending(f => f.Rank).ThenBy(f => f.Index).FirstOrDefault();
        foreach (var f in found)
        {
            var column = f.Column;
            var single = column is ActionColumn.Ref or ActionColumn.Text or ActionColumn.Status or ActionColumn.Rag;
            if ((column == ActionColumn.Due && f.Index != bestDue.Index) || (single && chosen.Exists(c => c.Column == column)))
            {
                column = ActionColumn.Other;
            }

            chosen.Add((f.Index, f.GridColumn, column, f.Header));
        }

        if (!chosen.Exists(c => c.Column == ActionColumn.Text))
        {
            var free = Enumerable.Range(0, cells.Count).FirstOrDefault(i => !found.Exists(f => f.Index == i), -1);
            if (free < 0)
            {
                return null;
            }

            chosen.Add((free, cells[free].GridColumn, ActionColumn.Text, PlanText.OneLine(cells[free].Text)));
        }

        return [.. chosen.OrderBy(c => c.Index)];
    }

    private static Dictionary<string, (ActionColumn, int)> Build(params (ActionColumn Column, int Rank, string[] Words)[] groups)
    {
        var words = new Dictionary<string, (ActionColumn, int)>(StringComparer.Ordinal);
        foreach (var (column, rank, list) in groups)
        {
            foreach (var word in list.Select(PlanText.Key).Where(w => w.Length > 0))
            {
                words.TryAdd(word, (column, rank));
            }
        }

        return words;
    }
}
