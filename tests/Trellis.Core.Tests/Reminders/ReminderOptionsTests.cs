using Trellis.Core.Reminders;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace Trellis.Core.Tests.Reminders;

public class ReminderOptionsTests
{
    [Fact]
    public void Enabled_WithoutServerOrAddress_FailsNamingEachSetting()
    {
        var validator = new ReminderOptionsValidator(MsOptions.Create(new SmtpOptions { Port = 0, From = "not an address", UserName = "trellis" }));
        var result = validator.Validate(null, new ReminderOptions { Enabled = true, SendAtHour = 24, PublicUrl = "trellis.example" });
        Assert.True(result.Failed);
        Assert.Equal(
            [
                "Trellis:Reminders:SendAtHour must be an hour from 0 to 23",
                "Trellis:Reminders:PublicUrl must be the site's address, for example https://trellis.example.gov.uk",
                "Trellis:Smtp:Host is empty",
                "Trellis:Smtp:Port must be from 1 to 65535",
                "Trellis:Smtp:From must be an e-mail address, for example trellis@council.gov.uk",
                "Trellis:Smtp:UserName is set but Trellis:Smtp:Password is empty",
            ],
            result.Failures);
    }

    [Fact]
    public void Disabled_IsNotChecked()
    {
        var validator = new ReminderOptionsValidator(MsOptions.Create(new SmtpOptions()));
        Assert.True(validator.Validate(null, new ReminderOptions { Enabled = false }).Succeeded);
    }

    [Fact]
    public void Enabled_Complete_Passes()
    {
        var validator = new ReminderOptionsValidator(MsOptions.Create(new SmtpOptions { Host = "smtp.council.gov.uk", Port = 587, From = "Trellis <trellis@council.gov.uk>" }));
        Assert.True(validator.Validate(null, new ReminderOptions { Enabled = true, PublicUrl = "https://trellis.council.gov.uk" }).Succeeded);
    }
}
