using Trellis.Core.Dates;
using Trellis.Core.Interchange;

namespace Trellis.Core.Import.Word;

/// <summary>What building areas and actions needs from the rest of the document.</summary>
internal sealed record PlanContext(DocumentPeople People, RagLegends Rag, DueDateReaderOptions DueOptions);

/// <summary>An area as its parts are found, turned into an <see cref="AreaDoc"/> at the end.</summary>
internal sealed class AreaBuilder(string number, string title, string? theme)
{
    public string Number { get; } = number;

    public string Title { get; set; } = title;

    public string? Theme { get; set; } = theme;

    /// <summary>Where the area comes from when the source says so outright (a spreadsheet's recommendation column).</summary>
    public SourceDoc? KnownSource { get; set; }

    /// <summary>The recommendation the area answers, when the document lists them.</summary>
    public Recommendation? Recommendation { get; set; }

    public List<string> Leads { get; } = [];

    public List<string> SeniorLeads { get; } = [];

    public List<string> LinkedPlans { get; } = [];

    public List<string> Partners { get; } = [];

    public List<string> Objectives { get; } = [];

    public List<string> Outcomes { get; } = [];

    public List<string> MeasuresOfSuccess { get; } = [];

    public List<string> Rag { get; } = [];

    public List<ActionBuilder> Actions { get; } = [];

    public List<string> Warnings { get; } = [];

    /// <summary>The list a label's lines go to, or null for labels whose value is not a list of lines.</summary>
    public List<string>? ListFor(AreaField field) => field switch
    {
        AreaField.Leads => Leads,
        AreaField.SeniorLeads => SeniorLeads,
        AreaField.LinkedPlans => LinkedPlans,
        AreaField.Partners => Partners,
        AreaField.Objectives => Objectives,
        AreaField.Outcomes => Outcomes,
        AreaField.MeasuresOfSuccess => MeasuresOfSuccess,
        AreaField.Rag => Rag,
        _ => null,
    };

    public AreaDoc Build(PlanContext context)
    {
        var actions = BuildActions(context);
        var warnings = new List<string>(Warnings);
        var leads = Owners(Leads, Recommendation?.Leads, context, warnings, "leads");
        var seniorLeads = Owners(SeniorLeads, Recommendation?.SeniorLeads, context, warnings, "senior leads");
        var linkedPlans = SplitList(LinkedPlans.Count > 0 ? LinkedPlans : [.. OrEmpty(Recommendation?.LinkedPlans)]);
        var ragText = Rag.Count > 0 ? string.Join(' ', Rag) : Recommendation?.Rag;
        var rag = RagCode(ragText, context, warnings);
        return new AreaDoc
        {
            Number = Number,
            Theme = Theme ?? Recommendation?.Theme,
            Title = PlanText.OneLine(Title),
            Source = KnownSource ?? Source(),
            Leads = NullIfEmpty(leads),
            SeniorLeads = NullIfEmpty(seniorLeads),
            LinkedPlans = NullIfEmpty(linkedPlans),
            Partners = NullIfEmpty(SplitList(Partners)),
            Objectives = NullIfEmpty(Items(Objectives)),
            Outcomes = NullIfEmpty(Items(Outcomes)),
            MeasuresOfSuccess = NullIfEmpty(Items(MeasuresOfSuccess)),
            Rag = rag,
            Actions = NullIfEmpty(actions),
            Warnings = NullIfEmpty(warnings),
        };
    }

    /// <summary>
    /// Where the area comes from: the recommendation list it matches, else what its title's closing remark says
    /// ("(Paragraph 39)" is the report's narrative, "(recommendation from Ofsted action planning workshop)" a workshop).
    /// </summary>
    private SourceDoc? Source()
    {
        var remark = PlanText.TrailingRemark(Title);
        if (Recommendation is { } recommendation)
        {
            var reference = remark is not null && remark.Contains("recommendation", StringComparison.OrdinalIgnoreCase) && !IsWorkshop(remark)
                ? remark
                : $"Recommendation {recommendation.Number}";
            return new SourceDoc { Kind = "inspection-recommendation", Reference = reference };
        }

        if (remark is null)
        {
            return null;
        }

        var key = PlanText.Key(remark);
        var kind = IsWorkshop(remark) ? "workshop"
            : key.Contains("self assessment", StringComparison.Ordinal) ? "self-assessment"
            : key.Contains("ofsted recommendation", StringComparison.Ordinal) ? "inspection-recommendation"
            : key.Contains("paragraph", StringComparison.Ordinal) || key.Contains("pg", StringComparison.Ordinal)
                || key.Contains("page", StringComparison.Ordinal) || key.Contains("summary", StringComparison.Ordinal)
                || key.Contains("report", StringComparison.Ordinal) || key.StartsWith("para", StringComparison.Ordinal) ? "report-narrative"
            : null;
        return kind is null ? null : new SourceDoc { Kind = kind, Reference = remark };
    }

