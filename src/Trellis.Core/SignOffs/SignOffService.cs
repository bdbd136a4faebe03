using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Trellis.Core.Accounts;
using Trellis.Core.Data;
using Trellis.Core.Plans;
using Trellis.Core.Rounds;

namespace Trellis.Core.SignOffs;

/// <summary>What an owner sends: a note, links (one a line) and files; at least one of them.</summary>
public sealed record SignOffSubmission(string? Note, string? Links, IReadOnlyList<EvidenceUpload> Files);

public enum SignOffOutcome
{
    Saved,
    NotFound,
    Refused,
    Invalid,
}

public sealed record SignOffResult(SignOffOutcome Outcome, IReadOnlyList<FieldError> Errors, int? RequestId = null)
{
    public static readonly SignOffResult NotFound = new(SignOffOutcome.NotFound, []);
    public static readonly SignOffResult Refused = new(SignOffOutcome.Refused, []);

    public static SignOffResult Invalid(params FieldError[] errors) => new(SignOffOutcome.Invalid, errors);
}

/// <summary>
/// Sign-off of completed actions: an owner asks with evidence, the area's senior lead (or a plan manager) approves or
/// returns it with a reason, and only an approval makes the action Complete. Who may do what is checked here as well
/// as on the page, from the database rather than from anything the caller says. Each call saves whole or not at all.
/// </summary>
public sealed class SignOffService(TrellisDbContext db, PlanAccessService access, IOptions<SignOffOptions> options, TimeProvider clock)
{
    public const string NoteField = nameof(SignOffSubmission.Note);
    public const string LinksField = nameof(SignOffSubmission.Links);
    public const string FilesField = nameof(SignOffSubmission.Files);
    public const string ReasonField = "Reason";
    public const string DecisionField = "Decision";

    public async Task<SignOffResult> SubmitAsync(AccountContext account, string actorName, int actionId, SignOffSubmission submission, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(submission);
        var action = await FindActionAsync(account, actionId, ct);
        if (action is null)
        {
            return SignOffResult.NotFound;
        }

        if (!await AllowsAsync(account, action, PlanPermission.SubmitSignOff, ct))
        {
            return SignOffResult.Refused;
        }

        if (action.Status is ActionStatus.Complete or ActionStatus.Dropped)
        {
            return SignOffResult.Invalid(new FieldError(string.Empty, $"Action {action.Ref} is already {(action.Status == ActionStatus.Complete ? "complete" : "dropped")}"));
        }

        if (await db.SignOffRequests.AnyAsync(r => r.ActionId == actionId && r.Decision == null, ct))
        {
            return SignOffResult.Invalid(new FieldError(string.Empty, $"Action {action.Ref} is already waiting for sign-off"));
        }

        var errors = new List<FieldError>();
        var note = Blank(submission.Note);
        if (note?.Length > SignOffRequest.NoteMaxLength)
        {
            errors.Add(new(NoteField, $"The note must be {SignOffRequest.NoteMaxLength} characters or fewer"));
        }

        var links = ReadLinks(submission.Links, errors);
        var limits = options.Value;
        var files = new List<SignOffEvidence>();
        if (submission.Files.Count > limits.MaxFiles)
        {
            errors.Add(new(FilesField, $"Upload {limits.MaxFiles} files or fewer"));
        }

        foreach (var upload in submission.Files)
        {
            var name = EvidenceFileCheck.CleanName(upload.FileName);
            if (EvidenceFileCheck.Problem(name, upload.Content, limits.MaxFileBytes) is { } problem)
            {
                errors.Add(new(FilesField, $"The file {name} {problem}"));
                continue;
            }

            files.Add(new SignOffEvidence
            {
                ActionId = actionId,
                FileName = name,
                ContentType = EvidenceFileCheck.ContentTypeOf(name),
                Size = upload.Content.Length,
                Content = upload.Content,
            });
        }

        if (errors.Count == 0 && note is null && links.Count == 0 && files.Count == 0)
        {
            errors.Add(new(NoteField, "Give some evidence that the action is complete: a note, a link or a file"));
        }

        if (errors.Count > 0)
        {
            return SignOffResult.Invalid([.. errors]);
        }

        var request = new SignOffRequest
        {
            ActionId = actionId,
            RequestedByUserId = account.UserId,
            RequestedByName = Truncate(actorName, SignOffRequest.NameMaxLength),
            RequestedAt = clock.GetUtcNow(),
            Note = note,
            Links = links,
            Files = files,
        };
        db.SignOffRequests.Add(request);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique index on pending requests: someone asked at the same moment.
            db.ChangeTracker.Clear();
            return SignOffResult.Invalid(new FieldError(string.Empty, $"Action {action.Ref} is already waiting for sign-off"));
        }

