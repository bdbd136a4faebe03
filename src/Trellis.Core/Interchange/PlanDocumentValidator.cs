using System.Globalization;
using Trellis.Core.Dates;
using Trellis.Core.Indicators;
using Trellis.Core.Monitoring;
using Trellis.Core.People;
using Trellis.Core.Plans;

namespace Trellis.Core.Interchange;

/// <summary>
/// The rules of the format that its shape alone cannot say: references between parts of the document (people,
/// themes, areas), the words allowed for statuses and units, dates that agree with their precision, values the
/// database must keep unique, and the lengths the database can hold. Every importer's document passes through
/// here, whatever format it came from, so a problem is found before anything is stored.
/// </summary>
public static class PlanDocumentValidator
{
    public static List<InterchangeProblem> Validate(PlanDocument document)
    {
        var checker = new Checker(document);
        checker.Run();
        return checker.Problems;
    }

    private sealed class Checker(PlanDocument document)
    {
        private readonly HashSet<string> _personIds = new(StringComparer.Ordinal);
        private readonly HashSet<string> _themeKeys = new(StringComparer.Ordinal);
        private readonly HashSet<string> _areaNumbers = new(StringComparer.Ordinal);
        private List<string> _progressCodes = [];
        private List<string> _impactCodes = [];

        public List<InterchangeProblem> Problems { get; } = [];

        public void Run()
        {
            CheckFormat();
            NotBlank(document.Organisation.Name, "$.organisation.name");
            Fits(document.Organisation.Name, Organisation.NameMaxLength, "$.organisation.name");
            CheckPlan(document.Plan);
            if (document.Inspection is { } inspection)
            {
                CheckInspection(inspection);
            }

            ForEach(document.People, "$.people", CheckPerson);
            ForEach(document.Themes, "$.themes", CheckTheme);

            // Indicators refer to areas by number, so every number is known before any indicator is checked.
            _areaNumbers.UnionWith(document.Areas.Select(a => a.Number.Trim()));
            ForEach(document.Areas, "$.areas", CheckArea);
            CheckIndicators();
        }

        private void CheckFormat()
        {
            if (document.Format != PlanDocument.FormatName)
            {
                Report("$.format", $"'{document.Format}' is not a format Trellis reads; a plan document says '{PlanDocument.FormatName}'");
            }

            if (document.Version < 1)
            {
                Report("$.version", $"version {document.Version} does not exist; versions start at 1");
            }
            else if (document.Version > PlanDocument.CurrentVersion)
            {
                Report("$.version", $"version {document.Version} is newer than this Trellis reads (up to version {PlanDocument.CurrentVersion}); update Trellis to import it");
            }
        }

        private void CheckPlan(PlanDoc plan)
        {
            NotBlank(plan.Title, "$.plan.title");
            Fits(plan.Title, Plan.TitleMaxLength, "$.plan.title");
            Word(plan.Status, InterchangeWords.PlanStatus, "$.plan.status");
            Word(plan.MonitoringCadence, InterchangeWords.Cadence, "$.plan.monitoringCadence");
            InOrder(plan.PeriodStart, plan.PeriodEnd, "$.plan.periodEnd", "periodStart");
            _progressCodes = CheckScale(plan.RagScales?.Progress, RagScale.Progress, "$.plan.ragScales.progress");
            _impactCodes = CheckScale(plan.RagScales?.Impact, RagScale.Impact, "$.plan.ragScales.impact");
        }

        /// <summary>Checks a scale and returns its codes: the document's own, or the default scale's when it has none.</summary>
        private List<string> CheckScale(List<RagRatingDoc>? ratings, RagScale scale, string path)
        {
            if (ratings is null)
            {
                return [.. RagRating.DefaultScale(scale).Select(r => r.Code)];
            }

            var codes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            ForEach(ratings, path, (rating, at) =>
            {
                var code = rating.Code.Trim();
                NotBlank(code, at + ".code");
                Fits(code, RagRating.CodeMaxLength, at + ".code");
                if (code.Length > 0 && !codes.Add(code))
                {
                    Report(at + ".code", $"the code '{code}' is used by another rating on this scale");
                }

                Fits(rating.Label, RagRating.LabelMaxLength, at + ".label");
                Fits(rating.Meaning, RagRating.MeaningMaxLength, at + ".meaning");
            });
            return [.. ratings.Select(r => r.Code.Trim())];
        }

