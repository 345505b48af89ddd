using Shian.Kernel.Audit;
using Shian.Kernel.Scoping;

namespace Shian.Programmes.Domain;

/// <summary>
/// A food-safety volunteer (seed 000: 建立万名志愿者队伍，志愿者培训率100%) of a region's team: when registered, when
/// trained, when they left. Only a name and the unit or community they come from are kept — no phone or identity number
/// (the team's own roster holds those; here they are counted).
/// </summary>
public sealed class Volunteer : IRegionScoped, IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string RegionCode { get; init; }

    public required string Name { get; init; }

    /// <summary>单位或社区.</summary>
    public string? Organisation { get; init; }

    public DateOnly RegisteredOn { get; init; }

    /// <summary>The date of the training that qualified them (seed 000: 志愿者培训率100%).</summary>
    public DateOnly? TrainedOn { get; set; }

    public DateOnly? LeftOn { get; set; }

    public required string RecordedBy { get; init; }

    public DateTime RecordedAtUtc { get; init; }

    public string AuditKey => Id.ToString();

    public string? AuditRegionCode => RegionCode;
}

public enum PublicityKind
{
    /// <summary>全国食品安全宣传周活动.</summary>
    SafetyWeek = 1,

    /// <summary>“五进”（进社区、进农村、进学校、进企业、进家庭）.</summary>
    FiveInto = 2,

    /// <summary>科普讲座、咨询.</summary>
    Lecture = 3,

    /// <summary>媒体专栏、公益广告.</summary>
    Media = 4,

    /// <summary>其他.</summary>
    Other = 9,
}

/// <summary>
/// A publicity or science-education activity held for the public (seed 004: 每月…科普宣传教育活动不少于x场; seed 000
/// 宣传周, 五进): kind, date, place, how many took part, and the evidence (photos, sign-in sheets, a report).
/// </summary>
public sealed class PublicityActivity : IRegionScoped, IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string RegionCode { get; init; }

    public PublicityKind Kind { get; init; }

    public required string Title { get; init; }

    public DateOnly HeldOn { get; init; }

    public required string Place { get; init; }

    public int Participants { get; init; }

    public required string Evidence { get; init; }

    public required string RecordedBy { get; init; }

    public DateTime RecordedAtUtc { get; init; }

    public string AuditKey => Id.ToString();

    public string? AuditRegionCode => RegionCode;
}

/// <summary>
/// A training session for regulators (监管人员培训: seed 001 40 小时, 002 30 小时, 003 40 学时, 004 xx 小时 a year each):
/// its date, hours and evidence, and who attended — the regulators' accounts, so hours add up per person.
/// </summary>
public sealed class TrainingSession : IRegionScoped, IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string RegionCode { get; init; }

    public required string Title { get; init; }

    public DateOnly HeldOn { get; init; }

    /// <summary>学时 of the session (0.5 to 80).</summary>
    public decimal Hours { get; init; }

    public required string Evidence { get; init; }

    public required string RecordedBy { get; init; }

    public DateTime RecordedAtUtc { get; init; }

    public string AuditKey => Id.ToString();

    public string? AuditRegionCode => RegionCode;
}

/// <summary>One regulator's attendance, in the region of their account (so per-person hours and headcount match).</summary>
public sealed class TrainingAttendance : IRegionScoped
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid SessionId { get; init; }

    /// <summary>The attendee's region (their account's first granted region).</summary>
    public required string RegionCode { get; init; }

    public required string UserName { get; init; }

    public DateOnly HeldOn { get; init; }

    public decimal Hours { get; init; }
}
