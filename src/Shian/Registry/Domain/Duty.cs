using Shian.Kernel.Audit;
using Shian.Kernel.Scoping;

namespace Shian.Registry.Domain;

/// <summary>主体责任 items the seed plans measure (each a rate a plan sets a target on).</summary>
public enum DutyKind
{
    /// <summary>食品安全管理员/总监 with yearly training hours (seed 001: ≥ 40 学时/年).</summary>
    SafetyManager,

    /// <summary>食品安全管理机构.</summary>
    ManagementBody,

    /// <summary>追溯体系 in place (seed 000: 100 % of co-ops, leading enterprises, large firms).</summary>
    Traceability,

    /// <summary>食品安全自查报告 submitted (seed 002: ≥ 92 %).</summary>
    SelfInspectionReport,

    /// <summary>食品安全责任保险 (seed 000: ≥ 70 % of large units).</summary>
    LiabilityInsurance,

    /// <summary>明厨亮灶 / 互联网+明厨亮灶 (seed 001: 100 % schools, ≥ 60 % of caterers over 1000 m²).</summary>
    OpenKitchen,

    /// <summary>量化分级 rating A/B/C, publicised.</summary>
    QuantifiedRating,

    /// <summary>餐厨废弃物收运合同 (seed 002: ≥ 80 %).</summary>
    KitchenWasteContract,

    /// <summary>阳光厨房 / 放心示范店 status.</summary>
    ModelStore,
}

/// <summary>A business's record of one 主体责任 item: value, evidence, since when and until when.</summary>
public sealed class Duty : IRegionScoped, IBusinessOwned, IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid BusinessId { get; init; }

    public required string RegionCode { get; init; }

    public string? BusinessUscc { get; init; }

    public DutyKind Kind { get; init; }

    /// <summary>Hours for a manager's training, A/B/C for a rating, the policy number for insurance, a name or note otherwise.</summary>
    public string? Value { get; init; }

    public DateOnly Since { get; init; }

    public DateOnly? Until { get; init; }

    public Guid? EvidenceId { get; init; }

    public required string RecordedBy { get; init; }

    public DateTime RecordedAtUtc { get; init; }

    /// <summary>
    /// Who confirmed the record: an officer's own record is confirmed when recorded; a business's self-report (自我声明)
    /// waits for an officer (null) and counts towards no rate until confirmed.
    /// </summary>
    public string? ConfirmedBy { get; set; }

    /// <summary>When it was confirmed or declined.</summary>
    public DateTime? ConfirmedAtUtc { get; set; }

    /// <summary>Why an officer declined a self-report (shown to the business).</summary>
    public string? DeclinedReason { get; set; }

    string IAudited.AuditKey => Id.ToString();

    string? IAudited.AuditRegionCode => RegionCode;
}

/// <summary>A renewal reminder already sent for a licence ("due-40" …), so the daily pass sends each once.</summary>
public sealed class SentRenewalReminder
{
    public Guid LicenceId { get; init; }

    public required string Kind { get; init; }

    public DateTime SentAtUtc { get; init; }
}

/// <summary>
/// One two-character piece of a business's name (<see cref="Rules.NameGrams"/>): the register's name search looks
/// fragments up here instead of reading every name. Kept with the business: written when it is registered or renamed.
/// Not a regulated record (no region of its own: the business's region filter applies when the search joins it).
/// </summary>
public sealed class BusinessNameGram
{
    public required string Gram { get; init; }

    public Guid BusinessId { get; init; }
}
