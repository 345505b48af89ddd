using Shian.Enforcement.Contracts;
using Shian.Enforcement.Rules;
using Shian.Kernel.Audit;
using Shian.Kernel.Scoping;

namespace Shian.Enforcement.Domain;

/// <summary>Where a clue stands.</summary>
public enum ClueStatus
{

    /// <summary>待核查.</summary>
    Pending,

    /// <summary>已提出立案或不予立案意见，待负责人审批.</summary>
    Proposed,

    /// <summary>已立案.</summary>
    Opened,

    /// <summary>不予立案.</summary>
    NotOpened,

    /// <summary>适用简易程序当场处罚 (《行政处罚法》第五十一条): handled without 立案.</summary>
    Summary,
}

/// <summary>The procedure a penalty was decided under.</summary>
public enum CaseProcedure
{
    /// <summary>普通程序: 立案, 调查, 审核, 告知, 决定 (《行政处罚法》第五十四条起).</summary>
    Ordinary,

    /// <summary>简易程序: 当场作出行政处罚决定 (《行政处罚法》第五十一条至第五十三条).</summary>
    Summary,
}

/// <summary>
/// A case clue (案件线索) from an inspection, a failed 监督抽检, a complaint or report, a transfer, 上级交办 or found in the field.
/// 立案 or 不予立案 is decided with the head's approval within 15 working days of finding it, +15 with approval, without the time
/// of 检测、检验、检疫、鉴定 (《市场监督管理行政处罚程序规定》第十八条、第二十条).
/// </summary>
public sealed class CaseClue : IRegionScoped, IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string RegionCode { get; set; }

    public CaseClueSource Source { get; init; }

    /// <summary>The raising module's record (inspection, sample, complaint); null for clues entered by hand.</summary>
    public Guid? SourceId { get; init; }

    public Guid? BusinessId { get; set; }

    public required string BusinessName { get; set; }

    public required string Summary { get; set; }

    /// <summary>Who sent a transferred or assigned clue (部门、地区、上级).</summary>
    public string? FromWhom { get; init; }

    public DateOnly FoundOn { get; init; }

    public DateOnly DecisionDue { get; set; }

    public bool Extended { get; set; }

    public string? ExtensionApprover { get; set; }

    public string? ExtensionReason { get; set; }

    /// <summary>Working days of 检测、检验、检疫、鉴定 or 复检, not counted.</summary>
    public int PausedWorkingDays { get; set; }

    public ClueStatus Status { get; set; }

    /// <summary>The verifying officer's proposal: open a case (true) or not.</summary>
    public bool? ProposeOpen { get; set; }

    public string? ProposalReason { get; set; }

    public string? ProposedBy { get; set; }

    public DateOnly? ProposedOn { get; set; }

    public string? ApprovedBy { get; set; }

    public DateOnly? DecidedOn { get; set; }

    public Guid? CaseId { get; set; }

    public DateTime ReceivedAtUtc { get; init; }

    public DateTime UpdatedAtUtc { get; set; }

    public string AuditKey => Id.ToString();

    public string? AuditRegionCode => RegionCode;
}

/// <summary>The stage of a case under the 普通程序.</summary>
public enum CaseStage
{
    /// <summary>立案审批中 (proposed from a clue, not yet approved; no number).</summary>
    Proposed,

    /// <summary>调查取证.</summary>
    Investigating,

    /// <summary>审核（法制审核）.</summary>
    Review,

    /// <summary>已告知，陈述申辩（听证）期间.</summary>
    Notified,

    /// <summary>听证.</summary>
    Hearing,

    /// <summary>待决定（集体讨论、负责人决定）.</summary>
    Deciding,

    /// <summary>已决定，待送达.</summary>
    Decided,

    /// <summary>执行中（缴纳罚款）.</summary>
    Executing,

    /// <summary>结案.</summary>
    Closed,
}

/// <summary>How the case was decided.</summary>
public enum CaseOutcome
{
    /// <summary>给予行政处罚.</summary>
    Penalty,

    /// <summary>不予行政处罚.</summary>
    NoPenalty,

    /// <summary>违法事实不能成立，撤销案件.</summary>
    Dismissed,
}

/// <summary>The ground of 不予行政处罚.</summary>
public enum NoPenaltyGround
{
    /// <summary>初次违法且危害后果轻微并及时改正（首违不罚，《行政处罚法》第三十三条第一款）.</summary>
    FirstMinor,

    /// <summary>违法行为轻微并及时改正，没有造成危害后果（第三十三条第一款）.</summary>
    Minor,

    /// <summary>有证据足以证明没有主观过错（第三十三条第二款）.</summary>
    NoFault,

    /// <summary>履行了进货查验等义务，有充分证据证明不知道所采购的食品不符合安全标准，并能如实说明进货来源（《食品安全法》第一百三十六条）.</summary>
    Art136,

