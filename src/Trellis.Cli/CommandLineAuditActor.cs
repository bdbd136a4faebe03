using Trellis.Core.Audit;

namespace Trellis.Cli;

/// <summary>Changes made from the command line are recorded as the operating-system user who ran it.</summary>
internal sealed class CommandLineAuditActor : IAuditActor
{
    public string? UserId => null;

    public string Name { get; } = $"command line ({Environment.UserName})";
}
