using Shian.Kernel.Audit;
using Shian.Kernel.Scoping;

namespace Shian.Emergencies.Domain;

public enum PlanKind
{
    /// <summary>食品安全事故应急预案.</summary>
    Plan,

    /// <summary>应急处置操作手册.</summary>
    Manual,
}

/// <summary>
/// One version of a region's emergency plan or operation manual (应急预案/操作手册): its document, when it was approved and
/// when it is due for evaluation. A new version of the same plan (same <see cref="LineageId"/>) supersedes the one before.
/// </summary>
public sealed class EmergencyPlan : IRegionScoped, IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The city or county whose plan it is.</summary>
    public required string RegionCode { get; init; }

    /// <summary>The same plan across its versions.</summary>
    public Guid LineageId { get; init; }

    public PlanKind Kind { get; init; }

    public required string Title { get; init; }

    /// <summary>e.g. "2026 年修订版".</summary>
    public required string Version { get; init; }

    /// <summary>The issuing document (印发文号), e.g. "溪政办发〔2026〕12号".</summary>
    public string? DocumentNumber { get; init; }

    public DateOnly ApprovedOn { get; init; }

    public DateOnly ReviewDueOn { get; init; }

    /// <summary>The document (kernel attachment), if uploaded.</summary>
    public Guid? AttachmentId { get; init; }

    public string? FileName { get; init; }

    public DateOnly? SupersededOn { get; set; }

    public required string RecordedBy { get; init; }

    public DateTime RecordedAtUtc { get; init; }

    string IAudited.AuditKey => Id.ToString();

    string? IAudited.AuditRegionCode => RegionCode;
}

public enum PreparednessKind
{
    /// <summary>应急演练.</summary>
    Drill,

    /// <summary>应急培训.</summary>
    Training,
}

/// <summary>A drill or a training session held by a region's office: when, what form, who took part, what was learned.</summary>
public sealed class PreparednessActivity : IRegionScoped, IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string RegionCode { get; init; }

    public PreparednessKind Kind { get; init; }

    public required string Title { get; init; }

    public DateOnly HeldOn { get; init; }

    /// <summary>实战演练 / 桌面推演 / 综合演练 …, or the training's form.</summary>
    public string? Form { get; init; }

    public int Participants { get; init; }

    /// <summary>The departments and units that took part.</summary>
    public string? Departments { get; init; }

    /// <summary>评估 and lessons (演练评估 / 培训小结).</summary>
    public string? Lessons { get; init; }

    /// <summary>The plan exercised (a drill).</summary>
    public Guid? PlanLineageId { get; init; }

    public required string RecordedBy { get; init; }

    public DateTime RecordedAtUtc { get; init; }

    string IAudited.AuditKey => Id.ToString();

    string? IAudited.AuditRegionCode => RegionCode;
}
