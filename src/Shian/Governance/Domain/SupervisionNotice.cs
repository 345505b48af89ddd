using Shian.Kernel.Audit;
using Shian.Kernel.Scoping;

namespace Shian.Governance.Domain;

public enum SupervisionStatus
{
    /// <summary>督办中: waiting for the unit's reply.</summary>
    Open,

    /// <summary>已回复.</summary>
    Replied,

    /// <summary>逾期未回复.</summary>
    Overdue,
}

/// <summary>
/// 督办: the 食安办 presses a unit on a task, with a reply deadline in working days. The notice carries the unit's
/// region (the district sees and answers it); the issuing 食安办's region is kept for the record.
/// </summary>
public sealed class SupervisionNotice : IRegionScoped, IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TaskId { get; init; }

    public Guid PlanId { get; init; }

    public required string UnitKey { get; init; }

    public required string UnitName { get; init; }

    /// <summary>The pressed unit's region.</summary>
    public required string RegionCode { get; init; }

    public required string IssuerRegionCode { get; init; }

    public required string Reason { get; init; }

    public required string IssuedBy { get; init; }

    public DateTime IssuedAtUtc { get; init; }

    public DateOnly ReplyDue { get; set; }

    /// <summary>The reply period as issued, in working days (the due date is recomputed from it when a holiday notice arrives).</summary>
    public int ReplyWorkingDays { get; init; }

    public bool ReplyDueProvisional { get; set; }

    public SupervisionStatus Status { get; set; }

    public string? Reply { get; set; }

    public string? RepliedBy { get; set; }

    public DateTime? RepliedAtUtc { get; set; }

    string IAudited.AuditKey => Id.ToString();

    string? IAudited.AuditRegionCode => RegionCode;
}
