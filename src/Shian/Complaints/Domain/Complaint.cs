using Shian.Kernel.Audit;
using Shian.Kernel.Scoping;

namespace Shian.Complaints.Domain;

/// <summary>投诉 (a consumer's own dispute, mediated) or 举报 (a clue of a violation, verified) — 投诉举报处理暂行办法 第三条.</summary>
public enum ComplaintKind
{
    /// <summary>投诉.</summary>
    Complaint,

    /// <summary>举报.</summary>
    Report,
}

/// <summary>How it reached us. Every channel makes the same record.</summary>
public enum ComplaintChannel
{
    /// <summary>网上（手机）投诉举报.</summary>
    Web,

    /// <summary>内部人员举报 (食品安全法 第一百一十五条): anonymous by default, followed with a one-time key.</summary>
    Whistleblower,

    /// <summary>12315 热线.</summary>
    Hotline12315,

    /// <summary>12345 政务服务便民热线.</summary>
    Hotline12345,

    /// <summary>12331 食品药品投诉举报电话.</summary>
    Hotline12331,

    /// <summary>Open311 GeoReport v2 client (a city app, WeChat mini programme …).</summary>
    Open311,

    /// <summary>窗口、来信.</summary>
    Counter,
}

/// <summary>The food-safety issues the seeds name (the Open311 service list).</summary>
public enum ComplaintCategory
{
    IllegalAdditive,
    AdditiveOveruse,
    ExpiredOrSpoiled,
    Unlicensed,
    KitchenWaste,
    IllegalSlaughter,
    FalseAdvertising,
    SchoolArea,
    Hygiene,
    Labelling,
    Other,
}

/// <summary>Where it stands. Open311 maps Received and InProgress to open, the rest to closed.</summary>
public enum ComplaintStatus
{
    /// <summary>待受理 (投诉) / 待核查 (举报).</summary>
    Received,

    /// <summary>办理中: a complaint accepted (mediation) or a report under verification.</summary>
    InProgress,

    /// <summary>不予受理 (第十五条).</summary>
    Refused,

    /// <summary>办结.</summary>
    Closed,

    /// <summary>合并到另一件（重复）.</summary>
    Merged,
}

/// <summary>How a mediation ended (第二十一条).</summary>
public enum MediationOutcome
{
    /// <summary>调解达成协议.</summary>
    Agreed,

    /// <summary>调解不成，终止调解.</summary>
    Failed,

    /// <summary>投诉人撤回投诉.</summary>
    Withdrawn,
}

