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

    /// <summary>
    /// When the draw was last re-run from its seed and frozen pool, and whether the re-run gave the stored list.
    /// Computed when published (and by an authorised re-verification), so the public reads the stored answer instead of
    /// costing the server a re-run per anonymous request (security finding 5).
    /// </summary>
    public DateTime? VerifiedAtUtc { get; set; }

    public bool? VerifiedMatches { get; set; }

    /// <summary>When staff last asked for a re-verification (queued as a job: a city draw costs many seconds of CPU).</summary>
    public DateTime? VerificationRequestedAtUtc { get; set; }

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

/// <summary>Why a visit is planned.</summary>
public enum VisitPurpose
{
    /// <summary>双随机抽查.</summary>
    RandomDraw,

    /// <summary>风险分级检查计划.</summary>
    RiskPlan,

    /// <summary>专项检查（专项整治、飞行检查、节令、开学季）.</summary>
    Campaign,

    /// <summary>整改复查.</summary>
    Reinspection,
}

/// <summary>
/// A visit a draw, a plan or a rectification order planned: the business (its region), the two or more inspectors
/// assigned, and for plans the dates it is due between.
/// </summary>
public sealed class PlannedVisit : IRegionScoped
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public VisitPurpose Purpose { get; init; }

    public Guid? DrawId { get; init; }

    public Guid? PlanId { get; init; }

    /// <summary>For a re-inspection: the inspection whose rectification it checks.</summary>
    public Guid? FollowsRecordId { get; init; }

    public DateOnly? DueFrom { get; set; }

    public DateOnly? DueBy { get; set; }

    /// <summary>This visit is the full-checklist inspection the two-year floor requires (Order 49 第二十二条第一款).</summary>
    public bool FullChecklistDue { get; init; }

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

public enum PlanKind
{
    /// <summary>风险分级检查计划 (yearly, by grade frequency).</summary>
    RiskBased,

    /// <summary>专项检查.</summary>
    Campaign,
}

public enum CampaignKind
{
    /// <summary>专项整治.</summary>
    Special,

    /// <summary>飞行检查.</summary>
    Flying,

    /// <summary>节令检查（节假日、旅游旺季）.</summary>
    Seasonal,

    /// <summary>开学季检查.</summary>
    SchoolTerm,
}

/// <summary>
/// An inspection plan: the yearly risk-based plan of a region (每家按风险等级频次，全年均衡) or a special campaign targeting
/// kinds, places, areas and a window (seed 003: 校园周边, 农批市场, 夜市 …). Its visits are <see cref="PlannedVisit"/>s.
/// </summary>
public sealed class InspectionPlan : IRegionScoped, IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string RegionCode { get; init; }

    public PlanKind Kind { get; init; }

    public CampaignKind? Campaign { get; init; }

    public required string Title { get; init; }

    public int Year { get; init; }

    public DateOnly StartsOn { get; init; }

    public DateOnly EndsOn { get; init; }

    /// <summary>What was asked (kinds, places, areas, grades, businesses), as JSON.</summary>
    public required string FiltersJson { get; init; }

    public int Businesses { get; init; }

    public int Visits { get; init; }

    /// <summary>Visits that are the two-year full-checklist inspection.</summary>
    public int FullChecklistVisits { get; init; }

    public int InspectorPoolSize { get; init; }

    /// <summary>Visits the inspectors' capacity left out of the window (usability finding 10), and the businesses they concern.</summary>
    public int UnplacedVisits { get; init; }

    public int UnplacedBusinesses { get; init; }

    /// <summary>The capacity the plan was made with (visits per inspector per working day; 0 = no limit).</summary>
    public decimal VisitsPerInspectorPerDay { get; init; }

    public required string CreatedBy { get; init; }

    public DateTime CreatedAtUtc { get; init; }

    string IAudited.AuditKey => Id.ToString();

    string? IAudited.AuditRegionCode => RegionCode;
}
