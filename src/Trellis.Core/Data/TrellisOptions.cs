namespace Trellis.Core.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Settings under "Trellis" in configuration.</summary>
public sealed class TrellisOptions
{
    public const string Section = "Trellis";

    /// <summary>Where the SQLite file lives. TRELLIS_DATA_DIR, else ~/.local/share/trellis (per user).</summary>
    public string? DataDirectory { get; set; }

    public DatabaseProvider Database { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Create a fictional demo council on first start with an empty database. Turn off for a real installation.</summary>
    public bool DemoData { get; set; } = true;

    /// <summary>"Trellis:Reports": how reports are made (the PDF engine).</summary>
    public Reports.ReportOptions Reports { get; set; } = new();

    public string ResolveDataDirectory()
    {
        if (!string.IsNullOrWhiteSpace(DataDirectory))
        {
            return Path.GetFullPath(DataDirectory);
        }

        var fromEnvironment = Environment.GetEnvironmentVariable("TRELLIS_DATA_DIR");
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return Path.GetFullPath(fromEnvironment);
        }

        var perUser = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        if (string.IsNullOrEmpty(perUser))
        {
            perUser = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        }

        return Path.Combine(perUser, "trellis");
    }
}
