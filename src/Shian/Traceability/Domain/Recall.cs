using Shian.Kernel.Audit;
using Shian.Kernel.Scoping;

namespace Shian.Traceability.Domain;

/// <summary>召回级别 (《食品召回管理办法》第十三条).</summary>
public enum RecallLevel
{
    /// <summary>一级: eating has caused or may cause serious harm or death.</summary>
    First = 1,

    /// <summary>二级: general health harm.</summary>
    Second = 2,

    /// <summary>三级: false labelling (标签、标识虚假标注).</summary>
    Third = 3,
}

/// <summary>How a recall came about.</summary>
public enum RecallTrigger
{
    /// <summary>监督抽检不合格 (proposed by the sampling module's event).</summary>
    Sampling,

    /// <summary>企业主动召回.</summary>
    Own,

    /// <summary>监管部门责令召回 (食品安全法 第六十三条第三款).</summary>
    Ordered,
}

public enum RecallStatus
{
    /// <summary>待定级: proposed from a failed sample, not yet graded.</summary>
    Proposed,

    /// <summary>待启动: graded; the start clock (24/48/72 h) runs.</summary>
    Pending,

    /// <summary>召回中: the notice is published; the completion clock (10/20/30 working days) runs.</summary>
    Underway,

    /// <summary>已完成: the business reported completion with its summary; awaiting the office's verification.</summary>
    Completed,

    /// <summary>已结束: verified by the office.</summary>
    Closed,

    /// <summary>不予召回: a proposed recall the office found unnecessary (reason kept).</summary>
    Dismissed,
}

/// <summary>
/// A food recall (食品召回): which lot of which business, at what level, the two statutory clocks, the scope computed
/// from the trace, recovered and destroyed quantities, and whether it is published. Its region is the recalling
/// business's; the districts its goods reached get <see cref="RecallTask"/>s.
/// </summary>
public sealed class Recall : IRegionScoped, IBusinessOwned, IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>ZH + county code (6) + year + serial, e.g. ZH2105022026001.</summary>
    public required string Number { get; set; }

    public required string RegionCode { get; set; }

    public Guid BusinessId { get; set; }

    public string? BusinessUscc { get; set; }

    public required string BusinessName { get; set; }

    public RecallTrigger Trigger { get; set; }

    public RecallStatus Status { get; set; }

    /// <summary>The failed sample (抽检不合格) that proposed it.</summary>
    public Guid? SampleId { get; set; }

    public string? SampleCode { get; set; }

    public required string ProductName { get; set; }

    /// <summary>GTIN-14 of the product, when it has a barcode.</summary>
    public string? Gtin { get; set; }

    /// <summary>Lot / batch number (批号) as labelled.</summary>
    public string? Lot { get; set; }

    public DateOnly? ProductionDate { get; set; }

    public RecallLevel? Level { get; set; }

    /// <summary>不安全食品的情况与原因 (what is wrong and why the food must come back).</summary>
    public required string Reason { get; set; }

    /// <summary>When the business knew (or was told) of the risk: the start clock runs from here.</summary>
    public DateTime? KnownAtUtc { get; set; }

    /// <summary>Start the recall and report the plan by (24/48/72 h, 第十三条).</summary>
    public DateTime? StartDueAtUtc { get; set; }

    /// <summary>When the recall notice was published (the recall started).</summary>
    public DateOnly? NoticeOn { get; set; }

    public DateTime? StartedAtUtc { get; set; }

    /// <summary>召回公告: what the public is told (product, lot, why, what to do, whom to contact).</summary>
    public string? Notice { get; set; }

    /// <summary>Complete by (10/20/30 working days from the notice, 第十八条 as commonly numbered; an approved extension moves it).</summary>
    public DateOnly? CompleteDue { get; set; }

    public string? ExtensionReason { get; set; }

    /// <summary>应召回数量: what left the recalling business (from the scope, or as the business states).</summary>
    public decimal? QuantityToRecall { get; set; }

    public string? Unit { get; set; }

    public decimal Recovered { get; set; }

    public decimal Destroyed { get; set; }

    public DateOnly? CompletedOn { get; set; }

    /// <summary>召回总结报告 (what was recovered, how it was disposed of, corrective actions).</summary>
    public string? Summary { get; set; }

    public DateOnly? ClosedOn { get; set; }

    public string? ClosedBy { get; set; }

    public string? DismissReason { get; set; }

    /// <summary>Published on the public portal (recall notices are public: 第十六条/第十七条).</summary>
    public DateOnly? PublishedOn { get; set; }

    /// <summary>拒不召回 recorded (食品安全法 第一百二十四条): a case clue went to enforcement.</summary>
    public DateOnly? RefusedOn { get; set; }

    public required string CreatedBy { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public string AuditKey => Id.ToString();

    public string? AuditRegionCode => RegionCode;
}

public enum RecallTaskStatus
{
    /// <summary>待核查: the district is to check that its downstream parties stopped selling and returned the goods.</summary>
    Open,

    /// <summary>已核查.</summary>
    Done,
}

/// <summary>
/// A district's part of a recall (召回督促核查): the downstream parties and locations the trace found in it, and what the
/// district's officers verified. Carries the recall's headline so the district sees it without the recalling district's
/// records.
/// </summary>
public sealed class RecallTask : IRegionScoped, IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid RecallId { get; set; }

    /// <summary>The district (county-level code, 12 digits).</summary>
    public required string RegionCode { get; set; }

    public required string RecallNumber { get; set; }

    public required string ProductName { get; set; }

    public string? Lot { get; set; }

    public RecallLevel Level { get; set; }

    public required string RecallingBusiness { get; set; }

    /// <summary>The parties and locations in the district, one per line (name or GLN, quantity).</summary>
    public required string Parties { get; set; }

    public decimal? Quantity { get; set; }

    public string? Unit { get; set; }

    public RecallTaskStatus Status { get; set; }

    public decimal? Recovered { get; set; }

    public string? Note { get; set; }

    public DateOnly? DoneOn { get; set; }

    public string? DoneBy { get; set; }

    public string AuditKey => Id.ToString();

    public string? AuditRegionCode => RegionCode;
}

/// <summary>One progress report on a recall: quantities recovered and destroyed on a date, by the business or an officer.</summary>
public sealed class RecallProgress : IRegionScoped, IBusinessOwned, IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid RecallId { get; set; }

    /// <summary>The recall's region.</summary>
    public required string RegionCode { get; set; }

    /// <summary>The recalling business's USCC (its users read their recall's progress).</summary>
    public string? BusinessUscc { get; set; }

    public DateOnly On { get; set; }

    public decimal Recovered { get; set; }

    public decimal Destroyed { get; set; }

    public string? Note { get; set; }

    public required string By { get; set; }

    public DateTime AtUtc { get; set; }

    public string AuditKey => Id.ToString();

    public string? AuditRegionCode => RegionCode;
}
