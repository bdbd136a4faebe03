using Microsoft.Extensions.Options;
using Trellis.Core.Reminders;

namespace Trellis.Web.Infrastructure;

/// <summary>
/// Sends the day's reminder digests once it is past <see cref="ReminderOptions.SendAtHour"/> in the UK. It looks every
/// few minutes; the sender's claim table, not this loop, is what keeps a digest to once a day, so several
/// instances of the app, a restart, or the CLI run by hand never send one twice.
/// </summary>
public sealed partial class ReminderScheduler(IServiceScopeFactory scopes, TimeProvider clock, IOptions<ReminderOptions> options, ILogger<ReminderScheduler> logger) : BackgroundService
{
    public static readonly TimeSpan CheckEvery = TimeSpan.FromMinutes(15);

    private static readonly TimeZoneInfo London = FindLondon();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        DateOnly? done = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            var local = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), London);
            var today = DateOnly.FromDateTime(local.DateTime);
            if (done != today && local.Hour >= options.Value.SendAtHour)
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var result = await scope.ServiceProvider.GetRequiredService<ReminderSender>().SendAsync(today, stoppingToken);
                    LogRun(logger, today, result.Sent, result.Failed, result.Skipped);

                    // Failed digests stay due today: the next look retries them.
                    done = result.Failed == 0 ? today : null;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // A database or network hiccup must not stop the web app; the next look tries again.
                    LogError(logger, e, today);
                }
            }

            await Task.Delay(CheckEvery, clock, stoppingToken);
        }
    }

    private static TimeZoneInfo FindLondon()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminders for {Date}: {Sent} sent, {Failed} failed, {Skipped} already sent")]
    private static partial void LogRun(ILogger logger, DateOnly date, int sent, int failed, int skipped);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reminders for {Date} could not be sent")]
    private static partial void LogError(ILogger logger, Exception exception, DateOnly date);
}

public static class ReminderSchedulerExtensions
{
    /// <summary>The daily send, only when Trellis:Reminders:Enabled; its settings are then checked on start.</summary>
    public static IServiceCollection AddReminderScheduler(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration.GetValue<bool>($"{ReminderOptions.Section}:{nameof(ReminderOptions.Enabled)}"))
        {
            services.AddHostedService<ReminderScheduler>();
        }

        return services;
    }
}
