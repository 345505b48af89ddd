using Shian.Kernel.Audit;
using Shian.Kernel.Scoping;

namespace Shian.Credit.Domain;

/// <summary>What a credit record is about.</summary>
public enum CreditRecordKind
{
    /// <summary>行政处罚（失信）.</summary>
    Penalty,

    /// <summary>列入严重违法失信名单（失信）.</summary>
    Listing,

    /// <summary>监督检查结果为不符合（失信）.</summary>
    InspectionFailure,

    /// <summary>监督抽检不合格（失信）.</summary>
    SamplingFailure,

    /// <summary>投诉举报经核查移送立案（失信线索）.</summary>
    Complaint,

    /// <summary>表彰奖励（守信）.</summary>
    Honour,

    /// <summary>诚信管理体系评价（守信，seed 000）.</summary>
    Evaluation,
}

/// <summary>
/// One line of a business's credit file (守信与失信信息): a penalty, a listing, a failed inspection or sample, a referred complaint,
/// an honour or an integrity evaluation. Records from other modules arrive as durable events; (kind, source) is unique, so a
/// repeated delivery adds nothing.
/// </summary>
public sealed class CreditRecord : IRegionScoped, IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string RegionCode { get; set; }

    public Guid? BusinessId { get; init; }

    /// <summary>The party's name as recorded (a natural person's is masked where shown to the public).</summary>
    public required string Party { get; init; }

    public CreditRecordKind Kind { get; init; }

    /// <summary>守信 (true) or 失信 (false).</summary>
    public bool Good { get; init; }

    public DateOnly OccurredOn { get; init; }

    public required string Summary { get; init; }

    /// <summary>The record it stands for in its module (case, inspection, sample, complaint, listing); null for hand-entered ones.</summary>
    public Guid? SourceId { get; init; }

    /// <summary>A 较重行政处罚 (Order 44 第二条), for the repair conditions.</summary>
    public bool Heavy { get; init; }

    /// <summary>The penalty article (Art122 … Art126), for "no repeat of the same kind" (Order 45 第十四条).</summary>
    public string? Article { get; init; }

    /// <summary>Withdrawn because the penalty was revoked, or the listing removed on that ground.</summary>
    public DateOnly? RevokedOn { get; set; }

    public required string RecordedBy { get; init; }

    public DateTime RecordedAtUtc { get; init; }

    public string AuditKey => Id.ToString();

    public string? AuditRegionCode => RegionCode;
}

/// <summary>Where a penalty's publication stands (《市场监督管理行政处罚信息公示规定》).</summary>
public enum PublicationStatus
{
    /// <summary>待公示 (within 20 working days of the decision).</summary>
    Pending,

    /// <summary>公示中.</summary>
    Published,

    /// <summary>公示期满.</summary>
    Ended,

    /// <summary>经信用修复提前停止公示.</summary>
    StoppedEarly,

    /// <summary>决定被撤销、变更，已撤下.</summary>
    Withdrawn,
}

/// <summary>
/// The publication of one penalty decision under the 普通程序 (warnings alone are not published, 第二条): the 信息摘要 (文号,
/// party, violation, penalty, authority, date, 第四条), published within 20 working days of the decision (第九条), shown 3
/// months for 通报批评 or a 较低数额罚款 only and 3 years otherwise (第十三条), withdrawn within 3 working days when the decision
/// is revoked or changed (第十一条), or stopped early on a successful 信用修复 application (第十四条).
/// </summary>
public sealed class PenaltyPublication : IRegionScoped, IBusinessOwned, IAudited, IRepairable
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string RegionCode { get; set; }

    public Guid CaseId { get; init; }

    public Guid? BusinessId { get; init; }

    public required string Party { get; init; }

    /// <summary>统一社会信用代码 of the business, when known (joint-punishment lookups and the push file).</summary>
    public string? Uscc { get; init; }

    /// <summary>The business's own account reads its publication (and applies for 信用修复) through this (我的企业).</summary>
    string? IBusinessOwned.BusinessUscc => Uscc;

    public bool PartyIsPerson { get; init; }

    public required string DecisionNumber { get; init; }

    public DateOnly DecidedOn { get; init; }

    /// <summary>违法行为类型 (the case's 案由).</summary>
    public required string Violation { get; init; }

    /// <summary>行政处罚内容 in words.</summary>
    public required string Content { get; init; }

    /// <summary>The heavy measures (吊销、停产停业、限制从业 …) that bar an early stop (第十四条).</summary>
    public bool BarsEarlyStop { get; init; }

    public string? Article { get; init; }

    public int PeriodMonths { get; init; }

    public DateOnly PublishBy { get; set; }

    public PublicationStatus Status { get; set; }

    public DateOnly? PublishedOn { get; set; }

    public string? PublishedBy { get; set; }

    public DateOnly? ShowUntil { get; set; }

    public DateOnly? EndedOn { get; set; }

    public DateOnly? WithdrawBy { get; set; }

    public string? WithdrawReason { get; set; }

    public DateOnly? RepairAppliedOn { get; set; }

    public DateOnly? RepairDecideBy { get; set; }

    public string? RepairApplication { get; set; }

    public bool? RepairApproved { get; set; }

    public DateOnly? RepairDecidedOn { get; set; }

    public string? RepairDecidedBy { get; set; }

    public string? RepairOpinion { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    public string AuditKey => Id.ToString();

    public string? AuditRegionCode => RegionCode;
}

