namespace Shian.Kernel.Calendar;

/// <summary>Stored row of the holiday table (one exception to the Monday–Friday week).</summary>
public sealed class CalendarDay
{
    public DateOnly Date { get; init; }

    public CalendarDayKind Kind { get; set; }

    public required string Name { get; set; }

    public required string Source { get; set; }
}
