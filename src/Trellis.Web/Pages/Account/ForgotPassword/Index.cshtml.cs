using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using MimeKit;
using Trellis.Core.Accounts;
using Trellis.Core.Reminders;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.Account.ForgotPassword;

/// <summary>
/// Asks for a reset link by e-mail. The answer is the same whether or not the address has an account,
/// so the page cannot be used to find out who has one.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(WebServiceCollectionExtensions.SignInRateLimit)]
[LocalPasswordsOnly]
public class ForgotPasswordModel(
    UserManager<TrellisUser> users, ReminderMailer mailer, IOptions<SmtpOptions> smtp, IOptions<ReminderOptions> site,
    CurrentOrganisation organisation, ILogger<ForgotPasswordModel> logger) : TrellisPageModel
{
    [BindProperty]
    public string? Email { get; set; }

    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Email))
        {
            ModelState.AddModelError(nameof(Email), "Enter your email address");
            return PageWithErrors();
        }

        var user = await users.FindByEmailAsync(Email.Trim());
        if (user is not null && smtp.Value.Problems().Any())
        {
            logger.LogWarning("A password reset was asked for, but e-mail is not set up (Trellis:Smtp), so no link was sent");
        }
        else if (user is not null)
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var root = string.IsNullOrWhiteSpace(site.Value.PublicUrl) ? $"{Request.Scheme}://{Request.Host}" : site.Value.PublicUrl.TrimEnd('/');
            var link = $"{root}/reset-password?user={Uri.EscapeDataString(user.Id)}&token={Uri.EscapeDataString(token)}";
            var message = new MimeMessage { Subject = "Trellis: reset your password" };
            message.From.Add(MailboxAddress.Parse(smtp.Value.From!));
            message.To.Add(new MailboxAddress(user.DisplayName, user.Email ?? Email.Trim()));
            message.Body = new TextPart("plain")
            {
                Text = $"""
                    {user.DisplayName},

                    Someone (we hope you) asked to reset the password of your Trellis account at {organisation.Name}.
                    To choose a new password, open this link within a day:

                    {link}

                    If it was not you, ignore this e-mail: your password stays as it is.
                    """,
            };
            try
            {
                await mailer.SendAsync(message, ct);
            }
            catch (Exception e) when (e is MailKit.Net.Smtp.SmtpCommandException or MailKit.Net.Smtp.SmtpProtocolException or IOException or System.Net.Sockets.SocketException)
            {
                logger.LogWarning("A password reset link could not be sent: {Reason}", e.Message);
            }
        }

        Sent = true;
        return Page();
    }
}