    /// <summary>超过追责时效（《行政处罚法》第三十六条）.</summary>
    Limitation,
}

/// <summary>A 立案 case (普通程序) with its officers, clocks, proposed and decided penalty, service and payment.</summary>
public sealed class EnforcementCase : IRegionScoped, IBusinessOwned, IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string RegionCode { get; set; }

    /// <summary>The county (12 digits) whose numbering the case and its decision take.</summary>
    public required string County { get; set; }

    /// <summary>立案编号: per county and year, e.g. 立〔2026〕12 号; none while proposed.</summary>
    public int Year { get; set; }

    public int? Number { get; set; }

    public Guid ClueId { get; init; }

    public Guid? BusinessId { get; init; }

    /// <summary>The party's USCC when it is a registered business: its own account reads the case from 告知 on (我的企业).</summary>
    public string? BusinessUscc { get; set; }

    /// <summary>当事人.</summary>
    public required string Party { get; set; }

    /// <summary>当事人为自然人 (hearing thresholds, 较低数额罚款).</summary>
    public bool PartyIsPerson { get; set; }

    /// <summary>案由.</summary>
    public required string Cause { get; set; }

    public DateOnly? OpenedOn { get; set; }

    /// <summary>The day of the act, or the day a continuing act ended (时效, 《行政处罚法》第三十六条).</summary>
    public DateOnly ViolationEndedOn { get; init; }

    public bool LifeHealthHarm { get; init; }

    /// <summary>The case officers' login names joined by 、 (as visits and records store theirs) (≥ 2 with enforcement credentials, 程序规定 第十九条).</summary>
    public required string Officers { get; set; }

    /// <summary>重大案件: 法制审核 (《行政处罚法》第五十八条) and 集体讨论 (第五十七条第二款) before the decision.</summary>
    public bool Major { get; set; }

    public CaseStage Stage { get; set; }

    /// <summary>Days of the decision period added by approval (30, then as a collective discussion sets).</summary>
    public int ExtensionDays { get; set; }

    /// <summary>Calendar days not counted: 中止、听证、公告、检测、检验、检疫、鉴定.</summary>
    public int PausedDays { get; set; }

    public DateOnly DecisionDue { get; set; }

    public string? InvestigationReport { get; set; }

    public PenaltyArticle? Article { get; set; }

    /// <summary>货值金额 (yuan).</summary>
    public decimal? GoodsValue { get; set; }

    public decimal Fine { get; set; }

    /// <summary>没收违法所得 (yuan).</summary>
    public decimal Confiscated { get; set; }

    public bool Warning { get; set; }

    /// <summary>吊销许可证件、责令停产停业等较重处罚 named in words.</summary>
    public string? OtherMeasures { get; set; }

    /// <summary>裁量: 从轻 / 一般 / 从重 / 减轻, with the reasons.</summary>
    public string? DiscretionLevel { get; set; }

    public string? DiscretionReason { get; set; }

    /// <summary>The proposed fine against the local 裁量基准 in words (<see cref="Rules.BenchmarkJudgement.Text"/>), when one applies.</summary>
    public string? Benchmark { get; set; }

    public string? ReviewedBy { get; set; }

    public DateOnly? ReviewedOn { get; set; }

    public string? ReviewOpinion { get; set; }

    public DateOnly? NoticeServedOn { get; set; }

    public bool HearingRight { get; set; }

    public DateOnly? StatementBy { get; set; }

    public string? Statement { get; set; }

    public bool Waived { get; set; }

    public DateOnly? HearingRequestedOn { get; set; }

    public DateOnly? HearingOn { get; set; }

    public DateOnly? HearingNoticedOn { get; set; }

    public DateOnly? HearingHeldOn { get; set; }

    public DateOnly? DiscussedOn { get; set; }

    public string? DiscussionConclusion { get; set; }

    public CaseOutcome? Outcome { get; set; }

    public NoPenaltyGround? NoPenaltyGround { get; set; }

    /// <summary>处罚决定书文号: per county and year, e.g. 罚〔2026〕7 号.</summary>
    public int? DecisionYear { get; set; }

    public int? DecisionNumber { get; set; }

    public DateOnly? DecidedOn { get; set; }

    public string? DecidedBy { get; set; }

    public DateOnly? ServeBy { get; set; }

    public DateOnly? ServedOn { get; set; }

    public string? ServiceMethod { get; set; }

    public DateOnly? PayBy { get; set; }

    public DateOnly? PaidOn { get; set; }

    public decimal? AmountPaid { get; set; }

    public DateOnly? ClosedOn { get; set; }

    /// <summary>The day the decision was 撤销、变更 or declared illegal or void (行政复议, 行政诉讼, 自行纠正).</summary>
    public DateOnly? RevokedOn { get; set; }

    public string? RevocationReason { get; set; }

    /// <summary>普通程序 or 简易程序 (当场处罚).</summary>
    public CaseProcedure Procedure { get; init; }

    /// <summary>简易程序: the legal basis in words (法律、法规、规章 and article), since most on-the-spot penalties rest on local rules.</summary>
    public string? LegalBasis { get; set; }

    /// <summary>简易程序: where the decision was made and handed over.</summary>
    public string? Place { get; set; }

    /// <summary>简易程序: the fine was collected on the spot (《行政处罚法》第六十八条), with the receipt's number (第七十条).</summary>
    public bool CollectedOnSpot { get; set; }

    public string? ReceiptNumber { get; set; }

    /// <summary>简易程序: the decision is filed with the office (备案, 《行政处罚法》第五十二条第三款) by this day; when and by whom it was.</summary>
    public DateOnly? FileBy { get; set; }

    public DateOnly? FiledOn { get; set; }

    public string? FiledBy { get; set; }

    /// <summary>The approved 延期或分期缴纳 plan (《行政处罚法》第六十六条第二款) the payment follows, if any.</summary>
    public Guid? PaymentPlanId { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    public string AuditKey => Id.ToString();

    public string? AuditRegionCode => RegionCode;
}