    private static bool IsWorkshop(string remark) => remark.Contains("workshop", StringComparison.OrdinalIgnoreCase);

    /// <summary>Actions in order; refs as written, a repeated one kept with a warning, none written numbered by position.</summary>
    private List<ActionDoc> BuildActions(PlanContext context)
    {
        var actions = new List<ActionDoc>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var numberedByPosition = false;
        foreach (var builder in Actions)
        {
            var action = builder.Build(context);
            if (action.Ref.Length == 0)
            {
                numberedByPosition = true;
                action = action with { Ref = (actions.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) };
            }
            else if (!seen.Add(action.Ref))
            {
                action = action with { Warnings = [.. action.Warnings ?? [], $"Ref '{action.Ref}' is also used by an earlier action in area {Number}; kept as written"] };
            }

            actions.Add(action);
        }

        if (numberedByPosition)
        {
            Warnings.Add("Some actions have no ref in the document; they are numbered by their position");
        }

        return actions;
    }

    /// <summary>
    /// The section's own leads; the recommendation list's when the section names none, or when the list names all of the
    /// section's and more (a section damaged in conversion keeps only part of its lead cell).
    /// </summary>
    private static List<OwnerDoc> Owners(List<string> texts, string? listed, PlanContext context, List<string> warnings, string what)
    {
        var ownWarnings = new List<string>();
        // Each cell on its own (a lead column and an initials column are two owners, not one glued text), de-duplicated.
        var own = texts.SelectMany(t => context.People.Owners(t, ownWarnings)).Distinct().ToList();
        var listWarnings = new List<string>();
        var fromList = listed is null ? [] : context.People.Owners(listed, listWarnings);
        var useList = fromList.Count > own.Count && own.TrueForAll(fromList.Contains);
        if (useList && own.Count > 0)
        {
            listWarnings.Add($"The {what} are those of the recommendation list, which names all of this section's ({string.Join(", ", texts)}) and more");
        }

        warnings.AddRange(useList ? listWarnings : ownWarnings);
        return useList ? fromList : own;
    }

    internal static string? RagCode(string? text, PlanContext context, List<string> warnings)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var code = context.Rag.CodeFor(text);
        if (code is null)
        {
            warnings.Add($"RAG '{PlanText.OneLine(text)}' is not a rating of the plan's legend; not imported");
        }

        return code;
    }

    /// <summary>Lines of a list, each trimmed and without its bullet; bullets typed within one line ("• a • b") make separate items.</summary>
    private static List<string> Items(List<string> lines) =>
        [.. lines.SelectMany(l => l.Split('\n')).SelectMany(PlanText.SplitInlineBullets).Select(PlanText.WithoutBullet).Where(l => l.Length > 0 && !PlanText.IsOnlyPunctuation(l))];

    /// <summary>"Police, Community safety; Housing": one entry per comma, semicolon or line.</summary>
    private static List<string> SplitList(IEnumerable<string> texts) =>
        [.. texts.SelectMany(t => t.Split(',', ';', '\n')).Select(PlanText.WithoutBullet).Where(t => t.Length > 0 && !PlanText.IsOnlyPunctuation(t))];

    private static IEnumerable<string> OrEmpty(string? text) => text is null ? [] : [text];

    private static List<T>? NullIfEmpty<T>(List<T> list) => list.Count > 0 ? list : null;
}

/// <summary>An action as its row (and any continuation rows) give it, turned into an <see cref="ActionDoc"/> at the end.</summary>
internal sealed class ActionBuilder
{
    private readonly Dictionary<ActionColumn, List<string>> cells = [];

    /// <summary>The ref as written in a ref column, or null to read it from the start of the text.</summary>
    public string? WrittenRef { get; set; }

