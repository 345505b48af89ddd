using Shian.Inspections.Rules;
using Shian.Kernel.Audit;
using Shian.Kernel.Scoping;

namespace Shian.Inspections.Domain;

/// <summary>
/// A checklist inspection (表格化检查) of a business: answers per item, the result, photos and the signature, and what
/// follows — a rectification deadline (基本符合/不符合), a case clue (不符合) — and the date by which the result must be
/// public (20 working days, Order 49 第三十九条).
/// </summary>
public sealed class InspectionRecord : IRegionScoped, IBusinessOwned, IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>Generated with the form: a double tap or a resent form stores one record.</summary>
    public Guid SubmissionId { get; init; }

    public Guid BusinessId { get; init; }

    public required string BusinessName { get; init; }

    /// <summary>The business's region.</summary>
    public required string RegionCode { get; init; }

    /// <summary>The business's USCC when recorded: its own account reads the record (and replies to it) through this.</summary>
    public string? BusinessUscc { get; init; }

    public Guid? VisitId { get; init; }

    public DateOnly InspectedOn { get; init; }

    public required string ChecklistCode { get; init; }

    /// <summary>Item code → Yes/No/NotApplicable, with notes, as JSON.</summary>
    public required string AnswersJson { get; init; }

    public InspectionResult Result { get; init; }

    public required string Findings { get; init; }

    public required string Inspectors { get; init; }

    /// <summary>The failed items judged to affect food safety (comma-separated codes): they made the record 不符合 (review D-13).</summary>
    public string? SafetyItems { get; init; }

    /// <summary>Attachment ids of the photos, comma-separated.</summary>
    public string? PhotoIds { get; init; }

    public Guid? SignatureId { get; init; }

    public DateOnly? RectifyBy { get; set; }

    public bool CaseClue { get; init; }

    /// <summary>立案 decision due (15 working days from the clue, 市场监督管理行政处罚程序规定 第十八条) for a 不符合 result.</summary>
    public DateOnly? CaseDecisionDue { get; init; }

    /// <summary>For a re-inspection: the inspection whose rectification it checked.</summary>
    public Guid? FollowsUpRecordId { get; init; }

    /// <summary>Why an unplanned inspection repeats one made within the window (<see cref="Rules.RepeatInspection"/>).</summary>
    public Rules.RepeatReason? RepeatReason { get; init; }

    /// <summary>When a re-inspection checked the rectification, and whether it was found rectified (复查结论).</summary>
    public DateOnly? RectificationCheckedOn { get; set; }

    public bool? Rectified { get; set; }

    /// <summary>The statutory limit for publication (20 working days, Order 49 第三十九条).</summary>
    public DateOnly PublishBy { get; init; }

    /// <summary>
    /// The office's own target: published after an officer's review within this date (7 calendar days from the inspection
    /// by default, <c>Inspections:PublishWithinDays</c>; never later than <see cref="PublishBy"/>).
    /// </summary>
    public DateOnly PublishTarget { get; init; }

    /// <summary>When the reviewed result became public (null: awaiting the officer's review).</summary>
    public DateTime? PublishedAtUtc { get; set; }

    /// <summary>The officer who reviewed and published the result.</summary>
    public string? PublishedBy { get; set; }

    /// <summary>Set when a reviewer holds the result back for correction (the reason; cleared when it is published).</summary>
    public string? HeldReason { get; set; }

    public required string RecordedBy { get; init; }

    public DateTime RecordedAtUtc { get; init; }

    string IAudited.AuditKey => Id.ToString();

    string? IAudited.AuditRegionCode => RegionCode;
}