        private void CheckInspection(InspectionDoc inspection)
        {
            Fits(inspection.Framework, Inspection.FrameworkMaxLength, "$.inspection.framework");
            InOrder(inspection.Start, inspection.End, "$.inspection.end", "start");
            ForEach(inspection.Judgements, "$.inspection.judgements", (judgement, at) =>
            {
                Fits(judgement.Area, Judgement.AreaMaxLength, at + ".area");
                Fits(judgement.Grade, Judgement.GradeTextMaxLength, at + ".grade");
            });
        }

        private void CheckPerson(PersonDoc person, string path)
        {
            var id = person.Id.Trim();
            NotBlank(id, path + ".id");
            if (id.Length > 0 && !_personIds.Add(id))
            {
                Report(path + ".id", $"the id '{id}' is used by another person");
            }

            if (IsBlank(person.Initials) && IsBlank(person.Name) && IsBlank(person.JobTitle))
            {
                Report(path, "a person needs initials, a name or a job title");
            }

            Fits(person.Initials, Person.InitialsMaxLength, path + ".initials");
            Fits(person.Name, Person.NameMaxLength, path + ".name");
            Fits(person.JobTitle, Person.JobTitleMaxLength, path + ".jobTitle");
            Fits(person.Agency, Person.AgencyMaxLength, path + ".agency");
        }

        private void CheckTheme(ThemeDoc theme, string path)
        {
            var key = theme.Key.Trim();
            NotBlank(key, path + ".key");
            if (key.Length > 0 && !_themeKeys.Add(key))
            {
                Report(path + ".key", $"the key '{key}' is used by another theme");
            }

            Fits(key, Theme.KeyMaxLength, path + ".key");
            Fits(theme.Title, Theme.TitleMaxLength, path + ".title");
        }

        private void CheckArea(AreaDoc area, string path)
        {
            Fits(area.Number, Area.NumberMaxLength, path + ".number");
            if (area.Theme is { } theme && !_themeKeys.Contains(theme.Trim()))
            {
                Report(path + ".theme", $"no theme has the key '{theme}'{Known(_themeKeys, "themes")}");
            }

            Fits(area.Title, Area.TitleMaxLength, path + ".title");
            if (area.Source is { } source)
            {
                Word(source.Kind, InterchangeWords.SourceKind, path + ".source.kind");
                Fits(source.Reference, Area.SourceReferenceMaxLength, path + ".source.reference");
            }

            ForEach(area.Leads, path + ".leads", CheckOwner);
            ForEach(area.SeniorLeads, path + ".seniorLeads", CheckOwner);
            Code(area.Rag, _progressCodes, "progress", path + ".rag");
            ForEach(area.Actions, path + ".actions", CheckAction);

            var periods = new HashSet<string>(StringComparer.Ordinal);
            ForEach(area.Monitoring, path + ".monitoring", (entry, at) => CheckMonitoring(entry, at, periods));
        }

        private void CheckOwner(OwnerDoc owner, string path)
        {
            if ((owner.Person is null) == (owner.Text is null))
            {
                Report(path, "an owner is either { \"person\": id } or { \"text\": \"as written\" }, not both or neither");
            }

            if (owner.Person is { } id && !_personIds.Contains(id.Trim()))
            {
                Report(path + ".person", $"no person has the id '{id}'{Known(_personIds, "people")}");
            }

            Fits(owner.Text, ActionOwner.TextMaxLength, path + ".text");
        }

        private void CheckAction(ActionDoc action, string path)
        {
            Fits(action.Ref, PlanAction.RefMaxLength, path + ".ref");
            Fits(action.Text, PlanAction.TextMaxLength, path + ".text");
            ForEach(action.Owners, path + ".owners", CheckOwner);
            CheckDue(action.Due, path + ".due");
            ForEach(action.Milestones, path + ".milestones", (milestone, at) =>
            {
                Fits(milestone.Text, Milestone.TextMaxLength, at + ".text");
                CheckDue(milestone.Due, at + ".due");
                Word(milestone.Status, InterchangeWords.ActionStatus, at + ".status");
            });
            Word(action.Status, InterchangeWords.ActionStatus, path + ".status");
            Code(action.Rag, _progressCodes, "progress", path + ".rag");
            Fits(action.Comments, PlanAction.CommentsMaxLength, path + ".comments");
        }