    /// <summary>The number Word draws before the action's text when the list numbers it.</summary>
    public string? ListLabel { get; set; }

    public List<string> Warnings { get; } = [];

    /// <summary>Where each cell came from ("Plan!F12"), when the source has cell names; doubts about a cell then name it.</summary>
    public Dictionary<ActionColumn, string> Places { get; } = [];

    /// <summary>
    /// The owner cells one by one with their places, when the owners come from several columns: each is read on its own
    /// (never glued into one owner) and the owners are de-duplicated. Empty when the owners are one cell's text.
    /// </summary>
    public List<(string Text, string? Place)> OwnerCells { get; } = [];

    /// <summary>The text of one of the action's cells; a row that continues the action adds lines to it.</summary>
    public void Add(ActionColumn column, string text, bool joinLine = false)
    {
        text = PlanText.Tidy(text);
        if (text.Length == 0)
        {
            return;
        }

        if (!cells.TryGetValue(column, out var parts))
        {
            cells[column] = [text];
        }
        else if (joinLine)
        {
            // A row split by a page break: its text continues the same sentence.
            parts[^1] = $"{parts[^1]} {text}";
        }
        else
        {
            parts.Add(text);
        }
    }

    public string TextOf(ActionColumn column) => cells.TryGetValue(column, out var parts) ? string.Join('\n', parts) : string.Empty;

    public bool HasText => TextOf(ActionColumn.Text).Length > 0;

    public ActionDoc Build(PlanContext context)
    {
        var warnings = new List<string>(Warnings);
        var (reference, text) = RefAndText();
        var dueWarnings = new List<string>();
        var due = Due(context, dueWarnings);
        warnings.AddRange(Placed(ActionColumn.Due, dueWarnings));
        var milestones = Milestones(due.Reading, context);
        var status = Status(TextOf(ActionColumn.Status), out var statusRag);
        var ragText = TextOf(ActionColumn.Rag);
        var ragWarnings = new List<string>();
        var rag = AreaBuilder.RagCode(ragText.Length > 0 ? ragText : statusRag, context, ragWarnings);
        warnings.AddRange(Placed(ragText.Length > 0 ? ActionColumn.Rag : ActionColumn.Status, ragWarnings));
        // A status cell saying more than its status ("Completed March 2016, report to board") keeps its words in the comments.
        var statusText = TextOf(ActionColumn.Status);
        var statusSaysMore = status is not null && PlanText.WordCount(statusText) > 2;
        var comments = Comments(status is null && statusRag is null ? statusText : null, statusSaysMore ? statusText : null, warnings);
        var owners = new List<OwnerDoc>();
        foreach (var (ownerText, place) in OwnerCells.Count > 0 ? OwnerCells : [(TextOf(ActionColumn.Owners), Places.GetValueOrDefault(ActionColumn.Owners))])
        {
            var ownerWarnings = new List<string>();
            foreach (var owner in context.People.Owners(ownerText, ownerWarnings))
            {
                if (!owners.Exists(o => (o.Person is not null && o.Person == owner.Person)
                    || (o.Text is not null && owner.Text is not null && string.Equals(PlanText.Key(o.Text), PlanText.Key(owner.Text), StringComparison.Ordinal))))
                {
                    owners.Add(owner);
                }
            }

            warnings.AddRange(place is null ? ownerWarnings : ownerWarnings.Select(w => $"{w} ({place})"));
        }

        return new ActionDoc
        {
            Ref = reference,
            Text = text,
            Owners = NullIfEmpty(owners),
            Due = due.Reading is { } reading ? ToDoc(reading) : LatestDue(milestones),
            Milestones = NullIfEmpty(milestones),
            Status = status,
            Rag = rag,
            Comments = comments,
            Warnings = NullIfEmpty(warnings),
        };
    }

    private IEnumerable<string> Placed(ActionColumn column, List<string> warnings) =>
        Places.TryGetValue(column, out var place) ? warnings.Select(w => $"{w} ({place})") : warnings;

