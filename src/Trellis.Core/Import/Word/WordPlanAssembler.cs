using System.Text.RegularExpressions;
using Trellis.Core.Dates;
using Trellis.Core.Interchange;

namespace Trellis.Core.Import.Word;

/// <summary>
/// Puts a plan together from a read document: first what the introduction holds (title, council, inspection,
/// judgements, RAG legends, key leads, the recommendation list), then the areas and actions of the body, then the
/// links between the two (which area answers which recommendation).
/// </summary>
internal sealed partial class WordPlanAssembler(WordDocument document, string fileName)
{
    /// <summary>Lines that end a document's title block.</summary>
    private static readonly HashSet<string> SectionWords = new(
        ["introduction", "contents", "table of contents", "background", "foreword", "purpose", "summary", "executive summary", "context", "overview"],
        StringComparer.Ordinal);

    private readonly List<BodyUnit> units = BodyUnits.Flatten(document.Body);
    private readonly HashSet<BodyUnit> consumed = new(ReferenceEqualityComparer.Instance);
    private readonly List<string> problems = [];
    private readonly DocumentPeople people = new();
    private readonly RagLegends legends = new();
    private readonly Themes themes = new();
    private List<JudgementDoc>? judgements;
    private RecommendationListReader? recommendations;

    public WordReadResult Assemble()
    {
        recommendations = new RecommendationListReader(themes);
        var firstActions = units.FindIndex(u => u is RowUnit r && ActionColumns.TryRead(r.Row) is not null);
        var introductionEnd = firstActions < 0 ? units.Count : firstActions;

        ReadTables(introductionEnd);
        var (title, periodStart, periodEnd) = ReadTitle();
        var inspection = ReadInspection();
        ReadJudgementLines();
        ReadLegendLines();
        ReadRecommendationParagraphs(introductionEnd);

        var introduction = units.Take(introductionEnd).OfType<ParagraphUnit>().Select(p => p.Paragraph.Text).ToList();
        var context = new PlanContext(people, legends, new DueDateReaderOptions { BareQuartersAreFinancial = introduction.Exists(FinancialQuarters().IsMatch) });
        var body = new PlanBodyReader([.. units.Where(u => !consumed.Contains(u))], themes, recommendations.Recommendations)
        {
            ReportDate = ReportDates.Find(units.Take(60).Select(u => u switch
            {
                ParagraphUnit p => p.Paragraph.Text,
                RowUnit r => string.Join(' ', r.Row.Cells.Select(c => c.Text)),
                _ => string.Empty,
            })),
        };
        body.Read();
        var areas = LinkRecommendations(body);
        if (people.All.Count == 0)
        {
            KeyLeadsReader.Harvest(areas.SelectMany(a => a.Leads.Concat(a.SeniorLeads).Concat(a.Actions.Select(x => x.TextOf(ActionColumn.Owners)))), people);
        }

        // A report that carries indicator tables but no areas (a board's performance report) still imports: as a
        // plan's indicators, or into an existing plan's. Its council then need not be named in the document.
        var indicatorsOnly = areas.Count == 0 && body.Indicators.Count > 0;
        var organisation = inspection?.Organisation ?? FindCouncil(required: !indicatorsOnly);
        if (areas.Count == 0 && !indicatorsOnly)
        {
            problems.Add($"No areas of improvement were found in '{fileName}': no numbered area headings with leads or actions tables, and no list of recommendations");
        }

        var plan = new PlanDocument
        {
            Organisation = new OrganisationDoc { Name = organisation ?? "Unknown council" },
            Plan = new PlanDoc
            {
                Title = title,
                Status = body.SaysDraft ? "draft" : null,
                PeriodStart = periodStart,
                PeriodEnd = periodEnd,
                MonitoringCadence = introduction.Select(IntroductionReader.Cadence).FirstOrDefault(c => c is not null),
                Governance = NullIfEmpty(Governance()),
                RagScales = legends.ToDoc(),
            },
            Inspection = InspectionDoc(inspection),
            People = NullIfEmpty([.. people.All]),
            Themes = NullIfEmpty([.. themes.All]),
            Areas = [.. areas.Select(a => a.Build(context))],
            Indicators = NullIfEmpty(body.Indicators),
            Unplaced = NullIfEmpty(body.Unplaced),
        };
        return new WordReadResult(plan, problems);
    }

