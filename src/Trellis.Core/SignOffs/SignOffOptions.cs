namespace Trellis.Core.SignOffs;

/// <summary>"Trellis:SignOff": limits on evidence uploads.</summary>
public sealed class SignOffOptions
{
    public const string Section = "Trellis:SignOff";

    /// <summary>The largest evidence file accepted, in bytes (10 MB unless set).</summary>
    public long MaxFileBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>How many files one request may carry.</summary>
    public int MaxFiles { get; set; } = 10;

    /// <summary>The most a whole upload may be: the web server refuses larger requests before reading them.</summary>
    public const long MaxRequestBytes = 120L * 1024 * 1024;
}
