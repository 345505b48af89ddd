using Shian.Emergencies.Rules;
using Shian.Kernel.Audit;
using Shian.Kernel.Scoping;

namespace Shian.Emergencies.Domain;

/// <summary>Where an incident stands.</summary>
public enum IncidentStatus
{
    /// <summary>已接报，待研判.</summary>
    Reported,

    /// <summary>应急处置中.</summary>
    Responding,

    /// <summary>应急处置结束（终报待报或已报）.</summary>
    Closed,

    /// <summary>经核实不属于食品安全事故（排除）.</summary>
    Dismissed,
}

/// <summary>The kind of place the incident happened at (学校、幼儿园 … are special populations).</summary>
public enum IncidentSetting
{
    School,
    Kindergarten,
    ElderlyHome,
    Canteen,
    Restaurant,
    RuralBanquet,
    Market,
    ConstructionSite,
    Household,
    Other,
}

/// <summary>
/// A food-safety incident (食品安全事故) from its first direct report (信息直报) to the final report: the facts as reported
/// and as re-graded, the grade, the upward reports on their clocks, the tasks and the timeline. Regulated by the region
/// where it happened (the county or street).
/// </summary>
public sealed class Incident : IRegionScoped, IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The street/town or county where it happened.</summary>
    public required string RegionCode { get; set; }

    public required string Title { get; set; }

    public required string Description { get; set; }

    public IncidentSetting Setting { get; set; }

    public string? Place { get; set; }

    /// <summary>The register business suspected (where it was eaten or the food came from).</summary>
    public Guid? BusinessId { get; set; }

    public string? BusinessName { get; set; }

    public string? SuspectedFood { get; set; }

    public string? Symptoms { get; set; }

    /// <summary>Onset of the first case (as reported).</summary>
    public DateTime? OnsetAtUtc { get; set; }

    /// <summary>When the reporting unit learned of it: the unit's 2-hour limit runs from here.</summary>
    public DateTime LearnedAtUtc { get; init; }

    /// <summary>When the department received the report: the upward clocks run from here.</summary>
    public DateTime ReceivedAtUtc { get; init; }

    /// <summary>The unit reported past its limit (缓报), fixed at receipt.</summary>
    public bool ReportedLate { get; init; }

    public int Harmed { get; set; }

    public int Hospitalised { get; set; }

    public int Deaths { get; set; }

    public int Provinces { get; set; } = 1;

    public int Cities { get; set; } = 1;

    public int Towns { get; set; } = 1;

    public bool SpecialPopulation { get; set; }

    /// <summary>The grade in force: determined by a government when it did, else computed from the facts.</summary>
    public IncidentGrade? Grade { get; set; }

    /// <summary>Who determined the grade (认定) when it was not computed, e.g. "县人民政府（2026-11-25 会议纪要）".</summary>
    public string? GradeDeterminedBy { get; set; }

    public DateTime? GradedAtUtc { get; set; }

    public IncidentStatus Status { get; set; }

    /// <summary>Who reported it (login name) and the reporter's unit and phone as given.</summary>
    public required string ReportedBy { get; init; }

    public string? ReporterUnit { get; init; }

    public string? ReporterPhone { get; init; }

    public Guid? ReportingPointId { get; init; }

    public DateTime? EndedAtUtc { get; set; }

    public string? Conclusion { get; set; }

    public DateTime? UpdatedAtUtc { get; set; }

    /// <summary>The complaint or report (投诉举报) this incident was escalated from, with its tracking code.</summary>
    public Guid? ComplaintId { get; init; }

    public string? ComplaintCode { get; init; }

    public GradeFacts Facts => new(Harmed, Deaths, Provinces, Cities, Towns, SpecialPopulation);

    string IAudited.AuditKey => Id.ToString();

    string? IAudited.AuditRegionCode => RegionCode;
}