    /// <summary>The ref from its column, else a leading "1." or "1.1" of the text, else the list's own number.</summary>
    private (string Ref, string Text) RefAndText()
    {
        var text = TextOf(ActionColumn.Text);
        var written = WrittenRef is { Length: > 0 } r ? r.Trim().TrimEnd('.', ')', ':').Trim() : null;
        if (PlanText.TryNumbered(text, out var number, out var rest) && (written is null || string.Equals(number, written, StringComparison.OrdinalIgnoreCase)))
        {
            return (written ?? number, rest);
        }

        var label = ListLabel?.Trim().TrimEnd('.', ')', ':').TrimStart('(');
        return (written ?? label ?? string.Empty, text);
    }

    private (DueDateReading? Reading, string Text) Due(PlanContext context, List<string> warnings)
    {
        var text = TextOf(ActionColumn.Due);
        if (text.Length == 0)
        {
            return (null, text);
        }

        var reading = DueDateReader.Read(text, context.DueOptions);
        warnings.AddRange(reading.Warnings);
        return (reading, text);
    }

    /// <summary>
    /// One milestone per date when the due cell names several ("Dec 2014 Jan 2015 February 2015"), named by the matching
    /// line of a milestones column when it has one line per date; else each line of a milestones column, dated when it
    /// holds a date.
    /// </summary>
    private List<MilestoneDoc> Milestones(DueDateReading? due, PlanContext context)
    {
        var lines = TextOf(ActionColumn.Milestones).Split('\n').Select(PlanText.WithoutBullet).Where(l => l.Length > 0).ToList();
        if (due is { HasMilestones: true })
        {
            return [.. due.Parts.Select((part, i) => new MilestoneDoc
            {
                Text = lines.Count == due.Parts.Count ? lines[i] : part.Text,
                Due = ToDoc(part),
                Warnings = NullIfEmpty(part.Warnings.ToList()),
            })];
        }

        return [.. lines.Select(line =>
        {
            var reading = DueDateReader.Read(line, context.DueOptions);
            var dated = reading.Date is not null || reading.Precision is DuePrecision.Tbc;
            return new MilestoneDoc { Text = line, Due = dated ? ToDoc(reading) : null };
        })];
    }

    /// <summary>With no date of its own, an action is due when its last dated milestone is.</summary>
    private static DueDoc? LatestDue(List<MilestoneDoc> milestones) =>
        milestones.Where(m => m.Due?.Date is not null).OrderBy(m => m.Due!.Date).LastOrDefault()?.Due;

    /// <summary>Comments as written; a status the reader did not understand is kept at their start.</summary>
    private string? Comments(string? unreadStatus, string? fullStatus, List<string> warnings)
    {
        var parts = new List<string>();
        if (unreadStatus is { Length: > 0 })
        {
            warnings.Add($"Status '{PlanText.OneLine(unreadStatus)}' was not understood; kept in the comments");
            parts.Add(unreadStatus);
        }

        if (fullStatus is { Length: > 0 })
        {
            parts.Add(fullStatus);
        }

        parts.AddRange(new[] { TextOf(ActionColumn.Comments), TextOf(ActionColumn.Other) }.Where(t => t.Length > 0));
        return parts.Count > 0 ? string.Join('\n', parts) : null;
    }

    /// <summary>not-started | in-progress | complete | dropped, from the words of a status cell; a RAG word there is returned as the RAG.</summary>
    private static string? Status(string text, out string? rag)
    {
        var key = PlanText.Key(text);
        rag = null;
        if (key.Length == 0)
        {
            return null;
        }

        if (RagLegendReader.BasicCode(key) is not null)
        {
            rag = text;
            return null;
        }

        bool StartsWith(params string[] words) => words.Any(w => key == w || key.StartsWith(w + " ", StringComparison.Ordinal));
        return StartsWith("complete", "completed", "done", "achieved", "closed", "met", "finished", "delivered") ? "complete"
            : StartsWith("in progress", "ongoing", "on going", "on track", "started", "underway", "under way", "progressing", "in hand", "partially complete") ? "in-progress"
            : StartsWith("not started", "not yet started", "not due", "not yet due", "planned", "pending", "to start") ? "not-started"
            : StartsWith("dropped", "cancelled", "canceled", "withdrawn", "superseded", "no longer required", "removed", "stopped") ? "dropped"
            : null;
    }

    internal static DueDoc ToDoc(DueDateReading reading) => new()
    {
        Text = reading.Text,
        Date = reading.Date,
        Precision = reading.Precision.ToString().ToLowerInvariant(),
    };

    private static List<T>? NullIfEmpty<T>(List<T> list) => list.Count > 0 ? list : null;
}