        /// <summary>A typed date says how far the text can be trusted, so it must agree with the precision.</summary>
        private void CheckDue(DueDoc? due, string path)
        {
            if (due is null)
            {
                return;
            }

            Fits(due.Text, Due.TextMaxLength, path + ".text");
            if (due.Precision is null)
            {
                // Without a precision the importer reads the text; a date on its own would be ignored, so say so.
                if (due.Date is not null)
                {
                    Report(path + ".precision", "a due date with a 'date' needs its 'precision' too");
                }

                return;
            }

            if (!InterchangeWords.Precision.TryRead(due.Precision, out var precision))
            {
                Word(due.Precision, InterchangeWords.Precision, path + ".precision");
                return;
            }

            var dated = precision is DuePrecision.Day or DuePrecision.Month or DuePrecision.Quarter or DuePrecision.Year;
            if (dated && due.Date is null)
            {
                Report(path + ".date", $"a due date of precision '{due.Precision}' needs a 'date' (the last day it allows)");
            }
            else if (!dated && due.Date is not null)
            {
                Report(path + ".date", $"a due date of precision '{due.Precision}' has no 'date'");
            }
        }

        private void CheckMonitoring(MonitoringDoc entry, string path, HashSet<string> periods)
        {
            var period = entry.Period.Trim();
            NotBlank(period, path + ".period");
            Fits(period, MonitoringEntry.PeriodMaxLength, path + ".period");
            if (period.Length > 0 && !periods.Add(period))
            {
                Report(path + ".period", $"the area already has monitoring for '{period}'");
            }

            Code(entry.ProgressRag, _progressCodes, "progress", path + ".progressRag");
            Code(entry.ImpactRag, _impactCodes, "impact", path + ".impactRag");
            Fits(entry.Commentary, MonitoringEntry.TextMaxLength, path + ".commentary");
            Fits(entry.FurtherActions, MonitoringEntry.TextMaxLength, path + ".furtherActions");
        }

        private void CheckIndicators()
        {
            var ids = new HashSet<string>(StringComparer.Ordinal);
            ForEach(document.Indicators, "$.indicators", (indicator, path) =>
            {
                var id = indicator.Id.Trim();
                NotBlank(id, path + ".id");
                if (id.Length > 0 && !ids.Add(id))
                {
                    Report(path + ".id", $"the id '{id}' is used by another indicator");
                }

                Fits(id, Indicator.KeyMaxLength, path + ".id");
                Fits(indicator.Name, Indicator.NameMaxLength, path + ".name");
                Word(indicator.Unit, InterchangeWords.Unit, path + ".unit");
                Word(indicator.Polarity, InterchangeWords.Polarity, path + ".polarity");
                Word(indicator.Frequency, InterchangeWords.Frequency, path + ".frequency");
                Word(indicator.YearBasis, InterchangeWords.YearBasis, path + ".yearBasis");
                Fits(indicator.Source, Indicator.SourceMaxLength, path + ".source");
                if (indicator.Owner is { } owner && !_personIds.Contains(owner.Trim()))
                {
                    Report(path + ".owner", $"no person has the id '{owner}'{Known(_personIds, "people")}");
                }

                if (indicator.Target is { } target)
                {
                    Fits(target.Text, Indicator.TargetTextMaxLength, path + ".target.text");
                    if (target.Min > target.Max)
                    {
                        Report(path + ".target.max", "the target's max is below its min");
                    }
                }

                ForEach(indicator.Targets, path + ".targets", CheckDatedTarget);
                if (indicator.Tolerance is { } tolerance)
                {
                    Word(tolerance.Kind, InterchangeWords.ToleranceKind, path + ".tolerance.kind");
                    if (tolerance.Value < 0)
                    {
                        Report(path + ".tolerance.value", $"a tolerance cannot be negative; {tolerance.Value.ToString(CultureInfo.InvariantCulture)} is below 0");
                    }
                }

                ForEach(indicator.Areas, path + ".areas", (number, at) =>
                {
                    if (!_areaNumbers.Contains(number.Trim()))
                    {
                        Report(at, $"no area has the number '{number}'{Known(_areaNumbers, "areas")}");
                    }
                });

                var periods = new HashSet<string>(StringComparer.Ordinal);
                ForEach(indicator.Values, path + ".values", (value, at) => CheckValue(value, at, periods));
                ForEach(indicator.Comparators, path + ".comparators", (comparator, at) =>
                {
                    Fits(comparator.Name, Comparator.NameMaxLength, at + ".name");
                    Fits(comparator.Period, Comparator.PeriodMaxLength, at + ".period");
                    Fits(comparator.Source, Comparator.SourceMaxLength, at + ".source");
                });
            });
        }

