namespace Trellis.Core.Dates;

/// <summary>Today as a council officer in England sees it, from an injected clock.</summary>
public static class UkClock
{
    private static readonly TimeZoneInfo London = FindLondon();

    public static DateOnly Today(this TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), London).DateTime);

    /// <summary>The date in England at that moment.</summary>
    public static DateOnly UkDate(DateTimeOffset moment) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(moment, London).DateTime);

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
}