/// <summary>延期 (one later date) or 分期 (several dates) payment of a fine.</summary>
public enum PaymentPlanKind
{
    /// <summary>暂缓（延期）缴纳.</summary>
    Deferral,

    /// <summary>分期缴纳.</summary>
    Instalments,
}

/// <summary>Where a request for a payment plan stands.</summary>
public enum PaymentPlanStatus
{
    /// <summary>待负责人批准.</summary>
    Pending,

    /// <summary>已批准.</summary>
    Approved,

    /// <summary>不予批准.</summary>
    Refused,
}

/// <summary>
/// The party's application to pay later or in parts because of 经济困难, and the head's decision with the schedule
/// (《行政处罚法》第六十六条第二款). One open request per case; a refused request may be followed by another.
/// </summary>
public sealed class CasePaymentPlan : IRegionScoped, IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid CaseId { get; init; }

    public required string RegionCode { get; set; }

    public PaymentPlanKind Kind { get; init; }

    /// <summary>The party's reason (经济困难 and how).</summary>
    public required string Reason { get; init; }

    public DateOnly RequestedOn { get; init; }

    /// <summary>The head decides by this day (<see cref="Rules.PaymentPlans.DecideBy"/>).</summary>
    public DateOnly DecideBy { get; init; }

    public required string RequestedBy { get; init; }

    /// <summary>Filed by the party from its own account (我的企业), rather than recorded by the case officers.</summary>
    public bool ByParty { get; init; }

    public PaymentPlanStatus Status { get; set; }

    public DateOnly? DecidedOn { get; set; }

    public string? DecidedBy { get; set; }

    public string? Opinion { get; set; }

    public string AuditKey => Id.ToString();

    public string? AuditRegionCode => RegionCode;
}

/// <summary>One date and amount of an approved plan, and its payment.</summary>
public sealed class CaseInstalment : IRegionScoped
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid PlanId { get; init; }

    public Guid CaseId { get; init; }

    public required string RegionCode { get; set; }

    /// <summary>1, 2, …</summary>
    public int Seq { get; init; }

    public DateOnly DueOn { get; init; }

    public decimal Amount { get; init; }

    public DateOnly? PaidOn { get; set; }

    public decimal? AmountPaid { get; set; }
}

/// <summary>A compulsory measure on evidence or goods.</summary>
public enum MeasureKind
{
    /// <summary>先行登记保存（7 个工作日内处理）.</summary>
    Preservation,

    /// <summary>查封、扣押（30 日，可延长 30 日）.</summary>
    Seizure,
}

/// <summary>先行登记保存 or 查封扣押 on a case, with its end date.</summary>
public sealed class CaseMeasure : IRegionScoped, IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid CaseId { get; init; }

    public required string RegionCode { get; set; }

    public MeasureKind Kind { get; init; }

    public required string Items { get; init; }

    public DateOnly StartedOn { get; init; }

    public DateOnly DueOn { get; set; }

    public bool Extended { get; set; }

    public DateOnly? EndedOn { get; set; }

    public string? Outcome { get; set; }

    public string AuditKey => Id.ToString();

    public string? AuditRegionCode => RegionCode;
}

/// <summary>A line of a clue's or case's history (who did what, when).</summary>
public sealed class CaseEntry : IRegionScoped
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The clue's or the case's id.</summary>
    public Guid RecordId { get; init; }

    public required string RegionCode { get; set; }

    public DateTime AtUtc { get; init; }

    public required string Author { get; init; }

    public required string Text { get; init; }
}