        private void CheckDatedTarget(DatedTargetDoc target, string path)
        {
            NotBlank(target.Text, path + ".text");
            Fits(target.Text, Indicator.TargetTextMaxLength, path + ".text");
            if (target.Min > target.Max)
            {
                Report(path + ".max", "the target's max is below its min");
            }

            InOrder(target.From, target.To, path + ".to", "from");
        }

        private void CheckValue(IndicatorValueDoc value, string path, HashSet<string> periods)
        {
            if (!Period.TryParse(value.Period, out var period))
            {
                Report(path + ".period", PeriodProblem(value.Period));
            }
            else if (!periods.Add(period.Text))
            {
                Report(path + ".period", $"the indicator already has a value for '{period.Text}'");
            }

            Fits(value.Text, IndicatorValue.TextMaxLength, path + ".text");
            Fits(value.Note, IndicatorValue.NoteMaxLength, path + ".note");
            Fits(value.Source, IndicatorValue.SourceMaxLength, path + ".source");

            var parts = new HashSet<(string, string)>();
            ForEach(value.Breakdowns, path + ".breakdowns", (breakdown, at) =>
            {
                var (dimension, category) = (breakdown.Dimension.Trim(), breakdown.Category.Trim());
                NotBlank(dimension, at + ".dimension");
                Fits(dimension, IndicatorBreakdown.DimensionMaxLength, at + ".dimension");
                NotBlank(category, at + ".category");
                Fits(category, IndicatorBreakdown.CategoryMaxLength, at + ".category");
                Fits(breakdown.Text, IndicatorValue.TextMaxLength, at + ".text");
                if (dimension.Length > 0 && category.Length > 0 && !parts.Add((dimension, category)))
                {
                    Report(at + ".category", $"the value already has a breakdown for {dimension} '{category}'");
                }
            });
            ForEach(value.History, path + ".history", (revision, at) =>
            {
                Fits(revision.Text, IndicatorValue.TextMaxLength, at + ".text");
                Fits(revision.Note, IndicatorValue.NoteMaxLength, at + ".note");
                Fits(revision.Source, IndicatorValue.SourceMaxLength, at + ".source");
                Fits(revision.ReplacedBy, IndicatorValue.SourceMaxLength, at + ".replacedBy");
            });
        }

        private void Word<TEnum>(string? word, WordMap<TEnum> words, string path)
            where TEnum : struct, Enum
        {
            if (word is not null && !words.TryRead(word, out _))
            {
                Report(path, $"'{word}' is not one of {words.Describe()}");
            }
        }

        private void Code(string? code, List<string> codes, string scale, string path)
        {
            if (code is not null && !codes.Contains(code.Trim(), StringComparer.Ordinal))
            {
                var allowed = codes.Count == 0 ? "it has no ratings" : $"its codes are {string.Join(", ", codes)}";
                Report(path, $"'{code}' is not a rating on the plan's {scale} scale; {allowed}");
            }
        }

        private void InOrder(DateOnly? start, DateOnly? end, string path, string startName)
        {
            if (start > end)
            {
                Report(path, $"ends before its {startName} ({start:yyyy-MM-dd})");
            }
        }

        private void NotBlank(string text, string path)
        {
            if (IsBlank(text))
            {
                Report(path, "cannot be empty");
            }
        }

        /// <summary>Text is stored trimmed, so that is the length that must fit.</summary>
        private void Fits(string? text, int maxLength, string path)
        {
            var length = text?.Trim().Length ?? 0;
            if (length > maxLength)
            {
                Report(path, $"is {length} characters long; Trellis keeps at most {maxLength}");
            }
        }

        private static void ForEach<T>(List<T>? items, string path, Action<T, string> check)
        {
            for (var i = 0; i < (items?.Count ?? 0); i++)
            {
                check(items![i], string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]"));
            }
        }

        private void Report(string path, string message) => Problems.Add(new InterchangeProblem(path, message));

        private static bool IsBlank(string? text) => string.IsNullOrWhiteSpace(text);

        /// <summary>" (the themes are A, B)": what the author could have meant, when the list is short enough to help.</summary>
        private static string Known(HashSet<string> known, string what) => known.Count switch
        {
            0 => $"; the document has no {what}",
            <= 12 => $"; the {what} are {string.Join(", ", known)}",
            _ => string.Empty,
        };
    }

    /// <summary>Peculiar to an interchange period: the program that wrote it should have written one of these forms.</summary>
    internal static string PeriodProblem(string text) =>
        $"'{text}' is not a period; write 2019-01 (a month), 2019-Q3 (a calendar quarter), 2019/20 Q3 (a financial quarter), 2019/20 (a financial year) or 2019 (a year)";
}
