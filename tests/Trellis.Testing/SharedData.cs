using Xunit;

namespace Trellis.Testing;

/// <summary>
/// The project's shared documents (real plans, gold imports) live beside the repository in
/// ../shared and are never copied into it. TRELLIS_SHARED_DIR points elsewhere.
/// </summary>
public static class SharedData
{
    public static string? Directory { get; } = Find();

    public static string Path(params string[] parts) =>
        System.IO.Path.Combine([Directory ?? throw new InvalidOperationException("The shared folder was not found; set TRELLIS_SHARED_DIR"), .. parts]);

    private static string? Find()
    {
        if (Environment.GetEnvironmentVariable("TRELLIS_SHARED_DIR") is { Length: > 0 } configured && System.IO.Directory.Exists(configured))
        {
            return configured;
        }

        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = System.IO.Path.Combine(directory.FullName, "shared");
                if (System.IO.Directory.Exists(System.IO.Path.Combine(candidate, "expected")))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}

/// <summary>A test that reads ../shared: skipped, visibly, on a machine without it.</summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute()
    {
        if (SharedData.Directory is null)
        {
            Skip = "The shared documents (../shared) are not beside this clone; set TRELLIS_SHARED_DIR to run this test";
        }
    }
}

/// <summary>A theory that reads ../shared: skipped, visibly, on a machine without it.</summary>
public sealed class SharedDataTheoryAttribute : TheoryAttribute
{
    public SharedDataTheoryAttribute()
    {
        if (SharedData.Directory is null)
        {
            Skip = "The shared documents (../shared) are not beside this clone; set TRELLIS_SHARED_DIR to run this test";
        }
    }
}
