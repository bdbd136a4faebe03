using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Trellis.Core.Reminders;

public static class ReminderServices
{
    /// <summary>The planner and sender, with their settings checked on start when reminders are enabled.</summary>
    public static IServiceCollection AddTrellisReminders(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddLogging(); // the CLI has no host; the sender logs failures
        services.AddOptions<SmtpOptions>().Bind(configuration.GetSection(SmtpOptions.Section));
        services.AddOptions<ReminderOptions>().Bind(configuration.GetSection(ReminderOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ReminderOptions>, ReminderOptionsValidator>();
        services.AddScoped<ReminderPlanner>();
        services.AddScoped<ReminderSender>();
        services.AddSingleton<ReminderMailer>();
        return services;
    }
}

/// <summary>With reminders on, both the reminder and the SMTP settings must be complete, or the app does not start.</summary>
public sealed class ReminderOptionsValidator(IOptions<SmtpOptions> smtp) : IValidateOptions<ReminderOptions>
{
    public ValidateOptionsResult Validate(string? name, ReminderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var problems = options.Problems().Concat(smtp.Value.Problems()).ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
