using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;

namespace Trellis.Core.AnnexA;

/// <summary>
/// The installation's secret for hashing identifiers: configuration <c>Trellis:AnnexA:HashKey</c> when set, otherwise a
/// random key generated once and kept in the data directory, readable and writable by its owner only.
/// </summary>
public static class AnnexAHashKey
{
    public const string ConfigurationKey = "Trellis:AnnexA:HashKey";
    public const string FileName = "annexa-hash.key";

    public static byte[] Resolve(IConfiguration configuration, string dataDirectory)
    {
        if (configuration[ConfigurationKey] is { Length: > 0 } configured)
        {
            var bytes = Encoding.UTF8.GetBytes(configured);
            return bytes.Length >= 16 ? bytes : throw new InvalidOperationException($"{ConfigurationKey} is too short: use at least 16 characters");
        }

        var path = Path.Combine(dataDirectory, FileName);
        if (File.Exists(path))
        {
            return Convert.FromBase64String(File.ReadAllText(path).Trim());
        }

        Directory.CreateDirectory(dataDirectory);
        var key = RandomNumberGenerator.GetBytes(32);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var writer = new StreamWriter(path, Encoding.ASCII, options);
            writer.Write(Convert.ToBase64String(key));
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process made it first: use theirs.
            return Convert.FromBase64String(File.ReadAllText(path).Trim());
        }

        return key;
    }
}
