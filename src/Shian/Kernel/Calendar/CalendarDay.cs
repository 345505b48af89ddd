namespace Shian.Kernel.Calendar;

/// <summary>Stored row of the holiday table (one exception to the Monday–Friday week).</summary>
public sealed class CalendarDay : Audit.IAudited
{
    public DateOnly Date { get; init; }

    public CalendarDayKind Kind { get; set; }

    public required string Name { get; set; }

    public required string Source { get; set; }

    string Audit.IAudited.AuditKey => Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    string? Audit.IAudited.AuditRegionCode => null;
}