    /// <summary>Classifies each table: RAG legend, judgements, key leads, or (before the first actions) the recommendation list.</summary>
    private void ReadTables(int introductionEnd)
    {
        Dictionary<int, RecommendationListReader.Column>? listColumns = null;
        var lastListUnit = -2;
        foreach (var table in BodyUnits.Tables(units))
        {
            var first = units.FindIndex(u => u is RowUnit r && ReferenceEquals(r.Table, table));
            if (RagLegendReader.TryReadTable(table, legends)
                || (judgements is null && (judgements = JudgementReader.TryReadTable(table)) is not null)
                || KeyLeadsReader.TryRead(table, people))
            {
                Consume(table, first);
                continue;
            }

            if (first < introductionEnd && recommendations!.TryReadTable(table, first == lastListUnit + 1 ? listColumns : null) is { } columns)
            {
                listColumns = columns;
                Consume(table, first);
                lastListUnit = units.FindLastIndex(u => u is RowUnit r && ReferenceEquals(r.Table, table));
            }
        }
    }

    /// <summary>Marks a table's rows as read, with the short caption line just before it ("Key Leads and Those Responsible for Actions").</summary>
    private void Consume(WordTable table, int first)
    {
        foreach (var unit in units.Where(u => u is RowUnit r && ReferenceEquals(r.Table, table)))
        {
            consumed.Add(unit);
        }

        if (first > 0 && units[first - 1] is ParagraphUnit caption && !consumed.Contains(caption) && PlanText.WordCount(caption.Paragraph.Text) <= 12
            && !PlanText.TryNumbered(caption.Paragraph.Text, out _, out _))
        {
            consumed.Add(caption);
        }
    }

    /// <summary>
    /// The title block: the first lines of the document up to its first section ("Introduction") or long paragraph.
    /// Title-styled lines are the title when there are any; a line that is only a date range is the plan's period.
    /// </summary>
    private (string Title, DateOnly? Start, DateOnly? End) ReadTitle()
    {
        var lines = new List<ParagraphUnit>();
        foreach (var unit in units)
        {
            if (unit is not ParagraphUnit paragraph || consumed.Contains(unit))
            {
                break;
            }

            var text = PlanText.OneLine(paragraph.Paragraph.Text);
            var key = PlanText.Key(text);
            // A title is a few short lines: a sentence, a numbered line or a label starts the document proper.
            var isProse = text.EndsWith('.') || PlanText.TryNumbered(text, out _, out _) || AreaLabels.Read(text) is not null;
            if (SectionWords.Contains(key) || PlanText.WordCount(text) > 20 || isProse || lines.Count >= 5 || (lines.Count > 0 && paragraph.Paragraph.HeadingLevel >= 2))
            {
                break;
            }

            lines.Add(paragraph);
        }

        DateOnly? start = null, end = null;
        var titleLines = new List<ParagraphUnit>();
        foreach (var line in lines)
        {
            if (DateRangeOf(line.Paragraph.Text) is { } range)
            {
                (start, end) = range;
                consumed.Add(line);
            }
            else if (!IsOnlyDate(line.Paragraph.Text))
            {
                titleLines.Add(line);
            }
        }

        var styled = titleLines.Where(l => l.Paragraph.HeadingLevel is 0 or 1).ToList();
        var chosen = styled.Count > 0 ? styled : titleLines;
        chosen.ForEach(l => consumed.Add(l));
        var title = string.Join(": ", chosen.Select(l => PlanText.OneLine(l.Paragraph.Text).TrimEnd(':')));
        if (title.Length == 0 && TitleFromCoverTable() is { } fromCover)
        {
            title = fromCover;
        }

        if (title.Length == 0)
        {
            title = document.PropertiesTitle ?? Path.GetFileNameWithoutExtension(fileName);
            problems.Add($"No title was found at the start of '{fileName}'; the plan is titled '{title}'");
        }

        return (title, start, end);
    }

    /// <summary>A cover table's "Report Title | Safeguarding Services 6 Monthly Report" row, before anything else in the document.</summary>
    private string? TitleFromCoverTable()
    {
        foreach (var unit in units.TakeWhile(u => u is RowUnit).Cast<RowUnit>())
        {
            var filled = unit.Row.FilledCells;
            if (filled.Count >= 2 && PlanText.Key(filled[0].Text) is "title" or "report title" or "plan title" or "document title" or "name of plan")
            {
                return PlanText.OneLine(filled[1].Text);
            }
        }

        return null;
    }

