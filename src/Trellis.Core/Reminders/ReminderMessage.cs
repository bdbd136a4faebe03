using System.Net;
using System.Text;
using MimeKit;

namespace Trellis.Core.Reminders;

/// <summary>A digest as an e-mail: plain text and HTML, in the council's name, with no crest or logo.</summary>
public static class ReminderMessage
{
    public static MimeMessage Compose(ReminderDigest digest, SmtpOptions smtp, ReminderOptions reminders)
    {
        ArgumentNullException.ThrowIfNull(digest);
        ArgumentNullException.ThrowIfNull(smtp);
        ArgumentNullException.ThrowIfNull(reminders);
        var message = new MimeMessage();
        var from = MailboxAddress.Parse(smtp.From ?? throw new InvalidOperationException("Trellis:Smtp:From is empty"));
        if (string.IsNullOrEmpty(from.Name))
        {
            from.Name = $"Trellis for {digest.OrganisationName}";
        }

        message.From.Add(from);
        message.To.Add(new MailboxAddress(digest.PersonName, digest.Email));
        message.Subject = digest.Subject;

        // Lets mail systems and people tell digests apart; the same person and day always get the same id.
        message.Headers.Add("X-Trellis-Digest", $"{digest.PersonId}/{digest.Date:yyyy-MM-dd}");
        var body = new BodyBuilder { TextBody = Text(digest, reminders), HtmlBody = Html(digest, reminders) };
        message.Body = body.ToMessageBody();
        return message;
    }

    public static string Text(ReminderDigest digest, ReminderOptions reminders)
    {
        ArgumentNullException.ThrowIfNull(digest);
        ArgumentNullException.ThrowIfNull(reminders);
        var text = new StringBuilder();
        text.Append("Dear ").Append(digest.PersonName).AppendLine(",").AppendLine();
        text.Append("These are the actions you own in ").Append(digest.OrganisationName).AppendLine("'s improvement plans that need your attention.").AppendLine();
        foreach (var (heading, items) in Sections(digest, reminders))
        {
            text.AppendLine(heading).AppendLine(new string('-', heading.Length));
            foreach (var item in items)
            {
                text.Append("* ").Append(item.PlanTitle).Append(", area ").Append(item.AreaNumber).Append(", action ").Append(item.ActionRef).AppendLine(":");
                text.Append("  ").AppendLine(item.ActionText.ReplaceLineEndings(" "));
                text.Append("  Target date: ").Append(item.DueWords);
                if (item.When is { } when)
                {
                    text.Append(" - ").Append(when);
                }

                text.AppendLine();
                if (item.NoUpdateIn is { } round)
                {
                    text.Append("  No update yet in ").AppendLine(round);
                }

                text.Append("  ").AppendLine(item.Link);
            }

            text.AppendLine();
        }

        text.Append("Sent by Trellis for ").Append(digest.OrganisationName).AppendLine(". You receive this because you own these actions.");
        return text.ToString();
    }

    public static string Html(ReminderDigest digest, ReminderOptions reminders)
    {
        ArgumentNullException.ThrowIfNull(digest);
        ArgumentNullException.ThrowIfNull(reminders);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(E(digest.Subject)).AppendLine("</title></head>");
        html.AppendLine("<body style=\"font-family: Arial, sans-serif; font-size: 16px; color: #0b0c0c;\">");
        html.Append("<p>Dear ").Append(E(digest.PersonName)).AppendLine(",</p>");
        html.Append("<p>These are the actions you own in ").Append(E(digest.OrganisationName)).AppendLine("'s improvement plans that need your attention.</p>");
        foreach (var (heading, items) in Sections(digest, reminders))
        {
            html.Append("<h2 style=\"font-size: 20px;\">").Append(E(heading)).AppendLine("</h2><ul>");
            foreach (var item in items)
            {
                html.Append("<li><p><strong>").Append(E(item.PlanTitle)).Append(", area ").Append(E(item.AreaNumber)).Append(", action ").Append(E(item.ActionRef)).Append("</strong><br>")
                    .Append(E(item.ActionText)).Append("<br>Target date: ").Append(E(item.DueWords));
                if (item.When is { } when)
                {
                    html.Append(" &ndash; <strong>").Append(E(when)).Append("</strong>");
                }

                if (item.NoUpdateIn is { } round)
                {
                    html.Append("<br>No update yet in ").Append(E(round));
                }

                html.Append("<br><a href=\"").Append(E(item.Link)).Append("\">Open action ").Append(E(item.ActionRef)).AppendLine("</a></p></li>");
            }

            html.AppendLine("</ul>");
        }

        html.Append("<p style=\"color: #505a5f;\">Sent by Trellis for ").Append(E(digest.OrganisationName)).AppendLine(". You receive this because you own these actions.</p>");
        html.AppendLine("</body></html>");
        return html.ToString();
    }

    public static IEnumerable<(string Heading, IReadOnlyList<ReminderItem> Items)> Sections(ReminderDigest digest, ReminderOptions reminders)
    {
        ArgumentNullException.ThrowIfNull(digest);
        ArgumentNullException.ThrowIfNull(reminders);
        if (digest.Overdue.Count > 0)
        {
            yield return ("Overdue", digest.Overdue);
        }

        if (digest.DueSoon.Count > 0)
        {
            yield return ($"Due in the next {reminders.DueWithinDays} days", digest.DueSoon);
        }

        if (digest.NoUpdate.Count > 0)
        {
            yield return ("No update in the open monitoring round", digest.NoUpdate);
        }
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
