using Xunit;

namespace Trellis.Testing;

/// <summary>
/// Where the tests find PostgreSQL and Chromium. Locally a missing one skips its tests; under CI
/// (CI=true) they are mandatory and fail instead.
/// </summary>
public static class TestEnvironment
{
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>An admin connection string (a role that may create databases), from TRELLIS_TEST_POSTGRES.</summary>
    public static string? Postgres => Environment.GetEnvironmentVariable("TRELLIS_TEST_POSTGRES") is { Length: > 0 } pg ? pg : null;

    public static string? Chromium => Environment.GetEnvironmentVariable("TRELLIS_TEST_CHROMIUM") is { Length: > 0 } path
        ? path
        : File.Exists("/usr/bin/chromium") ? "/usr/bin/chromium" : null;
}

/// <summary>A test that needs PostgreSQL: skipped locally without TRELLIS_TEST_POSTGRES, mandatory under CI.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (TestEnvironment.Postgres is null && !TestEnvironment.IsCi)
        {
            Skip = "Set TRELLIS_TEST_POSTGRES to a PostgreSQL connection string to run this test";
        }
    }
}

/// <summary>A test that needs headless Chromium: skipped locally without it, mandatory under CI.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (TestEnvironment.Chromium is null && !TestEnvironment.IsCi)
        {
            Skip = "Install chromium (or set TRELLIS_TEST_CHROMIUM) to run browser tests";
        }
    }
}

/// <summary>A theory that needs headless Chromium: skipped locally without it, mandatory under CI.</summary>
public sealed class BrowserTheoryAttribute : TheoryAttribute
{
    public BrowserTheoryAttribute()
    {
        if (TestEnvironment.Chromium is null && !TestEnvironment.IsCi)
        {
            Skip = "Install chromium (or set TRELLIS_TEST_CHROMIUM) to run browser tests";
        }
    }
}

/// <summary>The database providers to run a theory against: SQLite always; PostgreSQL when available, and always under CI.</summary>
public static class Providers
{
    public static TheoryData<Trellis.Core.Data.DatabaseProvider> All
    {
        get
        {
            var data = new TheoryData<Trellis.Core.Data.DatabaseProvider> { Trellis.Core.Data.DatabaseProvider.Sqlite };
            if (TestEnvironment.Postgres is not null || TestEnvironment.IsCi)
            {
                data.Add(Trellis.Core.Data.DatabaseProvider.Postgres);
            }

            return data;
        }
    }
}
