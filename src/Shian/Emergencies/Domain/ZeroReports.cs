using Shian.Emergencies.Rules;
using Shian.Kernel.Audit;
using Shian.Kernel.Scoping;

namespace Shian.Emergencies.Domain;

/// <summary>
/// A zero-reporting schedule a local plan sets for the reporting points of a county or city (零报告制度): from a date (to
/// a date, for a holiday or event watch), how often, and by when. Regulated by the region it covers.
/// </summary>
public sealed class ZeroReportSchedule : IRegionScoped, IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The county or city whose points owe the reports.</summary>
    public required string RegionCode { get; set; }

    /// <summary>e.g. "学校食品安全零报告", "春节假期每日零报告".</summary>
    public required string Title { get; set; }

    public ZeroReportFrequency Frequency { get; init; }

    public int DueHour { get; init; }

    public int DueOffsetDays { get; init; }

    public bool WorkingDaysOnly { get; init; }

    /// <summary>Key sites (schools, canteens …) owe reports too; otherwise only the street points.</summary>
    public bool IncludeKeySites { get; init; }

    public DateOnly From { get; init; }

    public DateOnly? Until { get; set; }

    /// <summary>The local plan's clause that asks for it (文件名称及条款).</summary>
    public string? Basis { get; init; }

    public required string CreatedBy { get; init; }

    public DateTime CreatedAtUtc { get; init; }

    /// <summary>Missing reports have been flagged for every period due up to this time (the check job's mark).</summary>
    public DateTime CheckedThroughUtc { get; set; }

    public ZeroReportRule Rule => new(Frequency, DueHour, DueOffsetDays, WorkingDaysOnly);

    string IAudited.AuditKey => Id.ToString();

    string? IAudited.AuditRegionCode => RegionCode;
}

/// <summary>A point's report for one period that nothing happened (or the officer's entry of one received by phone).</summary>
public sealed class ZeroReport : IRegionScoped, IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid ScheduleId { get; init; }

    public Guid PointId { get; init; }

    /// <summary>The point's street.</summary>
    public required string RegionCode { get; set; }

    public DateOnly PeriodStart { get; init; }

    public DateTime SubmittedAtUtc { get; init; }

    public required string SubmittedBy { get; init; }

    /// <summary>Entered by an officer for the point (电话报送代录).</summary>
    public bool OnBehalf { get; init; }

    public string? Note { get; init; }

    string IAudited.AuditKey => Id.ToString();

    string? IAudited.AuditRegionCode => RegionCode;
}
