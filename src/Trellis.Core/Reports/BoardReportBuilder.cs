using Microsoft.EntityFrameworkCore;
using Trellis.Core.Data;
using Trellis.Core.Dates;
using Trellis.Core.Indicators;
using Trellis.Core.Interchange;
using Trellis.Core.Plans;
using Trellis.Core.Rounds;

namespace Trellis.Core.Reports;

/// <summary>Builds the report model for a round from the plan as it is now (an open round, or the moment of closing).</summary>
public sealed class BoardReportBuilder(TrellisDbContext db, TimeProvider time)
{
    /// <summary>How many recent periods of each indicator a report shows.</summary>
    public const int RecentPeriods = 6;

    /// <exception cref="InvalidOperationException">The plan or the round (of that plan) does not exist.</exception>
    public async Task<BoardReport> BuildAsync(int planId, int roundId, CancellationToken cancellationToken)
    {
        var plan = await db.Plans.WholePlan().Include(p => p.ImprovementLog)
            .SingleOrDefaultAsync(p => p.Id == planId, cancellationToken)
            ?? throw new InvalidOperationException($"There is no plan {planId}.");
        var round = await db.Rounds.AsSplitQuery()
            .Include(r => r.ActionUpdates)
            .Include(r => r.Narratives)
            .Include(r => r.SelfAssessment)
            .SingleOrDefaultAsync(r => r.Id == roundId && r.PlanId == planId, cancellationToken)
            ?? throw new InvalidOperationException($"Plan {planId} has no round {roundId}.");

        var previous = (await db.Rounds.AsNoTracking()
                .Where(r => r.PlanId == planId && r.Id != roundId && r.Status == RoundStatus.Closed)
                .ToListAsync(cancellationToken))
            .Where(r => r.PeriodStart < round.PeriodStart || (r.PeriodStart == round.PeriodStart && r.OpenedAt < round.OpenedAt))
            .OrderByDescending(r => r.PeriodStart).ThenByDescending(r => r.OpenedAt).ThenByDescending(r => r.Id)
            .FirstOrDefault();

        var asAt = round.Status == RoundStatus.Closed && round.ClosedAt is { } closed ? UkClock.UkDate(closed) : time.Today();
        var report = Build(plan, round, asAt, previous?.Name);

        var previousReport = previous?.SnapshotJson is { Length: > 0 } json ? ReportJson.Deserialize(json) : null;
        var changes = RoundChanges.Compare(previousReport, report);
        var changed = changes.Where(c => c.ActionRef is not null).Select(c => (c.AreaNumber, c.ActionRef!)).ToHashSet();
        return report with
        {
            Changes = changes,
            Areas =
            [
                .. report.Areas.Select(a => a with
                {
                    Actions = [.. a.Actions.Select(x => changed.Contains((a.Number, x.Ref)) ? x with { Changed = true } : x)],
                }),
            ],
        };
    }

