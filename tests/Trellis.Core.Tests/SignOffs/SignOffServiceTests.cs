using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Trellis.Core.Accounts;
using Trellis.Core.Data;
using Trellis.Core.People;
using Trellis.Core.Plans;
using Trellis.Core.SignOffs;
using Trellis.Testing;

namespace Trellis.Core.Tests.SignOffs;

/// <summary>Sign-off on each real database engine: ask with evidence, approve or return, ask again.</summary>
public class SignOffServiceTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    private static readonly byte[] PdfBytes = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

    private sealed record Seeded(int OrgId, int PlanId, int ActionId, AccountContext Owner, AccountContext SeniorLead, AccountContext Contributor, AccountContext Manager, AccountContext Other);

    private static SignOffService Service(TrellisDbContext db, long maxBytes = 1024) =>
        new(db, new PlanAccessService(db), Options.Create(new SignOffOptions { MaxFileBytes = maxBytes, MaxFiles = 3 }), Clock);

    private static async Task<Seeded> SeedAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var org = new Organisation { Name = "Riverside" };
        var other = new Organisation { Name = "Elsewhere" };
        db.Organisations.AddRange(org, other);
        await db.SaveChangesAsync();
        var plans = new PlanService(db);
        var plan = await plans.CreatePlanAsync(org.Id, new PlanInput("Plan", PlanStatus.Live, MonitoringCadence.Quarterly, null, null, true, []));
        var people = new PersonService(db);
        var owner = await people.CreateAsync(org.Id, plan.Id, new PersonInput("OW", "Olu Williams", "Service manager", null, null));
        var senior = await people.CreateAsync(org.Id, plan.Id, new PersonInput("SL", "Sara Lowe", "Assistant director", null, null));
        var helper = await people.CreateAsync(org.Id, plan.Id, new PersonInput("HC", "Hal Carter", "Team manager", null, null));
        var area = await plans.CreateAreaAsync(org.Id, plan.Id, new AreaInput("1", "Front door", null, null, null, null, null, [], [], [], [], [], null));
        db.AreaLeads.Add(new AreaLead { AreaId = area!.Id, Role = LeadRole.SeniorLead, PersonId = senior!.Id });
        var action = await plans.CreateActionAsync(org.Id, area.Id, new ActionInput("1.1", "Audit cases", "30 June 2026", "OW", ActionStatus.InProgress, null, null));
        var accounts = new List<AccountContext>();
        foreach (var (name, person, role, orgId) in new[]
        {
            ("owner", owner!.Id, PlanRole.Contributor, org.Id),
            ("senior", senior.Id, PlanRole.Reader, org.Id),
            ("helper", helper!.Id, PlanRole.Contributor, org.Id),
            ("manager", (int?)null, PlanRole.PlanManager, org.Id),
            ("other", (int?)null, PlanRole.Administrator, other.Id),
        }.Select(x => (x.Item1, (int?)x.Item2, x.Item3, x.Item4)))
        {
            var user = new TrellisUser { UserName = name, DisplayName = name, OrganisationId = orgId, PersonId = person, IsAdministrator = role == PlanRole.Administrator };
            db.Users.Add(user);
            if (role != PlanRole.Administrator)
            {
                db.PlanMemberships.Add(new PlanMembership { PlanId = plan.Id, User = user, Role = role });
            }

            await db.SaveChangesAsync();
            accounts.Add(new AccountContext(user.Id, orgId, role == PlanRole.Administrator, person));
        }

        return new Seeded(org.Id, plan.Id, action!.Id, accounts[0], accounts[1], accounts[2], accounts[3], accounts[4]);
    }

    private static SignOffSubmission Evidence(string? note = "Audit done: 40 cases, all met the standard", string? links = null, params EvidenceUpload[] files) => new(note, links, files);

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Submit_then_approve_makes_the_action_complete_only_then(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var s = await SeedAsync(database);
        await using (var db = database.CreateContext())
        {
            var result = await Service(db).SubmitAsync(s.Owner, "Olu Williams", s.ActionId,
                Evidence(links: "https://intranet.example/audit\n http://intranet.example/minutes ", files: new EvidenceUpload("C:\\Users\\olu\\audit.pdf", PdfBytes)));
            Assert.Equal(SignOffOutcome.Saved, result.Outcome);
        }

        await using (var db = database.CreateContext())
        {
            Assert.Equal(ActionStatus.InProgress, (await db.Actions.SingleAsync(a => a.Id == s.ActionId)).Status);
            var request = await db.SignOffRequests.Include(r => r.Files).SingleAsync();
            Assert.Null(request.Decision);
            Assert.Equal(["https://intranet.example/audit", "http://intranet.example/minutes"], request.Links);
            var file = Assert.Single(request.Files);
            Assert.Equal("audit.pdf", file.FileName);
            Assert.Equal("application/pdf", file.ContentType);
            Assert.Equal(PdfBytes, file.Content);
            Assert.Equal(Clock.GetUtcNow(), request.RequestedAt);
        }

        await using (var db = database.CreateContext())
        {
            var result = await Service(db).DecideAsync(s.SeniorLead, "Sara Lowe", s.ActionId, SignOffDecision.Approved, null);
            Assert.Equal(SignOffOutcome.Saved, result.Outcome);
        }

        await using (var db = database.CreateContext())
        {
            Assert.Equal(ActionStatus.Complete, (await db.Actions.SingleAsync(a => a.Id == s.ActionId)).Status);
            var request = await db.SignOffRequests.SingleAsync();
            Assert.Equal(SignOffDecision.Approved, request.Decision);
            Assert.Equal("Sara Lowe", request.DecidedByName);
            Assert.Equal(s.SeniorLead.UserId, request.DecidedByUserId);

            // The audit trail has the request and the file's name and size, but not the file's bytes.
            var audit = await db.AuditRecords.Where(r => r.EntityType == nameof(SignOffEvidence)).Select(r => r.After).SingleAsync();
            Assert.Contains("audit.pdf", audit, StringComparison.Ordinal);
            Assert.Contains($"({PdfBytes.Length} bytes)", audit, StringComparison.Ordinal);
            Assert.DoesNotContain("%PDF", audit, StringComparison.Ordinal);
            Assert.DoesNotContain(Convert.ToBase64String(PdfBytes)[..12], audit, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Return_needs_a_reason_and_the_owner_can_ask_again(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var s = await SeedAsync(database);
        await using var db = database.CreateContext();
        var service = Service(db);
        Assert.Equal(SignOffOutcome.Saved, (await service.SubmitAsync(s.Owner, "Olu", s.ActionId, Evidence())).Outcome);

        var noReason = await service.DecideAsync(s.SeniorLead, "Sara", s.ActionId, SignOffDecision.Returned, "   ");
        Assert.Equal(SignOffOutcome.Invalid, noReason.Outcome);
        Assert.Equal(SignOffService.ReasonField, Assert.Single(noReason.Errors).Field);

        var again = await service.SubmitAsync(s.Owner, "Olu", s.ActionId, Evidence());
        Assert.Equal(SignOffOutcome.Invalid, again.Outcome);
        Assert.Contains("already waiting", Assert.Single(again.Errors).Message, StringComparison.Ordinal);

        Assert.Equal(SignOffOutcome.Saved, (await service.DecideAsync(s.SeniorLead, "Sara", s.ActionId, SignOffDecision.Returned, "Attach the audit report itself")).Outcome);
        Assert.Equal(ActionStatus.InProgress, (await db.Actions.AsNoTracking().SingleAsync(a => a.Id == s.ActionId)).Status);

        Assert.Equal(SignOffOutcome.Saved, (await service.SubmitAsync(s.Owner, "Olu", s.ActionId, Evidence(note: null, files: new EvidenceUpload("audit.pdf", PdfBytes)))).Outcome);
        var history = await db.SignOffRequests.AsNoTracking().OrderBy(r => r.Id).ToListAsync();
        Assert.Equal(2, history.Count);
        Assert.Equal(SignOffDecision.Returned, history[0].Decision);
        Assert.Equal("Attach the audit report itself", history[0].Reason);
        Assert.Null(history[1].Decision);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Only_approvers_decide_and_not_on_their_own_request(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var s = await SeedAsync(database);
        await using var db = database.CreateContext();
        var service = Service(db);

        // A contributor who neither owns the action nor leads the area cannot even ask.
        Assert.Equal(SignOffOutcome.Refused, (await service.SubmitAsync(s.Contributor, "Hal", s.ActionId, Evidence())).Outcome);
        Assert.Equal(SignOffOutcome.NotFound, (await service.SubmitAsync(s.Other, "Other", s.ActionId, Evidence())).Outcome);
        Assert.Equal(SignOffOutcome.Saved, (await service.SubmitAsync(s.Owner, "Olu", s.ActionId, Evidence())).Outcome);

        Assert.Equal(SignOffOutcome.Refused, (await service.DecideAsync(s.Owner, "Olu", s.ActionId, SignOffDecision.Approved, null)).Outcome);
        Assert.Equal(SignOffOutcome.Refused, (await service.DecideAsync(s.Contributor, "Hal", s.ActionId, SignOffDecision.Approved, null)).Outcome);
        Assert.Equal(SignOffOutcome.NotFound, (await service.DecideAsync(s.Other, "Other", s.ActionId, SignOffDecision.Approved, null)).Outcome);
        Assert.False(await service.CanApproveAsync(s.Owner, s.ActionId));
        Assert.True(await service.CanApproveAsync(s.SeniorLead, s.ActionId));
        Assert.True(await service.CanApproveAsync(s.Manager, s.ActionId));
        Assert.Equal(ActionStatus.InProgress, (await db.Actions.AsNoTracking().SingleAsync(a => a.Id == s.ActionId)).Status);
        Assert.Null((await db.SignOffRequests.AsNoTracking().SingleAsync()).Decision);

        // The plan manager approves when the area's senior lead cannot, but nobody signs off their own request.
        await using var managerDb = database.CreateContext();
        var returned = await Service(managerDb).DecideAsync(s.Manager, "Manager", s.ActionId, SignOffDecision.Returned, "More please");
        Assert.Equal(SignOffOutcome.Saved, returned.Outcome);
        Assert.Equal(SignOffOutcome.Saved, (await Service(managerDb).SubmitAsync(s.Manager, "Manager", s.ActionId, Evidence())).Outcome);
        var own = await Service(managerDb).DecideAsync(s.Manager, "Manager", s.ActionId, SignOffDecision.Approved, null);
        Assert.Equal(SignOffOutcome.Invalid, own.Outcome);
        Assert.Contains("someone else", Assert.Single(own.Errors).Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_bad_file_saves_nothing_and_names_the_file(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var s = await SeedAsync(database);
        await using var db = database.CreateContext();
        var before = await db.AuditRecords.CountAsync();
        var exe = new byte[] { 0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00 };
        var result = await Service(db).SubmitAsync(s.Owner, "Olu", s.ActionId, Evidence(
            links: "javascript:alert(1)",
            files: [new EvidenceUpload("audit.pdf", PdfBytes), new EvidenceUpload("report.pdf", exe), new EvidenceUpload("big.txt", new byte[2048]), new EvidenceUpload("run.exe", exe)]));
        Assert.Equal(SignOffOutcome.Invalid, result.Outcome);
        var messages = result.Errors.Select(e => e.Message).ToList();
        Assert.Contains(messages, m => m.StartsWith("Link 1 must be a web address", StringComparison.Ordinal));
        Assert.Contains("The file report.pdf is not a real PDF file: its content does not match its name", messages);
        Assert.Contains("The file big.txt must be smaller than 1 KB", messages);
        Assert.Contains(messages, m => m.StartsWith("The file run.exe must be a PDF", StringComparison.Ordinal));
        Assert.Contains("Upload 3 files or fewer", messages);
        Assert.Equal(5, result.Errors.Count);
        Assert.Equal(0, await db.SignOffRequests.CountAsync());
        Assert.Equal(0, await db.SignOffEvidence.CountAsync());
        Assert.Equal(before, await db.AuditRecords.CountAsync());

        var empty = await Service(db).SubmitAsync(s.Owner, "Olu", s.ActionId, Evidence(note: " "));
        Assert.Equal(SignOffService.NoteField, Assert.Single(empty.Errors).Field);
    }
}