/// <summary>The food items of the serious-dishonesty list (Order 44; they mirror 《食品安全法》第一百二十二至一百二十四条).</summary>
public enum ListingGround
{
    /// <summary>未取得许可从事食品生产经营.</summary>
    Unlicensed,

    /// <summary>用非食品原料生产食品，添加食品添加剂以外的化学物质或者药品.</summary>
    NonFoodSubstance,

    /// <summary>经营病死、毒死或者死因不明的禽、畜、兽、水产动物肉类.</summary>
    DiseasedMeat,

    /// <summary>致病性微生物、农药兽药残留、生物毒素、重金属等污染物质超过食品安全标准限量.</summary>
    Contaminants,

    /// <summary>超范围、超限量使用食品添加剂.</summary>
    Additives,

    /// <summary>腐败变质、掺假掺杂、以假充真、以次充好.</summary>
    Adulterated,

    /// <summary>未按规定注册的保健食品、特殊医学用途配方食品、婴幼儿配方乳粉.</summary>
    UnregisteredSpecialFood,

    /// <summary>拒不召回.</summary>
    RefusedRecall,

    /// <summary>其他食品安全严重违法行为.</summary>
    Other,
}

/// <summary>Where a 严重违法失信名单 matter stands.</summary>
public enum ListingStatus
{
    /// <summary>较重行政处罚，系统提示可能列入，待办案人员研判.</summary>
    Suggested,

    /// <summary>已告知拟列入，陈述申辩期间.</summary>
    Noticed,

    /// <summary>已列入（公示中）.</summary>
    Listed,

    /// <summary>决定不列入.</summary>
    NotListed,

    /// <summary>研判后不提出列入.</summary>
    Dismissed,

    /// <summary>已移出（期满、信用修复或处罚被撤销）.</summary>
    Removed,
}

/// <summary>Why a listing ended.</summary>
public enum RemovalReason
{
    /// <summary>列入满三年，自动移出.</summary>
    Expired,

    /// <summary>信用修复，提前移出.</summary>
    Repaired,

    /// <summary>所依据的行政处罚决定被撤销、变更或确认违法.</summary>
    Revoked,
}

/// <summary>
/// A matter of the 严重违法失信名单 (SAMR Order 44) resting on one penalty decision: suggested when the decision is a 较重行政处罚
/// in the food items, 告知 with 陈述申辩 (and 听证), the head's decision, 3 years on the list and removal — automatic at the
/// end, early on 信用修复 after at least a year, or when the penalty is revoked.
/// </summary>
public sealed class SeriousListing : IRegionScoped, IBusinessOwned, IAudited, IRepairable
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string RegionCode { get; set; }

    public Guid CaseId { get; init; }

    public Guid? BusinessId { get; init; }

    public required string Party { get; init; }

    public string? Uscc { get; init; }

    /// <summary>The business's own account reads its listing (陈述申辩, 信用修复) through this (我的企业).</summary>
    string? IBusinessOwned.BusinessUscc => Uscc;

    public required string DecisionNumber { get; init; }

    public DateOnly PenaltyDecidedOn { get; init; }

    /// <summary>The penalty in words (what makes it a 较重行政处罚).</summary>
    public required string Penalty { get; init; }

    public ListingStatus Status { get; set; }

    public ListingGround? Ground { get; set; }

    /// <summary>列入的事实和理由 (性质恶劣、情节严重、社会危害较大).</summary>
    public string? Facts { get; set; }

    public string? ProposedBy { get; set; }

    public DateOnly? NoticeServedOn { get; set; }

    public DateOnly? StatementBy { get; set; }

    public string? Statement { get; set; }

    public bool HearingRequested { get; set; }

    public string? DecidedBy { get; set; }

    public DateOnly? DecidedOn { get; set; }

    public string? DecisionReason { get; set; }

    public DateOnly? ListedOn { get; set; }

    public DateOnly? ExpiresOn { get; set; }

    public DateOnly? RemovedOn { get; set; }

    public RemovalReason? RemovalReason { get; set; }

    public DateOnly? RepairAppliedOn { get; set; }

    public DateOnly? RepairDecideBy { get; set; }

    public string? RepairApplication { get; set; }

    public bool? RepairApproved { get; set; }

    public DateOnly? RepairDecidedOn { get; set; }

    public string? RepairDecidedBy { get; set; }

    public string? RepairOpinion { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    public string AuditKey => Id.ToString();

    public string? AuditRegionCode => RegionCode;
}

