namespace Shian.Kernel.Calendar;

/// <summary>Dates as the offices see them: the calendar day in Beijing time (UTC+8, no daylight saving).</summary>
public static class ChinaTime
{
    /// <summary>Asia/Shanghai: for schedules at a Beijing hour.</summary>
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime, Zone));
}