/// <summary>
/// One complaint or report, from any channel. The complainant's or reporter's name and phone are sealed with Data
/// Protection and kept out of the audit chain (投诉举报处理暂行办法 第三十三条: 保密); everyone without the reveal
/// permission sees the masked forms only.
/// </summary>
public sealed class Complaint : IRegionScoped, IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The tracking code the public holds (11 Crockford base-32 characters, the last a check symbol).</summary>
    public required string TrackingCode { get; init; }

    /// <summary>The handling department's region: the respondent business's county or town (第十二条), else where it happened.</summary>
    public required string RegionCode { get; set; }

    public ComplaintKind Kind { get; set; }

    public ComplaintChannel Channel { get; init; }

    public ComplaintCategory Category { get; set; }

    /// <summary>The call centre's ticket id (hotline channels, the 12345 import).</summary>
    public string? TicketId { get; init; }

    /// <summary>The Open311 client that filed it.</summary>
    public Guid? ClientId { get; init; }

    public required string Description { get; init; }

    /// <summary>When it happened, as the public says.</summary>
    public DateOnly? OccurredOn { get; init; }

    public Guid? BusinessId { get; set; }

    /// <summary>The respondent as named (from the register when matched).</summary>
    public string? BusinessName { get; set; }

    public string? Address { get; init; }

    public double? Latitude { get; init; }

    public double? Longitude { get; init; }

    public DateTime ReceivedAtUtc { get; init; }

    /// <summary>The day of receipt in Beijing time (the clocks count from the next working day).</summary>
    public DateOnly ReceivedOn { get; init; }

    /// <summary>No name or phone given (or withheld by a whistleblower).</summary>
    public bool Anonymous { get; init; }

    /// <summary>An insider of the business (食品安全法 第一百一十五条: protected).</summary>
    public bool Insider { get; init; }

    public string? NameMasked { get; init; }

    [NotAudited]
    public string? NameSealed { get; init; }

    public string? PhoneMasked { get; init; }

    [NotAudited]
    public string? PhoneSealed { get; init; }

    /// <summary>A keyed digest of the phone number: the per-phone intake limit and duplicate reporters, without the number.</summary>
    [NotAudited]
    public string? PhoneDigest { get; init; }

    /// <summary>SHA-256 of the whistleblower's follow-up key (shown once on the receipt).</summary>
    [NotAudited]
    public string? FollowUpKeyHash { get; init; }

    /// <summary>Failed tracking attempts since the last success (10 lock the code for an hour).</summary>
    [NotAudited]
    public int TrackFailures { get; set; }

    [NotAudited]
    public DateTime? TrackLockedUntilUtc { get; set; }

    public ComplaintStatus Status { get; set; }

    /// <summary>受理 / 不予受理 due (第十四条: 7 working days from receipt; for a report the 15-working-day verification runs instead).</summary>
    public DateOnly AcceptBy { get; set; }

    /// <summary>A local clock shown beside the statutory one (seed 001: reply within 5 working days).</summary>
    public DateOnly? LocalReplyBy { get; set; }

    public DateOnly? AcceptedOn { get; set; }

    public DateOnly? RefusedOn { get; set; }

    public string? RefusalReason { get; set; }

    /// <summary>Both parties consented to mediation (第十六条).</summary>
    public bool MediationConsented { get; set; }

    /// <summary>Mediation ends if no agreement by then (第二十一条(五): 45 working days from 受理, plus the paused days).</summary>
    public DateOnly? MediationEndsBy { get; set; }

    /// <summary>Working days of 检定/检验/检测/鉴定 not counted (第二十条第三款).</summary>
    public int PausedWorkingDays { get; set; }

    public MediationOutcome? Mediation { get; set; }

    public decimal? AmountRecovered { get; set; }

    /// <summary>When mediation ended and both parties must be told within 7 working days (第二十一条第二款).</summary>
    public DateOnly? MediationEndedOn { get; set; }

    /// <summary>Verification of a report, or of a clue found in mediation, due (程序规定 第十八条, 投诉举报办法 第二十三条: 15 working days).</summary>
    public DateOnly? VerifyBy { get; set; }

    /// <summary>The day the verification clock started (receipt of a report; the day a clue was found in mediation).</summary>
    public DateOnly? VerifyFrom { get; set; }

    public bool VerifyExtended { get; set; }

    public string? VerifyExtensionApprover { get; set; }

    /// <summary>The outcome of verification: a violation found (查实) or not.</summary>
    public bool? Substantiated { get; set; }

    public DateOnly? VerifiedOn { get; set; }

    /// <summary>When a case clue went to enforcement.</summary>
    public DateOnly? ClueRaisedOn { get; set; }

    /// <summary>The 立案 / 不予立案 decision on the clue and when (a named reporter is told within 5 working days, 第三十一条第二款).</summary>
    public bool? CaseOpened { get; set; }

    public DateOnly? CaseDecidedOn { get; set; }

    public DateOnly? ReporterToldBy { get; set; }

    public DateOnly? ReporterToldOn { get; set; }

    /// <summary>The reply to the public (text and channel: 电话、短信、网上).</summary>
    public string? Reply { get; set; }

    public string? ReplyChannel { get; set; }

    public DateOnly? RepliedOn { get; set; }

    public DateOnly? ClosedOn { get; set; }

    public DateTime? UpdatedAtUtc { get; set; }

    public Guid? MergedIntoId { get; set; }

    /// <summary>The officer handling it (login name).</summary>
    public string? Handler { get; set; }

    /// <summary>1–5 after closure, with a comment.</summary>
    public int? Satisfaction { get; set; }

    public string? SatisfactionComment { get; set; }

    public int ReopenCount { get; set; }

    /// <summary>The food-safety incident this tip was escalated to (信息直报 → 应急处置), set by the emergencies module's event.</summary>
    public Guid? IncidentId { get; set; }

    string IAudited.AuditKey => Id.ToString();

    string? IAudited.AuditRegionCode => RegionCode;
}