/// <summary>首报、续报、核报（级别调整）、终报.</summary>
public enum UpwardReportKind
{
    Initial,
    Progress,
    Escalation,
    Final,
}

/// <summary>One upward report on its clock: created when due, submitted with its content and recipients; late when submitted after its due time.</summary>
public sealed class UpwardReport : IRegionScoped, IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid IncidentId { get; init; }

    public required string RegionCode { get; set; }

    public UpwardReportKind Kind { get; init; }

    /// <summary>1 for the first of its kind, 2 … for 续报.</summary>
    public int Sequence { get; init; }

    public DateTime DueAtUtc { get; set; }

    /// <summary>The due time was computed across a year whose holidays are not loaded (终报 only).</summary>
    public bool DueProvisional { get; set; }

    public DateTime? SubmittedAtUtc { get; set; }

    public string? SubmittedBy { get; set; }

    /// <summary>To whom (本级人民政府、上级市场监督管理部门、卫生健康部门 …).</summary>
    public string? Recipients { get; set; }

    public string? Content { get; set; }

    /// <summary>No longer needed (a 续报 pending when the response ended).</summary>
    public bool Cancelled { get; set; }

    string IAudited.AuditKey => Id.ToString();

    string? IAudited.AuditRegionCode => RegionCode;
}

public enum IncidentEntryKind
{
    Report,
    Grade,
    Decision,
    Task,
    Upward,
    Note,
    Status,
    Link,
}

/// <summary>A line of the command timeline: facts, decisions, tasks given and done, reports sent.</summary>
public sealed class IncidentEntry : IRegionScoped
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid IncidentId { get; init; }

    public required string RegionCode { get; set; }

    public DateTime AtUtc { get; init; }

    public IncidentEntryKind Kind { get; init; }

    public required string Author { get; init; }

    public required string Text { get; init; }
}

/// <summary>The departments of a response (国家预案 5.2: 卫生 treatment, 疾控 investigation, 市场监管 control of the food …).</summary>
public enum ResponseDepartment
{
    /// <summary>疾病预防控制机构：流行病学调查、采样检测.</summary>
    Cdc,

    /// <summary>市场监督管理：封存可疑食品、责令停止经营、追溯召回.</summary>
    MarketRegulation,

    /// <summary>卫生健康：医疗救治.</summary>
    Health,

    /// <summary>教育：学校、幼儿园.</summary>
    Education,

    /// <summary>公安：涉嫌犯罪的侦查.</summary>
    PublicSecurity,

    /// <summary>宣传：信息发布与舆论引导.</summary>
    Publicity,

    /// <summary>农业农村等其他部门.</summary>
    Other,
}

/// <summary>A task given to a department in the response, with its due time and completion.</summary>
public sealed class IncidentTask : IRegionScoped, IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid IncidentId { get; init; }

    public required string RegionCode { get; set; }

    public ResponseDepartment Department { get; init; }

    public required string Text { get; init; }

    public DateTime? DueAtUtc { get; init; }

    public required string AssignedBy { get; init; }

    public DateTime AssignedAtUtc { get; init; }

    public DateTime? DoneAtUtc { get; set; }

    public string? DoneNote { get; set; }

    public string? DoneBy { get; set; }

    string IAudited.AuditKey => Id.ToString();

    string? IAudited.AuditRegionCode => RegionCode;
}

/// <summary>A photo the reporter attached (a kernel attachment).</summary>
public sealed class IncidentPhoto : IRegionScoped
{
    public Guid IncidentId { get; init; }

    public Guid AttachmentId { get; init; }

    public required string RegionCode { get; set; }
}

/// <summary>The kinds of reporting point (seed 000: every street, then 重点监控部位).</summary>
public enum ReportingPointKind
{
    /// <summary>乡镇（街道）直报点.</summary>
    Street,

    School,

    Kindergarten,

    /// <summary>医院食源性疾病监测哨点.</summary>
    HospitalSentinel,

    /// <summary>大型食堂（机关、企业）.</summary>
    Canteen,