    /// <summary>"September 2016 – September 2017": the first day of the first month and the last day of the last.</summary>
    private static (DateOnly Start, DateOnly End)? DateRangeOf(string text)
    {
        if (!IsOnlyDate(text))
        {
            return null;
        }

        var reading = DueDateReader.Read(text);
        if (reading.Parts.Count != 2 || reading.Parts[0].Date is not { } first || reading.Parts[1].Date is not { } last)
        {
            return null;
        }

        var start = reading.Parts[0].Precision switch
        {
            DuePrecision.Day => first,
            DuePrecision.Month => new DateOnly(first.Year, first.Month, 1),
            DuePrecision.Quarter => new DateOnly(first.Year, first.Month, 1).AddMonths(-2),
            _ => new DateOnly(first.Year, 1, 1),
        };
        return (start, last);
    }

    /// <summary>A line of dates and nothing else ("February 2016", "September 2016 – September 2017").</summary>
    private static bool IsOnlyDate(string text)
    {
        var reading = DueDateReader.Read(text);
        return reading.Date is not null && PlanText.Key(DateWords().Replace(text, " ")).Length == 0;
    }

    private InspectionSentence? ReadInspection()
    {
        foreach (var unit in units.OfType<ParagraphUnit>().Where(u => !consumed.Contains(u)))
        {
            if (IntroductionReader.Read(PlanText.OneLine(unit.Paragraph.Text)) is { } sentence)
            {
                consumed.Add(unit);
                return sentence;
            }
        }

        return null;
    }

    private InspectionDoc? InspectionDoc(InspectionSentence? sentence)
    {
        if (sentence is null && judgements is null)
        {
            return null;
        }

        return new InspectionDoc
        {
            Framework = sentence?.Framework,
            Start = sentence?.Start,
            End = sentence?.End,
            Published = sentence?.Published,
            Judgements = judgements,
        };
    }

    /// <summary>Judgements written as lines ("Overall effectiveness: Requires improvement"), when no table held them.</summary>
    private void ReadJudgementLines()
    {
        foreach (var run in Runs(u => JudgementReader.ReadLine(u.Paragraph.Text) is not null))
        {
            if (judgements is null && run.Count >= 2 && JudgementReader.TryReadLines(run.Select(u => u.Paragraph.Text)) is { } read)
            {
                judgements = read;
                run.ForEach(u => consumed.Add(u));
            }
        }
    }

    /// <summary>Legends written as lines ("Green = ..."); a line before them mentioning impact makes them the impact scale.</summary>
    private void ReadLegendLines()
    {
        foreach (var run in Runs(u => RagLegendReader.FromText(u.Paragraph.Text) is not null).Where(r => r.Count >= 2))
        {
            var before = units.IndexOf(run[0]) - 1;
            var caption = before >= 0 && units[before] is ParagraphUnit p ? p.Paragraph.Text : null;
            var scale = RagLegendReader.IsImpact(caption) ? legends.Impact : legends.Progress;
            scale.AddRange(run.Select(u => RagLegendReader.FromText(u.Paragraph.Text)!));
            run.ForEach(u => consumed.Add(u));
        }
    }

    private void ReadRecommendationParagraphs(int introductionEnd)
    {
        for (var i = 0; i < introductionEnd; i++)
        {
            if (units[i] is not ParagraphUnit || consumed.Contains(units[i]))
            {
                continue;
            }

            var used = recommendations!.TryReadParagraphs(units, i);
            used.ForEach(u => consumed.Add(u));
            i += Math.Max(0, used.Count - 1);
        }
    }

    /// <summary>Runs of consecutive unread paragraphs that each pass <paramref name="test"/>.</summary>
    private List<List<ParagraphUnit>> Runs(Func<ParagraphUnit, bool> test)
    {
        var runs = new List<List<ParagraphUnit>>();
        var current = new List<ParagraphUnit>();
        foreach (var unit in units)
        {
            if (unit is ParagraphUnit p && !consumed.Contains(p) && test(p))
            {
                current.Add(p);
                continue;
            }

            if (current.Count > 0)
            {
                runs.Add(current);
                current = [];
            }
        }

        if (current.Count > 0)
        {
            runs.Add(current);
        }

        return runs;
    }

