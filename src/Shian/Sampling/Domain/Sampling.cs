using Shian.Kernel.Audit;
using Shian.Kernel.Scoping;
using Shian.Sampling.Rules;

namespace Shian.Sampling.Domain;

/// <summary>
/// A yearly sampling plan of a city or county (抽检监测计划): its quotas (份/千人 or fixed batches), each allocated to the
/// districts by population. The population figure used is recorded with its year and source.
/// </summary>
public sealed class SamplingPlan : IRegionScoped, IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string RegionCode { get; init; }

    public int Year { get; init; }

    public required string Title { get; set; }

    public long Population { get; init; }

    /// <summary>"2020 年第七次人口普查" — where the population came from.</summary>
    public required string PopulationSource { get; init; }

    public required string CreatedBy { get; init; }

    public DateTime CreatedAtUtc { get; init; }

    string IAudited.AuditKey => Id.ToString();

    string? IAudited.AuditRegionCode => RegionCode;
}

public enum QuotaKind
{
    /// <summary>食品抽检（份/千人）: every lab sample counts.</summary>
    Total,

    /// <summary>农药兽药残留检测（份/千人）: samples with a pesticide or veterinary-drug item.</summary>
    Residue,

    /// <summary>风险监测（件/千人）.</summary>
    RiskMonitoring,

    /// <summary>A fixed number of batches (e.g. 1400 批次 of municipal residue monitoring).</summary>
    Fixed,
}

/// <summary>One quota of a plan: a rate per 1 000 people (null while the plan leaves it blank, as seed 004's "x 份/千人") or a fixed count.</summary>
public sealed class SamplingQuota : IRegionScoped
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid PlanId { get; init; }

    /// <summary>The plan's region.</summary>
    public required string RegionCode { get; init; }

    public QuotaKind Kind { get; init; }

    public required string Name { get; init; }

    public decimal? PerThousand { get; set; }

    public int? FixedCount { get; set; }

    /// <summary>Required samples in the plan's region (⌈rate × population / 1000⌉ or the fixed count); null while the rate is blank.</summary>
    public int? Required { get; set; }

    /// <summary>Optional: only samples of this food category (and its sub-categories) count.</summary>
    public string? CategoryCode { get; init; }

    /// <summary>Optional: only samples taken from this kind of business count (e.g. 学校食堂, 农贸市场开办者).</summary>
    public Registry.Contracts.BusinessKind? BusinessKind { get; init; }
}

/// <summary>A quota's share for one district (by population, largest remainder), the unit progress is measured in.</summary>
public sealed class QuotaAllocation : IRegionScoped
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid QuotaId { get; init; }

    public Guid PlanId { get; init; }

    /// <summary>The district.</summary>
    public required string RegionCode { get; init; }

    public long Population { get; init; }

    public int Required { get; set; }
}

public enum SampleKind
{
    /// <summary>监督抽检.</summary>
    Supervision,

    /// <summary>风险监测.</summary>
    RiskMonitoring,

    /// <summary>评价性抽检.</summary>
    Evaluation,
}

/// <summary>The ground of an 异议 (《食品安全抽样检验管理办法》第三十七条): its window depends on it (review D-4).</summary>
public enum ObjectionGround
{
    /// <summary>抽样过程: within 7 working days after sampling (第二款).</summary>
    Procedure,

    /// <summary>样品真实性: within 7 working days of the notice (第三款).</summary>
    Authenticity,

    /// <summary>检验方法.</summary>
    Method,

    /// <summary>标准适用.</summary>
    Standard,
}

public enum SampleStatus
{
    /// <summary>已抽样（封样）.</summary>
    Taken,

    /// <summary>已寄送检验机构.</summary>
    Sent,

    /// <summary>检验机构已接收.</summary>
    Received,

    /// <summary>已出具检验结论.</summary>
    Reported,
}

