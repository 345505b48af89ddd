namespace Shian.Kernel.Calendar;

/// <summary>One exception to the Monday–Friday week, as announced by a State Council notice.</summary>
public sealed record CalendarException(DateOnly Date, CalendarDayKind Kind, string Name, string Source);
