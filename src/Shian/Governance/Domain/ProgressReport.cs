using Shian.Kernel.Audit;
using Shian.Kernel.Scoping;

namespace Shian.Governance.Domain;

/// <summary>A unit's progress on a task: what was done, how far, measured values, evidence.</summary>
public sealed class ProgressReport : IRegionScoped, IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TaskId { get; init; }

    public Guid PlanId { get; init; }

    public required string UnitKey { get; init; }

    public required string UnitName { get; init; }

    /// <summary>The reporting unit's region.</summary>
    public required string RegionCode { get; init; }

    public required string Text { get; init; }

    /// <summary>0–100.</summary>
    public int Percent { get; init; }

    public bool Completed { get; init; }

    /// <summary>A milestone (时间节点) of a multi-milestone task this report declares met; it no longer makes the unit overdue.</summary>
    public Guid? MilestoneId { get; init; }

    public required string ReportedBy { get; init; }

    public DateTime ReportedAtUtc { get; init; }

    string IAudited.AuditKey => Id.ToString();

    string? IAudited.AuditRegionCode => RegionCode;
}

/// <summary>A value measured for one of the task's targets in a report.</summary>
public sealed class TargetMeasurement : IRegionScoped
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid ReportId { get; init; }

    public Guid TargetId { get; init; }

    public required string RegionCode { get; init; }

    public decimal Value { get; init; }
}

/// <summary>An attachment given as evidence for a report.</summary>
public sealed class ReportEvidence
{
    public Guid ReportId { get; init; }

    public Guid AttachmentId { get; init; }
}

/// <summary>A reminder or overdue notice already sent, so that the daily job sends each one once.</summary>
public sealed class SentReminder
{
    public Guid AssignmentId { get; init; }

    public Guid MilestoneId { get; init; }

    /// <summary>"due-5", "due-1" (working days before) or "overdue".</summary>
    public required string Kind { get; init; }

    public DateTime SentAtUtc { get; init; }
}
