using Shian.Governance.Rules;
using Shian.Kernel.Audit;
using Shian.Kernel.Scoping;

namespace Shian.Governance.Domain;

public enum AssessmentStatus
{
    /// <summary>草稿: items and scores may change; results are computed live.</summary>
    Draft,

    /// <summary>已公布: results frozen and public.</summary>
    Published,
}

/// <summary>
/// 考核方案: a 食安办's yearly assessment of the districts below it and of its own departments. Carries the assessing
/// region; results carry each assessee's region so that a district sees its own.
/// </summary>
public sealed class AssessmentScheme : IRegionScoped, IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string RegionCode { get; init; }

    public int Year { get; init; }

    public required string Title { get; set; }

    public AssessmentStatus Status { get; set; }

    public decimal ExcellentFrom { get; set; } = GradeThresholds.Default.Excellent;

    public decimal GoodFrom { get; set; } = GradeThresholds.Default.Good;

    public decimal PassFrom { get; set; } = GradeThresholds.Default.Pass;

    public required string CreatedBy { get; init; }

    public DateTime CreatedAtUtc { get; init; }

    public string? PublishedBy { get; set; }

    public DateTime? PublishedAtUtc { get; set; }

    public GradeThresholds Thresholds => new(ExcellentFrom, GoodFrom, PassFrom);

    string IAudited.AuditKey => Id.ToString();

    string? IAudited.AuditRegionCode => RegionCode;
}

/// <summary>考核项目: what is scored, how, and with what weight.</summary>
public sealed class AssessmentItem : IRegionScoped, IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid SchemeId { get; init; }

    /// <summary>The scheme's region.</summary>
    public required string RegionCode { get; init; }

    public int Ordinal { get; set; }

    public required string Name { get; set; }

    public AssessmentItemKind Kind { get; init; }

    /// <summary>Full marks of the item (points).</summary>
    public decimal Weight { get; set; }

    /// <summary>Null: districts and departments alike.</summary>
    public AssesseeKind? AppliesTo { get; set; }

    /// <summary>Kind Target: the plan target judged.</summary>
    public Guid? TargetId { get; init; }

    /// <summary>Kind TaskCompletion: the plan whose tasks count.</summary>
    public Guid? PlanId { get; init; }

    /// <summary>Kind IncognitoChecks: points off per problem found.</summary>
    public decimal DeductionPerProblem { get; set; }

    public ItemSpec Spec => new(Id, Name, Kind, Weight, DeductionPerProblem);

    string IAudited.AuditKey => Id.ToString();

    string? IAudited.AuditRegionCode => RegionCode;
}

/// <summary>Points an assessor gave an assessee on a manual or bonus item.</summary>
public sealed class AssessmentManualScore : IRegionScoped, IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid SchemeId { get; init; }

    public Guid ItemId { get; init; }

    /// <summary>The scheme's region.</summary>
    public required string RegionCode { get; init; }

    public required string AssesseeKey { get; init; }

    public decimal Points { get; set; }

    public string? Note { get; set; }

    public required string EnteredBy { get; set; }

    public DateTime EnteredAtUtc { get; set; }

    string IAudited.AuditKey => Id.ToString();

    string? IAudited.AuditRegionCode => RegionCode;
}

/// <summary>一票否决 of an assessee for the year, with the event that caused it.</summary>
public sealed class AssessmentVeto : IRegionScoped, IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid SchemeId { get; init; }

    /// <summary>The scheme's region.</summary>
    public required string RegionCode { get; init; }

    public required string AssesseeKey { get; init; }

    public required string Reason { get; init; }

    public DateOnly OccurredOn { get; init; }

    public required string RecordedBy { get; init; }

    public DateTime RecordedAtUtc { get; init; }

    string IAudited.AuditKey => Id.ToString();

    string? IAudited.AuditRegionCode => RegionCode;
}

/// <summary>An assessee's frozen result, written when the scheme is published; carries the assessee's region.</summary>
public sealed class AssessmentResult : IRegionScoped
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid SchemeId { get; init; }

    public int Year { get; init; }

    /// <summary>The assessee's region (a district's code, or the department's region).</summary>
    public required string RegionCode { get; init; }

    public required string SchemeRegionCode { get; init; }

    public required string AssesseeKey { get; init; }

    public required string AssesseeName { get; init; }

    public AssesseeKind AssesseeKind { get; init; }

    public decimal BaseScore { get; init; }

    public decimal Bonus { get; init; }

    public decimal Total { get; init; }

    public int Rank { get; init; }

    public AssessmentGrade Grade { get; init; }

    public bool Vetoed { get; init; }

    public string? VetoReason { get; init; }

    public int TargetsMissed { get; init; }

    /// <summary>Item scores as JSON (name, points, max, explanation) so the published breakdown never changes.</summary>
    public required string ItemsJson { get; init; }
}

public enum InterviewStatus
{
    /// <summary>建议约谈: proposed by a rule, awaiting the office's decision.</summary>
    Proposed,

    /// <summary>已约谈.</summary>
    Held,

    /// <summary>不予约谈 (with a reason).</summary>
    Dismissed,
}

/// <summary>约谈: the higher government talks to a region's (or unit's) leaders; proposed by rule or recorded directly.</summary>
public sealed class Interview : IRegionScoped, IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The interviewed region.</summary>
    public required string RegionCode { get; init; }

    public required string IssuerRegionCode { get; init; }

    public required string SubjectKey { get; init; }

    public required string SubjectName { get; init; }

    public InterviewTrigger Trigger { get; init; }

    public required string Reason { get; init; }

    public InterviewStatus Status { get; set; }

    public Guid? SchemeId { get; init; }

    public Guid? SupervisionNoticeId { get; init; }

    public int? Year { get; init; }

    public DateTime ProposedAtUtc { get; init; }

    public DateOnly? HeldOn { get; set; }

    public string? Attendees { get; set; }

    public string? Notes { get; set; }

    public string? DecidedBy { get; set; }

    public DateTime? DecidedAtUtc { get; set; }

    string IAudited.AuditKey => Id.ToString();

    string? IAudited.AuditRegionCode => RegionCode;
}
