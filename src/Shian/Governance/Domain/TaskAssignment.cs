using Shian.Kernel.Audit;
using Shian.Kernel.Scoping;

namespace Shian.Governance.Domain;

public enum AssignmentRole
{
    /// <summary>牵头单位.</summary>
    Lead,

    /// <summary>责任单位.</summary>
    Responsible,
}

/// <summary>
/// A unit's part in a task. It carries the unit's region, so that a district sees the tasks given to its units
/// even when the plan is the city's.
/// </summary>
public sealed class TaskAssignment : IRegionScoped, IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TaskId { get; init; }

    public Guid PlanId { get; init; }

    public required string UnitKey { get; init; }

    /// <summary>The unit's name when assigned (the catalogue may rename it later).</summary>
    public required string UnitName { get; init; }

    /// <summary>The unit's region.</summary>
    public required string RegionCode { get; init; }

    public AssignmentRole Role { get; init; }

    /// <summary>Order within the task, as the document lists them.</summary>
    public int Ordinal { get; init; }

    /// <summary>Kept current by each report and by the daily job.</summary>
    public WorkStatus Status { get; set; } = WorkStatus.NotStarted;

    public int Percent { get; set; }

    public DateTime? LastReportedAtUtc { get; set; }

    /// <summary>How the name in the document was resolved (名称/别名/组/人工指定).</summary>
    public required string Resolution { get; init; }

    string IAudited.AuditKey => Id.ToString();

    string? IAudited.AuditRegionCode => RegionCode;
}