/// <summary>
/// A lab sample (抽样单): the plan, the business it was taken from (its region; the business reads its own by USCC),
/// the product as labelled, the chain of custody (taken/sealed → sent → received → reported) with the statutory
/// limits (寄送 5 working days, 第二十条; report 20 working days from receipt, 第二十四条), and the verdict.
/// </summary>
public sealed class Sample : IRegionScoped, IBusinessOwned, IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The sample code printed on the bag's QR label (抽样单编号).</summary>
    public required string Code { get; init; }

    public Guid? PlanId { get; init; }

    public SampleKind Kind { get; init; }

    public Guid BusinessId { get; init; }

    public required string BusinessName { get; init; }

    public string? BusinessUscc { get; init; }

    /// <summary>The business's region.</summary>
    public required string RegionCode { get; init; }

    public required string BusinessAddress { get; init; }

    /// <summary>The business's kind when sampled (pass rates by business type).</summary>
    public Registry.Contracts.BusinessKind BusinessKind { get; init; }

    public required string ProductName { get; init; }

    public required string CategoryCode { get; init; }

    public string? Brand { get; init; }

    public string? Specification { get; init; }

    public string? Batch { get; init; }

    /// <summary>商品条码 (GTIN-14) on the package, if it has one: with <see cref="Batch"/> it names the lot the trace and the consumer's 追溯码 page follow.</summary>
    public string? Gtin { get; init; }

    public DateOnly? ProductionDate { get; init; }

    /// <summary>预包装食品: judged by the standard edition in force on its production date (review D-9); a 食用农产品 by the sampling date.</summary>
    public bool Prepackaged { get; init; }

    /// <summary>保质期至 of the sampled lot (the backup sample's too): after it no 复检 (抽检办法 第三十一条第二项).</summary>
    public DateOnly? BestBefore { get; init; }

    /// <summary>标称生产企业 and its address, as the label says (the announcement's first columns).</summary>
    public string? LabelledProducer { get; init; }

    public string? LabelledProducerAddress { get; init; }

    public required string Quantity { get; init; }

    public DateOnly SampledOn { get; init; }

    public required string Samplers { get; init; }

    public required string Lab { get; init; }

    /// <summary>Analyte codes the lab is asked to test, separated by ','.</summary>
    public required string Analytes { get; init; }

    public SampleStatus Status { get; set; }

    public DateOnly SendBy { get; set; }

    public DateOnly? SentOn { get; set; }

    public DateOnly? ReceivedOn { get; set; }

    public DateOnly? ReportDueBy { get; set; }

    public DateOnly? ReportedOn { get; set; }

    /// <summary>The date the lab's report was issued (检验结论), as the lab states it when entering results.</summary>
    public DateOnly? ConcludedOn { get; set; }

    /// <summary>
    /// The lab reports the conclusion to the department within 2 working days when non-conforming, 7 when conforming
    /// (抽检办法 第二十六条, U); entering the results is the report, so an entry after this date is late.
    /// </summary>
    public DateOnly? LabReportBy { get; set; }

    public SampleVerdict? Verdict { get; set; }

    /// <summary>Contains a pesticide or veterinary-drug item (counts toward the residue quota).</summary>
    public bool Residue { get; init; }

    /// <summary>The 抽检信息公告 that published it.</summary>
    public Guid? AnnouncementId { get; set; }

    /// <summary>A rapid test that proposed this sample, if any.</summary>
    public Guid? RapidTestId { get; init; }

    public required string CreatedBy { get; init; }

    public DateTime CreatedAtUtc { get; init; }

    string IAudited.AuditKey => Id.ToString();

    string? IAudited.AuditRegionCode => RegionCode;
}

