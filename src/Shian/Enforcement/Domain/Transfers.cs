using Shian.Kernel.Audit;
using Shian.Kernel.Scoping;

namespace Shian.Enforcement.Domain;

/// <summary>Where a transfer to the police (行刑衔接) stands.</summary>
public enum TransferStatus
{
    /// <summary>办案人员报告涉嫌犯罪，待负责人审批.</summary>
    Proposed,

    /// <summary>负责人不批准移送.</summary>
    Refused,

    /// <summary>已批准，应于 24 小时内移送.</summary>
    Approved,

    /// <summary>已移送公安机关（抄送检察院）.</summary>
    Transferred,

    /// <summary>公安机关已受理，待立案决定.</summary>
    Accepted,

    /// <summary>公安机关立案.</summary>
    Opened,

    /// <summary>公安机关不予立案（或撤案、退回）：行政案件继续办理，可提请复议或检察院立案监督.</summary>
    NotOpened,
}

/// <summary>
/// A case transferred to the police as a suspected crime (行刑衔接): the officer's report, the head's approval within 3 days,
/// the transfer within 24 hours of it with the file (copy to the procuratorate), the police's acceptance (3 days) and
/// decision to open a criminal case (10 days), the feedback, and — on a refusal — 复议 or the procuratorate's 立案监督.
/// 《行政执法机关移送涉嫌犯罪案件的规定》第五条、第八条; 《食品药品行政执法与刑事司法衔接工作办法》(2015).
/// </summary>
public sealed class PoliceTransfer : IRegionScoped, IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid CaseId { get; init; }

    public required string RegionCode { get; set; }

    public TransferStatus Status { get; set; }

    /// <summary>涉嫌犯罪的事实和理由 (e.g. 足以造成严重食物中毒事故, 法释〔2021〕24号).</summary>
    public required string Grounds { get; init; }

    /// <summary>The evidence and file handed over (涉案物品清单、检验报告 …).</summary>
    public required string Evidence { get; init; }

    public required string ReportedBy { get; init; }

    public DateOnly ReportedOn { get; init; }

    public DateOnly ApproveBy { get; set; }

    public string? DecidedBy { get; set; }

    public DateOnly? DecidedOn { get; set; }

    public string? Opinion { get; set; }

    public DateOnly? TransferBy { get; set; }

    public DateOnly? TransferredOn { get; set; }

    /// <summary>接受移送的公安机关.</summary>
    public string? PoliceAgency { get; set; }

    public bool CopiedToProcuratorate { get; set; }

    public DateOnly? AcceptBy { get; set; }

    public DateOnly? AcceptedOn { get; set; }

    public DateOnly? PoliceDecisionDue { get; set; }

    public DateOnly? PoliceDecidedOn { get; set; }

    /// <summary>The day the police's decision reached the office (due 3 days after it).</summary>
    public DateOnly? FeedbackOn { get; set; }

    public string? PoliceDecision { get; set; }

    /// <summary>复议 requested of the police, or 立案监督 asked of the procuratorate, after a refusal.</summary>
    public string? FollowUp { get; set; }

    public DateOnly? FollowUpOn { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    public string AuditKey => Id.ToString();

    public string? AuditRegionCode => RegionCode;
}

/// <summary>The kinds of evidence (《行政处罚法》第四十六条).</summary>
public enum EvidenceKind
{
    /// <summary>书证.</summary>
    Documentary,

    /// <summary>物证.</summary>
    Physical,

    /// <summary>视听资料.</summary>
    AudioVisual,

    /// <summary>电子数据.</summary>
    Electronic,

    /// <summary>证人证言.</summary>
    Testimony,

    /// <summary>当事人的陈述.</summary>
    PartyStatement,

    /// <summary>鉴定意见（检验报告）.</summary>
    Expert,

    /// <summary>勘验笔录、现场笔录.</summary>
    SiteRecord,
}

/// <summary>
/// A piece of evidence on a case: a file stored as a kernel attachment (immutable once attached) with the SHA-256 recorded
/// here when it was collected, so the case file can show it has not changed since (《行政处罚法》第四十六条、第四十七条).
/// </summary>
public sealed class CaseEvidence : IRegionScoped
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid CaseId { get; init; }

    public required string RegionCode { get; set; }

    public Guid AttachmentId { get; init; }

    public EvidenceKind Kind { get; init; }

    public required string Description { get; init; }

    public DateOnly CollectedOn { get; init; }

    public required string CollectedBy { get; init; }

    public required string FileName { get; init; }

    public long Size { get; init; }

    public required string Sha256 { get; init; }

    public DateTime AddedAtUtc { get; init; }
}
