using System.Net.Mail;

namespace Trellis.Core.Reminders;

/// <summary>"Trellis:Reminders": the daily digest of overdue, due-soon and not-yet-updated actions.</summary>
public sealed class ReminderOptions
{
    public const string Section = "Trellis:Reminders";
    public const int MaxDueWithinDays = 365;

    public bool Enabled { get; set; }

    /// <summary>An open action due within this many days (today included) is "due soon".</summary>
    public int DueWithinDays { get; set; } = 14;

    /// <summary>The hour (0–23, UK local time) after which the day's digests go out.</summary>
    public int SendAtHour { get; set; } = 7;

    /// <summary>Where people reach this installation, for the links in the e-mails ("https://trellis.example.gov.uk").</summary>
    public string? PublicUrl { get; set; }

    public IEnumerable<string> Problems()
    {
        if (DueWithinDays is < 0 or > MaxDueWithinDays)
        {
            yield return $"Trellis:Reminders:DueWithinDays must be between 0 and {MaxDueWithinDays}";
        }

        if (SendAtHour is < 0 or > 23)
        {
            yield return "Trellis:Reminders:SendAtHour must be an hour from 0 to 23";
        }

        if (!Uri.TryCreate(PublicUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            yield return "Trellis:Reminders:PublicUrl must be the site's address, for example https://trellis.example.gov.uk";
        }
    }
}

public enum SmtpSecurity
{
    None,
    StartTls,
    Tls,
}

/// <summary>"Trellis:Smtp": the mail server. The password comes from the environment or a secret store, never from a file in the repository.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Trellis:Smtp";

    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;
    public string? UserName { get; set; }
    public string? Password { get; set; }

    /// <summary>The sender, "Trellis &lt;trellis@council.gov.uk&gt;" or a bare address.</summary>
    public string? From { get; set; }

    public IEnumerable<string> Problems()
    {
        if (string.IsNullOrWhiteSpace(Host))
        {
            yield return "Trellis:Smtp:Host is empty";
        }

        if (Port is < 1 or > 65535)
        {
            yield return "Trellis:Smtp:Port must be from 1 to 65535";
        }

        if (!IsAddress(From))
        {
            yield return "Trellis:Smtp:From must be an e-mail address, for example trellis@council.gov.uk";
        }

        if (!string.IsNullOrEmpty(UserName) && string.IsNullOrEmpty(Password))
        {
            yield return "Trellis:Smtp:UserName is set but Trellis:Smtp:Password is empty";
        }
    }

    private static bool IsAddress(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        try
        {
            _ = new MailAddress(text);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