/// <summary>
/// One test item's result and its automatic judgement. An override (人工判定) needs a reason and keeps the automatic
/// verdict beside it; both are audited.
/// </summary>
public sealed class SampleResult : IRegionScoped, IBusinessOwned, IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid SampleId { get; init; }

    /// <summary>The sample's region.</summary>
    public required string RegionCode { get; init; }

    public string? BusinessUscc { get; init; }

    public required string AnalyteCode { get; init; }

    /// <summary>The sample's sampling date, carried for statistics (pass rates per item without a join).</summary>
    public DateOnly SampledOn { get; init; }

    public decimal? Value { get; init; }

    public required string Unit { get; init; }

    public decimal? Lod { get; init; }

    public int? Decimals { get; init; }

    /// <summary>Reporting precision in significant figures (instead of <see cref="Decimals"/>), where the method standard says so.</summary>
    public int? SignificantDigits { get; init; }

    /// <summary>A microbiological plan's n results, ';'-separated ("ND" = 未检出).</summary>
    public string? Values { get; init; }

    /// <summary>The date the limit was resolved on: the production date of a prepackaged food, else the sampling date (review D-9).</summary>
    public DateOnly? JudgedOn { get; init; }

    public decimal? Density { get; init; }

    public string? Method { get; init; }

    public ItemVerdict AutoVerdict { get; init; }

    public ItemVerdict Verdict { get; set; }

    public required string Explanation { get; init; }

    public Guid? LimitId { get; init; }

    /// <summary>"≤0.3 mg/kg" or "不得检出": the announcement's 标准值.</summary>
    public string? LimitText { get; init; }

    public string? OverrideReason { get; set; }

    public string? OverriddenBy { get; set; }

    public DateTime? OverriddenAtUtc { get; set; }

    /// <summary>A 复检 result replaces the first one as final (食品安全法 第八十八条).</summary>
    public bool Retest { get; init; }

    public static string JoinValues(IEnumerable<decimal?> values) =>
        string.Join(';', values.Select(v => v?.ToString("0.##########", System.Globalization.CultureInfo.InvariantCulture) ?? "ND"));

    /// <summary>The plan's results as shown: "10、ND、120".</summary>
    public string? ValuesText => Values?.Replace("ND", "未检出", StringComparison.Ordinal).Replace(";", "、", StringComparison.Ordinal);

    public required string EnteredBy { get; init; }

    public DateTime EnteredAtUtc { get; init; }

    string IAudited.AuditKey => Id.ToString();

    string? IAudited.AuditRegionCode => RegionCode;
}

/// <summary>
/// What follows a non-conforming sample, each step on the statutory clock (shared/domain/deadlines.md §3): notify the
/// business (5 working days, 第二十九条), its window to apply for 复检 (7 working days from receipt, 食品安全法 第八十八条),
/// 核查处置 — removal, recall, cause investigation — (90 days, 第四十五条 U), the case clue for enforcement (立案 15
/// working days), publication (20 working days, U), and the risk re-grade.
/// </summary>
public sealed class Disposition : IRegionScoped, IBusinessOwned, IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid SampleId { get; init; }

    public required string RegionCode { get; init; }

    public string? BusinessUscc { get; init; }

    public Guid BusinessId { get; init; }

    /// <summary>
    /// The sample's kind: only a 监督抽检 conclusion opens 复检, 异议, the automatic case clue and publication; 风险监测 and
    /// 评价性抽检 follow notify-and-核查 (食品安全法 第八十八条; review D-2).
    /// </summary>
    public SampleKind Kind { get; init; } = SampleKind.Supervision;

    /// <summary>The day the non-conforming conclusion reached the department (检验结论).</summary>
    public DateOnly ConcludedOn { get; init; }

    public DateOnly NotifyBy { get; set; }

    public DateOnly? NotifiedOn { get; set; }

    /// <summary>Last day the business may apply for 复检: 7 working days from its receipt of the notice.</summary>
    public DateOnly? RetestApplyBy { get; set; }

    public DateOnly? RetestRequestedOn { get; set; }

    /// <summary>复检 受理 / 不予受理 due 5 working days after the application (抽检办法 第三十二条第一款, U).</summary>
    public DateOnly? RetestAcceptBy { get; set; }

    public DateOnly? RetestAcceptedOn { get; set; }

    /// <summary>The 复检机构 is drawn from the published list within 5 working days of 受理, +5 for objective reasons (第三十二条第二款, P).</summary>
    public DateOnly? RetestLabBy { get; set; }

    public bool RetestLabExtended { get; set; }

    public string? RetestLab { get; set; }

    public DateOnly? RetestLabChosenOn { get; set; }

    /// <summary>The first lab hands the backup sample over within 3 working days of the 复检机构 being fixed (第三十二条第三款, U).</summary>
    public DateOnly? BackupHandOverBy { get; set; }

    /// <summary>The hand-over period extended by 3 working days for objective reasons (第三十二条第三款, U).</summary>
    public bool BackupHandOverExtended { get; set; }

    public DateOnly? BackupHandedOverOn { get; set; }

    /// <summary>The 复检机构 concludes within 10 working days of receiving the backup sample (第三十五条, U).</summary>
    public DateOnly? RetestConclusionBy { get; set; }

    public DateOnly? RetestConcludedOn { get; set; }

    /// <summary>复检 result: null while none; true when the re-test conformed (the sample's verdict is then 合格).</summary>
    public bool? RetestConforming { get; set; }

    /// <summary>
    /// 异议: an objection to the sampling procedure (within 7 working days after sampling, 第三十七条第二款), or to the sample's
    /// authenticity, the method or the standard applied (within 7 working days of the notice, 第三款) — not to the value,
    /// which is 复检; 受理 within 5 working days (第三十八条), decided within 20 working days of 受理 (第三十九条第二款).
    /// </summary>
    public DateOnly? ObjectionFiledOn { get; set; }

    public ObjectionGround? ObjectionGround { get; set; }

    public string? ObjectionReason { get; set; }

    /// <summary>受理 or 不予受理 is decided within 5 working days of receipt (第三十八条).</summary>
    public DateOnly? ObjectionAcceptBy { get; set; }

    public DateOnly? ObjectionAcceptedOn { get; set; }

    /// <summary>20 working days from 受理 (第三十九条第二款); null until accepted.</summary>
    public DateOnly? ObjectionDecisionDue { get; set; }

    public DateOnly? ObjectionDecidedOn { get; set; }

    /// <summary>异议成立: the conclusion is withdrawn (the sample's verdict becomes 待判定).</summary>
    public bool? ObjectionUpheld { get; set; }

    public DateOnly ActionBy { get; init; }

    public bool RemovedFromSale { get; set; }

    public bool Recalled { get; set; }

    public string? Cause { get; set; }

    public string? ActionNote { get; set; }

    public DateOnly? ActionCompletedOn { get; set; }

    public DateOnly CaseDecisionDue { get; init; }

    public bool CaseClueRaised { get; set; }

    /// <summary>The enforcement module's 立案 or 不予立案 on the clue (its durable <c>CaseClueDecided</c>): the day, and the case number when opened.</summary>
    public DateOnly? CaseDecidedOn { get; set; }

    public bool? CaseOpened { get; set; }

    public string? CaseNumber { get; set; }

    /// <summary>Publication due; it applies to 监督抽检 only (<see cref="Kind"/>): 风险监测 and 评价性抽检 are not published as 监督抽检 results.</summary>
    public DateOnly PublishBy { get; set; }

    public DateOnly? PublishedOn { get; set; }

    /// <summary>Closed: 核查处置 done (or the 复检 conformed).</summary>
    public bool Closed { get; set; }

    string IAudited.AuditKey => Id.ToString();

    string? IAudited.AuditRegionCode => RegionCode;
}

