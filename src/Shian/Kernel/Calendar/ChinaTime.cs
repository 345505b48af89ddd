namespace Shian.Kernel.Calendar;

/// <summary>Dates as the offices see them: the calendar day in Beijing time (UTC+8, no daylight saving).</summary>
public static class ChinaTime
{
    /// <summary>Asia/Shanghai: for schedules at a Beijing hour.</summary>
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static DateOnly Today(TimeProvider clock) => DateOfUtc(clock.GetUtcNow().UtcDateTime);

    /// <summary>A UTC instant as Beijing wall-clock time.</summary>
    public static DateTime FromUtc(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>The Beijing calendar day of a UTC instant.</summary>
    public static DateOnly DateOfUtc(DateTime utc) => DateOnly.FromDateTime(FromUtc(utc));

    /// <summary>The UTC instant a Beijing calendar day begins (00:00 Beijing time).</summary>
    public static DateTime StartUtc(DateOnly day) => TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), Zone);

    /// <summary>A form's datetime-local value (Beijing wall-clock time) as a UTC instant.</summary>
    public static DateTime? UtcOf(DateTime? beijing) =>
        beijing is { } b ? TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(b, DateTimeKind.Unspecified), Zone) : null;
}