/// <summary>A line of the complaint's history and conversation: officers' steps and notes, questions to the public and their answers.</summary>
public sealed class ComplaintEntry : IRegionScoped, IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid ComplaintId { get; init; }

    public required string RegionCode { get; set; }

    public DateTime AtUtc { get; init; }

    /// <summary>Step, Note (internal), Question (to the public), Answer (from the public), Reply.</summary>
    public ComplaintEntryKind Kind { get; init; }

    /// <summary>The officer's login name; null for the public.</summary>
    public string? Author { get; init; }

    public required string Text { get; init; }

    /// <summary>Shown to the complainant when they track it.</summary>
    public bool Public { get; init; }

    string IAudited.AuditKey => Id.ToString();

    string? IAudited.AuditRegionCode => RegionCode;
}

public enum ComplaintEntryKind
{
    Step,
    Note,
    Question,
    Answer,
}

/// <summary>A photo the public attached (a kernel attachment).</summary>
public sealed class ComplaintPhoto : IRegionScoped
{
    public Guid ComplaintId { get; init; }

    public Guid AttachmentId { get; init; }

    public required string RegionCode { get; set; }
}

/// <summary>An Open311 client: the API key is shown once and stored as its SHA-256.</summary>
public sealed class Open311Client : IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string Name { get; init; }

    [NotAudited]
    public required string KeyHash { get; init; }

    /// <summary>The first characters of the key, to tell keys apart.</summary>
    public required string KeyPrefix { get; init; }

    /// <summary>Where its filings go when they name no registered business (narrowed by a county or town named in the address).</summary>
    public required string RegionCode { get; init; }

    public required string CreatedBy { get; init; }

    public DateTime CreatedAtUtc { get; init; }

    public DateTime? RevokedAtUtc { get; set; }

    string IAudited.AuditKey => Id.ToString();

    string? IAudited.AuditRegionCode => null;
}

public enum RewardStatus
{
    /// <summary>拟奖励 (the handling officer's proposal).</summary>
    Proposed,

    /// <summary>已批准.</summary>
    Approved,

    /// <summary>不予奖励.</summary>
    Rejected,

    /// <summary>已发放.</summary>
    Paid,
}

/// <summary>How an award is paid (seed 002: 话费奖励 too).</summary>
public enum RewardPayment
{
    /// <summary>银行转账.</summary>
    BankTransfer,

    /// <summary>话费充值.</summary>
    PhoneCredit,

    /// <summary>现金（当面领取，签收）.</summary>
    Cash,
}