    /// <summary>
    /// Which recommendation each area answers: by title (done while reading), by "(Ofsted recommendation 3)" in its title,
    /// or by number when the plan numbers its areas as the recommendation list does. Recommendations with no area become
    /// areas of their own when the numbering agrees (or the plan has no sections at all), else they are kept unplaced.
    /// </summary>
    private List<AreaBuilder> LinkRecommendations(PlanBodyReader body)
    {
        var list = recommendations!.Recommendations;
        var areas = body.Areas;
        foreach (var area in areas.Where(a => a.Recommendation is null))
        {
            if (PlanText.TrailingRemark(area.Title) is { } remark && OfstedNumber().Match(remark) is { Success: true } m
                && list.FirstOrDefault(r => !r.Used && r.Number == m.Groups["number"].Value) is { } named)
            {
                Link(area, named);
            }
        }

        var linked = areas.Where(a => a.Recommendation is not null).ToList();
        var aligned = linked.Count > 0 && linked.TrueForAll(a => a.Recommendation!.Number == a.Number);
        if (aligned)
        {
            foreach (var area in areas.Where(a => a.Recommendation is null))
            {
                if (list.FirstOrDefault(r => !r.Used && r.Number == area.Number) is { } byNumber)
                {
                    Link(area, byNumber);
                    area.Warnings.Add($"The title differs from recommendation {byNumber.Number}'s in the recommendation list ('{byNumber.Title}'); matched by number");
                }
            }
        }

        var result = new List<AreaBuilder>(areas);
        foreach (var recommendation in list.Where(r => !r.Used))
        {
            if (areas.Count == 0 || aligned)
            {
                var area = new AreaBuilder(recommendation.Number, recommendation.Title, recommendation.Theme) { Recommendation = recommendation };
                if (areas.Count > 0)
                {
                    area.Warnings.Add("No section of the plan was found for this recommendation; it has no actions");
                }

                InsertByNumber(result, area);
            }
            else
            {
                body.Unplaced.Add($"Recommendation {recommendation.Number}: {recommendation.Title}");
                problems.Add($"Recommendation {recommendation.Number} of the list in '{fileName}' matches no area of the plan; it is kept unplaced");
            }
        }

        return result;
    }

    private static void Link(AreaBuilder area, Recommendation recommendation)
    {
        area.Recommendation = recommendation;
        recommendation.Used = true;
    }

    private static void InsertByNumber(List<AreaBuilder> areas, AreaBuilder area)
    {
        var number = PlanText.LeadingInteger(area.Number) ?? int.MaxValue;
        var at = areas.FindIndex(a => (PlanText.LeadingInteger(a.Number) ?? int.MaxValue) > number);
        areas.Insert(at < 0 ? areas.Count : at, area);
    }

    /// <summary>The bodies named in the paragraphs of the "Governance" section.</summary>
    private List<string> Governance()
    {
        var start = units.FindIndex(u => u is ParagraphUnit p && PlanText.Key(p.Paragraph.Text) is "governance" or "governance arrangements" or "monitoring and governance");
        var bodies = new List<string>();
        for (var i = start + 1; start >= 0 && i < units.Count && units[i] is ParagraphUnit p && PlanText.WordCount(p.Paragraph.Text) > 8; i++)
        {
            bodies.AddRange(IntroductionReader.GoverningBodies(p.Paragraph.Text).Where(b => !bodies.Contains(b)));
        }

        return bodies;
    }

    private string? FindCouncil(bool required)
    {
        var name = units.OfType<ParagraphUnit>().Select(u => IntroductionReader.NamedCouncil(u.Paragraph.Text)).FirstOrDefault(n => n is not null);
        if (name is null && required)
        {
            problems.Add($"The council's name was not found in '{fileName}' (the introduction usually says \"The ... was inspected\"); enter it before importing");
        }

        return name;
    }

    private static List<T>? NullIfEmpty<T>(List<T> list) => list.Count > 0 ? list : null;

    [GeneratedRegex(@"\b(?:\d{1,4}(?:st|nd|rd|th)?|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|to|until)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DateWords();

    [GeneratedRegex(@"financial\s+quarter|Q1\s*[(=:\-\u2013]\s*Apr", RegexOptions.IgnoreCase)]
    private static partial Regex FinancialQuarters();

    [GeneratedRegex(@"recommendation\s+(?<number>\d+)", RegexOptions.IgnoreCase)]
    private static partial Regex OfstedNumber();
}
