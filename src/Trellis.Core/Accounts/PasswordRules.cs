using Microsoft.AspNetCore.Identity;

namespace Trellis.Core.Accounts;

/// <summary>
/// Length over complexity (NCSC guidance): at least 12 characters, not a well-known password, and
/// not the person's own email address or name.
/// </summary>
public sealed class PasswordRules : IPasswordValidator<TrellisUser>
{
    public const int MinimumLength = 12;

    // The start of every published list of the most used passwords, and the obvious local ones.
    private static readonly HashSet<string> Common = new(StringComparer.OrdinalIgnoreCase)
    {
        "password", "password1", "password12", "password123", "password1234", "passw0rd", "123456789012", "1234567890",
        "qwertyuiop", "qwertyuiop12", "iloveyou", "letmein", "welcome", "welcome123", "changeme", "admin", "administrator",
        "trellis", "council", "children", "ofsted", "abcdefghijkl", "111111111111", "000000000000", "football",
    };

    public Task<IdentityResult> ValidateAsync(UserManager<TrellisUser> manager, TrellisUser user, string? password)
    {
        var errors = new List<IdentityError>();
        password ??= string.Empty;
        var stripped = new string([.. password.Where(char.IsLetterOrDigit)]);
        if (Common.Contains(password) || Common.Contains(stripped) || Common.Contains(stripped.TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '!')))
        {
            errors.Add(new IdentityError { Code = "PasswordTooCommon", Description = "Choose a password that is harder to guess: this one is on lists of common passwords" });
        }

        var email = user.Email ?? user.UserName ?? string.Empty;
        var local = email.Split('@')[0];
        if ((local.Length >= 4 && password.Contains(local, StringComparison.OrdinalIgnoreCase))
            || (user.DisplayName.Length >= 4 && password.Contains(user.DisplayName.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase)))
        {
            errors.Add(new IdentityError { Code = "PasswordContainsName", Description = "Your password must not contain your name or email address" });
        }

        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }
}