/// <summary>A line of a publication's or listing's history.</summary>
public sealed class CreditEntry : IRegionScoped
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid RecordId { get; init; }

    public required string RegionCode { get; set; }

    public DateTime AtUtc { get; init; }

    public required string Author { get; init; }

    public required string Text { get; init; }
}

/// <summary>
/// A key another department's system uses to ask "is this USCC on a list" (信用奖惩联动: bidding, loans, honours). Only the
/// SHA-256 of the key is stored; the key is shown once when made.
/// </summary>
public sealed class CreditApiKey : IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>调用单位.</summary>
    public required string Holder { get; init; }

    /// <summary>用途 (e.g. 招标投标资格审查).</summary>
    public required string Purpose { get; init; }

    /// <summary>The first characters of the key, to tell keys apart.</summary>
    public required string Prefix { get; init; }

    public required string KeyHash { get; init; }

    public required string CreatedBy { get; init; }

    public DateTime CreatedAtUtc { get; init; }

    public DateTime? RevokedAtUtc { get; set; }

    public DateTime? LastUsedAtUtc { get; set; }

    public string AuditKey => Id.ToString();

    public string? AuditRegionCode => null;
}

/// <summary>One joint-punishment lookup: which key asked about which USCC, when, and whether a listing was found.</summary>
public sealed class CreditQueryLog
{
    public long Id { get; init; }

    public Guid KeyId { get; init; }

    public required string Uscc { get; init; }

    public DateTime AtUtc { get; init; }

    public bool Listed { get; init; }

    public int Penalties { get; init; }

    public string? Client { get; init; }
}

/// <summary>Why a person is barred (《食品安全法》第一百三十五条).</summary>
public enum BarBasis
{
    /// <summary>许可证被吊销：食品生产经营者的法定代表人、直接负责的主管人员和其他直接责任人员，自处罚决定作出之日起五年内.</summary>
    LicenceRevoked,

    /// <summary>因食品安全犯罪被判处有期徒刑以上刑罚：终身.</summary>
    FoodCrime,
}

/// <summary>
/// A person in the 违法犯罪人员信息库 (seed 000): barred for 5 years after a licence was revoked, or for life after a food
/// crime conviction. The resident id is kept masked, sealed, and as a keyed digest for matching (never in clear).
/// </summary>
public sealed class BarredPerson : IRegionScoped, IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The recording office's region.</summary>
    public required string RegionCode { get; set; }

    public required string Name { get; init; }

    public required string IdMasked { get; init; }

    public required string IdSealed { get; init; }

    public required string IdDigest { get; init; }

    public BarBasis Basis { get; init; }

    /// <summary>The person's role (法定代表人, 直接负责的主管人员 …).</summary>
    public required string Role { get; init; }

    /// <summary>处罚决定书文号 or 判决书案号.</summary>
    public required string Reference { get; init; }

    /// <summary>The decision's or judgment's date: the bar runs from it.</summary>
    public DateOnly From { get; init; }

    /// <summary>The last barred day; null for life.</summary>
    public DateOnly? Until { get; init; }

    public Guid? CaseId { get; init; }

    public DateOnly? LiftedOn { get; set; }

    public string? LiftReason { get; set; }

    public required string RecordedBy { get; init; }

    public DateTime RecordedAtUtc { get; init; }

    public string AuditKey => Id.ToString();

    public string? AuditRegionCode => RegionCode;
}

/// <summary>A record that can be ended early by a 信用修复 application: a publication (Order 45 第十四条) or a listing (Order 44).</summary>
public interface IRepairable
{
    DateOnly? RepairAppliedOn { get; set; }

    DateOnly? RepairDecideBy { get; set; }

    string? RepairApplication { get; set; }

    bool? RepairApproved { get; set; }

    DateOnly? RepairDecidedOn { get; set; }

    string? RepairDecidedBy { get; set; }

    string? RepairOpinion { get; set; }
}