/// <summary>
/// 举报奖励 for a substantiated report that led to a case: proposed by the handling officer with a level and the 罚没款,
/// approved by the office (with the finance department at 500 000 or more), claimed by the reporter with the tracking
/// code (how to be paid), paid and recorded. Published without identity.
/// </summary>
public sealed class Reward : IRegionScoped, IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid ComplaintId { get; init; }

    public required string RegionCode { get; set; }

    public int Level { get; set; }

    /// <summary>罚没款 of the case (yuan); null when there is none (the minimum applies).</summary>
    public decimal? Confiscated { get; set; }

    public decimal Amount { get; set; }

    public bool FinanceCoDecision { get; set; }

    public string? Reason { get; set; }

    public RewardStatus Status { get; set; }

    public required string ProposedBy { get; init; }

    public DateOnly ProposedOn { get; init; }

    public string? DecidedBy { get; set; }

    public DateOnly? DecidedOn { get; set; }

    public string? DecisionNote { get; set; }

    /// <summary>What the reporter chose when claiming.</summary>
    public RewardPayment? ClaimedPayment { get; set; }

    /// <summary>The account (bank card or phone number) sealed; the masked form for staff.</summary>
    [NotAudited]
    public string? ClaimAccountSealed { get; set; }

    public string? ClaimAccountMasked { get; set; }

    public DateOnly? ClaimedOn { get; set; }

    public RewardPayment? PaidBy { get; set; }

    public DateOnly? PaidOn { get; set; }

    /// <summary>The payment's reference (voucher number), never the account.</summary>
    public string? PaymentReference { get; set; }

    /// <summary>Shown on the public list of awards (amount, category, month, district — no identity).</summary>
    public bool Published { get; set; }

    string IAudited.AuditKey => Id.ToString();

    string? IAudited.AuditRegionCode => RegionCode;
}

/// <summary>Where a request to the respondent business stands.</summary>
public enum RespondentRequestStatus
{
    /// <summary>待经营者答复.</summary>
    Waiting,

    /// <summary>经营者已答复.</summary>
    Answered,

    /// <summary>撤回 (the complaint was closed, transferred, merged or its mediation ended before the business answered).</summary>
    Withdrawn,
}

/// <summary>What the business proposes to settle a consumer's complaint.</summary>
public enum RespondentProposal
{
    /// <summary>退货退款.</summary>
    Refund,

    /// <summary>更换、修理.</summary>
    Replace,

    /// <summary>赔偿.</summary>
    Compensate,

    /// <summary>赔礼道歉、改进.</summary>
    Apologise,

    /// <summary>不同意投诉人的要求（说明理由）.</summary>
    Dispute,

    /// <summary>其他.</summary>
    Other,
}

/// <summary>
/// A consumer complaint (投诉, never a 举报) passed to the respondent business for its account and proposal during
/// mediation (投诉举报处理暂行办法 第十六条至第二十一条: the department hears both parties). The business sees only what
/// the officer wrote here — never the complaint itself, the complainant's name or phone (第三十三条) — and answers from
/// 我的企业; the officer reads the answer on the complaint. Owned by the business's USCC (its account reads its own).
/// </summary>
public sealed class RespondentRequest : IRegionScoped, Kernel.Scoping.IBusinessOwned, IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid ComplaintId { get; init; }

    public required string RegionCode { get; set; }

    public required string BusinessUscc { get; init; }

    public required string BusinessName { get; init; }

    /// <summary>What the consumer complains of and asks, as the officer wrote it for the business.</summary>
    public required string Summary { get; init; }

    /// <summary>What the office asks the business to do (说明情况、提出处理意见、提供凭证 …).</summary>
    public required string Question { get; init; }

    public required string AskedBy { get; init; }

    public DateTime AskedAtUtc { get; init; }

    public DateOnly AskedOn { get; init; }

    /// <summary>The office's own reply period (<see cref="ComplaintsOptions.RespondentReplyWorkingDays"/>), never past the mediation's end.</summary>
    public DateOnly ReplyBy { get; init; }

    public RespondentRequestStatus Status { get; set; }

    public string? Answer { get; set; }

    public RespondentProposal? Proposal { get; set; }

    /// <summary>The amount offered (退款、赔偿), yuan.</summary>
    public decimal? OfferAmount { get; set; }

    public string? AnsweredBy { get; set; }

    public DateTime? AnsweredAtUtc { get; set; }

    public DateOnly? AnsweredOn { get; set; }

    /// <summary>Why it was withdrawn.</summary>
    public string? WithdrawnReason { get; set; }

    string IAudited.AuditKey => Id.ToString();

    string? IAudited.AuditRegionCode => RegionCode;
}
