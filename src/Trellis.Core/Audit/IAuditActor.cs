namespace Trellis.Core.Audit;

/// <summary>
/// Who is making the change being saved: the signed-in user in the web app, the operator at the
/// command line, or Trellis itself for scheduled work. The audit trail records it with every change.
/// </summary>
public interface IAuditActor
{
    /// <summary>The account's id, or null when no account is behind the change.</summary>
    string? UserId { get; }

    /// <summary>A name people recognise ("Sarah Khan", "command line (root)", "Trellis").</summary>
    string Name { get; }
}

/// <summary>Changes made by Trellis itself (demo data, scheduled jobs) or before anyone has signed in.</summary>
public sealed class SystemAuditActor : IAuditActor
{
    public string? UserId => null;

    public string Name => "Trellis";
}
