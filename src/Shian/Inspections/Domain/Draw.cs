using Shian.Kernel.Audit;
using Shian.Kernel.Scoping;

namespace Shian.Inspections.Domain;

/// <summary>
/// A 双随机 draw: the office's region, what was asked, the seed, the algorithm and the hash of the frozen pool, so
/// that anyone can re-run it (the pool snapshot is kept, gzip JSON) and get the same list. Published = 一公开.
/// </summary>
public sealed class Draw : IRegionScoped, IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string RegionCode { get; init; }

    public required string Title { get; init; }

    public decimal Percent { get; init; }

    /// <summary>The filters of the pool as asked (kinds, grades), as JSON.</summary>
    public required string FiltersJson { get; init; }

    public required string Seed { get; init; }

    public required string Algorithm { get; init; }

    public required string PoolHash { get; init; }

    public int PoolSize { get; init; }

    public int Drawn { get; init; }

    public int InspectorPoolSize { get; init; }

    public DateOnly DrawnOn { get; init; }

    /// <summary>The frozen pool and inspector pool (gzip JSON) for re-running the draw.</summary>
    public required byte[] Snapshot { get; init; }

    public required string CreatedBy { get; init; }

    public DateTime CreatedAtUtc { get; init; }

    public DateTime? PublishedAtUtc { get; set; }

    string IAudited.AuditKey => Id.ToString();

    string? IAudited.AuditRegionCode => RegionCode;
}

public enum VisitStatus
{
    /// <summary>待检查.</summary>
    Planned,

    /// <summary>已检查.</summary>
    Done,
}

/// <summary>A visit a draw planned: the business (its region) and the two or more inspectors assigned.</summary>
public sealed class PlannedVisit : IRegionScoped
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid DrawId { get; init; }

    public Guid BusinessId { get; init; }

    public required string BusinessName { get; init; }

    /// <summary>The business's region.</summary>
    public required string RegionCode { get; init; }

    /// <summary>Inspector user ids, comma-separated, in drawn order.</summary>
    public required string InspectorIds { get; init; }

    public required string InspectorNames { get; init; }

    /// <summary>Not inspected within the coverage window when drawn.</summary>
    public bool CoverageOverdue { get; init; }

    public VisitStatus Status { get; set; }

    public DateOnly? InspectedOn { get; set; }
}

/// <summary>An inspector's declared conflict with a business (亲属、利害关系): never drawn for it (第二十三条 回避).</summary>
public sealed class InspectorConflict : IRegionScoped, IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string InspectorId { get; init; }

    public Guid BusinessId { get; init; }

    /// <summary>The business's region.</summary>
    public required string RegionCode { get; init; }

    public required string Reason { get; init; }

    public DateTime DeclaredAtUtc { get; init; }

    string IAudited.AuditKey => Id.ToString();

    string? IAudited.AuditRegionCode => RegionCode;
}