public enum RapidResult
{
    /// <summary>阴性.</summary>
    Negative,

    /// <summary>阳性.</summary>
    Positive,
}

/// <summary>
/// A rapid test (快检) at a market test room: recorded apart from lab samples and never a legal judgement; a positive
/// one proposes a lab sample. The business may object within 4 hours (食品安全法 第八十八条第二款).
/// </summary>
public sealed class RapidTest : IRegionScoped, IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string RegionCode { get; init; }

    public Guid? BusinessId { get; init; }

    public required string Place { get; init; }

    public required string ProductName { get; init; }

    public required string Item { get; init; }

    public RapidResult Result { get; init; }

    public string? Reading { get; init; }

    public DateTime TestedAtUtc { get; init; }

    public DateTime ObjectionUntilUtc { get; init; }

    public required string Tester { get; init; }

    /// <summary>The lab sample taken after a positive result.</summary>
    public Guid? FollowUpSampleId { get; set; }

    string IAudited.AuditKey => Id.ToString();

    string? IAudited.AuditRegionCode => RegionCode;
}

/// <summary>A published 抽检信息公告 (the non-conforming list in the national announcement's columns).</summary>
public sealed class Announcement : IRegionScoped, IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string RegionCode { get; init; }

    /// <summary>"2026年第3期".</summary>
    public required string Number { get; init; }

    public DateOnly PublishedOn { get; init; }

    public int Samples { get; init; }

    public int NonConforming { get; init; }

    /// <summary>Sample ids, separated by ','.</summary>
    public required string SampleIds { get; init; }

    public required string PublishedBy { get; init; }

    string IAudited.AuditKey => Id.ToString();

    string? IAudited.AuditRegionCode => RegionCode;
}
