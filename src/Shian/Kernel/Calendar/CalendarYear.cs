namespace Shian.Kernel.Calendar;

/// <summary>A year whose State Council holiday notice is loaded; dates in other years are provisional.</summary>
public sealed class CalendarYear : Audit.IAudited
{
    public int Year { get; init; }

    /// <summary>The notice, e.g. "国办发明电〔2025〕7号 http://…".</summary>
    public required string Notice { get; set; }

    public DateTime ImportedAtUtc { get; set; }

    string Audit.IAudited.AuditKey => Year.ToString(System.Globalization.CultureInfo.InvariantCulture);

    string? Audit.IAudited.AuditRegionCode => null;
}
