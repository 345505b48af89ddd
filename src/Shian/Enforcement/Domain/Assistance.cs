using Shian.Kernel.Audit;
using Shian.Kernel.Scoping;

namespace Shian.Enforcement.Domain;

/// <summary>What a case asks of another office or department.</summary>
public enum AssistanceKind
{
    /// <summary>
    /// 跨区域协助调查：another county's market-regulation office (a district of this platform) is sent a 协助调查函 and answers
    /// within 15 working days, or says before then that it needs longer (《市场监督管理行政处罚程序规定》第十五条).
    /// </summary>
    Investigation,

    /// <summary>跨部门协查：a department outside the platform (农业农村、卫生健康、海关 …); the case officers record its reply.</summary>
    Department,

    /// <summary>警力支援：the police are asked for officers on site; seed 001 promises support within 24 hours.</summary>
    PoliceSupport,

    /// <summary>
    /// 违法信息向上下游通报：a supplier or buyer of the party (found through the traceability records) is reported to its
    /// district, where it becomes a case clue on that district's 15-working-day 立案 clock; the clue's decision answers the notice.
    /// </summary>
    ChainNotice,
}

/// <summary>Where a request stands.</summary>
public enum AssistanceStatus
{
    /// <summary>待办理.</summary>
    Pending,

    /// <summary>已回复（办结）.</summary>
    Answered,

    /// <summary>已撤回（请求方不再需要）.</summary>
    Withdrawn,
}

/// <summary>The supplier or buyer side of a chain notice.</summary>
public enum ChainSide
{
    /// <summary>上游（供货方）.</summary>
    Supplier,

    /// <summary>下游（购货方）.</summary>
    Buyer,
}

/// <summary>
/// One request a case makes of someone else: 协助调查 by another district, 协查 by another department, 警力支援 by the police,
/// or a 上下游通报 to the district of a trading partner. Its <see cref="RegionCode"/> is the region of the office that must act
/// (the other district for <see cref="AssistanceKind.Investigation"/> and <see cref="AssistanceKind.ChainNotice"/>; the
/// case's own region for requests outside the platform, whose replies the case officers record), so the acting district
/// sees it through the ordinary region filter; the requesting case reads its own requests by case (a reviewed bypass).
/// </summary>
public sealed class CaseAssistance : IRegionScoped, IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid CaseId { get; init; }

    /// <summary>The requesting case's region (its office's county).</summary>
    public required string CaseRegionCode { get; init; }

    /// <summary>立〔2026〕3 号, kept so the acting district can quote it without reading the case.</summary>
    public required string CaseNumber { get; init; }

    /// <summary>The office that must act: the other district's region, or the case's own for outside departments.</summary>
    public required string RegionCode { get; set; }

    public AssistanceKind Kind { get; init; }

    /// <summary>Who is asked: 明山区市场监督管理局, 平山区农业农村局, 溪湖区公安分局 ….</summary>
    public required string Addressee { get; init; }

    /// <summary>Whom or what to check (the business, person, product or lot).</summary>
    public required string Subject { get; init; }

    /// <summary>For a chain notice: the partner in the register and on which side of the party it trades.</summary>
    public Guid? SubjectBusinessId { get; init; }

    public ChainSide? Side { get; init; }

    /// <summary>协查事项 / 通报内容.</summary>
    public required string Matters { get; init; }

    public required string RequestedBy { get; init; }

    public DateTime RequestedAtUtc { get; init; }

    /// <summary>The Beijing date of the request: the working-day clock starts the day after.</summary>
    public DateOnly RequestedOn { get; init; }

    /// <summary>The reply date (working-day kinds): extended when the acting office said in time that it needs longer.</summary>
    public DateOnly? DueOn { get; set; }

    /// <summary>The hour the police are due on site (警力支援).</summary>
    public DateTime? DueAtUtc { get; init; }

    public DateOnly? ExtendedFrom { get; set; }

    public string? ExtensionReason { get; set; }

    public AssistanceStatus Status { get; set; }

    public string? Answer { get; set; }

    public string? AnsweredBy { get; set; }

    public DateTime? AnsweredAtUtc { get; set; }

    /// <summary>Beijing date of the answer (for a police support request: the hour they arrived, <see cref="AnsweredAtUtc"/>).</summary>
    public DateOnly? AnsweredOn { get; set; }

    /// <summary>A document sent with the answer (单据复印件, 检验报告 …): a kernel attachment of the acting region, immutable once sent.</summary>
    public Guid? AnswerAttachmentId { get; set; }

    public string? AnswerFileName { get; set; }

    public string? AnswerSha256 { get; set; }

    /// <summary>A chain notice's case clue in the partner's district, once registered there.</summary>
    public Guid? ClueId { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    public string AuditKey => Id.ToString();

    public string? AuditRegionCode => RegionCode;
}

/// <summary>
/// A stored line of a local 裁量基准 (see <see cref="Rules.BenchmarkLine"/>), issued by the authority of <see cref="RegionCode"/> (a province,
/// city or county) and applying to the cases within it; the most specific region with lines wins. Reference data of an
/// authority, not a regulated record: every office reads the benchmarks above it; only an office of the region (or an
/// administrator) replaces them, by importing the whole sheet again.
/// </summary>
public sealed class DiscretionBenchmark : IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string RegionCode { get; init; }

    public Rules.PenaltyArticle Article { get; init; }

    public required string Level { get; init; }

    public decimal LowerPercent { get; init; }

    public decimal UpperPercent { get; init; }

    public string? Circumstances { get; init; }

    public required string Document { get; init; }

    public required string ImportedBy { get; init; }

    public DateTime ImportedAtUtc { get; init; }

    public string AuditKey => Id.ToString();

    public string? AuditRegionCode => Kernel.Regions.RegionCode.CountyOf(RegionCode);
}