    private static BoardReport Build(Plan plan, Round round, DateOnly asAt, string? previousRoundName)
    {
        var progressScale = Scale(plan, RagScale.Progress);
        var impactScale = Scale(plan, RagScale.Impact);
        var updates = round.ActionUpdates.GroupBy(u => u.ActionId).ToDictionary(g => g.Key, g => g.OrderByDescending(u => u.UpdatedAt).First());

        var areas = plan.Areas.OrderBy(a => a.SortOrder).ThenBy(a => a.Id)
            .Select(a => BuildArea(plan, a, round, asAt, progressScale, updates))
            .ToList();

        var themes = plan.Themes.OrderBy(t => t.SortOrder).ThenBy(t => t.Id)
            .Select(t => new ReportTheme(t.Key, t.Title, RollUps.For(areas.Where(a => a.ThemeKey == t.Key).SelectMany(a => a.Actions), progressScale, asAt)))
            .ToList();

        return new BoardReport
        {
            CouncilName = plan.Organisation.Name,
            PlanTitle = plan.Title,
            PlanPeriodStart = plan.PeriodStart,
            PlanPeriodEnd = plan.PeriodEnd,
            Round = new ReportRound(round.Name, round.PeriodStart, round.PeriodEnd, asAt, round.Status == RoundStatus.Closed),
            PreviousRoundName = previousRoundName,
            Inspection = plan.Inspection is { } inspection
                ? new ReportInspection(
                    inspection.Framework,
                    inspection.Start,
                    inspection.End,
                    inspection.Published,
                    [.. inspection.Judgements.OrderBy(j => j.SortOrder).ThenBy(j => j.Id).Select(j => new ReportJudgement(j.Area, GradeWords(j)))])
                : null,
            Governance = [.. plan.Governance],
            ProgressScale = progressScale,
            ImpactScale = impactScale,
            KeyLeads =
            [
                .. plan.KeyLeads.OrderBy(k => k.SortOrder).ThenBy(k => k.PersonId)
                    .Select(k => new ReportKeyLead(k.Person.JobTitle ?? string.Empty, k.Person.Name ?? k.Person.DisplayName, k.Person.Initials)),
            ],
            Themes = themes,
            Areas = areas,
            Indicators = [.. plan.Indicators.OrderBy(i => i.SortOrder).ThenBy(i => i.Id).Select(i => BuildIndicator(i, asAt))],
            PlanRollUp = RollUps.For(areas.SelectMany(a => a.Actions), progressScale, asAt),
            Narratives =
            [
                .. round.Narratives.OrderBy(n => n.SortOrder).ThenBy(n => n.Id).Select(n => new ReportNarrative(n.Heading, n.Body)),
            ],
            ImprovementLog =
            [
                .. plan.ImprovementLog
                    .Where(e => e.WhenDate is null || e.WhenDate <= round.PeriodEnd)
                    .OrderBy(e => e.SortOrder).ThenBy(e => e.Id)
                    .Select(e => new ReportLogEntry(e.WhatWeHaveDone, e.Why, e.When)),
            ],
            SelfAssessment =
            [
                .. round.SelfAssessment.OrderBy(s => s.SortOrder).ThenBy(s => s.Id)
                    .Select(s => new ReportSelfAssessment(s.AreaForImprovement, s.WhatWeHaveDone, s.ImpactOnPractice)),
            ],
        };
    }

    private static List<ReportRating> Scale(Plan plan, RagScale scale) =>
    [
        .. plan.RagRatings.Where(r => r.Scale == scale).OrderBy(r => r.SortOrder).ThenBy(r => r.Id)
            .Select(r => new ReportRating(r.Code, r.Label, r.Meaning, r.Colour, r.IsComplete)),
    ];

    private static string GradeWords(Judgement judgement) =>
        judgement.GradeText is { Length: > 0 } text ? text
        : judgement.Grade is { } grade ? InterchangeWords.Grade.Word(grade)
        : string.Empty;

    private static ReportArea BuildArea(Plan plan, Area area, Round round, DateOnly asAt, List<ReportRating> progressScale, Dictionary<int, ActionUpdate> updates)
    {
        var actions = area.Actions.OrderBy(a => a.SortOrder).ThenBy(a => a.Id)
            .Select(a => BuildAction(plan, a, asAt, progressScale, updates.GetValueOrDefault(a.Id)))
            .ToList();
        var monitoring = area.Monitoring.FirstOrDefault(m => m.RoundId == round.Id)
            ?? area.Monitoring.Where(m => m.RoundId is null && string.Equals(m.Period, round.Name, StringComparison.Ordinal))
                .OrderByDescending(m => m.RecordedAt).FirstOrDefault();

        return new ReportArea
        {
            Number = area.Number,
            Title = area.Title,
            ThemeKey = area.Theme?.Key,
            Leads = Leads(area, LeadRole.Lead),
            SeniorLeads = Leads(area, LeadRole.SeniorLead),
            LinkedPlans = [.. area.LinkedPlans],
            Partners = [.. area.Partners],
            Outcomes = [.. area.Outcomes],
            MeasuresOfSuccess = [.. area.MeasuresOfSuccess],
            Actions = actions,
            ProgressRag = monitoring?.ProgressRag,
            ImpactRag = monitoring?.ImpactRag,
            Commentary = monitoring?.Commentary,
            FurtherActions = monitoring?.FurtherActions,
            IndicatorKeys =
            [
                .. plan.Indicators.Where(i => i.AreaNumbers.Contains(area.Number, StringComparer.Ordinal))
                    .OrderBy(i => i.SortOrder).ThenBy(i => i.Id).Select(i => i.Key),
            ],
            RollUp = RollUps.For(actions, progressScale, asAt),
        };
    }

