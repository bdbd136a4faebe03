using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using Trellis.Core.Data;
using Trellis.Core.Interchange;
using Trellis.Core.Monitoring;
using Trellis.Core.Plans;
using Trellis.Testing;

namespace Trellis.Core.Tests.Interchange;

/// <summary>Importing a newer version of a plan into the plan Trellis holds, on each real database engine.</summary>
public class PlanUpdaterTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero));
    private static readonly HashSet<string> TrellisWins = [];

    /// <summary>The plan as the council first sent it.</summary>
    private static PlanDocument Version1() => new()
    {
        Organisation = new OrganisationDoc { Name = "Riverside Borough Council" },
        Plan = new PlanDoc { Title = "Improvement plan 2026" },
        People =
        [
            new PersonDoc { Id = "p1", Initials = "SK", Name = "Sam Kaur" },
            new PersonDoc { Id = "p2", Initials = "JS", Name = "Jo Stirling" },
        ],
        Areas =
        [
            new AreaDoc
            {
                Number = "1",
                Title = "Strengthen the front door",
                Leads = [new OwnerDoc { Person = "p1" }],
                Actions =
                [
                    new ActionDoc { Ref = "1.1", Text = "Review the duty team", Owners = [new OwnerDoc { Person = "p2" }], Due = new DueDoc { Text = "March 2027" }, Status = "not-started", Rag = "A" },
                    new ActionDoc { Ref = "1.2", Text = "Audit contacts and referrals", Due = new DueDoc { Text = "Q3 2026/27" } },
                    new ActionDoc { Ref = "3", Text = "Train the MASH staff in thresholds" },
                    new ActionDoc { Ref = "3", Text = "Publish the threshold document for partners" },
                ],
                Monitoring = [new MonitoringDoc { Period = "2026/27 Q1", ProgressRag = "A", Commentary = "Started" }],
            },
            new AreaDoc
            {
                Number = "2",
                Title = "Improve the quality of assessments",
                Actions = [new ActionDoc { Ref = "2.1", Text = "Introduce a practice standard" }],
            },
        ],
        Indicators = [new IndicatorDoc { Id = "k1", Name = "Re-referrals within 12 months", Values = [new IndicatorValueDoc { Period = "2026-04", Value = 22 }] }],
    };

    private static ActionDoc ActionOf(PlanDocument document, int area, int action) => document.Areas[area].Actions![action];

    private static void SetAction(PlanDocument document, int area, int action, Func<ActionDoc, ActionDoc> change) =>
        document.Areas[area].Actions![action] = change(document.Areas[area].Actions![action]);

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Import_RemembersTheDocumentAsTheFirstImport(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (_, planId) = await ImportVersion1Async(database);

        await using var db = database.CreateContext();
        var record = await db.PlanImportRecords.SingleAsync();
        Assert.Equal((planId, "plan-v1.json", Clock.GetUtcNow()), (record.PlanId, record.SourceName, record.ImportedAt));
        Assert.Equal(PlanJson.Write(Version1()), record.DocumentJson);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Preview_MatchesAreasAndActions_AndListsWhatIsNewAndWhatOnlyTrellisHas(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (organisationId, planId) = await ImportVersion1Async(database);
        var file = Version1();
        file.Areas[0] = file.Areas[0] with { Title = "Strengthen the front door and MASH" };     // renamed: matched by number
        SetAction(file, 0, 1, a => a with { Text = "Audit contacts, referrals and re-referrals" }); // edited: matched by ref
        file.Areas[0].Actions!.Insert(2, new ActionDoc { Ref = "1.3", Text = "Recruit two permanent team managers" });
        file.Areas.RemoveAt(1);
        file.Areas.Add(new AreaDoc { Number = "3", Title = "Care leavers' accommodation", Actions = [new ActionDoc { Ref = "3.1", Text = "Commission supported lodgings" }] });

        var preview = await PreviewAsync(database, organisationId, planId, file);

        Assert.Empty(preview.Problems);
        Assert.True(preview.HasBaseline);
        Assert.Equal("plan-v1.json", preview.LastImportedFrom);
        Assert.Equal(
            [(MatchKind.Matched, "1", "by number 1"), (MatchKind.OnlyInTrellis, "2", ""), (MatchKind.New, "3", "")],
            preview.Areas.Select(a => (a.Kind, a.Number, a.How)));
        Assert.Equal(
            [
                (MatchKind.Matched, "1.1", "by ref 1.1 and text"), (MatchKind.Matched, "1.2", "by ref 1.2"), (MatchKind.New, "1.3", ""),
                (MatchKind.Matched, "3", "by ref 3 and text"), (MatchKind.Matched, "3", "by ref 3 and text"),
            ],
            preview.Areas[0].Actions.Select(a => (a.Kind, a.Ref, a.How)));
        Assert.Equal([MatchKind.OnlyInTrellis], preview.Areas[1].Actions.Select(a => a.Kind));

        // Trellis has not changed anything since the import, so the file's edits are changes, not conflicts.
        Assert.Empty(preview.Conflicts);
        Assert.Equal(["Area 1 › Title", "Area 1 › action 1.2 › Text"], preview.Changes.Select(c => $"{c.Place} › {c.Field}"));
        Assert.Equal(("Audit contacts and referrals", "Audit contacts, referrals and re-referrals"), (preview.Changes[1].Trellis, preview.Changes[1].File));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Apply_AddsNewAreasAndActions_KeepsThoseOnlyInTrellis_AndPlacesNewActionsWhereTheFileHasThem(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (organisationId, planId) = await ImportVersion1Async(database);
        var file = Version1();
        file.Areas[0].Actions!.Insert(2, new ActionDoc { Ref = "1.3", Text = "Recruit two permanent team managers", Owners = [new OwnerDoc { Person = "p1" }] });
        file.Areas.RemoveAt(1);
        file.Areas.Add(new AreaDoc { Number = "3", Title = "Care leavers' accommodation", Actions = [new ActionDoc { Ref = "3.1", Text = "Commission supported lodgings" }] });

        var result = await ApplyAsync(database, organisationId, planId, file);

        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        Assert.Equal((1, 2, 0, 0), (result.AreasAdded, result.ActionsAdded, result.ActionsUpdated, result.ChangesApplied));
        var document = await ExportAsync(database, organisationId, planId);
        Assert.Equal(["1", "2", "3"], document.Areas.Select(a => a.Number));
        Assert.Equal(["1.1", "1.2", "1.3", "3", "3"], document.Areas[0].Actions!.Select(a => a.Ref));
        Assert.Equal("p1", Assert.Single(document.Areas[0].Actions![2].Owners!).Person);

        // Nobody was duplicated: the owner is the person the plan already had.
        await using var db = database.CreateContext();
        Assert.Equal(2, await db.People.CountAsync());
        Assert.Equal(2, await db.PlanImportRecords.CountAsync(r => r.PlanId == planId));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task RepeatedRefs_AreTold_ApartByTheirText_WhicheverOrderTheFileHasThem(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (organisationId, planId) = await ImportVersion1Async(database);
        var ids = await ActionIdsAsync(database, planId);
        var file = Version1();
        var actions = file.Areas[0].Actions!;
        (actions[2], actions[3]) = (
            actions[3] with { Text = "Publish the threshold document for all partners", Rag = "G" },
            actions[2] with { Text = "Train all MASH staff in the thresholds", Rag = "R" });

        var preview = await PreviewAsync(database, organisationId, planId, file);
        var result = await ApplyAsync(database, organisationId, planId, file);

        Assert.True(result.Succeeded);
        var matches = preview.Areas[0].Actions.Where(a => a.Ref == "3").ToList();
        // Listed in Trellis's order, which the file's swap does not change.
        Assert.Equal([ids["Train the MASH staff in thresholds"], ids["Publish the threshold document for partners"]], matches.Select(m => m.ActionId!.Value));
        Assert.All(matches, m => Assert.StartsWith("by ref 3 and similar text (", m.How, StringComparison.Ordinal));
        await using var db = database.CreateContext();
        var publish = await db.Actions.SingleAsync(a => a.Id == ids["Publish the threshold document for partners"]);
        var train = await db.Actions.SingleAsync(a => a.Id == ids["Train the MASH staff in thresholds"]);
        Assert.Equal(("G", "R", "Train all MASH staff in the thresholds"), (publish.RagCode, train.RagCode, train.Text));
        Assert.Equal("Publish the threshold document for all partners", publish.Text);
        Assert.Equal(4, await db.Actions.CountAsync(a => a.Area.Number == "1"));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task FileOnlyChange_IsApplied_TrellisOnlyChange_IsKept_AndChangedActionsGetANewVersion(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (organisationId, planId) = await ImportVersion1Async(database);
        var ids = await ActionIdsAsync(database, planId);
        await ChangeActionInTrellisAsync(database, ids["Review the duty team"], a => a.Comments = "Waiting for the new structure");
        var versions = await VersionsAsync(database, planId);
        var file = Version1();
        SetAction(file, 0, 0, a => a with { Due = new DueDoc { Text = "June 2027" } });
        SetAction(file, 0, 1, a => a with { Status = "in-progress" });

        var preview = await PreviewAsync(database, organisationId, planId, file);
        var result = await ApplyAsync(database, organisationId, planId, file);

        Assert.Empty(preview.Conflicts);
        Assert.Equal(
            [("Area 1 › action 1.1", "Due date", "March 2027 (by 31 March 2027)", "June 2027 (by 30 June 2027)"), ("Area 1 › action 1.2", "Status", null, "in-progress")],
            preview.Changes.Select(c => (c.Place, c.Field, c.Trellis, c.File)));
        Assert.Equal((2, 2, 1, 0), (result.ChangesApplied, result.ActionsUpdated, result.AreasUpdated, result.ConflictsKeptTrellis));
        await using var db = database.CreateContext();
        var review = await db.Actions.SingleAsync(a => a.Id == ids["Review the duty team"]);
        Assert.Equal(("June 2027", new DateOnly(2027, 6, 30), "Waiting for the new structure"), (review.Due.Text, review.Due.Date, review.Comments));
        Assert.Equal(ActionStatus.InProgress, (await db.Actions.SingleAsync(a => a.Id == ids["Audit contacts and referrals"])).Status);
        var after = await VersionsAsync(database, planId);
        Assert.NotEqual(versions[ids["Review the duty team"]], after[ids["Review the duty team"]]);
        Assert.NotEqual(versions[ids["Audit contacts and referrals"]], after[ids["Audit contacts and referrals"]]);
        Assert.Equal(versions[ids["Introduce a practice standard"]], after[ids["Introduce a practice standard"]]);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Conflict_KeepsTrellis_UnlessTheUserTakesTheFile(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (organisationId, planId) = await ImportVersion1Async(database);
        var ids = await ActionIdsAsync(database, planId);
        await ChangeActionInTrellisAsync(database, ids["Review the duty team"], a => a.RagCode = "R");
        await ChangeActionInTrellisAsync(database, ids["Audit contacts and referrals"], a => a.Text = "Audit every contact");
        var file = Version1();
        SetAction(file, 0, 0, a => a with { Rag = "G" });
        SetAction(file, 0, 1, a => a with { Text = "Audit contacts and referrals monthly" });

        var preview = await PreviewAsync(database, organisationId, planId, file);

        Assert.Empty(preview.Changes);
        Assert.Equal(
            [
                ($"action-{ids["Review the duty team"]}.rag", "RAG rating", "A", "R", "G"),
                ($"action-{ids["Audit contacts and referrals"]}.text", "Text", "Audit contacts and referrals", "Audit every contact", "Audit contacts and referrals monthly"),
            ],
            preview.Conflicts.Select(c => (c.Key, c.Field, c.Base, c.Trellis, c.File)));

        var takeText = new HashSet<string> { preview.Conflicts[1].Key };
        var result = await ApplyAsync(database, organisationId, planId, file, takeText);

        Assert.Equal((1, 1, 1), (result.ConflictsKeptTrellis, result.ConflictsTookFile, result.ActionsUpdated));
        await using var db = database.CreateContext();
        Assert.Equal("R", (await db.Actions.SingleAsync(a => a.Id == ids["Review the duty team"])).RagCode);
        Assert.Equal("Audit contacts and referrals monthly", (await db.Actions.SingleAsync(a => a.Id == ids["Audit contacts and referrals"])).Text);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task SomeoneEditingAnActionTheImportChanged_IsToldItChanged(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (organisationId, planId) = await ImportVersion1Async(database);
        var ids = await ActionIdsAsync(database, planId);
        var openedAt = (await VersionsAsync(database, planId))[ids["Review the duty team"]];
        var file = Version1();
        SetAction(file, 0, 0, a => a with { Comments = "From the board" });

        await ApplyAsync(database, organisationId, planId, file);

        await using var db = database.CreateContext();
        var saved = await new PlanService(db).UpdateActionAsync(organisationId, ids["Review the duty team"], openedAt, new ActionInput("1.1", "Review the duty team", "March 2027", null, null, "R", "Mine"));
        Assert.Equal(SaveResult.Conflict, saved);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ActionChangedBeyondRecognitionOnBothSides_IsStillPairedThroughTheLastImport(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (organisationId, planId) = await ImportVersion1Async(database);
        var ids = await ActionIdsAsync(database, planId);
        await ChangeActionInTrellisAsync(database, ids["Audit contacts and referrals"], a => a.Text = "Run a monthly dip sample of the front door");
        var file = Version1();
        SetAction(file, 0, 1, a => a with { Ref = "1.4" });

        var preview = await PreviewAsync(database, organisationId, planId, file);

        var match = preview.Areas[0].Actions[1];
        Assert.Equal((MatchKind.Matched, ids["Audit contacts and referrals"]), (match.Kind, match.ActionId!.Value));
        Assert.StartsWith("through the last import: by text", match.How, StringComparison.Ordinal);
        Assert.DoesNotContain(preview.Areas[0].Actions, a => a.Kind == MatchKind.New);

        // The file renumbered it and Trellis reworded it: both are kept, and neither is a conflict.
        Assert.Empty(preview.Conflicts);
        Assert.Equal([("Ref", "1.2", "1.4")], preview.Changes.Select(c => (c.Field, c.Trellis, c.File)));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task FileWithOtherRatings_IsWarnedAbout(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (organisationId, planId) = await ImportVersion1Async(database);
        var file = Version1() with
        {
            Plan = new PlanDoc
            {
                Title = "Improvement plan 2026",
                RagScales = new RagScalesDoc { Progress = [new RagRatingDoc { Code = "R", Label = "Red" }, new RagRatingDoc { Code = "A", Label = "Amber" }, new RagRatingDoc { Code = "G", Label = "Green" }] },
            },
        };

        var preview = await PreviewAsync(database, organisationId, planId, file);

        Assert.Empty(preview.Problems);
        Assert.StartsWith("The file's progress ratings (R, A, G) differ from the plan's (R, A, G, B)", Assert.Single(preview.Warnings), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task BothChangedToTheSameValue_IsNeitherAChangeNorAConflict(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (organisationId, planId) = await ImportVersion1Async(database);
        var ids = await ActionIdsAsync(database, planId);
        await ChangeActionInTrellisAsync(database, ids["Review the duty team"], a => a.RagCode = "G");
        var file = Version1();
        SetAction(file, 0, 0, a => a with { Rag = "G" });

        var preview = await PreviewAsync(database, organisationId, planId, file);

        Assert.Empty(preview.Changes);
        Assert.Empty(preview.Conflicts);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task PlanNeverImported_EveryDifferenceIsAConflict_AndTrellisWinsByDefault(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var organisationId = await PlanRoundTripTests.CreateOrganisationAsync(database, "Riverside Borough Council");
        int planId;
        await using (var db = database.CreateContext())
        {
            var plans = new PlanService(db);
            var plan = await plans.CreatePlanAsync(organisationId, new PlanInput("Improvement plan 2026", PlanStatus.Live, MonitoringCadence.Quarterly, null, null, false, []));
            var area = await plans.CreateAreaAsync(organisationId, plan.Id, new AreaInput("1", "Strengthen the front door", null, null, null, null, null, [], [], [], [], [], null));
            await plans.CreateActionAsync(organisationId, area!.Id, new ActionInput("1.1", "Review the duty team", "April 2027", null, null, null, null));
            planId = plan.Id;
        }

        var file = Version1();
        file.Areas.RemoveAt(1);
        file.Areas[0].Actions!.RemoveRange(1, 3);
        var preview = await PreviewAsync(database, organisationId, planId, file);
        var result = await ApplyAsync(database, organisationId, planId, file);

        Assert.False(preview.HasBaseline);
        Assert.Null(preview.LastImportedAt);
        Assert.Empty(preview.Changes);
        Assert.Equal(["Status", "Leads", "Owners", "Due date", "Status", "RAG rating"], preview.Conflicts.Select(c => c.Field));
        Assert.All(preview.Conflicts, c => Assert.Null(c.Base));
        Assert.Equal((6, 0), (result.ConflictsKeptTrellis, result.ConflictsTookFile));
        var document = await ExportAsync(database, organisationId, planId);
        Assert.Equal("live", document.Plan.Status);
        Assert.Equal("April 2027", document.Areas[0].Actions![0].Due!.Text);

        // Now there is a last import to compare with: the same file again asks nothing.
        var again = await PreviewAsync(database, organisationId, planId, file);
        Assert.True(again.HasBaseline);
        Assert.Empty(again.Conflicts);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task PlanNeverImported_BlanksInTheFile_AreNotQuestions(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var organisationId = await PlanRoundTripTests.CreateOrganisationAsync(database, "Riverside Borough Council");
        int planId;
        await using (var db = database.CreateContext())
        {
            var plans = new PlanService(db);
            var plan = await plans.CreatePlanAsync(organisationId, new PlanInput("Improvement plan 2026", PlanStatus.Draft, MonitoringCadence.Quarterly, null, null, false, []));
            var area = await plans.CreateAreaAsync(organisationId, plan.Id, new AreaInput("1", "Strengthen the front door", null, null, null, null, null, [], [], [], [], [], null));
            await plans.CreateActionAsync(organisationId, area!.Id, new ActionInput("1.1", "Review the duty team", "April 2027", null, null, null, null));
            planId = plan.Id;
        }

        // A file that names the area and action but says nothing of the due date: Trellis's date is not put in question.
        var file = Version1();
        file.Areas.RemoveAt(1);
        file.Areas[0] = file.Areas[0] with { Leads = null, Monitoring = null, Actions = [new ActionDoc { Ref = "1.1", Text = "Review the duty team" }] };
        var preview = await PreviewAsync(database, organisationId, planId, file);

        Assert.False(preview.HasBaseline);
        Assert.DoesNotContain(preview.Conflicts, c => c.Field == "Due date");
        Assert.DoesNotContain(preview.Changes, c => c.Field == "Due date");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ApplyingTheSameFileTwice_ChangesNothingTheSecondTime(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (organisationId, planId) = await ImportVersion1Async(database);
        var ids = await ActionIdsAsync(database, planId);
        await ChangeActionInTrellisAsync(database, ids["Review the duty team"], a => a.RagCode = "R");
        var file = Version1();
        SetAction(file, 0, 0, a => a with { Rag = "G", Comments = "Restructure agreed" });
        file.Areas[0].Actions!.Add(new ActionDoc { Ref = "1.5", Text = "Second duty team", Owners = [new OwnerDoc { Text = "Head of MASH" }] });
        file.Areas[0].Monitoring!.Add(new MonitoringDoc { Period = "2026/27 Q2", ProgressRag = "G" });
        file.Indicators![0].Values!.Add(new IndicatorValueDoc { Period = "2026-05", Value = 21 });

        var first = await ApplyAsync(database, organisationId, planId, file);
        var afterFirst = await ExportAsync(database, organisationId, planId);
        var versions = await VersionsAsync(database, planId);
        var preview = await PreviewAsync(database, organisationId, planId, file);
        var second = await ApplyAsync(database, organisationId, planId, file);

        Assert.Equal((1, 1, 1, 1, 1), (first.ActionsAdded, first.MonitoringAdded, first.IndicatorValuesAdded, first.ChangesApplied, first.ConflictsKeptTrellis));
        Assert.False(preview.HasWork);
        Assert.True(second.Succeeded);
        Assert.Equal(
            (0, 0, 0, 0, 0, 0, 0, 0),
            (second.AreasAdded, second.AreasUpdated, second.ActionsAdded, second.ActionsUpdated, second.ChangesApplied, second.ConflictsKeptTrellis, second.MonitoringAdded, second.IndicatorValuesAdded));
        Assert.Equal(PlanJson.Write(afterFirst), PlanJson.Write(await ExportAsync(database, organisationId, planId)));
        Assert.Equal(versions, await VersionsAsync(database, planId));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task MonitoringHistory_ActionIds_AndTrellisOnlyThings_Survive(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (organisationId, planId) = await ImportVersion1Async(database);
        var ids = await ActionIdsAsync(database, planId);
        await using (var db = database.CreateContext())
        {
            var area = await db.Areas.SingleAsync(a => a.PlanId == planId && a.Number == "1");
            db.MonitoringEntries.Add(new MonitoringEntry { AreaId = area.Id, Period = "2026/27 Q2", ProgressRag = "G", Commentary = "Typed in Trellis", RecordedAt = Clock.GetUtcNow() });
            await db.SaveChangesAsync();
        }

        var monitoringIds = await MonitoringIdsAsync(database, planId);
        var file = Version1();
        file.Areas[0].Monitoring![0] = file.Areas[0].Monitoring![0] with { Commentary = "Started in May" };
        SetAction(file, 0, 0, a => a with { Text = "Review the duty team's caseloads" });

        var result = await ApplyAsync(database, organisationId, planId, file);

        Assert.True(result.Succeeded);
        Assert.Equal(ids.Values.Order(), (await ActionIdsAsync(database, planId)).Values.Order());
        Assert.Equal(monitoringIds, await MonitoringIdsAsync(database, planId));
        await using var check = database.CreateContext();
        var entries = await check.MonitoringEntries.OrderBy(m => m.Id).Select(m => m.Commentary).ToListAsync();
        Assert.Equal(["Started in May", "Typed in Trellis"], entries);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ActionDeletedInTrellis_IsNotAddedAgain(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (organisationId, planId) = await ImportVersion1Async(database);
        var ids = await ActionIdsAsync(database, planId);
        await using (var db = database.CreateContext())
        {
            Assert.True(await new PlanService(db).DeleteActionAsync(organisationId, ids["Introduce a practice standard"]));
        }

        var preview = await PreviewAsync(database, organisationId, planId, Version1());
        var result = await ApplyAsync(database, organisationId, planId, Version1());

        Assert.Equal(MatchKind.RemovedInTrellis, Assert.Single(preview.Areas[1].Actions).Kind);
        Assert.Equal(0, result.ActionsAdded);
        await using var check = database.CreateContext();
        Assert.Equal(0, await check.Actions.CountAsync(a => a.Area.Number == "2"));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Indicators_AreMatchedByName_AndGainOnlyNewValues(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (organisationId, planId) = await ImportVersion1Async(database);
        var file = Version1();
        file.Indicators![0] = file.Indicators[0] with
        {
            Id = "rr",
            Name = "Re-referrals within 12 Months",
            Values = [new IndicatorValueDoc { Period = "2026-04", Value = 99 }, new IndicatorValueDoc { Period = "2026-05", Value = 20 }],
        };
        file.Indicators.Add(new IndicatorDoc { Id = "k1", Name = "Assessments within 45 days", Values = [new IndicatorValueDoc { Period = "2026-05", Value = 81 }] });

        var result = await ApplyAsync(database, organisationId, planId, file);

        Assert.Equal((1, 2), (result.IndicatorsAdded, result.IndicatorValuesAdded));
        await using var db = database.CreateContext();
        var indicators = await db.Indicators.Include(i => i.Values).Where(i => i.PlanId == planId).OrderBy(i => i.SortOrder).ToListAsync();
        Assert.Equal([("k1", "Re-referrals within 12 months"), ("k1-2", "Assessments within 45 days")], indicators.Select(i => (i.Key, i.Name)));
        Assert.Equal([22m, 20m], indicators[0].Values.OrderBy(v => v.PeriodStart).Select(v => v.Value!.Value));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task NewOwner_IsResolvedLikeAnImport_AndBecomesAKeyLead(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (organisationId, planId) = await ImportVersion1Async(database);
        var file = Version1() with { People = [.. Version1().People!, new PersonDoc { Id = "p3", Initials = "AB", Name = "Ali Bakr" }] };
        SetAction(file, 0, 1, a => a with { Owners = [new OwnerDoc { Person = "p3" }, new OwnerDoc { Person = "p1" }] });

        var preview = await PreviewAsync(database, organisationId, planId, file);
        var result = await ApplyAsync(database, organisationId, planId, file);

        Assert.Equal(["Ali Bakr (AB) (new)"], preview.KeyLeadsToAdd);
        Assert.Equal(("Owners", null, "Ali Bakr (AB); Sam Kaur (SK)"), (preview.Changes.Single().Field, preview.Changes.Single().Trellis, preview.Changes.Single().File));
        Assert.Equal((1, 1), (result.PeopleCreated, result.KeyLeadsAdded));
        await using var db = database.CreateContext();
        Assert.Equal(3, await db.People.CountAsync());
        Assert.Equal(3, await db.PlanPeople.CountAsync(k => k.PlanId == planId));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task FailureWhileStoring_LeavesNothingWritten(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (organisationId, planId) = await ImportVersion1Async(database);
        var before = PlanJson.Write(await ExportAsync(database, organisationId, planId));
        var file = Version1();
        SetAction(file, 0, 0, a => a with { Comments = "Changed in the file" });
        file.Areas.Add(new AreaDoc { Number = "3", Title = "Care leavers", Actions = [new ActionDoc { Ref = "3.1", Text = "Commission lodgings" }] });

        // The plan's changes are saved first; failing the import record after them proves they go back too.
        await using (var db = database.CreateContext(new FailWhenRecordingTheImport()))
        {
            var updater = new PlanUpdater(db, Clock, new PlanImporter(db, Clock));
            await Assert.ThrowsAsync<DbUpdateException>(() => updater.ApplyAsync(organisationId, planId, file, TrellisWins, "plan-v2.json"));
            Assert.Empty(db.ChangeTracker.Entries());
        }

        Assert.Equal(before, PlanJson.Write(await ExportAsync(database, organisationId, planId)));
        await using var check = database.CreateContext();
        Assert.Equal(1, await check.PlanImportRecords.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task PlanOfAnotherOrganisation_IsRefused_AsIfItDidNotExist(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (_, planId) = await ImportVersion1Async(database);
        var other = await PlanRoundTripTests.CreateOrganisationAsync(database, "Castlebridge Borough Council");
        var file = Version1();
        SetAction(file, 0, 0, a => a with { Comments = "Changed in the file" });

        var preview = await PreviewAsync(database, other, planId, file);
        var result = await ApplyAsync(database, other, planId, file);
        var missing = await PreviewAsync(database, other, planId + 100, file);

        Assert.Equal($"there is no plan {planId} to import into", Assert.Single(preview.Problems).Message);
        Assert.Empty(preview.Areas);
        Assert.False(result.Succeeded);
        Assert.Equal($"there is no plan {planId + 100} to import into", Assert.Single(missing.Problems).Message);
        await using var db = database.CreateContext();
        Assert.Null((await db.Actions.SingleAsync(a => a.Text == "Review the duty team")).Comments);
        Assert.Equal(1, await db.PlanImportRecords.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Candidates_PutThePlanWithTheSameTitleFirst_AndSayWhy(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (organisationId, planId) = await ImportVersion1Async(database);
        await PlanRoundTripTests.ImportAsync(database, organisationId, Version1() with { Plan = new PlanDoc { Title = "Early help strategy" }, Areas = [] });

        await using var db = database.CreateContext();
        var candidates = await new PlanUpdater(db, Clock, new PlanImporter(db, Clock)).CandidatesAsync(organisationId, Version1());

        var best = Assert.Single(candidates);
        Assert.Equal(planId, best.PlanId);
        Assert.Equal("has the same title; was imported from a file with the same title; shares 2 of the file's 2 area titles", best.Reason);
        Assert.Equal("plan-v1.json", best.LastImportedFrom);
    }

    [SharedDataTheory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task RealPlans_ImportedAgain_MatchEverything_AndAskNothing(DatabaseProvider provider)
    {
        foreach (var path in Directory.GetFiles(SharedData.Path("expected"), "*.plan.json").Order(StringComparer.Ordinal))
        {
            await using var database = await TestDatabase.CreateAsync(provider);
            var gold = PlanJson.Read(await File.ReadAllTextAsync(path), Path.GetFileName(path)).Document!;
            var organisationId = await PlanRoundTripTests.CreateOrganisationAsync(database, gold.Organisation.Name);
            var planId = (await PlanRoundTripTests.ImportAsync(database, organisationId, gold)).PlanId!.Value;

            // The same file again: everything matches exactly, nothing to change or ask.
            var same = await PreviewAsync(database, organisationId, planId, PlanJson.Read(await File.ReadAllTextAsync(path), "again").Document!);
            Assert.False(same.HasWork, path);
            Assert.All(same.Areas.SelectMany(a => a.Actions), a => Assert.EndsWith(" and text", a.How, StringComparison.Ordinal));

            // A newer version whose actions come in the opposite order, each lightly edited: still every action is its old self.
            var ids = await ActionIdsByPlaceAsync(database, planId);
            var newer = PlanJson.Read(await File.ReadAllTextAsync(path), "newer").Document!;
            for (var a = 0; a < newer.Areas.Count; a++)
            {
                var actions = newer.Areas[a].Actions ?? [];
                actions.Reverse();
                for (var x = 0; x < actions.Count; x++)
                {
                    actions[x] = actions[x] with { Text = actions[x].Text.Trim() + " (revised)" };
                }
            }

            var preview = await PreviewAsync(database, organisationId, planId, newer);
            Assert.Empty(preview.Conflicts);
            Assert.All(preview.Areas, a => Assert.All(a.Actions, x => Assert.Equal(MatchKind.Matched, x.Kind)));
            var matched = preview.Areas.SelectMany((a, i) => a.Actions.Select(x => (Place: (i, PlanMatcher.Normalise(x.Text.Replace(" (revised)", string.Empty, StringComparison.Ordinal))), Id: x.ActionId!.Value)));
            Assert.All(matched, m => Assert.Contains(m.Id, ids[m.Place]));
            var result = await ApplyAsync(database, organisationId, planId, newer);
            Assert.Equal((0, 0, ids.Values.Sum(v => v.Count)), (result.ActionsAdded, result.ConflictsKeptTrellis, result.ActionsUpdated));
        }
    }

    /// <summary>Each action's id by its area's position and its text (a text can repeat within an area).</summary>
    private static async Task<Dictionary<(int Area, string Text), List<int>>> ActionIdsByPlaceAsync(TestDatabase database, int planId)
    {
        await using var db = database.CreateContext();
        var areas = await db.Areas.Include(a => a.Actions).Where(a => a.PlanId == planId).OrderBy(a => a.SortOrder).ThenBy(a => a.Id).ToListAsync();
        return areas.SelectMany((a, i) => a.Actions.Select(x => (Key: (i, PlanMatcher.Normalise(x.Text)), x.Id)))
            .GroupBy(x => x.Key).ToDictionary(g => g.Key, g => g.Select(x => x.Id).ToList());
    }

    private static async Task<(int OrganisationId, int PlanId)> ImportVersion1Async(TestDatabase database)
    {
        var organisationId = await PlanRoundTripTests.CreateOrganisationAsync(database, "Riverside Borough Council");
        await using var db = database.CreateContext();
        var result = await new PlanImporter(db, Clock).ImportAsync(organisationId, Version1(), "plan-v1.json");
        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        return (organisationId, result.PlanId!.Value);
    }

    private static async Task<UpdatePreview> PreviewAsync(TestDatabase database, int organisationId, int planId, PlanDocument file)
    {
        await using var db = database.CreateContext();
        return await new PlanUpdater(db, Clock, new PlanImporter(db, Clock)).PreviewAsync(organisationId, planId, file);
    }

    private static async Task<ImportResult> ApplyAsync(TestDatabase database, int organisationId, int planId, PlanDocument file, IReadOnlySet<string>? takeFromFile = null)
    {
        await using var db = database.CreateContext();
        return await new PlanUpdater(db, Clock, new PlanImporter(db, Clock)).ApplyAsync(organisationId, planId, file, takeFromFile ?? TrellisWins, "plan-v2.json");
    }

    private static async Task<PlanDocument> ExportAsync(TestDatabase database, int organisationId, int planId)
    {
        await using var db = database.CreateContext();
        return (await new PlanExporter(db).ExportAsync(organisationId, planId))!;
    }

    private static async Task<Dictionary<string, int>> ActionIdsAsync(TestDatabase database, int planId)
    {
        await using var db = database.CreateContext();
        return await db.Actions.Where(a => a.Area.PlanId == planId).ToDictionaryAsync(a => a.Text, a => a.Id);
    }

    private static async Task<Dictionary<int, Guid>> VersionsAsync(TestDatabase database, int planId)
    {
        await using var db = database.CreateContext();
        return await db.Actions.Where(a => a.Area.PlanId == planId).ToDictionaryAsync(a => a.Id, a => a.Version);
    }

    private static async Task<List<int>> MonitoringIdsAsync(TestDatabase database, int planId)
    {
        await using var db = database.CreateContext();
        return await db.MonitoringEntries.Where(m => db.Areas.Any(a => a.Id == m.AreaId && a.PlanId == planId)).OrderBy(m => m.Id).Select(m => m.Id).ToListAsync();
    }

    /// <summary>An edit made in Trellis since the import, as the action pages make it (a new version).</summary>
    private static async Task ChangeActionInTrellisAsync(TestDatabase database, int actionId, Action<PlanAction> change)
    {
        await using var db = database.CreateContext();
        var action = await db.Actions.SingleAsync(a => a.Id == actionId);
        change(action);
        action.Version = Guid.NewGuid();
        await db.SaveChangesAsync();
    }

    private sealed class FailWhenRecordingTheImport : DbCommandInterceptor
    {
        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
            command.CommandText.Contains("INSERT INTO \"PlanImportRecords\"", StringComparison.Ordinal)
                ? throw new InvalidOperationException("The database went away")
                : base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }
}