        return new SignOffResult(SignOffOutcome.Saved, [], request.Id);
    }

    /// <summary>Approves (the action becomes Complete) or returns the action's pending request; a return needs a reason.</summary>
    public async Task<SignOffResult> DecideAsync(AccountContext account, string actorName, int actionId, SignOffDecision? decision, string? reason, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        var action = await FindActionAsync(account, actionId, ct);
        if (action is null)
        {
            return SignOffResult.NotFound;
        }

        if (!await AllowsAsync(account, action, PlanPermission.ApproveSignOff, ct))
        {
            return SignOffResult.Refused;
        }

        var request = await db.SignOffRequests.FirstOrDefaultAsync(r => r.ActionId == actionId && r.Decision == null, ct);
        if (request is null)
        {
            return SignOffResult.Invalid(new FieldError(string.Empty, $"Action {action.Ref} has no sign-off request waiting for a decision"));
        }

        if (request.RequestedByUserId == account.UserId)
        {
            return SignOffResult.Invalid(new FieldError(string.Empty, "You asked for this sign-off, so someone else must decide it"));
        }

        var why = Blank(reason);
        var errors = new List<FieldError>();
        if (decision is null)
        {
            errors.Add(new(DecisionField, "Choose whether to approve the action as complete or return it to the owner"));
        }
        else if (decision == SignOffDecision.Returned && why is null)
        {
            errors.Add(new(ReasonField, "Enter the reason for returning it, so the owner knows what more is needed"));
        }

        if (why?.Length > SignOffRequest.ReasonMaxLength)
        {
            errors.Add(new(ReasonField, $"The reason must be {SignOffRequest.ReasonMaxLength} characters or fewer"));
        }

        if (errors.Count > 0)
        {
            return SignOffResult.Invalid([.. errors]);
        }

        request.Decision = decision;
        request.DecidedByUserId = account.UserId;
        request.DecidedByName = Truncate(actorName, SignOffRequest.NameMaxLength);
        request.DecidedAt = clock.GetUtcNow();
        request.Reason = why;
        if (decision == SignOffDecision.Approved)
        {
            action.Status = ActionStatus.Complete;
        }

        // The action's version is its concurrency token: of two people deciding at once, the second is told.
        action.Version = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return SignOffResult.Invalid(new FieldError(string.Empty, $"Someone else changed action {action.Ref} while you were deciding: look again"));
        }

        return new SignOffResult(SignOffOutcome.Saved, [], request.Id);
    }

    /// <summary>Whether the account may approve or return sign-off requests for this action.</summary>
    public async Task<bool> CanApproveAsync(AccountContext account, int actionId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        var action = await FindActionAsync(account, actionId, ct);
        return action is not null && await AllowsAsync(account, action, PlanPermission.ApproveSignOff, ct);
    }

    /// <summary>Whether the request was made by this account (who may not then decide it).</summary>
    public Task<bool> RequestedByAsync(int requestId, string userId, CancellationToken ct = default) =>
        db.SignOffRequests.AnyAsync(r => r.Id == requestId && r.RequestedByUserId == userId, ct);

    private async Task<PlanAction?> FindActionAsync(AccountContext account, int actionId, CancellationToken ct) =>
        await db.Actions.Include(a => a.Area).FirstOrDefaultAsync(a => a.Id == actionId && a.Area.Plan.OrganisationId == account.OrganisationId, ct);

    private async Task<bool> AllowsAsync(AccountContext account, PlanAction action, PlanPermission permission, CancellationToken ct)
    {
        if (await access.RoleAsync(account, action.Area.PlanId, ct) is not { } role)
        {
            return false;
        }

        var involvement = role < PlanRole.PlanManager ? await access.InvolvementAsync(account, action.Id, action.AreaId, ct) : default;
        return PlanAccessRules.Allows(role, permission, involvement);
    }

    private static List<string> ReadLinks(string? text, List<FieldError> errors)
    {
        var links = new List<string>();
        var lines = (text ?? string.Empty).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        if (lines.Count > SignOffRequest.MaxLinks)
        {
            errors.Add(new(LinksField, $"Give {SignOffRequest.MaxLinks} links or fewer"));
            return links;
        }

        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Length > SignOffRequest.LinkMaxLength)
            {
                errors.Add(new(LinksField, $"Link {i + 1} must be {SignOffRequest.LinkMaxLength} characters or fewer"));
            }
            else if (!Uri.TryCreate(line, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || uri.Host.Length == 0)
            {
                errors.Add(new(LinksField, $"Link {i + 1} must be a web address starting with https:// or http://, for example https://intranet.example/audit.pdf"));
            }
            else
            {
                links.Add(uri.AbsoluteUri);
            }
        }

        return links;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}