    private static List<string> Leads(Area area, LeadRole role) =>
    [
        .. area.Leads.Where(l => l.Role == role).OrderBy(l => l.SortOrder).ThenBy(l => l.Id)
            .Select(l => l.Person is { } person ? person.Name ?? person.DisplayName : l.Text ?? string.Empty)
            .Where(s => s.Length > 0),
    ];

    private static ReportAction BuildAction(Plan plan, PlanAction action, DateOnly asAt, List<ReportRating> progressScale, ActionUpdate? update)
    {
        var status = update?.Status ?? action.Status;
        var due = action.Due.Date;
        return new ReportAction
        {
            Ref = action.Ref,
            Text = action.Text,
            DueText = action.Due.Text,
            DueDate = due,
            Owners =
            [
                .. action.Owners.OrderBy(o => o.SortOrder).ThenBy(o => o.Id)
                    .Select(o => o.Person is { } person ? person.Name ?? person.DisplayName : o.Text ?? string.Empty)
                    .Where(s => s.Length > 0),
            ],
            Status = status,
            RagCode = update is null ? action.RagCode : update.RagCode ?? action.RagCode,
            SuggestedRagCode = update?.SuggestedRagCode ?? RagSuggester.Suggest(status, due, asAt, plan.DueSoonDays, progressScale),
            RagReason = update?.RagReason,
            UpdateNote = update?.Note,
            IsOverdue = due is { } date && date < asAt && status is not (ActionStatus.Complete or ActionStatus.Dropped),
        };
    }

    private static ReportIndicator BuildIndicator(Indicator indicator, DateOnly asAt)
    {
        var values = indicator.Values.Where(v => v.PeriodStart <= asAt)
            .OrderBy(v => v.PeriodStart).ThenBy(v => v.Id)
            .ToList();
        var facts = IndicatorFacts.Of(indicator);
        var judgement = IndicatorEvaluator.Evaluate(facts, values.Select(PeriodValue.Of));
        var shown = values.TakeLast(RecentPeriods).ToList();
        return new ReportIndicator
        {
            Key = indicator.Key,
            Name = indicator.Name,
            Unit = indicator.Unit,
            Polarity = judgement.Target?.Polarity ?? indicator.Polarity,
            TargetText = judgement.Target?.Text is { Length: > 0 } text ? text : indicator.TargetText,
            TargetMin = judgement.Target?.Min,
            TargetMax = judgement.Target?.Max,
            Values = [.. shown.Select(v => new ReportValue(v.Period, IndicatorEvaluator.Display(v.Value, v.Text, indicator.Unit), v.Value) { Start = v.PeriodStart })],
            TargetSpans = TargetSpans(facts, [.. shown.Select(v => v.PeriodStart)]),
            Comparators =
            [
                .. indicator.Comparators.OrderBy(c => c.PeriodStart ?? DateOnly.MinValue).ThenBy(c => c.Id)
                    .Select(c => new ReportComparator(c.Name, c.Period, IndicatorEvaluator.Display(c.Value, null, indicator.Unit), c.Value) { Start = c.PeriodStart }),
            ],
            Rag = judgement.Rag,
            RagWords = judgement.RagWords,
            Assessment = judgement.Summary is { Length: > 0 } summary ? summary : null,
            AreaNumbers = [.. indicator.AreaNumbers],
        };
    }

    /// <summary>The target each shown period is judged by, runs of the same target joined into one span.</summary>
    private static List<ReportTargetSpan> TargetSpans(IndicatorFacts facts, List<DateOnly> starts)
    {
        var spans = new List<ReportTargetSpan>();
        foreach (var start in starts)
        {
            if (IndicatorEvaluator.TargetFor(facts, start) is not { HasBounds: true } target)
            {
                continue;
            }

            if (spans.Count > 0 && spans[^1] is var last && last.Min == target.Min && last.Max == target.Max
                && string.Equals(last.Text, target.Text, StringComparison.Ordinal) && starts.IndexOf(last.To) == starts.IndexOf(start) - 1)
            {
                spans[^1] = last with { To = start };
            }
            else
            {
                spans.Add(new ReportTargetSpan(start, start, target.Min, target.Max, target.Text));
            }
        }

        return spans;
    }
}
