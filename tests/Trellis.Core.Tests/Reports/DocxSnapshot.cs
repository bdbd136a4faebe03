using System.Runtime.CompilerServices;

namespace Trellis.Core.Tests.Reports;

/// <summary>
/// Compares extracted text with a checked-in file under Reports/Expected. On a mismatch it writes
/// <c>name.actual</c> beside the expected file: read the diff, then rename it over the expected file to accept it.
/// </summary>
public static class DocxSnapshot
{
    public static void Match(string name, string actual, [CallerFilePath] string callerPath = "")
    {
        var directory = Path.Combine(Path.GetDirectoryName(callerPath)!, "Expected");
        var expectedPath = Path.Combine(directory, name);
        var actualPath = expectedPath + ".actual";
        actual = actual.Replace("\r\n", "\n", StringComparison.Ordinal);
        var expected = File.Exists(expectedPath) ? File.ReadAllText(expectedPath).Replace("\r\n", "\n", StringComparison.Ordinal) : null;
        if (expected == actual)
        {
            File.Delete(actualPath);
            return;
        }

        Directory.CreateDirectory(directory);
        File.WriteAllText(actualPath, actual);
        Assert.Fail(expected is null
            ? $"No expected file {expectedPath}; wrote {actualPath}. Check it and rename it to accept."
            : $"{name} differs from the expected text; wrote {actualPath}. Diff it, and rename it over the expected file if the change is right.");
    }
}