    /// <summary>农贸市场.</summary>
    Market,

    /// <summary>建筑工地食堂.</summary>
    ConstructionSite,
}

/// <summary>A point of the direct-reporting network: a street, or a key site linked to its register entry, with its named reporters.</summary>
public sealed class ReportingPoint : IRegionScoped, IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The street/town of the point.</summary>
    public required string RegionCode { get; set; }

    public ReportingPointKind Kind { get; init; }

    public required string Name { get; set; }

    public Guid? BusinessId { get; init; }

    public bool Active { get; set; } = true;

    public DateTime CreatedAtUtc { get; init; }

    string IAudited.AuditKey => Id.ToString();

    string? IAudited.AuditRegionCode => RegionCode;
}

/// <summary>A named reporter (信息员) of a point: a user account, with a phone for the call tree.</summary>
public sealed class PointReporter : IRegionScoped, IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid PointId { get; init; }

    public required string RegionCode { get; set; }

    public required string UserName { get; init; }

    public required string DisplayName { get; init; }

    public string? Phone { get; init; }

    public DateTime AddedAtUtc { get; init; }

    public DateTime? RemovedAtUtc { get; set; }

    string IAudited.AuditKey => Id.ToString();

    string? IAudited.AuditRegionCode => RegionCode;
}

/// <summary>What an incident is linked to in another module.</summary>
public enum IncidentLinkKind
{
    /// <summary>抽样 (the suspected food or the leftovers sampled for testing).</summary>
    Sample,

    /// <summary>召回 (the suspected lot recalled).</summary>
    Recall,
}

/// <summary>A sample or recall of another module linked to the incident, by its code and with what it was when linked.</summary>
public sealed class IncidentLink : IRegionScoped, IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid IncidentId { get; init; }

    public required string RegionCode { get; set; }

    public IncidentLinkKind Kind { get; init; }

    /// <summary>The other record's id (for the link to its page).</summary>
    public Guid TargetId { get; init; }

    /// <summary>Its code or number as people say it (抽样单编号, 召回编号).</summary>
    public required string Reference { get; init; }

    public required string Summary { get; init; }

    public required string LinkedBy { get; init; }

    public DateTime LinkedAtUtc { get; init; }

    string IAudited.AuditKey => Id.ToString();

    string? IAudited.AuditRegionCode => RegionCode;
}

/// <summary>What an affected place is to the incident.</summary>
public enum AffectedPlaceKind
{
    /// <summary>就餐或发病场所.</summary>
    Onset,

    /// <summary>救治的医疗机构.</summary>
    Treatment,

    /// <summary>可疑食品的来源（生产经营者、供货商）.</summary>
    Source,

    /// <summary>可疑食品的流向（同批次销往之处）.</summary>
    Distribution,
}

/// <summary>
/// A place the incident touches — where people fell ill, where they are treated, where the suspected food came from and
/// went — with its street and the number of cases there: the command view's list and chart, and the spread across towns
/// the grade depends on. Regulated by the incident's region (the command sees every place of its incident).
/// </summary>
public sealed class IncidentPlace : IRegionScoped, IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid IncidentId { get; init; }

    /// <summary>The incident's region.</summary>
    public required string RegionCode { get; set; }

    /// <summary>The street/town (or county) where the place is; may lie outside the incident's region.</summary>
    public required string PlaceRegionCode { get; init; }

    public AffectedPlaceKind Kind { get; init; }

    public required string Name { get; init; }

    public string? Address { get; init; }

    public Guid? BusinessId { get; init; }

    /// <summary>People ill (at an onset place) or treated (at a hospital) there.</summary>
    public int Cases { get; init; }

    public string? Note { get; init; }

    public required string AddedBy { get; init; }

    public DateTime AddedAtUtc { get; init; }

    string IAudited.AuditKey => Id.ToString();

    string? IAudited.AuditRegionCode => RegionCode;
}
